"""Dask distributed: extract on a cluster and write one Parquet dataset.

``claimcheck extract PATH... --engine dask [--scheduler ADDRESS] -o DIR``

The client walks the input and cuts it into the same :class:`~claimcheck.parallel.Task`
shards as ``--jobs`` (larger ones: :data:`TASK_BYTES`); each task runs on a worker as
:func:`write_part`: the worker reads its files, runs :func:`claimcheck.parallel.run_task`
and writes its claims as ``part-NNNNNN.parquet`` (N = the task's place in the input), so
the dataset read in file-name order is row for row the single-process output.  Every
part has the claim schema, also when it holds no row.  Only errors and warnings travel
back to the client, which prints them in input order.

The parts are written into a hidden folder beside DIR that replaces DIR when every task
is done: an interrupted or failed run leaves the old DIR (or none).  An existing DIR is
replaced only when it holds nothing but ``part-*.parquet`` files (a dataset of ours).

On a real cluster the workers read the input files and write DIR themselves: both must
be reachable at the same paths on every worker (a shared filesystem), and relative paths
resolve in each worker's working folder, so give absolute ones.  Collections (csv/jsonl)
and standard input are read by the client and shipped to the workers in batches.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from distributed import Client, LocalCluster
from distributed.client import Future

from ..batch import BatchResult
from ..errors import InputError
from ..parallel import Progress, Task, crashed_task, default_jobs, plan_tasks, run_task, walk_inputs
from ..table import CLAIM_SCHEMA

TASK_BYTES = 2 << 20
"""Input bytes per Dask task (bigger than --jobs tasks: fewer parts, less scheduling)."""
PART = "part-{:06d}.parquet"


@dataclass
class DatasetResult:
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    parts: int = 0
    rows: int = 0
    documents: int = 0


def write_part(task: Task, path: str, lang: str | None,
               source: str | None) -> tuple[BatchResult, int]:
    """On a worker: extract ``task``, write its claims to ``path``; → (result, rows).

    The result goes back without its claims: only errors, warnings and counts travel."""
    result = run_task(task, lang, source)
    result.claims.write_parquet(path)
    rows = result.claims.height
    result.claims = result.claims.clear()
    return result, rows


def _check_target(target: Path) -> None:
    if not target.exists():
        if not target.parent.is_dir():
            raise InputError(str(target), "its folder does not exist")
        return
    if not target.is_dir():
        raise InputError(str(target), "exists and is not a folder (--engine dask writes a "
                         "Parquet dataset folder)")
    foreign = [p.name for p in target.iterdir()
               if not (p.name.startswith("part-") and p.name.endswith(".parquet"))]
    if foreign:
        raise InputError(str(target), f"not replacing a folder that holds other files "
                         f"({', '.join(sorted(foreign)[:3])})")


def _replace_dir(tmp: Path, target: Path) -> None:
    """Put the finished dataset in place; the old one goes only after the new one is in."""
    if target.exists():
        old = target.parent / f".{target.name}.old-{uuid.uuid4().hex[:8]}"
        os.rename(target, old)
        os.rename(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(tmp, target)


def _client(scheduler: str | None, workers: int | None) -> Client:
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1,
                           processes=True, dashboard_address=":0",
                           silence_logs=logging.ERROR)
    return Client(cluster)


def extract_to_dataset(paths, output: str | os.PathLike[str], *, lang: str | None = None,
                       source: str | None = None, stdin: IO[bytes] | None = None,
                       scheduler: str | None = None, workers: int | None = None,
                       client: Client | None = None, progress: bool = True,
                       task_bytes: int | None = None) -> DatasetResult:
    """Extract ``paths`` on Dask and write the dataset folder ``output``.

    ``client``: an existing Client (its cluster is used and left running); otherwise one
    for ``scheduler``, or a local cluster of ``workers`` processes, made and closed here.
    Raises InputError when ``output`` cannot be the dataset folder.
    """
    target = Path(output)
    _check_target(target)
    entries = walk_inputs(paths)
    tasks = plan_tasks(entries, source=source, stdin=stdin,
                       task_bytes=task_bytes or TASK_BYTES)
    bar = Progress(total_bytes=sum(n for _, n in entries), total_files=len(entries),
                   enabled=None if progress else False)
    tmp = target.parent / f".{target.name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    own = client is None
    out = DatasetResult()
    try:
        client = client or _client(scheduler, workers)
        try:
            window = 4 * max(1, len(client.scheduler_info().get("workers", {})) or 2)
            pending: deque[tuple[Task, Future]] = deque()
            it = iter(tasks)
            index = 0
            while True:
                while len(pending) < window:
                    task = next(it, None)
                    if task is None:
                        break
                    part = str((tmp / PART.format(index)).resolve())
                    index += 1
                    pending.append((task, client.submit(write_part, task, part, lang, source,
                                                        pure=False)))
                if not pending:
                    break
                task, fut = pending.popleft()
                try:
                    result, rows = fut.result()
                except Exception as exc:  # KilledWorker: the task killed every worker it met
                    if type(exc).__name__ != "KilledWorker":
                        raise
                    result, rows = crashed_task(task), 0
                out.errors.extend(result.errors)
                out.warnings.extend(result.warnings)
                out.documents += result.documents
                out.rows += rows
                out.parts += 1
                bar.advance(result.nbytes, result.files)
        finally:
            bar.close()
            if own:
                cluster = getattr(client, "cluster", None)
                client.close()
                if cluster is not None:
                    cluster.close()
        _fill_missing_parts(tmp, out.parts)
        _replace_dir(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def _fill_missing_parts(tmp: Path, parts: int) -> None:
    """A crashed task wrote no part: write an empty one so every index is there."""
    import polars as pl

    for i in range(max(parts, 1)):
        path = tmp / PART.format(i)
        if not path.exists():
            pl.DataFrame(schema=CLAIM_SCHEMA).write_parquet(path)
