"""Every key figure of fixtures/expected/articles.md, as a careful reader wrote it down.

articles.md was written with the articles, before the engine read them: each row is a
figure that must be found with its value, interval, qualifier, unit, number format and
role; each "Not claims" entry must not start a claim.  Rows the engine still gets
wrong are strict xfails in KNOWN_FAILURES (they turn into failures once fixed).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from claimcheck.api import extract
from claimcheck.model import Claim

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
EXPECTED = ROOT / "fixtures" / "expected" / "articles.md"
ROW_RE = re.compile(r"^\| (?P<file>[a-z]{2}/[^|]+?) \| `(?P<text>[^`]+)` \|(?P<rest>.*)\|$")
TRAPS_HEAD_RE = re.compile(r"^### (?P<file>[a-z]{2}/\S+)$")
TRAP_RE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Row:
    file: str
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    number_format: str
    role: str


def _num(s: str) -> float | None:
    s = s.strip()
    return None if s == "null" else float(s)


def load_rows() -> list[Row]:
    rows = []
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        m = ROW_RE.match(line)
        if not m:
            continue
        cells = [c.strip() for c in m.group("rest").split("|")]
        value, low, high, qual, unit, fmt, role = cells[:7]
        rows.append(Row(m.group("file"), m.group("text"), _num(value), _num(low), _num(high),
                        qual, unit, fmt, role))
    return rows


def load_traps() -> list[tuple[str, str]]:
    traps = []
    current = None
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        h = TRAPS_HEAD_RE.match(line)
        if h:
            current = h.group("file")
            continue
        if current and line.startswith("Not claims:"):
            traps.extend((current, t) for t in TRAP_RE.findall(line))
    return traps


@cache
def claims_of(file: str) -> tuple[Claim, ...]:
    result = extract([str(ARTICLES / file)])
    assert not result.errors, result.errors
    return tuple(result.claims)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _f(x) -> float | None:
    return None if x is None else float(x)


# Rows the engine gets wrong today: (file, text) → reason.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


def _params(rows):
    for r in rows:
        marks = ()
        reason = KNOWN_FAILURES.get((r.file, r.text))
        if reason:
            marks = (pytest.mark.xfail(strict=True, reason=reason),)
        yield pytest.param(r, id=f"{r.file}:{r.text}", marks=marks)


@pytest.mark.parametrize("row", list(_params(load_rows())))
def test_expected_figure(row: Row) -> None:
    claims = claims_of(row.file)
    found = [c for c in claims if c.text == row.text]
    assert found, f"{row.text!r} not extracted; got {[c.text for c in claims]}"
    c = found[0]
    got = (c.qualifier.value, c.unit, c.number_format.value, c.role.value)
    assert got == (row.qualifier, row.unit, row.number_format, row.role)
    assert _close(_f(c.value), row.value)
    assert _close(_f(c.low), row.low) and _close(_f(c.high), row.high), (c.low, c.high)


TRAP_FAILURES: dict[tuple[str, str], str] = {
    ("fr/002-inondations.md", "Dragon 62"): "a product name in mixed case before a figure",
    ("fr/003-chomage.txt", "\u00ab\u202f1\u202fjeune, 1\u202fsolution\u202f\u00bb"): (
        "a slogan's numerals read as counts"
    ),
}


def _trap_params():
    for file, trap in load_traps():
        reason = TRAP_FAILURES.get((file, trap))
        marks = (pytest.mark.xfail(strict=True, reason=reason),) if reason else ()
        yield pytest.param(file, trap, id=f"{file}:{trap}", marks=marks)


@pytest.mark.parametrize(("file", "trap"), list(_trap_params()))
def test_trap_is_not_a_claim(file: str, trap: str) -> None:
    text = (ARTICLES / file).read_text(encoding="utf-8")
    claims = claims_of(file)
    positions = [m.start() for m in re.finditer(re.escape(trap), text)]
    assert positions, f"trap {trap!r} not in {file}"
    for pos in positions:
        digits = [i for i in range(pos, pos + len(trap)) if text[i].isdigit()]
        hits = [c for c in claims if any(c.start <= i < c.end for i in digits)]
        assert not hits, f"{trap!r} read as {[c.text for c in hits]}"
