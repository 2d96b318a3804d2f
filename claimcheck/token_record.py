"""The Token record: one token of a sentence.

A plain class, not a NamedTuple, so that mypyc compiles it to a native class: the
compiled tokenizer builds one in a direct call (a ``tuple.__new__`` round trip costs
about 1,000 instructions), and the compiled subject and speaker code reads its fields
as struct members.  A sentence's tokens are a plain ``list[Token]``.
"""

from __future__ import annotations

from typing import Any, Final

try:
    from mypy_extensions import mypyc_attr
except ImportError:  # a build tool's package: where it is missing, nothing compiles the attributes

    def mypyc_attr(*_attrs: object, **_kwattrs: object) -> Any:  # type: ignore[no-redef,misc]
        return lambda cls: cls


WORD_KINDS: Final = frozenset({"word", "abbr", "elided"})
SEGMENT_PUNCT: Final = ",;:\u2013\u2014"


@mypyc_attr(acyclic=True)
class Token:
    """One token of a sentence; offsets into the document text.  Equal when all fields are.

    Acyclic (``mypyc_attr``): its fields are strings and ints, so a token is never part
    of a reference cycle; compiled, it is made and freed without the garbage collector's
    tracking (about 90 instructions less per token, some 13,000 tokens per 40 documents)."""

    __slots__ = ("end", "fold", "kind", "start", "text")

    def __init__(self, kind: str, text: str, start: int, end: int, fold: str) -> None:
        self.kind = kind  # elided, abbr, word, num, punct
        self.text = text
        self.start = start
        self.end = end
        self.fold = fold  # casefolded, typographic apostrophe made plain

    @property
    def is_word(self) -> bool:
        return self.kind in WORD_KINDS

    @property
    def upper(self) -> bool:
        return self.text[:1].isupper()

    def fields(self) -> tuple[str, str, int, int, str]:
        """(kind, text, start, end, fold)."""
        return (self.kind, self.text, self.start, self.end, self.fold)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self.fields() == other.fields()

    def __hash__(self) -> int:
        return hash(self.fields())

    def __repr__(self) -> str:
        return (f"Token(kind={self.kind!r}, text={self.text!r}, start={self.start}, "
                f"end={self.end}, fold={self.fold!r})")


def token_segments(tokens: list[Token]) -> list[tuple[int, int]]:
    """Character extents of the comma/semicolon/colon/dash-delimited segments of a sentence."""
    out: list[tuple[int, int]] = []
    start = tokens[0].start if tokens else 0
    for t in tokens:
        if t.kind == "punct" and t.text in SEGMENT_PUNCT:
            out.append((start, t.start))
            start = t.end
    if tokens:
        out.append((start, tokens[-1].end))
    return out


def first_starting_at(tokens: list[Token], pos: int) -> int:
    """Index of the first token starting at or after ``pos``: ``bisect_left`` on the
    starts (they ascend), searched here so that compiled code reads ``start`` natively
    instead of calling a key function per probe."""
    lo = 0
    hi = len(tokens)
    while lo < hi:
        mid = (lo + hi) >> 1
        if tokens[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def first_ending_after(tokens: list[Token], pos: int) -> int:
    """Index of the first token ending after ``pos``: ``bisect_right`` on the ends (they
    ascend)."""
    lo = 0
    hi = len(tokens)
    while lo < hi:
        mid = (lo + hi) >> 1
        if pos < tokens[mid].end:
            hi = mid
        else:
            lo = mid + 1
    return lo
