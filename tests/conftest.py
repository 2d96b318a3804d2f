"""Shared fixtures: ``run_cli`` (the click group through CliRunner) and ``--update-golden``."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

if "CLAIMCHECK_CACHE" not in os.environ:  # a start-up cache of the run's own (warmcache.py)
    _CACHE = tempfile.mkdtemp(prefix="claimcheck-test-cache-")
    os.environ["CLAIMCHECK_CACHE"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, True)

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite fixtures/golden/ from the current CLI output (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


RunCli = Callable[..., Result]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Invoke ``claimcheck ARGS...`` in-process and assert its exit code.

    ``run_cli("extract", path, "--format", "csv", exit_code=0, input=None)`` returns click's
    Result (``stdout``, ``stderr`` and ``stdout_bytes`` kept apart).  Exceptions are not
    caught: a crash fails the test with its traceback.  Paths are relative to the repo root;
    ``exit_code=None`` leaves the exit code to the caller.
    """
    monkeypatch.chdir(ROOT)

    def run(*args: object, exit_code: int | None = 0, input: str | bytes | None = None) -> Result:
        result = CliRunner().invoke(cli, list(_strs(args)), input=input,
                                    catch_exceptions=False)
        assert exit_code is None or result.exit_code == exit_code, (
            f"claimcheck {' '.join(map(str, args))}: exit {result.exit_code}, "
            f"expected {exit_code}\n--- stderr\n{result.stderr}\n--- stdout\n"
            f"{result.stdout_bytes[:2000]!r}"
        )
        return result

    return run


def _strs(args: Sequence[object]) -> list[str]:
    return [str(a) for a in args]
