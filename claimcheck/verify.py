"""Verify claims against a table of trusted reference figures.

The reference is a CSV (see fixtures/reference/figures.csv) with the columns

    concept     the concept key a claim must carry (rules/concepts.yaml), required
    value       the figure, or
    low, high   its interval (either side may be empty = unbounded); give ``value``
                or ``low``/``high``, not both
    unit        a canonical unit (``dimensionless``, ``percent``, ``EUR``, ``kilometer``)
    source      who publishes the figure, required
    as_of       the date the figure refers to (ISO ``YYYY``, ``YYYY-MM`` or
                ``YYYY-MM-DD``; may be empty); shown, not used to match
    tolerance   optional: the relative tolerance for this row, a fraction in [0, 1)
                (``0.01`` = 1 %); empty = the default of rules/compare.yaml
    role        optional: ``level`` (default), ``increase``, ``decrease``, ``ratio``
    period      optional: the time frame the figure is about ("2021-11"); when given,
                a claim that names a different period is ``different_period``
                rather than ``conflict``

Every claim whose concept and role match a reference row is checked against it:
the claim's interval is converted to the reference's unit (a converted claim is
read as rounded to its last digit, as in compare) and judged with compare's
interval arithmetic, giving ``consistent``, ``near``, ``conflict``,
``different_period`` or ``incomparable`` (units of another dimension, e.g. USD
against a GBP figure with no rate). ``gap`` is the distance between the two
intervals in the reference unit and ``gap_rel`` that distance relative to the
larger facing bound, as in compare.

A malformed reference raises :class:`~claimcheck.errors.InputError` whose message
names the row (and file line) and the column.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from .compare import (
    CONSISTENT,
    DIFFERENT_PERIOD,
    INCOMPARABLE,
    SEVERITY,
    Converter,
    Rates,
    as_rates,
    check_tolerance,
    gap_between,
    get_settings,
    half_precision,
    judge_gap,
    parse_number,
    period_key,
    read_table_rows,
    table_error,
)
from .errors import InputError
from .model import Role
from .table import CLAIM_SCHEMA
from .units import UnitError, dimension

__all__ = ["REFERENCE_COLUMNS", "VERIFY_SCHEMA", "Reference", "Verification", "read_reference",
           "verify", "verify_claims"]

REFERENCE_COLUMNS = ("concept", "unit", "source", "as_of")
ROLES = tuple(r.value for r in Role)


@dataclass(frozen=True, slots=True)
class Reference:
    """One trusted figure (a row of the reference CSV)."""

    concept: str
    low: float | None
    high: float | None
    unit: str
    source: str
    as_of: str | None = None
    tolerance: float | None = None
    role: str = "level"
    period: str | None = None
    row: int = 0


def _iso_date(text: str) -> bool:
    from .compare import ISO_PERIOD_RE

    return bool(ISO_PERIOD_RE.match(text))


def parse_reference(text: str, path: str = "<reference>") -> list[Reference]:
    """Reference rows from CSV text; the first problem raises InputError (row and column)."""
    out: list[Reference] = []
    for row, line, rec in read_table_rows(path, text, REFERENCE_COLUMNS):
        if "value" not in rec and "low" not in rec and "high" not in rec:
            raise InputError(path, "header (line 1): needs a 'value' column or 'low'/'high'")

        def err(column: str, msg: str, row: int = row, line: int = line) -> InputError:
            return table_error(path, row, line, column, msg)

        concept = rec["concept"].strip()
        if not concept:
            raise err("concept", "is empty")
        value = parse_number(path, row, line, "value", rec.get("value"))
        low = parse_number(path, row, line, "low", rec.get("low"))
        high = parse_number(path, row, line, "high", rec.get("high"))
        if value is not None and (low is not None or high is not None):
            raise err("value", "give value or low/high, not both")
        if value is None and low is None and high is None:
            raise err("value", "is empty and so are low and high: give a figure")
        if value is not None:
            low = high = value
        if low is not None and high is not None and low > high:
            raise err("high", f"{high:g} is below low {low:g}")
        unit = rec["unit"].strip()
        if not unit:
            raise err("unit", "is empty (write dimensionless for counts)")
        try:
            dimension(unit)
        except UnitError:
            raise err("unit", f"{unit!r} is not a known unit") from None
        source = rec["source"].strip()
        if not source:
            raise err("source", "is empty")
        as_of = rec["as_of"].strip() or None
        if as_of is not None and not _iso_date(as_of):
            raise err("as_of", f"{as_of!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        tolerance = parse_number(path, row, line, "tolerance", rec.get("tolerance"))
        if tolerance is not None:
            try:
                check_tolerance(tolerance)
            except ValueError:
                raise err("tolerance", f"{rec['tolerance'].strip()!r} must be a relative "
                          "fraction in [0, 1), e.g. 0.01 for 1 %") from None
        role = (rec.get("role") or "").strip() or "level"
        if role not in ROLES:
            raise err("role", f"{role!r} is not one of {', '.join(ROLES)}")
        period = (rec.get("period") or "").strip() or None
        out.append(Reference(concept, low, high, unit, source, as_of, tolerance, role, period,
                             row))
    return out


def read_reference(path: str | Path) -> list[Reference]:
    """Read and check a reference CSV file (UTF-8, optional BOM)."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(name, f"cannot read reference: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not UTF-8 text (byte {exc.start})") from exc
    return parse_reference(text, name)


VERIFY_SCHEMA = pl.Schema(
    {
        "verdict": pl.String,
        "concept": pl.String,
        "source": pl.String,
        "line": pl.Int64,
        "column": pl.Int64,
        "text": pl.String,
        "speaker": pl.String,
        "period": pl.String,
        "claim_low": pl.Float64,
        "claim_high": pl.Float64,
        "ref_low": pl.Float64,
        "ref_high": pl.Float64,
        "ref_unit": pl.String,
        "gap": pl.Float64,
        "gap_rel": pl.Float64,
        "tolerance": pl.Float64,
        "ref_source": pl.String,
        "ref_as_of": pl.String,
        "ref_row": pl.Int64,
        "unit": pl.String,
        "role": pl.String,
        "sentence": pl.String,
    }
)


@dataclass
class Verification:
    frame: pl.DataFrame
    claims: int = 0
    unmatched: int = 0
    left_out: dict[str, int] = field(default_factory=dict)

    @property
    def conflicts(self) -> int:
        return int((self.frame["verdict"] == "conflict").sum()) if self.frame.height else 0

    def summary(self) -> str:
        counts = Counter(self.frame["verdict"].to_list()) if self.frame.height else Counter()
        verdicts = ", ".join(f"{counts[v]} {v}" for v in sorted(counts, key=lambda v: -SEVERITY[v]))
        n = self.frame.height
        line = f"checked {n} claim/reference pair{'' if n == 1 else 's'}" + (
            f" ({verdicts})" if verdicts else "")
        parts = [f"{n} {why}" for why, n in sorted(self.left_out.items())]
        if self.unmatched:
            parts.append(f"{self.unmatched} with no reference figure for their concept")
        if parts:
            line += "; not checked: " + ", ".join(parts)
        return line


def _as_references(reference: str | Path | pl.DataFrame | Iterable[Reference]) -> list[Reference]:
    if isinstance(reference, str | Path):
        return read_reference(reference)
    if isinstance(reference, pl.DataFrame):
        return parse_reference(reference.write_csv(), "<reference frame>")
    return list(reference)


def verify(frame: pl.DataFrame, reference: str | Path | pl.DataFrame | Iterable[Reference],
           tolerance: float | None = None,
           rates: Rates | Mapping | str | Path | None = None) -> pl.DataFrame:
    """One row per (claim, matching reference figure) with the verdict (VERIFY_SCHEMA)."""
    return verify_claims(frame, reference, tolerance=tolerance, rates=rates).frame


def verify_claims(frame: pl.DataFrame, reference, tolerance: float | None = None,
                  rates=None) -> Verification:
    refs = _as_references(reference)
    default_tol = get_settings().tolerance if tolerance is None else check_tolerance(tolerance)
    conv = Converter(as_rates(rates))
    by_key: dict[tuple[str, str], list[Reference]] = {}
    for r in refs:
        by_key.setdefault((r.concept, r.role), []).append(r)
    known = {r.concept for r in refs}
    rows: list[dict] = []
    unmatched = 0
    left_out: Counter[str] = Counter()
    for c in frame.select([n for n in CLAIM_SCHEMA.names() if n in frame.columns]).iter_rows(
        named=True
    ):
        concept = c.get("concept")
        if not concept:
            left_out["without a concept"] += 1
            continue
        matches = by_key.get((concept, c.get("role") or "level"), [])
        if not matches:
            if concept in known:
                left_out["with another role than the reference"] += 1
            else:
                unmatched += 1
            continue
        for r in matches:
            rows.append(_check(c, r, default_tol, conv))
    rows.sort(key=lambda r: (-SEVERITY[r["verdict"]], -(r["gap_rel"] or 0.0), r["concept"],
                             r["source"] or "", r["line"] or 0, r["column"] or 0))
    out = pl.DataFrame(rows or None, schema=VERIFY_SCHEMA)
    return Verification(out, frame.height, unmatched, dict(left_out))


def _finite(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def _check(c: Mapping, r: Reference, default_tol: float, conv: Converter) -> dict:
    tol = r.tolerance if r.tolerance is not None else default_tol
    low, high, value = (_finite(c.get(k)) for k in ("low", "high", "value"))
    if low is None and high is None:
        low = high = value
    unit = c.get("unit") or "dimensionless"
    row = {
        "concept": r.concept,
        "source": c.get("source"),
        "line": c.get("line"),
        "column": c.get("column"),
        "text": c.get("text"),
        "speaker": c.get("speaker"),
        "period": c.get("period"),
        "claim_low": None,
        "claim_high": None,
        "ref_low": r.low,
        "ref_high": r.high,
        "ref_unit": r.unit,
        "gap": None,
        "gap_rel": None,
        "tolerance": tol,
        "ref_source": r.source,
        "ref_as_of": r.as_of,
        "ref_row": r.row,
        "unit": unit,
        "role": c.get("role"),
        "sentence": c.get("sentence"),
    }
    if low is None and high is None:
        return {**row, "verdict": INCOMPARABLE}
    try:
        mapping = conv.affine(unit, r.unit)
    except UnitError:
        mapping = None
    if mapping is None:
        return {**row, "verdict": INCOMPARABLE}
    if unit != r.unit:  # a converted figure is read as rounded to its last digit
        low = None if low is None else low - half_precision(low, c.get("text"))
        high = None if high is None else high + half_precision(high, c.get("text"))
    a, b = mapping
    lo = None if low is None else a + b * low
    hi = None if high is None else a + b * high
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    gap, rel = gap_between(lo, hi, r.low, r.high)
    verdict = judge_gap(gap, rel, tol)
    if verdict != CONSISTENT and r.period and c.get("period"):
        if period_key(r.period) != period_key(c.get("period")):
            verdict = DIFFERENT_PERIOD
    return {**row, "verdict": verdict, "claim_low": lo, "claim_high": hi, "gap": gap,
            "gap_rel": rel}

