"""Fast paths of the tokenizer and the speaker stage that must equal what they stand in for."""

from __future__ import annotations

import sys

import pytest
import regex
from examples.slow_paths import pattern_tokens
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.subjects import (
    LEAD_MARKS,
    MARKS,
    NUM_SPACES,
    tokenize,
)


def test_marks_are_no_letters_digits_or_spaces():
    ln = regex.compile(r"[\p{L}\p{M}\p{N}\s]")
    assert not [c for c in LEAD_MARKS if ln.match(c)]
    assert not MARKS & set("'\u2019-\u2010\u2011")  # what a word or number takes in after it
    digit = regex.compile(r"\p{N}")
    assert not [o for o in range(0xC0, 0x250) if digit.match(chr(o))]  # _maybe_digit's range
    assert all(c.isspace() for c in NUM_SPACES)


def test_unicode_classes_nest():
    """isalnum characters are \\p{L} or \\p{N}, the isalpha ones \\p{L}, the isdigit ones \\p{N}."""
    letter, digit = regex.compile(r"\p{L}"), regex.compile(r"\p{N}")
    for c in map(chr, range(sys.maxunicode + 1)):
        if c.isalnum():
            assert bool(letter.match(c)) == c.isalpha(), c
            assert not c.isdigit() or digit.match(c), c
            assert c.isalpha() or digit.match(c), c


def test_letter_tests_cut_short():
    """_letter_first's range: every isalnum character in U+00C0..U+024F is a letter; _elision
    lowercases heads: only ASCII letters and the Kelvin sign lowercase to ASCII."""
    from claimcheck.subjects import ELIDED_HEADS

    assert all(chr(o).isalpha() for o in range(0xC0, 0x250) if chr(o).isalnum())
    to_ascii = {chr(o) for o in range(0x80, sys.maxunicode + 1) if chr(o).lower().isascii()}
    assert to_ascii == {"\u212a"} and "k" not in "".join(ELIDED_HEADS)


CASES = [
    ("marks-around", '**Northbridge** planned," (AP) [sic]! "We\u2019re — # ## … «oui» „ja“'),
    ("numbers", "$450 80, 4.5% 12,000. 1.234,5 6..6 7,,7 2nd 10am ²³ \u00bd 1'000 1\u2019000 3.-"),
    ("number-joins", "1 000 12\u00a0345 9\u202f999 1 2 33 444 5\u00a0x 6 €7 8 (999) 1 234) x1 000"),
    ("compounds", "centre-back stoppage-time half-time, dix-huit COVID-19 a--b a- -a Arbeitsmarkt-, x-'y"),
    ("apostrophes", "charity's won't I'd children\u2019s l'homme-orchestre qu'aujourd-hui d'1,5 ſ'x S'il"),
    ("elided-marks", "(l'État) «qu\u2019il» \"d'abord\", jusqu'à-bas t'es-tu l\u2019"),
    ("combining", "cafe\u0301 e\u0301t\u00e9 \u0301x Stra\u00dfe STRASSE \u0130stanbul"),
    ("casefold", "\u03a3\u039f\u03a3 \u03bf\u03a3. \ufb01n \u00b5m Stra\u00dfen-Bau, Ma\u00dfe"),
    ("abbreviations", "U.S. A. B.C A.. e.g. Z.B."),
    ("controls", "a\x7fb \x01x y\x7f"),
    ("number-groups", "94 000 gens, 1 234 567,89 \u20ac (12 000) 5 12 3\u00a0456\u202f789. 1 23a 1 234a"),
    ("number-group-ends", "2 3- 4 567-8 9 000\u2019 1 000'5 6 000.7 8 000.."),
    ("number-groups-other-digits", "7 8\u0661\u0662\u0663 9 \u0661\u0662\u0663 4 56\u0667 1\u2019000"),
    ("number-then-word", "la 6e minute, 1er mai 10am 2nd 3x4 5\u00e9t\u00e9 7\u00b2 8E. 9e\u0301 12,5e 1e-3"),
    ("number-after-letters", "\u00e0 9,7\u00a0% \u00ab\u00a012 000\u00a0\u00bb"),
    ("number-after-marks", "\u00e9 1 \u2014 2 \u0661 3 \u00bd 4 \u03b1 5"),
    ("word-stops", "year. said, A. é, 1. 2, a.. b,, \u00c9tat, \u00aa. \u00b2, qu'à l'é,"),
    ("elided-rest", "l'homme-orchestre qu'aujourd'hui l'l'x d'1 L'2a l'ab1 J\u2019y s'\u00e9t\u00e9"),
]


@pytest.mark.parametrize("text", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_tokenize_matches_pattern(text):
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert [t.fields() for t in tokenize(text, start, end)] == pattern_tokens(text, start, end)


PIECES = st.sampled_from([
    "a", "Bé", "x1", "1", "2", "000", "12", " ", "  ", "\n", "\u00a0", "\u202f", ",", ".", ";", "'", "\u2019",
    "-", "\u2010", "(", ")", '"', "\u201c", "\u201d", "%", "$", "\u20ac", "l'", "Qu\u2019", "jusqu", "d",
    "U.S.", "\u017f", "_", "*", "\u00c4", "\u00df", "\u0301", "\u00b2", "\u00bd", "#", "\u2014", "s",
])


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join), st.data())
def test_tokenize_matches_pattern_property(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert [t.fields() for t in tokenize(text, start, end)] == pattern_tokens(text, start, end)


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=12), st.integers(-1, 40))
def test_token_searches_are_bisect(gaps, pos):
    from bisect import bisect_left, bisect_right

    from claimcheck.token_record import Token, first_ending_after, first_starting_at

    tokens, at = [], 0
    for gap, length in gaps:
        tokens.append(Token("word", "x" * length, at + gap, at + gap + length, "x" * length))
        at += gap + length
    assert first_starting_at(tokens, pos) == bisect_left(tokens, pos, key=lambda t: t.start)
    assert first_ending_after(tokens, pos) == bisect_right(tokens, pos, key=lambda t: t.end)


@given(st.lists(st.integers(0, 30), max_size=15).map(sorted), st.integers(-1, 31), st.data())
def test_bisect_left_is_bisect(a, x, data):
    from bisect import bisect_left

    from claimcheck.speakers import _bisect_left

    lo = data.draw(st.integers(0, len(a)))
    hi = data.draw(st.integers(lo, len(a)))
    assert _bisect_left(a, x, lo, hi) == bisect_left(a, x, lo, hi)


@given(st.lists(PIECES, min_size=1, max_size=6).map("".join))
def test_casefold_memo_is_casefold(word):
    """_casefold remembers word.casefold(), also across the memo's restart when full."""
    from claimcheck import subjects

    assert subjects._casefold(word) == word.casefold()
    assert subjects._casefold(word) == word.casefold()  # from the memo
    saved = dict(subjects._FOLDS)
    try:
        subjects._FOLDS.update({f"\x01{k}": "" for k in range(subjects.MAX_FOLDS - len(subjects._FOLDS))})
        assert subjects._casefold(word + "\x00") == (word + "\x00").casefold()  # restart
        assert len(subjects._FOLDS) == 1
    finally:
        subjects._FOLDS.clear()
        subjects._FOLDS.update(saved)


@pytest.mark.parametrize("lang,words", [
    ("en", ["number", "of", "evacuees"]), ("en", ["people"]), ("en", ["US-unemployment"]),
    ("de", ["Arbeitslosenquote"]), ("de", ["US-Arbeitslosenquote"]), ("fr", ["demandeurs", "d'emploi"]),
    ("fr", ["personnes", "évacuées"]), ("en", ["Zzyzx"]), ("en", []),
])
def test_concept_memos_equal_their_functions(lang, words):
    """_keys_for and _concept_of (plain-dict memos) answer what the functions they remember do."""
    from claimcheck.subjects import _concept_of, _keys_at, _keys_for, _keys_for_run, _phrase_concept

    for _ in range(2):  # computed, then remembered
        assert _keys_for(words, lang) == _keys_for_run(tuple(words), lang)
        for i in range(len(words)):
            for n in range(1, len(words) - i + 1):
                assert _keys_at(words, i, n, lang) == _keys_for_run(tuple(words[i : i + n]), lang)
        phrase = " ".join(words)
        for unit in (None, "percent", "EUR"):
            for ratio in (False, True):
                assert _concept_of(phrase, lang, unit, ratio) == _phrase_concept(phrase, lang, unit, ratio)


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_grammar_words_hold_every_set_tested_behind_them(lang):
    """_is_content and _phrase_before skip their tests for a word outside grammar_words:
    it must hold every word of the sets tested, and _is_content answer as the full chain."""
    from claimcheck.subjects import _is_content, _noun_not_verb, lang_phrases
    from claimcheck.token_record import Token

    ph = lang_phrases(lang)
    sets = (ph.determiners, ph.prepositions, ph.links, ph.clause_words, ph.stop_words,
            ph.connectors, ph.subject_pronouns, ph.expletives)
    for s in sets:
        assert s <= ph.grammar_words
    words = set().union(*sets) | ph.base_verbs | {"number", "Kosten", "kosten", "évacuées", "x"}
    for w in sorted(words):
        for text in (w, w[:1].upper() + w[1:]):
            for kind in ("word", "abbr", "elided", "num", "punct"):
                tok = Token(kind, text, 0, len(text), w)
                full = kind in ("word", "abbr") and not (
                    w in ph.stop_words or w in ph.prepositions or w in ph.clause_words
                    or w in ph.determiners or (w in ph.connectors and not _noun_not_verb(tok, ph))
                    or w in ph.links
                )
                assert _is_content(tok, ph) == full, (w, kind)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=10), st.data())
def test_sentence_index_is_the_span_mapping(spans, data):
    """SpeakerTracker.sentence_index (bisect on the starts, a mapping only when that fails)
    answers as the mapping of every span to its last index, with the bisect fallback."""
    from bisect import bisect_right

    from claimcheck.speakers import SpeakerTracker, _bisect_right

    if data.draw(st.booleans()):
        spans = sorted(spans)
    tracker = SpeakerTracker("x" * 13, spans, ["en"] * len(spans))
    index = {sp: i for i, sp in enumerate(spans)}
    starts = [a for a, _ in spans]
    queries = data.draw(st.lists(st.one_of(st.sampled_from(spans or [(0, 0)]),
                                           st.tuples(st.integers(-1, 13), st.integers(-1, 13))), max_size=8))
    for q in queries:
        assert _bisect_right(starts, q[0]) == bisect_right(starts, q[0])
        want = index.get(q)
        if want is None:
            want = max(0, bisect_right(starts, q[0]) - 1)
        assert tracker.sentence_index(q) == want, (spans, q)


@pytest.mark.parametrize("lang", ["en", "de", "fr"])
def test_opens_run_gate_skips_only_runs_without_concepts(lang):
    """_keys_at answers () for a run whose first word opens no concept form (_opens_run)
    without the lookups: on every multi-word form, split as the tokenizer would (an
    elision stays with its word) and as written in capitals, and on runs of those words
    shifted or mixed with words of no form, it answers what _keys_for_run does."""
    from claimcheck.subjects import _keys_at, _keys_for_run, _opens_run, all_concepts

    concepts = all_concepts()
    runs: list[list[str]] = []
    for table in (concepts.by_surface, concepts.exact):
        for lg, surface in table:
            if lg != lang or not (" " in surface or "'" in surface):
                continue
            words = regex.findall(r"[^\s']+'?", surface)
            runs += [words, [w.upper() for w in words], ["the", *words], [*words, "Zzyzx"]]
    runs += [["Zzyzx", "people"], ["x", "y", "z"], ["", "people"], ["l'", "emploi"]]
    for words in runs:
        for i in range(len(words)):
            for n in range(2, min(4, len(words) - i) + 1):
                slow = _keys_for_run(tuple(words[i : i + n]), lang)
                assert _keys_at(words, i, n, lang) == slow, (words, i, n)
                if slow:
                    assert _opens_run(words[i], lang)
