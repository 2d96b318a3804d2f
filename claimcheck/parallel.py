"""Many inputs on one machine: a process pool, results in input order, memory flat.

The input is cut into :class:`Task` shards of about :data:`TASK_BYTES` (several small
files, or a run of documents from one collection file), each extracted by
:func:`claimcheck.batch.extract_paths` / :func:`~claimcheck.batch.extract_items`.
:func:`ordered_map` runs the tasks on ``jobs`` worker processes and yields their results
in task order, never holding more than a small window of tasks in flight, so memory
depends on the window and not on the corpus.  ``jobs == 1`` runs the same functions in
this process: results are identical, row for row, whatever ``jobs`` is.

Files are read by the workers (the parent only walks directories and stats files);
collections (csv/jsonl) and standard input are read here and their documents shipped in
batches, so one big collection is spread over every worker too.

A worker that dies (killed, out of memory, a crash in a C extension) breaks the pool:
the tasks that were in flight are re-run one at a time on a fresh worker, so a task that
was only unlucky completes, and a task that kills its worker again becomes one error
line per file.  Then a new pool takes over the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, TypeVar

from .batch import BatchResult, extract_items, extract_paths
from .errors import InputError
from .model import Document
from .read import CSV_SUFFIXES, JSONL_SUFFIXES, read_inputs, walk

T = TypeVar("T")
R = TypeVar("R")

TASK_BYTES = 256 * 1024
"""Input bytes per task: a quarter of a second of work at 1 MB/s, little IPC per byte."""
TASK_FILES = 64
"""At most this many files per task (many tiny files still spread over the workers)."""
PARALLEL_MIN_BYTES = 4 << 20
"""Below this much input one process is faster than starting workers (about 2 s each:
imports and compiling the grammars)."""
START_METHOD = "spawn"
"""Workers start fresh: forking a process that has polars' threads running can deadlock."""


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --- tasks --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """A shard of the input: files a worker reads, or documents already read here."""

    paths: tuple[str, ...] = ()
    items: tuple[Document | InputError, ...] = ()
    nbytes: int = 0
    files: int = 0
    """Input files this task finishes (for the progress line)."""


def _is_collection(path: str) -> bool:
    return Path(path).suffix.lower() in CSV_SUFFIXES | JSONL_SUFFIXES


def walk_inputs(paths: Iterable[str]) -> list[tuple[str | InputError, int]]:
    """Every input (``-``, files, InputError records for what is missing) with its size."""
    out: list[tuple[str | InputError, int]] = []
    for item in walk(paths):
        size = 0
        if isinstance(item, str) and item != "-":
            try:
                size = os.stat(item).st_size
            except OSError:
                size = 0
        out.append((item, size))
    return out


def plan_tasks(entries: Iterable[tuple[str | InputError, int]], *, source: str | None = None,
               stdin: IO[bytes] | None = None, task_bytes: int | None = None) -> Iterator[Task]:
    """Tasks in input order (lazily: collections are read as the pool asks for more)."""
    task_bytes = TASK_BYTES if task_bytes is None else task_bytes
    batch: list[str] = []
    size = 0

    def flush() -> Iterator[Task]:
        nonlocal batch, size
        if batch:
            yield Task(paths=tuple(batch), nbytes=size, files=len(batch))
        batch, size = [], 0

    for item, nbytes in entries:
        if isinstance(item, InputError):
            yield from flush()
            yield Task(items=(item,), files=1)
        elif item == "-" or _is_collection(item):
            yield from flush()
            yield from _document_tasks(item, nbytes, source, stdin, task_bytes)
        else:
            batch.append(item)
            size += nbytes
            if size >= task_bytes or len(batch) >= TASK_FILES:
                yield from flush()
    yield from flush()


def _document_tasks(path: str, file_bytes: int, source: str | None, stdin: IO[bytes] | None,
                    task_bytes: int) -> Iterator[Task]:
    items: list[Document | InputError] = []
    chars = 0
    done = 0
    for item in read_inputs([path], source=source, stdin=stdin):
        items.append(item)
        if isinstance(item, Document):
            chars += len(item.text)
        if chars >= task_bytes:
            nbytes = min(chars, max(0, file_bytes - done))
            done += nbytes
            yield Task(items=tuple(items), nbytes=nbytes)
            items, chars = [], 0
    yield Task(items=tuple(items), nbytes=max(0, file_bytes - done), files=1)


def run_task(task: Task, lang: str | None = None, source: str | None = None) -> BatchResult:
    """Extract one task (in a worker or in this process)."""
    if task.paths:
        result = extract_paths(task.paths, lang, source)
    else:
        result = extract_items(task.items, lang)
    result.nbytes, result.files = task.nbytes, task.files
    return result


def crashed_task(task: Task) -> BatchResult:
    """What a task that kills its worker every time it runs gives: one error per input."""
    reason = "the worker extracting this input died (killed, or out of memory); skipped"
    names = list(task.paths) or [
        i.path if isinstance(i, InputError) else i.source for i in task.items
    ]
    return BatchResult(errors=[InputError(n, reason) for n in dict.fromkeys(names)],
                       nbytes=task.nbytes, files=task.files)


# --- the pool -----------------------------------------------------------------------------


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group; the parent decides what happens.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                               mp_context=multiprocessing.get_context(START_METHOD))


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop now: cancel what has not started and end the workers (used on error/Ctrl-C)."""
    pool.shutdown(wait=False, cancel_futures=True)
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        if proc.is_alive():
            proc.terminate()


STALL_CHECK = 1.0
"""Seconds between looks at a pool whose next result has not come (see :func:`_result`)."""


def _result(pool: ProcessPoolExecutor, fut: Future[R]) -> R:
    """``fut.result()``, or BrokenProcessPool when the pool can no longer deliver it.

    A killed worker normally breaks the pool at once and fails its futures.  But a worker
    killed while it holds one of the pool's queue locks can leave the executor waiting
    for ever (seen on CPython 3.11: the run hung after ``kill -9`` of one worker).  So
    the wait is cut in slices: when a worker has been dead, or the executor's manager
    thread gone, for a whole slice and the result still has not come, the pool is
    declared broken and the caller reruns what it had in flight."""
    stalled_since: float | None = None
    while True:
        try:
            return fut.result(timeout=STALL_CHECK)
        except TimeoutError:
            pass
        if not _pool_lost_a_worker(pool):
            stalled_since = None
        elif stalled_since is None:
            stalled_since = time.monotonic()
        elif time.monotonic() - stalled_since >= STALL_CHECK:
            raise BrokenProcessPool("a worker died and the pool did not notice")


def _pool_lost_a_worker(pool: ProcessPoolExecutor) -> bool:
    """Whether a worker process of ``pool`` has exited (workers only exit on shutdown or
    death) or its manager thread has ended."""
    procs = getattr(pool, "_processes", None) or {}
    if any(p.exitcode is not None for p in list(procs.values())):
        return True
    manager = getattr(pool, "_executor_manager_thread", None)
    return manager is not None and not manager.is_alive()


def _rerun(fn: Callable[[T], R], lost: list[tuple[T, Future]],
           on_crash: Callable[[T], R]) -> Iterator[R]:
    """The tasks a broken pool had in flight, in order, one at a time on a fresh worker.

    A task that breaks that worker too gives ``on_crash(task)``; the next one gets a new
    worker.  Finished results of the broken pool are kept."""
    pool: ProcessPoolExecutor | None = None
    try:
        for task, fut in lost:
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                yield fut.result()
                continue
            pool = pool or _new_pool(1)
            try:
                result = _result(pool, pool.submit(fn, task))
            except BrokenProcessPool:
                _stop(pool)
                pool = None
                result = on_crash(task)
            yield result
    finally:
        if pool is not None:
            pool.shutdown(wait=True)


def ordered_map(fn: Callable[[T], R], tasks: Iterable[T], jobs: int, *,
                on_crash: Callable[[T], R], window: int | None = None) -> Iterator[R]:
    """``map(fn, tasks)`` on ``jobs`` processes, in order, with at most ``window`` in flight.

    ``fn`` and the tasks must pickle.  A task whose worker dies twice (once in the pool,
    once alone) gives ``on_crash(task)`` instead of a result.
    """
    if jobs <= 1:
        yield from map(fn, tasks)
        return
    window = window or 4 * jobs
    it = iter(tasks)
    pending: deque[tuple[T, Future]] = deque()
    pool = _new_pool(jobs)
    try:
        while True:
            while len(pending) < window:
                task = next(it, _END)
                if task is _END:
                    break
                try:
                    fut = pool.submit(fn, task)
                except BrokenProcessPool as exc:  # a worker died since the last result
                    fut = Future()
                    fut.set_exception(exc)  # rerun with the pool's other lost tasks below
                    pending.append((task, fut))
                    break
                pending.append((task, fut))
            if not pending:
                return
            task, fut = pending[0]
            try:
                result = _result(pool, fut)
            except BrokenProcessPool:
                _stop(pool)
                lost = list(pending)
                pending.clear()
                yield from _rerun(fn, lost, on_crash)
                pool = _new_pool(jobs)
                continue
            pending.popleft()
            yield result
    except BaseException:
        _stop(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_END = object()


# --- progress -----------------------------------------------------------------------------


@dataclass
class Progress:
    """One line on standard error, redrawn in place, for runs longer than ``delay`` s.

    Silent unless the stream is a terminal.  Shows files and MB done, MB/s and the time
    left; :meth:`close` wipes the line so error lines that follow stand alone.
    """

    total_bytes: int
    total_files: int
    stream: IO[str] = field(default_factory=lambda: sys.stderr)
    delay: float = 2.0
    interval: float = 0.25
    enabled: bool | None = None
    done_bytes: int = 0
    done_files: int = 0
    started: float = field(default_factory=time.monotonic)
    _last: float = 0.0
    _shown: bool = False

    def __post_init__(self) -> None:
        if self.enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            self.enabled = bool(isatty and isatty())

    def advance(self, nbytes: int, files: int) -> None:
        self.done_bytes += nbytes
        self.done_files += files
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.delay or now - self._last < self.interval:
            return
        self._last = now
        self.stream.write("\r\x1b[K" + self.line(now))
        self.stream.flush()
        self._shown = True

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done_bytes / elapsed
        left = (self.total_bytes - self.done_bytes) / rate if rate > 0 else 0
        pct = 100 * self.done_bytes / self.total_bytes if self.total_bytes else 100
        return (f"claimcheck: {pct:3.0f}%  {self.done_files}/{self.total_files} files  "
                f"{self.done_bytes / 1e6:.1f}/{self.total_bytes / 1e6:.1f} MB  "
                f"{rate / 1e6:.2f} MB/s  {_clock(left)} left")

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


# --- the whole run --------------------------------------------------------------------------


def extract_parallel(paths: Iterable[str], *, lang: str | None = None,
                     source: str | None = None, stdin: IO[bytes] | None = None,
                     jobs: int | None = None, progress: Progress | bool | None = None,
                     min_parallel_bytes: int | None = None,
                     task_bytes: int | None = None) -> Iterator[BatchResult]:
    """Results of every input, task by task, in input order (see the module doc).

    ``progress``: a :class:`Progress`, True for the default one on standard error (shown
    only on a terminal), or None/False for none.
    """
    entries = walk_inputs(paths)
    total = sum(n for _, n in entries)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    threshold = PARALLEL_MIN_BYTES if min_parallel_bytes is None else min_parallel_bytes
    if total < threshold:
        jobs = 1
    bar = progress if isinstance(progress, Progress) else None
    if progress is True:
        bar = Progress(total_bytes=total, total_files=len(entries))
    tasks = plan_tasks(entries, source=source, stdin=stdin, task_bytes=task_bytes)
    fn = partial(run_task, lang=lang, source=source)
    try:
        for result in ordered_map(fn, tasks, jobs, on_crash=crashed_task):
            if bar is not None:
                bar.advance(result.nbytes, result.files)
            yield result
    finally:
        if bar is not None:
            bar.close()

