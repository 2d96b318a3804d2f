"""The build under test: pure Python (editable install) or compiled by mypyc (hatch_build.py).

``nox -s tests`` runs the suite on both builds and says which it expects in
CLAIMCHECK_EXPECT_BUILD; a compiled session that silently fell back to Python fails here.
"""

from __future__ import annotations

import ast
import importlib
import os
from pathlib import Path

import claimcheck

ROOT = Path(__file__).resolve().parent.parent


def compiled_modules() -> list[str]:
    """The module names hatch_build.COMPILED lists (read, not imported: no hatchling here)."""
    tree = ast.parse((ROOT / "hatch_build.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets
        ):
            paths = ast.literal_eval(node.value)
            return [p.removesuffix(".py").replace("/", ".") for p in paths]
    raise AssertionError("hatch_build.py has no COMPILED list")


def test_the_installed_build_is_the_one_expected() -> None:
    build = "compiled" if claimcheck.compiled() else "pure"
    assert build == os.environ.get("CLAIMCHECK_EXPECT_BUILD", build)


def test_the_engine_is_compiled_whole_or_not_at_all() -> None:
    modules = compiled_modules()
    assert "claimcheck.pipeline" in modules and len(modules) >= 5
    kinds = {name: not importlib.import_module(name).__file__.endswith(".py") for name in modules}
    assert len(set(kinds.values())) == 1, kinds
    assert kinds["claimcheck.pipeline"] == claimcheck.compiled()


def test_every_listed_module_exists() -> None:
    for name in compiled_modules():
        assert (ROOT / (name.replace(".", "/") + ".py")).is_file(), name
