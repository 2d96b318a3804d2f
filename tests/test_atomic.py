"""-o is whole or not at all (issue 6, item 5): an interrupted run leaves the old file.

Unit rows for the three atomic writers (an exception or Ctrl-C inside the block leaves
the old file and no temp file), then the real thing: ``claimcheck extract -o FILE`` in a
subprocess, interrupted with SIGINT or killed with SIGKILL while it is writing (its temp
file already holds claims), must leave FILE exactly as it was; a run left alone replaces
it with the complete output.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from bench_parallel import make_corpus

from claimcheck.batch import extract_paths
from claimcheck.read import walk
from claimcheck.render.atomic import atomic_path, atomic_writer, write_atomic
from claimcheck.table import CLAIM_SCHEMA

ROOT = Path(__file__).resolve().parent.parent
OLD = b"old content\n"


def _write_with_writer(target: Path, exc: BaseException | None) -> None:
    with atomic_writer(target) as fh:
        fh.write(b"new ")
        if exc is not None:
            raise exc
        fh.write(b"content\n")


def _write_with_path(target: Path, exc: BaseException | None) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"new ")
        if exc is not None:
            raise exc
        tmp.write_bytes(b"new content\n")


WRITERS = {"atomic_writer": _write_with_writer, "atomic_path": _write_with_path}
FAILURES = {
    "exception": RuntimeError("renderer broke"),
    "ctrl-c": KeyboardInterrupt(),
    "exit": SystemExit(2),
}


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("failure", FAILURES)
def test_failure_inside_the_block_leaves_the_old_file(tmp_path: Path, writer: str,
                                                      failure: str) -> None:
    target = tmp_path / "claims.csv"
    target.write_bytes(OLD)
    with pytest.raises(type(FAILURES[failure])):
        WRITERS[writer](target, FAILURES[failure])
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("old", [True, False], ids=["replaces-old", "creates-new"])
def test_block_that_ends_normally_writes_the_file(tmp_path: Path, writer: str,
                                                  old: bool) -> None:
    target = tmp_path / "claims.csv"
    if old:
        target.write_bytes(OLD)
    WRITERS[writer](target, None)
    assert target.read_bytes() == b"new content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]


def test_write_atomic_into_a_missing_folder_raises_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "no-such-dir" / "claims.csv", b"x")
    assert list(tmp_path.iterdir()) == []


def test_relative_target_in_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_atomic("claims.csv", b"x\n")
    assert (tmp_path / "claims.csv").read_bytes() == b"x\n"


# --- the CLI, interrupted ----------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("atomic") / "corpus"
    make_corpus(folder, 1.0)
    return folder


def _start(corpus: Path, target: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "extract", str(corpus), "-o", str(target),
         "--format", "csv", "--jobs", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)


def _when_writing(proc: subprocess.Popen, target: Path) -> Path:
    """Wait until the run's temp file beside ``target`` holds claims; return it."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        for tmp in target.parent.glob(f".{target.name}.*.tmp"):
            try:
                if tmp.stat().st_size > 1000:
                    return tmp
            except FileNotFoundError:
                pass
        time.sleep(0.02)
    proc.kill()
    pytest.fail("the run ended before it was seen writing")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL],
                         ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_interrupted_run_leaves_the_old_file(corpus: Path, tmp_path: Path, sig) -> None:
    target = tmp_path / "claims.csv"
    target.write_bytes(OLD)
    proc = _start(corpus, target)
    tmp = _when_writing(proc, target)
    os.kill(proc.pid, sig)
    _, err = proc.communicate(timeout=60)
    assert target.read_bytes() == OLD
    if sig != signal.SIGKILL:  # Ctrl-C or kill: one line, the temp file removed
        assert proc.returncode == 130
        assert err.decode().splitlines() == [
            f"claimcheck: error: interrupted; {target} left as it was"]
        assert not tmp.exists()
    else:  # nothing can clean up after SIGKILL, but the target is untouched
        assert proc.returncode == -sig


def test_run_left_alone_writes_the_whole_file(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    target.write_bytes(OLD)
    proc = _start(corpus, target)
    _when_writing(proc, target)
    assert target.read_bytes() == OLD  # still the old file while the new one is written
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    whole = extract_paths([str(p) for p in walk([str(corpus)])]).claims
    assert whole.height > 1000
    assert pl.read_csv(target, schema=CLAIM_SCHEMA).equals(whole)
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]
