"""A sentence's tokens: the Token record and the Tokens list with per-sentence caches.

Kept apart from subjects.py (which tokenizes) because ``Tokens`` subclasses ``list``:
this module stays plain Python when the engine's hot modules are compiled with mypyc,
which cannot compile a subclass of a built-in type.
"""

from __future__ import annotations

from typing import NamedTuple

WORD_KINDS = frozenset({"word", "abbr", "elided"})
SEGMENT_PUNCT = ",;:\u2013\u2014"


class Token(NamedTuple):
    """One token of a sentence; offsets into the document text."""

    kind: str  # elided, abbr, word, num, punct
    text: str
    start: int
    end: int
    fold: str  # casefolded, typographic apostrophe made plain

    @property
    def is_word(self) -> bool:
        return self.kind in WORD_KINDS

    @property
    def upper(self) -> bool:
        return self.text[:1].isupper()


class Tokens(list):
    """A sentence's tokens; ``folds`` (the set of folded words) is computed once, so a
    phrase table can be skipped with one set test when none of its words occur."""

    _folds: frozenset[str] | None = None
    _segments: list[tuple[int, int]] | None = None

    @property
    def folds(self) -> frozenset[str]:
        if self._folds is None:
            self._folds = frozenset(t.fold for t in self)
        return self._folds

    @property
    def segments(self) -> list[tuple[int, int]]:
        """Character extents of the comma/semicolon/colon/dash-delimited segments."""
        if self._segments is None:
            self._segments = token_segments(self)
        return self._segments


def token_segments(tokens: list[Token]) -> list[tuple[int, int]]:
    """Character extents of the comma/semicolon/colon/dash-delimited segments of a sentence."""
    out = []
    start = tokens[0].start if tokens else 0
    for t in tokens:
        if t.kind == "punct" and t.text in SEGMENT_PUNCT:
            out.append((start, t.start))
            start = t.end
    if tokens:
        out.append((start, tokens[-1].end))
    return out
