"""``--diff REV``: the lines of a file changed since REV, with merge-base semantics.

Like ``git diff REV...``: the comparison base is ``git merge-base REV HEAD``, so the
lines a branch changed are linted, not the ones that changed on REV meanwhile; the
working tree (uncommitted edits) counts as changed.  A file git does not track, or that
did not exist at the base, is new: all its lines count.  Git runs as a subprocess.
"""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

import regex

from ..errors import InputError, UsageError

HUNK_RE = regex.compile(r"^@@ -[0-9]+(?:,[0-9]+)? \+(?P<start>[0-9]+)(?:,(?P<count>[0-9]+))? @@",
                        regex.MULTILINE)


class GitError(Exception):
    pass


def _git(args: list[str], cwd: str) -> str:
    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False,
            encoding="utf-8", errors="replace",
        )
    except FileNotFoundError as exc:
        raise GitError("git is not installed") from exc
    if proc.returncode != 0:
        said = (proc.stderr or proc.stdout).strip().splitlines()
        raise GitError(said[-1] if said else f"git {args[0]} failed")
    return proc.stdout


@cache
def _toplevel(directory: str) -> str:
    return _git(["rev-parse", "--show-toplevel"], directory).strip()


@cache
def _merge_base(top: str, rev: str) -> str:
    try:
        return _git(["merge-base", rev, "HEAD"], top).strip()
    except GitError as exc:
        raise UsageError(f"--diff {rev}: no merge base with HEAD in {top} ({exc})") from exc


def changed_lines(path: str, rev: str) -> set[int] | None:
    """1-based lines of ``path`` changed since the merge base of REV and HEAD; None = all.

    Raises InputError when ``path`` is not a file in a git checkout, UsageError when REV
    is unknown.
    """
    p = Path(path)
    if path == "-" or not p.is_file():
        raise InputError(path, "--diff needs files in a git checkout (not standard input or a "
                               "collection row)")
    directory = str(p.resolve().parent)
    try:
        top = _toplevel(directory)
    except GitError as exc:
        raise InputError(path, f"not in a git checkout, needed by --diff ({exc})") from exc
    base = _merge_base(top, rev)
    rel = p.resolve().relative_to(Path(top).resolve()).as_posix()
    try:
        _git(["ls-files", "--error-unmatch", "--", rel], top)
    except GitError:
        return None  # untracked: every line is new
    try:
        _git(["cat-file", "-e", f"{base}:{rel}"], top)
    except GitError:
        return None  # added since the base
    out = _git(["diff", "--no-color", "--no-ext-diff", "--unified=0", base, "--", rel], top)
    lines: set[int] = set()
    for m in HUNK_RE.finditer(out):
        start = int(m.group("start"))
        count = int(m.group("count")) if m.group("count") is not None else 1
        lines.update(range(start, start + count))
    return lines


def clear_cache() -> None:
    _toplevel.cache_clear()
    _merge_base.cache_clear()
