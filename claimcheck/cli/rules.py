"""claimcheck rules [CODE...]: the lint rules, generated from rules/lint/*.yaml."""

from __future__ import annotations

import sys

import click
import polars as pl

from ..errors import ClaimcheckError
from ..lint.ruleset import RuleSet, get_rules, rules_markdown_table
from ..render import render
from . import cli
from .common import EXIT_ERROR, EXIT_OK, emit, output_option, report_errors

RULE_SCHEMA = pl.Schema({
    "code": pl.String, "name": pl.String, "severity": pl.String, "family": pl.String,
    "summary": pl.String, "check": pl.String, "aliases": pl.String, "examples": pl.Int64,
})
RULE_FORMATS = ("text", "markdown", "table", "csv", "json", "jsonl")


def rules_frame(rules: RuleSet) -> pl.DataFrame:
    rows = [
        {"code": r.code, "name": r.name, "severity": r.severity.value, "family": r.family,
         "summary": r.summary, "check": r.check, "aliases": ",".join(r.aliases),
         "examples": len(r.examples)}
        for r in rules
    ]
    return pl.DataFrame(rows, schema=RULE_SCHEMA, orient="row" if rows else None)


def rules_text(rules: RuleSet) -> str:
    width = max((len(r.name) for r in rules), default=0)
    lines = [f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.summary}" for r in rules]
    return "\n".join(lines) + ("\n" if lines else "")


@cli.command("rules")
@click.argument("codes", nargs=-1, metavar="[CODE...]")
@output_option
@click.option("--format", "fmt", type=click.Choice(RULE_FORMATS), default="text", show_default=True,
              help="Output format; markdown is the README's rule table.")
def rules_cmd(codes, output, fmt) -> None:
    """The rules lint knows: code, name, severity and what each finds.

    CODE... limits the list (codes, prefixes such as CC5, dotted names).
    """
    try:
        rules = get_rules()
        if codes:
            wanted: set[str] = set()
            for c in codes:
                try:
                    wanted.update(rules.resolve(c))
                except KeyError:
                    raise click.BadParameter(f"{c!r} names no lint rule",
                                             param_hint="CODE") from None
            rules = RuleSet(tuple(r for r in rules if r.code in wanted))
    except ClaimcheckError as exc:
        report_errors([exc])
        sys.exit(EXIT_ERROR)
    if fmt == "text":
        data = rules_text(rules).encode("utf-8")
    elif fmt == "markdown":
        data = rules_markdown_table(rules).encode("utf-8")
    else:
        data = render(fmt, rules_frame(rules))
    emit(data, output)
    sys.exit(EXIT_OK)
