"""The claim table: CLAIM_SCHEMA mirrors CONTRACT.md's columns, in order and type.

Claims become one polars DataFrame built once from records with the explicit schema
(never appended row by row).  Decimals become floats here and only here.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import polars as pl

from .model import Claim

CLAIM_SCHEMA = pl.Schema(
    {
        "source": pl.String,
        "line": pl.Int64,
        "column": pl.Int64,
        "start": pl.Int64,
        "end": pl.Int64,
        "text": pl.String,
        "value": pl.Float64,
        "low": pl.Float64,
        "high": pl.Float64,
        "qualifier": pl.String,
        "unit": pl.String,
        "role": pl.String,
        "period": pl.String,
        "subject": pl.String,
        "concept": pl.String,
        "speaker": pl.String,
        "lang": pl.String,
        "number_format": pl.String,
        "ambiguous": pl.Boolean,
        "sentence": pl.String,
    }
)
CLAIM_COLUMNS: tuple[str, ...] = tuple(CLAIM_SCHEMA.names())


def _f(x: Decimal | None) -> float | None:
    return None if x is None else float(x)


def claim_record(c: Claim) -> dict:
    """A claim as a plain dict with the contract's column names and JSON-able values."""
    return {
        "source": c.source,
        "line": c.line,
        "column": c.column,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "value": _f(c.value),
        "low": _f(c.low),
        "high": _f(c.high),
        "qualifier": c.qualifier.value,
        "unit": c.unit,
        "role": c.role.value,
        "period": c.period,
        "subject": c.subject,
        "concept": c.concept,
        "speaker": c.speaker,
        "lang": c.lang,
        "number_format": c.number_format.value,
        "ambiguous": c.ambiguous,
        "sentence": c.sentence,
    }


def claims_to_frame(claims: Iterable[Claim]) -> pl.DataFrame:
    """One DataFrame with CLAIM_SCHEMA (empty claims give an empty frame with the columns)."""
    records = [claim_record(c) for c in claims]
    return pl.DataFrame(records, schema=CLAIM_SCHEMA, orient="row" if not records else None)
