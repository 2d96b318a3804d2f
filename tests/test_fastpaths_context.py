"""The left context read part by part (claimcheck.context) is exactly ``left_re``'s match."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.claims import MAX_LEFT, _ends
from claimcheck.grammar import get_grammar

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TRICKY = "ıİſµKßÉéΣσ\u00a0\u202f\u2009 \t\n-'’_$€£1."


def _reference(g, text: str, lo: int, pos: int):
    m = g.left_re.match(text, lo, pos)
    if m is None or m.end() == m.start():
        return None
    return [m.span(i) for i in range(len(g.left_re.groupindex) + 1)]


def _parts(lang: str, text: str, lo: int, pos: int):
    found = _ends(lang).left.match(text, lo, pos)
    if found is None:
        return None
    return [found.span(i) for i in range(len(get_grammar(lang).left_re.groupindex) + 1)]


def _texts(lang: str) -> list[str]:
    texts = []
    for p in sorted(FIXTURES.rglob("*")):
        if p.suffix in (".txt", ".md") and "bad" not in p.parts:
            try:
                texts.append(p.read_text(encoding="utf-8"))
            except UnicodeDecodeError:
                pass
    return texts


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_left_parts_match_left_re_at_every_word_of_the_fixtures(lang: str) -> None:
    g = get_grammar(lang)
    checked = matched = 0
    for text in _texts(lang):
        for pos in range(1, len(text)):
            if text[pos - 1].isalnum() or text[pos].isspace():
                continue  # every position where a word or figure starts
            lo = max(0, pos - MAX_LEFT)
            ref = _reference(g, text, lo, pos)
            assert _parts(lang, text, lo, pos) == ref, (text[lo:pos + 10], lang)
            checked += 1
            matched += ref is not None
    assert matched > 100 and checked > 1000


def _phrases(lang: str) -> list[str]:
    g = get_grammar(lang)
    lex = g.lex
    return [*lex.increase, *lex.decrease, *lex.change_fillers, *lex.change_by, *lex.change_to,
            *g.qual_kinds, *lex.range_between, *lex.range_from, "$", "€", "CHF", "US$", "Fr.", "£"]


@settings(max_examples=400, deadline=None)
@given(st.data(), st.sampled_from(["de", "en", "fr"]))
def test_left_parts_match_left_re(data, lang: str) -> None:
    g = get_grammar(lang)
    pieces = st.one_of(st.sampled_from(_phrases(lang)), st.sampled_from(list(TRICKY)),
                       st.sampled_from(_phrases(lang)).map(str.upper),
                       st.sampled_from(_phrases(lang)).map(lambda p: p.replace(" ", "\u00a0")))
    parts = data.draw(st.lists(pieces, max_size=8))
    seps = data.draw(st.lists(st.sampled_from(["", " ", "  ", "'", "’", "\u00a0"]),
                              min_size=len(parts), max_size=len(parts)))
    text = "".join(p + s for p, s in zip(parts, seps, strict=True)) + "5"
    pos = len(text) - 1
    for lo in (0, max(0, pos - MAX_LEFT), data.draw(st.integers(0, pos))):
        assert _parts(lang, text, lo, pos) == _reference(g, text, lo, pos), (text, lo)
        for cut in (pos - 1, pos - 2):
            if lo <= cut:
                assert _parts(lang, text, lo, cut) == _reference(g, text, lo, cut), (text, lo, cut)
