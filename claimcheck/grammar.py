"""The compiled patterns of one language: figures, and the words around them.

Everything here is derived from rules/lang/<lang>.yaml (qualifiers, ranges, change
words, number words), scale.py (CLDR scale words) and units.py (unit surfaces), and is
compiled once per language.  Each regex is built from named pieces so the related
patterns (the first figure of a range and the second) can never drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Final

import regex

from . import units
from .lexicon import (
    SCAN_GAP,
    SCAN_NOT_AFTER_ALNUM,
    SCAN_NOT_BEFORE_ALNUM,
    WORD_GAP,
    Lexicon,
    alternation,
    get_lexicon,
    trie_source,
)
from .scale import scale_sources
from .warmcache import compile_pattern, save_patterns

if TYPE_CHECKING:  # annotations only: mypyc compiles an ``i64`` local to a C int64_t
    from mypy_extensions import i64

# --- named groups read by number ---------------------------------------------------------


class Groups:
    """The named groups of a ``regex`` pattern, to read them by number.  ``regex``
    resolves a group name by first trying it as an integer, and the TypeError it raises
    and clears costs more than a short match: ``m.group("num")`` takes four times
    ``m.group(2)``, and ``groupdict()`` raises one per group.  Hot paths read
    ``m.group(groups.index["num"])`` and :meth:`read` instead."""

    __slots__ = ("empty", "index", "pairs")

    def __init__(self, *patterns: regex.Pattern) -> None:
        """Several patterns share one table only when their groups are numbered alike."""
        self.index: dict[str, int] = dict(patterns[0].groupindex)
        for p in patterns[1:]:
            if dict(p.groupindex) != self.index:
                raise ValueError("patterns number their groups differently")
        self.pairs: tuple[tuple[str, int], ...] = tuple(self.index.items())
        self.empty: dict[str, Any] = {name: None for name in self.index}

    def read(self, m: regex.Match) -> dict[str, Any]:
        """``m.groupdict()``, without a name lookup per group."""
        found = m.groups()
        return {name: found[i - 1] for name, i in self.pairs}


# --- fast scanners: a phrase trie in the standard library's engine ----------------------


class Scanner:
    """Where phrases stand in a text: a stdlib ``re`` trie of the phrases that is not
    preceded by a letter or digit.  For a case-sensitive scan that left boundary is
    checked here, not by a leading lookbehind: a pattern that begins with its phrases
    lets ``re`` skip ahead to their first letters, one that begins with a lookbehind is
    tried at every position (three times slower over a whole text).  A case-insensitive
    pattern gets no such skip, so it keeps the lookbehind (``left_in_pattern``)."""

    __slots__ = ("left_in_pattern", "pattern")

    def __init__(self, pattern: re.Pattern[str], left_in_pattern: bool) -> None:
        self.pattern = pattern
        self.left_in_pattern = left_in_pattern

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        """The matches ``re.compile(SCAN_NOT_AFTER_ALNUM + pattern).finditer`` gives, as a
        list: a hit right after a letter or digit is dropped and the search goes on from
        its next character, as the lookbehind would have failed there and moved on."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if self.left_in_pattern:
            return list(self.pattern.finditer(text, pos, end))
        search = self.pattern.search
        out: list[re.Match[str]] = []
        while pos <= end:
            m = search(text, pos, end)
            if m is None:
                break
            s = m.start()
            if s and text[s - 1].isalnum():  # re's [^\W_] is str.isalnum
                pos = s + 1
                continue
            out.append(m)
            pos = max(m.end(), s + 1)
        return out


def scan_re(phrases: Iterable[str], *, ignore_case: bool = True) -> Scanner:
    """A scanner finding the phrases between letter boundaries, as
    ``regex.compile(alternation(phrases))`` does, three times faster when scanning a
    whole text.  Used only to find where phrases stand; what they mean is read by
    lookup.  Linear: a trie of literals, no nested quantifiers."""
    body = trie_source(phrases, SCAN_GAP) + SCAN_NOT_BEFORE_ALNUM
    if ignore_case:
        return Scanner(re.compile(SCAN_NOT_AFTER_ALNUM + body, re.IGNORECASE), True)
    return Scanner(re.compile(body), False)


FOLD_BELOW: Final = 0x2100
"""Every character of ``FOLD_CANDIDATES`` is below this code point."""
FOLD_CANDIDATES: Final = "".join(
    chr(c) for c in (*range(0x600), *range(0x1E00, FOLD_BELOW))
    if len(chr(c).lower()) == 1 and c != 0x3A3
)
"""The characters a lower-cased copy may be scanned over (Latin, Greek, Cyrillic,
punctuation, currency signs), those whose lower case is one character and does not
depend on the context ("Σ" lowers to "ς" at a word's end: the one such rule of
``str.lower``); each is then checked against every atom of the pattern
(see :func:`_fold_safe`)."""


def folded_scan_re(phrases: Iterable[str]) -> FoldedScanner:
    """:func:`scan_re`'s case-insensitive scan of ``phrases``, as a :class:`FoldedScanner`."""
    words = set(phrases)
    body = trie_source(words, SCAN_GAP) + SCAN_NOT_BEFORE_ALNUM
    return FoldedScanner(body, (ch for w in words for ch in w if not ch.isspace()), heads=match_heads(words))


def _compound_scan(lang: str) -> FoldedScanner | None:
    """``cardinal_scan_re(lang)`` as a :class:`FoldedScanner`, for a language that writes
    its numbers as one word ("zweiundzwanzig"); its pieces are letters only."""
    from .cardinals import cardinal_words

    cw = cardinal_words(lang)
    if not cw.compound_words or not all(a.isalpha() for a in cw.atoms):
        return None
    return FoldedScanner(cw.compound_scan_body, (ch for a in cw.atoms for ch in a), left_in_pattern=True,
                         heads=concatenation_heads(cw.atoms))


def _fold_safe(atoms: Iterable[str]) -> str:
    """The characters of ``FOLD_CANDIDATES`` on which each single-character atom (a regex
    source: a literal or a class) tests alike case-insensitively on the character and
    case-sensitively on its lower case: checked here, by running both, not assumed.
    ``re``'s extra case equivalences ("ı" with "i", "ſ" with "s", "µ" with "μ") and any
    letter whose lower case differs in kind fail the check and stay out."""
    cands = FOLD_CANDIDATES
    lowered = "".join(c.lower() for c in cands)
    bad: set[int] = set()
    for atom in atoms:
        folded = {m.start() for m in re.finditer(atom, cands, re.IGNORECASE)}
        exact = {m.start() for m in re.finditer(atom, lowered)}
        bad |= folded ^ exact
    return "".join(c for i, c in enumerate(cands) if i not in bad)


class FoldedScanner:
    r"""Where a case-insensitive scan ``(?<![^\W_])`` + ``body`` finds its matches, found by
    scanning a lower-cased copy of the window with ``body`` case-sensitively (which ``re``
    can skip through faster) whenever that is exact: the body's letters are lower case,
    lowering keeps every position (each character lowers to one), and every character of
    the window is one on which each atom of the pattern — each letter of the body, the gap
    class, the letter-or-digit class of the boundaries — tests alike case-insensitively on
    it and case-sensitively on its lower case (:func:`_fold_safe`).  A match of such a
    pattern (literals, those classes, lookarounds and repeats of them) depends only on
    those per-character tests, so both scans find the same spans.  Any other window is
    scanned case-insensitively."""

    __slots__ = ("ascii_safe", "exact", "folded", "head_lens", "head_pairs", "head_triples", "heads",
                 "safe_table", "unsafe_re")

    def __init__(self, body: str, letters: Iterable[str], left_in_pattern: bool = False,
                 heads: Iterable[str] = ()) -> None:
        r"""``body``: a pattern of literals, ``SCAN_GAP`` and ``[^\W_]`` lookarounds only;
        ``letters``: every literal character it holds; ``left_in_pattern``: the folded
        scan keeps the left boundary in its pattern (cheaper for a body that ``re`` cannot
        skip through anyway, such as one that begins with a lookahead); ``heads``: how a
        match may begin (see :meth:`spans`; :func:`match_heads`), none to scan every position."""
        self.exact = Scanner(re.compile(SCAN_NOT_AFTER_ALNUM + body, re.IGNORECASE), True)
        self.folded = (Scanner(re.compile(SCAN_NOT_AFTER_ALNUM + body), True) if left_in_pattern
                       else Scanner(re.compile(body), False))
        if not SCAN_GAP.endswith("]+"):
            raise RuntimeError("SCAN_GAP is expected to be one character class, repeated")
        chars = sorted(set(letters))
        atoms = [SCAN_GAP[:-1], r"[^\W_]", *(re.escape(ch) for ch in chars)]
        safe = _fold_safe(atoms) if all(ch == ch.lower() for ch in chars) else ""
        self.ascii_safe: bool = all(chr(c) in safe for c in range(128))
        self.unsafe_re: re.Pattern[str] = re.compile(
            "[^" + "".join(re.escape(c) for c in safe) + "]" if safe else "[\\s\\S]"
        )
        # whether each code point below FOLD_BELOW is safe: ``unsafe_re`` finds no character
        # of a window exactly when each of its characters is marked here (no safe character
        # lies at or above FOLD_BELOW), which a native loop tests without a regex search
        table = bytearray(FOLD_BELOW)
        for ch in safe:
            table[ord(ch)] = 1
        self.safe_table: bytes = bytes(table)
        self.heads: frozenset[str] = frozenset(heads)
        self.head_lens: tuple[int, ...] = tuple(sorted({len(h) for h in self.heads}, reverse=True))
        if "" in self.heads:  # a match could begin anywhere: scan every position
            self.heads = frozenset()
            self.head_lens = ()
        # (first, second) ASCII code points, at 128 * first + second: where a head can begin
        # there (a one-character head: before any character that is not alphanumeric), 1
        # when each such head is three ASCII characters (``head_triples`` then decides), 2
        # when some other head does
        pairs = bytearray(128 * 128)
        triples: set[int] = set()
        for h in self.heads:
            if not h[:2].isascii():
                continue  # such a head is tested without the table
            if len(h) == 3 and h.isascii():
                at = 128 * ord(h[0]) + ord(h[1])
                pairs[at] = max(pairs[at], 1)
                triples.add(128 * at + ord(h[2]))
            elif len(h) >= 2:
                pairs[128 * ord(h[0]) + ord(h[1])] = 2
            else:
                for c in range(128):
                    if not chr(c).isalnum():
                        pairs[128 * ord(h) + c] = 2
        self.head_pairs: bytes = bytes(pairs)
        self.head_triples: frozenset[int] = frozenset(triples)

    def spans(self, text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
        """``[m.span() for m in self.exact.finditer(text, pos, endpos)]``."""
        end = min(endpos, len(text))
        base = pos - 1 if pos > 0 else 0  # the character before: the left boundary test
        window = text[base:end]
        if (window.isascii() and self.ascii_safe) or self._all_safe(window):
            low = window.lower()
            if self.head_lens:
                return self._word_starts_spans(low, pos - base, base)
            return [(m.start() + base, m.end() + base)
                    for m in self.folded.finditer(low, pos - base, len(low))]
        return [(m.start(), m.end()) for m in self.exact.finditer(text, pos, end)]

    def _all_safe(self, window: str) -> bool:
        """``self.unsafe_re.search(window) is None``: every character of ``window`` is one
        of the safe characters ``safe_table`` marks (those below ``FOLD_BELOW``; every
        fold-safe character is a ``FOLD_CANDIDATES`` one, all below it), read by code point
        in native 64-bit ints."""
        table = self.safe_table
        n: i64 = len(window)
        k: i64 = 0
        while k < n:
            c: i64 = ord(window[k])
            if c >= FOLD_BELOW or not table[c]:
                return False
            k += 1
        return True

    def _word_starts_spans(self, low: str, pos: int, base: int) -> list[tuple[int, int]]:
        r"""The folded scan's spans over ``low`` from ``pos`` (shifted by ``base``), the body
        matched only where a match can begin.  Exact: a match begins after a character that
        is not a letter or digit (or at the text's start), and its first characters up to
        its first non-alphanumeric one or its end, at most the longest head's length, are
        one of ``heads`` (the body is literals and whitespace gaps: the text there is the
        spelling's, and whether a character is alphanumeric is the same on both).  So a
        position that starts no run of letters and digits, or whose run does not begin with
        a head (tested at each head length: a head shorter than the longest one ends the
        run there), holds no match; at the others the body is matched as the scan would
        (``match`` there is what ``search`` tries first), leftmost first, and the next try
        begins at the match's end, as ``finditer``'s does (no spelling is empty).  Runs are
        found by one pass over the code points (ASCII classified inline, the rest by
        ``str.isalnum``, which is what ``re``'s ``[^\W_]`` tests); where a run's first two
        characters are ASCII, ``head_pairs`` first tells whether any head begins with them
        (a head of one character ends the run: the second is then not alphanumeric), and
        where only three-character ASCII heads do, ``head_triples`` whether the third
        character completes one (a non-ASCII one completes none), so most words are ruled
        out without a slice."""
        heads = self.heads
        lens = self.head_lens
        pairs = self.head_pairs
        triples = self.head_triples
        match = self.folded.pattern.match
        # indexes and code points in native 64-bit ints (``i64``): no tagged-int checks
        n: i64 = len(low)
        out: list[tuple[int, int]] = []
        prev = 0 < pos < n and _is_alnum(low, pos - 1)
        i: i64 = pos
        c: i64 = 0
        c1: i64 = 0
        at: i64 = 0
        may: i64 = 0
        e: i64 = 0
        while i < n:
            c = ord(low[i])
            if c < 128:
                alnum = 97 <= c <= 122 or 48 <= c <= 57 or 65 <= c <= 90
            else:
                alnum = low[i].isalnum()
            if alnum and not prev:
                may = 2
                if c < 128 and i + 1 < n:
                    c1 = ord(low[i + 1])
                    if c1 < 128:
                        at = 128 * c + c1
                        may = pairs[at]
                        if may == 1 and not (i + 2 < n and 128 * at + ord(low[i + 2]) in triples):
                            may = 0
            else:
                may = 0
            if may:
                for k in lens:
                    if low[i:i + k] in heads:
                        m = match(low, i, n)
                        if m is not None:
                            e = m.end()
                            out.append((i + base, e + base))
                            if e > i + 1:  # go on from the match's end
                                i = e - 1
                                alnum = _is_alnum(low, i)
                        break
            prev = alnum
            i += 1
        return out


def _is_alnum(text: str, i: int) -> bool:
    """``text[i].isalnum()``, ASCII classified inline."""
    c = ord(text[i])
    if c < 128:
        return 97 <= c <= 122 or 48 <= c <= 57 or 65 <= c <= 90
    return text[i].isalnum()


def match_heads(spellings: Iterable[str], length: int = 3) -> frozenset[str]:
    """Each spelling's first ``length`` characters, cut at its first character that is not
    a letter or digit (a space, hyphen or apostrophe): how a match of them can begin
    (:meth:`FoldedScanner._word_starts_spans`)."""
    out: set[str] = set()
    for w in spellings:
        head = w[:length]
        for i, ch in enumerate(head):
            if not ch.isalnum():
                head = head[:i]
                break
        out.add(head)
    return frozenset(out)


def concatenation_heads(pieces: Iterable[str], length: int = 3) -> frozenset[str]:
    """The first ``length`` characters (or all, when shorter) of any concatenation of one or
    more ``pieces`` (letters only): how a glued number word can begin."""
    words = [p for p in set(pieces) if p]
    out: set[str] = set()
    todo = [""]
    seen: set[str] = set()
    while todo:
        stem = todo.pop()
        for w in words:
            cat = stem + w
            if len(cat) >= length:
                out.add(cat[:length])
            else:
                out.add(cat)
                if cat not in seen:
                    seen.add(cat)
                    todo.append(cat)
    return frozenset(out)


SP: Final = WORD_GAP
RANGE_DASHES: Final = ("-", "\u2013", "\u2014")
"""Dashes that join the two ends of a range ("95,000-100,000", "95 000 – 100 000")."""
"""Whitespace between words (includes the no-break spaces French text uses)."""

DIGIT_RUN: Final = r"[0-9]+"
"""ASCII digits; other scripts' digits are not read (precision first)."""

GROUP_SEP_TIGHT: Final = r"[,.'\u2019\u00a0\u202f\u2009]"
"""Separators that can stand between digit runs in any language."""

GROUP_SEP_SPACED: Final = r"[,.'\u2019\u00a0\u202f\u2009 ]"
"""…plus the ordinary space, which groups digits only in French text ("94 000")."""

NOT_GLUED_LEFT: Final = (r"(?<![\p{L}\p{N}_.,])(?<![\p{N}]['\u2019])(?<![\p{L}\p{N}][\p{L}]['\u2019])"
                  r"(?<![\p{L}][\-\u2013])")
"""A figure does not continue a word, a number, or an id prefix ("Covid-19", "F-16")."""

SIGN: Final = r"[+\-\u2212]"
NUMBER_SIGN: Final = 1
NUMBER_DIGITS: Final = 2
"""The group numbers of ``number_re``'s sign and digits (see :class:`Groups`)."""
ELIDED_END: Final = r"(?<=['\u2019])"
"""Right after an apostrophe: an elided word ends there ("plus d'", "près d’")."""
RATIO_NOUN: Final = r"\p{L}[\p{L}\-]*(?<!\-)"
"""The noun between a ratio's two figures: "un Français sur cinq", "one adult in five"."""
RATIO_DENOMINATOR: Final = (
    r"(?P<num>[0-9]{1,3}(?:[,.\u00a0\u202f'\u2019 ][0-9]{3})+|[0-9]+)(?![0-9]|[.,][0-9])"
)
"""A ratio's denominator in digits: "1 in 3", "1 in 15,000", "1 sur 15 000" (three-digit
groups are thousands whatever the convention: nobody writes "1 in 15.0")."""
"""Plus, hyphen-minus and the minus sign U+2212."""

SIGN_LEFT: Final = r"(?<=^|[\s(\[{\"'\u201e\u201c\u00ab\u2039/:;=~])"
"""A sign counts only at the start of a figure, not inside "5-10"."""



def number_body(spaced: bool) -> str:
    sep = GROUP_SEP_SPACED if spaced else GROUP_SEP_TIGHT
    return rf"{DIGIT_RUN}(?:{sep}{DIGIT_RUN})*"


def word_map(lex: Lexicon) -> dict[str, Decimal]:
    """Plain number words (a claim on their own when a word follows)."""
    return dict(lex.number_words)


@dataclass(frozen=True, slots=True)
class Grammar:
    lang: str
    lex: Lexicon
    number_re: regex.Pattern
    words_re: Scanner  # scan_re
    word_scan: FoldedScanner  # words_re's spans, over a lower-cased copy where that is exact
    compound_scan: FoldedScanner | None  # cardinal_scan_re's, when the language glues its numbers
    word_spellings: frozenset[str]  # what words_re finds: casefolded and lower-cased keys
    left_re: regex.Pattern
    left_part_res: tuple[regex.Pattern, ...]  # left_re's parts from the figure outward: cur first
    right_re: regex.Pattern
    right_between_re: regex.Pattern
    right_part_res: tuple[regex.Pattern, ...]  # scale, unit, range (right_re's, right_between_re's), qafter
    verb_after_re: regex.Pattern
    age_before_re: regex.Pattern
    comparative_after_re: regex.Pattern
    particle_after_re: regex.Pattern
    age_after_re: regex.Pattern
    age_after_range_re: regex.Pattern
    list_after_id_re: regex.Pattern
    date_continuation_re: regex.Pattern
    function_words: frozenset[str]
    ratio_in_first: frozenset[str]
    plural_endings: tuple[str, ...]
    ratio_numerator_not: frozenset[str]  # "a", "an": articles, never a ratio's numerator
    ratio_in_last: frozenset[str]  # "One in 3": a worded numerator before a digit
    comparative_first: frozenset[str]
    age_first: frozenset[str]
    age_range_words: frozenset[str]  # "ans", "Jahre": an age's unit after a name
    minus_words: frozenset[str]
    ratio_in_re: regex.Pattern
    relative_before_re: regex.Pattern
    relative_after_re: regex.Pattern
    rate_re: regex.Pattern  # "je Quadratmeter", "a barrel", "l'hectare": a rate's denominator
    rate_not_after_re: regex.Pattern  # "a year ago": a time reference, not per year
    rate_first: frozenset[str]
    bare_points: frozenset[str]  # "points" alone: percentage points only near a rate
    right_first: frozenset[str]  # first words of what right_re can read: a cheap test first
    right_first_max: int
    topic_prepositions: frozenset[str]  # "a play about three sisters": no qualifier
    topic_nouns: frozenset[str]
    topic_noun_endings: tuple[str, ...]  # compounds: "Mitgliedsanleihe"
    percent_context_words: frozenset[str]
    percent_context_phrases: tuple[str, ...]
    rate_elided: tuple[str, ...]
    not_qualifier_before_time: frozenset[str]
    named_numbers: frozenset[str]
    verb_any_re: regex.Pattern
    ordinal_left_re: regex.Pattern
    id_left_re: regex.Pattern
    time_after_re: regex.Pattern
    ratio_of_re: regex.Pattern
    qual_kinds: dict[str, str]
    scale_after_re: regex.Pattern
    word_kinds: dict[str, str]
    multiple_after_re: regex.Pattern
    multiple_object_re: regex.Pattern
    left_groups: Groups
    right_groups: Groups  # right_re and right_between_re number their groups alike
    ratio_in_groups: Groups
    rate_groups: Groups
    comparative_groups: Groups
    particle_groups: Groups
    verb_after_groups: Groups
    verb_any_groups: Groups
    multiple_stems: frozenset[str]
    multiple_inverse: frozenset[str]  # "fois moins": the multiple's inverse
    time_words: frozenset[str]
    id_words: frozenset[str]
    ordinal_words: frozenset[str]
    change_links: frozenset[str]  # "auf", "um": a figure follows them, never an ordinal
    increase: frozenset[str]
    decrease: frozenset[str]
    connectors_to: frozenset[str]
    from_words: frozenset[str]
    movement_verbs: frozenset[str]
    movement_openers: frozenset[str]
    tally_before: frozenset[str]  # "voted nine to two": a tally, not a range
    phrasal_particles: frozenset[str]  # "up", "down": a change verb of their own ...
    phrasal_before: frozenset[str]  # ... unless one of these makes them a phrasal verb
    change_of: frozenset[str]  # "an increase of 4%": the link after a change noun
    increase_nouns: frozenset[str]
    decrease_nouns: frozenset[str]
    half_after_scale_re: regex.Pattern  # "deux millions et demi"
    comparison_before_re: regex.Pattern  # "contre 94 %": a comparison's base
    movement_to_re: regex.Pattern  # "von 5,2 auf 5,4 Prozent": where the new level starts
    word_values: dict[str, Decimal]


def _ratio_noun(lex: Lexicon) -> str:
    """The optional noun between a ratio's figures, before the words that allow one."""
    if not lex.ratio_in_noun:
        return "(?P<noun>(?!))?"
    return (rf"(?:{SP}(?P<noun>{RATIO_NOUN}(?:{SP}{RATIO_NOUN})?)"  # "un accident mortel sur trois"
            rf"(?={SP}{alternation(lex.ratio_in_noun)}{SP}))?")


def _first_words(phrases) -> frozenset[str]:
    """First word of each phrase, casefolded and unpunctuated: a cheap pre-check set."""
    return frozenset(p.split()[0].strip("-").casefold() for p in phrases if p.split())


def _fold(words) -> frozenset[str]:
    return frozenset(" ".join(w.split()).casefold() for w in words)


def elided_alternation(phrases: tuple[str, ...]) -> str:
    """alternation() whose phrases may end in an apostrophe glued to what follows ("d'")."""
    return (rf"(?<![\p{{L}}\p{{N}}]){alternation(phrases, bounded=False)}"
            rf"(?:{ELIDED_END}|(?![\p{{L}}\p{{N}}]))")


@cache
def get_grammar(lang: str) -> Grammar:
    """The compiled grammar of ``lang`` (built once; its patterns kept in the start-up
    cache, see :mod:`claimcheck.warmcache`)."""
    grammar = _build_grammar(lang)
    save_patterns()
    return grammar


def _build_grammar(lang: str) -> Grammar:
    lex = get_lexicon(lang)
    spaced = lang == "fr"
    body = number_body(spaced)
    scale_words, scale_letters = scale_sources(lang)
    # external sources are embedded with verbose mode switched off: (?-x:...)
    unit = f"(?-x:{units.unit_after_pattern(lang)})"
    cur_before = f"(?-x:{units.currency_before_pattern(lang)})"

    all_qualifiers = alternation(tuple(w for ws in lex.qualifiers.values() for w in ws))
    word_values: dict[str, Decimal] = {}
    for table in (lex.number_words, lex.unit_words, lex.approx_number_words, lex.fractions,
                  lex.multiples):
        for w, v in table.items():
            word_values[" ".join(w.split()).casefold()] = v

    plain_words = alternation(tuple(lex.number_words))
    unit_words = alternation(tuple(lex.unit_words))
    scale_any = rf"(?:{scale_words})"

    number_re = compile_pattern(
        rf"""
        {NOT_GLUED_LEFT}
        (?:{SIGN_LEFT}(?P<sign>{SIGN})(?=[0-9]))?   # "-3,2", "+4.5"
        (?P<num>{body})                            # digits and separators, read later
        """,
        regex.VERBOSE,
    )
    if dict(number_re.groupindex) != {"sign": NUMBER_SIGN, "num": NUMBER_DIGITS}:
        raise RuntimeError("number_re numbers its groups differently from NUMBER_SIGN, NUMBER_DIGITS")
    # One longest-first alternation of every worded figure; its kind (and the context
    # each kind needs) is decided in claims.py from ``word_kinds``.
    word_kinds: dict[str, str] = {}
    word_spellings: set[str] = set()
    for kind, table in (("multiple", lex.multiples), ("fraction", lex.fractions),
                        ("approx", lex.approx_number_words), ("unit", lex.unit_words),
                        ("word", lex.number_words)):
        for w in table:
            word_kinds[" ".join(w.split()).casefold()] = kind
            word_spellings.add(w.lower())  # "dreißig": the casefolded "dreissig" is looked up
    words_re = scan_re(word_spellings | set(word_kinds))
    scale_after_re = compile_pattern(rf"{SP}{scale_any}", regex.IGNORECASE)
    # One longest-first alternation: "no more than" must win over "more than".
    qual_kinds: dict[str, str] = {}
    for kind, phrases in lex.qualifiers.items():
        for p in phrases:
            qual_kinds[" ".join(p.split()).casefold()] = kind
    # an elided qualifier ends in its apostrophe, glued to the figure: "plus d'un million"
    quals = (rf"(?P<qual>(?<![\p{{L}}\p{{N}}]){alternation(tuple(qual_kinds), bounded=False)}"
             rf"(?:{ELIDED_END}|(?![\p{{L}}\p{{N}}])))")
    verbs = alternation(tuple(lex.increase) + tuple(lex.decrease))
    openers = alternation(tuple(lex.range_between) + tuple(lex.range_from))
    # The left context, read in reverse from the figure outward; each part is optional.
    # context.LeftReader runs the parts one by one (see there why that is the same match).
    left_parts = (
        rf"(?:(?P<verb>{verbs}){SP}(?:{alternation(lex.change_fillers)}{SP})?)",  # "rose", "added just"
        rf"""(?:(?:(?P<by>{elided_alternation(lex.change_by)})|(?P<to>{alternation(lex.change_to)}))
           (?:{SP}|{ELIDED_END}))""",                       # "by", "um", "de", "d'"
        rf"(?:{quals}(?:{SP}|{ELIDED_END}))",             # "mehr als", "up to", "plus d'"
        rf"(?:(?P<opener>{openers}){SP})",                # "zwischen", "from"
        rf"(?P<cur>(?:{cur_before})(?:{SP})?)",           # "$", "CHF "
    )
    left_re = compile_pattern("(?r)" + "".join(f"{part}?" for part in left_parts),
                            regex.VERBOSE | regex.IGNORECASE)
    second = rf"""
        (?P<cur2>(?:{cur_before})(?:{SP})?)?
        (?:(?P<sign2>{SIGN})(?=[0-9]))?
        (?:(?P<num2>{body})|(?P<word2>{plain_words}|{unit_words}(?={SP}{scale_any})))
        (?:(?P<scale2>(?:{SP})?{scale_words})|(?P<lscale2>{scale_letters}))?
        (?P<unit2>(?:{SP})?(?:{unit}))?
    """
    # The right context, read forward from the figure; each part is optional.
    # context.RightReader runs the parts one by one (the same match, see there).
    scale_part = rf"""
        (?:(?P<scale>(?:{SP})?{scale_words})
           |(?P<lscale>(?:(?:{SP})(?=(?:{scale_letters})[€$£]))?{scale_letters}))
                                                   # "Mio.", "bn", "m", " M€"
    """
    unit_part = rf"(?P<unit>(?:{SP})?(?:{unit}))"  # "%", " Prozent", " km"
    tail_part = rf"(?P<qafter>(?:{SP})?{_named_after(lex)})"

    def range_part(connectors: tuple[str, ...]) -> str:
        conn = alternation(connectors)
        return rf"""(?:(?P<conn>(?:{SP})?[\-\u2013\u2014](?:{SP})?(?=[0-9$€£+\-\u2212])|{SP}{conn}{SP})
               {second})"""

    def right(connectors: tuple[str, ...]) -> regex.Pattern:
        parts = (scale_part, unit_part, range_part(connectors), tail_part)
        return compile_pattern("".join(f"(?:{part})?" for part in parts), regex.VERBOSE | regex.IGNORECASE)

    right_re = right(lex.range_connectors)
    right_between_re = right(lex.range_connectors + lex.range_between_connectors)
    verb_after_re = compile_pattern(rf"(?:{SP}[\p{{L}}\-]+){{0,3}}?{SP}(?P<verb>{verbs})", regex.IGNORECASE)
    ordinal_left_re = compile_pattern(
        rf"(?r)(?:{alternation(lex.ordinal_before)}|\()(?:{SP})?", regex.IGNORECASE
    )
    id_left_re = compile_pattern(rf"(?r){alternation(lex.id_before)}(?:{SP})?(?:{SIGN})?", 0)
    from .dates import time_after_re

    ratio_of_re = compile_pattern(rf"{SP}{alternation(lex.ratio_of)}", regex.IGNORECASE)
    multiple_after_re = compile_pattern(
        rf"(?:{SP})?{alternation(lex.multiple_suffix, left_bounded=False)}", regex.IGNORECASE
    )
    comparative_after_re = compile_pattern(
        rf"(?:{SP}[\p{{L}}\-]+)?{SP}(?:(?P<up>{alternation(lex.after_increase)})"
        rf"|(?P<down>{alternation(lex.after_decrease)}))(?![\p{{L}}\p{{N}}])",
    )
    particle_after_re = compile_pattern(
        rf"(?:{SP}[\p{{L}}\-]+)?{SP}(?:(?P<up>{alternation(lex.particles_increase)})"
        rf"|(?P<down>{alternation(lex.particles_decrease)}))(?![\p{{L}}\p{{N}}])",
    )
    ratio_in_re = compile_pattern(
        rf"{_ratio_noun(lex)}{SP}{alternation(lex.ratio_in)}{SP}"
        rf"(?:{RATIO_DENOMINATOR}|(?P<word>{plain_words}))(?P<unit>{SP}{unit})?",
        regex.IGNORECASE,
    )
    rate_re = _rate_re(lex, unit)
    verb_any_re = compile_pattern(rf"(?P<verb>{verbs})", regex.IGNORECASE)
    return Grammar(
        lang=lang,
        lex=lex,
        number_re=number_re,
        words_re=words_re,
        word_scan=folded_scan_re(word_spellings | set(word_kinds)),
        compound_scan=_compound_scan(lang),
        word_spellings=frozenset(word_spellings | set(word_kinds)),
        left_re=left_re,
        left_part_res=tuple(compile_pattern(f"(?r){part}", regex.VERBOSE | regex.IGNORECASE)
                            for part in reversed(left_parts)),
        right_re=right_re,
        right_between_re=right_between_re,
        right_part_res=tuple(compile_pattern(part, regex.VERBOSE | regex.IGNORECASE) for part in (
            scale_part, unit_part, range_part(lex.range_connectors),
            range_part(lex.range_connectors + lex.range_between_connectors), tail_part)),
        verb_after_re=verb_after_re,
        comparative_after_re=comparative_after_re,
        particle_after_re=particle_after_re,
        age_before_re=compile_pattern(rf"(?r){alternation(lex.age_before)}(?:{SP})?", regex.IGNORECASE),
        age_after_re=compile_pattern(rf"(?:{SP})?{alternation(lex.age_after, left_bounded=False)}"),
        age_after_range_re=compile_pattern(rf"(?:{SP})?{alternation(lex.age_after_range)}"),
        list_after_id_re=compile_pattern(
            rf"(?:(?:{SP})?(?:,|{alternation(lex.range_connectors + lex.range_between_connectors)}"
            rf"|[\-\u2013/])(?:{SP})?[0-9]+)+"
        ),
        date_continuation_re=compile_pattern(
            rf"(?:{SP})?(?:{alternation(lex.range_connectors + lex.range_between_connectors)}"
            rf"|[\-\u2013])(?:{SP})?(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
        ),
        function_words=_fold(w for w in lex.detect_words if " " not in w),
        ratio_in_first=_first_words(lex.ratio_in),
        plural_endings=tuple(w.casefold() for w in lex.plural_endings),
        ratio_numerator_not=_fold(lex.ratio_numerator_not),
        ratio_in_last=frozenset(w.split()[-1].casefold() for w in lex.ratio_in if w.split()),
        comparative_first=_first_words(lex.after_increase + lex.after_decrease),
        age_first=_first_words(lex.age_after) | _first_words(lex.age_after_range),
        age_range_words=frozenset(lex.age_after_range),
        minus_words=_fold(lex.minus_words),
        ratio_in_re=ratio_in_re,
        relative_before_re=compile_pattern(rf"(?r){alternation(lex.relative_time_before)}{SP}\Z",
                                         regex.IGNORECASE),
        relative_after_re=compile_pattern(rf"{SP}{alternation(lex.relative_time_after)}",
                                        regex.IGNORECASE),
        rate_re=rate_re,
        rate_not_after_re=compile_pattern(rf"{SP}{alternation(lex.rate_not_after)}", regex.IGNORECASE),
        rate_first=_first_words(w for w in lex.rate_per if not _elided(w)),
        bare_points=_fold(lex.bare_points),
        right_first=(right_first := _right_first_words(lex)),
        right_first_max=max(map(len, right_first)),
        topic_prepositions=_fold(lex.topic_prepositions),
        topic_nouns=_fold(lex.topic_nouns),
        topic_noun_endings=tuple(sorted(n for n in _fold(lex.topic_nouns) if len(n) >= 5)),
        percent_context_words=frozenset(w.casefold() for w in lex.percent_context if w.isalpha()),
        percent_context_phrases=tuple(w.casefold() for w in lex.percent_context if not w.isalpha()),
        rate_elided=tuple(w.casefold().replace("\u2019", "'") for w in lex.rate_per if _elided(w)),
        not_qualifier_before_time=_fold(lex.not_qualifier_before_time),
        named_numbers=frozenset(lex.named_numbers),
        verb_any_re=verb_any_re,
        ordinal_left_re=ordinal_left_re,
        id_left_re=id_left_re,
        time_after_re=time_after_re(lang),
        ratio_of_re=ratio_of_re,
        qual_kinds=qual_kinds,
        scale_after_re=scale_after_re,
        word_kinds=word_kinds,
        multiple_after_re=multiple_after_re,
        multiple_object_re=compile_pattern(rf"{SP}{alternation(lex.multiple_objects)}", regex.IGNORECASE),
        left_groups=Groups(left_re),
        right_groups=Groups(right_re, right_between_re),
        ratio_in_groups=Groups(ratio_in_re),
        rate_groups=Groups(rate_re),
        comparative_groups=Groups(comparative_after_re),
        particle_groups=Groups(particle_after_re),
        verb_after_groups=Groups(verb_after_re),
        verb_any_groups=Groups(verb_any_re),
        multiple_inverse=_fold(lex.multiple_inverse),
        multiple_stems=frozenset(w.split()[0].lstrip("-")[:4].casefold() for w in lex.multiple_suffix),
        time_words=_fold(w for w in lex.time_after if " " not in w),
        id_words=frozenset(lex.id_before) | _fold(w for w in lex.id_before if not w[:1].isupper()),
        ordinal_words=_fold(w for w in lex.ordinal_before if " " not in w),
        change_links=_fold(w for w in lex.change_by + lex.change_to if " " not in w),
        increase=_fold(lex.increase),
        decrease=_fold(lex.decrease),
        connectors_to=_fold(lex.change_to),
        from_words=_fold(lex.range_from),
        movement_verbs=_fold(lex.movement_verbs),
        movement_openers=_fold(lex.range_from + lex.change_by),
        tally_before=_fold(lex.tally_before),
        phrasal_particles=_fold(lex.phrasal_particles),
        phrasal_before=_fold(lex.phrasal_before),
        change_of=_fold(lex.change_of),
        increase_nouns=_fold(lex.increase_nouns),
        decrease_nouns=_fold(lex.decrease_nouns),
        half_after_scale_re=compile_pattern(rf"{SP}{alternation(lex.half_after_scale)}", regex.IGNORECASE),
        comparison_before_re=compile_pattern(
            rf"(?r){alternation(lex.comparison_before)}{SP}\Z",  # right before the claim's start
            regex.IGNORECASE,
        ),
        movement_to_re=compile_pattern(
            rf"{SP}{alternation(lex.movement_to)}{SP}(?:{all_qualifiers}{SP})?(?=[0-9])"
            if lex.movement_to else r"(?!)",
            regex.IGNORECASE,
        ),
        word_values=word_values,
    )


def case_variants(words: tuple[str, ...] | list[str]) -> list[str]:
    """Each word as written in the rules, lower-cased and capitalised (sentence start)."""
    out: set[str] = set()
    for w in words:
        w = " ".join(w.split())
        out.update((w, w.lower(), w[:1].upper() + w[1:], w.upper()))
    return sorted(out)


DIGITS_RE: Final = regex.compile(r"[0-9]+")
"""Runs of digits: the cheap first pass that finds sentences worth reading."""

TOKEN_CHUNK: Final = 1 << 20
"""Characters per slice when collecting a document's distinct words."""

TOKEN_STRIP: Final = ".,;:!?()[]{}\"'«»„“”‚‘’-–—/…*_"
"""Punctuation stripped from whitespace-separated tokens before the hint lookup."""
STRIP_CHARS: Final = frozenset(TOKEN_STRIP)


def _compound_hints() -> set[str]:
    """The one-word numbers of languages that write them so (de), below a hundred and
    in whole hundreds and thousands: "einundzwanzig", "dreihundert", "zweitausend".
    Rarer compounds ("dreitausendfünfhundert") are read in a sentence that holds
    another hint or a digit."""
    from .cardinals import HUNDRED, JOINER, TENS, THOUSAND, UNIT, cardinal_words
    from .lexicon import LANGS

    out: set[str] = set()
    for lang in LANGS:
        cw = cardinal_words(lang)
        if not cw.compound_words:
            continue
        by_kind: dict[int, list[str]] = {}
        for key, (kind, _) in cw.atoms.items():
            by_kind.setdefault(kind, []).append(key)
        units = [u for u in by_kind.get(UNIT, []) if u not in cw.not_multipliers]
        for u in units:
            for j in by_kind.get(JOINER, []):
                out.update(f"{u}{j}{t}" for t in by_kind.get(TENS, []))
            out.update(f"{u}{h}" for h in by_kind.get(HUNDRED, []) + by_kind.get(THOUSAND, []))
    return out


@cache
def hint_words() -> frozenset[str]:
    """Single words that can start or carry a worded figure in any language.

    Multi-word keys contribute their longest word ("half a dozen" → "dozen"); words
    that only count before a scale word ("a", "ein", "un") are represented by the
    scale words themselves.
    """
    from .lexicon import LANGS
    from .scale import scale_words

    words: set[str] = set()
    for lang in LANGS:
        lex = get_lexicon(lang)
        for table in (lex.number_words, lex.approx_number_words, lex.fractions, lex.multiples):
            for key in table:
                parts = regex.findall(r"[\p{L}]+", key)
                if parts:
                    words.add(max(parts, key=len))
        for w in scale_words(lang):
            if not is_letter_scale_word(w):
                words.add(w.rstrip("."))
    words |= _compound_hints()
    words |= {w.casefold() for w in words}  # "dreissig": Swiss spelling of "dreißig"
    return frozenset(v for w in words for v in case_variants([w]))


def _right_first_words(lex: Lexicon) -> frozenset[str]:
    """First words (casefolded, normalised as unit surfaces are) of everything the right
    context of a figure can start with: scale words and letters, units, range connectors
    and dashes, qualifiers after the figure ("or more")."""
    from .scale import scale_words

    phrases = [*scale_words(lex.lang), *lex.range_connectors, *lex.range_between_connectors,
               *(p for group in lex.qualifiers_after.values() for p in group)]
    words = {units.normalise_word(p.split()[0]).casefold() for p in phrases if p.split()}
    return frozenset(words | units.unit_first_words(lex.lang) | set(RANGE_DASHES))


def _elided(word: str) -> bool:
    return word.endswith(("'", "\u2019"))


def _rate_re(lex: Lexicon, unit: str) -> regex.Pattern:
    """A per-word and a unit after a figure's unit: the denominator of a rate.  Not when
    the unit goes on as a compound ("a year-long"); a time reference ("a year ago") is
    ruled out by ``rate_not_after_re``."""
    spaced = [w for w in lex.rate_per if not _elided(w)]
    elided = [w for w in lex.rate_per if _elided(w)]
    parts = [rf"{alternation(spaced)}{SP}"] if spaced else []
    if elided:
        parts.append(r"(?<![\p{L}\p{N}])(?:"
                     + "|".join(regex.escape(w[:-1]) + "['\u2019]" for w in elided) + ")")
    if not parts:
        return regex.compile(r"(?!)")
    return compile_pattern(
        rf"{SP}(?P<per>{'|'.join(parts)})(?P<den>{unit})(?![\-\u2010\u2011])",
        regex.IGNORECASE,
    )


def is_letter_scale_word(w: str) -> bool:
    return len(w.rstrip(".")) <= 1


@lru_cache(maxsize=256)  # one per distinct set of hint words: bounded on archives
def _hint_pattern(words: frozenset[str]) -> Scanner:
    return scan_re(words, ignore_case=False)


def find_candidates(text: str) -> tuple[list[int], list[int]]:
    """(positions of digit runs, positions of number-word hints) in ``text``.

    The word pass first finds which hint words the document's tokens hold (set work at
    C speed), then scans only for the few hint words the document contains.
    """
    digits = _digit_runs(text)
    hints = hint_words()
    if len(text) <= TOKEN_CHUNK and _plain_hints(hints):
        if INTERPRETED:
            return digits, _hint_places_by_runs(text, hints)
        return digits, _hint_places_bulk(text, hints)
    present = _present_hints(text, hints)
    if not present:
        return digits, []
    if not all(w.isalpha() for w in present):
        return digits, [m.start() for m in _hint_pattern(frozenset(present)).finditer(text)]
    return digits, _word_places(text, present)


DIGIT_CHARS: Final = tuple("0123456789")
DIGIT_SET: Final = frozenset(DIGIT_CHARS)


def _digit_runs(text: str) -> list[int]:
    """Starts of ``DIGITS_RE``'s matches (maximal runs of ASCII digits), in order: the
    places of each digit found by ``str.find`` (C speed; a regex match costs thousands
    of instructions), kept where no digit stands before."""
    starts: list[int] = []
    for d in DIGIT_CHARS:
        i = text.find(d)
        while i >= 0:
            if i == 0 or text[i - 1] not in DIGIT_SET:
                starts.append(i)
            i = text.find(d, i + 1)
    starts.sort()
    return starts


def _present_hints(text: str, hints: frozenset[str]) -> set[str]:
    """The hint words that some whitespace token of ``text`` strips to, hyphens splitting
    tokens too: the plain loop over every token."""
    present: set[str] = set()
    lo, n = 0, len(text)
    while lo < n:  # slices cut at whitespace: memory stays bounded on huge inputs
        hi = min(n, lo + TOKEN_CHUNK)
        while hi < n and not text[hi].isspace() and hi - lo < 2 * TOKEN_CHUNK:
            hi += 1
        # hyphens split too: "dix-huit", "Twenty-two" hold the hint words "dix", "Twenty";
        # a hint word is its own stripped form (a test checks the rules), so a token found
        # as it is needs no stripping, and a token is stripped only when it begins or ends
        # with punctuation (most do not).  No set of the distinct tokens first: building
        # it costs more than looking every token up.
        for t in text[lo:hi].replace("-", " ").split():
            if t in hints:
                present.add(t)
            elif t[-1] in STRIP_CHARS or t[0] in STRIP_CHARS:
                t = t.strip(TOKEN_STRIP)
                if t in hints:
                    present.add(t)
        lo = hi
    return present


EDGE_CHARS: Final = frozenset(TOKEN_STRIP.replace("-", ""))
"""What ``str.strip`` takes off a token's ends once hyphens have split the tokens."""
_PLAIN_HINTS: Final[dict[frozenset[str], bool]] = {}


def _plain_hints(hints: frozenset[str]) -> bool:
    """Whether every hint word is letters only (no stripped character, no space)."""
    found = _PLAIN_HINTS.get(hints)
    if found is None:
        found = _PLAIN_HINTS[hints] = all(w.isalpha() for w in hints)
    return found


ALNUM_BELOW: Final = 0x2070
"""Code points below this are classified by ``ALNUM_TABLE``: Latin, Greek, Cyrillic and
the general punctuation block (quotes, dashes, the ellipsis) of news text."""
ALNUM_TABLE: Final = bytes(1 if chr(c).isalnum() else 0 for c in range(ALNUM_BELOW))
"""``chr(c).isalnum()`` for each code point below ``ALNUM_BELOW``, computed from ``str``
itself (so it is exact for the running Python's Unicode database)."""
SLICE_CHECK: Final = 255
"""A ``_HintGate.pairs`` entry: a run beginning so is looked up by its slice."""


class _HintGate:
    """Which maximal runs of letters and digits may be a hint word, told from their
    length and first three code points without a slice: ``pairs`` at ``128 * first +
    second`` (both ASCII) is 0 when no hint begins so, ``SLICE_CHECK`` when a hint of
    two characters or one whose third is not ASCII does, else ``k``, and then
    ``thirds[128 * (k - 1) + third]`` tells whether a hint begins with the three (a
    third that is not ASCII: none does).  A run outside ``lo..hi`` characters is no
    hint; one whose first two code points are not both ASCII is looked up."""

    __slots__ = ("hi", "lo", "pairs", "thirds")

    def __init__(self, hints: frozenset[str]) -> None:
        self.lo: i64 = min(map(len, hints), default=1)
        self.hi: i64 = max(map(len, hints), default=0)
        pairs = bytearray(128 * 128)
        rows: dict[int, set[int]] = {}
        for w in hints:
            if len(w) < 2 or not w[:2].isascii():
                continue
            at = 128 * ord(w[0]) + ord(w[1])
            if len(w) == 2 or not w[2].isascii():
                pairs[at] = SLICE_CHECK
            else:
                rows.setdefault(at, set()).add(ord(w[2]))
        thirds = bytearray()
        for at, row in sorted(rows.items()):
            if pairs[at] == SLICE_CHECK or len(thirds) >= 128 * (SLICE_CHECK - 1):
                pairs[at] = SLICE_CHECK
                continue
            pairs[at] = len(thirds) // 128 + 1
            thirds.extend(1 if c in row else 0 for c in range(128))
        self.pairs: bytes = bytes(pairs)
        self.thirds: bytes = bytes(thirds)

    def may_hold(self, text: str, start: i64, end: i64) -> bool:
        """Whether the run ``text[start:end]`` may be a hint word (see the class)."""
        size: i64 = end - start
        if size < self.lo or size > self.hi:
            return False
        if size == 1:
            return True
        c0: i64 = ord(text[start])
        c1: i64 = ord(text[start + 1])
        if c0 >= 128 or c1 >= 128:
            return True
        k: i64 = self.pairs[128 * c0 + c1]
        if k == 0:
            return False
        if k == SLICE_CHECK:
            return True
        if size == 2:
            return False
        c2: i64 = ord(text[start + 2])
        return c2 < 128 and self.thirds[128 * (k - 1) + c2] != 0


_HINT_GATES: Final[dict[frozenset[str], _HintGate]] = {}


def _hint_gate(hints: frozenset[str]) -> _HintGate:
    found = _HINT_GATES.get(hints)
    if found is None:
        found = _HINT_GATES[hints] = _HintGate(hints)
    return found


def _hint_places_bulk(text: str, hints: frozenset[str]) -> list[int]:
    """``_word_places(text, _present_hints(text, hints))`` for hint words of letters only,
    by one pass over the code points (no split list of every word, no hash of every word).

    Exact: a hint word of letters only that some token strips to stands there between
    characters that are not letters or digits (a token boundary, a hyphen, or stripped
    punctuation: none is alphanumeric), so it is a whole maximal run of letters and
    digits; and ``_word_places`` finds a word exactly where it is such a run.  So the
    pass collects the runs that are hint words (``_HintGate`` rules most runs out
    without a slice; the rest are looked up), and keeps a word's runs if at one of them
    it stands as a token's stripped form (:func:`_stands_stripped`).  Runs are found in
    order and never overlap, so the places come out sorted.  A code point is classified
    by ``ALNUM_TABLE`` when below ``ALNUM_BELOW``, else by ``str.isalnum`` (what
    ``_word_places`` tests).
    """
    gate = _hint_gate(hints)
    lo: i64 = gate.lo
    hi: i64 = gate.hi
    pairs = gate.pairs
    thirds = gate.thirds
    table = ALNUM_TABLE
    n: i64 = len(text)
    starts: list[int] = []
    words: list[str] = []
    i: i64 = 0
    c: i64 = 0
    size: i64 = 0
    c0: i64 = 0
    c1: i64 = 0
    c2: i64 = 0
    row: i64 = 0
    # the code points in native 64-bit ints (``i64``): no tagged-int checks per character
    while i < n:
        c = ord(text[i])
        if c < ALNUM_BELOW:
            if not table[c]:
                i += 1
                continue
        elif not text[i].isalnum():
            i += 1
            continue
        start: i64 = i
        i += 1
        while i < n:
            c = ord(text[i])
            if c < ALNUM_BELOW:
                if not table[c]:
                    break
            elif not text[i].isalnum():
                break
            i += 1
        # ``gate.may_hold(text, start, i)``, inline (a call per run costs more than its test)
        size = i - start
        if size < lo or size > hi:
            may = False
        elif size == 1:
            may = True
        else:
            c0 = ord(text[start])
            c1 = ord(text[start + 1])
            if c0 >= 128 or c1 >= 128:
                may = True
            else:
                row = pairs[128 * c0 + c1]
                if row == 0:
                    may = False
                elif row == SLICE_CHECK:
                    may = True
                elif size == 2:
                    may = False
                else:
                    c2 = ord(text[start + 2])
                    may = c2 < 128 and thirds[128 * (row - 1) + c2] != 0
        if may:
            word = text[start:i]
            if word in hints:
                starts.append(start)
                words.append(word)
        i += 1  # text[i] is not alphanumeric (or i == n)
    if not starts:
        return []
    standing: set[str] = set()
    for k in range(len(starts)):
        word = words[k]
        if word not in standing and _stands_stripped(text, starts[k], starts[k] + len(word)):
            standing.add(word)
    return [starts[k] for k in range(len(starts)) if words[k] in standing]


INTERPRETED: Final = hasattr(_hint_places_bulk, "__code__")
"""Whether this module runs as Python source (the pure build): a mypyc-compiled function
has no code object.  The loop of :func:`_hint_places_bulk` pays only compiled (native
integers); interpreted, it costs a bytecode round per character, and
:func:`_hint_places_by_runs` gives the same places by C-speed calls."""

ALNUM_RUN_RE: Final = re.compile(r"[^\W_]+")
"""A maximal run of letters and digits: the standard library's ``\\w`` is a character
that ``str.isalnum`` accepts, or "_"."""


def _hint_places_by_runs(text: str, hints: frozenset[str]) -> list[int]:
    """:func:`_hint_places_bulk`'s places, for the pure build: the hint words among the
    document's maximal runs of letters and digits (``findall`` and a set intersection, at C
    speed), each placed by :func:`_word_places` (exactly where it is a whole run) and kept
    if at one of its places it stands as a token's stripped form, as the loop keeps it."""
    present = hints.intersection(ALNUM_RUN_RE.findall(text))
    if not present:
        return []
    places: list[int] = []
    for word in present:
        found = _word_places(text, {word})
        size = len(word)
        if any(_stands_stripped(text, i, i + size) for i in found):
            places.extend(found)
    places.sort()
    return places


def _stands_stripped(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, a run between characters that are not letters or
    digits, is what its token (whitespace and hyphens split) strips to: only edge
    punctuation between it and a token boundary on each side."""
    n = len(text)
    k = start - 1
    while k >= 0 and text[k] in EDGE_CHARS:
        k -= 1
    if k < 0 or text[k] == "-" or text[k].isspace():
        j = end
        while j < n and text[j] in EDGE_CHARS:
            j += 1
        return j == n or text[j] == "-" or text[j].isspace()
    return False


def _word_places(text: str, words: set[str]) -> list[int]:
    """Where the words stand between letter/digit boundaries, in order: what the trie
    scan of ``_hint_pattern`` finds, by ``str.find`` (C speed, and no pattern to compile
    per document).  Exact for words of letters only: such a match is a whole run of
    letters, so two matches never overlap and at most one word matches at a place."""
    places: list[int] = []
    n = len(text)
    for w in words:
        size = len(w)
        i = text.find(w)
        while i != -1:
            j = i + size
            if (i == 0 or not text[i - 1].isalnum()) and (j == n or not text[j].isalnum()):
                places.append(i)
            i = text.find(w, i + 1)
    places.sort()
    return places


def _named_after(lex: Lexicon) -> str:
    parts = [
        f"(?P<qa_{name}>{alternation(words)})"
        for name, words in lex.qualifiers_after.items()
        if words
    ]
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!)"
