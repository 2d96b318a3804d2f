"""The left context of a figure, read part by part instead of by one big reverse pattern.

``Grammar.left_re`` is the definition: a reverse pattern of five optional parts, read from
the figure outward (currency, range opener, qualifier, "by"/"to", change verb).  The
``regex`` module's price per match grows with a pattern's size and its groups (~60k
instructions per reverse match of left_re), while most figures have one part or none.

Why reading the parts one after another gives the same match: each part is optional and
everything to its left is optional too, so a backtracking match takes the first way the
part can match at the current position (or skips the part when it cannot) and never
comes back to it: what is left of it always matches.  So the monolithic match equals
matching each part's pattern, in turn, ending where the previous part began.  A part's
pattern is run with that end as ``endpos``, which cuts a lookahead at its right edge;
none looks past a part's end except the qualifier's letter boundary, which is tried only
after its "right after an apostrophe" alternative failed, and the parts that may follow
a qualifier all begin with a gap or an apostrophe (``tests/test_fastpaths_context.py``
checks every figure position of the fixtures and random texts against ``left_re``).
Lookbehinds see the same text either way (``pos`` stays the window's start).

A part is run only where the text before the position ends in the folded last word of
one of its phrases, the test ``claims._may_end_at`` made for the whole pattern.
"""

from __future__ import annotations

from typing import Any

import regex

from . import units


def fold_word(word: str) -> str:
    """A word folded so that every spelling a case-insensitive pattern matches for a phrase
    folds as the phrase does: casefolded, typographic apostrophes and hyphens made plain,
    and "İ" (which ``regex`` matches as "i" but casefolds to "i" + a combining dot) as "i".
    Folding text and phrases alike only merges spellings, so a phrase the pattern would
    match is always found by a test on folded strings."""
    folded = word.casefold()
    if folded.isascii():
        return folded
    return units.normalise_word(folded.replace("i\u0307", "i"))


class Suffixes:
    """A set of folded words, to test whether a string ends in one of them: a set lookup
    per distinct word length instead of ``str.endswith`` over every word."""

    __slots__ = ("sizes", "words")

    def __init__(self, words: set[str]) -> None:
        self.words: frozenset[str] = frozenset(words)
        self.sizes: tuple[int, ...] = tuple(sorted({len(w) for w in words}))

    def end(self, s: str) -> bool:
        """``s.endswith(tuple(self.words))``."""
        n = len(s)
        for k in self.sizes:
            if k > n:
                return False
            if s[n - k:] in self.words:
                return True
        return False


def last_word_before(text: str, pos: int, lo: int) -> str:
    """The folded whitespace-free chunk that ends right before ``pos`` or before the spaces
    there, looking no further left than ``lo``; "" when only spaces stand there."""
    i = pos
    while i > lo and text[i - 1].isspace():
        i -= 1
    if i == lo:
        return ""
    return fold_word(text[lo:i].rsplit(None, 1)[-1])  # from the last space


def _copy_spans(spans: list[int], regs: tuple[tuple[int, int], ...],
                pairs: tuple[tuple[int, int], ...]) -> None:
    """Copy a part's matched groups into the whole pattern's flat span list: ``regs`` is
    the part match's every group span (``Match.regs``: one call), ``pairs`` maps a part's
    group number to the whole pattern's."""
    for i, gi in pairs:
        s, e = regs[i]
        if s >= 0:
            spans[2 * gi] = s
            spans[2 * gi + 1] = e


class PartsMatch:
    """What ``left_re.match`` or ``right_re.match`` returns, for the calls the engine makes
    on it: ``start``, ``end``, ``span``, ``group`` (of the whole match or of a group by
    number) and ``groups()``."""

    __slots__ = ("spans", "text")

    def __init__(self, text: str, spans: list[int]) -> None:
        self.text = text
        self.spans = spans  # start and end of the match (group 0) and of every group; -1: none

    def start(self, group: int = 0) -> int:
        return self.spans[2 * group]

    def end(self, group: int = 0) -> int:
        return self.spans[2 * group + 1]

    def span(self, group: int = 0) -> tuple[int, int]:
        return self.spans[2 * group], self.spans[2 * group + 1]

    def group(self, group: int = 0) -> str | None:
        s = self.spans[2 * group]
        return None if s < 0 else self.text[s:self.spans[2 * group + 1]]

    def read(self, pairs: tuple[tuple[str, int], ...]) -> dict[str, str | None]:
        """``Groups.read``: the groups by name (``pairs``: ``Groups.pairs``)."""
        spans = self.spans
        text = self.text
        found: dict[str, str | None] = {}
        for name, i in pairs:
            s = spans[2 * i]
            found[name] = None if s < 0 else text[s:spans[2 * i + 1]]
        return found

    def groups(self) -> tuple[str | None, ...]:
        spans = self.spans
        text = self.text
        return tuple(None if spans[i] < 0 else text[spans[i]:spans[i + 1]]
                     for i in range(2, len(spans), 2))


class LeftReader:
    """``left_re.match(text, lo, pos)`` part by part (see the module's docstring)."""

    __slots__ = ("checks", "lasts", "maps", "ngroups", "parts", "sizes")

    def __init__(self, parts: tuple[regex.Pattern, ...], lasts: tuple[frozenset[str], ...],
                 index: dict[str, int], checks: tuple[PhraseEnds | None, ...]) -> None:
        """``parts``: the part patterns from the figure outward, each with the folded last
        words of its phrases and, for a part that is a plain phrase then a gap or an
        apostrophe (the qualifier), a sharper test of its last two words (``checks``);
        ``index``: the group numbers of the whole pattern."""
        self.parts = parts
        self.checks = checks
        # last word -> the parts (a bit each) that have a phrase ending in it
        self.lasts: dict[str, int] = {}
        for k, words in enumerate(lasts):
            for w in words:
                self.lasts[w] = self.lasts.get(w, 0) | (1 << k)
        self.sizes: tuple[int, ...] = tuple(sorted({len(w) for w in self.lasts}))
        self.ngroups: int = len(index)
        self.maps: tuple[tuple[tuple[int, int], ...], ...] = tuple(
            tuple((i, index[name]) for name, i in p.groupindex.items()) for p in parts
        )

    def _parts_ending(self, word: str) -> int:
        """The parts (a bit each) with a phrase whose last word ``word`` ends in."""
        n = len(word)
        found = 0
        for k in self.sizes:
            if k > n:
                break
            bits = self.lasts.get(word[n - k:])
            if bits is not None:
                found |= bits
        return found

    def match(self, text: str, lo: int, pos: int) -> PartsMatch | None:
        """The left context's match, or None when it is empty."""
        spans: list[int] | None = None
        cur = pos
        word = last_word_before(text, cur, lo)
        if not word:
            return None
        may = self._parts_ending(word)
        for k in range(len(self.parts)):
            if not may >> k & 1:
                continue
            check = self.checks[k]
            if check is not None and not check.may_end(text, cur, lo):
                continue
            m: Any = self.parts[k].match(text, lo, cur)
            if m is None:
                continue
            if spans is None:
                spans = [-1] * (2 * self.ngroups + 2)
            _copy_spans(spans, m.regs, self.maps[k])
            cur = m.start()
            word = last_word_before(text, cur, lo)
            if not word:
                break
            may = self._parts_ending(word)
        if spans is None or cur == pos:
            return None
        spans[0] = cur
        spans[1] = pos
        return PartsMatch(text, spans)


class PhraseEnds:
    """Where a reverse pattern of phrases (``alternation(phrases)``, case-insensitive, then an
    optional gap) can match before a position: a sharper :func:`claims._may_end_at`.

    A one-word phrase needs the whitespace-free chunk before the position (or before the
    spaces there) to end in its folded word.  A phrase of several words needs that chunk to
    be its folded last word exactly (a gap, all ``str.isspace``, stands before that word
    in the phrase) and the chunk before to end in its folded last-but-one word: "de" alone
    no longer sends every French "de 20" to the costly reverse match of "âgé de"."""

    __slots__ = ("fold", "pairs", "singles")

    def __init__(self, phrases: list[str], fold: bool = True) -> None:
        """``fold``: False for a case-sensitive pattern of literal phrases (the currency
        markers), whose words are then compared as written."""
        self.fold = fold
        singles: set[str] = set()
        pairs: dict[str, set[str]] = {}
        for p in phrases:
            words = [fold_word(w) if fold else w for w in p.split()]
            if len(words) == 1:
                singles.add(words[0])
            elif words:
                pairs.setdefault(words[-1], set()).add(words[-2])
        self.singles = Suffixes(singles)
        self.pairs: dict[str, Suffixes] = {last: Suffixes(ws) for last, ws in pairs.items()}

    def may_end(self, text: str, pos: int, lo: int) -> bool:
        i = pos
        while i > lo and text[i - 1].isspace():
            i -= 1
        j = i
        while j > lo and not text[j - 1].isspace():
            j -= 1
        if j == i:
            return False
        word = fold_word(text[j:i]) if self.fold else text[j:i]
        if self.singles.end(word):
            return True
        before = self.pairs.get(word)
        if before is None or j == lo:
            return False
        if not self.fold:
            k = j
            while k > lo and text[k - 1].isspace():
                k -= 1
            return k > lo and before.end(text[lo:k].rsplit(None, 1)[-1])
        return before.end(last_word_before(text, j, lo))


class FirstWords:
    """Whether a word can begin with one of a set of first words of phrases (casefolded,
    apostrophes and hyphens normalised): the test ``claims._right_may_match`` made for the
    whole right context, here for one of its parts."""

    __slots__ = ("firsts", "prefixes")

    def __init__(self, firsts: frozenset[str]) -> None:
        self.firsts = firsts
        self.prefixes: frozenset[str] = frozenset(w[:n] for w in firsts for n in range(1, len(w) + 1))

    def may_start(self, word: str) -> bool:
        firsts = self.firsts
        prefixes = self.prefixes
        for n in range(1, len(word) + 1):
            head = word[:n]
            if head not in prefixes:
                return False  # no longer head is a first word either
            # every phrase the pattern reads ends at a letter boundary unless it ends in a
            # sign ("%", "€"): "people" does not start the unit "p"
            if head in firsts and (n == len(word) or not word[n].isalnum() or not word[n - 1].isalnum()):
                return True
        return False


def first_word_at(text: str, pos: int, end: int, longest: int) -> str:
    """The whitespace-free chunk after the spaces at ``pos`` (at most ``longest`` characters,
    the longest first word asked about), normalised and casefolded; "" when none."""
    j = pos
    while j < end and text[j].isspace():
        j += 1
    if j >= end:
        return ""
    word = text[j:min(end, j + longest)].split(None, 1)[0]  # up to a space
    if not word.isascii():
        word = units.normalise_word(word)
    return word.casefold()


class RightReader:
    """``right_re.match`` (or ``right_between_re``'s) part by part: scale word or letter,
    unit, range (connector and second figure), qualifier after.  Each part is optional and
    what follows is optional too, so the monolithic match takes each part's first way to
    match in turn, as the parts matched one after another do (``pos`` moves, ``endpos``
    stays: every lookaround sees the same text).  A part runs only where the next word can
    begin one of its phrases (:meth:`FirstWords.may_start`, asked for all parts at once)."""

    __slots__ = ("first_bits", "longest", "maps", "ngroups", "parts", "prefix_bits")

    def __init__(self, parts: tuple[regex.Pattern, ...], firsts: tuple[FirstWords, ...],
                 index: dict[str, int], longest: int) -> None:
        """``parts``: scale, unit, range (right_re's), range (right_between_re's), qafter."""
        self.parts = parts
        # first word, and every prefix of one -> the parts (a bit each) that have it
        self.first_bits: dict[str, int] = {}
        self.prefix_bits: dict[str, int] = {}
        for k, f in enumerate(firsts):
            for w in f.firsts:
                self.first_bits[w] = self.first_bits.get(w, 0) | (1 << k)
            for w in f.prefixes:
                self.prefix_bits[w] = self.prefix_bits.get(w, 0) | (1 << k)
        self.longest = longest
        self.ngroups: int = len(index)
        self.maps: tuple[tuple[tuple[int, int], ...], ...] = tuple(
            tuple((i, index[name]) for name, i in p.groupindex.items()) for p in parts
        )

    def _parts_starting(self, word: str) -> int:
        """The parts (a bit each) whose :class:`FirstWords` ``may_start(word)``: one walk
        over the word's prefixes for all of them."""
        found = 0
        n_word = len(word)
        for n in range(1, n_word + 1):
            head = word[:n]
            if head not in self.prefix_bits:
                break  # no longer head is a first word of any part either
            bits = self.first_bits.get(head)
            if bits is not None and (n == n_word or not word[n].isalnum() or not word[n - 1].isalnum()):
                found |= bits
        return found

    def match(self, text: str, pos: int, end: int, between: bool) -> PartsMatch | None:
        """The right context's match at ``pos``, or None when it is empty."""
        spans: list[int] | None = None
        cur = pos
        may = self._parts_starting(first_word_at(text, cur, end, self.longest))
        for k in (0, 1, 3 if between else 2, 4):
            if not may >> k & 1:
                continue
            m: Any = self.parts[k].match(text, cur, end)
            if m is None:
                continue
            if spans is None:
                spans = [-1] * (2 * self.ngroups + 2)
            _copy_spans(spans, m.regs, self.maps[k])
            cur = m.end()
            may = self._parts_starting(first_word_at(text, cur, end, self.longest))
        if spans is None or cur == pos:
            return None
        spans[0] = pos
        spans[1] = cur
        return PartsMatch(text, spans)
