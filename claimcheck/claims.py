"""Figures in context → claims: qualifier, figure(s), scale, unit, role and interval.

For each sentence, numbers.py's tokens (digits) and number words are read with the
words around them (grammar.py): the left context gives the qualifier ("mehr als"), a
range opener ("zwischen"), a currency sign and a change preposition ("um", "by"); the
right context gives the scale word, the unit, the second figure of a range and a
trailing qualifier ("or more").  Digits are read later, once the whole document's
convention is known (convention.py): :func:`find_drafts` collects, :func:`resolve`
decides.

Interval semantics (CONTRACT.md): exact → low = high = value; more_than/at_least →
[value, ∞); less_than/at_most → (−∞, value]; range → [low, high]; approx → value ±
half the unit of the last significant digit written ("about 95,000" ± 500, "rund 3
Millionen" ± 0.5 million); a single significant 1 counts one place finer ("about
100,000" ± 5,000).  "Nearly"/"knapp" approximations cover the lower half of that
rounding interval and end at the figure ("knapp 2,6 Millionen" → [2.55, 2.6] million).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Final

import regex

from . import units
from .cardinals import cardinal_at, cardinal_scan_re, cardinal_words
from .context import FirstWords, LeftReader, PartsMatch, PhraseEnds, RightReader, Suffixes
from .context import fold_word as _fold_word
from .convention import DocumentConvention, choose_reading, readings_of
from .dates import (
    CLOCK_RE,
    date_at_groups,
    date_at_re,
    day_after_month_re,
    month_names,
)
from .grammar import NUMBER_DIGITS, RANGE_DASHES, Grammar, get_grammar
from .lexicon import get_lexicon
from .model import NumberFormat, Qualifier, Reading, Role
from .scale import is_letter_scale, scale_factor, scale_words

if TYPE_CHECKING:  # annotations only: mypyc compiles an ``i64`` local to a C int64_t
    from mypy_extensions import i64

# Enum members as module constants: on Python 3.11 every ``Role.LEVEL`` goes through
# EnumType.__getattr__ (four times a class attribute); compiled code reads these directly.
FMT_PLAIN: Final = NumberFormat.PLAIN
FMT_WORDS: Final = NumberFormat.WORDS
APPROX: Final = Qualifier.APPROX
AT_LEAST: Final = Qualifier.AT_LEAST
AT_MOST: Final = Qualifier.AT_MOST
EXACT: Final = Qualifier.EXACT
LESS_THAN: Final = Qualifier.LESS_THAN
MORE_THAN: Final = Qualifier.MORE_THAN
RANGE: Final = Qualifier.RANGE
DECREASE: Final = Role.DECREASE
INCREASE: Final = Role.INCREASE
LEVEL: Final = Role.LEVEL
RATIO: Final = Role.RATIO
PHONE_AT_RE: Final = regex.compile(
    r"""
      \+[0-9]{1,3}(?:[\s\-/.]{0,2}\(?[0-9]{1,5}\)?){2,}   # +49 30 1234567, +33 (0)1 23 45 67 89
    | \(0[0-9]{1,5}\)[\s\-/]?[0-9][0-9\s\-]{3,}          # (030) 123 4567
    | \([2-9][0-9]{2}\)[\s\u00a0]?[0-9]{3}[\-.\s][0-9]{4}(?![0-9])  # (202) 555-0143
    | [2-9][0-9]{2}[\-.][0-9]{3}[\-.][0-9]{4}(?![0-9])    # 202-555-0143
    | 0[0-9]{2,5}(?:[\s\-/][0-9]{1,}){1,4}               # 0345 988 1188, 0800 3 111 111, 089 2910-0
    """,
    regex.VERBOSE,
)
URL_CHARS: Final = ("://", "www.", "@", ".com", ".org", ".de/", ".fr/")
LEFT_TEXT_GROUPS: Final = ("qual", "opener", "cur")
"""Left-context groups that belong to the claim's text (change words do not)."""
ZERO_WIDTH: Final = "\u200b\u200c\u200d\u2060\ufeff"
"""Invisible characters that break a figure in two; such a figure is not read (precision)."""
GLUED_RUN_RE: Final = regex.compile(r"[0-9.,'\u2019\u00a0\u202f\u200b\u200c\u200d\u2060\ufeff]+")
MAX_DIGITS: Final = 24
MAX_TOKEN_WALK: Final = 200
"""How far a word or URL check walks from a figure (keeps long space-less runs linear)."""
MAX_LEFT: Final = 80
FRACTION_APPROX: Final = Decimal("0.1")
"""An approximate fraction in words ("about a third") allows ±10 % of its value."""
HALF: Final = Decimal("0.5")
APPROX_NOUN_SHARE: Final = Decimal("0.2")
"""An approximate number noun ("une dizaine", "une vingtaine", "un millier") allows ±20 %
of its value: a round number said to be rough, not one rounded to its last digit."""
MAX_VERB_DISTANCE: Final = 60
"""How far before "um"/"by" a change verb may stand ("sanken im Halbjahr um 4,7 %")."""
"""How far left of a figure its qualifier, currency and change words may start."""



ONE: Final = Decimal(1)


@dataclass(init=False)
class Figure:
    """One figure as written: digits (read later) or words (read now).

    Figure and Draft write their ``__init__`` out (``init=False``): mypyc compiles a
    written one, where a dataclass's generated ``__init__`` stays Python (several times
    slower to build, and every figure builds one)."""

    start: int
    end: int
    raw: str
    sign: str
    readings: tuple[Reading, ...]
    word_value: Decimal | None
    scale: Decimal
    reading: Reading | None
    ambiguous: bool
    ratio_denominator: Decimal | None
    inverse: bool  # "2,5 fois moins": the multiple is 1/2.5
    half: bool  # "deux millions et demi": 2.5 millions

    def __init__(self, start: int, end: int, raw: str, sign: str = "",
                 readings: tuple[Reading, ...] = (), word_value: Decimal | None = None,
                 scale: Decimal = ONE, reading: Reading | None = None, ambiguous: bool = False,
                 ratio_denominator: Decimal | None = None, inverse: bool = False,
                 half: bool = False) -> None:
        self.start = start
        self.end = end
        self.raw = raw
        self.sign = sign
        self.readings = readings
        self.word_value = word_value
        self.scale = scale
        self.reading = reading
        self.ambiguous = ambiguous
        self.ratio_denominator = ratio_denominator
        self.inverse = inverse
        self.half = half

    @property
    def is_words(self) -> bool:
        return self.word_value is not None

    def mantissa(self) -> Decimal:
        if self.word_value is not None:
            base = self.word_value
        else:
            assert self.reading is not None
            base = self.reading.value
        if self.half:
            base += HALF
        return -base if self.sign in ("-", "\u2212") else base

    def value(self) -> Decimal:
        if self.inverse:
            return (Decimal(1) / self.mantissa()).quantize(RATIO_QUANTUM)
        if self.ratio_denominator:
            return (self.mantissa() / self.ratio_denominator).quantize(RATIO_QUANTUM)  # "2 in 3"
        return self.mantissa() * self.scale


@dataclass(init=False)
class Draft:
    """A claim before its digits are read."""

    start: int
    end: int
    lang: str
    sentence: tuple[int, int]
    first: Figure
    second: Figure | None
    qualifier: Qualifier
    approx_below: bool
    unit: str
    role: Role
    inverted: bool
    extra: dict

    def __init__(self, start: int, end: int, lang: str, sentence: tuple[int, int], first: Figure,
                 second: Figure | None = None, qualifier: Qualifier = EXACT,
                 approx_below: bool = False, unit: str = "dimensionless", role: Role = LEVEL,
                 inverted: bool = False, extra: dict | None = None) -> None:
        self.start = start
        self.end = end
        self.lang = lang
        self.sentence = sentence
        self.first = first
        self.second = second
        self.qualifier = qualifier
        self.approx_below = approx_below
        self.unit = unit
        self.role = role
        self.inverted = inverted
        self.extra = {} if extra is None else extra

    @property
    def figures(self) -> tuple[Figure, ...]:
        return (self.first,) if self.second is None else (self.first, self.second)

    @property
    def whole_count(self) -> bool:
        return self.unit == "dimensionless" and all(f.scale == 1 for f in self.figures) and (
            self.role is not RATIO
        )


def _word_value(g: Grammar, words: str) -> Decimal | None:
    return g.word_values.get(" ".join(words.split()).casefold())


def _in_url(text: str, start: int, end: int) -> bool:
    lo = start
    floor = max(0, start - MAX_TOKEN_WALK)  # bounded: no quadratic walk in a space-less run
    while lo > floor and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    n = min(len(text), end + MAX_TOKEN_WALK)
    while hi < n and not text[hi].isspace():
        hi += 1
    chunk = text[lo:hi]
    return any(c in chunk for c in URL_CHARS)


def _glued_right(text: str, end: int, limit: int) -> bool:
    """Letters or digits stuck to a claim's end ("21st", "5G", "20-jährige")."""
    if end >= limit:
        return False
    ch = text[end]
    if ch.isalnum() or ch == "_":
        return True
    if ch in "-\u2011" and end + 1 < limit and text[end + 1].isalpha():
        return True
    return False


_CANONICAL: Final[dict[str, dict[str, str | None]]] = {}
"""``_canonical_cached`` by language, then stripped surface: two plain dict reads from
compiled code instead of a ``functools.cache`` wrapper's Python call per unit.  Bounded by
the unit surfaces the patterns read, as the cache is."""


def _canonical(surface: str | None, lang: str) -> str | None:
    if not surface:
        return None
    key = surface.strip()
    memo = _CANONICAL.get(lang)
    if memo is None:
        memo = _CANONICAL[lang] = {}
    if key in memo:
        return memo[key]
    found = memo[key] = _canonical_cached(key, lang)
    return found


@cache
def _canonical_cached(surface: str, lang: str) -> str | None:
    try:
        return units.canonical_unit(surface, lang)
    except KeyError:
        return None


def _is_currency(unit: str | None) -> bool:
    return unit is not None and unit.isupper() and len(unit) == 3


SIGN_CHARS: Final = "+-\u2212"
RATIO_QUANTUM: Final = Decimal("1e-12")
TIME_UNITS: Final = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
LETTER_SCALES_WITHOUT_MONEY: Final = frozenset({"k", "K"})
"""Single-letter scales that count glued to a figure even without money ("250k views")."""
WORD_FOLLOWS_RE: Final = regex.compile(r"[\s\u00a0\u202f]+\p{L}")
"""A number word counts when a word follows it ("three people")."""
TOKEN_PUNCT: Final = ".,;:!?()[]{}\"'«»„“”‚‘’*_"
CURRENCY_PREFIX_CHARS: Final = "$€£¥₣₽₴"


def _last_words(phrases: list[str]) -> Suffixes:
    """The folded last word of every phrase: what the text must end in where one ends."""
    return Suffixes({_fold_word(p.split()[-1]) for p in phrases if p.split()})


@dataclass(frozen=True, slots=True)
class Ends:
    """Cheap tests that rule out a pattern of the grammar before it runs (one per language).

    The reverse patterns (left context, "aged", "ago"-type words before a figure) can match
    only where the text before the position, after skipping spaces, ends in the last word
    of one of their phrases; the clock pattern only where a clock word's first character
    follows (after spaces) or a "[.:]" minutes part."""

    left: Suffixes  # the last words of all of left_re's parts
    left_reader: LeftReader  # left_re part by part
    right_reader: RightReader  # right_re and right_between_re part by part
    age_before: Suffixes
    age_before_phrases: PhraseEnds  # sharper than age_before: the last two words
    relative_before: Suffixes
    clock_first: frozenset[str]
    clock_words: tuple[str, ...]  # the first words of the clock phrases, as written
    ratio_first: frozenset[str]  # folded first words of "in", "sur", "out of"
    scale_first: tuple[str, ...]  # folded first words of the scale words of scale_after_re
    right_prefixes: frozenset[str]  # every prefix of every word of ``Grammar.right_first``
    relative_after_first: tuple[str, ...]  # folded first words of the phrases of these
    ratio_of_first: tuple[str, ...]  # patterns, which all begin with a gap:
    movement_to_first: tuple[str, ...]  # see :func:`_gap_then_word`
    verb_keys: tuple[str, ...]  # see :func:`_may_hold_verb`
    verb_key_groups: tuple[tuple[str, tuple[str, ...]], ...]  # verb_keys by their first two characters
    age_heads: str  # :func:`_ascii_heads` of ``Grammar.age_first``,
    comparative_heads: str  # of ``Grammar.comparative_first``,
    ratio_in_heads: str  # of ``Grammar.ratio_in_first``
    ratio_first_heads: str  # :func:`_ascii_heads` of ``ratio_first``,
    scale_heads: str  # of ``scale_first``,
    piece_heads: str  # of ``cardinal_words(lang).pieces``
    time_heads: str  # :func:`_ascii_heads` of ``Grammar.time_words``,
    id_heads: str  # of ``Grammar.id_words``,
    month_heads: str  # of ``dates.month_names()``
    age_before_tails: str  # ASCII last characters of ``age_before_phrases``' words (:func:`_may_end_in`)
    multiple_heads: str  # :func:`_ascii_heads` of ``Grammar.multiple_stems``,
    minus_heads: str  # of ``Grammar.minus_words``,
    change_of_heads: str  # of ``Grammar.change_of``,
    rate_heads: str  # of ``Grammar.rate_first`` and ``rate_elided``
    topic_heads: str  # of ``Grammar.topic_prepositions``
    ratio_phrases: tuple[tuple[str, ...], ...]  # the folded words of each ratio_in phrase
    ratio_nouns: int  # how many noun words may stand before one (0 or 2)
    ratio_denominator_heads: str  # see :func:`_ratio_may_match`
    ratio_last_tails: str  # :func:`_ascii_ends` of ``Grammar.ratio_in_last``
    has_particles: bool  # False: ``particle_after_re`` is built of two empty alternations,
    # "(?!)" (see :func:`claimcheck.lexicon.alternation`), and can never match


def _load_ends(lang: str) -> Ends:
    g = get_grammar(lang)
    lex = g.lex
    # the currency markers currency_before_pattern() is built from
    currencies = list(units._table(units._norm_lang(lang)).before)
    # the phrases of each part of left_re, from the figure outward
    left_phrases = (currencies, [*lex.range_between, *lex.range_from], list(g.qual_kinds),
                    [*lex.change_by, *lex.change_to], [*lex.increase, *lex.decrease, *lex.change_fillers])
    # the first words of each part of right_re: scale, unit, range (twice), qualifier after
    right_firsts = (
        _first_words(scale_words(lang)),
        FirstWords(units.unit_first_words(lang)),
        _first_words([*lex.range_connectors, *RANGE_DASHES]),
        _first_words([*lex.range_connectors, *lex.range_between_connectors, *RANGE_DASHES]),
        _first_words([p for group in lex.qualifiers_after.values() for p in group]),
    )
    age_before_phrases = PhraseEnds(list(lex.age_before))
    verb_keys = _key_words(lex.increase + lex.decrease)
    ratio_first = frozenset(_fold_word(p.split()[0]) for p in lex.ratio_in if p.split())
    scale_first = tuple(sorted({_fold_word(w.split()[0]) for w in scale_words(lang)
                                if w.split() and not is_letter_scale(w)}))
    return Ends(
        left=_last_words([p for part in left_phrases for p in part]),
        right_reader=RightReader(g.right_part_res, right_firsts, dict(g.right_re.groupindex),
                                 g.right_first_max, tuple(units._after_items(units._norm_lang(lang)))),
        left_reader=LeftReader(g.left_part_res, tuple(_last_words(p).words for p in left_phrases),
                               dict(g.left_re.groupindex),
                               # the markers match case-sensitively, the qualifiers need two words
                               (PhraseEnds(currencies, fold=False), None, PhraseEnds(list(g.qual_kinds)),
                                None, None)),
        age_before=_last_words(list(lex.age_before)),
        age_before_phrases=age_before_phrases,
        relative_before=_last_words(list(lex.relative_time_before)),
        clock_first=frozenset(p.split()[0][0] for p in get_lexicon(lang).time_after if p.split()),
        clock_words=tuple(sorted({p.split()[0] for p in get_lexicon(lang).time_after if p.split()})),
        ratio_first=ratio_first,
        scale_first=scale_first,
        right_prefixes=frozenset(w[:n] for w in g.right_first for n in range(1, len(w) + 1)),
        relative_after_first=_first_folded(lex.relative_time_after),
        ratio_of_first=_first_folded(lex.ratio_of),
        movement_to_first=_first_folded(lex.movement_to),
        verb_keys=verb_keys,
        verb_key_groups=_by_head(verb_keys),
        age_heads=_ascii_heads(g.age_first),
        comparative_heads=_ascii_heads(g.comparative_first),
        ratio_in_heads=_ascii_heads(g.ratio_in_first),
        ratio_first_heads=_ascii_heads(ratio_first),
        scale_heads=_ascii_heads(scale_first),
        piece_heads=_ascii_heads(cardinal_words(lang).pieces),
        time_heads=_ascii_heads(g.time_words),
        id_heads=_ascii_heads(g.id_words),
        month_heads=_ascii_heads(month_names()),
        age_before_tails=_ascii_tails(age_before_phrases),
        multiple_heads=_ascii_heads(g.multiple_stems),
        minus_heads=_ascii_heads(g.minus_words),
        change_of_heads=_ascii_heads(g.change_of),
        rate_heads=_ascii_heads([*g.rate_first, *g.rate_elided]),
        topic_heads=_ascii_heads(g.topic_prepositions),
        ratio_phrases=tuple(sorted({tuple(_fold_word(w) for w in p.split()) for p in lex.ratio_in
                                    if p.split()})),
        ratio_nouns=2 if lex.ratio_in_noun else 0,
        ratio_denominator_heads="0123456789" + _ascii_heads([_fold_word(w) for w in lex.number_words]),
        ratio_last_tails=_ascii_ends(g.ratio_in_last),
        has_particles=bool(lex.particles_increase or lex.particles_decrease),
    )


def _first_words(phrases: Iterable[str]) -> FirstWords:
    """First words normalised as ``Grammar.right_first``'s are."""
    return FirstWords(frozenset(units.normalise_word(p.split()[0]).casefold() for p in phrases if p.split()))


_ENDS_MEMO: Final[dict[str, Ends]] = {}


def _ends(lang: str) -> Ends:
    """``_load_ends(lang)``, built once and kept in a plain dict: the engine asks for it
    per figure or token, and a compiled caller then pays a native call and a dict lookup
    instead of a ``functools.cache`` wrapper's Python call (about 600 instructions)."""
    found = _ENDS_MEMO.get(lang)
    if found is None:
        found = _ENDS_MEMO[lang] = _load_ends(lang)
    return found


def _case_fold(text: str) -> str:
    """``str.casefold``, with "İ"'s "i" + combining dot as "i" (``regex`` matches "İ" as
    "i"): a character the case-insensitive verb patterns match for a character of their
    phrases folds as that one does (checked in tests/test_fastpaths_context.py)."""
    folded = text.casefold()
    return folded.replace("i\u0307", "i") if "\u0307" in folded else folded


def _key_words(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The folded longest word of each phrase, without those that contain another: one of
    them stands in the folded text wherever a phrase does (see :func:`_may_hold_verb`)."""
    keys = {max((_case_fold(w) for w in p.split()), key=len) for p in phrases if p.split()}
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


def _by_head(keys: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``keys`` grouped by their first two characters (the whole key when shorter)."""
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(k[:2], []).append(k)
    return tuple((head, tuple(ks)) for head, ks in sorted(groups.items()))


def _first_folded(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({_fold_word(p.split()[0]) for p in phrases if p.split()}))


def _gap_then_word(text: str, pos: int, hi: int, firsts: tuple[str, ...]) -> bool:
    """Whether a pattern ``{SP}phrase`` (case-insensitive) can match at ``pos`` before
    ``hi``: a space must stand at ``pos`` and the word after the spaces, folded, must begin
    with the folded first word of a phrase (``firsts``; empty: the pattern never matches).
    Exact as a pre-check: the gap's characters are all ``str.isspace``, a phrase starts
    after them with its first word, and folding text and phrases alike only merges
    spellings, character by character (see :func:`_fold_word`)."""
    if pos >= hi or not text[pos].isspace() or not firsts:
        return False
    j = pos + 1
    while j < hi and text[j].isspace():
        j += 1
    if j >= hi:
        return False
    return _fold_word(text[j:min(hi, j + 40)].split(None, 1)[0]).startswith(firsts)


def _may_hold_verb(text: str, lo: int, hi: int, g: Grammar) -> bool:
    """Whether a change verb (``verb_any_re``, ``verb_after_re``: a case-insensitive
    alternation of the lexicon's increase and decrease phrases) can match inside
    ``text[lo:hi]``: the folded text must hold the key word of one of them.  Exact as a
    pre-check: folding is done character by character and a character the pattern matches
    for a phrase's character folds as it does (:func:`_case_fold`), so the folded text
    holds every folded word of a phrase found there.  The regex search it saves costs
    ~60k instructions per window.  The keys are tried by groups sharing their first two
    characters (``Ends.verb_key_groups``): a group's keys only where those two stand in
    the folded text, as they do wherever one of its keys does (about 20 substring tests
    instead of 50-65 for a window without a verb)."""
    if lo >= hi:
        return False
    folded = _case_fold(text[lo:hi])
    for head, keys in _ends(g.lang).verb_key_groups:
        if head in folded:
            for key in keys:
                if key in folded:
                    return True
    return False


def _may_end_at(text: str, pos: int, lo: int, lasts: Suffixes) -> bool:
    """Whether a phrase whose folded last word is in ``lasts`` can end right before ``pos``
    or before the spaces there, looking no further left than ``lo``: the whitespace-free
    chunk before must end in that word (its phrases hold no space inside a word, and a
    pattern's gap between words is whitespace)."""
    i: i64 = pos
    while i > lo and _space_at(text, i - 1):
        i -= 1
    if i == lo:
        return False
    return lasts.end(_fold_word(text[lo:i].rsplit(None, 1)[-1]))  # from the last space


def _time_after(text: str, pos: int, hi: int, g: Grammar) -> regex.Match | None:
    """``g.time_after_re`` at ``pos``, run only when a clock word's first character (the
    pattern is case-sensitive) follows the spaces there, or a "[.:]" minutes part.
    Sharper: the text after the spaces must then begin with the first word of a clock
    phrase as written (``Ends.clock_words``), as where the pattern matches: its gap is
    all ``str.isspace`` and the phrase begins with a letter, so it starts where the
    spaces skipped here end ("three people" no longer runs the pattern for "pm")."""
    if pos >= hi:
        return None
    ch = text[pos]
    if ch not in ".:":
        j = pos
        while ch.isspace():
            j += 1
            if j >= hi:
                return None
            ch = text[j]
        ends = _ends(g.lang)
        if ch not in ends.clock_first or not text.startswith(ends.clock_words, j):
            return None
    return g.time_after_re.match(text, pos, hi)


def _is_year_text(raw: str) -> bool:
    """``YEAR`` as a whole string (1800–2099 or 2100): four ASCII digits compare as numbers."""
    return len(raw) == 4 and raw.isascii() and raw.isdigit() and "1800" <= raw <= "2100"


def _is_code_word(word: str) -> bool:
    """Two to five ASCII capitals ("ICE", "HC"), as ``[A-Z]{2,5}`` whole: compared by code
    point, no ``isascii``/``isalpha``/``isupper`` method calls (an ASCII string is alphabetic
    and upper-case exactly when every character is one of A-Z)."""
    n = len(word)
    if n < 2 or n > 5:
        return False
    for ch in word:
        o = ord(ch)
        if o < 65 or o > 90:
            return False
    return True


def _folded_in(word: str, words: Iterable[str], heads: str) -> bool:
    """``word.casefold() in words``, ``heads`` being :func:`_ascii_heads` of ``words``:
    a word whose first character is ASCII and not among them is ruled out without the
    casefold (a method call) and the lookup (hashing a fresh string); so is the casefold
    of an empty word, which is itself.  Exact: see :func:`_ascii_heads`."""
    if not word:
        return word in words
    if ord(word[0]) < 128 and word[0] not in heads:
        return False
    return word.casefold() in words


def _may_end_in(text: str, pos: int, lo: int, tails: str) -> bool:
    """False where ``PhraseEnds.may_end(text, pos, lo)`` is False for a ``PhraseEnds``
    whose folded single words and pair keys (the words it tests the chunk before ``pos``
    against, whole or as its end) end in none of the ASCII characters ``tails`` (both
    cases): the whitespace-free chunk before ``pos`` (or before the spaces there) must
    then end in a non-ASCII character, since an ASCII last character folds to itself
    lower-cased, and stays last (see :func:`_ascii_heads`).  Costs a character test where
    ``may_end`` folds the chunk and looks it up."""
    i: i64 = pos
    while i > lo and _space_at(text, i - 1):
        i -= 1
    if i == lo:
        return False
    ch = text[i - 1]
    return ord(ch) >= 128 or ch in tails


def _strip_elision(word: str) -> str:
    """The word without a French elided article or pronoun: "l’article" → "article"."""
    if len(word) > 1 and word[1] in "'\u2019" and word[0] in "ldjLDJ":
        return word[2:]
    if len(word) > 2 and word[2] in "'\u2019" and (word[:2] == "qu" or word[:2] == "Qu"):
        return word[3:]
    return word


def find_drafts(
    text: str, sent: tuple[int, int], lang: str, g: Grammar, *,
    digit_positions: list[int] | None = None, words: bool = True,
) -> list[Draft]:
    """Every claim draft in one sentence, in order, none overlapping.

    ``digit_positions`` are the starts of digit runs in the sentence (the pipeline's
    one-pass pre-scan found them; None scans the sentence); ``words`` says whether the
    sentence can hold number words at all.
    """
    s_start, s_end = sent
    # (start, end, digits match): a digit figure keeps its match, a worded one its span
    tokens: list[tuple[int, int, regex.Match | None]] = []
    if digit_positions is None:
        for m in g.number_re.finditer(text, s_start, s_end):
            tokens.append((m.start(), 0, m))
    else:
        covered = s_start
        match = g.number_re.match
        for pos in digit_positions:
            if pos < covered:
                continue
            at = pos - 1 if pos > s_start and text[pos - 1] in SIGN_CHARS else pos
            m = match(text, at, s_end) or (match(text, pos, s_end) if at != pos else None)
            if m is None:
                continue
            tokens.append((m.start(), 0, m))
            covered = m.end()
    if not words and digit_positions:
        # "One in 3", "un patient sur 15 000": a worded numerator before a digit denominator
        tails = _ends(g.lang).ratio_last_tails
        words = any(_word_before_in(text, pos, s_start, g.ratio_in_last, tails) for pos in digit_positions)
    if words:
        for w_start, w_end in g.word_scan.spans(text, s_start, s_end):
            tokens.append((w_start, w_end, None))
        if g.compound_scan is not None:  # "zweiundzwanzig", "dreihundert"
            for c_start, c_end in g.compound_scan.spans(text, s_start, s_end):
                tokens.append((c_start, c_end, None))
        elif cardinal_words(g.lang).compound_words:
            for c in cardinal_scan_re(g.lang).finditer(text, s_start, s_end):
                tokens.append((c.start(), c.end(), None))
        tokens.sort(key=lambda t: t[0])
    if not tokens:
        return []
    drafts: list[Draft] = []
    consumed = s_start
    for start, w_end, m in tokens:
        if start < consumed:
            continue
        if m is None:
            draft, skip_to = _words_draft(text, start, w_end, sent, lang, g)
        else:
            draft, skip_to = _digits_draft(text, m, start, sent, lang, g)
        if draft is not None:
            drafts.append(draft)
            consumed = draft.end
        consumed = max(consumed, skip_to)
    _share_compared_currency(text, drafts, s_start, g)
    return drafts


def _share_compared_currency(text: str, drafts: list[Draft], s_start: int, g: Grammar) -> None:
    """A scaled figure after a comparison word takes the currency of the sum it is
    compared with: "310 milliards d'euros …, contre 300 milliards" (the euros elided)."""
    for i in range(1, len(drafts)):
        prev, d = drafts[i - 1], drafts[i]
        if (d.unit == "dimensionless" and d.second is None and d.first.scale != 1
                and d.role is LEVEL and prev.first.scale != 1 and _is_currency(prev.unit)
                and g.comparison_before_re.search(text, max(s_start, d.start - 40), d.start)):
            d.unit = prev.unit


def _age_word_follows(after: str, g: Grammar) -> bool:
    """ " ans," / " Jahre," right after the figure (``after``: the word there), then a
    comma or the sentence's end."""
    return after[-1:] in (",", ".", ";", ")") and after.rstrip(",.;)") in g.age_range_words


def _age_apposition(text: str, tok_start: int, lo: int) -> bool:
    """", 58," right after a capitalised name ("Gregory Tate, 58, pleaded")."""
    if tok_start - 2 < lo or text[tok_start - 2] != ",":
        return False
    name = _word_before(text, tok_start - 2, lo)
    return name[:1].isupper() and name.isalpha()


def _next_word_in(text: str, pos: int, hi: int, n: int, words: frozenset[str], heads: str) -> bool:
    """Whether one of the next ``n`` whitespace-separated words after ``pos``, casefolded
    and unpunctuated, is in ``words``: a cheap test before a regex that needs one of a
    few words there.  The words are those of ``text[pos:min(hi, pos + 60)].split(None, n)[:n]``,
    walked in place (no slice, no split list: ``str.split`` splits where ``str.isspace``).
    ``heads`` is :func:`_ascii_heads` of ``words``: a word whose first character is ASCII,
    no punctuation ``strip(TOKEN_PUNCT)`` removes, and not among them is passed over without
    its casefold (a method call) and set lookup (hashing a fresh string); exact, see
    :func:`_ascii_heads`."""
    lim: i64 = min(hi, pos + 60)
    i: i64 = pos
    k: i64 = 0
    while k < n:
        while i < lim and _space_at(text, i):
            i += 1
        if i >= lim:
            return False
        ch = text[i]
        ruled_out = ord(ch) < 128 and ch not in heads and ch not in TOKEN_PUNCT
        if ruled_out and k == n - 1:
            return False  # the last word asked about: no need to find its end
        j: i64 = i + 1
        while j < lim and not _space_at(text, j):
            j += 1
        if not ruled_out and text[i:j].strip(TOKEN_PUNCT).casefold() in words:
            return True
        i = j
        k += 1
    return False


def _space_at(text: str, i: i64) -> bool:
    """``text[i].isspace()``, read by code point: the ASCII whitespace of ``str.isspace``
    is exactly U+0009..U+000D, U+001C..U+0020 (no one-character string, no method call);
    other code points ask ``str.isspace``."""
    o: i64 = ord(text[i])
    if o < 128:
        return 9 <= o <= 13 or 28 <= o <= 32
    return text[i].isspace()


def _ascii_tails(phrases: PhraseEnds) -> str:
    """The ASCII characters, in either case, that end a folded word ``phrases`` tests the
    chunk before a position against (see :func:`_may_end_in`)."""
    return _ascii_ends([*phrases.singles.words, *phrases.pairs])


def _ascii_ends(words: Iterable[str]) -> str:
    """The ASCII characters, in either case, that end one of the folded ``words``."""
    return "".join(sorted({c for w in words if w and w[-1].isascii() for c in (w[-1], w[-1].upper())}))


def _ascii_heads(words: Iterable[str]) -> str:
    """The ASCII characters, in either case, that begin one of the folded ``words``.

    Case folding maps an ASCII character to its lower case, one ASCII character, and
    :func:`_fold_word`'s other steps (apostrophes and hyphens made plain, "i" + combining
    dot as "i") change no ASCII character and keep a word's first character first: so a
    word whose first character is ASCII folds to one whose first character is that
    character lower-cased, which must then be in here for the folded word to be (or
    begin with) one of ``words``.  Non-ASCII first characters are left to the full test."""
    return "".join(sorted({c for w in words if w and w[0].isascii() for c in (w[0], w[0].upper())}))


def _denominator(m: regex.Match, g: Grammar) -> Decimal | None:
    index = g.ratio_in_groups.index
    num = m.group(index["num"])
    if num is not None:
        return Decimal("".join(ch for ch in num if ch.isdigit()))
    return g.word_values.get(" ".join(m.group(index["word"]).split()).casefold())


def ratio_in(text: str, pos: int, hi: int, g: Grammar, numerator: Decimal | None) -> regex.Match | None:
    """The second half of a ratio of two figures after ``pos`` ("2 in 3", "one adult in
    five", "un Français sur cinq", "1 in 15,000"), or None.  Not a ratio: a year ("rose
    to 12 in 2021"), a denominator with a unit ("a man in 5 minutes"), one no larger than
    the numerator when a noun stands between ("3 people in 2 cars")."""
    if not _ratio_may_match(text, pos, hi, g):
        return None
    m = g.ratio_in_re.match(text, pos, hi)
    index = g.ratio_in_groups.index
    if m is None or m.group(index["unit"]) is not None:
        return None
    num = m.group(index["num"])
    if num is not None and _is_year_text(num):
        return None  # "12 in 2021": a year
    noun = m.group(index["noun"])
    if noun is not None:
        if _word_before(text, pos, max(0, pos - 20)).casefold() in g.ratio_numerator_not:
            return None  # "A ceasefire brokered in 1061": an article, no numerator
        denom = _denominator(m, g)
        if denom is None or (numerator is not None and denom <= numerator):
            return None
        if len(noun.split()) > 1 and numerator != 1:
            return None  # two words between only after "un"/"one": "un accident mortel sur trois"
        follower = _word_after(text, m.end(), hi).strip(TOKEN_PUNCT).casefold()
        if (follower.isalpha() and follower not in g.function_words
                and follower.endswith(g.plural_endings)):
            return None  # "une conférence sur 3 thèmes": the denominator counts thèmes
    return m


def _ratio_may_match(text: str, pos: int, hi: int, g: Grammar) -> bool:
    """Whether ``g.ratio_in_re`` can match at ``pos`` (a pre-check for its ~40k-instruction
    match).  The pattern reads a gap, up to two noun words (where the language allows a
    noun), the words of a ratio phrase, a gap, then a denominator: digits or a number word.
    Every gap is all ``str.isspace`` and every word holds none, so in the whitespace-split
    chunks after ``pos`` the phrase's words are whole chunks, folded equal to the phrase's
    folded words (see :func:`_fold_word`), right after 0, 1 or 2 chunks, and the chunk after
    them begins with a digit or a character matching a number word's first character
    case-insensitively: an ASCII one is one of ``Ends.ratio_denominator_heads`` (ASCII
    digits and :func:`_ascii_heads` of the folded number words)."""
    if pos >= hi or not text[pos].isspace():
        return False
    ends = _ends(g.lang)
    chunks = text[pos:hi].split(None, 5)  # chunks 0-4 whole: at most 2 nouns + 2 words + 1
    n = len(chunks)
    folded: list[str | None] = [None] * min(n, 5)
    for k in range(ends.ratio_nouns + 1):
        for phrase in ends.ratio_phrases:
            d = k + len(phrase)
            if d >= n or d > 5:
                continue
            same = True
            for j in range(len(phrase)):
                f = folded[k + j]
                if f is None:
                    f = folded[k + j] = _fold_word(chunks[k + j])
                if f != phrase[j]:
                    same = False
                    break
            if same:
                ch = chunks[d][0]
                if ord(ch) >= 128 or ch in ends.ratio_denominator_heads:
                    return True
    return False


def _ratio_word_within(text: str, pos: int, hi: int, g: Grammar) -> bool:
    """Whether one of the next three words is the first word of a ratio's "in"/"sur": the
    pattern reads at most two nouns before it, and whole words between gaps (an exact
    pre-check: unlike :func:`_next_word_in`, no window cuts a long noun).  The words are
    those of ``text[pos:hi].split(None, 3)[:3]``, walked in place (no slice of the rest of
    the sentence, no split list); one whose first character is ASCII and not among
    ``Ends.ratio_first_heads`` is passed over unfolded (exact: see :func:`_ascii_heads`)."""
    ends = _ends(g.lang)
    first = ends.ratio_first
    heads = ends.ratio_first_heads
    i: i64 = pos
    end: i64 = hi
    for k in range(3):
        while i < end and _space_at(text, i):
            i += 1
        if i >= end:
            return False
        ch = text[i]
        ruled_out = ord(ch) < 128 and ch not in heads
        if ruled_out and k == 2:
            return False
        j: i64 = i + 1
        while j < end and not _space_at(text, j):
            j += 1
        if not ruled_out and _fold_word(text[i:j]) in first:
            return True
        i = j
    return False


def _may_be_age(text: str, end: int, first_end: int, hi: int, g: Grammar) -> bool:
    """Whether an age word can follow ("63 Jahre alt", "20-year-old")."""
    n = len(text)
    if (end < n and text[end] == "-") or (first_end < n and text[first_end] == "-"):
        return True  # a character read where a one-character slice was compared
    heads = _ends(g.lang).age_heads
    if end == first_end:  # the next word is among the next two
        return _next_word_in(text, first_end, hi, 2, g.age_first, heads)
    return (_next_word_in(text, end, hi, 1, g.age_first, heads)
            or _next_word_in(text, first_end, hi, 2, g.age_first, heads))


def _word_before(text: str, pos: int, lo: int) -> str:
    """The whitespace-separated word ending just before ``pos`` (skipping spaces)."""
    floor: i64 = max(lo, pos - MAX_TOKEN_WALK)
    i: i64 = pos
    while i > floor and _gap_at(text, i - 1):
        i -= 1
    j: i64 = i
    while j > floor and not _space_at(text, j - 1):
        j -= 1
    return text[j:i]


def _gap_at(text: str, i: i64) -> bool:
    """``text[i] in " \u00a0\u202f\t"``, by code point (no one-character string)."""
    o: i64 = ord(text[i])
    return o == 32 or o == 9 or o == 0xA0 or o == 0x202F


def _word_before_in(text: str, pos: int, lo: int, words: frozenset[str], tails: str) -> bool:
    """``_word_before(text, pos, lo).casefold() in words``, ``tails`` being
    :func:`_ascii_ends` of ``words``: where the word would end in an ASCII character (not
    a space) that ends none of them, False without reading the word, folding it and
    looking it up.  Exact: a word ending in an ASCII character casefolds to one ending in
    that character lower-cased (case folding is done character by character)."""
    floor = max(lo, pos - MAX_TOKEN_WALK)
    i = pos
    while i > floor and text[i - 1] in " \u00a0\u202f\t":
        i -= 1
    if i > floor:
        ch = text[i - 1]
        if ord(ch) < 128 and not ch.isspace() and ch not in tails:
            return False
    return _word_before(text, pos, lo).casefold() in words


def _word_after(text: str, pos: int, hi: int) -> str:
    """The whitespace-separated word starting after ``pos`` (skipping spaces)."""
    ceil: i64 = min(hi, pos + MAX_TOKEN_WALK)
    i: i64 = pos
    while i < ceil and _gap_at(text, i):
        i += 1
    j: i64 = i
    while j < ceil and not _space_at(text, j):
        j += 1
    return text[i:j]


NAMED_DATE_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th", "er", "e"})
"""``date_at_re``'s named-date suffixes after the day ("9th", "1er"), folded."""


@cache
def _named_date_leads() -> frozenset[str] | None:
    """The letters that open a month name of ``date_at_re`` (up to its first non-letter:
    "janv" of "janv."), and "of", where ASCII; None when a name holds a non-ASCII character
    that ``regex`` (case-insensitive) matches for an ASCII one ("ſ" for "s"): no ASCII
    test would then be exact."""
    leads = {"of"}
    for name in month_names():
        if any(not ch.isascii() and regex.fullmatch(regex.escape(ch), chr(c), regex.IGNORECASE)
               for ch in name for c in range(128)):
            return None
        i = 0
        while i < len(name) and name[i].isalpha():
            i += 1
        if name[:i].isascii():
            leads.add(name[:i])
    return frozenset(leads)


_NAMED_DATE_LEADS: Final[dict[int, frozenset[str] | None]] = {}
""":func:`_named_date_leads` under key 0, once read: a plain dict read from compiled code
instead of a ``functools.cache`` wrapper's Python call per figure."""


def _may_be_named_date(nxt: str, after: str) -> bool:
    """Whether ``date_at_re`` can match at a figure of one or two digits followed by
    ``nxt`` (a space or a letter; not "." "/" "-", so only its day + month-name branch
    can), ``after`` being :func:`_word_after` the digits.
    Exact as a pre-check. After a space ("9 July") no suffix can stand, the gap ``SP``
    takes every space (all ``str.isspace``), and "of" or a month name must begin at the
    first other character: ``after``'s first, when ``after`` is not empty (empty: a line
    break or the walk's end, the pattern decides). A month name (case-insensitive) is
    followed by a non-letter, so the letters opening ``after`` are those opening the name
    whole; in ASCII they are one of :func:`_named_date_leads` lower-cased ("of" too).
    After a letter ("9th July") a suffix must be followed by a space, so ``after`` (which
    runs to the first ``str.isspace`` character) is that suffix whole: its casefold is one
    of the suffixes (every character ``regex`` matches case-insensitively for one of their
    letters folds to it)."""
    if nxt in " \u00a0\u202f":
        if not after:
            return True
        if 0 not in _NAMED_DATE_LEADS:
            _NAMED_DATE_LEADS[0] = _named_date_leads()
        leads = _NAMED_DATE_LEADS[0]
        if leads is None:
            return True
        # the letters opening ``after``, compared by code point (no ``isalpha`` method call
        # per character): an ASCII character is a letter exactly when in A-Z or a-z; at the
        # first other character, a non-ASCII letter would make the lead non-ASCII
        i = 0
        n = len(after)
        while i < n:
            o = ord(after[i])
            if not (97 <= o <= 122 or 65 <= o <= 90):
                if o >= 128 and after[i].isalpha():
                    return True  # a non-ASCII letter in the lead
                break
            i += 1
        return after[:i].lower() in leads
    if nxt.isalpha():
        return after.casefold() in NAMED_DATE_SUFFIXES
    return True


def _may_be_date_at(raw: str, nxt: str, after: str) -> bool:
    """Whether ``date_at_re`` can match at the figure ``raw`` followed by ``nxt``.
    Exact as a pre-check where ``raw`` is ASCII digits and ``nxt`` no digit (else True):
    its ISO branch needs a four-digit year and "-"; its other branches a day of one or two
    digits, which must then be the whole figure, followed by "." or "/" (numeric), or a
    suffix letter or a space (named: :func:`_may_be_named_date`). At a sentence's end
    (``nxt`` empty) nothing follows, and three or five digits fit no branch."""
    if not (raw.isascii() and raw.isdigit()) or nxt.isdigit():
        return True
    if len(raw) == 4:
        return nxt == "-"
    if len(raw) > 2:
        return False
    if nxt == "." or nxt == "/":
        return True
    if nxt.isspace() or nxt.isalpha():
        return _may_be_named_date(nxt, after)
    return False


def _not_a_claim(
    text: str, tok_start: int, num_start: int, num_end: int, raw: str, sign: str,
    sent: tuple[int, int], g: Grammar, before: str, after: str
) -> int | None:
    """If the token is a date, time, phone number, id or ordinal: where to resume.

    The token (``number_re``'s match) starts at ``tok_start``, its digits ``raw`` span
    ``num_start:num_end``, ``sign`` is its sign or "" (see :func:`_digits_draft`).
    ``before``/``after`` are the words before the token and after its digits
    (:func:`_word_before`, :func:`_word_after`: read once per figure).
    Cheap character tests guard every regex, so a plain figure costs a few comparisons.
    """
    s_start, s_end = sent
    nxt = text[num_end] if num_end < s_end else ""
    prev = text[tok_start - 1] if tok_start > s_start else ""
    small = raw.isdigit() and len(raw) <= 2
    if (nxt and nxt in ZERO_WIDTH) or (prev and prev in ZERO_WIDTH):
        glued = GLUED_RUN_RE.match(text, num_start, s_end)  # "3\u200b000": a broken figure
        return glued.end() if glued else num_end
    if len(raw) > MAX_DIGITS and sum(ch.isdigit() for ch in raw) > MAX_DIGITS:
        return num_end  # no figure has that many digits: an id, a hash, noise
    if prev not in " (\u00a0\u202f\n\t\"'„“«" and _in_url(text, num_start, num_end):
        return num_end
    if sign == "+" or prev == "(" or (raw[0] == "0" and len(raw) > 2) or (
            len(raw) == 3 and nxt in "-." and raw.isdigit()):
        ph = PHONE_AT_RE.match(text, tok_start if prev != "(" else tok_start - 1, s_end)
        if ph and sum(c.isdigit() for c in ph.group()) >= 8:
            return ph.end()
    if ((nxt in "./-" and (small or len(raw) == 4 or "." in raw)) or (
        small and nxt in " \u00a0\u202fs nrte"
    )) and _may_be_date_at(raw, nxt, after):
        d = date_at_re().match(text, num_start, s_end)
        if d and not (prev in CURRENCY_PREFIX_CHARS or (
            d.group(date_at_groups()["num"]) and not d.group(date_at_groups()["y2"])
            and not g.lex.ordinal_period
        )):
            return d.end()
    if small and 1 <= int(raw) <= 31:
        month = before.rstrip(".")
        if month and _folded_in(month, month_names(), _ends(g.lang).month_heads):
            tail = day_after_month_re().match(text, num_end, s_end)
            end = tail.end() if tail else num_end
            more = g.date_continuation_re.match(text, end, s_end)  # "Dec. 10 to 12"
            return more.end() if more else end
    if nxt in ":h":
        c = CLOCK_RE.match(text, num_start, s_end)
        if c and c.end() > num_end:
            return c.end()
        if nxt == ":" and num_end + 1 < s_end and text[num_end + 1].isdigit():
            return num_end + 2
    if prev == ":" and tok_start - 2 >= s_start and text[tok_start - 2].isdigit():
        return num_end
    if len(raw) <= 5 and (small or raw[:2].isdigit() or raw[1:2] in (".", ":")):  # 14.30, 2.30
        after_time = after.rstrip(",;")
        if (_folded_in(after_time, g.time_words, _ends(g.lang).time_heads) or nxt in ".:"
                or after_time[:1] in ("a", "p", "U", "h")):
            t = _time_after(text, num_end, s_end, g)
            if t and ((raw.isdigit() and int(raw) <= 24) or len(raw) <= 5):
                return t.end()
    if nxt == "/" and num_end + 1 < s_end and text[num_end + 1].isdigit():
        tail = g.list_after_id_re.match(text, num_end, s_end)
        return tail.end() if tail else num_end + 1  # "17/3500", "13/11": ids and dates
    bare = _strip_elision(before.strip(TOKEN_PUNCT))
    if before[-1:] in ",;:)":
        bare = ""  # "According to the ONS, 68% of households": punctuation ends the name
    dotted = bare + "." if before.endswith(".") else ""  # "No.", "Nr.", "p.": listed with their dot
    id_heads = _ends(g.lang).id_heads
    if bare and (bare in g.id_words or _folded_in(bare, g.id_words, id_heads) or (
        dotted in g.id_words or _folded_in(dotted, g.id_words, id_heads)) or (
        _is_code_word(bare) and _canonical(bare, g.lang) is None
    )):
        tail = g.list_after_id_re.match(text, num_end, s_end)  # "Anschlussstellen 38 und 40"
        return tail.end() if tail else num_end
    if (prev == " " and raw.isdigit() and len(raw) <= 3 and (nxt == "," or _age_word_follows(
            after, g)) and _age_apposition(text, tok_start, s_start)):
        # "Gregory Tate, 58, pleaded", "Vincent Arnaud, 52 ans, a été": an age in apposition
        if nxt == ",":
            return num_end
        return text.find(after, num_end) + len(after.rstrip(",.;)")) if after else num_end
    age_lo = max(s_start, tok_start - 30)
    if (_may_end_in(text, tok_start, age_lo, _ends(g.lang).age_before_tails)
            and _ends(g.lang).age_before_phrases.may_end(text, tok_start, age_lo)
            and g.age_before_re.match(text, age_lo, tok_start)):
        tail = g.list_after_id_re.match(text, num_end, s_end)  # "aged 16 to 19"
        return tail.end() if tail else num_end
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        return num_end  # "030", "0800": codes, not figures
    if raw in g.named_numbers:
        return num_end  # "le 49.3": a constitutional article, by name
    if g.lex.ordinal_period and nxt == "." and raw.isdigit() and len(raw) <= 3:
        after = text[num_end + 1:num_end + 3]
        if after[:1].isspace() and after[1:2].islower():
            return num_end + 1
        word = _word_after(text, num_end + 1, len(text)).strip(TOKEN_PUNCT)
        if before.casefold() in g.change_links:
            return None  # "stieg auf 12. Unter den Opfern …": a level, then a new sentence
        if word[:1].isupper() and word.casefold() not in g.function_words and int(raw) < 100:
            return num_end + 1  # "in 1. Lesung", "der 2. Weltkrieg"; "… stieg auf 12. Die …" stays
        if before.casefold().lstrip("(") in g.ordinal_words or prev == "(":
            return num_end + 1
    return None


def _digits_draft(
    text: str, m: regex.Match, tok_start: int, sent: tuple[int, int], lang: str, g: Grammar
) -> tuple[Draft | None, int]:
    """``tok_start``: ``m.start()``, read by the caller."""
    # One span call instead of a Match method call per group and bound (~200 instructions
    # each): ``number_re`` is its lookbehinds, an optional one-character sign group, then
    # the digits group, which ends the match; so the match starts at the sign, or at the
    # digits when there is none, and the sign is the text between.
    num_start, num_end = m.span(NUMBER_DIGITS)
    raw = text[num_start:num_end]
    sign = text[tok_start:num_start]
    before = _word_before(text, tok_start, sent[0])
    after = _word_after(text, num_end, sent[1])
    skip = _not_a_claim(text, tok_start, num_start, num_end, raw, sign, sent, g, before, after)
    if skip is not None:
        return None, skip
    readings = readings_of(raw)
    if not readings:
        # "2014 200" (two figures joined by a space) or "1,2,3" (a list): retry the head
        return None, num_end if not _space_split(raw) else num_start + _space_split(raw)
    first = Figure(tok_start, num_end, raw, sign, readings)
    return _assemble(text, first, sent, lang, g, num_start, before, after)


def _space_split(raw: str) -> int:
    """Where the first space-joined part ends, so the rest is read on its own."""
    for i, ch in enumerate(raw):
        if ch in " \u00a0\u202f\u2009":
            return i
    return 0


CARDINAL_HYPHENS: Final = "-\u2010\u2011"


def _may_continue(text: str, pos: int, hi: int, lang: str, after: str) -> bool:
    """Whether a number word ending at ``pos`` can go on as a compound ("dix-huit",
    "Deux cents", "twenty one"): a cheap test before :func:`cardinal_at`.  ``after`` is
    the word after ``pos`` (:func:`_word_after`)."""
    if pos >= hi:
        return False
    if text[pos] in CARDINAL_HYPHENS:
        return True
    word = after.strip(TOKEN_PUNCT)
    if word and ord(word[0]) < 128 and word[0] not in _ends(lang).piece_heads:
        return False  # exact: see _ascii_heads
    return word.casefold() in cardinal_words(lang).pieces


def _scale_may_follow(after: str, g: Grammar) -> bool:
    """Whether ``g.scale_after_re`` can match before ``after``, the word after a number
    word: the word must begin with the first word of a scale word ("a million", "un
    milliard").  An empty word (a line break follows) leaves it to the pattern."""
    if not after:
        return True
    ends = _ends(g.lang)
    if ord(after[0]) < 128 and after[0] not in ends.scale_heads:
        return False  # exact: see _ascii_heads (no scale word's first word is empty)
    return _fold_word(after).startswith(ends.scale_first)


def _words_draft(
    text: str, w_start: int, w_end: int, sent: tuple[int, int], lang: str, g: Grammar
) -> tuple[Draft | None, int]:
    _, s_end = sent
    w_text = text[w_start:w_end]
    key = " ".join(w_text.split()).casefold()
    value = g.word_values.get(key)
    kind = g.word_kinds.get(key)
    after = _word_after(text, w_end, s_end) if kind == "word" or kind == "unit" else ""
    if kind is None or ((kind == "word" or kind == "unit")
                        and _may_continue(text, w_end, s_end, lang, after)):
        # a compound cardinal: "Deux cents", "vingt et un", "dix-huit", "zweiundzwanzig"
        card = cardinal_at(text, w_start, s_end, lang)
        if card is not None and (kind is None or card[0] > w_end):
            w_end, value = card
            kind = "word"
            w_text = text[w_start:w_end]
        elif card is None and kind == "word" and key in cardinal_words(lang).atoms:
            return None, w_end  # "trois-quatre jours", "twenty-first": not a cardinal
    if value is None or kind is None:
        return None, w_end
    spaced = w_end < s_end and text[w_end].isspace()  # both patterns below start with a gap
    # a "unit" word was never extended, so ``after`` is still the word after it
    if kind == "unit" and not (spaced and _scale_may_follow(after, g)
                               and g.scale_after_re.match(text, w_end, s_end)):
        if not _ratio_word_within(text, w_end, s_end, g) or (
            ratio_in(text, w_end, s_end, g, value) is None
        ):
            return None, w_end  # "a", "ein", "un" count only before a scale word
        kind = "word"  # "One in eight ballots", "un Français sur cinq"
    if kind == "word" and not (spaced and WORD_FOLLOWS_RE.match(text, w_end, s_end)):
        return None, w_end  # "three people", "zwei Millionen"; not a bare "sept."
    if kind in ("word", "approx") and _time_after(text, w_end, s_end, g):
        return None, w_end  # "um zwei Uhr", "at three o'clock": a clock time
    fig = Figure(w_start, w_end, w_text, word_value=value)
    if kind == "fraction":
        of = (g.ratio_of_re.match(text, w_end, s_end)
              if _gap_then_word(text, w_end, s_end, _ends(g.lang).ratio_of_first) else None)
        if not of:
            return None, w_end
        left = _left(text, w_start, sent, g)
        L = _left_groups(left, g)
        start = _left_start(left, L, w_start, g, opener=False)
        draft = Draft(start, of.end(), lang, sent, fig, role=RATIO)  # "ein Drittel der"
        _apply_qualifier(draft, L, None, g)
        return draft, of.end()
    if kind == "multiple":
        end = w_end
        obj = g.multiple_object_re.match(text, end, s_end)
        if obj:
            end = obj.end()  # "twice as many", "doppelt so viele"
        left = _left(text, w_start, sent, g)
        L = _left_groups(left, g)
        draft = Draft(_left_start(left, L, w_start, g, opener=False), end, lang, sent, fig,
                      role=RATIO)
        _apply_qualifier(draft, L, None, g)
        return draft, end
    found, skip = _assemble(text, fig, sent, lang, g, w_start)
    if found is not None and kind == "approx":
        if found.qualifier is EXACT or found.qualifier is APPROX:
            found.qualifier = APPROX
            found.extra["approx_noun"] = True  # "une dizaine": ±20 %
    return found, skip


def _left(text: str, pos: int, sent: tuple[int, int], g: Grammar) -> PartsMatch | None:
    """The left context before ``pos`` (``g.left_re``'s match), or None when it is empty:
    read part by part, each part only where the text ends in one of its phrases' last
    words (see :mod:`claimcheck.context`)."""
    return _ends(g.lang).left_reader.match(text, max(sent[0], pos - MAX_LEFT), pos)


def _left_groups(left: PartsMatch | None, g: Grammar) -> dict:
    """The left context's groups; all None when it is empty (no group matches empty)."""
    return left.read(g.left_groups.pairs) if left is not None else g.left_groups.empty


def _left_start(left: PartsMatch | None, L: dict, pos: int, g: Grammar, *, opener: bool = True) -> int:
    """Where the claim's text begins: its qualifier, range opener or currency sign
    (``LEFT_TEXT_GROUPS``, one by one: no tuple iterated).  An empty left context has all
    its groups None (:func:`_left_groups`): the figure's start."""
    if left is None:
        return pos
    index = g.left_groups.index
    if L.get("qual") is not None:
        pos = min(pos, left.start(index["qual"]))
    if opener and L.get("opener") is not None:
        pos = min(pos, left.start(index["opener"]))
    if L.get("cur") is not None:
        pos = min(pos, left.start(index["cur"]))
    return pos


def _assemble(
    text: str, first: Figure, sent: tuple[int, int], lang: str, g: Grammar, num_start: int,
    before: str | None = None, after: str | None = None,
) -> tuple[Draft | None, int]:
    """``before``/``after``: the words before and after ``first`` when the caller has read
    them already."""
    s_start, s_end = sent
    fig_start = first.start
    if before is None:
        before = _word_before(text, fig_start, s_start)
    left = _left(text, first.start, sent, g)
    L = _left_groups(left, g)
    if left is not None and L["qual"] is not None and _topic_preposition(text, left, L, s_start, g):
        L = {**L, "qual": None}  # "a play about three sisters": what it is about, not roughly
    if (left is not None and L["verb"] is not None and g.phrasal_particles
            and L["verb"].casefold() in g.phrasal_particles
            and _word_before(text, left.start(), s_start).strip(TOKEN_PUNCT).casefold()
            in g.phrasal_before):
        L = {**L, "verb": None}  # "shot down 23 drones", "made up 40%": no change
    opener = L["opener"]
    opener_folded = " ".join(opener.split()).casefold() if opener else None
    between = opener_folded is not None and opener_folded not in g.from_words
    r = _ends(lang).right_reader.match(text, first.end, s_end, between)
    R: dict = r.read(g.right_groups.pairs) if r is not None else g.right_groups.empty
    cur = L["cur"]
    l_verb = L["verb"]  # each group read once (a dict lookup each)
    l_by = L["by"]
    r_unit = R["unit"]
    r_conn = R["conn"]
    cur_unit = _canonical(cur, lang) if cur else None

    # --- the head: scale and unit of the first figure -------------------------------
    unit_surface = r_unit
    unit1 = _canonical(unit_surface, lang)
    has_money = _is_currency(cur_unit) or _is_currency(unit1)
    head_end = first.end
    r_scale = R["scale"]
    if r_scale:
        first.scale = scale_factor(r_scale.strip(), lang)
        head_end = _end(r, g, "scale")
        half = g.half_after_scale_re.match(text, head_end, s_end) if g.lex.half_after_scale else None
        if half is not None and not r_unit:
            first.half = True  # "un milliard et demi d'euros": 1.5 milliards
            unit_surface, unit1, head_end = _unit_at(text, half.end(), s_end, lang, g)
            if unit_surface is None:
                head_end = half.end()
            has_money = has_money or _is_currency(unit1)
    elif r_lscale := R["lscale"]:
        if has_money:
            first.scale = scale_factor(r_lscale.strip(), lang)
            head_end = _end(r, g, "lscale")
        else:
            # "100m" without money is metres, not millions: read the unit again
            unit_surface, unit1, head_end = _unit_at(text, first.end, s_end, lang, g)
            if unit_surface is None and r_lscale.strip() in LETTER_SCALES_WITHOUT_MONEY:
                first.scale = scale_factor(r_lscale.strip(), lang)  # "250k views"
                head_end = _end(r, g, "lscale")
            elif (unit_surface is not None and unit_surface == r_lscale.strip()
                  and _counted_word_at(text, head_end, s_end, lang)):
                # "2m passengers": metres cannot count passengers; millions of them
                first.scale = scale_factor(unit_surface, lang)
                unit_surface = unit1 = None
    bare_points = bool(unit1 == "percentage_point" and unit_surface
                       and " ".join(unit_surface.split()).casefold() in g.bare_points)
    if bare_points and not _percent_context(text[s_start:s_end], g):
        unit_surface = unit1 = None  # "17 points" in a rugby report: points scored, a count
    if unit_surface and unit1 and r_unit == unit_surface and not first.half:
        head_end = _end(r, g, "unit")
    unit1_valid = unit1 if unit_surface else None

    # --- a range? ----------------------------------------------------------------------
    second: Figure | None = None
    old_level = False
    end = head_end
    range_ok = r_conn is not None and (R["num2"] or R["word2"])
    if range_ok and unit_surface and not unit1_valid:
        range_ok = False
    if range_ok:
        conn = " ".join(r_conn.split()).casefold()
        from_open = opener_folded in g.from_words  # then ``left`` holds the opener
        if (from_open and left is not None and (l_verb is not None or _verb_near(
            text, left.start(), left.start(), (s_start, left.start()), g
        ) is not None)) or _after_movement_verb(text, first.start, s_start, g):
            range_ok = False  # "fell from 5.2% to 4.5%", "est passé de 7,1 % à 7,4 %"
            old_level = True
            if not unit1_valid and not cur_unit and first.scale == 1:
                assert r is not None  # R["conn"] came from it
                nxt, _, unit2 = _second_figure(text, r, lang, g, has_money or bool(R["cur2"]))
                if nxt is not None and (unit2 or nxt.scale != 1):  # "from 3 to 4 million"
                    unit1_valid = unit2
                    first.scale = nxt.scale
                    has_money = has_money or _is_currency(unit2)
        elif (l_verb is not None or l_by is not None) and conn in g.connectors_to and not (
            l_by is not None and g.lex.by_range
        ):
            range_ok = False  # "rose 5% to 6%", "rose by 14% to €46": a change, then a level
    elif (not unit1_valid and not cur_unit and first.scale == 1 and opener_folded in g.from_words
          and not first.is_words):
        unit1_valid, scale = _new_level_unit(text, head_end, s_end, lang, g)
        if scale is not None:
            first.scale = scale  # "stieg von 5,2 auf 5,4 Prozent", "von 48 auf 31 Mio. Euro"
            has_money = _is_currency(unit1_valid)
    elif not unit1_valid and not cur_unit and l_by is not None:
        new_unit, _ = _new_level_unit(text, head_end, s_end, lang, g)
        if _is_currency(new_unit):
            unit1_valid = new_unit  # "sanken um 18 Millionen auf 61,4 Millionen Euro": EUR
            has_money = True
    if range_ok:
        assert r is not None  # R["conn"] came from it
        second, end2, unit2 = _second_figure(text, r, lang, g, has_money or bool(R["cur2"]))
        if second is None:
            range_ok = False
        elif (not second.is_words and _is_year_text(second.raw) and not unit2
              and second.scale == 1 and not _is_year_text(first.raw)):
            range_ok = False  # "Fr. 1'234.5 Mio. bis 2030": until a year
        elif (not first.is_words and _is_year_text(first.raw) and not unit1_valid and not cur_unit
              and first.scale == 1 and unit2 and not (_is_year_text(second.raw) and not second.is_words)):
            range_ok = False  # "de 7,1 % en 2023 à 7,4 %": a year, then the new level
        elif unit1_valid and unit2 and unit1_valid != unit2:
            range_ok = False
        else:
            unit1_valid = unit1_valid or unit2
            end = end2
    if (range_ok and second is not None and not unit1_valid and not cur_unit
            and r_conn is not None and r_conn.strip() in "-\u2013"
            and first.raw.isdigit() and second.raw.isdigit()
            and len(first.raw) <= 3 and len(second.raw) <= 3
            and int(second.raw) <= int(first.raw)):
        return None, end  # "won 2-1", "voted 7-2", "1-1": scores and votes, not ranges
    if (range_ok and second is not None and not unit1_valid and not cur_unit
            and before.strip(TOKEN_PUNCT).casefold() in g.tally_before):
        return None, end  # "voted nine to two": a tally of votes for and against, not a range
    if (range_ok and second is not None and not unit1_valid and not cur_unit
            and opener is None and r_conn is not None and r_conn.strip() not in "-\u2013"
            and first.scale == 1 and second.scale == 1
            and first.raw.isdigit() and second.raw.isdigit()
            and len(first.raw) <= 3 and len(second.raw) <= 3
            and int(second.raw) < int(first.raw)):
        return None, end  # "beat Arsenal 2 to 1", "a battu Lyon 3 à 1", "passed 51 to 49"
    if range_ok and second is not None:
        if first.is_words is False and second.is_words is False:
            if _is_year_text(first.raw) and not unit1_valid and (
                _is_year_text(second.raw) or (len(second.raw) == 2 and second.raw.isdigit())
            ):
                return None, end  # "2014-2015", "von 2020 bis 2022", "2022-23"
    else:
        second = None
        end = head_end
        if _is_year(first, unit1_valid, cur_unit, L):
            return None, first.end
    unit = unit1_valid or cur_unit or "dimensionless"
    if cur_unit and unit1_valid and unit1_valid != cur_unit and _is_currency(unit1_valid):
        unit = cur_unit
    if unit not in RATE_NUMERATOR_NOT:
        rate = _rate_after(text, end, s_end, lang, g)
        if rate is not None:
            denominator, end = rate
            unit = f"{unit} / {denominator}"  # "10,85 Euro je Quadratmeter": EUR / square_meter

    # --- qualifier after, multiples -------------------------------------------------------
    qa = R["qafter"]
    role = LEVEL
    if second is None and (
        _folded_in((after if after is not None and end == first.end else _word_after(text, end, s_end))[:4],
                   g.multiple_stems, _ends(g.lang).multiple_heads) or text[end:end + 1] == "-"
    ):
        mult = g.multiple_after_re.match(text, end, s_end)
        if mult:
            end = mult.end()
            if " ".join(mult.group().split()).casefold() in g.multiple_inverse:
                first.inverse = True  # "2,5 fois moins de manifestants": 0.4
            obj = g.multiple_object_re.match(text, end, s_end)
            if obj:
                end = obj.end()
            role = RATIO
    if qa is not None and second is None and _end(r, g, "qafter") > end:
        end = _end(r, g, "qafter")
    else:
        qa = None
    if _glued_right(text, end, s_end):
        return None, end
    if unit in TIME_UNITS and (
        (_gap_then_word(text, end, s_end, _ends(g.lang).relative_after_first)
         and g.relative_after_re.match(text, end, s_end))
        or (_may_end_at(text, first.start, max(s_start, first.start - 20),
                        _ends(g.lang).relative_before)
            and g.relative_before_re.match(text, max(s_start, first.start - 20), first.start))
    ):
        return None, end  # "ten years ago", "il y a dix ans", "vor zehn Jahren"
    ratio_of_two = None
    extra_subject_end: int | None = None
    if second is None and role is not RATIO and unit == "dimensionless" and first.scale == 1:
        if _next_word_in(text, end, s_end, 3, g.ratio_in_first, _ends(g.lang).ratio_in_heads):
            numerator = first.word_value
            if numerator is None and first.raw.isdigit():
                numerator = Decimal(first.raw)
            ratio_of_two = ratio_in(text, end, s_end, g, numerator)  # "2 in 3 voters"
    if (_may_be_age(text, end, first.end, s_end, g) and (
        g.age_after_re.match(text, end, s_end) or g.age_after_re.match(text, first.end, s_end)
    )) or (
        second is not None and (g.age_after_range_re.match(text, end, s_end)
                                or g.age_after_range_re.match(text, second.end, s_end))
    ):
        return None, end  # "63 Jahre alt", "15-64 ans"
    if second is not None and not unit1_valid and _time_after(text, end, s_end, g):
        return None, end  # "8 bis 20 Uhr"

    if second is not None:
        start = _left_start(left, L, first.start, g)
    else:
        start = _left_start(left, L, first.start, g, opener=False)
    if ratio_of_two is not None:
        denom = _denominator(ratio_of_two, g)
        if denom:
            first.ratio_denominator = denom
            if ratio_of_two.group(g.ratio_in_groups.index["noun"]) is not None:
                extra_subject_end = first.end  # "un Français sur cinq": what is counted is inside
            end = ratio_of_two.end()
            role = RATIO
    minus = before
    if _folded_in(minus, g.minus_words, _ends(g.lang).minus_heads) and not first.sign and L["qual"] is None:
        first.sign = "-"  # "minus 3 Grad"
        first.start = text.rfind(minus, s_start, first.start)
    draft = Draft(start, end, lang, sent, first, second, unit=unit, role=role)
    if extra_subject_end is not None:
        draft.extra["subject_end"] = extra_subject_end
    if first.sign == "-" and start > first.start:
        draft.start = first.start
    if second is not None:
        draft.qualifier = RANGE
        if second.scale != 1 and first.scale == 1 and not first.is_words:
            draft.extra["scale_from_second"] = second.scale
    else:
        _apply_qualifier(draft, L, R if qa else None, g)
        qual = L["qual"]
        if qual and unit in TIME_UNITS and " ".join(qual.split()).casefold() in (
            g.not_qualifier_before_time
        ):
            draft.qualifier = EXACT  # "over five years": during, not more than
            draft.start = first.start
    if (second is None and l_verb is not None and opener_folded in g.from_words
            and " ".join(l_verb.split()).casefold() not in g.increase_nouns | g.decrease_nouns):
        old_level = True  # "£99.1bn, down from £127.8bn": the old level
    if role is not RATIO and not old_level:
        draft.role = _role(text, L, draft, g, s_end, first.sign,
                           before if draft.start == fig_start else None)
    if bare_points and draft.unit == "percentage_point" and draft.role is LEVEL:
        draft.unit = "dimensionless"  # "à 7 812,45 points": index points; a level is never in pp
    return draft, end


def _percent_context(sentence: str, g: Grammar) -> bool:
    """Whether a sentence speaks of a rate or a share (rules/lang ``percent_context``):
    single words as words ("part", not "partie"), phrases and signs as written."""
    folded = sentence.casefold()
    words = {w.strip(TOKEN_PUNCT) for w in folded.replace("\u2019", "'").split()}
    return bool(words & g.percent_context_words) or any(p in folded for p in g.percent_context_phrases)


RATE_NUMERATOR_NOT: Final = frozenset({"dimensionless", "percent", "percentage_point"})
"""Units that never start a rate here: "3 a day" counts, "2 % a year" is a growth rate
whose "a year" the period reader takes."""
RATE_DENOMINATOR_NOT: Final = frozenset({"dimensionless", "percent", "percentage_point"})


def _rate_after(text: str, end: int, s_end: int, lang: str, g: Grammar) -> tuple[str, int] | None:
    """(canonical denominator, end) when "per/a/je/pro/par/le <unit>" follows ``end``."""
    word = _word_after(text, end, s_end)
    if word and ord(word[0]) < 128 and word[0] not in _ends(g.lang).rate_heads:
        return None  # exact: see _ascii_heads (the elided heads are folded and non-empty too)
    word = word.casefold()
    if word not in g.rate_first and not word.replace("\u2019", "'").startswith(g.rate_elided):
        return None
    m = g.rate_re.match(text, end, s_end)
    if m is None:
        return None
    denominator = _canonical(m.group(g.rate_groups.index["den"]), lang)
    if denominator is None or denominator in RATE_DENOMINATOR_NOT:
        return None
    if denominator in TIME_UNITS and g.rate_not_after_re.match(text, m.end(), s_end):
        return None  # "a year ago", "l'an dernier": when, not per what
    return denominator, m.end()


def _counted_word_at(text: str, pos: int, end: int, lang: str) -> bool:
    """Whether the word after ``pos`` (past spaces) names something counted in
    rules/concepts.yaml ("passengers", "people", "jobs"): what a length cannot measure."""
    from .subjects import all_concepts

    i = pos
    while i < end and text[i] in " \u00a0\u202f":
        i += 1
    if i == pos:
        return False
    j = i
    while j < end and text[j].isalpha():
        j += 1
    word = text[i:j]
    return bool(word) and word.islower() and (lang, word) in all_concepts().by_surface


def _unit_at(text: str, pos: int, end: int, lang: str, g: Grammar) -> tuple[str | None, str | None, int]:
    m = _unit_only_re(g).match(text, pos, end)
    if not m:
        return None, None, pos
    surface = m.group()  # the pattern is its one group, "unit"
    return surface, _canonical(surface, lang), m.end()


_UNIT_ONLY: dict[str, regex.Pattern] = {}


def _unit_only_re(g: Grammar) -> regex.Pattern:
    pat = _UNIT_ONLY.get(g.lang)
    if pat is None:
        from .grammar import SP

        pat = regex.compile(rf"(?P<unit>(?:{SP})?(?:{units.unit_after_pattern(g.lang)}))")
        _UNIT_ONLY[g.lang] = pat
    return pat


def _new_level_unit(
    text: str, pos: int, hi: int, lang: str, g: Grammar
) -> tuple[str | None, Decimal | None]:
    """(unit, scale) of the new level after "auf"/… when the old one has neither:
    "von 5,2 auf 5,4 Prozent" → percent; (None, None) when no new level follows."""
    if not _gap_then_word(text, pos, hi, _ends(g.lang).movement_to_first):
        return None, None
    to = g.movement_to_re.match(text, pos, hi)
    if to is None:
        return None, None
    num = g.number_re.match(text, to.end(), hi)
    if num is None:
        return None, None
    r2 = g.right_re.match(text, num.end(), hi)
    if r2 is None:
        return None, None
    R2 = g.right_groups.read(r2)
    unit = _canonical(R2["unit"], lang) if R2["unit"] else None
    scale = Decimal(1)
    if R2["scale"]:
        scale = scale_factor(R2["scale"].strip(), lang)
    elif R2["lscale"] and _is_currency(unit):
        scale = scale_factor(R2["lscale"].strip(), lang)
    if unit is None and scale == 1:
        return None, None
    return unit, scale


def _after_movement_verb(text: str, pos: int, s_start: int, g: Grammar) -> bool:
    """Whether the figure at ``pos`` follows a movement verb and its opener ("est passé
    de 7,1 %"): then "à 7,4 %" is the new level, not the end of a range."""
    if not g.movement_verbs:
        return False
    opener = _word_before(text, pos, s_start)
    if opener.casefold() not in g.movement_openers:
        return False
    verb = _word_before(text, pos - len(opener) - 1, s_start) if pos - len(opener) > s_start else ""
    return verb.strip(TOKEN_PUNCT).casefold() in g.movement_verbs


def _second_figure(
    text: str, r: PartsMatch, lang: str, g: Grammar, money: bool
) -> tuple[Figure | None, int, str | None]:
    index = g.right_groups.index
    num2, word2, sign2 = r.group(index["num2"]), r.group(index["word2"]), r.group(index["sign2"])
    if num2:
        readings = readings_of(num2)
        if not readings:
            return None, 0, None
        fig = Figure(r.start(index["sign2"]) if sign2 else r.start(index["num2"]), r.end(index["num2"]),
                     num2, sign2 or "", readings)
    else:
        assert word2 is not None  # the range part reads num2 or word2
        value = _word_value(g, word2)
        if value is None:
            return None, 0, None
        fig = Figure(r.start(index["word2"]), r.end(index["word2"]), word2, word_value=value)
    end = fig.end
    scale2, lscale2 = r.group(index["scale2"]), r.group(index["lscale2"])
    if scale2:
        fig.scale = scale_factor(scale2.strip(), lang)
        end = r.end(index["scale2"])
    elif lscale2 and money:
        fig.scale = scale_factor(lscale2, lang)
        end = r.end(index["lscale2"])
    unit2 = None
    unit2_surface = r.group(index["unit2"])
    if unit2_surface:
        unit2 = _canonical(unit2_surface, lang)
        if unit2:
            end = r.end(index["unit2"])
    cur2_surface = r.group(index["cur2"])
    cur2 = _canonical(cur2_surface, lang) if cur2_surface else None
    return fig, end, unit2 or cur2


def _is_year(first: Figure, unit: str | None, cur: str | None, L: dict) -> bool:
    """A plain four-digit 1800–2100 with nothing that makes it a quantity."""
    if first.is_words or first.sign or not _is_year_text(first.raw):
        return False
    if unit or cur or first.scale != 1:
        return False
    return not L.get("qual")


def _end(m: PartsMatch | None, g: Grammar, group: str) -> int:
    """End of a group of the right-context match (present whenever the group's value is)."""
    assert m is not None
    return m.end(g.right_groups.index[group])


def _right_may_match(text: str, pos: int, s_end: int, g: Grammar) -> bool:
    """Whether the right context pattern can read anything at ``pos``: the next word must
    begin with the first word of a scale word, unit, range connector or qualifier.  Most
    figures are followed by a plain word ("12,000 people"), and the pattern costs ~10 µs."""
    j = pos
    while j < s_end and text[j].isspace():
        j += 1
    if j >= s_end:
        return False
    word = text[j:min(s_end, j + g.right_first_max)].split(None, 1)[0]  # up to a space
    if not word.isascii():
        word = units.normalise_word(word)
    word = word.casefold()
    first = g.right_first
    prefixes = _ends(g.lang).right_prefixes
    for n in range(1, len(word) + 1):
        head = word[:n]
        if head not in prefixes:
            return False  # no longer head is a first word either
        # every phrase the pattern reads ends at a letter boundary unless it ends in a sign
        # ("%", "€"): "people" does not start the unit "p"
        if head in first and (n == len(word) or not word[n].isalnum()
                              or not word[n - 1].isalnum()):
            return True
    return False


def _topic_preposition(text: str, left: PartsMatch, L: dict, s_start: int, g: Grammar) -> bool:
    """A qualifier word that is a preposition here: "about"/"über" after a work's noun."""
    if not _folded_in(" ".join(L["qual"].split()), g.topic_prepositions, _ends(g.lang).topic_heads):
        return False
    qual_start = left.start(g.left_groups.index["qual"])
    before = _word_before(text, qual_start, s_start).strip(TOKEN_PUNCT).casefold()
    return before in g.topic_nouns or before.endswith(g.topic_noun_endings)  # "Mitgliedsanleihe"


QUALIFIER_BY_VALUE: Final[dict[str, Qualifier]] = {m.value: m for m in Qualifier}
"""``Qualifier(q)`` as a dict read: the Enum call by value runs Python (~4,000 instructions)."""
QUALIFIER_AFTER_GROUPS: Final = tuple((f"qa_{q}", Qualifier(q)) for q in (
    "more_than", "at_least", "less_than", "at_most", "approx"))
"""The right context's trailing-qualifier groups, in the order they are tried."""


def _apply_qualifier(draft: Draft, L: dict, R: dict | None, g: Grammar) -> None:
    phrase = L.get("qual")
    if phrase:
        q = g.qual_kinds[" ".join(phrase.split()).casefold()]
        if q == "approx_below":
            draft.qualifier = APPROX
            draft.approx_below = True
        else:
            member = QUALIFIER_BY_VALUE.get(q)
            draft.qualifier = member if member is not None else Qualifier(q)
        return
    if R is not None:
        for group, member in QUALIFIER_AFTER_GROUPS:
            if R.get(group):
                draft.qualifier = member
                return


def _role(
    text: str, L: dict, draft: Draft, g: Grammar, s_end: int, sign: str, before: str | None
) -> Role:
    """``before``: the word before the draft's start, when already read."""
    verb = L["verb"]
    if L["to"] is not None:
        return LEVEL
    by = L["by"]  # read once (a dict lookup each)
    if by is not None or verb is not None:
        direction = _direction(verb, g)
        clear_to = draft.end  # text[draft.end:clear_to] is known to hold no verb's key word
        if direction is None and by is not None:
            # "sanken im ersten Halbjahr um 4,7 Prozent", "um 12.000 gesunken"
            near_hi = min(s_end, draft.end + 60)  # _verb_near's window after the figure
            spaced = draft.end < near_hi and text[draft.end].isspace()
            after_holds = spaced and _may_hold_verb(text, draft.end, near_hi, g)
            if spaced and not after_holds:
                clear_to = near_hi
            direction = _verb_near(text, draft.start, draft.end, draft.sentence, g, after_holds)
        if direction is None and by is not None and _ends(g.lang).has_particles:
            comp = g.particle_after_re.match(text, draft.end, min(s_end, draft.end + 40))
            if comp:  # "legten um 2 Prozent zu", "ging um 382.000 zurück"
                direction = INCREASE if comp.group(g.particle_groups.index["up"]) else DECREASE
        if direction is None and by is not None:
            direction = _verb_ending_clause(text, draft.end, s_end, g, clear_to)
        if direction is not None:
            return direction
        return LEVEL
    noun = _change_noun_before(text, draft.start, draft.sentence[0], g, before)
    if noun is not None:
        return noun  # "an increase of 4%", "ein Plus von 4,7 Prozent", "une hausse de 6 %"
    comp = None
    if _next_word_in(text, draft.end, s_end, 2, g.comparative_first,
                     _ends(g.lang).comparative_heads):
        comp = g.comparative_after_re.match(text, draft.end, min(s_end, draft.end + 40))
    if comp:  # "4.6 percentage points higher", "382.000 Menschen weniger"
        return INCREASE if comp.group(g.comparative_groups.index["up"]) else DECREASE
    if sign == "+" and draft.unit in ("percent", "percentage_point"):
        return INCREASE
    return LEVEL


def _change_noun_before(
    text: str, start: int, s_start: int, g: Grammar, link: str | None = None
) -> Role | None:
    """The direction of a change noun linked to the figure by "of"/"von"/"de" (rules/lang
    change.nouns_of): "an increase of 4%", "ein Plus von 4,7 Prozent"."""
    if not g.change_of:
        return None
    if link is None:
        link = _word_before(text, start, s_start)
    if not _folded_in(link, g.change_of, _ends(g.lang).change_of_heads):
        return None
    lo = start - len(link) - 1
    if lo <= s_start:
        return None
    noun = _word_before(text, lo, s_start).strip(TOKEN_PUNCT).casefold()
    if noun in g.increase_nouns:
        return INCREASE
    if noun in g.decrease_nouns:
        return DECREASE
    return None


CLAUSE_END: Final = ",;:\u2013\u2014()"
MAX_CLAUSE_VERB: Final = 80


def _verb_ending_clause(text: str, end: int, s_end: int, g: Grammar, clear_to: int = 0) -> Role | None:
    """A change verb later in the figure's clause, past other figures: "sollen um 3,2
    Prozent auf 395 Milliarden Euro wachsen" (the German verb ends the clause).

    ``clear_to``: ``text[end:clear_to]`` is known to hold no key word of a verb
    (:func:`_may_hold_verb` said so): a clause ending there holds none either, since the
    folded clause is the start of that folded window (folding goes character by character;
    an "i" + combining dot pair across the clause's end only loses its dot in the longer
    text)."""
    hi = min(s_end, end + MAX_CLAUSE_VERB)
    for i in range(end, hi):
        if text[i] in CLAUSE_END:
            hi = i
            break
    if hi <= clear_to:
        return None
    if not _may_hold_verb(text, end, hi, g):
        return None
    m = g.verb_any_re.search(text, end, hi)
    return _direction(m.group(g.verb_any_groups.index["verb"]), g) if m else None


def _verb_near(
    text: str, start: int, end: int, sent: tuple[int, int], g: Grammar, after_holds: bool | None = None
) -> Role | None:
    """Direction of a change verb shortly before ``start`` or after ``end`` in the sentence.
    ``after_holds``: the pre-check of the window after ``end``, when the caller ran it."""
    hi = min(sent[1], end + 60)
    if after_holds is None:
        after_holds = end < hi and text[end].isspace() and _may_hold_verb(text, end, hi, g)
    after = g.verb_after_re.match(text, end, hi) if after_holds else None  # it begins with a gap
    direction = _direction(after.group(g.verb_after_groups.index["verb"]), g) if after else None
    lo = max(sent[0], start - MAX_VERB_DISTANCE)
    if direction is None and _may_hold_verb(text, lo, start, g):
        before = None
        for m in g.verb_any_re.finditer(text, lo, start):
            before = m  # the nearest one before the figure
        if before is not None:
            direction = _direction(before.group(g.verb_any_groups.index["verb"]), g)
    return direction


def _direction(verb: str | None, g: Grammar) -> Role | None:
    if not verb:
        return None
    v = " ".join(verb.split()).casefold()
    if v in g.increase:
        return INCREASE
    if v in g.decrease:
        return DECREASE
    return None


# --- resolution: read the digits, then build the interval ---------------------------


def resolve_figures(draft: Draft, doc: DocumentConvention) -> None:
    for fig in draft.figures:
        if fig.is_words:
            continue
        whole = draft.whole_count and fig.scale == 1 and "scale_from_second" not in draft.extra
        fig.reading, fig.ambiguous = choose_reading(fig.raw, fig.readings, doc, draft.lang,
                                                    whole_count=whole)
    if "scale_from_second" in draft.extra and draft.second is not None:
        if draft.first.mantissa() <= draft.second.mantissa():
            draft.first.scale = draft.extra["scale_from_second"]


def rounding_halfwidth(mantissa: Decimal, scaled: bool = False) -> Decimal:
    """Half the unit of the last significant digit written; a lone leading 1 counts one finer
    ("about 100,000" ± 5,000; "about 1 million" ± 50,000 when ``scaled``)."""
    m = abs(mantissa)
    if m == 0:
        return Decimal("0.5")
    exp = m.as_tuple().exponent
    assert isinstance(exp, int)
    if exp >= 0:
        norm = m.normalize()
        _, digits, nexp = norm.as_tuple()
        assert isinstance(nexp, int)
        unit = Decimal(1).scaleb(nexp)
        if len(digits) == 1 and digits[0] == 1 and (nexp > 0 or scaled):
            unit = unit / 10
    else:
        unit = Decimal(1).scaleb(exp)
    return unit / 2


def interval(draft: Draft) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(value, low, high) under the contract's semantics."""
    first = draft.first
    if draft.second is not None:
        a, b = first.value(), draft.second.value()
        draft.inverted = a > b
        return None, min(a, b), max(a, b)
    v = first.value()
    q = draft.qualifier
    if q is EXACT:
        return v, v, v
    if q in (MORE_THAN, AT_LEAST):
        return v, v, None
    if q in (LESS_THAN, AT_MOST):
        return v, None, v
    if draft.extra.get("approx_noun"):
        w = abs(v) * APPROX_NOUN_SHARE  # "une dizaine": 8–12, "un millier": 800–1,200
    elif first.ratio_denominator:
        w = v * FRACTION_APPROX  # "nearly 2 in 3", "about one in eight": ±10 % of the ratio
    elif draft.role is RATIO and first.is_words and first.word_value is not None and (
        first.word_value < 1
    ):
        w = first.word_value * FRACTION_APPROX  # "etwa ein Viertel": 0.225–0.275
    else:
        w = rounding_halfwidth(first.mantissa(), scaled=first.scale > 1) * first.scale
    low, high = v - w, v + w
    if first.ratio_denominator or draft.role is RATIO:
        # a ratio's value is rounded to 12 places: so are its ends (1/3 - 10 % is 0.3)
        low, high = low.quantize(RATIO_QUANTUM), high.quantize(RATIO_QUANTUM)
    if draft.approx_below:
        return v, low, v
    return v, low, high


def number_format(draft: Draft) -> tuple[NumberFormat, bool]:
    figs = draft.figures
    if all(f.is_words for f in figs):
        return FMT_WORDS, False
    digit_figs = [f for f in figs if not f.is_words]
    fmt = digit_figs[0].reading.number_format if digit_figs[0].reading else FMT_PLAIN
    for f in digit_figs:
        if f.reading and f.reading.number_format not in (FMT_PLAIN,):
            fmt = f.reading.number_format
            break
    return fmt, any(f.ambiguous for f in digit_figs)


def alternatives(draft: Draft) -> tuple[Reading, ...]:
    out: list[Reading] = []
    for f in draft.figures:
        if f.reading is None:
            continue
        out.extend(r for r in f.readings if r.value != f.reading.value)
    return tuple(out)
