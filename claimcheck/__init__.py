"""claimcheck: numeric claims from news text, compared across sources and conventions.

Public API (no click here)::

    from claimcheck import extract_text, extract
    claims = extract_text("Mehr als 94.000 Soldaten", lang="de")
    result = extract(["articles/"])        # result.frame, result.errors, result.warnings
"""

from __future__ import annotations

from .api import ExtractResult, extract, extract_text

__version__ = "0.1.0"
__all__ = ["ExtractResult", "__version__", "extract", "extract_text"]
