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


# --- first-character gates (claims._ascii_heads) against the tests they stand before ---------

LANGS = ("en", "fr", "de")


def _gate_alphabet(lang: str) -> str:
    """Characters of the gated word sets, in both cases, with look-alikes and punctuation."""
    from claimcheck.cardinals import cardinal_words
    from claimcheck.claims import _ends
    from claimcheck.grammar import get_grammar

    g = get_grammar(lang)
    ends = _ends(lang)
    words = [*g.age_first, *g.comparative_first, *g.ratio_in_first, *ends.ratio_first,
             *ends.scale_first, *cardinal_words(lang).pieces]
    chars = {c for w in words for c in w + w.upper()}
    return "".join(sorted(chars)) + TRICKY + ".,;()\"«»"


def _word_gates_agree(text: str, lang: str) -> None:
    from claimcheck.cardinals import cardinal_words
    from claimcheck.claims import (
        TOKEN_PUNCT,
        _ends,
        _may_continue,
        _next_word_in,
        _ratio_word_within,
        _scale_may_follow,
    )
    from claimcheck.context import fold_word
    from claimcheck.grammar import get_grammar

    g = get_grammar(lang)
    ends = _ends(lang)
    hi = len(text)
    for pos in range(hi + 1):
        for words, heads in ((g.age_first, ends.age_heads), (g.comparative_first, ends.comparative_heads),
                             (g.ratio_in_first, ends.ratio_in_heads)):
            for n in (1, 2, 3):
                slow = any(w.strip(TOKEN_PUNCT).casefold() in words
                           for w in text[pos:min(hi, pos + 60)].split(None, n)[:n])
                assert _next_word_in(text, pos, hi, n, words, heads) == slow, (text, pos, n)
        slow = any(fold_word(w) in ends.ratio_first for w in text[pos:hi].split(None, 3)[:3])
        assert _ratio_word_within(text, pos, hi, g) == slow, (text, pos)
        after = _word_after(text, pos, hi)
        slow = not after or fold_word(after).startswith(ends.scale_first)
        assert _scale_may_follow(after, g) == slow, (text, pos)
        if pos < hi and text[pos] not in "-\u2010\u2011":
            slow = after.strip(TOKEN_PUNCT).casefold() in cardinal_words(lang).pieces
            assert _may_continue(text, pos, hi, lang, after) == slow, (text, pos)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LANGS), st.data())
def test_first_character_gates_agree_with_the_full_tests(lang: str, data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet=_gate_alphabet(lang), max_size=40))
    _word_gates_agree(text, lang)


def test_first_character_gates_agree_on_the_gated_words() -> None:
    from claimcheck.cardinals import cardinal_words
    from claimcheck.claims import _ends
    from claimcheck.grammar import get_grammar

    for lang in LANGS:
        g = get_grammar(lang)
        ends = _ends(lang)
        for w in sorted({*g.age_first, *g.comparative_first, *g.ratio_in_first, *ends.ratio_first,
                         *ends.scale_first, *cardinal_words(lang).pieces}):
            for form in (w, w.upper(), w.capitalize(), f"({w},", f"«{w}»"):
                _word_gates_agree(f"5 {form} x", lang)
                _word_gates_agree(f"5 a {form}", lang)


def test_first_character_gates_agree_in_the_fixtures() -> None:
    for i, text in enumerate(fixture_texts()):
        lang = LANGS[i % 3]
        for start in range(0, len(text), 400):
            _word_gates_agree(text[start:start + 50], lang)


def test_particle_pattern_never_matches_without_particles() -> None:
    from claimcheck.claims import _ends
    from claimcheck.grammar import get_grammar

    for lang in LANGS:
        g = get_grammar(lang)
        if not _ends(lang).has_particles:
            assert "(?P<up>(?!))" in g.particle_after_re.pattern
            assert "(?P<down>(?!))" in g.particle_after_re.pattern


def _number_spans_agree(text: str, lang: str) -> int:
    from claimcheck.grammar import NUMBER_DIGITS, NUMBER_SIGN, get_grammar

    seen = 0
    for m in get_grammar(lang).number_re.finditer(text):
        tok_start = m.start()
        num_start, num_end = m.span(NUMBER_DIGITS)
        assert m.end() == num_end
        assert text[num_start:num_end] == m.group(NUMBER_DIGITS)
        assert text[tok_start:num_start] == (m.group(NUMBER_SIGN) or "")
        seen += 1
    return seen


def test_number_match_sign_is_the_text_before_its_digits() -> None:
    """claims._digits_draft reads a figure's sign as the text between the match's start
    and its digits, and the match's end as the digits' end."""
    seen = 0
    for i, text in enumerate(fixture_texts()):
        seen += _number_spans_agree(text, LANGS[i % 3])
    for text in ("(-3,2 %)", "+4.5", "\u22121 000", "5-10", "x -7", "'+8", "/-9"):
        for lang in LANGS:
            seen += _number_spans_agree(text, lang)
    assert seen > 1000


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LANGS), st.text(alphabet=TRICKY + "0123456789+-\u2212(,.' ", max_size=30))
def test_number_match_sign_is_the_text_before_its_digits_anywhere(lang: str, text: str) -> None:
    _number_spans_agree(text, lang)


# --- _not_a_claim's gates: each against the test it replaces or stands before ----------------

def _slow_may_be_named_date(nxt: str, after: str) -> bool:
    """_may_be_named_date as it was, letter by letter with ``str.isalpha``."""
    from claimcheck.claims import NAMED_DATE_SUFFIXES, _named_date_leads

    if nxt in " \u00a0\u202f":
        leads = _named_date_leads()
        if not after or leads is None:
            return True
        i = 0
        while i < len(after) and after[i].isalpha():
            i += 1
        lead = after[:i]
        return not lead.isascii() or lead.lower() in leads
    if nxt.isalpha():
        return after.casefold() in NAMED_DATE_SUFFIXES
    return True


WORDISH = TRICKY + "ÄäÖöÜüÀàÂâÇçÈèÊêÎîÔôŒœÆæ.,;:()[]'’\"0123456789aAbBcCfFgGiIlLoOpPqQuUvVwWxXyYzZ"


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(" \u00a0\u202fa.-é"), st.text(alphabet=WORDISH, max_size=12))
def test_named_date_lead_by_code_point_is_the_letter_loop(nxt: str, after: str) -> None:
    assert _may_be_named_date(nxt, after) == _slow_may_be_named_date(nxt, after)


def test_named_date_lead_by_code_point_on_month_names() -> None:
    from claimcheck.dates import month_names

    for name in month_names():
        for after in (name, name.upper(), name.title(), name + ",", name + "2021", name + "é", "x" + name):
            for nxt in (" ", "\u00a0", "t"):
                assert _may_be_named_date(nxt, after) == _slow_may_be_named_date(nxt, after), after


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(LANGS), st.text(alphabet=WORDISH, max_size=8))
def test_folded_in_is_casefold_in(lang: str, word: str) -> None:
    from claimcheck.claims import _ascii_heads, _ends, _folded_in
    from claimcheck.dates import month_names
    from claimcheck.grammar import get_grammar

    g = get_grammar(lang)
    ends = _ends(lang)
    for words, heads in ((g.time_words, ends.time_heads), (g.id_words, ends.id_heads),
                         (month_names(), ends.month_heads), (g.multiple_stems, ends.multiple_heads),
                         (g.minus_words, ends.minus_heads), (g.change_of, ends.change_of_heads),
                         (g.topic_prepositions, ends.topic_heads)):
        assert heads == _ascii_heads(words)
        assert _folded_in(word, words, heads) == (word.casefold() in words)


def test_folded_in_is_casefold_in_on_the_listed_words() -> None:
    from claimcheck.claims import _ends, _folded_in
    from claimcheck.dates import month_names
    from claimcheck.grammar import get_grammar

    for lang in LANGS:
        g = get_grammar(lang)
        ends = _ends(lang)
        for words, heads in ((g.time_words, ends.time_heads), (g.id_words, ends.id_heads),
                             (month_names(), ends.month_heads), (g.multiple_stems, ends.multiple_heads),
                             (g.minus_words, ends.minus_heads), (g.change_of, ends.change_of_heads),
                         (g.topic_prepositions, ends.topic_heads)):
            for w in [*words, ""]:
                for form in (w, w.upper(), w.title(), w + ".", "x" + w, w[1:]):
                    assert _folded_in(form, words, heads) == (form.casefold() in words), form


def _age_gate_agrees(text: str, lang: str) -> None:
    from claimcheck.claims import _ends, _may_end_in

    ends = _ends(lang)
    for pos in range(len(text) + 1):
        for lo in (0, max(0, pos - 30), max(0, pos - 3)):
            slow = ends.age_before_phrases.may_end(text, pos, lo)
            assert _may_end_in(text, pos, lo, ends.age_before_tails) or not slow, (text, pos, lo)


def test_age_word_gate_never_rules_out_may_end_on_the_phrases() -> None:
    from claimcheck.lexicon import get_lexicon

    for lang in LANGS:
        for p in get_lexicon(lang).age_before:
            for form in (p, p.upper(), p.title(), "(" + p, p + "  "):
                _age_gate_agrees(f"x {form} 12", lang)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LANGS), st.text(alphabet=WORDISH + "âgéÂGÉdeDEagedAGED  ", max_size=25))
def test_age_word_gate_never_rules_out_may_end(lang: str, text: str) -> None:
    _age_gate_agrees(text, lang)


def test_age_word_gate_never_rules_out_may_end_in_the_fixtures() -> None:
    for i, text in enumerate(fixture_texts()):
        _age_gate_agrees(text[:300], LANGS[i % 3])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ABCXYZabcÄÉ1K\u212a_ -", max_size=7))
def test_code_word_by_code_point_is_the_method_calls(word: str) -> None:
    from claimcheck.claims import _is_code_word

    slow = 2 <= len(word) <= 5 and word.isascii() and word.isalpha() and word.isupper()
    assert _is_code_word(word) == slow


def _slow_rate_word(word: str, lang: str) -> bool:
    from claimcheck.grammar import get_grammar

    g = get_grammar(lang)
    word = word.casefold()
    return word in g.rate_first or word.replace("\u2019", "'").startswith(g.rate_elided)


def test_rate_gate_keeps_every_rate_word() -> None:
    """_rate_after rules out a word by its first character only where the full test would."""
    from claimcheck.claims import _ends
    from claimcheck.grammar import get_grammar

    for lang in LANGS:
        g = get_grammar(lang)
        heads = _ends(lang).rate_heads
        assert all(g.rate_elided)
        for w in [*g.rate_first, *g.rate_elided, "par", "l\u2019an", "Le", "je"]:
            for form in (w, w.upper(), w.title(), w + "x", w[1:]):
                if _slow_rate_word(form, lang):
                    assert not (form and ord(form[0]) < 128 and form[0] not in heads), form


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LANGS), st.text(alphabet=WORDISH + "pPeErRjJlL\u2019'", max_size=6))
def test_rate_gate_never_rules_out_a_rate_word(lang: str, word: str) -> None:
    from claimcheck.claims import _ends

    if word and ord(word[0]) < 128 and word[0] not in _ends(lang).rate_heads:
        assert not _slow_rate_word(word, lang)


def test_qualifier_tables_are_the_enum_calls() -> None:
    from claimcheck.claims import QUALIFIER_AFTER_GROUPS, QUALIFIER_BY_VALUE
    from claimcheck.model import Qualifier

    assert all(QUALIFIER_BY_VALUE[m.value] is Qualifier(m.value) for m in Qualifier)
    assert len(QUALIFIER_BY_VALUE) == len(Qualifier)
    assert QUALIFIER_AFTER_GROUPS == tuple((f"qa_{q}", Qualifier(q)) for q in (
        "more_than", "at_least", "less_than", "at_most", "approx"))


def _slow_left_start(left, L, pos, g, opener=True):  # type: ignore[no-untyped-def]
    for name in ("qual", "opener", "cur"):
        if L.get(name) is not None and (opener or name != "opener"):
            pos = min(pos, left.start(g.left_groups.index[name]))
    return pos


def test_left_start_by_group_is_the_loop_in_the_fixtures() -> None:
    from claimcheck.claims import _left, _left_groups, _left_start
    from claimcheck.grammar import get_grammar

    seen = 0
    for i, text in enumerate(fixture_texts()):
        lang = LANGS[i % 3]
        g = get_grammar(lang)
        for m in g.number_re.finditer(text):
            left = _left(text, m.start(), (0, len(text)), g)
            L = _left_groups(left, g)
            for opener in (True, False):
                assert _left_start(left, L, m.start(), g, opener=opener) == _slow_left_start(
                    left, L, m.start(), g, opener)
            seen += left is not None
    assert seen > 100


def _verb_keys_agree(text: str, lang: str) -> None:
    from claimcheck.claims import _case_fold, _ends, _may_hold_verb
    from claimcheck.grammar import get_grammar

    g = get_grammar(lang)
    keys = _ends(lang).verb_keys
    assert sorted(k for _, ks in _ends(lang).verb_key_groups for k in ks) == sorted(keys)
    for lo in range(0, len(text), 7):
        for hi in (lo, lo + 5, lo + 60, len(text)):
            slow = lo < hi and any(k in _case_fold(text[lo:hi]) for k in keys)
            assert _may_hold_verb(text, lo, hi, g) == slow, (text, lo, hi)


def test_verb_key_groups_are_the_keys_in_the_fixtures() -> None:
    for i, text in enumerate(fixture_texts()):
        _verb_keys_agree(text[:500], LANGS[i % 3])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LANGS), st.data())
def test_verb_key_groups_are_the_keys(lang: str, data: st.DataObject) -> None:
    from claimcheck.claims import _ends

    keys = _ends(lang).verb_keys
    pieces = st.one_of(st.sampled_from(keys), st.sampled_from(keys).map(str.upper),
                       st.sampled_from(keys).map(lambda k: k[:2] + " " + k[2:]),
                       st.text(alphabet=WORDISH, max_size=4))
    text = "".join(data.draw(st.lists(pieces, max_size=6)))
    _verb_keys_agree(text, lang)


def _clock_gate_agrees(text: str, lang: str) -> int:
    from claimcheck.claims import _time_after
    from claimcheck.grammar import get_grammar

    g = get_grammar(lang)
    found = 0
    for pos in range(len(text)):
        full = g.time_after_re.match(text, pos, len(text))
        fast = _time_after(text, pos, len(text), g)
        assert (fast.span() if fast else None) == (full.span() if full else None), (text, pos)
        found += full is not None
    return found


def test_clock_gate_never_rules_out_a_clock_word() -> None:
    from claimcheck.lexicon import get_lexicon

    for lang in LANGS:
        for p in get_lexicon(lang).time_after:
            for text in (f"9 {p}", f"9{p}", f"9 \u00a0{p}.", f"9.30 {p}", f"9 {p}x", f"9 {p.upper()}",
                         f"9 {p.lower()} 30"):
                _clock_gate_agrees(text, lang)
    assert _clock_gate_agrees("at 9 pm, 10 a.m. and 11 o'clock, 12 people", "en") >= 3


def test_clock_gate_never_rules_out_a_clock_word_in_the_fixtures() -> None:
    found = 0
    for i, text in enumerate(fixture_texts()):
        found += _clock_gate_agrees(text[:3000], LANGS[i % 3])
    assert found > 0


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LANGS), st.text(alphabet=WORDISH + "apmhrsGMTUCEHUhr.:o'ch", max_size=20))
def test_clock_gate_never_rules_out_a_clock_word_anywhere(lang: str, text: str) -> None:
    _clock_gate_agrees(text, lang)


def _ratio_gate_agrees(text: str, lang: str) -> int:
    from claimcheck.claims import _ratio_may_match
    from claimcheck.grammar import get_grammar

    g = get_grammar(lang)
    found = 0
    for pos in range(len(text)):
        for hi in (len(text), min(len(text), pos + 12)):
            m = g.ratio_in_re.match(text, pos, hi)
            assert m is None or _ratio_may_match(text, pos, hi, g), (text, pos, hi)
            found += m is not None
    return found


def test_ratio_gate_never_rules_out_a_ratio() -> None:
    from claimcheck.lexicon import get_lexicon

    found = 0
    for lang in LANGS:
        lex = get_lexicon(lang)
        for p in lex.ratio_in:
            for w in [*list(lex.number_words)[:12], "3", "15,000", "2\u00a0000"]:
                for text in (f"1 {p} {w}", f"un patient {p} {w}", f"one adult man {p} {w} x",
                             f"1 {p.upper()} {w.upper()}", f"1\u00a0{p}\u202f{w}.", f"1 {p}  {w.title()}",
                             f"1 {p} ſ{w}", f"1 {p}\n{w}"):
                    found += _ratio_gate_agrees(text, lang)
    assert found > 100


def test_ratio_gate_never_rules_out_a_ratio_in_the_fixtures() -> None:
    found = 0
    for i, text in enumerate(fixture_texts()):
        found += _ratio_gate_agrees(text[:1500], LANGS[i % 3])
    assert found > 0


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LANGS), st.data())
def test_ratio_gate_never_rules_out_a_ratio_anywhere(lang: str, data: st.DataObject) -> None:
    from claimcheck.lexicon import get_lexicon

    lex = get_lexicon(lang)
    words = [*lex.ratio_in, *lex.number_words, "3", "1,000", "x", "people", "ſ", "K\u212a"]
    pieces = st.one_of(st.sampled_from(words), st.sampled_from(words).map(str.upper),
                       st.text(alphabet=" \u00a0\u202f\n\x1c", min_size=1, max_size=2),
                       st.text(alphabet=WORDISH, max_size=3))
    text = " " + "".join(data.draw(st.lists(pieces, max_size=8)))
    _ratio_gate_agrees(text, lang)


def _word_before_gate_agrees(text: str, lang: str) -> None:
    from claimcheck.claims import _ascii_ends, _ends, _word_before, _word_before_in
    from claimcheck.grammar import get_grammar

    g = get_grammar(lang)
    tails = _ends(lang).ratio_last_tails
    assert tails == _ascii_ends(g.ratio_in_last)
    for pos in range(len(text) + 1):
        for lo in (0, max(0, pos - 4)):
            slow = _word_before(text, pos, lo).casefold() in g.ratio_in_last
            assert _word_before_in(text, pos, lo, g.ratio_in_last, tails) == slow, (text, pos, lo)


def test_word_before_gate_on_the_ratio_words() -> None:
    for lang in LANGS:
        from claimcheck.grammar import get_grammar

        for w in get_grammar(lang).ratio_in_last:
            for form in (w, w.upper(), w.title(), w + ",", "(" + w):
                _word_before_gate_agrees(f"one {form} 3 \u00a0{form}\t5\n{form}7", lang)


def test_word_before_gate_in_the_fixtures() -> None:
    for i, text in enumerate(fixture_texts()):
        _word_before_gate_agrees(text[:1000], LANGS[i % 3])


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LANGS), st.text(alphabet=WORDISH + "inINsurSURvonjepro\t\n", max_size=20))
def test_word_before_gate_anywhere(lang: str, text: str) -> None:
    _word_before_gate_agrees(text, lang)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LANGS), st.data())
def test_word_walks_are_the_splits(lang: str, data: st.DataObject) -> None:
    """Long texts too: the 60-character window cuts a word or leaves fewer than n words."""
    from claimcheck.claims import TOKEN_PUNCT, _ends, _next_word_in, _ratio_word_within
    from claimcheck.context import fold_word
    from claimcheck.grammar import get_grammar

    g = get_grammar(lang)
    ends = _ends(lang)
    vocab = [*ends.ratio_first, *g.age_first, *g.comparative_first, *g.ratio_in_first,
             "x" * 25, "people", "«", ".", "Years,"]
    pieces = st.one_of(st.sampled_from(vocab), st.text(alphabet=WORDISH, max_size=6))
    gaps = st.text(alphabet=" \u00a0\u202f\n\t\x1c\u2009", min_size=1, max_size=3)
    parts = data.draw(st.lists(st.tuples(pieces, gaps), max_size=14))
    text = "".join(a + b for a, b in parts)
    hi = len(text)
    for pos in range(0, hi + 1, 3):
        for words, heads in ((g.age_first, ends.age_heads), (g.comparative_first, ends.comparative_heads),
                             (g.ratio_in_first, ends.ratio_in_heads)):
            for n in (1, 2, 3):
                for end in (hi, max(pos, hi - 5)):
                    slow = any(w.strip(TOKEN_PUNCT).casefold() in words
                               for w in text[pos:min(end, pos + 60)].split(None, n)[:n])
                    assert _next_word_in(text, pos, end, n, words, heads) == slow, (text, pos, n, end)
        for end in (hi, max(pos, hi - 5)):
            slow = any(fold_word(w) in ends.ratio_first for w in text[pos:end].split(None, 3)[:3])
            assert _ratio_word_within(text, pos, end, g) == slow, (text, pos, end)


def _clause_reuse_agrees(text: str, lang: str) -> None:
    from claimcheck.claims import _may_hold_verb, _verb_ending_clause, _verb_near
    from claimcheck.grammar import get_grammar

    g = get_grammar(lang)
    s_end = len(text)
    for end in range(len(text) + 1):
        near_hi = min(s_end, end + 60)
        spaced = end < near_hi and text[end].isspace()
        after_holds = spaced and _may_hold_verb(text, end, near_hi, g)
        clear_to = near_hi if spaced and not after_holds else end
        assert _verb_ending_clause(text, end, s_end, g, clear_to) == _verb_ending_clause(text, end, s_end, g)
        start = max(0, end - 3)
        assert _verb_near(text, start, end, (0, s_end), g, after_holds) == _verb_near(text, start, end,
                                                                                     (0, s_end), g)


def test_clause_verb_reuse_in_the_fixtures() -> None:
    for i, text in enumerate(fixture_texts()):
        _clause_reuse_agrees(text[:400], LANGS[i % 3])


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(LANGS), st.data())
def test_clause_verb_reuse_anywhere(lang: str, data: st.DataObject) -> None:
    from claimcheck.claims import _ends

    keys = _ends(lang).verb_keys
    pieces = st.one_of(st.sampled_from(keys), st.sampled_from(keys).map(str.upper),
                       st.sampled_from(", ; : ( İ i\u0307 ".split(" ")),
                       st.text(alphabet=WORDISH + "İ\u0307", max_size=5), st.just(" " * 30))
    text = " ".join(data.draw(st.lists(pieces, max_size=10)))
    _clause_reuse_agrees(text, lang)


def test_space_by_code_point_is_isspace() -> None:
    from claimcheck.claims import _gap_at, _space_at

    text = "".join(chr(c) for c in range(0x3100)) + "\u3000\ufeff"
    for i, ch in enumerate(text):
        assert _space_at(text, i) == ch.isspace(), hex(ord(ch))
        assert _gap_at(text, i) == (ch in " \u00a0\u202f\t"), hex(ord(ch))


def _slow_word_before(text: str, pos: int, lo: int) -> str:
    lo = max(lo, pos - MAX_TOKEN_WALK)
    i = pos
    while i > lo and text[i - 1] in " \u00a0\u202f\t":
        i -= 1
    j = i
    while j > lo and not text[j - 1].isspace():
        j -= 1
    return text[j:i]


def _slow_word_after(text: str, pos: int, hi: int) -> str:
    hi = min(hi, pos + MAX_TOKEN_WALK)
    i = pos
    while i < hi and text[i] in " \u00a0\u202f\t":
        i += 1
    j = i
    while j < hi and not text[j].isspace():
        j += 1
    return text[i:j]


def _word_walks_agree(text: str) -> None:
    from claimcheck.claims import _word_before

    n = len(text)
    for pos in range(n + 1):
        for lo in {0, max(0, pos - 3)}:
            assert _word_before(text, pos, lo) == _slow_word_before(text, pos, lo), (text, pos, lo)
        for hi in {n, min(n, pos + 3)}:
            assert _word_after(text, pos, hi) == _slow_word_after(text, pos, hi), (text, pos, hi)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TRICKY + "\u2028\u3000\x1c\x0b\r\u2003", max_size=40))
def test_word_walks_by_code_point_are_the_character_loops(text: str) -> None:
    _word_walks_agree(text)


def test_word_walks_by_code_point_in_the_fixtures() -> None:
    for text in fixture_texts():
        for start in range(0, len(text), 300):
            _word_walks_agree(text[start:start + 260])


def _space_walks_agree(text: str, lang: str) -> None:
    from claimcheck.claims import _ends, _may_end_at, _may_end_in
    from claimcheck.context import fold_word

    ends = _ends(lang)
    for pos in range(len(text) + 1):
        for lo in {0, max(0, pos - 3)}:
            i = pos
            while i > lo and text[i - 1].isspace():
                i -= 1
            slow_at = i != lo and ends.relative_before.end(fold_word(text[lo:i].rsplit(None, 1)[-1]))
            assert _may_end_at(text, pos, lo, ends.relative_before) == slow_at, (text, pos, lo)
            tails = ends.age_before_tails
            slow_in = i != lo and (ord(text[i - 1]) >= 128 or text[i - 1] in tails)
            assert _may_end_in(text, pos, lo, tails) == slow_in, (text, pos, lo)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LANGS), st.text(alphabet=TRICKY + "\u2028\u3000\x1c\x0b\r\u2003agoilyvr", max_size=30))
def test_space_walks_by_code_point_are_the_character_loops(lang: str, text: str) -> None:
    _space_walks_agree(text, lang)


def test_space_walks_by_code_point_in_the_fixtures() -> None:
    for i, text in enumerate(fixture_texts()):
        _space_walks_agree(text[:200], LANGS[i % 3])
