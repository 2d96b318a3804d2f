"""A sentence's tokens: the Tokens list with per-sentence caches (and the Token record,
defined in the compiled token_record.py).

Kept apart from subjects.py (which tokenizes) because ``Tokens`` subclasses ``list``:
this module stays plain Python when the engine's hot modules are compiled with mypyc,
which cannot compile a subclass of a built-in type.
"""

from __future__ import annotations

from .token_record import SEGMENT_PUNCT, WORD_KINDS, Token, token_segments

__all__ = ["SEGMENT_PUNCT", "WORD_KINDS", "Token", "Tokens", "token_segments"]


class Tokens(list[Token]):
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
