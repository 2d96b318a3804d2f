"""Split a document's text into sentences with 0-based offsets into that text.

Boundaries: a full stop, question or exclamation mark (and closing quotes) followed by
space and a capital, digit or opening quote; blank lines; and single line breaks after
a headline or before a list item.  A full stop after an abbreviation from
rules/lang/*.yaml, an initial ("James C. McConville") or an ordinal day ("3. Dezember",
"der 2. Weltkrieg") does not end a sentence.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Final

import regex

from .dates import month_names
from .lexicon import LANGS, get_lexicon

if TYPE_CHECKING:  # annotations only: mypyc compiles an ``i64`` local to a C int64_t
    from mypy_extensions import i64

BOUNDARY_RE: Final = regex.compile(
    r"""
      (?P<stop>[.!?\u2026](?<![.!?\u2026]{2})[.!?\u2026]*      # terminal punctuation (a run starts once)
        (?:[\"'\u201c\u201d\u2019\u00bb)\]]|[ \u00a0\u202f]\u00bb)*)  # closing quotes, French « … »
      (?P<gap>[ \t\u00a0\u202f]+|[ \t\r]*\n[ \t]*)              # then a space or one line break
      (?=[\p{Lu}\p{N}\"'\u201e\u201c\u00ab(\[\-\u2013*#])        # before a capital, digit or quote
    | (?P<para>\n(?:[ \t\r]*\n)+[ \t]*)                          # a blank line
    | (?P<line>\n[ \t]*)                                          # a single line break
    """,
    regex.VERBOSE,
)
"""The definition of a boundary; ``split_sentences`` finds its ``finditer`` matches by
string tests (the tests compare the two).  Spaces before a line break are trimmed by
``_push``."""
WORD_BEFORE_RE: Final = regex.compile(r"(?r)(?:^|(?<=[\s(\[\"'\u201e\u00ab]))(?P<word>\S+)\Z")
WORD_BEFORE: Final = WORD_BEFORE_RE.groupindex["word"]
INITIAL_RE: Final = regex.compile(r"^\p{Lu}\.$")
ORDINAL_RE: Final = regex.compile(r"^[0-9]{1,3}\.$")
LIST_OR_HEADING_RE: Final = regex.compile(r"[ \t]*(?:#{1,6}\s|[-*+]\s|[0-9]{1,3}[.)]\s|>\s|\|)")
NEXT_WORD_RE: Final = regex.compile(r"\s*[\"'\u201e\u201c\u00ab(]?(?P<word>[\p{L}]+)")
NEXT_WORD: Final = NEXT_WORD_RE.groupindex["word"]


def _load_abbreviations() -> frozenset[str]:
    out: set[str] = set()
    for lang in LANGS:
        lex = get_lexicon(lang)
        for a in lex.abbreviations:
            out.add(a.split()[-1])  # "z. B." guards its last part "B."
            out.add(a.replace(" ", ""))
    return frozenset(out)


_ABBREVIATIONS_MEMO: Final[dict[str, frozenset[str]]] = {}


def _abbreviations() -> frozenset[str]:
    """``_load_abbreviations()``, built once and kept in a plain dict: the engine asks for it
    per figure or token, and a compiled caller then pays a native call and a dict lookup
    instead of a ``functools.cache`` wrapper's Python call (about 600 instructions)."""
    found = _ABBREVIATIONS_MEMO.get("")
    if found is None:
        found = _ABBREVIATIONS_MEMO[""] = _load_abbreviations()
    return found


def _load_abbreviation_heads() -> dict[str, tuple[str, ...]]:
    """First part of a multi-part abbreviation → the rest ("z." → "B." of "z. B.")."""
    out: dict[str, list[str]] = {}
    for lang in LANGS:
        for a in get_lexicon(lang).abbreviations:
            parts = a.split()
            if len(parts) > 1:
                out.setdefault(parts[0], []).append(" ".join(parts[1:]))
    return {k: tuple(v) for k, v in out.items()}


_ABBREVIATION_HEADS_MEMO: Final[dict[str, dict[str, tuple[str, ...]]]] = {}


def _abbreviation_heads() -> dict[str, tuple[str, ...]]:
    """``_load_abbreviation_heads()``, built once and kept in a plain dict: the engine asks for it
    per figure or token, and a compiled caller then pays a native call and a dict lookup
    instead of a ``functools.cache`` wrapper's Python call (about 600 instructions)."""
    found = _ABBREVIATION_HEADS_MEMO.get("")
    if found is None:
        found = _ABBREVIATION_HEADS_MEMO[""] = _load_abbreviation_heads()
    return found


@cache
def _function_words() -> frozenset[str]:
    out: set[str] = set()
    for lang in LANGS:
        out |= {w.casefold() for w in get_lexicon(lang).detect_words}
    return frozenset(out)


@cache
def _ordinal_words() -> frozenset[str]:
    out: set[str] = set()
    for lang in LANGS:
        out |= {w.casefold() for w in get_lexicon(lang).ordinal_before if " " not in w}
    return frozenset(out)


def _space_before_letters(text: str, lo: int, stop: int) -> int:
    """``space`` if ``space = text.rfind(" ", lo, stop)`` is found and
    ``text[space + 1 : stop].isalpha()``, else -1: read backwards from ``stop`` by code
    point, in native 64-bit ints, instead of a search and a slice's method call by name.

    Exact: the first space met going back from ``stop - 1`` (not below ``lo``) is the one
    ``rfind`` finds, and every character passed on the way is the slice; a character that
    is no letter before any space makes ``isalpha`` false, as does an empty slice (the
    space right before ``stop``).  A letter is told natively below U+0100 (ASCII letters,
    U+00AA, U+00B5, U+00BA, U+00C0..U+00FF but U+00D7 and U+00F7: the Latin-1 characters
    ``str.isalpha`` holds for, a test checks them all) and by ``isalpha`` above."""
    end: i64 = stop
    k: i64 = end - 1
    low: i64 = lo
    while k >= low:
        c: i64 = ord(text[k])
        if c == 32:
            return int(k) if k < end - 1 else -1
        if c < 0xC0:
            if c < 128:
                if (c | 32) < 97 or (c | 32) > 122:
                    return -1
            elif c != 0xAA and c != 0xB5 and c != 0xBA:
                return -1
        elif c > 0xFF:
            if not text[k].isalpha():
                return -1
        elif c == 0xD7 or c == 0xF7:
            return -1
        k -= 1
    return -1


def _is_false_stop(text: str, stop_start: int, gap_end: int) -> bool:
    """A full stop that belongs to an abbreviation, an initial or an ordinal."""
    if text[stop_start] != "." or (stop_start + 1 < len(text) and text[stop_start + 1] == "."):
        return False
    lo = max(0, stop_start - 40)
    space = _space_before_letters(text, lo, stop_start)
    if space >= 0:
        # the common case, without the reverse search: a space, then letters only up to
        # the stop.  WORD_BEFORE_RE would take exactly those letters and the stop (the
        # space ends the non-space run, letters need no stripping), and letters are no
        # ordinal.
        word = text[space + 1 : stop_start + 1]
        if word in _abbreviations() or (len(word) == 2 and INITIAL_RE.match(word)):
            return True
        for rest in _abbreviation_heads().get(word, ()):  # a loop: no generator object
            if text.startswith(rest, gap_end):
                return True
        return False
    m = WORD_BEFORE_RE.search(text, lo, stop_start + 1)
    if not m:
        return False
    word = m.group(WORD_BEFORE).lstrip("(\"'\u201e\u00ab[")
    if word in _abbreviations() or INITIAL_RE.match(word):
        return True
    for rest in _abbreviation_heads().get(word, ()):
        if text.startswith(rest, gap_end):
            return True  # "z. B.", "d. h.", "p. ex."
    if ORDINAL_RE.match(word):
        nxt = NEXT_WORD_RE.match(text, gap_end)
        if nxt and nxt.group(NEXT_WORD).casefold() in month_names():
            return True
        before = WORD_BEFORE_RE.search(text, max(0, m.start() - 30), max(0, m.start() - 1))
        if before and before.group(WORD_BEFORE).casefold().lstrip("(") in _ordinal_words():
            return True
    return False


def _line_is_boundary(text: str, nl_start: int, nl_end: int) -> bool:
    """Whether a single line break ends a sentence (headline, list item) or wraps one."""
    line_start = text.rfind("\n", 0, nl_start) + 1
    prev = text[line_start:nl_start].strip()
    if not prev:
        return True
    if LIST_OR_HEADING_RE.match(text, nl_end) or LIST_OR_HEADING_RE.match(text, line_start):
        return True
    if prev[-1] in '.!?:;\u2026"\u201d\u00bb|':
        return True
    # a short line without final punctuation is a headline or a byline
    if len(prev) >= 60 or prev[-1] in ",-(":
        return False
    nxt = text[nl_end : nl_end + 1]
    if not prev[-1].islower():
        return True
    last = prev.rsplit(None, 1)[-1].casefold()
    return nxt.isupper() and last not in _function_words()  # "… said on\nMonday" wraps


STOP_CHARS: Final = ".!?\u2026\n"
"""The characters a boundary can start with: ``BOUNDARY_RE``'s three alternatives each
open with one of them (a full stop, question or exclamation mark, an ellipsis, a line
break)."""
STOPS: Final = ".!?\u2026"
"""``BOUNDARY_RE``'s terminal punctuation (full stop, question and exclamation mark, ellipsis)."""
CLOSING: Final = "\"'\u201c\u201d\u2019\u00bb)]"
"""``BOUNDARY_RE``'s closing quotes and brackets after a stop."""
SPACED_CLOSING: Final = " \u00a0\u202f"
"""The spaces ``BOUNDARY_RE`` allows before a French closing quote (\u00bb)."""
GAP_SPACES: Final = " \t\u00a0\u202f"
"""The characters of ``BOUNDARY_RE``'s gap of spaces (its first kind of gap)."""
OPENING_RE: Final = regex.compile(r"[\p{Lu}\p{N}\"'\u201e\u201c\u00ab(\[\-\u2013*#]")
"""``BOUNDARY_RE``'s lookahead after the gap: a capital, digit or opening quote."""
_OPENING: dict[str, bool] = {}
"""Character → whether ``OPENING_RE`` takes it (filled as characters are met: a few
dozen entries, and the regex engine's own Unicode data decides)."""


def _opens(char: str) -> bool:
    known = _OPENING.get(char)
    if known is None:
        known = _OPENING[char] = OPENING_RE.match(char) is not None
    return known


def _boundary_places(text: str) -> list[int]:
    """Every place a ``BOUNDARY_RE`` match can start at, in order, found by ``str.find``."""
    places: list[int] = []
    for char in STOP_CHARS:
        i = text.find(char)
        while i != -1:
            places.append(i)
            i = text.find(char, i + 1)
    places.sort()
    return places


def _line_break_end(text: str, i: int, size: int) -> int:
    """End of ``BOUNDARY_RE``'s match at the line break ``text[i]``: a blank line
    ``\\n(?:[ \\t\\r]*\\n)+[ \\t]*`` if one follows, else ``\\n[ \\t]*``.  Every
    repetition is greedy and what follows it cannot start with a character it takes, so
    the longest run at each step is the match (no backtracking to mirror)."""
    end = i + 1
    j = end
    while True:
        while j < size and text[j] in " \t\r":
            j += 1
        if j < size and text[j] == "\n":
            j += 1
            end = j
        else:
            break
    while end < size and text[end] in " \t":
        end += 1
    return end


def _gap_end(text: str, j: int, size: int) -> int:
    """End of ``BOUNDARY_RE``'s gap and lookahead from ``j`` (right after the stop and
    its closing quotes), or -1.  A shorter gap never helps: the character after it would
    be a space or tab, which the lookahead refuses, so the greedy run decides."""
    k = j
    while k < size and text[k] in GAP_SPACES:
        k += 1
    if k > j and k < size and _opens(text[k]):
        return k
    k = j
    while k < size and text[k] in " \t\r":
        k += 1
    if k < size and text[k] == "\n":
        k += 1
        while k < size and text[k] in " \t":
            k += 1
        if k < size and _opens(text[k]):
            return k
    return -1


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in order.

    The boundaries are ``BOUNDARY_RE.finditer``'s matches, found by string tests
    instead of the regex engine (its character-set search costs ~120 instructions a
    character, a match call ~7000): the places where an alternative can start
    (``_boundary_places``) are tried left to right, skipping those inside the previous
    match, as ``finditer`` does.  A line break is matched by ``_line_break_end``.  A stop
    opens a match only as the first of its run (the lookbehind); its run of stops and
    then its closing quotes are taken greedily, and no shorter choice can match either:
    a shorter run leaves a stop next, and one closing quote fewer leaves a quote, or a
    space before a closing \u00bb, where the gap would have to start, and neither a
    quote nor \u00bb passes the gap and its lookahead (``_gap_end``).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    size = len(text)
    taken_until = 0
    for i in _boundary_places(text):
        if i < taken_until:
            continue
        if text[i] == "\n":
            m_end = _line_break_end(text, i, size)
            taken_until = m_end
            if text.find("\n", i + 1, m_end) == -1 and not _line_is_boundary(text, i, m_end):
                continue  # a single line break inside a sentence
            end = i
        else:
            if i > 0 and text[i - 1] in STOPS:
                continue  # a run of stops starts once
            end = i + 1
            while end < size and text[end] in STOPS:
                end += 1
            while end < size:  # closing quotes
                if text[end] in CLOSING:
                    end += 1
                elif text[end] in SPACED_CLOSING and end + 1 < size and text[end + 1] == "\u00bb":
                    # a character test, not ``startswith`` with a start (a method call by
                    # name when compiled, ~900 instructions, met after most stops)
                    end += 2
                else:
                    break
            m_end = _gap_end(text, end, size)
            if m_end < 0:
                continue
            taken_until = m_end
            if _is_false_stop(text, i, m_end):
                continue
        _push(text, spans, start, end)
        start = m_end
    _push(text, spans, start, size)
    return spans


def _push(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
