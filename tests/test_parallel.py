"""--jobs and streaming: same rows in the same order whatever the number of processes.

Issue 6, items 1 and 5: files are extracted on a process pool with results in input
order; output is written batch by batch (render/stream.py) and must be byte for byte
what the one-shot renderer writes; a worker that dies is retried alone, and a task that
kills its worker every time becomes one error line per file while the rest complete.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from bench_parallel import make_corpus

from claimcheck import parallel
from claimcheck.batch import BatchResult, extract_batch, extract_paths
from claimcheck.parallel import Progress, Task, crashed_task, extract_parallel, ordered_map
from claimcheck.read import walk
from claimcheck.render import RENDERERS
from claimcheck.render.stream import open_stream
from claimcheck.table import CLAIM_SCHEMA

ROOT = Path(__file__).resolve().parent.parent
MIXED = ["fixtures/articles", "fixtures/bad", "fixtures/collections", "fixtures/html",
         "fixtures/no-such-file.txt"]
"""Articles of every kind, broken inputs, collections (csv/jsonl), HTML, a missing path."""


def _run(paths, jobs: int, **kw) -> list[BatchResult]:
    return list(extract_parallel(paths, jobs=jobs, min_parallel_bytes=0, **kw))


def _frame(results: list[BatchResult]) -> pl.DataFrame:
    return pl.concat([r.claims for r in results])


def _messages(results: list[BatchResult]) -> tuple[list[str], list[str]]:
    return ([str(e) for r in results for e in r.errors], [w for r in results for w in r.warnings])


@pytest.fixture(scope="module")
def mixed_single(request) -> list[BatchResult]:
    os.chdir(ROOT)
    return _run(MIXED, jobs=1, task_bytes=6000)


# --- same rows, same order ------------------------------------------------------------


def test_two_jobs_give_the_rows_of_one_job_in_order(mixed_single, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    two = _run(MIXED, jobs=2, task_bytes=6000)
    assert len(two) > 10  # the input really was cut into many tasks
    assert _frame(two).equals(_frame(mixed_single))
    assert _messages(two) == _messages(mixed_single)


def test_task_size_does_not_change_the_rows(mixed_single, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    whole = _run(MIXED, jobs=1, task_bytes=1 << 30)
    assert _frame(whole).equals(_frame(mixed_single))
    assert _messages(whole) == _messages(mixed_single)


def test_the_rows_are_those_of_the_library(mixed_single, monkeypatch) -> None:
    """extract_parallel is api.extract cut into tasks: same claims, same errors."""
    from claimcheck.api import extract

    monkeypatch.chdir(ROOT)
    lib = extract(MIXED)
    assert _frame(mixed_single).equals(lib.frame)
    errors, warnings = _messages(mixed_single)
    assert errors == [str(e) for e in lib.errors]
    assert warnings == lib.warnings


def test_every_input_counts_once_for_progress(mixed_single) -> None:
    walked = [w for w in walk(MIXED)]
    assert sum(r.files for r in mixed_single) == len(walked)
    sizes = sum(os.stat(w).st_size for w in walked if isinstance(w, str))
    assert sum(r.nbytes for r in mixed_single) == sizes


def test_collection_rows_are_spread_over_tasks(tmp_path: Path) -> None:
    rows = [{"source": f"wire-{i}", "text": f"Rund {i + 1}.000 Menschen kamen, sagte sie."}
            for i in range(40)]
    path = tmp_path / "wires.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    results = _run([str(path)], jobs=2, task_bytes=200)
    assert len(results) > 5
    frame = _frame(results)
    assert frame["source"].to_list() == [r["source"] for r in rows]
    assert frame["value"].to_list() == [float((i + 1) * 1000) for i in range(40)]


def test_extract_paths_equals_extract_batch_of_the_same_documents(monkeypatch) -> None:
    """The Arrow-in core and the file reader give the same rows for the same documents."""
    from claimcheck.batch import documents_to_frame
    from claimcheck.read import read_inputs

    monkeypatch.chdir(ROOT)
    paths = ["fixtures/articles/en", "fixtures/articles/de/001-truppen-grenze.txt"]
    docs = [d for d in read_inputs(paths)]
    claims, errors = extract_batch(documents_to_frame(docs))
    assert errors.height == 0
    assert claims.equals(extract_paths([str(p) for p in walk(paths)]).claims)


def test_extract_batch_takes_and_gives_arrow() -> None:
    import pyarrow as pa

    table = pa.table({"source": ["a", "b", "c"],
                      "text": ["More than 94,000 troops, he said.", "", "Rund 3.000 Menschen."],
                      "lang": ["en", None, "xx"]})
    claims, errors = extract_batch(table)
    assert isinstance(claims, pa.Table) and isinstance(errors, pa.Table)
    assert claims.column_names == CLAIM_SCHEMA.names()
    assert claims.column("text").to_pylist() == ["More than 94,000"]
    assert errors.to_pylist() == [
        {"source": "b", "reason": "row has no text"},
        {"source": "c", "reason": "lang 'xx' is not one of de, en, fr"},
    ]


# --- the pool -------------------------------------------------------------------------
# ``eval`` is a builtin, so it pickles into a spawned worker: tasks are expressions.

KILL = "__import__('os').kill(__import__('os').getpid(), 9)"


def test_ordered_map_keeps_the_order_of_uneven_tasks() -> None:
    tasks = [f"(__import__('time').sleep({0.2 if i % 3 == 0 else 0}), {i})[1]" for i in range(9)]
    assert list(ordered_map(eval, tasks, 2, on_crash=repr)) == list(range(9))


def test_a_full_window_refills_after_its_first_task_finishes_last() -> None:
    """Task 0 finishes after every other task in the window: once it is yielded the idle
    workers must get new tasks (a pool that waited here would wait for ever)."""
    tasks = ["(__import__('time').sleep(0.4), 0)[1]", *map(str, range(1, 8))]
    assert list(ordered_map(eval, tasks, 2, on_crash=repr, window=3)) == list(range(8))


def test_a_task_that_kills_its_worker_is_one_crash_and_the_rest_complete() -> None:
    tasks = ["1", "2", KILL, "4", KILL, "6", "7"]
    out = list(ordered_map(eval, tasks, 2, on_crash=lambda t: "crashed"))
    assert out == [1, 2, "crashed", 4, "crashed", 6, 7]


def test_ordered_map_holds_only_a_window_of_tasks() -> None:
    pulled = 0

    def tasks():
        nonlocal pulled
        for i in range(100):
            pulled += 1
            yield str(i)

    it = ordered_map(eval, tasks(), 2, on_crash=repr, window=3)
    assert next(it) == 0
    assert pulled <= 4
    it.close()


def test_crashed_task_names_each_input_once() -> None:
    result = crashed_task(Task(paths=("a.txt", "b.txt"), nbytes=10, files=2))
    assert [e.path for e in result.errors] == ["a.txt", "b.txt"]
    assert "died" in result.errors[0].reason
    assert (result.nbytes, result.files, result.claims.height) == (10, 2, 0)


# --- streaming writers ----------------------------------------------------------------


@pytest.fixture(scope="module")
def claims(mixed_single) -> pl.DataFrame:
    return _frame(mixed_single)


def _chunks(frame: pl.DataFrame, sizes: list[int]) -> list[pl.DataFrame]:
    out, at = [], 0
    for n in sizes:
        out.append(frame.slice(at, n))
        at += n
    out.append(frame.slice(at))
    return out


CHUNKINGS = {
    "one-batch": [],
    "empty-batches-between": [0, 5, 0, 0, 17, 1, 0],
    "row-by-row-start": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
@pytest.mark.parametrize("chunking", CHUNKINGS, ids=list(CHUNKINGS))
def test_streamed_text_formats_are_the_one_shot_bytes(claims, fmt: str, chunking: str) -> None:
    sink = io.BytesIO()
    writer = open_stream(fmt, sink)
    for chunk in _chunks(claims, CHUNKINGS[chunking]):
        writer.write(chunk)
    writer.close()
    assert sink.getvalue() == RENDERERS[fmt](claims)


@pytest.mark.parametrize("chunking", CHUNKINGS, ids=list(CHUNKINGS))
def test_streamed_parquet_reads_back_the_same_frame(claims, chunking: str, tmp_path) -> None:
    sink = io.BytesIO()
    writer = open_stream("parquet", sink, spill_dir=str(tmp_path))
    for chunk in _chunks(claims, CHUNKINGS[chunking]):
        writer.write(chunk)
    writer.close()
    assert pl.read_parquet(io.BytesIO(sink.getvalue())).equals(claims)
    assert list(tmp_path.iterdir()) == []  # the spilled parts are gone


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json", "parquet", "table"])
def test_no_rows_at_all_is_the_renderers_empty_output(fmt: str) -> None:
    sink = io.BytesIO()
    writer = open_stream(fmt, sink)
    writer.write(pl.DataFrame(schema=CLAIM_SCHEMA))
    writer.close()
    empty = RENDERERS[fmt](pl.DataFrame(schema=CLAIM_SCHEMA))
    if fmt == "parquet":
        assert pl.read_parquet(io.BytesIO(sink.getvalue())).equals(pl.read_parquet(
            io.BytesIO(empty)))
    else:
        assert sink.getvalue() == empty


# --- the CLI ----------------------------------------------------------------------------


@pytest.fixture
def parallel_cli(monkeypatch):
    """The pool even for the few KB of the fixtures, cut into many small tasks."""
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "TASK_BYTES", 6000)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_cli_jobs_2_writes_the_bytes_of_jobs_1(run_cli, parallel_cli, fmt: str) -> None:
    one = run_cli("extract", *MIXED, "--format", fmt, "--jobs", "1", exit_code=2)
    two = run_cli("extract", *MIXED, "--format", fmt, "--jobs", "2", exit_code=2)
    assert two.stdout_bytes == one.stdout_bytes
    assert two.stderr == one.stderr
    assert len(one.stdout_bytes) > 10_000


def test_cli_jobs_2_parquet_file_holds_the_rows_of_jobs_1(run_cli, parallel_cli,
                                                          tmp_path: Path) -> None:
    run_cli("extract", *MIXED, "-o", tmp_path / "one.parquet", "-j", "1", exit_code=2)
    run_cli("extract", *MIXED, "-o", tmp_path / "two.parquet", "-j", "2", exit_code=2)
    one, two = (pl.read_parquet(tmp_path / f"{n}.parquet") for n in ("one", "two"))
    assert one.height > 100 and two.equals(one)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.parquet", "two.parquet"]


def test_cli_help_lists_the_new_options(run_cli) -> None:
    out = run_cli("extract", "--help").stdout
    for option in ("--jobs", "--engine", "--scheduler"):
        assert option in out


@pytest.mark.parametrize("args", [["--scheduler", "tcp://127.0.0.1:1"], ["--jobs", "0"],
                                  ["--engine", "spark"]],
                         ids=["scheduler-without-dask", "zero-jobs", "unknown-engine"])
def test_cli_usage_errors(run_cli, args: list[str]) -> None:
    run_cli("extract", "fixtures/articles/en", *args, exit_code=2)


def test_generated_corpus_with_broken_files(run_cli, parallel_cli, tmp_path: Path) -> None:
    """'Done when' of issue 6: a few thousand articles plus broken files → every good
    article's claims and one line per broken file."""
    files = make_corpus(tmp_path / "corpus", 1.0, broken=True, per_folder=300)
    good = [f for f in files if "broken" not in f.parts]
    assert len(good) > 200
    out = tmp_path / "claims.csv"
    result = run_cli("extract", tmp_path / "corpus", "-o", out, "-j", "2", exit_code=2)
    lines = result.stderr.splitlines()
    failing = {"binary.txt", "empty.txt", "bad-quoting.csv", "no-text-column.csv"}
    errors = [ln for ln in lines if ln.startswith("claimcheck: error:")]
    assert len(errors) == len(failing), lines
    for name in failing:
        assert sum(name in ln for ln in errors) == 1, (name, errors)
    assert all(ln.startswith(("claimcheck: error:", "claimcheck: warning:")) for ln in lines)
    single = extract_paths([str(p) for p in walk([str(tmp_path / "corpus")])])
    assert pl.read_csv(out, schema=CLAIM_SCHEMA).equals(single.claims)
    sources = set(single.claims["source"])
    assert sum(str(f) in sources for f in good) > 0.9 * len(good)


# --- progress ---------------------------------------------------------------------------


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = Progress(total_bytes=100, total_files=2, stream=stream, delay=0, interval=0)
    bar.advance(50, 1)
    bar.close()
    assert stream.getvalue() == ""


def test_progress_waits_for_a_long_run_then_draws_one_line() -> None:
    stream = Tty()
    bar = Progress(total_bytes=4_000_000, total_files=4, stream=stream, delay=3600)
    bar.advance(1_000_000, 1)
    assert stream.getvalue() == ""  # a short run never shows a bar
    bar.delay, bar.interval = 0, 0
    bar.advance(1_000_000, 1)
    out = stream.getvalue()
    assert out.startswith("\r\x1b[K") and "\n" not in out
    assert " 50%" in out and "2/4 files" in out and "2.0/4.0 MB" in out
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_cli_draws_no_progress_into_a_pipe(run_cli) -> None:
    result = run_cli("extract", "fixtures/articles/en", "--format", "csv")
    assert "\r" not in result.stderr and result.stderr == ""


# --- a worker killed from outside ----------------------------------------------------------

SCRIPT = """
import sys
import claimcheck.parallel as p
p.PARALLEL_MIN_BYTES = 0
p.TASK_BYTES = 20000
from claimcheck.cli import main
sys.argv = ["claimcheck", *sys.argv[1:]]
main()
"""


def workers_of(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                cmd = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if int(stat[1]) == pid and b"spawn_main" in cmd:
                out.append(int(entry))
    return out


def test_a_killed_worker_loses_nothing(tmp_path: Path) -> None:
    make_corpus(tmp_path / "corpus", 1.0)
    out = tmp_path / "claims.csv"
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, "extract", str(tmp_path / "corpus"), "-o", str(out),
         "-j", "2"], stderr=subprocess.PIPE, cwd=ROOT)
    killed = None
    deadline = time.monotonic() + 60
    try:
        while killed is None and proc.poll() is None and time.monotonic() < deadline:
            workers = workers_of(proc.pid)
            temps = list(tmp_path.glob(".claims.csv.*.tmp"))
            if len(workers) == 2 and temps and temps[0].stat().st_size > 0:
                os.kill(workers[0], signal.SIGKILL)
                killed = workers[0]
            time.sleep(0.05)
        _, err = proc.communicate(timeout=120)
    finally:  # a hung run must not outlive the test
        if proc.poll() is None:
            for pid in workers_of(proc.pid):
                os.kill(pid, signal.SIGKILL)
            proc.kill()
            proc.wait()
    assert killed is not None, "the run ended before a worker could be killed"
    assert proc.returncode == 0, err.decode()
    whole = extract_paths([str(p) for p in walk([str(tmp_path / "corpus")])]).claims
    assert pl.read_csv(out, schema=CLAIM_SCHEMA).equals(whole)



# --- the pool's own faults -------------------------------------------------------------


def _kills_its_worker_once(marker: Path, value: int) -> str:
    """A task that kills its worker the first time it runs and gives ``value`` after."""
    os_ = "__import__('os')"
    return (f"{value} if {os_}.path.exists({str(marker)!r}) else "
            f"(open({str(marker)!r}, 'x').close(), {os_}.kill({os_}.getpid(), 9))")


def test_a_task_whose_worker_died_once_runs_again(tmp_path: Path) -> None:
    tasks = ["1", _kills_its_worker_once(tmp_path / "once", 2), "3", "4"]
    assert list(ordered_map(eval, tasks, 2, on_crash=lambda t: "crashed")) == [1, 2, 3, 4]
    assert workers_of(os.getpid()) == []


def test_a_worker_dying_after_its_result_loses_nothing() -> None:
    """The worker sends its result and dies a moment later, idle or holding the next task
    (which then runs again on a fresh worker)."""
    later_kill = ("(__import__('threading').Timer(0.2, __import__('os').kill, "
                  "(__import__('os').getpid(), 9)).start(), 5)[1]")
    tasks = [later_kill] + [f"(__import__('time').sleep(0.1), {i})[1]" for i in range(6, 12)]
    assert list(ordered_map(eval, tasks, 2, on_crash=lambda t: "crashed")) == [5, *range(6, 12)]
    assert workers_of(os.getpid()) == []


def test_an_exception_in_a_task_is_raised_here_and_ends_every_worker() -> None:
    with pytest.raises(ZeroDivisionError):
        list(ordered_map(eval, ["1", "(__import__('time').sleep(0.3), 2)[1]", "1/0", "4"], 2,
                         on_crash=repr))
    assert workers_of(os.getpid()) == []


def test_a_map_closed_early_ends_every_worker() -> None:
    it = ordered_map(eval, [str(i) for i in range(50)], 2, on_crash=repr, window=4)
    assert next(it) == 0
    assert len(workers_of(os.getpid())) == 2
    it.close()
    assert workers_of(os.getpid()) == []


class _DiesWhenUnpickled:
    """A task function a spawned worker cannot even load: it exits while starting."""

    def __reduce__(self):
        return (os._exit, (3,))


def test_workers_that_die_as_they_start_give_one_error_not_a_hang() -> None:
    from claimcheck.errors import ClaimcheckError

    t0 = time.monotonic()
    with pytest.raises(ClaimcheckError, match=r"die as they start.*--jobs 1"):
        list(ordered_map(_DiesWhenUnpickled(), ["1", "2"], 2, on_crash=repr))
    assert time.monotonic() - t0 < 60
    assert workers_of(os.getpid()) == []
