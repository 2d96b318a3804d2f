"""Sessions for claimcheck (modelled on nox's own noxfile).

`nox` runs the default sessions (tests, lint); `nox -s bench` measures throughput.
Dependencies come from pyproject.toml's [dependency-groups].
"""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["tests", "lint"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = ["3.11"]


def install(session: nox.Session, build: str) -> None:
    """``pure``: an editable install (Python source); ``compiled``: a wheel whose hot
    modules hatch_build.py compiles with mypyc (a failed compile is an error here)."""
    if build == "pure":
        session.install("-e", ".")
    else:  # a reused venv keeps an old build of the same version unless forced
        session.install(*PYPROJECT["project"]["dependencies"])
        session.install("--no-deps", "--force-reinstall", ".", env={"CLAIMCHECK_COMPILE": "1"})


@nox.session(python=PYTHONS)
@nox.parametrize("build", ["pure", "compiled"])
def tests(session: nox.Session, build: str) -> None:
    """Run the test suite on both builds (posargs go to pytest)."""
    install(session, build)
    session.install(*nox.project.dependency_groups(PYPROJECT, "test"))
    session.run(
        "pytest", "--strict-markers", "--strict-config", "-p", "no:cacheprovider",
        "--benchmark-disable", *session.posargs,
        env={"CLAIMCHECK_EXPECT_BUILD": build},
    )


@nox.session(python=PYTHONS)
def lint(session: nox.Session) -> None:
    """ruff over the package and tests; mypy over the modules the compiled build compiles."""
    session.install(*nox.project.dependency_groups(PYPROJECT, "lint"))
    session.run("ruff", "check", "claimcheck", "tests", "noxfile.py")
    # the modules hatch_build.py compiles must type-check, or the compiled build fails
    compiled = [line.strip().strip('",') for line in open("hatch_build.py", encoding="utf-8")
                if line.strip().startswith('"claimcheck/')]
    session.run("mypy", "--ignore-missing-imports", "--follow-imports=silent", *compiled)


@nox.session(python=PYTHONS, default=False)
def bench(session: nox.Session) -> None:
    """Throughput of extract in MB/s per language, and peak memory (no timed assertions).

    Measures the compiled build; ``nox -s bench -- --pure`` would not switch builds:
    run ``CLAIMCHECK_COMPILE=0 nox -s bench`` for the pure-Python figures."""
    session.install(*PYPROJECT["project"]["dependencies"])
    session.install("--no-deps", "--force-reinstall", ".")  # compiled unless CLAIMCHECK_COMPILE=0
    session.install(*nox.project.dependency_groups(PYPROJECT, "test"))
    session.run("python", "tests/bench_throughput.py", *session.posargs)
    session.run("python", "tests/bench_compare.py")
    session.run("python", "tests/bench_parallel.py", "--mb", "20", "--ceiling", "40")


@nox.session(python=PYTHONS, default=False)
def screenshot(session: nox.Session) -> None:
    """Render compare's HTML report of the fixtures and screenshot it with headless chromium.

    Needs Debian's chromium (`apt-get install chromium`); writes docs/report.png.
    """
    session.install("-e", ".")
    session.run("python", "tools/screenshot_report.py", *session.posargs)
