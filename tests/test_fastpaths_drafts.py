"""Fast paths of the claim drafting give exactly what the slower scans give."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.grammar import folded_scan_re, get_grammar

TRICKY = "ıİſµμKKßẞÉéΣσςǅǄǆ\u0345\u2160ⓐ\u00a0\u202f\u2009 \t\n-'’_1"


def _reference(g, text: str, pos: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in g.words_re.finditer(text, pos, end)]


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_word_scan_finds_the_spans_of_words_re_on_mixed_text(lang: str) -> None:
    g = get_grammar(lang)
    words = sorted(g.word_spellings)
    rnd = random.Random(6)
    pieces = [*words, *(w.upper() for w in words), *(w.title() for w in words), *TRICKY,
              "six", "ſix", "SİX", "dreißig", "DREISSIG", "dreiẞig", "x", "9", " ", " "]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        pos = rnd.randint(0, len(text))
        end = rnd.randint(pos, len(text) + 2)
        assert g.word_scan.spans(text, pos, end) == _reference(g, text, pos, end), (text, pos, end)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(set("sixtenhundredzwölfdreißigvingt" + TRICKY)))),
       st.sampled_from(["de", "en", "fr"]))
def test_word_scan_finds_the_spans_of_words_re(text: str, lang: str) -> None:
    g = get_grammar(lang)
    for pos in (0, 1, len(text) // 2):
        assert g.word_scan.spans(text, pos, len(text)) == _reference(g, text, pos, len(text))


def test_folded_scanner_rejects_the_extra_case_equivalences() -> None:
    scanner = folded_scan_re(["six", "dreißig"])
    for ch in "ıſİΣ":
        assert scanner.unsafe_re.search(ch), ch
    assert scanner.unsafe_re.search("é") is None
    assert scanner.spans("ſix SIX", 0, 7) == [(0, 3), (4, 7)]


def test_folded_scanner_needs_lower_case_phrases() -> None:
    scanner = folded_scan_re(["Six"])
    assert scanner.unsafe_re.search("a")  # no fast path: every window is scanned as before
    assert scanner.spans("six SIX", 0, 7) == [(0, 3), (4, 7)]


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_gap_then_word_never_rules_out_a_match(lang: str) -> None:
    from claimcheck.claims import _ends, _gap_then_word

    g = get_grammar(lang)
    ends = _ends(lang)
    cases = ((g.relative_after_re, ends.relative_after_first, g.lex.relative_time_after),
             (g.ratio_of_re, ends.ratio_of_first, g.lex.ratio_of),
             (g.movement_to_re, ends.movement_to_first, g.lex.movement_to))
    rnd = random.Random(7)
    for pattern, firsts, phrases in cases:
        pieces = [*phrases, *(p.upper() for p in phrases), *(p.title() for p in phrases),
                  " ", "\u00a0", "\u202f", "\t", "x", "5", "’", "'", "İ", "-", *TRICKY]
        for _ in range(1500):
            text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
            for pos in range(len(text) + 1):
                for hi in (len(text), rnd.randint(pos, len(text))):
                    if pattern.match(text, pos, hi):
                        assert _gap_then_word(text, pos, hi, firsts), (text, pos, hi)


def test_compound_scan_finds_the_spans_of_cardinal_scan_re() -> None:
    from claimcheck.cardinals import cardinal_scan_re, cardinal_words

    g = get_grammar("de")
    assert g.compound_scan is not None
    assert get_grammar("en").compound_scan is None
    atoms = sorted(cardinal_words("de").atoms)
    rnd = random.Random(8)
    pieces = [*atoms, *(a.upper() for a in atoms), *(a.title() for a in atoms), *TRICKY,
              "Einfluss", "DREIẞIG", "x", " ", "-"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        pos = rnd.randint(0, len(text))
        end = rnd.randint(pos, len(text))
        expected = [m.span() for m in cardinal_scan_re("de").finditer(text, pos, end)]
        assert g.compound_scan.spans(text, pos, end) == expected, (text, pos, end)
