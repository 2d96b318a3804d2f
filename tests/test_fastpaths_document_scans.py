"""Fast paths of the whole-document passes against the plain code they replace.

Each reference below is the straightforward version (a regex ``finditer`` over the
whole text, a loop over every token); the fast path must give exactly its result on
the bench corpus's kind of text and on random strings of the characters that matter.
"""

from __future__ import annotations

import random

import pytest
import regex

from claimcheck import dates, language, segment
from claimcheck.segment import BOUNDARY_RE, split_sentences

ALPHABET = (
    "aAbZé3 5 7  \t\n\n\r.,.!?\u2026\"'\u201c\u201d\u2019\u00bb\u00ab\u201e)]([-\u2013*#"
    "\u00a0\u202f" + "Mr. Dr. z. B. Jan. 3. März U.S. 1.5 " * 2
)


def _reference_split(text: str) -> list[tuple[int, int]]:
    """``split_sentences`` as a scan of ``BOUNDARY_RE.finditer`` over the text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in BOUNDARY_RE.finditer(text):
        if m.group("stop") is not None:
            if segment._is_false_stop(text, m.start("stop"), m.end()):
                continue
            end = m.end("stop")
        elif m.group("line") is not None:
            if not segment._line_is_boundary(text, m.start(), m.end()):
                continue
            end = m.start()
        else:
            end = m.start()
        segment._push(text, spans, start, end)
        start = m.end()
    segment._push(text, spans, start, len(text))
    return spans


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        n = rng.randint(0, 80)
        out.append("".join(rng.choice(ALPHABET) for _ in range(n)))
    return out


SAMPLES = [
    "He left.  She came. \u201cYes.\u201d Then 3 more.\nHeadline\nBody text goes on.",
    "Um 3. Dezember kam er. Der 2. Weltkrieg endete.\n\n\n  Neu: z. B. hier. Ende...Nein... Ja!",
    "Il a dit : \u00ab C'est fini. \u00bb Puis\u2026 rien. Mr. Smith et al. 1.5 m.",
    "- item one\n- item two\n1. first\n# Heading\nwrapped line said on\nMonday it rained.",
    "",
    ".",
    "\n",
    "a.\n",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_split_sentences_as_finditer(text: str) -> None:
    assert split_sentences(text) == _reference_split(text)


@pytest.mark.parametrize("seed", range(8))
def test_split_sentences_as_finditer_random(seed: int) -> None:
    for text in _random_texts(seed, 400):
        assert split_sentences(text) == _reference_split(text), text


# --- language.count_evidence ---------------------------------------------------------

def _reference_counts(text: str) -> dict[str, int]:
    """``count_evidence`` as a loop that strips every token."""
    chunk = text.casefold().replace("\u2019", "'")
    counts: dict[str, int] = {}
    for token in chunk.split():
        word = token.strip(language.STRIP)
        if "'" in word:
            word = word.rpartition("'")[2]
        lang = language._single_language().get(word)
        if lang is not None:
            counts[lang] = counts.get(lang, 0) + 1
    return counts


def test_detect_words_are_their_own_stripped_form() -> None:
    for word in language._single_language():
        assert word == word.strip(language.STRIP) and "'" not in word, word


WORDS = ("the of and der die und le la les et de l'an d\u2019apr\u00e8s qu'il in a "
         "\u00abla\u00bb (the) der, \"und\" U.S. 'le' -- \u2019s ist est is economy l'\u00e9conomie "
         "aujourd'hui 2021 theirs (wirtschaft) d'\u00e9t\u00e9 Stra\u00dfe \u2161 l'the").split()


@pytest.mark.parametrize("seed", range(4))
def test_count_evidence_as_stripping_loop(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        text = " ".join(rng.choice(WORDS) + rng.choice(["", ".", ",", "'", ")", "\u2019"])
                        for _ in range(rng.randint(0, 12)))
        got = language.count_evidence(text)
        assert list(got.items()) == list(_reference_counts(text).items()), text


# --- dates year anchors ------------------------------------------------------------------

YEAR_WITH_LOOKBEHIND = regex.compile(rf"(?<![0-9.,]){dates.YEAR}(?![0-9])")


@pytest.mark.parametrize("seed", range(4))
def test_year_anchors_as_lookbehind_pattern(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice("0121892000 .,a\u0661") for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [m.start() for m in YEAR_WITH_LOOKBEHIND.finditer(text, start, end)]
        assert dates._year_anchors(text, start, end) == expected, (text, start, end)


def test_year_heads_open_every_year() -> None:
    years = [f"{n:04d}" for n in range(10000) if regex.fullmatch(dates.YEAR, f"{n:04d}")]
    assert years and all(y[:2] in dates.YEAR_HEADS for y in years)


@pytest.mark.parametrize("seed", range(2))
def test_may_hold_year_as_head_search(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice("0121892 .a") for _ in range(rng.randint(0, 10)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text) + 2)
        expected = any(text.find(h, start, end) >= 0 for h in dates.YEAR_HEADS)
        assert dates._may_hold_year(text, start, end) == expected, (text, start, end)


def test_stem_gates_hold_every_stem_once() -> None:
    for ascii_text in (True, False):
        gated = [(gate, stem) for gate, stems in dates._stem_gates(ascii_text) for stem in stems]
        assert sorted(stem for _, stem in gated) == sorted(dates._stems_for(ascii_text))
        assert all(gate in stem for gate, stem in gated)


MONTH_PIECES = ("Jan jan. JANVIER mai Mai MAR mars M\u00e4rz M\u00c4RZ ao\u00fbt Ao\u00fbt d\u00e9c. "
                "D\u00c9C Dezember sept. Sep oct.2021 okt market decade Stra\u00dfe \u0149 \u00df "
                "K\u212a \u017fep 12 , . \u2019").split()


def test_month_names_open_with_their_stem() -> None:
    assert dates._stems_open_names()  # _month_starts takes the stems' places


@pytest.mark.parametrize("seed", range(4))
def test_month_starts_as_hint_pattern(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(1500):
        text = " ".join(rng.choice(MONTH_PIECES) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [m.start() for m in dates._month_hint_re().finditer(text, start, end)]
        assert dates._month_starts(text, start, end) == expected, (text, start, end)


# --- dates.find_periods: the opener pre-check --------------------------------------------

PERIOD_WORDS = ("in In IN since Since end of End late mid-2021 May may MAY Mai März Marz "
                "mars Dec. Dec december janv. juillet im Jahr Jahr seit Anfang FY fiscal the "
                "jusqu'en jusqu\u2019à d'ici l'an l'année fin début 3. 3 12th 21 2021 1999 "
                "2021-05-03 7.12.2021 of , . ( \u00e9t\u00e9 Ende über K\u212a \u017fince").split()


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_find_periods_with_and_without_opener_check(lang: str, monkeypatch) -> None:
    rng = random.Random(lang)
    texts = [" ".join(rng.choice(PERIOD_WORDS) for _ in range(rng.randint(1, 9)))
             for _ in range(1500)]

    def periods() -> list[list[tuple[int, int, str]]]:
        return [[(p.start, p.end, p.value) for p in dates.find_periods(t, 0, len(t), lang)]
                for t in texts]

    fast = periods()
    assert dates._period_openers(lang) is not None
    monkeypatch.setattr(dates, "_period_openers", lambda _lang: None)
    assert fast == periods()


# --- grammar.find_candidates -------------------------------------------------------------


def test_hint_words_are_their_own_stripped_form() -> None:
    from claimcheck.grammar import TOKEN_STRIP, hint_words

    for word in hint_words():
        assert word == word.strip(TOKEN_STRIP), word


def _reference_present(text: str) -> set[str]:
    """The hint words of ``text`` as a loop over its distinct tokens, each stripped."""
    from claimcheck.grammar import TOKEN_STRIP, hint_words

    stripped = {t.strip(TOKEN_STRIP) for t in set(text.replace("-", " ").split())}
    return stripped & hint_words()


HINT_TEXT = ("one One ONE two- -three (four) \u201cfive\u201d six, seven. million. "
             "dozen dix-huit vingt-et-un zwei drei\u00dfig \u2018eins\u2019 money alone - , . "
             "123 4,5 half a").split()


@pytest.mark.parametrize("seed", range(4))
def test_find_candidates_words_as_distinct_token_loop(seed: int) -> None:
    from claimcheck.grammar import _word_places, find_candidates

    rng = random.Random(seed)
    for _ in range(500):
        text = rng.choice([" ", "\n", "-"]).join(rng.choice(HINT_TEXT)
                                                 for _ in range(rng.randint(1, 10)))
        present = _reference_present(text)
        expected = _word_places(text, present) if present else []
        assert find_candidates(text)[1] == expected, text


SCAN_PIECES = [*HINT_TEXT, "twenty/thirty", "3.five", "l'one", "(«six»)", "one\u2019s", "\u2014two\u2014",
               "seven\u2026", "often", "x-one-", "*one*_", "un,deux", "\u00a0", "\u202f",
               "zw\u00f6lf", "DREISSIG", "drei\u00dfig", "\u00b2one", "one\u2070", "\u2071one", "\u0661two",
               "\u00e9one", "t\u00e9n", "tw", "Th", "x", "\u3000one", "\uff11one", "one\u2212two"]


def test_hint_gate_passes_every_hint() -> None:
    from claimcheck.grammar import _hint_gate, hint_words

    hints = hint_words()
    gate = _hint_gate(hints)
    for word in hints:
        assert gate.may_hold(" " + word + " ", 1, 1 + len(word)), word


@pytest.mark.parametrize("seed", range(4))
def test_hint_places_bulk_as_token_loop(seed: int) -> None:
    from claimcheck.grammar import (
        _hint_places_bulk,
        _hint_places_by_runs,
        _plain_hints,
        _present_hints,
        _word_places,
        hint_words,
    )

    hints = hint_words()
    assert _plain_hints(hints)
    rng = random.Random(seed)
    for _ in range(1500):
        text = "".join(rng.choice(SCAN_PIECES) + rng.choice([" ", "\n", "-", "", ".", "/", "\u2019"])
                       for _ in range(rng.randint(0, 10)))
        present = _present_hints(text, hints)
        expected = _word_places(text, present) if present else []
        assert _hint_places_bulk(text, hints) == expected, text
        assert _hint_places_by_runs(text, hints) == expected, text


@pytest.mark.parametrize("seed", range(4))
def test_digit_runs_as_finditer(seed: int) -> None:
    from claimcheck.grammar import DIGITS_RE, _digit_runs

    rng = random.Random(seed)
    for _ in range(2000):
        text = "".join(rng.choice("0129 a.\u0661\u00b2\u2014") for _ in range(rng.randint(0, 16)))
        assert _digit_runs(text) == [m.start() for m in DIGITS_RE.finditer(text)], text


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_period_parts_as_full_pattern(lang: str) -> None:
    """At a place ``_may_open_period`` lets through, the half of ``period_re`` that
    ``find_periods`` picks gives the full pattern's match and value."""
    rng = random.Random(lang + "parts")
    full, groups = dates.period_re(lang), dates.period_groups()
    digit_re, digit_groups, word_re, word_groups = dates._period_parts(lang)
    openers = dates._period_openers(lang)
    assert openers is not None
    months = dates.month_names()
    for _ in range(1500):
        text = " ".join(rng.choice(PERIOD_WORDS) for _ in range(rng.randint(1, 9)))
        for i in range(len(text)):
            if not dates._may_open_period(text, i, len(text), openers):
                continue
            half, numbers = (digit_re, digit_groups) if "0" <= text[i] <= "9" else (word_re, word_groups)
            a, b = full.match(text, i), half.match(text, i)
            assert (a and a.span()) == (b and b.span()), (text, i)
            if a and b:
                assert dates._period_value(a, months, groups) == dates._period_value(b, months, numbers)


# --- pipeline.candidate_sentences ----------------------------------------------------------


def _reference_marks(text: str, spans: list[tuple[int, int]]) -> dict[int, tuple[list[int], bool]]:
    """``candidate_sentences`` with each number-word place looked up by bisection."""
    from bisect import bisect_right

    from claimcheck.grammar import find_candidates

    starts = [s for s, _ in spans]
    marks: dict[int, tuple[list[int], bool]] = {}
    digits, words = find_candidates(text)
    for pos in digits:
        j = bisect_right(starts, pos) - 1
        if j >= 0 and pos < spans[j][1]:
            marks.setdefault(j, ([], False))[0].append(pos)
    for pos in words:
        j = bisect_right(starts, pos) - 1
        if j >= 0 and pos < spans[j][1]:
            entry = marks.get(j)
            marks[j] = (entry[0] if entry else [], True)
    return marks


@pytest.mark.parametrize("seed", range(4))
def test_candidate_sentences_as_bisection(seed: int) -> None:
    from claimcheck.pipeline import candidate_sentences

    rng = random.Random(seed)
    pieces = [*HINT_TEXT, "3", "2021", "One.", "x.", "\n\n", "Mr.", "seven!"]
    for _ in range(1000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        spans = split_sentences(text)
        got = candidate_sentences(text, spans)
        assert list(got.items()) == list(_reference_marks(text, spans).items()), text


def test_ascii_casefold_is_lower() -> None:
    """``count_evidence`` and ``_month_starts`` fold ASCII text with ``str.lower``."""
    ascii_text = "".join(map(chr, range(128)))
    assert ascii_text.casefold() == ascii_text.lower()


def test_normalise_space_ascii_searches_cover_split() -> None:
    """The ASCII fast path of ``normalise_space`` searches for every ASCII character
    ``str.split`` cuts at (and the space cases), so it agrees with split and join."""
    from claimcheck.pipeline import normalise_space

    for c in map(chr, range(128)):
        for s in (f"a{c}b", f"{c}ab", f"ab{c}", f"a {c}b", c, f"{c}{c}"):
            assert normalise_space(s) == " ".join(s.split()), repr(s)
    rng = random.Random(7)
    chars = "ab .\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u2028\u3000\u201c"
    for _ in range(5000):
        s = "".join(rng.choice(chars) for _ in range(rng.randint(0, 12)))
        assert normalise_space(s) == " ".join(s.split()), repr(s)


def _reference_false_stop(text: str, stop_start: int, gap_end: int) -> bool:
    """``segment._is_false_stop`` by its general path only (the reverse word search)."""
    if text[stop_start] != "." or (stop_start + 1 < len(text) and text[stop_start + 1] == "."):
        return False
    m = segment.WORD_BEFORE_RE.search(text, max(0, stop_start - 40), stop_start + 1)
    if not m:
        return False
    word = m.group(segment.WORD_BEFORE).lstrip("(\"'\u201e\u00ab[")
    if word in segment._abbreviations() or segment.INITIAL_RE.match(word):
        return True
    if any(text.startswith(rest, gap_end) for rest in segment._abbreviation_heads().get(word, ())):
        return True
    if segment.ORDINAL_RE.match(word):
        nxt = segment.NEXT_WORD_RE.match(text, gap_end)
        if nxt and nxt.group(segment.NEXT_WORD).casefold() in dates.month_names():
            return True
        before = segment.WORD_BEFORE_RE.search(text, max(0, m.start() - 30), max(0, m.start() - 1))
        if before and before.group(segment.WORD_BEFORE).casefold().lstrip("(") in segment._ordinal_words():
            return True
    return False


@pytest.mark.parametrize("seed", range(3))
def test_is_false_stop_as_general_path(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["Mr", "Dr", "z", "B", "U", "S", "3", "12", "1234", "B12", "x7", "\u00b2", "\u0663",
              "am", "der", "Jan", "M\u00e4rz", "said", "Nr", "p", "ex", "Jr", "(", "\"", "\u00e9"]
    seps = [" ", "", ". ", ".", "  ", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(1, 8)))
        for i, c in enumerate(text):
            if c == ".":
                for gap_end in {i + 1, min(i + 2, len(text))}:
                    assert segment._is_false_stop(text, i, gap_end) == _reference_false_stop(
                        text, i, gap_end
                    ), (text, i, gap_end)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_folded_scanner_all_safe_as_unsafe_re(lang: str) -> None:
    """``FoldedScanner._all_safe`` (a native loop over a table of the safe code points) says
    what ``unsafe_re.search(window) is None`` says, on every candidate character, the ones
    just past the table, and random windows of them."""
    from claimcheck.grammar import FOLD_BELOW, FOLD_CANDIDATES, folded_scan_re, get_grammar

    g = get_grammar(lang)
    scanners = [g.word_scan, folded_scan_re(["Six"]), folded_scan_re(["six", "drei\u00dfig"])]
    if g.compound_scan is not None:
        scanners.append(g.compound_scan)
    chars = (FOLD_CANDIDATES + "".join(chr(c) for c in range(FOLD_BELOW - 8, FOLD_BELOW + 8))
             + "\u3000\uff11\U0001f600")
    rng = random.Random(lang)
    windows = ["", *chars,
               *("".join(rng.choice(chars) for _ in range(rng.randint(1, 6))) for _ in range(3000))]
    for scanner in scanners:
        for w in windows:
            assert scanner._all_safe(w) == (scanner.unsafe_re.search(w) is None), (lang, w)


def test_alnum_run_class_is_isalnum_on_every_code_point() -> None:
    """_hint_places_by_runs' runs are _hint_places_bulk's: its class holds exactly the
    characters str.isalnum accepts."""
    from claimcheck.grammar import ALNUM_RUN_RE

    assert all((ALNUM_RUN_RE.fullmatch(chr(c)) is not None) == chr(c).isalnum() for c in range(0x110000))
