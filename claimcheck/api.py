"""The library's entry points; the CLI is a thin layer over these."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import polars as pl

from .errors import InputError
from .model import Claim, Document
from .pipeline import extract_document
from .read import read_inputs
from .table import claims_to_frame


def extract_text(text: str, *, source: str = "<text>", lang: str | None = None) -> list[Claim]:
    """Claims of one text (``lang`` None detects per sentence)."""
    return extract_document(Document(source, text), lang)


@dataclass
class ExtractResult:
    claims: list[Claim] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    documents: int = 0

    @property
    def frame(self) -> pl.DataFrame:
        return claims_to_frame(self.claims)


def iter_documents(
    paths: Iterable[str], *, source: str | None = None, stdin=None
) -> Iterator[Document | InputError]:
    yield from read_inputs(paths, source=source, stdin=stdin)


def extract(
    paths: Iterable[str], *, lang: str | None = None, source: str | None = None, stdin=None
) -> ExtractResult:
    """Claims of every input; unreadable inputs are collected as errors, never raised."""
    result = ExtractResult()
    for item in iter_documents(paths, source=source, stdin=stdin):
        if isinstance(item, InputError):
            result.errors.append(item)
            continue
        result.documents += 1
        result.warnings.extend(item.warnings)
        try:
            result.claims.extend(extract_document(item, lang))
        except RecursionError:
            result.errors.append(InputError(item.source, "input too deeply nested to read"))
    return result
