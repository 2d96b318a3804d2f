"""The left context read part by part (claimcheck.context) is exactly ``left_re``'s match."""

from __future__ import annotations

import pytest
from examples import fixture_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.claims import MAX_LEFT, _ends
from claimcheck.grammar import get_grammar

TRICKY = "ıİſµKßÉéΣσ\u00a0\u202f\u2009 \t\n-'’_$€£1."


def _reference(g, text: str, lo: int, pos: int):
    m = g.left_re.match(text, lo, pos)
    if m is None or m.end() == m.start():
        return None
    return [m.span(i) for i in range(len(g.left_re.groupindex) + 1)]


def _parts(lang: str, text: str, lo: int, pos: int):
    found = _ends(lang).left_reader.match(text, lo, pos)
    if found is None:
        return None
    return [found.span(i) for i in range(len(get_grammar(lang).left_re.groupindex) + 1)]


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_left_parts_match_left_re_at_every_word_of_the_fixtures(lang: str) -> None:
    g = get_grammar(lang)
    checked = matched = 0
    for text in fixture_texts():
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
                       st.sampled_from(_phrases(lang)).map(str.lower),
                       st.sampled_from(["environ", "F CFA", "xRON", "(EUR", "r$"]),
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


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_verb_phrase_characters_fold_as_the_pattern_matches_them(lang: str) -> None:
    """What ``_may_hold_verb`` relies on: a character ``regex`` matches case-insensitively
    for a character of a change verb folds as that character does."""
    import regex

    from claimcheck.claims import _case_fold

    lex = get_grammar(lang).lex
    chars = {c for p in lex.increase + lex.decrease for c in p if not c.isspace()}
    for p in sorted(chars):
        r = regex.compile("(?i)" + regex.escape(p))
        for c in map(chr, range(0x10000)):
            if r.fullmatch(c):
                assert _case_fold(c) == _case_fold(p), (p, c)


@settings(max_examples=300, deadline=None)
@given(st.data(), st.sampled_from(["de", "en", "fr"]))
def test_may_hold_verb_never_rules_out_a_verb(data, lang: str) -> None:
    from claimcheck.claims import _may_hold_verb

    g = get_grammar(lang)
    verbs = [*g.lex.increase, *g.lex.decrease]
    pieces = st.one_of(st.sampled_from(verbs), st.sampled_from(verbs).map(str.upper),
                       st.sampled_from(verbs).map(str.title), st.sampled_from(list(TRICKY)),
                       st.sampled_from(["x", "de", "um", "by", "5", " "]))
    text = " ".join(data.draw(st.lists(pieces, max_size=8)))
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    if g.verb_any_re.search(text, lo, hi) or g.verb_after_re.match(text, lo, hi):
        assert _may_hold_verb(text, lo, hi, g), (text, lo, hi)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_age_before_ends_never_rule_out_a_match_in_the_fixtures(lang: str) -> None:
    g = get_grammar(lang)
    ends = _ends(lang).age_before_phrases
    matched = 0
    for text in fixture_texts():
        for pos in range(1, len(text)):
            if text[pos - 1].isalnum() or text[pos].isspace():
                continue
            for lo in (max(0, pos - 30), max(0, pos - 8)):
                if g.age_before_re.match(text, lo, pos):
                    matched += 1
                    assert ends.may_end(text, pos, lo), (text[lo:pos], lang)
    assert matched > 0


@settings(max_examples=400, deadline=None)
@given(st.data(), st.sampled_from(["de", "en", "fr"]))
def test_age_before_ends_never_rule_out_a_match(data, lang: str) -> None:
    g = get_grammar(lang)
    phrases = list(g.lex.age_before)
    pieces = st.one_of(st.sampled_from(phrases), st.sampled_from(phrases).map(str.upper),
                       st.sampled_from(phrases).map(lambda p: p.replace(" ", "\u00a0 ")),
                       st.sampled_from(list(TRICKY)), st.sampled_from(["de", "of", "von", "x"]))
    text = "".join(data.draw(st.lists(pieces, max_size=6))) + data.draw(st.sampled_from(["", " ", "  "]))
    pos = len(text)
    lo = data.draw(st.integers(0, pos))
    if g.age_before_re.match(text, lo, pos):
        assert _ends(lang).age_before_phrases.may_end(text, pos, lo), (text, lo)


def _right_reference(pattern, text: str, pos: int, end: int):
    m = pattern.match(text, pos, end)
    if m is None or m.end() == m.start():
        return None
    return [m.span(i) for i in range(len(pattern.groupindex) + 1)]


def _right_parts(lang: str, text: str, pos: int, end: int, between: bool):
    found = _ends(lang).right_reader.match(text, pos, end, between)
    if found is None:
        return None
    return [found.span(i) for i in range(len(get_grammar(lang).right_re.groupindex) + 1)]


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_right_parts_match_right_re_after_every_word_of_the_fixtures(lang: str) -> None:
    g = get_grammar(lang)
    matched = 0
    for text in fixture_texts():
        for pos in range(1, len(text)):
            if not text[pos - 1].isalnum() or text[pos].isalnum():
                continue  # every position where a word or figure ends
            for between, pattern in ((False, g.right_re), (True, g.right_between_re)):
                ref = _right_reference(pattern, text, pos, len(text))
                found = _right_parts(lang, text, pos, len(text), between)
                assert found == ref, (text[pos - 10:pos + 30], lang)
                matched += ref is not None
    assert matched > 100


def _right_phrases(lang: str) -> list[str]:
    from claimcheck.scale import scale_words

    lex = get_grammar(lang).lex
    return [*scale_words(lang), *lex.range_connectors, *lex.range_between_connectors,
            *(p for group in lex.qualifiers_after.values() for p in group),
            "%", "Prozent", "pour cent", "percent", "km", "euros", "d'euros", "Mio. Euro", "M€", "bn", "m",
            "$", "€", "-", "–", "—", "+", "12", "3,5", "deux", "two", "zwei", "."]


@settings(max_examples=500, deadline=None)
@given(st.data(), st.sampled_from(["de", "en", "fr"]))
def test_right_parts_match_right_re(data, lang: str) -> None:
    g = get_grammar(lang)
    phrases = _right_phrases(lang)
    pieces = st.one_of(st.sampled_from(phrases), st.sampled_from(phrases).map(str.upper),
                       st.sampled_from(list(TRICKY)))
    parts = data.draw(st.lists(pieces, max_size=8))
    _parts_agree_with_right_re(data, lang, g, parts, ["", " ", "  ", "\u00a0"])


def _parts_agree_with_right_re(data, lang: str, g, parts: list[str], seps: list[str]) -> None:
    """Join ``parts`` after a figure with drawn separators; the part readers give what
    right_re and right_between_re give, up to a drawn end."""
    gaps = data.draw(st.lists(st.sampled_from(seps), min_size=len(parts), max_size=len(parts)))
    text = "5" + "".join(s + p for p, s in zip(parts, gaps, strict=True))
    end = data.draw(st.integers(1, len(text)))
    for between, pattern in ((False, g.right_re), (True, g.right_between_re)):
        ref = _right_reference(pattern, text, 1, end)
        assert _right_parts(lang, text, 1, end, between) == ref, (text, end)



def _scanners(lang: str):
    g = get_grammar(lang)
    return [s for s in (g.word_scan, g.compound_scan) if s is not None]


def _full_scan(scanner, text: str, pos: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in scanner.exact.finditer(text, pos, end)]


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_number_word_scan_from_word_starts_matches_the_full_scan_over_the_fixtures(lang: str) -> None:
    found = 0
    for scanner in _scanners(lang):
        assert scanner.head_lens  # the word-start path is the one tested
        for text in fixture_texts():
            lines = text.splitlines(keepends=True)
            at = 0
            for line in lines:  # each line, and windows that begin inside a word
                for pos, end in ((at, at + len(line)), (at + 1, at + len(line) - 1), (at + 3, at + 120)):
                    if 0 <= pos <= len(text):
                        ref = _full_scan(scanner, text, pos, end)
                        assert scanner.spans(text, pos, end) == ref, (text[pos:end], lang)
                        found += len(ref)
                at += len(line)
    assert found > 50


_SCAN_WORDS = {
    "en": ["twenty-five", "Twenty five", "ONE", "one", "a hundred", "A Hundred", "an", "someone", "often",
           "tenth", "thousand", "millions", "half", "Dozen", "1", "x"],
    "fr": ["quatre-vingt-dix", "Quatre-Vingts", "l'un", "l’une", "un", "une", "Deux", "cent", "mille",
           "soixante-dix", "dix-sept", "É", "été", "million", "d'un", "aucun"],
    "de": ["zweiundzwanzig", "Zweiundzwanzig", "dreihundert", "Dreihundertfünfzig", "ein", "eine", "Einfluss",
           "und", "zwanzig", "ZWEI", "hundert", "tausend", "fünf", "Fünfzehn", "ß", "elf", "Zwölf",
           "zwölftausend", "Hälfte"],
}


@settings(max_examples=400, deadline=None)
@given(data=st.data(), lang=st.sampled_from(["en", "fr", "de"]))
def test_number_word_scan_from_word_starts_matches_the_full_scan(data, lang: str) -> None:
    pieces = st.sampled_from(_SCAN_WORDS[lang] + list(TRICKY) + ["", " ", "-", "'"])
    text = "".join(data.draw(st.lists(pieces, max_size=14)))
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text) + 2))
    for scanner in _scanners(lang):
        assert scanner.spans(text, pos, end) == _full_scan(scanner, text, pos, end), (text, pos, end)


def _fold(s: str) -> str:
    from claimcheck import units

    return units.normalise_word(s).casefold()


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_unit_characters_match_as_the_unit_reader_compares_them(lang: str) -> None:
    """What ``RightReader._unit_end`` relies on: a character ``regex`` matches
    case-insensitively for a unit surface's character folds as that character does, but
    for the ones whose folds hold a character of ``UNFOLDED_MATCHES``; a plain one matches
    the plain text characters of the same lowercase (``str.lower``), only those; every
    surface's folded first word is one the gate knows; the signs taken for a unit's end
    are no letter, digit or apostrophe."""
    import regex

    from claimcheck import units
    from claimcheck.context import UNFOLDED_MATCHES, UNIT_END_SIGNS, plain_unit_char, unit_first_fold

    items = units._after_items(units._norm_lang(lang))
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    by_lower: dict[str, list[str]] = {}
    for c in every:
        if plain_unit_char(c):
            by_lower.setdefault(c.lower(), []).append(c)
    for p in sorted({c for s, _ in items for c in s if not c.isspace()}):
        for c in regex.findall(f"(?i:{units._surface_regex(p)})", every):
            assert _fold(c) == _fold(p) or any(u in _fold(c) for u in UNFOLDED_MATCHES), (p, c)
            if plain_unit_char(p) and plain_unit_char(c):
                assert c.lower() == p.lower(), (p, c)
            if p in units._APOSTROPHES or p in units._HYPHENS:
                assert units.normalise_word(c) == units.normalise_word(p), (p, c)
        if plain_unit_char(p):  # and every plain character of the same lowercase matches
            assert all(regex.fullmatch(f"(?i:{regex.escape(p)})", c)
                       for c in by_lower.get(p.lower(), ())), p
    firsts = units.unit_first_words(lang)
    assert all(unit_first_fold(s) in firsts for s, _ in items)
    end = regex.compile(units._END)
    assert all(end.match(c) for c in UNIT_END_SIGNS)
    assert all(end.match(c) for c in every if c.isspace())


@settings(max_examples=500, deadline=None)
@given(st.data(), st.sampled_from(["de", "en", "fr"]))
def test_right_parts_match_right_re_after_units(data, lang: str) -> None:
    from claimcheck import units

    g = get_grammar(lang)
    surfaces = sorted(s for s, _ in units._after_items(units._norm_lang(lang)))
    pieces = st.one_of(st.sampled_from(surfaces), st.sampled_from(surfaces).map(str.upper),
                       st.sampled_from(surfaces).map(str.title),
                       st.sampled_from(surfaces).map(lambda s: s[:-1]),
                       st.sampled_from(surfaces).map(lambda s: s.replace(" ", "\u00a0 ")),
                       st.sampled_from(surfaces).map(lambda s: s.replace("'", "\u2019")
                           .replace("-", "\u2011")),
                       st.sampled_from([*TRICKY, "İ", "ı", "x", "s", "e", "\x1c", "\u2014", "é"]))
    parts = data.draw(st.lists(pieces, min_size=1, max_size=5))
    _parts_agree_with_right_re(data, lang, g, parts, ["", "", " ", "  ", "\u00a0"])


def _left_part_by_reading(lang: str, text: str, lo: int, pos: int, k: int):
    """Part ``k`` of the left context read by comparison: its match's start and groups'
    spans, None where it does not match (also where no phrase of it ends the last word, so
    the part is not tried), "pattern" where the reader lets the pattern tell."""
    reader = _ends(lang).left_reader
    phrases = reader._word(_fold_last(text, pos, lo)).phrases[k]
    if phrases is None:
        return None
    spans = [-1] * (2 * reader.ngroups + 2)
    start = reader._read(text, lo, pos, k, phrases, spans)
    if start == -2:
        return "pattern"
    if start == -1:
        return None
    return start, [(name, (spans[2 * gi], spans[2 * gi + 1]))
                   for name, gi in sorted(get_grammar(lang).left_re.groupindex.items())
                   if name in reader.parts[k].groupindex]


def _fold_last(text: str, pos: int, lo: int) -> str:
    from claimcheck.context import last_word_before

    return last_word_before(text, pos, lo)


def _left_part_by_pattern(lang: str, text: str, lo: int, pos: int, k: int):
    g = get_grammar(lang)
    part = g.left_part_res[k]
    m = part.match(text, lo, pos)
    if m is None:
        return None
    index = dict(g.left_re.groupindex)
    return m.start(), [(name, m.span(name)) for name in sorted(index) if name in part.groupindex]


def test_left_parts_of_phrases_are_read_by_comparison() -> None:
    for lang in ("en", "fr", "de"):
        assert _ends(lang).left_reader.read == (False, True, True, True, False), lang


@settings(max_examples=600, deadline=None)
@given(st.data(), st.sampled_from(["de", "en", "fr"]))
def test_left_parts_read_by_comparison_agree_with_their_patterns(data, lang: str) -> None:
    """``LeftReader._read`` against each part's pattern, on texts made of the parts' phrases
    (as written, upper or title case, typographic apostrophes, odd spaces) and tricky
    characters, at every window start that matters (the text's, inside the text)."""
    phrases = _phrases(lang)
    pieces = st.one_of(st.sampled_from(phrases), st.sampled_from(list(TRICKY)),
                       st.sampled_from(phrases).map(str.upper), st.sampled_from(phrases).map(str.title),
                       st.sampled_from(phrases).map(lambda p: p.replace("'", "\u2019")),
                       st.sampled_from(phrases).map(lambda p: p.replace(" ", "\u202f\x1c")),
                       st.sampled_from(phrases).map(lambda p: p[1:]),
                       st.sampled_from(["«", "»", "—", "x", "é", "ª", "²", "\x1c", "ſ", "K", "İ", "(", "a"]))
    parts = data.draw(st.lists(pieces, max_size=6))
    seps = data.draw(st.lists(st.sampled_from(["", " ", "  ", "'", "’", "\u00a0", "\x1d"]),
                              min_size=len(parts), max_size=len(parts)))
    text = "".join(p + s for p, s in zip(parts, seps, strict=True))
    text += data.draw(st.sampled_from(["5", "x5", ""]))
    reader = _ends(lang).left_reader
    for pos in {len(text), len(text) - 1, data.draw(st.integers(0, len(text)))}:
        if pos < 0:
            continue
        for lo in {0, data.draw(st.integers(0, pos)), max(0, pos - 3)}:
            for k in range(len(reader.parts)):
                if not reader.read[k]:
                    continue
                got = _left_part_by_reading(lang, text, lo, pos, k)
                if got != "pattern":
                    assert got == _left_part_by_pattern(lang, text, lo, pos, k), (text, lo, pos, k)


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_left_phrase_characters_match_as_the_left_reader_compares_them(lang: str) -> None:
    """What ``LeftReader._read`` relies on: a character ``regex`` matches case-insensitively
    for a phrase's character is, among the plain ones, one of the same lowercase, and every
    such one matches; the gap is every ``str.isspace`` character but ``UNGAPPED_SPACES``;
    the characters taken for a letter boundary's presence or absence are what
    ``\\p{L}``/``\\p{N}`` say."""
    import regex

    from claimcheck.context import LEFT_BOUNDARY_SIGNS, UNGAPPED_SPACES, plain_left_char

    reader = _ends(lang).left_reader
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    by_lower: dict[str, list[str]] = {}
    for c in every:
        if plain_left_char(c):
            by_lower.setdefault(c.lower(), []).append(c)
    chars = {c for entries in reader.index.values() for _, _, ph in entries for w in ph.words for c in w}
    for p in sorted(chars):
        assert plain_left_char(p), p
        for c in regex.findall(f"(?i:{regex.escape(p)})", every):
            if plain_left_char(c):
                assert c.lower() == p, (p, c)
        assert all(regex.fullmatch(f"(?i:{regex.escape(p)})", c) for c in by_lower.get(p, ())), p
    gap = regex.compile(r"[\s\u00a0\u202f]")
    spaces = {c for c in every if c.isspace() and c not in UNGAPPED_SPACES}
    assert {c for c in every if gap.match(c)} == spaces
    ln = regex.compile(r"[\p{L}\p{N}]")
    assert not any(ln.match(c) for c in LEFT_BOUNDARY_SIGNS)
    assert not any(ln.match(c) for c in every if c.isspace())
    assert all(bool(ln.match(chr(i))) == chr(i).isalnum() for i in range(128))
    assert all(ln.match(chr(i)) for i in range(0xC0, 0xFF) if chr(i) not in "\u00d7\u00f7")


def _de_words() -> list[str]:
    from claimcheck import units

    firsts = ("de", "d", "degré", "degrés")
    surfaces = [s for s, _ in units._after_items("fr") if s.split()[0].lower() in firsts]
    return sorted({w for s in surfaces for w in s.split()} | {"de", "De", "DE", "degrés", "Degré", "d'"})


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_right_parts_match_right_re_after_french_de_units(data) -> None:
    """The unit surfaces of many beginning with "de" (``RightReader._wide_candidates``):
    their words recombined, in other cases, cut, with odd gaps and characters."""
    g = get_grammar("fr")
    words = _de_words()
    pieces = st.one_of(st.sampled_from(words), st.sampled_from(words).map(str.upper),
                       st.sampled_from(words).map(str.title), st.sampled_from(words).map(lambda w: w[:-1]),
                       st.sampled_from(words).map(lambda w: w + "s"),
                       st.sampled_from(["İ", "ı", "\x1c", "\u2014", ",", ".", "x"]))
    parts = data.draw(st.lists(pieces, min_size=1, max_size=5))
    _parts_agree_with_right_re(data, "fr", g, ["de", *parts], ["", " ", " ", "  ", "\u00a0", "\u202f"])


@pytest.mark.parametrize("text", ["5 de tonnes", "5 de dollars américains", "5 De Mètres carrés", "5 de km",
                                  "5 de mètres cubes", "5 de mètre", "5 degrés Celsius", "5 de plus",
                                  "5 de\u00a0tonnes,", "5 de g/l", "5 de kilowatt‑heure"])
def test_french_de_units_are_read_by_comparison(text: str) -> None:
    reader = _ends("fr").right_reader
    unit = get_grammar("fr").right_part_res[1]
    word, _ = reader._first_at(text, 1, len(text))
    end = reader._unit_end(text, 1, len(text), word)
    assert end != -2
    m = unit.match(text, 1, len(text))
    assert end == (-1 if m is None else m.end())
