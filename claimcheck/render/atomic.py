"""Write -o files whole or not at all: a temp file in the same folder, then os.replace.

Three shapes of the same guarantee:

- :func:`write_atomic` replaces a file with bytes already in memory;
- :func:`atomic_writer` yields an open binary file for output written piece by piece
  (streaming csv/jsonl/json);
- :func:`atomic_path` yields a temp path for writers that want a file name (a Parquet
  sink).

In each, the temp file lives in the target's folder (so ``os.replace`` is a rename on
one filesystem, atomic on POSIX), is flushed and fsync'ed before the rename, and is
deleted on *any* exception, KeyboardInterrupt included.  A run killed outright (SIGKILL,
power loss) cannot clean up, but it still never touches the target: what it leaves is
a hidden ``.NAME.*.tmp`` beside it, never a half-written NAME.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def _temp_in_folder_of(target: Path) -> tuple[int, str]:
    directory = target.parent if str(target.parent) else Path(".")
    return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temp path beside ``path``; renamed over ``path`` when the block ends normally.

    The block writes the file itself (by name); it is fsync'ed before the rename.
    """
    target = Path(path)
    fd, tmp = _temp_in_folder_of(target)
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        _discard(tmp)
        raise


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """An open binary file that becomes ``path`` when the block ends normally."""
    target = Path(path)
    fd, tmp = _temp_in_folder_of(target)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        _discard(tmp)
        raise


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; on any failure the old file stays."""
    with atomic_writer(path) as fh:
        fh.write(data)
