"""claimcheck extract PATH...: numeric claims, one row each.

Inputs are extracted on ``--jobs`` processes (parallel.py) and written as they come, in
input order (render/stream.py), so memory stays flat however large the corpus; ``-o``
is replaced only when the whole output is written (render/atomic.py).  ``--engine dask``
runs the same extraction on a Dask cluster and writes a Parquet dataset (engines/).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from pathlib import Path

import click

from ..batch import BatchResult
from ..errors import ClaimcheckError, InputError
from ..parallel import default_jobs, extract_parallel
from ..render.atomic import atomic_writer
from ..render.stream import open_stream
from . import cli
from .common import (
    EXIT_ERROR,
    EXIT_OK,
    common_options,
    format_option,
    lang_arg,
    pick_format,
    report_errors,
)

TABLE_COLUMNS = ("source", "line", "column", "text", "value", "low", "high", "qualifier", "unit",
                 "role", "subject", "concept", "speaker", "lang", "number_format", "ambiguous")
EXIT_INTERRUPTED = 130
"""128 + SIGINT, the shell's convention for a run stopped with Ctrl-C."""


def _jobs_help() -> str:
    return f"Worker processes (default: every core, here {default_jobs()})."


@cli.command("extract")
@common_options
@format_option()
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help=_jobs_help())
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="local: this machine's processes; dask: a Dask cluster, writing a Parquet "
                   "dataset to -o DIR.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler (tcp://host:8786); without it a local cluster of --jobs "
                   "workers is started.")
def extract_cmd(paths, output, lang, source, fmt, jobs, engine, scheduler) -> None:
    """Numeric claims in PATH... (files, directories, '-' for standard input), one row each."""
    if engine == "dask":
        _extract_dask(paths, output, lang, source, fmt, jobs, scheduler)
        return
    if scheduler:
        raise click.UsageError("--scheduler needs --engine dask")
    if output and os.path.isdir(output):
        raise click.BadParameter(f"{output} is a folder (a folder is for --engine dask)",
                                 param_hint="-o/--output")
    fmt = pick_format(fmt, output)
    errors: list[ClaimcheckError] = []
    warnings: list[str] = []
    try:
        with _sigterm_interrupts(), click.open_file("-", "rb") as stdin:
            results = extract_parallel(paths, lang=lang_arg(lang), source=source, stdin=stdin,
                                       jobs=jobs, progress=True)
            _write(results, fmt, output, errors, warnings)
    except KeyboardInterrupt:
        report_errors([ClaimcheckError(
            "interrupted" + (f"; {output} left as it was" if output else ""))])
        sys.exit(EXIT_INTERRUPTED)
    report_errors(errors, warnings)
    sys.exit(EXIT_ERROR if errors else EXIT_OK)


# -o names a folder with --engine dask: the shared option refuses folders, so this
# command's copy accepts them (whether it fits the engine is checked in the command).
for _param in extract_cmd.params:
    if _param.name == "output":
        _param.type = click.Path(writable=True)
        _param.metavar = "FILE|DIR"


@contextlib.contextmanager
def _sigterm_interrupts():
    """SIGTERM (kill, a scheduler's time limit) cleans up like Ctrl-C: no temp file stays."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write(results, fmt: str, output: str | None, errors: list, warnings: list) -> None:
    """Stream every result into the output (stdout, or -o whole or not at all)."""
    options = {"columns": TABLE_COLUMNS} if fmt == "table" else {}
    if not output:
        with click.open_file("-", "wb") as sink:
            try:
                _pump(results, open_stream(fmt, sink, **options), errors, warnings)
                sink.flush()
            except BrokenPipeError:  # `| head`: the reader has seen enough
                _quiet_stdout()
        return
    spill = str(Path(output).parent) if fmt == "parquet" else None
    try:
        with atomic_writer(output) as sink:
            _pump(results, open_stream(fmt, sink, spill_dir=spill or None, **options),
                  errors, warnings)
    except OSError as exc:
        report_errors([ClaimcheckError(f"cannot write {output}: {exc.strerror or exc}")])
        raise SystemExit(EXIT_ERROR) from exc


def _pump(results, writer, errors: list, warnings: list) -> None:
    try:
        for r in results:
            r: BatchResult
            writer.write(r.claims)
            errors.extend(r.errors)
            warnings.extend(r.warnings)
        writer.close()
    except BaseException:
        writer.abort()
        raise


def _quiet_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _extract_dask(paths, output, lang, source, fmt, jobs, scheduler) -> None:
    if not output:
        raise click.UsageError("--engine dask writes a Parquet dataset: give -o DIR")
    if fmt not in (None, "parquet"):
        raise click.UsageError("--engine dask writes Parquet only (--format parquet)")
    try:
        from ..engines.dask import extract_to_dataset
    except ImportError as exc:
        report_errors([ClaimcheckError(
            f"--engine dask needs Dask distributed ({exc.name} is missing): "
            "pip install 'claimcheck[dask]'")])
        sys.exit(EXIT_ERROR)
    try:
        with _sigterm_interrupts(), click.open_file("-", "rb") as stdin:
            result = extract_to_dataset(paths, output, lang=lang_arg(lang), source=source,
                                        stdin=stdin, scheduler=scheduler, workers=jobs)
    except InputError as exc:
        report_errors([exc])
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        report_errors([ClaimcheckError(f"interrupted; {output} left as it was")])
        sys.exit(EXIT_INTERRUPTED)
    report_errors(result.errors, result.warnings)
    sys.exit(EXIT_ERROR if result.errors else EXIT_OK)


__all__ = ["TABLE_COLUMNS", "extract_cmd"]
