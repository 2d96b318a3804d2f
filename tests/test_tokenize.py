"""Fast paths that must equal what they stand in for: tokenize (cut at whitespace, letter
pieces taken whole), grammar.Scanner (the left letter boundary checked in Python),
grammar.Groups (named groups read by number) and claims.Suffixes (endswith by set lookups)."""

from __future__ import annotations

import re

import pytest
from examples.slow_paths import pattern_tokens
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.grammar import _hint_pattern, _word_places, scan_re
from claimcheck.lexicon import SCAN_GAP, SCAN_NOT_AFTER_ALNUM, SCAN_NOT_BEFORE_ALNUM, trie_source
from claimcheck.subjects import tokenize

CASES = [
    ("plain", "Police said 94,000 soldiers were deployed"),
    ("closers", "The agency (AP) said, on Monday: “No.”"),
    ("openers", "«Nous» [sic] „Zahlen“ (ca"),
    ("elided", "l'économie, qu’il jusqu'à d'1,5 % L'Oréal"),
    ("not-elided", "aujourd'hui presqu'île Farmers' union rock'n'roll"),
    ("abbreviations", "U.S. officials, J. Smith and z.B. Inc. A. B."),
    ("fr-digits", "1\u202f234,5 personnes et 12\u00a0000 euros 1 234"),
    ("hyphens", "Arbeitsmarkt- und Sozialpolitik, dix-huit, COVID-19"),
    ("c0-separator", "eins\x1czwei drei"),
    ("format-marks", "*94,000* _troops_ `code` ~x~"),
    ("long-s", "ſ'il"),
    ("span-end-apostrophe", "Farmers'"),
]


@pytest.mark.parametrize("text", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_fast_path_matches_pattern(text):
    assert [t.fields() for t in tokenize(text, 0, len(text))] == pattern_tokens(text, 0, len(text))


@pytest.mark.parametrize("text", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_fast_path_matches_pattern_on_inner_spans(text):
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1, 3):
            assert [t.fields() for t in tokenize(text, start, end)] == pattern_tokens(text, start, end)


def test_elided_token():
    toks = tokenize("L’économie", 0, 10)
    expected = [("elided", "L’", "l'"), ("word", "économie", "économie")]
    assert [(t.kind, t.text, t.fold) for t in toks] == expected


PIECES = st.sampled_from([
    "a", "Bé", "1", "2", "000", " ", "  ", "\n", "\u00a0", "\u202f", "\x1c", ",", ".", ";", ":", "'",
    "\u2019", "-", "(", ")", "\"", "“", "”", "„", "«", "»", "%", "€", "l'", "Qu’", "jusqu", "presqu",
    "U.S.", "ſ", "_", "*", "Ä", "ß",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join), st.data())
def test_fast_path_matches_pattern_property(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert [t.fields() for t in tokenize(text, start, end)] == pattern_tokens(text, start, end)


# --- grammar.Scanner: the phrase trie with its left letter boundary checked in Python ------------

SCAN_PHRASES = ["two", "twenty", "half", "a dozen", "dozen", "zwei", "mille", "un", "une"]


def lookbehind_matches(phrases, text, pos, endpos, ignore_case):
    pattern = re.compile(SCAN_NOT_AFTER_ALNUM + trie_source(phrases, SCAN_GAP) + SCAN_NOT_BEFORE_ALNUM,
                         re.IGNORECASE if ignore_case else 0)
    return [m.span() for m in pattern.finditer(text, pos, endpos)]


SCAN_CASES = [
    ("inside-words", "network twofold halftime atwo two"),
    ("after-digit", "3two 3 two a dozen, xa dozen"),
    ("after-underscore", "_two two_ -two two-"),
    ("unicode-letters", "étwo été-two Zweizwei zwei"),
    ("case", "TWO Two a Dozen"),
]


@pytest.mark.parametrize("ignore_case", [True, False])
@pytest.mark.parametrize("text", [c[1] for c in SCAN_CASES], ids=[c[0] for c in SCAN_CASES])
def test_scanner_matches_lookbehind_pattern(text, ignore_case):
    scanner = scan_re(SCAN_PHRASES, ignore_case=ignore_case)
    for pos in range(len(text) + 1):
        for endpos in range(pos, len(text) + 1, 4):
            found = [m.span() for m in scanner.finditer(text, pos, endpos)]
            assert found == lookbehind_matches(SCAN_PHRASES, text, pos, endpos, ignore_case)


SCAN_PIECES = st.sampled_from(["two", "twenty", "half", "a", " ", "dozen", "x", "3", "_", "-", "é", "T", "W"])


@settings(max_examples=300, deadline=None)
@given(st.lists(SCAN_PIECES, max_size=20).map("".join), st.data())
def test_scanner_property(text, data):
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    found = [m.span() for m in scan_re(SCAN_PHRASES).finditer(text, pos, endpos)]
    assert found == lookbehind_matches(SCAN_PHRASES, text, pos, endpos, True)


# --- grammar._word_places: the hint words' places by str.find, as the trie scan finds them -------

HINTS = {"two", "twenty", "third", "thirds", "half", "Two", "zwei", "dreißig"}
WORD_PIECES = st.sampled_from(["two", "twenty", "third", "thirds", "half", "Two", "zwei", "dreißig",
                               "a", " ", "x", "3", "_", "-", "é", "T", ".", "\u00a0"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORD_PIECES, max_size=20).map("".join))
def test_word_places_match_the_trie_scan(text):
    expected = [m.start() for m in _hint_pattern(frozenset(HINTS)).finditer(text)]
    assert _word_places(text, HINTS) == expected


@pytest.mark.parametrize("text, places", [
    ("two-thirds of twenty", [0, 4, 14]),
    ("Two thirds, 2two, two_ twofold", [0, 4, 18]),
    ("dreißig zweiundzwanzig zwei.", [0, 23]),
], ids=["hyphen-and-prefix", "glued-and-capital", "german"])
def test_word_places_rows(text, places):
    assert _word_places(text, HINTS) == places


GROUP_CASES = [
    ("en-range", "en", "more than 95,000 to 100,000 troops"),
    ("en-money", "en", "rose by $2.3bn to $4.5 billion"),
    ("de-between", "de", "zwischen 95.000 und 100.000 russischen Soldaten"),
    ("de-change", "de", "stieg um 4,7 Prozent auf 5,4 Mrd. Euro"),
    ("fr-range", "fr", "entre 95\u202f000 et 100\u202f000 soldats"),
    ("fr-qualifier", "fr", "plus d'1,5 million d'euros, soit près de 3 %"),
]


@pytest.mark.parametrize("lang,text", [c[1:] for c in GROUP_CASES], ids=[c[0] for c in GROUP_CASES])
def test_groups_read_equals_groupdict(lang: str, text: str) -> None:
    """Every left and right context match at every figure reads as groupdict() does,
    and each group's number finds the span its name does."""
    from claimcheck.grammar import NUMBER_DIGITS, NUMBER_SIGN, get_grammar

    g = get_grammar(lang)
    seen = 0
    for num in g.number_re.finditer(text):
        assert num.span(NUMBER_DIGITS) == num.span("num")
        assert num.group(NUMBER_SIGN) == num.group("sign")
        for pattern, groups, pos in ((g.right_re, g.right_groups, num.end()),
                                     (g.right_between_re, g.right_groups, num.end()),
                                     (g.left_re, g.left_groups, num.start())):
            m = pattern.match(text, 0 if pattern is g.left_re else pos, pos if pattern is g.left_re else None)
            assert m is not None  # every part of both is optional
            assert groups.read(m) == m.groupdict()
            for name, i in groups.index.items():
                assert m.span(i) == m.span(name)
            seen += any(v is not None for v in m.groupdict().values())
    assert seen  # the rows exercise filled groups, not only empty ones
    assert g.left_groups.empty == dict.fromkeys(g.left_re.groupindex)


def test_groups_refuse_patterns_numbered_differently() -> None:
    import regex

    from claimcheck.grammar import Groups

    with pytest.raises(ValueError, match="differently"):
        Groups(regex.compile(r"(?P<a>x)(?P<b>y)"), regex.compile(r"(?P<b>y)(?P<a>x)"))


def test_period_groups_are_the_same_in_every_language() -> None:
    from claimcheck.dates import period_groups, period_re
    from claimcheck.lexicon import LANGS

    for lang in LANGS:
        assert dict(period_re(lang).groupindex) == period_groups()


@given(st.sets(st.text("abé'-", min_size=1, max_size=5), max_size=8), st.text("abé'- ", max_size=8))
@settings(max_examples=300, deadline=None)
def test_suffixes_end_as_endswith(words: set[str], s: str) -> None:
    from claimcheck.claims import Suffixes

    assert Suffixes(words).end(s) == s.endswith(tuple(words))
