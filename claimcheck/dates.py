"""Dates, clock times and time frames: kept out of the claims, kept aside for period and lint.

Month and weekday names come from Babel's CLDR data for each language's locale; the
words that introduce a period ("im", "Ende", "since") come from rules/lang/*.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Final

import regex
from babel import Locale

from .language import folded_span
from .lexicon import LANGS, WORD_GAP, alternation, get_lexicon
from .warmcache import kept_pattern

if TYPE_CHECKING:  # annotations only: mypyc compiles an ``i64`` local to a C int64_t
    from mypy_extensions import i64

SP: Final = WORD_GAP
DAY: Final = r"(?:3[01]|[12][0-9]|0?[1-9])"
MONTH_NUM: Final = r"(?:1[0-2]|0?[1-9])"
YEAR: Final = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)"


@cache
def month_names() -> dict[str, int]:
    """Every CLDR month name (wide, abbreviated, with and without the dot) → month number."""
    out: dict[str, int] = {}
    for lang in LANGS:
        loc = Locale.parse(get_lexicon(lang).cldr_locale)
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for num, name in loc.months[ctx][width].items():
                    out[name.casefold()] = num
                    out[name.rstrip(".").casefold()] = num
    return out


@cache
def weekday_names() -> dict[str, int]:
    """Every CLDR weekday name (wide and abbreviated) → 0=Monday … 6=Sunday."""
    out: dict[str, int] = {}
    for lang in LANGS:
        loc = Locale.parse(get_lexicon(lang).cldr_locale)
        for width in ("wide", "abbreviated"):
            for num, name in loc.days["format"][width].items():
                out[name.casefold()] = num
                out[name.rstrip(".").casefold()] = num
    return out


@cache
def _full_month_names() -> frozenset[str]:
    """The wide (unabbreviated) CLDR month names, casefolded: "may", "juin", "märz"."""
    out: set[str] = set()
    for lang in LANGS:
        loc = Locale.parse(get_lexicon(lang).cldr_locale)
        for ctx in ("format", "stand-alone"):
            out.update(name.casefold() for name in loc.months[ctx]["wide"].values())
    return frozenset(out)


def _month_source() -> str:
    names = sorted(month_names(), key=len, reverse=True)
    full = _full_month_names()
    # an abbreviated month may carry its dot ("Dec.", "janv."); after a full name ("in
    # May.", "en juin.") a dot ends the sentence
    body = "|".join(regex.escape(n) + (r"\.?" if len(n) <= 5 and n not in full else "") for n in names)
    return rf"(?<![\p{{L}}])(?:{body})(?![\p{{L}}])"


@cache
def date_at_re() -> regex.Pattern:
    """A date that starts at a digit: ISO, numeric (7.12.2021, 9.7.), or day + month name."""
    month = _month_source()
    return kept_pattern(
        rf"""
        (?P<iso>(?P<y>{YEAR})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9]))          # 2021-12-07
        | (?P<num>(?P<d2>{DAY})(?P<s>[./])(?P<m2>{MONTH_NUM})(?P=s)         # 7.12.2021, 9.7.
              (?P<y2>{YEAR}|[0-9]{{2}}(?![0-9]))?)
        | (?P<named>(?P<d3>{DAY})(?:\.|st|nd|rd|th|er|e)?{SP}(?:of{SP})?    # 3. Dezember, 9 July
              (?P<mon3>{month})(?:,?{SP}(?P<y3>{YEAR})(?![0-9]))?)
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


@cache
def date_at_groups() -> dict[str, int]:
    """``date_at_re``'s group numbers: ``regex`` resolves a group name by first trying it
    as an integer, and the TypeError it raises and clears costs more than a short match."""
    return dict(date_at_re().groupindex)


@cache
def month_before_re() -> regex.Pattern:
    """A month name right before a day number ("July 9", "le 3 décembre" is day-first)."""
    return kept_pattern(rf"(?r)(?P<mon>{_month_source()}){SP}\Z", regex.IGNORECASE)


@cache
def day_after_month_re() -> regex.Pattern:
    """After "July 9": an optional ordinal suffix and ", 2021"."""
    return kept_pattern(rf"(?:st|nd|rd|th)?(?:,?{SP}(?P<y>{YEAR})(?![0-9]))?")


CLOCK_RE: Final = regex.compile(
    r"""
    (?P<h>[01]?[0-9]|2[0-3])
    (?: :[0-5][0-9](?::[0-5][0-9])?         # 14:30, 14:30:15
      | h[0-5][0-9]                         # 14h30
      | h(?![\p{L}])                        # 14h
    )
    """,
    regex.VERBOSE,
)


@cache
def time_after_re(lang: str) -> regex.Pattern:
    """Digits followed by a clock word: "10 Uhr", "14.30 Uhr", "8 a.m."."""
    lex = get_lexicon(lang)
    words = alternation(lex.time_after, bounded=False)
    return kept_pattern(
        rf"(?:[.:][0-5][0-9])?(?:{SP})?{words}(?![\p{{L}}\p{{N}}])"
        rf"(?:(?:{SP})?[0-5][0-9](?![0-9]))?"  # "14 h 30"
    )


@dataclass(init=False, unsafe_hash=True)
class Period:
    """A time frame in a sentence; a value object.  Its ``__init__`` is written out so
    mypyc compiles it (a dataclass's generated one stays Python)."""

    start: int
    end: int
    value: str

    def __init__(self, start: int, end: int, value: str) -> None:
        self.start = start
        self.end = end
        self.value = value


@cache
def _period_alternatives(lang: str) -> tuple[str, ...]:
    """The alternatives of ``period_re``, in its order (verbose sources)."""
    lex = get_lexicon(lang)
    month = _month_source()
    before_month = alternation(lex.period_before)
    before_year = alternation(lex.year_before)
    return (
        rf"(?P<iso>(?P<y>{YEAR})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9]))",
        rf"(?P<dmy>(?P<d2>{DAY})(?:\.|st|nd|rd|th|er)?{SP}(?:of{SP})?(?P<mon2>{month}),?{SP}(?P<y2>{YEAR}))",
        rf"(?P<mdy>(?P<mon3>{month}){SP}(?P<d3>{DAY})(?:st|nd|rd|th)?,{SP}(?P<y3>{YEAR}))",
        rf"(?P<my>(?P<mon4>{month}){SP}(?P<y4>{YEAR}))(?![0-9])",
        rf"(?P<dm>(?P<d5>{DAY})(?:\.|st|nd|rd|th|er)?{SP}(?:of{SP})?(?P<mon5>{month}))",
        rf"(?P<bm>{before_month}{SP}(?P<mon6>{month})(?:,?{SP}(?P<y6>{YEAR})(?![0-9]|[.,][0-9]))?)",
        rf"(?P<by>{before_year}{SP}(?P<y7>{YEAR}))(?![0-9]|[.,][0-9])",
    )


PERIOD_AT_DIGIT: Final = (0, 1, 4)
"""The alternatives of ``period_re`` that open with a digit (a year or a day: iso, dmy,
dm); the others open with a word (a month name, a ``period_before`` or ``year_before``
phrase)."""


def _period_source(alternatives: list[str]) -> str:
    return "\n" + "\n| ".join(alternatives) + "\n"


@cache
def period_re(lang: str) -> regex.Pattern:
    """Time frames inside a sentence, most specific first."""
    return kept_pattern(_period_source(list(_period_alternatives(lang))),
                         regex.VERBOSE | regex.IGNORECASE)


@cache
def _period_parts(lang: str) -> tuple[regex.Pattern, dict[str, int], regex.Pattern, dict[str, int]]:
    """``period_re`` split in two: its alternatives that open with a digit, and the others
    (each pattern with its group numbers).  A match call's price grows with the pattern's
    groups; at a place ``find_periods`` tries only one half can match."""
    alternatives = _period_alternatives(lang)
    at_digit = [a for k, a in enumerate(alternatives) if k in PERIOD_AT_DIGIT]
    at_word = [a for k, a in enumerate(alternatives) if k not in PERIOD_AT_DIGIT]
    digit_re = kept_pattern(_period_source(at_digit), regex.VERBOSE | regex.IGNORECASE)
    word_re = kept_pattern(_period_source(at_word), regex.VERBOSE | regex.IGNORECASE)
    return digit_re, dict(digit_re.groupindex), word_re, dict(word_re.groupindex)


FOUR_DIGITS_RE: Final = regex.compile(r"[0-9]{4}")


@cache
def _month_hint_re() -> regex.Pattern:
    names: set[str] = set()
    for n in month_names():
        names.update((n, n[:1].upper() + n[1:], n.upper()))
    body = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}])(?:{body})(?![\p{{L}}])")


def may_hold_period(text: str, start: int, end: int) -> bool:
    """Cheap pre-check: a four-digit run or a month name in text[start:end]."""
    if FOUR_DIGITS_RE.search(text, start, end):
        return True
    return bool(_month_starts(text, start, end, True))


@cache
def _month_stems() -> tuple[str, ...]:
    """Three-letter stems of every month name: a substring test before the regex."""
    return tuple(sorted({n[:3] for n in month_names() if len(n) >= 3}))


_OPEN_MEMO: Final[dict[str, bool]] = {}


def _stems_open_names() -> bool:
    """Whether every hint name filed under a stem by ``_month_prefixes`` opens with it once
    casefolded (so a name's place is a place of its stem in the casefolded text)."""
    found = _OPEN_MEMO.get("")
    if found is None:
        stems = _month_stems()
        found = True
        for name in _month_hint_names():
            folded = name.casefold()
            stem = next((s for s in stems if s in folded), "")
            if stem and not folded.startswith(stem):
                found = False
        _OPEN_MEMO[""] = found
    return found


_STEMS_MEMO: Final[dict[bool, tuple[str, ...]]] = {}


def _stems_for(ascii_text: bool) -> tuple[str, ...]:
    """``_month_stems()``, only the ASCII ones for ASCII text (the only ones it can hold),
    kept in a plain dict (a compiled caller pays a dict lookup, not a ``cache`` call)."""
    found = _STEMS_MEMO.get(ascii_text)
    if found is None:
        found = _STEMS_MEMO[ascii_text] = tuple(
            stem for stem in _month_stems() if stem.isascii() or not ascii_text)
    return found


GATE_ORDER: Final = "zqjxkvbpygfwmucldrhsnioate"
"""The ASCII letters, rarest first in news text (any other character counts as rarer)."""
_STEM_GATES_MEMO: Final[dict[bool, tuple[tuple[str, tuple[str, ...]], ...]]] = {}


def _rarity(char: str) -> int:
    return GATE_ORDER.find(char)


def _stem_gates(ascii_text: bool) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``_stems_for(ascii_text)`` grouped by their rarest letter (the gate): a stem can be
    in a sentence only if its gate letter is, and a one-character ``in`` (a ``memchr``)
    costs a third of a three-character one, so a group whose gate letter is missing
    ("j" of "jan", "jul", "jun", "jui") is skipped whole.  Which stems are present does
    not change, only their order, and ``_month_starts`` keeps their places in a set."""
    found = _STEM_GATES_MEMO.get(ascii_text)
    if found is None:
        groups: dict[str, list[str]] = {}
        for stem in _stems_for(ascii_text):
            groups.setdefault(min(stem, key=_rarity), []).append(stem)
        found = _STEM_GATES_MEMO[ascii_text] = tuple((g, tuple(v)) for g, v in groups.items())
    return found


@cache
def _month_prefixes() -> dict[str, tuple[str, ...]]:
    """Stem → the opening letters (as written) of the month names it announces.

    Every name the hint pattern knows is filed under a stem that its casefolded form
    contains: the name in the text puts that stem into the casefolded sentence, so
    searching the prefixes of the present stems finds every place the pattern can match.
    """
    stems = _month_stems()
    out: dict[str, set[str]] = {}
    for name in _month_hint_names():
        folded = name.casefold()
        stem = next((s for s in stems if s in folded), "")  # "" = no stem: always searched
        out.setdefault(stem, set()).add(name[:3])
    return {k: tuple(sorted(v)) for k, v in out.items()}


@cache
def _month_hint_names() -> frozenset[str]:
    """The names of the hint pattern: each month name lower, capitalised and upper case."""
    names: set[str] = set()
    for n in month_names():
        names.update((n, n[:1].upper() + n[1:], n.upper()))
    return frozenset(names)


@cache
def _names_by_prefix() -> dict[str, tuple[str, ...]]:
    """First three letters → the hint names that open with them, longest first (the
    order the hint pattern's alternation tries them)."""
    out: dict[str, list[str]] = {}
    for name in sorted(_month_hint_names(), key=len, reverse=True):
        out.setdefault(name[:3], []).append(name)
    return {k: tuple(v) for k, v in out.items()}


LETTER_RE: Final = regex.compile(r"\p{L}")
_LETTERS: dict[str, bool] = {}
r"""Character → whether the hint pattern's ``[\p{L}]`` takes it (filled as characters are
met: a handful of entries, and the regex engine's own Unicode data decides)."""


def _is_letter(char: str) -> bool:
    known = _LETTERS.get(char)
    if known is None:
        known = _LETTERS[char] = LETTER_RE.match(char) is not None
    return known


def _hint_end(text: str, i: int, end: int) -> int:
    """End of the month-hint match at ``i`` in text[:end], or -1: what
    ``_month_hint_re().match(text, i, end)`` gives, with string tests instead of the
    long alternation (a letter before ``i`` or right after the name rules it out; the
    lookbehind sees before the slice, the lookahead stops at ``end``)."""
    if i > 0 and _is_letter(text[i - 1]):
        return -1
    names = _names_by_prefix().get(text[i : i + 3], ())
    if not names:
        return -1
    # the names come longest first: one slice as long as the first (cut at ``end``) holds
    # every name that fits before ``end``, and ``startswith`` with no start is a native
    # call (with a start and an end it is a method call by name, ~900 instructions)
    window = text[i : min(end, i + len(names[0]))]
    for name in names:
        stop = i + len(name)
        if window.startswith(name) and (stop == end or not _is_letter(text[stop])):
            return stop
    return -1


_PAIR_MEMO: Final[dict[str, tuple[bytes, list[str]]]] = {}


def _stem_pair_table() -> tuple[bytes, list[str]]:
    """The month stems by their first two characters, for ``_stem_places``: a 256 x 256
    table (first code point << 8 | second) holding 0, or k + 1 where ``thirds[k]`` is
    the third characters of the stems opening with that pair.  Empty bytes when a stem
    is not three characters or opens with a character above U+00FF (then the stems are
    searched one by one)."""
    found = _PAIR_MEMO.get("")
    if found is None:
        table = bytearray(256 * 256)
        thirds: list[str] = []
        ok = True
        for stem in _month_stems():
            if len(stem) != 3 or ord(stem[0]) > 255 or ord(stem[1]) > 255:
                ok = False
                break
            k = (ord(stem[0]) << 8) | ord(stem[1])
            if not table[k]:
                thirds.append("")
                table[k] = len(thirds)
            thirds[table[k] - 1] += stem[2]
        ok = ok and len(thirds) < 256
        found = _PAIR_MEMO[""] = (bytes(table) if ok else b"", thirds if ok else [])
    return found


def _stem_places(chunk: str, start: int, pairs: bytes, thirds: list[str], places: set[int]) -> bool:
    """Add ``start + i`` to ``places`` for every ``i`` where a month stem begins in
    ``chunk``; whether there is one.  The same places as a ``find`` loop per stem that
    ``chunk`` holds: each stem is three characters, its first two mark their place in
    ``pairs`` (from ``_stem_pair_table``) and its third is among that place's
    ``thirds``; a pair with a character above U+00FF opens no stem.  Read by code
    point in native 64-bit ints: most places fail on the table, with no ``in`` search
    per stem group and per stem."""
    n: i64 = len(chunk)
    hit = False
    if n < 3:
        return hit
    a: i64 = ord(chunk[0])
    k: i64 = 0
    while k + 2 < n:
        b: i64 = ord(chunk[k + 1])
        if a <= 255 and b <= 255:
            m: i64 = pairs[(a << 8) | b]
            if m:
                c = chunk[k + 2]
                if c in thirds[m - 1]:
                    places.add(start + int(k))
                    hit = True
        a = b
        k += 1
    return hit


INTERPRETED: Final = hasattr(_stem_places, "__code__")
"""Whether this module runs as Python source (the pure build; a mypyc-compiled function
has no code object).  :func:`_stem_places` pays only compiled (native integers); the
pure build finds the stems with one ``in`` test per stem instead (C speed), which
:func:`_month_starts` also uses where the table cannot decide."""


def _month_starts(text: str, start: int, end: int, first: bool = False) -> list[int]:
    """Starts of the month-hint matches in text[start:end], as ``finditer`` gives them.

    The hint pattern is a long alternation, costly to try anywhere; only the places
    where a month name's first letters occur can start a match, so those are found
    with ``str.find`` and checked by ``_hint_end`` (leftmost first, skipping places
    inside the previous match).  ``first``: stop at the first match.  Only the month
    stems in the casefolded sentence are searched: a name that matches puts its stem
    there.  When folding keeps the length, the places of those stems in the folded
    sentence are taken instead of the written prefixes' places: they hold every place
    where a name matches (``_stems_open_names``), and the places ``_hint_end`` refuses
    change nothing.
    """
    out: list[int] = []
    # the sentence's fold, kept from the language evidence (folded_span); only the
    # ASCII stems can occur in an ASCII fold, the others are searched otherwise
    chunk = folded_span(text, start, end)
    ascii_text = chunk.isascii()
    places: set[int] = set()
    pairs, thirds = _stem_pair_table()
    if not INTERPRETED and len(chunk) == end - start and _stems_open_names() and pairs:
        # the stems' places in one native pass (_stem_places), the same set as every
        # stem's find loop below
        present: list[str] = []
        if not _stem_places(chunk, start, pairs, thirds, places):
            return out
    else:
        present = []
        for gate, stems in _stem_gates(ascii_text):
            if gate in chunk:  # each of these stems holds the gate letter: none is there without it
                for stem in stems:
                    if stem in chunk:
                        present.append(stem)
        if not present:
            return out
    prefixes = _month_prefixes()
    if present and len(chunk) == end - start and _stems_open_names():
        # folding kept every character one character: a name at ``i`` puts its stem at
        # i - start of the folded sentence, so the stems' places there (one search each
        # instead of one per written prefix) hold every place a name matches at
        for stem in present:
            i = chunk.find(stem)
            while i >= 0:
                places.add(start + i)
                i = chunk.find(stem, i + 1)
        present = []
    for stem in ("", *present):
        for prefix in prefixes.get(stem, ()):
            i = text.find(prefix, start, end)
            while i >= 0:
                places.add(i)
                i = text.find(prefix, i + 1, end)
    taken_until = start
    for i in sorted(places):
        if i < taken_until:
            continue
        stop = _hint_end(text, i, end)
        if stop >= 0:
            out.append(i)
            if first:
                break
            taken_until = stop
    return out


YEAR_ANCHOR_RE: Final = re.compile(rf"{YEAR}(?![0-9])")
"""A year anchor, without the lookbehind ``(?<![0-9.,])`` that ``_year_anchors``
checks: stdlib ``re`` scans for the first digit of a pattern that opens with its
literals, and a match refused for the character before it hides no other anchor (every
place inside it follows a digit)."""
NOT_BEFORE_YEAR: Final = "0123456789.,"


YEAR_HEADS: Final = ("18", "19", "20", "21")
"""The first two digits of every year ``YEAR`` takes (a test checks them all)."""


YEAR_HEAD_DIGITS: Final = tuple(
    (d, "".join(h[1] for h in YEAR_HEADS if h[0] == d)) for d in sorted({h[0] for h in YEAR_HEADS}))
"""``YEAR_HEADS`` by first digit: ("1", "89"), ("2", "01")."""


def _may_hold_year(text: str, start: int, end: int) -> bool:
    """Whether one of ``YEAR_HEADS`` is in text[start:end]: the places of each head's
    first digit, found by a one-character ``str.find`` (a ``memchr``; a two-character
    search costs several times more, and most sentences hold no head), with the next
    character tested there (a head's first digit before ``end - 1``)."""
    end = min(end, len(text))  # as ``find`` clamps it: text[i + 1] stays inside
    if end - start < 2:
        return False  # (and ``end - 1`` below is never negative: no count from the end)
    for first, seconds in YEAR_HEAD_DIGITS:
        i = text.find(first, start, end - 1)
        while i >= 0:
            if text[i + 1] in seconds:
                return True
            i = text.find(first, i + 1, end - 1)
    return False


def _year_anchors(text: str, start: int, end: int) -> list[int]:
    """Starts of the years in text[start:end] not right after a digit, dot or comma.

    Every year opens with one of ``YEAR_HEADS``: text[start:end] without any of them
    holds no year, and ``_may_hold_year`` costs less than the pattern's scan (most
    sentences with figures hold no year)."""
    out: list[int] = []
    if not _may_hold_year(text, start, end):
        return out
    for m in YEAR_ANCHOR_RE.finditer(text, start, end):
        i = m.start()
        if i == 0 or text[i - 1] not in NOT_BEFORE_YEAR:
            out.append(i)
    return out


def _word_starts_before(text: str, pos: int, lo: int, count: int) -> list[int]:
    """Start offsets of up to ``count`` whitespace-separated words before ``pos``."""
    out = []
    i = pos
    for _ in range(count):
        while i > lo and text[i - 1].isspace():
            i -= 1
        if i <= lo:
            break
        while i > lo and not text[i - 1].isspace():
            i -= 1
        out.append(i)
    return out


LEADING_LETTERS_RE: Final = regex.compile(r"\p{L}*")
ASCII_LETTERS: Final = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


@cache
def _period_openers(lang: str) -> frozenset[str] | None:
    """The leading letters (lower case) of every literal ``period_re(lang)`` can open
    with at a letter: month names, ``period_before`` and ``year_before`` phrases.

    A match at a letter takes one of them case-insensitively, letter for letter, and
    then a non-letter (a dot, an apostrophe, a space, the end, or the pattern's
    boundary), so the run of letters at the place is exactly that many letters.  For a
    run of ASCII letters ``str.lower`` decides that comparison as ``period_re``'s
    IGNORECASE does when every letter of the literals has just its ASCII case partner
    among the ASCII letters; checked here with the regex engine itself, else None: no
    pre-check."""
    lex = get_lexicon(lang)
    literals = [*month_names(), *lex.period_before, *lex.year_before]
    heads: set[str] = set()
    for literal in literals:
        m = LEADING_LETTERS_RE.match(literal)
        head = m.group() if m else ""
        if not head:
            return None  # a literal that opens with no letter
        heads.add(head)
    for char in {c for h in heads for c in h}:
        same = regex.compile(regex.escape(char), regex.IGNORECASE)
        partners = {a for a in ASCII_LETTERS if same.fullmatch(a)}
        if partners != {a for a in ASCII_LETTERS if a.lower() == char.lower()}:
            return None
    return frozenset(h.lower() for h in heads)


def _may_open_period(text: str, i: int, end: int, openers: frozenset[str]) -> bool:
    """Whether ``period_re`` can match at ``i`` (a cheap test before the long pattern):
    its alternatives open with a digit (``[0-9]``: a year or a day) or with one of the
    letter runs of ``_period_openers``; a run of other letters is left to the pattern."""
    char = text[i]
    if "0" <= char <= "9":
        return True
    stop = i
    while stop < end and _is_letter(text[stop]):
        stop += 1
    if stop == i:
        return False  # neither a digit nor a letter
    word = text[i:stop]
    return not word.isascii() or word.lower() in openers


def find_periods(text: str, start: int, end: int, lang: str) -> list[Period]:
    """Every time frame in text[start:end], normalised where it can be.

    Anchored on years and month names (cheap to find); the full period pattern is only
    tried at the few word starts just before each anchor, leftmost first, and only where
    ``_may_open_period`` lets it.  There, one half of it is tried (``_period_parts``):
    the same match, as the other half cannot match at the place.  With the openers
    known, every word alternative opens with a letter, which (case-insensitively too)
    is no ASCII digit; the digit alternatives open with ``[0-9]`` or a digit.  The
    alternation takes its first alternative that matches, and dropping alternatives
    that cannot match leaves that one, its span and its named groups.
    """
    out: list[Period] = []
    # no separate may_hold_period(): without a four-digit run or a month name both
    # anchor searches below come back empty
    anchors = _year_anchors(text, start, end)
    anchors.extend(_month_starts(text, start, end))
    if not anchors:
        return out
    pattern = period_re(lang)
    groups = period_groups()
    openers = _period_openers(lang)
    digit_re, digit_groups, word_re, word_groups = _period_parts(lang)
    months = month_names()
    taken_until = start
    for anchor in sorted(set(anchors)):
        if anchor < taken_until:
            continue
        candidates = [*sorted(_word_starts_before(text, anchor, max(start, taken_until), 4)), anchor]
        for cand in candidates:
            if openers is None:
                m = pattern.match(text, cand, end)
                i = groups
            elif not _may_open_period(text, cand, end, openers):
                continue
            elif "0" <= text[cand] <= "9":
                m = digit_re.match(text, cand, end)
                i = digit_groups
            else:
                m = word_re.match(text, cand, end)
                i = word_groups
            if m and m.end() > anchor:
                out.append(Period(m.start(), m.end(), _period_value(m, months, i)))
                taken_until = m.end()
                break
    return out


@cache
def period_groups() -> dict[str, int]:
    """``period_re``'s group numbers, the same in every language (its word lists are
    non-capturing); read by number as in :func:`date_at_groups`."""
    numbers = [dict(period_re(lang).groupindex) for lang in LANGS]
    if any(n != numbers[0] for n in numbers):
        raise RuntimeError("period_re numbers its groups differently per language")
    return numbers[0]


def _group(m: regex.Match, i: dict[str, int], name: str) -> str | None:
    """Group ``name`` of ``m`` by its number in ``i``; None when the pattern lacks it."""
    k = i.get(name)
    return m.group(k) if k is not None else None


def _period_value(m: regex.Match, months: dict[str, int], i: dict[str, int]) -> str:
    """The normalised value of a period match; ``i``: the pattern's group numbers
    (``period_groups()`` or those of a ``_period_parts`` half)."""
    iso = _group(m, i, "iso")
    if iso:
        return iso
    if _group(m, i, "dmy"):
        return _iso(m.group(i["y2"]), months, m.group(i["mon2"]), m.group(i["d2"]))
    if _group(m, i, "mdy"):
        return _iso(m.group(i["y3"]), months, m.group(i["mon3"]), m.group(i["d3"]))
    if _group(m, i, "my"):
        mon = months.get(m.group(i["mon4"]).rstrip(".").casefold())
        return f"{m.group(i['y4'])}-{mon:02d}" if mon else m.group(0)
    if _group(m, i, "bm") and m.group(i["y6"]):  # "in November 2021"
        mon = months.get(m.group(i["mon6"]).rstrip(".").casefold())
        return f"{m.group(i['y6'])}-{mon:02d}" if mon else " ".join(m.group(0).split())
    if _group(m, i, "by"):
        return m.group(i["y7"])
    return " ".join(m.group(0).split())


def _iso(year: str, months: dict[str, int], mon: str, day: str) -> str:
    num = months.get(mon.rstrip(".").casefold())
    if not num:
        return f"{day} {mon} {year}"
    return f"{year}-{num:02d}-{int(day):02d}"
