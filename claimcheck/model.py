"""The data that flows through claimcheck: documents in, claims and findings out.

Every type here is a frozen, slotted dataclass; enum ``.value`` strings are the
contract's strings (see ../shared/CONTRACT.md).  Figures stay ``Decimal`` until
``table.py`` turns them into floats.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields, make_dataclass
from decimal import Decimal
from enum import Enum
from typing import Any


class Qualifier(str, Enum):
    EXACT = "exact"
    APPROX = "approx"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    RANGE = "range"


class NumberFormat(str, Enum):
    EN = "en"
    DE = "de"
    FR = "fr"
    CH = "ch"
    PLAIN = "plain"
    WORDS = "words"


class Role(str, Enum):
    LEVEL = "level"
    INCREASE = "increase"
    DECREASE = "decrease"
    RATIO = "ratio"


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its name, decoded text and what the input said about it."""

    source: str
    text: str
    lang_hint: str | None = None
    published: str | None = None
    url: str | None = None
    # For HTML and Markdown: offsets of the extracted text in the original file
    # (sorted list of (text_offset, file_offset) anchors); None when text is the file.
    offset_map: tuple[tuple[int, int], ...] | None = None
    # Same length as ``text``: markup (Markdown emphasis, link targets, table bars)
    # blanked out so the extractor sees prose; offsets stay those of ``text``.
    masked: str | None = None
    warnings: tuple[str, ...] = ()
    # For HTML: the page as written (offset_map points into it), for claims' line/column.
    page: str | None = None

    @property
    def analysis_text(self) -> str:
        return self.masked if self.masked is not None else self.text


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    lang: str


@dataclass(frozen=True, slots=True)
class NumberToken:
    """A number-like span of digits (or number words) before any interpretation."""

    raw: str
    start: int
    end: int
    sign: str = ""


@dataclass(frozen=True, slots=True)
class Reading:
    """One convention's reading of a token's digits."""

    number_format: NumberFormat
    value: Decimal


@dataclass(frozen=True, slots=True)
class Claim:
    source: str
    line: int
    column: int
    start: int
    end: int
    text: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    qualifier: Qualifier
    unit: str
    role: Role
    period: str | None
    subject: str | None
    concept: str | None
    speaker: str | None
    lang: str
    number_format: NumberFormat
    ambiguous: bool
    sentence: str
    # Extensions beyond the contract's columns (kept out of the default table).
    alternatives: tuple[Reading, ...] = field(default=())
    published: str | None = None
    inverted: bool = False  # a range written high-to-low ("zwischen 100.000 und 95.000")


def _unfrozen_twin(cls: type) -> type:
    """A slotted, not frozen dataclass with ``cls``'s fields in ``cls``'s order, hence the
    same object layout (Python allows assigning ``__class__`` between such classes)."""
    specs: list[tuple[str, Any] | tuple[str, Any, Any]] = []
    for f in fields(cls):
        if f.default is not MISSING:
            specs.append((f.name, f.type, field(default=f.default)))
        elif f.default_factory is not MISSING:
            specs.append((f.name, f.type, field(default_factory=f.default_factory)))
        else:
            specs.append((f.name, f.type))
    return make_dataclass(f"_{cls.__name__}Record", specs, slots=True)


ClaimRecord = _unfrozen_twin(Claim)
"""Claim's fields, writable: the extractor builds one per claim and :func:`seal` turns it
into a Claim.  A frozen dataclass sets each field through ``object.__setattr__`` (about
1,400 instructions a field, 33,000 a claim: 6 % of all extraction work); a plain slotted
one stores them directly."""


def seal(record: object) -> Claim:
    """The Claim holding ``record``'s fields: the record itself, its class switched to
    Claim (same slots in the same order), so it is frozen from here on."""
    assert type(record) is ClaimRecord
    record.__class__ = Claim
    return record  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Finding:
    source: str
    line: int
    column: int
    code: str
    name: str
    severity: Severity
    message: str
    text: str = ""
    end_line: int | None = None
    end_column: int | None = None
