"""The extraction core over a batch of documents: Arrow in, Arrow out.

Every engine runs this same code: ``--jobs 1`` in the calling process, the process pool
of :mod:`claimcheck.parallel`, and the Dask workers of :mod:`claimcheck.engines.dask`.
So their results are the same by construction, row for row.

Two entry points:

- :func:`extract_batch` takes a *table of documents* (a ``pyarrow.Table`` or a polars
  ``DataFrame`` with the columns of :data:`DOCUMENT_SCHEMA`: ``source`` and ``text``,
  optional ``lang``, ``published``, ``url``, ``masked``) and returns the claim table
  (:data:`claimcheck.table.CLAIM_SCHEMA`) plus a table of the documents that failed, in
  the same kind of table it was given.  This is the function to hand to another engine
  (Spark ``mapInArrow``, Ray ``map_batches``, a Dask dataframe's ``map_partitions``).
- :func:`extract_items` takes :class:`Document` objects (and passes :class:`InputError`
  records through in order) and returns a :class:`BatchResult`; :func:`extract_paths`
  reads files first, so a worker reads its own shard of the input.

A document that makes the engine fail (deep recursion, or a bug) becomes one error for
that document; the rest of the batch is unaffected.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

import polars as pl

from .errors import InputError
from .model import Claim, Document
from .pipeline import extract_document
from .read import LANG_CODES, read_inputs
from .table import CLAIM_SCHEMA, claims_to_frame

if TYPE_CHECKING:
    import pyarrow as pa

DOCUMENT_SCHEMA = pl.Schema(
    {
        "source": pl.String,
        "text": pl.String,
        "lang": pl.String,
        "published": pl.String,
        "url": pl.String,
        "masked": pl.String,
    }
)
"""A batch of documents.  ``masked`` (optional) is the text with markup blanked, same
length as ``text`` (what read.py makes of Markdown and HTML)."""

ERROR_SCHEMA = pl.Schema({"source": pl.String, "reason": pl.String})
"""Documents of a batch that could not be extracted, one row each."""


@dataclass
class BatchResult:
    """Claims of a batch as one frame, with its errors and warnings in input order."""

    claims: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=CLAIM_SCHEMA))
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    documents: int = 0
    nbytes: int = 0
    """Input bytes this batch stands for (file sizes, or UTF-8 text of documents)."""
    files: int = 0
    """Input files this batch finishes (for a progress line)."""


class BatchOutput(NamedTuple):
    claims: Any  # pl.DataFrame or pa.Table, as given
    errors: Any


def extract_one(doc: Document, lang: str | None) -> list[Claim] | InputError:
    """Claims of one document, or one error for it; never raises for the document's text."""
    try:
        return extract_document(doc, lang)
    except RecursionError:
        return InputError(doc.source, "input too deeply nested to read")
    except Exception as exc:  # an engine bug must not lose the other documents
        return InputError(
            doc.source, f"internal error while extracting ({type(exc).__name__}: {exc}); "
            "please report it with this input"
        )


def extract_items(items: Iterable[Document | InputError], lang: str | None = None,
                  nbytes: int = 0) -> BatchResult:
    """Documents → one claim frame; InputError records are kept as errors, in order."""
    result = BatchResult(nbytes=nbytes)
    claims: list[Claim] = []
    for item in items:
        if isinstance(item, InputError):
            result.errors.append(item)
            continue
        result.documents += 1
        result.warnings.extend(item.warnings)
        got = extract_one(item, lang)
        if isinstance(got, InputError):
            result.errors.append(got)
        else:
            claims.extend(got)
    result.claims = claims_to_frame(claims)
    return result


def extract_paths(paths: Sequence[str], lang: str | None = None,
                  source: str | None = None) -> BatchResult:
    """Read ``paths`` (files, no standard input) and extract them: one worker's shard."""
    nbytes = 0
    for p in paths:
        try:
            nbytes += os.stat(p).st_size
        except OSError:
            pass
    return extract_items(read_inputs(paths, source=source), lang, nbytes=nbytes)


# --- Arrow in, Arrow out ---------------------------------------------------------------


def documents_to_frame(docs: Iterable[Document]) -> pl.DataFrame:
    """Documents as a DOCUMENT_SCHEMA frame (the inverse of :func:`documents_from_frame`)."""
    rows = [
        {"source": d.source, "text": d.text, "lang": d.lang_hint, "published": d.published,
         "url": d.url, "masked": d.masked}
        for d in docs
    ]
    return pl.DataFrame(rows, schema=DOCUMENT_SCHEMA, orient="row" if not rows else None)


def documents_from_frame(frame: pl.DataFrame) -> Iterator[Document | InputError]:
    """Rows of a document table → Documents (a row without text → an InputError)."""
    missing = {"source", "text"} - set(frame.columns)
    if missing:
        raise ValueError(f"document table lacks column(s) {', '.join(sorted(missing))}")
    cols = [c for c in DOCUMENT_SCHEMA.names() if c in frame.columns]
    for i, row in enumerate(frame.select(cols).iter_rows(named=True)):
        source = row["source"] if row["source"] not in (None, "") else f"<row {i}>"
        text = row["text"]
        if not isinstance(text, str) or not text.strip():
            yield InputError(source, "row has no text")
            continue
        lang = (row.get("lang") or "").strip().lower()[:2] or None
        if lang is not None and lang not in LANG_CODES:
            yield InputError(source, f"lang {row.get('lang')!r} is not one of de, en, fr")
            continue
        masked = row.get("masked")
        if masked is not None and len(masked) != len(text):
            yield InputError(source, "masked text differs in length from the text")
            continue
        yield Document(source, text, lang_hint=lang, published=row.get("published"),
                       url=row.get("url"), masked=masked)


def errors_to_frame(errors: Iterable[InputError]) -> pl.DataFrame:
    rows = [{"source": e.path, "reason": e.reason} for e in errors]
    return pl.DataFrame(rows, schema=ERROR_SCHEMA, orient="row" if not rows else None)


def extract_batch(documents: pl.DataFrame | pa.Table, *, lang: str | None = None) -> BatchOutput:
    """A table of documents → (claim table, error table), as pyarrow or polars like the input.

    ``lang`` forces one language for every row; otherwise a row's ``lang`` column is its
    hint and each sentence's language is detected.  Claims come in row order, each
    row's in document order; a row that cannot be extracted is one row of ``errors``.
    """
    arrow = not isinstance(documents, pl.DataFrame)
    frame = pl.DataFrame(pl.from_arrow(documents)) if arrow else documents
    result = extract_items(documents_from_frame(frame), lang)
    claims, errors = result.claims, errors_to_frame(result.errors)
    if arrow:
        return BatchOutput(claims.to_arrow(), errors.to_arrow())
    return BatchOutput(claims, errors)
