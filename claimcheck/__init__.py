"""claimcheck: numeric claims from news text, compared across sources and conventions.

Public API (no click here)::

    from claimcheck import extract_text, extract
    claims = extract_text("Mehr als 94.000 Soldaten", lang="de")
    result = extract(["articles/"])        # result.frame, result.errors, result.warnings
    groups = compare(result.frame)          # one row per concept/role/unit group, with a verdict
"""

from __future__ import annotations

from .api import ExtractResult, extract, extract_text
from .compare import compare
from .lint import LintOptions, LintResult
from .lint import lint_paths as lint
from .verify import verify

__version__ = "0.1.0"
__all__ = [
    "ExtractResult", "LintOptions", "LintResult", "__version__", "compare", "compiled", "extract",
    "extract_text", "lint", "verify",
]


def compiled() -> bool:
    """Whether the claim engine runs as mypyc-compiled C extensions (``pip install .``)
    or as plain Python (``pip install -e .``, or CLAIMCHECK_COMPILE=0): hatch_build.py."""
    from . import pipeline

    return not pipeline.__file__.endswith(".py")
