"""Options and output shared by every command."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from ..errors import ClaimcheckError, InputError
from ..render import RENDERERS, render
from ..render.atomic import write_atomic

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
FRAME_FORMATS = ("table", "csv", "json", "jsonl", "parquet")


def paths_argument(fn: Callable) -> Callable:
    return click.argument("paths", nargs=-1, required=True, metavar="PATH...")(fn)


def format_option(choices: tuple[str, ...] = FRAME_FORMATS, default: str | None = None) -> Callable:
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default,
        help="Output format (default: table on a terminal, csv otherwise).",
    )


def output_option(fn: Callable) -> Callable:
    return click.option(
        "-o", "--output", type=click.Path(dir_okay=False, writable=True),
        help="Write to FILE (whole or not at all) instead of standard output.",
    )(fn)


def lang_option(fn: Callable) -> Callable:
    return click.option(
        "--lang", type=click.Choice(["auto", "de", "en", "fr"]), default="auto", show_default=True,
        help="Language of the input; auto detects it per sentence.",
    )(fn)


def source_option(fn: Callable) -> Callable:
    return click.option("--source", help="Document name for standard input ('-').")(fn)


def common_options(fn: Callable) -> Callable:
    for deco in reversed((paths_argument, output_option, lang_option, source_option)):
        fn = deco(fn)
    return fn


def pick_format(fmt: str | None, output: str | None, tty_default: str = "table",
                pipe_default: str = "csv") -> str:
    if fmt:
        return fmt
    if output:
        suffix = output.rsplit(".", 1)[-1].lower()
        if suffix in RENDERERS:
            return suffix
    return tty_default if sys.stdout.isatty() else pipe_default


def lang_arg(lang: str) -> str | None:
    return None if lang == "auto" else lang


def report_errors(errors: list[InputError | ClaimcheckError], warnings: list[str] = ()) -> None:
    for w in warnings:
        click.echo(f"claimcheck: warning: {w}", err=True)
    for e in errors:
        click.echo(f"claimcheck: error: {e}", err=True)


def emit(data: bytes, output: str | None) -> None:
    """Write rendered output to -o FILE atomically, or to standard output."""
    if output:
        try:
            write_atomic(output, data)
        except OSError as exc:
            click.echo(f"claimcheck: error: cannot write {output}: {exc.strerror or exc}", err=True)
            raise SystemExit(EXIT_ERROR) from exc
        return
    click.echo(data, nl=False)


def emit_frame(frame, fmt: str, output: str | None, **options) -> None:
    emit(render(fmt, frame, **options), output)
