"""claimcheck compare PATH...: claims grouped by what they count, discrepancies across sources."""

from __future__ import annotations

import shutil
import sys

import click

from ..api import extract
from ..compare import compare_claims, read_rates
from ..errors import ClaimcheckError
from ..render import render
from ..render.report import render_detail_table, render_group_table
from . import cli
from .common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    FRAME_FORMATS,
    common_options,
    emit,
    format_option,
    lang_arg,
    pick_format,
    report_errors,
)

FORMATS = (*FRAME_FORMATS, "html")


def write_out(data: bytes, output: str | None) -> None:
    """-o FILE atomically (common.emit), else the bytes to standard output."""
    if output:
        emit(data, output)
    else:
        click.echo(data, nl=False)


def tolerance_option(fn):
    return click.option(
        "--tolerance", type=click.FloatRange(0, 1, max_open=True), default=None,
        help="Relative gap under which disjoint figures are 'near', e.g. 0.02 for 2 % "
             "(default from rules/compare.yaml).",
    )(fn)


def rates_option(fn):
    return click.option(
        "--rates", type=click.Path(dir_okay=False), default=None,
        help="CSV of currency rates (columns from, to, rate: 1 from = rate to) so that "
             "figures in different currencies can be compared.",
    )(fn)


def _group_table(comparison, **_: object) -> bytes:
    return render_group_table(comparison.groups,
                              width=shutil.get_terminal_size((80, 24)).columns)


def _detail_table(comparison, **_: object) -> bytes:
    return render_detail_table(comparison.detail,
                               width=shutil.get_terminal_size((80, 24)).columns)


def _html(comparison, **_: object) -> bytes:
    return render("html", comparison.detail, groups=comparison.groups,
                  summary=comparison.summary())


# formats whose compare view is not the plain frame renderer
GROUP_VIEWS = {"table": _group_table, "html": _html}
DETAIL_VIEWS = {"table": _detail_table, "html": _html}


@cli.command("compare")
@common_options
@format_option(FORMATS)
@click.option("--detail", is_flag=True,
              help="One row per claim with its group id instead of one row per group.")
@tolerance_option
@rates_option
def compare_cmd(paths, output, lang, source, fmt, detail, tolerance, rates) -> None:
    """Group the claims of PATH... by concept and unit and show where sources disagree.

    Exit status 1 when any group is in conflict.
    """
    fmt = pick_format(fmt, output)
    try:
        rate_table = read_rates(rates) if rates else None
        result = extract(paths, lang=lang_arg(lang), source=source,
                         stdin=click.open_file("-", "rb"))
        comparison = compare_claims(result.frame, tolerance=tolerance, rates=rate_table)
    except ClaimcheckError as exc:
        report_errors([exc])
        sys.exit(EXIT_ERROR)
    views = DETAIL_VIEWS if detail else GROUP_VIEWS
    if fmt in views:
        data = views[fmt](comparison)
    elif detail:
        data = render(fmt, comparison.detail)
    else:
        data = render(fmt, comparison.groups)
    write_out(data, output)
    report_errors(result.errors, result.warnings)
    click.echo(f"claimcheck: {comparison.summary()}", err=True)
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if comparison.conflicts else EXIT_OK)
