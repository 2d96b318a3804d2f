"""--engine dask (issue 6, item 2): a local cluster of two worker processes writes one
Parquet dataset that is, read in part order, row for row the single-process output.

The cluster is started once for the module (a few seconds); one CLI test starts its own
as a user's run would.
"""

from __future__ import annotations

import logging
from pathlib import Path

import distributed
import polars as pl
import pytest

from claimcheck.batch import BatchResult
from claimcheck.engines.dask import extract_to_dataset
from claimcheck.errors import InputError
from claimcheck.parallel import extract_parallel

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ["fixtures/articles", "fixtures/bad", "fixtures/collections", "fixtures/html",
          "fixtures/no-such-file.txt"]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def single() -> list[BatchResult]:
    return list(extract_parallel([str(ROOT / p) for p in INPUTS], jobs=1))


def _absolute(paths: list[str]) -> list[str]:
    return [str(ROOT / p) for p in paths]


def test_dataset_equals_the_single_process_run(client, single, tmp_path: Path) -> None:
    out = tmp_path / "claims"
    result = extract_to_dataset(_absolute(INPUTS), out, client=client, task_bytes=20_000,
                                progress=False)
    parts = sorted(out.iterdir())
    assert len(parts) == result.parts > 3  # really sharded over several tasks
    assert all(p.name.startswith("part-") for p in parts)
    dataset = pl.concat([pl.read_parquet(p) for p in parts])
    expected = pl.concat([r.claims for r in single])
    assert dataset.height == result.rows > 100
    assert dataset.equals(expected)
    assert pl.read_parquet(out).equals(expected)  # the folder reads as one table
    assert [str(e) for e in result.errors] == [str(e) for r in single for e in r.errors]
    assert result.warnings == [w for r in single for w in r.warnings]


def test_collections_are_shipped_to_the_workers(client, tmp_path: Path) -> None:
    path = tmp_path / "wires.csv"
    rows = [f"w{i},Rund {i + 1}.000 Menschen kamen.\n" for i in range(30)]
    path.write_text("source,text\n" + "".join(rows))
    out = tmp_path / "claims"
    result = extract_to_dataset([str(path)], out, client=client, task_bytes=100,
                                progress=False)
    assert result.parts > 5
    frame = pl.read_parquet(out)
    assert frame["source"].to_list() == [f"w{i}" for i in range(30)]


def test_old_dataset_is_replaced_whole(client, tmp_path: Path) -> None:
    out = tmp_path / "claims"
    out.mkdir()
    for i in range(50):  # more old parts than the new run writes
        pl.DataFrame({"x": [i]}).write_parquet(out / f"part-{i:06d}.parquet")
    extract_to_dataset(_absolute(["fixtures/articles/en"]), out, client=client, progress=False)
    assert pl.read_parquet(out).columns[0] == "source"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims"]


@pytest.mark.parametrize("setup", ["file", "foreign-folder", "no-parent"])
def test_target_that_is_not_ours_is_refused_before_running(client, tmp_path: Path,
                                                           setup: str) -> None:
    out = tmp_path / "claims"
    if setup == "file":
        out.write_text("keep me")
    elif setup == "foreign-folder":
        out.mkdir()
        (out / "notes.txt").write_text("keep me")
    else:
        out = tmp_path / "missing" / "claims"
    with pytest.raises(InputError):
        extract_to_dataset(_absolute(["fixtures/articles/en"]), out, client=client,
                           progress=False)
    if setup == "file":
        assert out.read_text() == "keep me"
    elif setup == "foreign-folder":
        assert (out / "notes.txt").read_text() == "keep me"
    assert not list(tmp_path.glob(".claims.tmp-*"))


def test_failing_run_leaves_the_old_dataset(client, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "claims"
    extract_to_dataset(_absolute(["fixtures/articles/en"]), out, client=client, progress=False)
    before = pl.read_parquet(out)
    from claimcheck.engines import dask as engine

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine.Progress, "advance", broken)
    with pytest.raises(KeyboardInterrupt):
        extract_to_dataset(_absolute(["fixtures/articles/de"]), out, client=client,
                           progress=False)
    assert pl.read_parquet(out).equals(before)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims"]


def test_cli_starts_a_local_cluster(run_cli, tmp_path: Path, single) -> None:
    out = tmp_path / "claims"
    out.mkdir()  # an old dataset: replaced
    pl.DataFrame({"x": [1]}).write_parquet(out / "part-000000.parquet")
    result = run_cli("extract", *_absolute(INPUTS), "--engine", "dask", "-j", "2", "-o", out,
                     exit_code=2)
    assert pl.read_parquet(out).equals(pl.concat([r.claims for r in single]))
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("claimcheck: error:")]
    assert len(errors) == sum(len(r.errors) for r in single)


@pytest.mark.parametrize("args", [[], ["-o", "x.parquet", "--format", "csv"]],
                         ids=["no-output", "not-parquet"])
def test_cli_dask_usage_errors(run_cli, args: list[str]) -> None:
    run_cli("extract", "fixtures/articles/en", "--engine", "dask", *args, exit_code=2)


def test_cli_local_engine_refuses_a_folder_as_output(run_cli, tmp_path: Path) -> None:
    result = run_cli("extract", "fixtures/articles/en", "-o", tmp_path, exit_code=2)
    assert "folder" in result.stderr
