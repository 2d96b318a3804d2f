"""claimcheck extract PATH...: numeric claims, one row each."""

from __future__ import annotations

import sys

import click

from ..api import extract
from ..errors import ClaimcheckError
from . import cli
from .common import (
    EXIT_ERROR,
    EXIT_OK,
    common_options,
    emit_frame,
    format_option,
    lang_arg,
    pick_format,
    report_errors,
)

TABLE_COLUMNS = ("source", "line", "column", "text", "value", "low", "high", "qualifier", "unit",
                 "role", "subject", "concept", "speaker", "lang", "number_format", "ambiguous")


@cli.command("extract")
@common_options
@format_option()
def extract_cmd(paths, output, lang, source, fmt) -> None:
    """Numeric claims in PATH... (files, directories, '-' for standard input), one row each."""
    fmt = pick_format(fmt, output)
    try:
        with click.open_file("-", "rb") as stdin:
            result = extract(paths, lang=lang_arg(lang), source=source, stdin=stdin)
    except ClaimcheckError as exc:
        report_errors([exc])
        sys.exit(EXIT_ERROR)
    frame = result.frame
    emit_frame(frame, fmt, output, columns=TABLE_COLUMNS if fmt == "table" else None)
    report_errors(result.errors, result.warnings)
    sys.exit(EXIT_ERROR if result.errors else EXIT_OK)
