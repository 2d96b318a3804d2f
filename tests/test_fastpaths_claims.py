"""Pre-checks in claimcheck.claims never rule out a match of the pattern they guard."""

from __future__ import annotations

from examples import fixture_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.claims import MAX_TOKEN_WALK, _may_be_date_at, _may_be_named_date, _word_after
from claimcheck.dates import date_at_re

TRICKY = "ıİſµKßÉéΣσ\u00a0\u202f\u2009 \t\n-'’_$€£1.9ofJjuMmaySsTtHhNnDdRrEe"


def _check(text: str) -> tuple[int, int]:
    """Every one- or two-digit figure followed by a space or a letter: where ``date_at_re``
    matches, the pre-check lets it run. Returns (figures checked, dates matched)."""
    checked = matched = 0
    for start in range(len(text)):
        if not text[start].isdigit() or (start and text[start - 1].isdigit()):
            continue
        end = start + 1
        while end < len(text) and text[end].isdigit():
            end += 1
        if end - start > 2 or end >= len(text):
            continue
        nxt = text[end]
        if not (nxt in " \u00a0\u202f" or nxt.isalpha()):
            continue
        found = date_at_re().match(text, start, len(text))
        gate = _may_be_named_date(nxt, _word_after(text, end, len(text)))
        assert gate or found is None, text[start:end + 30]
        checked += 1
        matched += found is not None
    return checked, matched


def test_named_date_precheck_never_rules_out_a_date_in_the_fixtures() -> None:
    checked = matched = 0
    for text in fixture_texts():
        c, m = _check(text)
        checked += c
        matched += m
    assert checked > 500 and matched > 20


def test_named_date_precheck_on_made_up_dates() -> None:
    for text in ("9 July", "9 of July", "9th July", "1er janvier", "3 Dezember", "9 \u00a0 JULY 2021",
                 "9\u202fMay", "21ST June", "9 \njuly", "1ſt March", "9 " + " " * MAX_TOKEN_WALK + "July"):
        assert _check(text)[1] == 1, text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=30))
def test_named_date_precheck_never_rules_out_a_date(text: str) -> None:
    _check(text)


def _check_any(text: str) -> tuple[int, int]:
    """Every digit run (with or without the figure's "." and "," inside): where
    ``date_at_re`` matches at it, :func:`_may_be_date_at` lets it run."""
    checked = matched = 0
    for start in range(len(text)):
        if not text[start].isdigit() or (start and text[start - 1].isdigit()):
            continue
        for stop in range(start + 1, min(len(text), start + 12) + 1):
            if not (text[stop - 1].isdigit() or text[stop - 1] in ".,"):
                break
            raw, nxt = text[start:stop], text[stop:stop + 1]
            found = date_at_re().match(text, start, len(text))
            gate = _may_be_date_at(raw, nxt, _word_after(text, stop, len(text)))
            assert gate or found is None, (raw, text[start:stop + 30])
            checked += 1
            matched += found is not None
    return checked, matched


def test_date_precheck_never_rules_out_a_date_in_the_fixtures() -> None:
    checked = matched = 0
    for text in fixture_texts():
        c, m = _check_any(text)
        checked += c
        matched += m
    assert checked > 1000 and matched > 20


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=TRICKY + "0123456789-/", max_size=30))
def test_date_precheck_never_rules_out_a_date(text: str) -> None:
    _check_any(text)
