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

A worker that dies (killed, out of memory, a crash in a C extension) is replaced by a
fresh one and the task it held runs again, so a task that was only unlucky completes,
and a task that kills its worker again becomes one error line per file.  The other
workers go on: each worker has a pipe of its own (see the pool section for why this is
not ``concurrent.futures``).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as mp_wait
from pathlib import Path
from typing import IO, Any, TypeVar, cast

from .batch import BatchResult, extract_items, extract_paths
from .errors import ClaimcheckError, InputError
from .model import Document
from .read import CSV_SUFFIXES, JSONL_SUFFIXES, read_inputs, walk

T = TypeVar("T")
R = TypeVar("R")

TASK_BYTES = 256 * 1024
"""Input bytes per task: a quarter of a second of work at 1 MB/s, little IPC per byte."""
TASK_FILES = 64
"""At most this many files per task (many tiny files still spread over the workers)."""
PARALLEL_MIN_BYTES = 4 << 20
"""Below this much input one process is faster than starting workers (about 1 s each:
imports, and the grammars and lemma dictionaries from the start-up cache; 3 s when the
cache is empty, see warmcache.py)."""
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
#
# Our own small pool rather than concurrent.futures.ProcessPoolExecutor: its workers share
# one call queue and one result queue, each guarded by a lock, and a worker killed while
# it holds one of those locks can leave the executor (and, at exit, the interpreter)
# waiting for ever (seen on CPython 3.11 after ``kill -9`` of one worker).  Here each
# worker has a pipe of its own, read and written only by the parent's main thread and
# by that worker, so a death touches nothing but that worker's pipe and its one task.


_READY = "ready"
"""What a worker says once it has started (imports done) and can take a task."""


def _serve(conn: Connection, fn: Callable[[Any], Any]) -> None:
    """A worker's life: say ready, then take tasks and send back ``(ok, result)``."""
    # Ctrl-C reaches the whole process group; the parent decides what happens.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        conn.send(_READY)
    except OSError:  # the run ended while this worker was starting
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent closed the pipe (or is gone): stop
            return
        try:
            reply: tuple[bool, object] = (True, fn(task))
        except Exception as exc:  # the parent re-raises it
            reply = (False, exc)
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return
        except Exception as exc:  # the result or the exception does not pickle
            conn.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


class _Worker:
    """One spawned process, the parent's end of its pipe, and the task it holds."""

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        ctx: Any = multiprocessing.get_context(START_METHOD)
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_serve, args=(child, fn), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.index: int | None = None
        """The index of the task it is working on, None when idle."""

    def end(self, now: bool) -> None:
        """Close the pipe (an idle worker then returns); ``now``: do not wait for it."""
        self.conn.close()
        if now:
            self.proc.terminate()
        self.proc.join(timeout=None if now else 5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()


def ordered_map(fn: Callable[[T], R], tasks: Iterable[T], jobs: int, *,
                on_crash: Callable[[T], R], window: int | None = None) -> Iterator[R]:
    """``map(fn, tasks)`` on ``jobs`` processes, in order, with at most ``window`` tasks
    taken from ``tasks`` and not yet yielded.

    ``fn`` and the tasks must pickle; an exception ``fn`` raises is raised here.  A
    worker that dies (killed, out of memory, a crash in a C extension) is replaced and
    the task it held runs again; a task whose worker dies twice gives ``on_crash(task)``.
    """
    if jobs <= 1:
        yield from map(fn, tasks)
        return
    pool = _Pool(fn, jobs, on_crash)
    window = max(window or 4 * jobs, 1)
    it = iter(tasks)
    exhausted = False
    taken = 0  # tasks taken from ``it`` so far; they are numbered from 0
    next_out = 0
    finished = False
    try:
        while True:
            for w in pool.idle():
                if pool.again:
                    index = pool.again.popleft()
                elif not exhausted and taken - next_out < window:
                    task = next(it, _END)
                    if task is _END:
                        exhausted = True
                        break
                    index, taken = taken, taken + 1
                    pool.held[index] = task  # type: ignore[assignment]
                else:
                    break
                pool.give(w, index)
            if next_out in pool.done:  # then look for idle workers again
                result = cast(R, pool.done.pop(next_out))
                next_out += 1
                yield result
                continue
            if exhausted and not pool.held:
                finished = True
                return
            pool.wait()
    finally:
        pool.close(now=not finished)


MAX_START_FAILURES = 3
"""Workers in a row that die before they are ready: then the pool gives up (an
interpreter that cannot start claimcheck would otherwise be restarted for ever)."""


class _Pool:
    """The workers of one :func:`ordered_map` and the tasks they hold.

    ``held`` maps the index of every task taken and not finished to the task, ``again``
    lists those to run again first (their worker died), ``done`` holds finished results
    until their turn comes."""

    def __init__(self, fn: Callable[[Any], Any], jobs: int,
                 on_crash: Callable[[Any], Any]) -> None:
        self.fn, self.on_crash = fn, on_crash
        self.workers = [_Worker(fn) for _ in range(jobs)]
        self.held: dict[int, object] = {}
        self.again: deque[int] = deque()
        self.done: dict[int, object] = {}
        self.deaths: dict[int, int] = {}
        """Task index -> how many workers died while holding it."""
        self.start_failures = 0

    def idle(self) -> Iterator[_Worker]:
        return (w for w in list(self.workers) if w.ready and w.index is None)

    def give(self, w: _Worker, index: int) -> None:
        try:
            w.conn.send(self.held[index])
        except (EOFError, OSError):  # it died while idle: not the task's fault
            self.again.appendleft(index)
            self._replace(w)
            return
        w.index = index

    def wait(self) -> None:
        """Until some worker has said something or died; take what it said."""
        if all(w.ready and w.index is None for w in self.workers):
            raise RuntimeError("claimcheck bug: the pool would wait with no worker busy")
        by_handle: dict[Any, _Worker] = {}
        for w in self.workers:
            by_handle[w.conn] = by_handle[w.proc.sentinel] = w
        for w in dict.fromkeys(by_handle[h] for h in mp_wait(list(by_handle))):
            self._hear(w)

    def _hear(self, w: _Worker) -> None:
        """Take ``w``'s message; no message means it died (its pipe closed or its process
        ended; a result sent just before dying is still taken, the death seen next)."""
        try:
            reply = w.conn.recv() if w.conn.poll() else None
        except (EOFError, OSError):
            reply = None
        if reply is None:
            self._died(w)
            return
        if not w.ready:
            w.ready = True
            self.start_failures = 0
            return
        index, w.index = w.index, None
        assert index is not None, "a reply from a worker that held no task"
        ok, value = reply
        if not ok:
            raise value
        self.done[index] = value
        del self.held[index]

    def _died(self, w: _Worker) -> None:
        index, w.index = w.index, None
        if not w.ready:
            self.start_failures += 1
            if self.start_failures >= MAX_START_FAILURES:
                raise ClaimcheckError(
                    f"worker processes die as they start (exit code {w.proc.exitcode}); "
                    "try --jobs 1")
        self._replace(w)
        if index is None:
            return
        self.deaths[index] = self.deaths.get(index, 0) + 1
        if self.deaths[index] >= 2:
            self.done[index] = self.on_crash(self.held.pop(index))
        else:
            self.again.append(index)

    def _replace(self, w: _Worker) -> None:
        w.end(now=True)
        self.workers[self.workers.index(w)] = _Worker(self.fn)

    def close(self, now: bool) -> None:
        """End every worker: at once after an error or Ctrl-C, else let them return."""
        for w in self.workers:
            w.conn.close()
        for w in self.workers:  # one still starting holds no task: no need to wait for it
            w.end(now=now or not w.ready)


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

