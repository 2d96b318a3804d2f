"""The command line: a click group of thin commands (one module per command).

Commands parse options, call the library, pick a renderer and exit with
EXIT_OK (nothing to report), EXIT_FINDINGS (findings/discrepancies) or EXIT_ERROR
(usage or input error).
"""

from __future__ import annotations

import click

from .. import __version__
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def cli() -> None:
    """Extract, compare, lint and verify numeric claims in news text (de, en, fr)."""


from . import compare as _compare, verify as _verify  # noqa
from . import extract as _extract  # noqa: E402,F401  (registers the command)
from . import lint as _lint, rules as _rules  # noqa: E402,F401  (register lint, rules)


def main() -> None:
    cli(prog_name="claimcheck")


__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "cli", "main"]
