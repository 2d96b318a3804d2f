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

from typing import Any, Final

import regex

from . import units
from .lexicon import WORD_GAP, phrase_source


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


MAX_MEMO: Final = 1 << 14
"""Most entries one of this module's memos of words keeps (then it starts afresh)."""
# whitespace-free chunk of text -> fold_word(chunk): the chunks before figures repeat
_FOLDS: Final[dict[str, str]] = {}


def folded_chunk(chunk: str) -> str:
    """``fold_word(chunk)``, memoized (a word's fold costs a casefold and more; a dict
    lookup of the chunk costs its hash)."""
    word = _FOLDS.get(chunk)
    if word is None:
        if len(_FOLDS) >= MAX_MEMO:
            _FOLDS.clear()
        word = _FOLDS[chunk] = fold_word(chunk)
    return word


def last_word_before(text: str, pos: int, lo: int) -> str:
    """The folded whitespace-free chunk that ends right before ``pos`` or before the spaces
    there, looking no further left than ``lo``; "" when only spaces stand there."""
    i = pos
    while i > lo and text[i - 1].isspace():
        i -= 1
    if i == lo:
        return ""
    j = i - 1
    while j > lo and not text[j - 1].isspace():  # back to the last space, as str.rsplit()
        j -= 1
    return folded_chunk(text[j:i])


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


# How grammar.py spells a left part of phrases: groups of phrases, each after a letter
# boundary and before a boundary (an elided one may end in an apostrophe instead), then a
# gap (or nothing after an apostrophe).  LeftReader reads such a part by comparison.
ELIDED_END: Final = r"(?<=['\u2019])"
NOT_LN: Final = r"(?![\p{L}\p{N}])"
_ELIDED_TAIL: Final = f"(?:{ELIDED_END}|{NOT_LN})"
_GROUP_RE: Final = regex.compile(
    r"\(\?P<(\w+)>\(\?<!\[\\p\{L\}\\p\{N\}\]\)\(\?:((?:[^()\\]|\\.)*)\)("
    + regex.escape(_ELIDED_TAIL) + "|" + regex.escape(NOT_LN) + r")\)")
# Characters before a phrase that are neither a letter nor a digit (``(?<![\p{L}\p{N}])``
# holds after them), beyond ASCII and spaces.
LEFT_BOUNDARY_SIGNS: Final = frozenset("\u2014\u2013\u2026\u201c\u201d\u00ab\u00bb\u2018\u2019\u2010\u2011")
_LATIN1_NOT_LETTERS: Final = "\u00d7\u00f7"


def plain_left_char(c: str) -> bool:
    """Whether a character of a left phrase (or of the text compared with it) matches, in a
    case-insensitive pattern, exactly the characters of the same ``str.lower`` among these:
    a unit's plain character (:func:`plain_unit_char`), an apostrophe or a hyphen (without
    case; the left patterns spell them as written)."""
    return plain_unit_char(c) or c in units._APOSTROPHES or c in units._HYPHENS


class LeftPhrase:
    """A phrase of a left part as :meth:`LeftReader._read` compares it."""

    __slots__ = ("group", "lasts", "upper_lasts", "words")

    def __init__(self, words: tuple[str, ...], group: int) -> None:
        self.words = words  # lowercase, from the last word to the first
        self.group = group  # its group's number in the whole pattern
        # each word's last character, and its uppercase: the only ASCII characters of the
        # text that match it
        self.lasts: tuple[str, ...] = tuple(w[-1] for w in words)
        self.upper_lasts: tuple[str, ...] = tuple(w[-1].upper() for w in words)


class LeftWord:
    """What the chunk of text before a position tells (``LeftReader._parts_before``): the
    parts that may end there (a bit each) and, for a part read by comparison, the phrases
    that may (those whose folded last word ends the chunk's fold), in the pattern's order."""

    __slots__ = ("bits", "phrases")

    def __init__(self, bits: int, phrases: tuple[tuple[LeftPhrase, ...] | None, ...]) -> None:
        self.bits = bits
        self.phrases = phrases


_NO_WORD: Final = LeftWord(0, ())


def parse_left_part(pattern: str, index: dict[str, int]) -> tuple[bool, list[tuple[int, LeftPhrase]]] | None:
    """A left part's phrases in the pattern's order (each with its last word folded) and
    whether the gap after them may be an apostrophe ending the last one instead, where
    ``pattern`` is a part of phrases spelled as grammar.py spells it; None otherwise.  The
    pattern is spelled again from what was read and must come out the same, so what is
    read is what the pattern matches; phrases of characters other than plain ones
    (:func:`plain_left_char`) are not read."""
    groups = list(_GROUP_RE.finditer(pattern))
    if not groups:
        return None
    found: list[tuple[int, LeftPhrase]] = []
    spelled: list[str] = []
    for g in groups:
        name: str = g.group(1)
        body: str = g.group(2)
        tail: str = g.group(3)
        if name not in index:
            return None
        for alt in body.split("|"):
            words: list[str] = []
            for w in alt.split(WORD_GAP):
                unescaped: str = regex.sub(r"\\(.)", r"\1", w, flags=regex.DOTALL)
                words.append(unescaped)
            phrase = " ".join(words)
            if (phrase_source(phrase) != alt or not all(words)
                    or not all(plain_left_char(c) and c not in "\\|" for c in phrase if c != " ")):
                return None
            lowers = [w.lower() for w in words]
            lowers.reverse()
            found.append((index[name], LeftPhrase(tuple(lowers), index[name])))
        spelled.append(f"(?P<{name}>(?<![\\p{{L}}\\p{{N}}])(?:{body}){tail})")
    groups_src = spelled[0] if len(spelled) == 1 else "(?:" + "|".join(spelled) + ")"
    for elided, gap in ((False, WORD_GAP), (True, f"(?:{WORD_GAP}|{ELIDED_END})")):
        if "".join(pattern.split()) == "".join(f"(?r)(?:{groups_src}{gap})".split()):
            return elided, found
    return None


class LeftReader:
    """``left_re.match(text, lo, pos)`` part by part (see the module's docstring).

    A part of phrases (range opener, qualifier, "by"/"to") is read by comparing the text
    with its phrases (:meth:`_read`) instead of running its pattern: a reverse match of the
    qualifiers' alternation costs ~15k instructions, a comparison a few hundred."""

    __slots__ = ("checks", "elided", "ends", "index", "lasts", "maps", "ngroups", "parts", "read", "sizes")

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
        # the parts read by comparison (:func:`parse_left_part`), whether each may end in an
        # apostrophe, and their phrases by folded last word (each with its part and its
        # place in the pattern's order)
        self.read: tuple[bool, ...] = ()
        self.elided: tuple[bool, ...] = ()
        self.index: dict[str, list[tuple[int, int, LeftPhrase]]] = {}
        read: list[bool] = []
        elided: list[bool] = []
        for k, p in enumerate(parts):
            parsed = parse_left_part(p.pattern, index)
            read.append(parsed is not None)
            elided.append(parsed is not None and parsed[0])
            if parsed is not None:
                for order, (_, phrase) in enumerate(parsed[1]):
                    last = fold_word(phrase.words[0])
                    self.index.setdefault(last, []).append((k, order, phrase))
        self.read = tuple(read)
        self.elided = tuple(elided)
        # whitespace-free chunk of text -> what it tells (:class:`LeftWord`), a memo
        self.ends: dict[str, LeftWord] = {}

    def _parts_before(self, text: str, pos: int, lo: int) -> LeftWord:
        """What ``last_word_before(text, pos, lo)`` tells (:class:`LeftWord`; no part where
        that word is ""), memoized by the chunk of text the word is folded from."""
        i = pos
        while i > lo and text[i - 1].isspace():
            i -= 1
        if i == lo:
            return _NO_WORD
        j = i - 1
        while j > lo and not text[j - 1].isspace():  # back to the last space, as str.rsplit()
            j -= 1
        chunk = text[j:i]
        ends = self.ends
        found = ends.get(chunk)
        if found is None:
            if len(ends) >= MAX_MEMO:
                ends.clear()
            found = ends[chunk] = self._word(fold_word(chunk))
        return found

    def _word(self, word: str) -> LeftWord:
        """What a folded last word tells: the parts ending in it, and for the parts read by
        comparison the phrases whose folded last word ends it (a phrase that matches before
        a position has its last word matched by the end of the chunk there, whose fold
        then ends in the phrase's, :func:`fold_word`)."""
        bits = self._parts_ending(word)
        hits: list[tuple[int, int, LeftPhrase]] = []
        for n in range(len(word)):
            hits.extend(self.index.get(word[n:], []))
        phrases: list[tuple[LeftPhrase, ...] | None] = []
        for k in range(len(self.parts)):
            if self.read[k] and bits >> k & 1:
                phrases.append(tuple(ph for _, _, ph in sorted((h for h in hits if h[0] == k),
                                                               key=lambda h: h[1])))
            else:
                phrases.append(None)
        return LeftWord(bits, tuple(phrases))

    def _read(self, text: str, lo: int, pos: int, k: int, phrases: tuple[LeftPhrase, ...],
              spans: list[int]) -> int:
        """Where part ``k``'s match ending at ``pos`` starts, its group's span written into
        ``spans``; -1 where it does not match, -2 where its pattern must tell.

        Why this is the pattern's match, read from the right: the gap (``grammar.SP``: all
        ``str.isspace`` but :data:`UNGAPPED_SPACES`) takes every space before ``pos``, as no
        phrase ends in one; without a gap, the part matches only after an apostrophe where
        it may.  Then the first phrase in the pattern's order that the text ends in wins:
        word by word, each the same by ``str.lower`` (an ASCII last character other than the
        word's, in either case, rules it out at once; text characters all plain,
        :func:`plain_left_char`, or one a space, which matches no phrase's character; else
        the pattern tells), a gap between words; then a letter boundary before it, which
        sees before the window's start ``lo`` as lookbehinds do (a space, an ASCII sign,
        :data:`LEFT_BOUNDARY_SIGNS` or the text's start: no letter or digit; an ASCII or
        Latin-1 letter or digit: none; else the pattern tells).  The boundary after the
        phrase holds: before a gap, after an apostrophe, and at ``pos``, the pattern's
        ``endpos``, past which a lookahead sees nothing."""
        e = pos
        while e > lo and text[e - 1].isspace() and text[e - 1] not in UNGAPPED_SPACES:
            e -= 1
        if e == pos and not (self.elided[k] and pos > lo and text[pos - 1] in "'\u2019"):
            return -1
        last = ""  # the last word compared at ``e`` and whether the text ends in it there
        last_matches = False
        for phrase in phrases:
            x = e
            n = 0
            for w in phrase.words:
                if not n and w == last:  # phrases sharing their last word compare it once
                    if not last_matches:
                        x = -1
                        break
                    x = e - len(w)
                    n = 1
                    continue
                if n:
                    y = x
                    while y > lo and text[y - 1].isspace() and text[y - 1] not in UNGAPPED_SPACES:
                        y -= 1
                    if y == x:
                        x = -1
                        break
                    x = y
                n += 1
                start = x - len(w)
                if start < lo:
                    x = -1
                    break
                c = text[x - 1]
                if ord(c) < 128 and c != phrase.lasts[n - 1] and c != phrase.upper_lasts[n - 1]:
                    same = False  # an ASCII character matches only these
                else:
                    seg = text[start:x]
                    for c in seg:
                        o = ord(c)
                        if o >= 128 and not 0xC0 <= o <= 0xFE and not plain_left_char(c):
                            if any(ch.isspace() for ch in seg):  # matches no phrase's character
                                x = -1
                                break
                            return -2
                    if x < 0:
                        break
                    same = seg.lower() == w
                if n == 1:
                    last = w
                    last_matches = same
                if not same:
                    x = -1
                    break
                x = start
            if x < 0:
                continue
            if x > 0:  # the lookbehind sees before the window's start
                c = text[x - 1]
                if c <= "\x7f":
                    if c.isalnum():
                        continue
                elif "\u00c0" <= c <= "\u00fe" and c not in _LATIN1_NOT_LETTERS:
                    continue
                elif not (c.isspace() or c in LEFT_BOUNDARY_SIGNS):
                    return -2
            spans[2 * phrase.group] = x
            spans[2 * phrase.group + 1] = e
            return x
        return -1

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
        word = self._parts_before(text, cur, lo)
        may = word.bits
        if not may:
            return None
        for k in range(len(self.parts)):
            if not may >> k & 1:
                continue
            phrases = word.phrases[k]
            if phrases is not None:
                if spans is None:
                    spans = [-1] * (2 * self.ngroups + 2)
                start = self._read(text, lo, cur, k, phrases, spans)
                if start == -1:
                    continue
                if start >= 0:
                    cur = start
                    word = self._parts_before(text, cur, lo)
                    may = word.bits
                    if not may:
                        break
                    continue
            check = self.checks[k]
            if check is not None and not check.may_end(text, cur, lo):
                continue
            m: Any = self.parts[k].match(text, lo, cur)
            if m is None:
                continue
            if spans is None:
                spans = [-1] * (2 * self.ngroups + 2)
            regs: tuple[tuple[int, int], ...] = m.regs
            _copy_spans(spans, regs, self.maps[k])
            cur = regs[0][0]  # m.start(), without a method call
            word = self._parts_before(text, cur, lo)
            may = word.bits
            if not may:
                break
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

    __slots__ = ("fold", "memo", "pairs", "singles")

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
        # whitespace-free chunk of text -> what it tells as the last word (``_last``), a memo
        self.memo: dict[str, Suffixes | bool] = {}

    def _last(self, chunk: str) -> Suffixes | bool:
        """For the chunk before the position: True where a one-word phrase ends it, else
        the last-but-one words of the phrases it is the last word of, False if none."""
        word = fold_word(chunk) if self.fold else chunk
        if self.singles.end(word):
            return True
        before = self.pairs.get(word)
        return False if before is None else before

    def may_end(self, text: str, pos: int, lo: int) -> bool:
        i = pos
        while i > lo and text[i - 1].isspace():
            i -= 1
        j = i
        while j > lo and not text[j - 1].isspace():
            j -= 1
        if j == i:
            return False
        chunk = text[j:i]
        memo = self.memo
        found = memo.get(chunk)
        if found is None:
            if len(memo) >= MAX_MEMO:
                memo.clear()
            found = memo[chunk] = self._last(chunk)
        if isinstance(found, bool):
            return found
        before = found
        if j == lo:
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


def fold_first(chunk: str) -> str:
    """The first word read from a whitespace-free chunk of text after a position (see
    :meth:`RightReader._first_at`): normalised and casefolded."""
    if not chunk.isascii():
        chunk = units.normalise_word(chunk)
    return chunk.casefold()


# Folded text characters that ``regex`` matches case-insensitively for a unit surface's
# character while their folds differ ("ı" and "İ" for "I" and "i"; "İ" folds to "i" and a
# combining dot): where the next word holds one, the unit part's pattern decides.
# ``tests/test_fastpaths_context.py`` checks every character against the unit surfaces.
UNFOLDED_MATCHES: Final = ("\u0131", "\u0307")
# Characters after a unit that are neither a letter, a digit nor an apostrophe, so the
# end of a unit ending in a letter or a digit (``units._END``) may stand before them.
UNIT_END_SIGNS: Final = frozenset("\u2014\u2013\u2026\u201c\u201d\u00ab\u00bb\u2018\u00a0\u202f")
# Characters the unit pattern's gap (``grammar.SP``) does not match though they are
# ``str.isspace``: where one follows a figure, the unit part's pattern decides.
UNGAPPED_SPACES: Final = "\x1c\x1d\x1e\x1f"
# the most unit surfaces RightReader compares one by one after a word (see there)
MAX_UNIT_SURFACES: Final = 16
# a unit surface as RightReader reads it (see there)
UnitSurface = tuple[tuple[str, ...], tuple[str, ...], bool, bool, bool, tuple[str, ...], tuple[str, ...]]
_APOSTROPHE_END: Final = frozenset("'\u2019\u02bc")


def unit_first_fold(surface: str) -> str:
    """A unit surface's first word folded as :func:`fold_first` folds the text."""
    return units.normalise_word(surface.split()[0]).casefold()


def plain_unit_char(c: str) -> bool:
    """Whether a unit surface's character is compared as written, ignoring case by
    ``str.lower`` where the surface ignores case: an ASCII letter, digit or sign but an
    apostrophe or a hyphen, a Latin-1 letter ("é", "ü"), or a sign without case ("€",
    "°", "²"; the pattern matches it, ignoring case, only with itself)."""
    if c.isascii():
        return c not in "'-" and not c.isspace()
    if "\u00c0" <= c <= "\u00fe":
        return True
    if c in units._APOSTROPHES or c in units._HYPHENS or c.isspace():
        return False
    return c.lower() == c and c.upper() == c and c.casefold() == c


def readable_unit(surface: str) -> bool:
    """Whether :meth:`RightReader._unit_end` reads a unit surface: words of plain characters
    (:func:`plain_unit_char`), apostrophes and hyphens (which the pattern matches as
    classes of variants, ``units.normalise_word`` folds alike), one space between words."""
    return " ".join(surface.split()) == surface and all(
        plain_unit_char(c) or c in units._APOSTROPHES or c in units._HYPHENS for c in surface if c != " ")


class RightReader:
    """``right_re.match`` (or ``right_between_re``'s) part by part: scale word or letter,
    unit, range (connector and second figure), qualifier after.  Each part is optional and
    what follows is optional too, so the monolithic match takes each part's first way to
    match in turn, as the parts matched one after another do (``pos`` moves, ``endpos``
    stays: every lookaround sees the same text).  A part runs only where the next word can
    begin one of its phrases (:meth:`FirstWords.may_start`, asked for all parts at once).

    The unit part is mostly read without its pattern (:meth:`_unit_end`): the pattern is
    an alternation of hundreds of surfaces; a "years" after a figure costs ~15k
    instructions there, a few string comparisons here."""

    __slots__ = ("first_bits", "longest", "maps", "ngroups", "parts", "prefix_bits", "starts",
                 "unit_firsts", "unit_group", "unit_plain", "unit_prefixes", "unit_seconds", "unit_wide")

    def __init__(self, parts: tuple[regex.Pattern, ...], firsts: tuple[FirstWords, ...],
                 index: dict[str, int], longest: int,
                 unit_items: tuple[tuple[str, bool], ...] = ()) -> None:
        """``parts``: scale, unit, range (right_re's), range (right_between_re's), qafter.
        ``unit_items``: the unit surfaces (and whether each is case-sensitive) the unit
        part's alternation is made of (``units._after_items``)."""
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
        # chunk of text a first word is read from -> the word and the parts it may start
        # (``_parts_starting``), a memo
        self.starts: dict[str, tuple[str, int]] = {}
        self.ngroups: int = len(index)
        self.maps: tuple[tuple[tuple[int, int], ...], ...] = tuple(
            tuple((i, index[name]) for name, i in p.groupindex.items()) for p in parts
        )
        self.unit_group: int = index.get("unit", -1)
        self.unit_firsts: frozenset[str] = firsts[1].firsts
        self.unit_prefixes: frozenset[str] = firsts[1].prefixes
        by_first: dict[str, set[tuple[str, bool]]] = {}
        for item in unit_items:
            by_first.setdefault(unit_first_fold(item[0]), set()).add(item)
        # unit first word -> the surfaces whose first word is it or a prefix of it, in the
        # alternation's order (``units._alternation``: longest first), each as its words
        # (apostrophes and hyphens normalised), their lowercase, whether it is
        # case-sensitive, whether it ends in a letter or digit (then the pattern's end
        # ``units._END`` follows it), whether it has an apostrophe or a hyphen, and the
        # ASCII characters a word's first character may be (as written, or either case); only
        # where every such surface is readable (:func:`readable_unit`) and they are few;
        # where they are many (French "de" begins 162 surfaces), each with the folded first
        # and second words of a surface of several words ("" for one word): those are
        # tried only where the text's first and second words fit (:meth:`_wide_candidates`)
        self.unit_plain: dict[str, tuple[UnitSurface, ...]] = {}
        self.unit_wide: dict[str, tuple[tuple[str, str, UnitSurface], ...]] = {}
        # first word + "\x00" + the text's folded second word -> the surfaces to try, a memo
        self.unit_seconds: dict[str, tuple[UnitSurface, ...]] = {}
        for first in self.unit_firsts:
            members: set[tuple[str, bool]] = set()
            for n in range(1, len(first) + 1):
                members |= by_first.get(first[:n], set())
            if not members or not all(readable_unit(s) for s, _ in members):
                continue
            ordered = sorted(members, key=lambda it: (-len(it[0]), it[0], not it[1]))
            surfaces = tuple(
                (tuple(units.normalise_word(s).split()), tuple(units.normalise_word(s).lower().split()),
                 cs, s[-1].isalnum() or s[-1] == "_",
                 any(c in units._APOSTROPHES or c in units._HYPHENS for c in s),
                 tuple(w[0] if cs else w[0].lower() for w in units.normalise_word(s).split()),
                 tuple(w[0] if cs else w[0].lower().upper() for w in units.normalise_word(s).split()))
                for s, cs in ordered)
            if len(members) <= MAX_UNIT_SURFACES:
                self.unit_plain[first] = surfaces
            else:
                self.unit_wide[first] = tuple(
                    (unit_first_fold(s) if len(s.split()) > 1 else "",
                     fold_first(s.split()[1]) if len(s.split()) > 1 else "", surface)
                    for (s, _), surface in zip(ordered, surfaces, strict=True))

    def _wide_candidates(self, text: str, q: int, end: int, first: str,
                         wide: tuple[tuple[str, str, UnitSurface], ...]) -> tuple[UnitSurface, ...] | None:
        """The surfaces of ``wide`` (``unit_wide[first]``) that may match at ``q``, None where
        the pattern must tell.  A surface of several words matches only where the whole
        chunk at ``q`` (up to a space) is its first word, so folds as that word, and the
        next chunk after the gap begins with its second word, so its fold begins with that
        word's (but for a chunk holding a character of :data:`UNFOLDED_MATCHES`, or a gap
        holding one of :data:`UNGAPPED_SPACES`)."""
        j = q
        while j < end and not text[j].isspace():
            j += 1
        k = j
        while k < end and text[k].isspace():
            if text[k] in UNGAPPED_SPACES:
                return None
            k += 1
        m = k
        while m < end and not text[m].isspace():
            m += 1
        head = fold_first(text[q:j])
        second = fold_first(text[k:m])
        for w in (head, second):
            if not w.isascii() and (UNFOLDED_MATCHES[0] in w or UNFOLDED_MATCHES[1] in w):
                return None
        key = first + "\x00" + head + "\x00" + second
        seconds = self.unit_seconds
        found = seconds.get(key)
        if found is None:
            if len(seconds) >= MAX_MEMO:
                seconds.clear()
            found = seconds[key] = tuple(surface for f, w, surface in wide
                                         if not f or (f == head and second.startswith(w)))
        return found

    def _unit_end(self, text: str, pos: int, end: int, word: str) -> int:
        """Where the unit part's match at ``pos`` ends, -1 when it does not match, -2 when
        its pattern must tell (``word``: the first word there, :meth:`_first_at`).

        Why this is the pattern's match: the gap is read as ``grammar.SP`` reads it (all
        ``str.isspace`` but :data:`UNGAPPED_SPACES`), and no surface begins with a space,
        so a unit begins after all of it.  The alternation's first matching surface wins,
        longest first.  A surface that matches has its first word matched by the head of
        the next word, whose fold is then the fold of the surface's first word (unless
        ``word`` holds one of :data:`UNFOLDED_MATCHES`): a unit first word heading
        ``word``, so a prefix of the longest such head, whose surfaces are tried here in
        the alternation's order.  A readable surface (:func:`readable_unit`) matches where
        each word is the text's, apostrophes and hyphens normalised, the same by
        ``str.lower`` (case-insensitive) or as written, with a gap between words (an ASCII
        first character other than the word's, in either case, rules it out); where a
        text character is not plain (:func:`plain_unit_char`) and may match in another
        way, the pattern tells.  Its end is tried on ASCII, spaces and
        :data:`UNIT_END_SIGNS` only."""
        if not word.isascii() and (UNFOLDED_MATCHES[0] in word or UNFOLDED_MATCHES[1] in word):
            return -2
        best = ""
        for n in range(1, len(word) + 1):
            head = word[:n]
            if head not in self.unit_prefixes:
                break
            if head in self.unit_firsts:
                best = head
        q = pos
        while q < end and text[q].isspace():
            if text[q] in UNGAPPED_SPACES:
                return -2
            q += 1
        candidates = self.unit_plain.get(best)
        if candidates is None:
            wide = self.unit_wide.get(best)
            if wide is None:
                return -2
            candidates = self._wide_candidates(text, q, end, best, wide)
            if candidates is None:
                return -2
        for words, lowers, cs, needs_end, norm, heads, upper_heads in candidates:
            e = q
            for i in range(len(words)):
                if i:  # the pattern's gap between words: \s+
                    j = e
                    while j < end and text[j].isspace() and text[j] not in UNGAPPED_SPACES:
                        j += 1
                    if j == e:
                        e = -1
                        break
                    e = j
                word_end = e + len(words[i])
                if word_end > end:
                    e = -1
                    break
                c = text[e]
                if ord(c) < 128 and c != heads[i] and c != upper_heads[i]:
                    e = -1  # an ASCII character is plain, and matches only these
                    break
                seg = text[e:word_end]
                if norm and not seg.isascii():
                    seg = units.normalise_word(seg)
                if cs:
                    if seg != words[i]:
                        e = -1
                        break
                else:
                    if not seg.isascii() and not all(c.isascii() or plain_unit_char(c) for c in seg):
                        return -2
                    if seg.lower() != lowers[i]:
                        e = -1
                        break
                e = word_end
            if e < 0:
                continue
            if needs_end and e < end:
                c = text[e]
                if ord(c) < 128:
                    if c.isalnum() or c == "_" or c == "'":
                        continue
                elif c in _APOSTROPHE_END:
                    continue
                elif not (c.isspace() or c in UNIT_END_SIGNS):
                    return -2
            return e
        return -1

    def _first_at(self, text: str, pos: int, end: int) -> tuple[str, int]:
        """The first word at ``pos`` (after the spaces there, up to a space or the longest
        first word asked about, :func:`fold_first`; "" where none) and the parts it may start
        (``_parts_starting``), memoized by the chunk of text the word is read from."""
        j = pos
        while j < end and text[j].isspace():
            j += 1
        if j >= end:
            return "", 0
        k = j + 1
        stop = min(end, j + self.longest)
        while k < stop and not text[k].isspace():  # up to a space, as str.split()
            k += 1
        chunk = text[j:k]
        starts = self.starts
        found = starts.get(chunk)
        if found is None:
            if len(starts) >= MAX_MEMO:
                starts.clear()
            word = fold_first(chunk)
            found = starts[chunk] = (word, self._parts_starting(word))
        return found

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
        word, may = self._first_at(text, cur, end)
        skip = 2 if between else 3
        for k in range(5):  # scale, unit, range (right_re's or right_between_re's), qafter
            if k == skip:
                continue
            if not may >> k & 1:
                continue
            if k == 1:
                e = self._unit_end(text, cur, end, word)
                if e == -1:
                    continue
                if e >= 0:
                    if spans is None:
                        spans = [-1] * (2 * self.ngroups + 2)
                    spans[2 * self.unit_group] = cur
                    spans[2 * self.unit_group + 1] = e
                    cur = e
                    word, may = self._first_at(text, cur, end)
                    continue
            m: Any = self.parts[k].match(text, cur, end)
            if m is None:
                continue
            if spans is None:
                spans = [-1] * (2 * self.ngroups + 2)
            regs: tuple[tuple[int, int], ...] = m.regs
            _copy_spans(spans, regs, self.maps[k])
            cur = regs[0][1]  # m.end(), without a method call
            word, may = self._first_at(text, cur, end)
        if spans is None or cur == pos:
            return None
        spans[0] = pos
        spans[1] = cur
        return PartsMatch(text, spans)
