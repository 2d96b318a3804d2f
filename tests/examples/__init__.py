"""Typed example rows for the claim engine's specification tables, and their checks.

The tables themselves live in tests/test_convention.py, test_scale.py, test_intervals.py
and test_numbers.py; this package holds what they share:

- :class:`Case`: one text and the claim a careful reader takes from it.  Figures are
  written as strings ("94000", "2.5e6", "1/3") and compared as exact decimals
  (fractions such as "1/3" to nine places).
- :class:`NotClaim`: a text with a trap (a date, a clock time, an id...) that must not
  be part of any claim, and optionally a real figure next to it that must survive.
- :func:`check_case` / :func:`check_not_claim`: the assertions, with one readable diff.
- :func:`known`: a row the engine gets wrong today, as a strict xfail.

``python tests/examples/failures.py`` rewrites /work/notes/engine-failures.md from the
KNOWN_FAILURES lists (text, lang, expected, got).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from claimcheck import extract_text
from claimcheck.model import Claim

NBSP = "\u00a0"
"""No-break space, a French group separator."""
NNBSP = "\u202f"
"""Narrow no-break space, CLDR's French group separator."""
MINUS = "\u2212"
"""The typographic minus sign."""

PLACES = Decimal("1e-9")


@dataclass(frozen=True)
class Case:
    """One claim as a careful reader reads it from ``text``.

    ``span`` is the claim's expected ``text`` (qualifier, figure(s), scale word and unit
    as written); with ``span=None`` the text must hold exactly one claim, whose span is
    not checked.
    """

    text: str
    lang: str
    value: str | None
    low: str | None
    high: str | None
    qualifier: str
    unit: str
    number_format: str
    ambiguous: bool
    role: str = "level"
    span: str | None = None
    id: str | None = None

    @property
    def case_id(self) -> str:
        if self.id:
            return f"{self.lang}-{self.id}"
        return f"{self.lang}-{self.span or self.text}"[:70]


@dataclass(frozen=True)
class NotClaim:
    """``trap`` (a substring of ``text``) is not a claim; ``keep`` still is, with ``keep_value``."""

    text: str
    lang: str
    trap: str
    keep: str | None = None
    keep_value: str | None = None
    id: str | None = None

    @property
    def case_id(self) -> str:
        return f"{self.lang}-{self.id or self.trap}"[:70]


def number(s: str | None) -> Decimal | None:
    """'94000', '2.5e6', '-3.2' → Decimal; '1/3' → 0.333333333 (nine places)."""
    if s is None:
        return None
    if "/" in s:
        f = Fraction(s)
        return (Decimal(f.numerator) / Decimal(f.denominator)).quantize(PLACES)
    return Decimal(s)


def _show(d: Decimal | None) -> str | None:
    if d is None:
        return None
    q = d.quantize(PLACES) if d.as_tuple().exponent < -9 else d  # type: ignore[operator]
    return f"{q.normalize():f}"


def claim_fields(c: Claim) -> dict[str, object]:
    return {
        "text": c.text,
        "value": _show(c.value),
        "low": _show(c.low),
        "high": _show(c.high),
        "qualifier": c.qualifier.value,
        "unit": c.unit,
        "number_format": c.number_format.value,
        "ambiguous": c.ambiguous,
        "role": c.role.value,
    }


def expected_fields(case: Case) -> dict[str, object]:
    return {
        "text": case.span,
        "value": _show(number(case.value)),
        "low": _show(number(case.low)),
        "high": _show(number(case.high)),
        "qualifier": case.qualifier,
        "unit": case.unit,
        "number_format": case.number_format,
        "ambiguous": case.ambiguous,
        "role": case.role,
    }


def pick(case: Case, claims: list[Claim]) -> Claim | None:
    if case.span is None:
        return claims[0] if len(claims) == 1 else None
    matches = [c for c in claims if c.text == case.span]
    return matches[0] if len(matches) == 1 else None


def run(case: Case | NotClaim) -> list[Claim]:
    return extract_text(case.text, lang=case.lang)


def check_case(case: Case) -> None:
    claims = run(case)
    got_claim = pick(case, claims)
    assert got_claim is not None, (
        f"expected {'one claim' if case.span is None else repr(case.span)} in {case.text!r}, "
        f"got {[c.text for c in claims]}"
    )
    got = claim_fields(got_claim)
    want = expected_fields(case)
    if case.span is None:
        got["text"] = None
    # the claim's text is exactly the document's characters at its offsets
    assert case.text[got_claim.start:got_claim.end] == got_claim.text
    assert got == want


def check_not_claim(case: NotClaim) -> None:
    claims = run(case)
    t0 = case.text.index(case.trap)
    t1 = t0 + len(case.trap)
    overlapping = [c.text for c in claims if c.start < t1 and t0 < c.end]
    assert overlapping == [], f"{case.trap!r} read as a claim: {overlapping}"
    if case.keep is not None:
        kept = [c for c in claims if c.text == case.keep]
        assert kept, f"{case.keep!r} lost: got {[c.text for c in claims]}"
        if case.keep_value is not None:
            assert _show(kept[0].value) == _show(number(case.keep_value))


def params(rows: list[Case] | list[NotClaim]) -> list:
    """Rows → pytest params with readable ids."""
    return [pytest.param(row, id=row.case_id) for row in rows]


def known(row: Case | NotClaim, reason: str):
    """A row the engine gets wrong today: strict xfail, so a fix shows up as XPASS."""
    return pytest.param(
        row, id=row.case_id, marks=pytest.mark.xfail(strict=True, reason=reason)
    )


FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures"


def fixture_texts() -> list[str]:
    """Every .txt and .md text under fixtures/ (the deliberately broken inputs left
    out): real-looking prose for tests that compare a fast path with its definition."""
    texts = []
    for p in sorted(FIXTURES.rglob("*")):
        if p.suffix in (".txt", ".md") and "bad" not in p.parts:
            try:
                texts.append(p.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                pass
    return texts
