"""Which language a sentence is in: word evidence from rules/lang/*.yaml.

Each language lists frequent function words (``detect_words``); a sentence's language
is the one with the most hits when the evidence is clear, else the document's.  A
``--lang`` option or a collection's ``lang`` column overrides everything.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Final

import regex

from .lexicon import LANGS, get_lexicon

if TYPE_CHECKING:  # annotations only: mypyc compiles an ``i64`` local to a C int64_t
    from mypy_extensions import i64

WORD_RE = regex.compile(r"\p{L}+(?:['\u2019]\p{L}+)?")
MIN_HITS = 2
"""A sentence needs this many function words of one language to decide by itself."""


@cache
def _detect_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for lang in LANGS:
        for phrase in get_lexicon(lang).detect_words:
            for w in phrase.split():
                table.setdefault(w.casefold(), []).append(lang)
    return {w: tuple(langs) for w, langs in table.items()}


STRIP: Final = ".,;:!?()[]{}\"'«»„“”‚‘’-–—/…*_"
STRIP_SET: Final = frozenset(STRIP)


def _load_single_language() -> dict[str, str]:
    """Detect word → its language, for the words only one language lists (a word two
    languages share is no evidence)."""
    return {w: langs[0] for w, langs in _detect_table().items() if len(langs) == 1}


_SINGLE_LANGUAGE_MEMO: Final[dict[str, dict[str, str]]] = {}


def _single_language() -> dict[str, str]:
    """``_load_single_language()``, built once and kept in a plain dict: the engine asks for it
    per figure or token, and a compiled caller then pays a native call and a dict lookup
    instead of a ``functools.cache`` wrapper's Python call (about 600 instructions)."""
    found = _SINGLE_LANGUAGE_MEMO.get("")
    if found is None:
        found = _SINGLE_LANGUAGE_MEMO[""] = _load_single_language()
    return found


_INDEX_MEMO: Final[dict[str, dict[str, int]]] = {}


def _single_language_index() -> dict[str, int]:
    """``_single_language()`` with each language as its place in ``LANGS``: the counts of
    a sentence are kept in a short list instead of a dict keyed by language."""
    found = _INDEX_MEMO.get("")
    if found is None:
        found = _INDEX_MEMO[""] = {w: LANGS.index(lang) for w, lang in _single_language().items()}
    return found


_LONGEST_MEMO: Final[dict[str, int]] = {}


def _longest_detect_word() -> int:
    """Length of the longest word of ``_single_language()`` (kept as it is)."""
    found = _LONGEST_MEMO.get("")
    if found is None:
        found = _LONGEST_MEMO[""] = max(map(len, _single_language()), default=0)
    return found


def _strip_marks(token: str) -> str:
    """``token.strip(STRIP)``, by a native walk from both ends testing each character
    against ``STRIP_SET`` (what ``strip`` removes: the leading and trailing characters
    in STRIP), with no method call by name and no character mask built per call."""
    n: i64 = len(token)
    a: i64 = 0
    while a < n and token[a] in STRIP_SET:
        a += 1
    b: i64 = n
    while b > a and token[b - 1] in STRIP_SET:
        b -= 1
    return token[a:b]


_FOLD_TEXT: Final[list[str]] = [""]
_FOLD_MEMO: Final[dict[int, str]] = {}


def folded_span(text: str, start: int, end: int) -> str:
    """``text[start:end]`` casefolded: ``lower`` on ASCII text (the same there, with an
    ASCII fast path), else ``casefold`` (on non-ASCII text a per-character table walk,
    about 5000 instructions a sentence).

    The sentence language (``count_evidence``) and the month-stem search
    (``dates._month_starts``) fold the same sentences, so the folds are kept per
    document: keyed by the span's offsets in the current text (held here and compared
    by identity, so a span key always means the same characters), and dropped when
    another text comes.  Bounded by the spans of one document; a fold is a function of
    the characters alone, so a kept one equals a fresh one.
    """
    if start < 0 or end < start or end >= 4294967296:
        chunk = text[start:end]
        return chunk.lower() if chunk.isascii() else chunk.casefold()
    if _FOLD_TEXT[0] is not text:
        _FOLD_TEXT[0] = text
        _FOLD_MEMO.clear()
    key = start * 4294967296 + end  # one int per span: 0 <= end < 2**32
    found = _FOLD_MEMO.get(key)
    if found is None:
        chunk = text[start:end]
        found = _FOLD_MEMO[key] = chunk.lower() if chunk.isascii() else chunk.casefold()
    return found


def count_evidence(text: str, start: int = 0, end: int | None = None) -> dict[str, int]:
    """How many detect words of each language occur in text[start:end], languages in
    order of their first hit.

    Each whitespace token, stripped of punctuation, counts by its part after the last
    apostrophe (French elision: "l'économie", "qu'il", "d’après" count by their word).
    For a token without an apostrophe that part is the token itself; a token with one
    is never a detect word itself (no detect word holds an apostrophe), so looking up
    the part alone is the same as trying the whole token first.  A plain loop counting
    in a list by language place: compiled by mypyc, it is cheaper than building a
    ``Counter`` (or a dict keyed by language) per sentence.
    A token longer than every detect word is not looked up as it is (it cannot be one),
    and a token of letters and digits only has no punctuation to strip and no apostrophe:
    its lookup as it is was the only one (``str.isalnum`` is a native loop, cheaper than
    the two character tests).
    """
    # casefold maps each character alone; an int end slices natively; on ASCII text
    # casefold is lower, which has an ASCII fast path (casefold looks up every character)
    chunk = folded_span(text, start, end if end is not None else len(text))
    if "\u2019" in chunk:
        chunk = chunk.replace("\u2019", "'")  # both are in STRIP: stripping is unchanged
    elided = "'" in chunk
    table = _single_language_index()
    longest = _longest_detect_word()
    hits = [0] * len(LANGS)
    first: list[int] = []  # languages (their places in LANGS) in order of their first hit
    for token in chunk.split():
        # a detect word is its own stripped form and holds no apostrophe (a test checks
        # the rules), so a token found as it is needs neither; a token that neither
        # begins nor ends with punctuation strips to itself (``str.strip`` is the costly
        # step: it builds its character mask on every call)
        k = table.get(token) if len(token) <= longest else None
        if k is None:
            if token.isalnum():
                continue
            if token[-1] in STRIP_SET or token[0] in STRIP_SET:
                word = _strip_marks(token)
            elif elided:
                word = token
            else:
                continue
            if elided and "'" in word:
                word = word.rpartition("'")[2]
            k = table.get(word)
            if k is None:
                continue
        if not hits[k]:
            first.append(k)
        hits[k] = hits[k] + 1  # an int add (``+=`` on a list item is the generic one)
    return {LANGS[k]: hits[k] for k in first}


def decide(counts: dict[str, int], fallback: str) -> str:
    """The clear winner of ``counts``, else ``fallback``.

    The winner has the most hits, at least MIN_HITS and more than 1.5 times the
    runner-up's; a tie for the most hits is never clear, so which of the tied comes
    first does not matter and one pass over the counts finds both figures.
    """
    best = ""
    n = second = 0
    for lang, k in counts.items():
        if k > n:
            best, n, second = lang, k, n
        elif k > second:
            second = k
    if n >= MIN_HITS and n > second * 1.5:
        return best
    return fallback


def detect_languages(
    text: str, spans: list[tuple[int, int]], hint: str | None = None
) -> tuple[str, list[str]]:
    """(document language, language of each span)."""
    if hint:
        return hint, [hint] * len(spans)
    per_span = [count_evidence(text, s, e) for s, e in spans]
    total: dict[str, int] = {}
    for c in per_span:
        for lang, k in c.items():
            total[lang] = total.get(lang, 0) + k
    # the first language (in order of first hit) with the most hits, as Counter.most_common
    doc_lang = max(total, key=total.__getitem__) if total else "en"
    return doc_lang, [decide(c, doc_lang) for c in per_span]
