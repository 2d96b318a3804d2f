"""claimcheck verify PATH... --reference FIGURES.csv: claims against trusted figures."""

from __future__ import annotations

import shutil
import sys

import click

from ..api import extract
from ..compare import read_rates
from ..errors import ClaimcheckError
from ..render import render
from ..render.report import render_verify_table
from ..verify import read_reference, verify_claims
from . import cli
from .common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    common_options,
    format_option,
    lang_arg,
    pick_format,
    report_errors,
)
from .compare import rates_option, tolerance_option, write_out


@cli.command("verify")
@common_options
@click.option("--reference", "reference", required=True, type=click.Path(dir_okay=False),
              metavar="FIGURES.csv",
              help="CSV of trusted figures: concept, value or low/high, unit, source, as_of, "
                   "optional tolerance (relative fraction), role, period.")
@format_option()
@tolerance_option
@rates_option
def verify_cmd(paths, output, lang, source, reference, fmt, tolerance, rates) -> None:
    """Check every claim in PATH... whose concept has a figure in the reference table.

    Exit status 1 when any claim conflicts with its reference figure.
    """
    fmt = pick_format(fmt, output)
    try:
        refs = read_reference(reference)
        rate_table = read_rates(rates) if rates else None
    except ClaimcheckError as exc:
        report_errors([exc])
        sys.exit(EXIT_ERROR)
    try:
        result = extract(paths, lang=lang_arg(lang), source=source,
                         stdin=click.open_file("-", "rb"))
        checked = verify_claims(result.frame, refs, tolerance=tolerance, rates=rate_table)
    except ClaimcheckError as exc:
        report_errors([exc])
        sys.exit(EXIT_ERROR)
    if fmt == "table":
        data = render_verify_table(checked.frame, width=shutil.get_terminal_size((80, 24)).columns)
    else:
        data = render(fmt, checked.frame)
    write_out(data, output)
    report_errors(result.errors, result.warnings)
    click.echo(f"claimcheck: {checked.summary()}", err=True)
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if checked.conflicts else EXIT_OK)
