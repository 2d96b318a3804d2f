"""Speed round 9 (attachment): each fast path against its slow definition."""

from __future__ import annotations

import pytest
from examples.slow_paths import pattern_tokens
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.subjects import (
    NUM_SPACES,
    _ascii_digits,
    _elided_rest,
    _elision,
    _letter_first,
    _maybe_digit,
    _number_may_join,
    _own_fold,
    _self_folded,
    tokenize,
)
from claimcheck.token_record import Token


def slow_self_folded(word: str) -> bool:
    """What ``_self_folded`` promises: a word token of the fast path whose fold is itself."""
    return word.isalnum() and _letter_first(word) and word.casefold() == word


@pytest.mark.parametrize("lo", range(0, 0x3000, 0x100))
def test_self_folded_every_code_point(lo: int) -> None:
    for o in range(lo, lo + 0x100):
        c = chr(o)
        if _self_folded(c):
            assert slow_self_folded(c), hex(o)
        # as a later character (after a letter)
        if _self_folded("a" + c):
            assert slow_self_folded("a" + c), hex(o)


@pytest.mark.parametrize("word, expected", [
    ("the", True), ("économie", True), ("covid19", True), ("ÿ", True), ("à", True),
    ("The", False), ("19th", False), ("ß", False), ("µg", False), ("a÷b", False), ("cœur", False),
    ("l'été", False), ("a-b", False), ("naïve", True), ("straße", False), ("x", True),
])
def test_self_folded_rows(word: str, expected: bool) -> None:
    assert _self_folded(word) is expected
    if expected:
        assert slow_self_folded(word)


@settings(max_examples=500, deadline=None)
@given(st.text("azAZ09éÿÀÉ÷ßµœŒıİſ'-.,_ ", min_size=1, max_size=8))
def test_self_folded_property(word: str) -> None:
    if _self_folded(word):
        assert slow_self_folded(word)
    else:  # all it leaves out is outside its letters, or opens with a digit
        assert not (all((c.isdigit() and c.isascii()) or "a" <= c <= "z" or ("à" <= c <= "ÿ" and c != "÷")
                        for c in word) and not word[0].isdigit())


PIECES = st.sampled_from([
    "a", "the", "économie", "ÿ", "÷", "µ", "ß", "Bé", "1", "19", " ", "  ", ",", ".", ", ", ". ", "'",
    "\u2019", "-", "(", "l'", "œ", "İ", "ı", "ſ", "\u00a0", "x,", "y.", "é.", "e1", "L\u2019", "d'",
    "qu'", "x'", "2024", "000", "\u202f", "2024,", "94.", "l'été,", "D\u2019un.", "n'a", "l'É", "«",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join), st.data())
def test_tokenize_with_self_folded_words_matches_pattern(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert [t.fields() for t in tokenize(text, start, end)] == pattern_tokens(text, start, end)


@settings(max_examples=500, deadline=None)
@given(st.text("azAZ09éÿÀ÷ßµœİıſ'\u2019-.,_ ", max_size=8))
def test_own_fold_property(word: str) -> None:
    if _own_fold(word):
        assert word.casefold() == word


@pytest.mark.parametrize("lo", range(0, 0x3000, 0x100))
def test_own_fold_every_code_point(lo: int) -> None:
    for o in range(lo, lo + 0x100):
        if _own_fold(chr(o)):
            assert chr(o).casefold() == chr(o), hex(o)


@settings(max_examples=300, deadline=None)
@given(st.text("0123456789a\u0663\u00b2", max_size=6))
def test_ascii_digits(word: str) -> None:
    assert _ascii_digits(word) == all("0" <= c <= "9" for c in word)


def slow_may_join(chunk: str, at: int, lead: int, trail: int, m: int) -> bool:
    """``_piece_tokens``' test as it was written, with ``in NUM_SPACES``."""
    if lead == 0 and at >= 2 and chunk[at - 1] in NUM_SPACES and _maybe_digit(chunk[at - 2]):
        return True
    cb = at + trail
    return trail == m and cb + 1 < len(chunk) and chunk[cb] in NUM_SPACES and _maybe_digit(chunk[cb + 1])


@settings(max_examples=500, deadline=None)
@given(st.text("1a \u00a0\u202f\u2009,.\u0663", min_size=1, max_size=10), st.data())
def test_number_may_join(chunk: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(chunk) - 1))
    m = data.draw(st.integers(1, len(chunk) - at))
    lead = data.draw(st.integers(0, m))
    trail = data.draw(st.integers(lead, m))
    assert _number_may_join(chunk, at, lead, trail, m) == slow_may_join(chunk, at, lead, trail, m)


@settings(max_examples=500, deadline=None)
@given(st.text("lLdDqQuxé'\u2019aÉ1-", min_size=1, max_size=7))
def test_elided_rest(piece: str) -> None:
    rest = _elided_rest(piece, len(piece))
    if rest:
        assert _elision(piece) == 2 and piece[2:] == rest and _self_folded(rest)



# --- speakers: the letter-pair gate before the cue-word lookup ---------------------------------


@settings(max_examples=500, deadline=None)
@given(st.frozensets(st.text("ab,'\u00e9\u2019\u0100", max_size=4), max_size=6),
       st.lists(st.text("ab,'\u00e9\u2019\u0100", max_size=4), max_size=8))
def test_cue_starts_match_the_set_lookup(words: frozenset[str], folds: list[str]) -> None:
    from claimcheck.speakers import _cue_starts, _letter_pairs

    tokens = [Token("word", f, 0, 0, f) for f in folds]
    expected = [k for k, f in enumerate(folds) if f in words]
    assert _cue_starts(tokens, words, _letter_pairs(words)) == expected


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_cue_starts_of_cue_words(lang: str) -> None:
    from claimcheck.speakers import _cue_starts, get_speaker_data

    d = get_speaker_data(lang)
    folds = [*sorted(d.first_words), "the", "2024", ",", ""]
    tokens = [Token("word", f, 0, 0, f) for f in folds]
    assert _cue_starts(tokens, d.first_words, d.first_pairs) == list(range(len(d.first_words)))
