"""claimcheck lint PATH...: pre-publication findings, ``file:line:col: CODE message``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import ClaimcheckError, UsageError
from ..lexicon import LANGS
from ..lint.config import CONVENTIONS, ConfigError, parse_style, read_config_file
from ..lint.engine import LintOptions, lint_paths
from ..lint.ruleset import get_rules
from ..lint.suppress import write_baseline
from ..model import Severity
from ..render.atomic import write_atomic
from ..render.findings import FINDING_RENDERERS, FindingReport, render_findings
from . import cli
from .common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    common_options,
    emit,
    lang_arg,
    report_errors,
)

FAIL_ON = ("info", "warning", "error", "never")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for raw in values for v in raw.split(",") if v.strip())


def _style(values: tuple[str, ...]) -> dict[str, str] | None:
    """--style ch (every language) or --style de=ch (one language); repeatable."""
    if not values:
        return None
    out: dict[str, str] = {}
    for v in values:
        lang, _, conv = v.rpartition("=")
        try:
            if lang:
                if lang not in LANGS:
                    raise ConfigError("--style", f"{lang!r} is not one of {', '.join(LANGS)}")
                out.update(parse_style({lang: conv}, "--style"))
            else:
                out.update(parse_style(conv, "--style"))
        except ConfigError as exc:
            raise click.BadParameter(exc.msg, param_hint="--style") from None
    return out


@cli.command("lint")
@common_options
@click.option("--format", "fmt", type=click.Choice(tuple(FINDING_RENDERERS)), default="text",
              show_default=True, help="Output format; github gives workflow annotations.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rules (codes, prefixes such as CC1, dotted names; comma-separated).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Leave out these rules.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True,
              help="Exit 1 when a finding is at or above this severity.")
@click.option("--style", multiple=True, metavar="CONV|LANG=CONV",
              help=f"House number convention ({', '.join(CONVENTIONS)}) for every language, or "
                   "per language (de=ch).")
@click.option("--published", metavar="DATE",
              help="Publication date (YYYY-MM-DD) for weekday checks of dates without a year.")
@click.option("--tolerance", type=click.FloatRange(min=0), metavar="FRACTION",
              help="Relative slack when comparing figures (0.01 = 1 %).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True),
              help="Use this claimcheck.toml / pyproject.toml instead of the one found upward.")
@click.option("--baseline", type=click.Path(dir_okay=False, exists=True),
              help="Leave out the findings recorded in this baseline file.")
@click.option("--write-baseline", "baseline_out", type=click.Path(dir_okay=False, writable=True),
              help="Record the current findings in FILE (then exit 0).")
@click.option("--diff", "diff_rev", metavar="REV",
              help="Only lines changed since the merge base of REV and HEAD (git).")
def lint_cmd(paths, output, lang, source, fmt, select, ignore, fail_on, style, published,
             tolerance, config_file, baseline, baseline_out, diff_rev) -> None:
    """Pre-publication findings in PATH... as file:line:col: CODE message.

    Exit 0 when nothing is at or above --fail-on, 1 when something is, 2 for usage or
    input errors.  Rules: `claimcheck rules`.
    """
    try:
        config = read_config_file(Path(config_file)) if config_file else None
        if config_file and config is None:
            raise ConfigError(config_file, "has no [tool.claimcheck] table")
        opts = LintOptions(
            select=_split(select) or None,
            ignore=_split(ignore),
            style=_style(style),
            published=published,
            tolerance=tolerance,
            lang=lang_arg(lang),
            config=config,
            baseline=baseline,
            diff=diff_rev,
        )
        rules = get_rules()
        result = lint_paths(paths, opts, source=source, stdin=click.open_file("-", "rb"),
                            rules=rules)
    except (ClaimcheckError, UsageError) as exc:
        report_errors([exc])
        sys.exit(EXIT_ERROR)

    if baseline_out:
        data = write_baseline(baseline_out, result.findings, result.fingerprints)
        try:
            write_atomic(baseline_out, data)
        except OSError as exc:
            report_errors([UsageError(f"cannot write {baseline_out}: {exc.strerror or exc}")])
            sys.exit(EXIT_ERROR)
        report_errors(result.errors, result.warnings)
        click.echo(f"claimcheck: wrote {len(result.findings)} findings to {baseline_out}",
                   err=True)
        sys.exit(EXIT_ERROR if result.errors else EXIT_OK)

    report = FindingReport(result.findings, list(rules), result.fingerprints, result.documents,
                           result.suppressed, result.baselined)
    emit(render_findings(fmt, report), output)
    report_errors(result.errors, result.warnings)
    if result.errors:
        sys.exit(EXIT_ERROR)
    if fail_on != "never" and result.at_or_above(Severity(fail_on)):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)
