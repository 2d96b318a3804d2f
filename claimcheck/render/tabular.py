"""Frame renderers: table (terminal), csv, json, jsonl, parquet."""

from __future__ import annotations

import io
import json
import shutil

import polars as pl

from . import register


@register("csv")
def render_csv(frame: pl.DataFrame, **_: object) -> bytes:
    return frame.write_csv().encode("utf-8")


def _records(frame: pl.DataFrame) -> list[dict]:
    return frame.to_dicts()


@register("json")
def render_json(frame: pl.DataFrame, **_: object) -> bytes:
    return (json.dumps(_records(frame), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@register("jsonl")
def render_jsonl(frame: pl.DataFrame, **_: object) -> bytes:
    lines = [json.dumps(r, ensure_ascii=False) for r in _records(frame)]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


@register("parquet")
def render_parquet(frame: pl.DataFrame, **_: object) -> bytes:
    buf = io.BytesIO()
    frame.write_parquet(buf)
    return buf.getvalue()


def _num(x: float | None) -> str:
    """A figure for the eye: 94,000 · 2.45 · 2.5 M · 1.45 bn."""
    if x is None:
        return ""
    for factor, name in ((1e12, "tn"), (1e9, "bn"), (1e6, "M")):
        if abs(x) >= factor:
            return f"{x / factor:.6g} {name}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:.6g}"


def _interval(row: dict) -> str:
    low, high = row.get("low"), row.get("high")
    if low is not None and high is not None and low == high:
        return _num(low)
    if low is None and high is None:
        return ""
    if high is None:
        return f"≥ {_num(low)}"
    if low is None:
        return f"≤ {_num(high)}"
    return f"{_num(low)} – {_num(high)}"


def _fit(s: str, width: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= width else s[: max(0, width - 1)] + "…"


CLAIM_TABLE_COLUMNS = (
    # (header, width share, min width, cell)
    ("where", 0, 9, lambda r: f"{r['line']}:{r['column']}"),
    ("claim", 3, 14, lambda r: r["text"]),
    ("interval", 2, 12, _interval),
    ("qualifier", 0, 9, lambda r: r["qualifier"]),
    ("unit", 1, 8, lambda r: r["unit"] if r["unit"] != "dimensionless" else "count"),
    ("role", 0, 8, lambda r: r["role"]),
    ("concept", 1, 8, lambda r: r.get("concept") or ""),
    ("speaker", 1, 8, lambda r: r.get("speaker") or ""),
    ("fmt", 0, 6, lambda r: r["number_format"] + ("?" if r.get("ambiguous") else "")),
)


def render_claims_table(frame: pl.DataFrame, width: int) -> str:
    """Claims grouped under their source, one fixed-width line each (fits ``width``)."""
    fixed = sum(c[2] for c in CLAIM_TABLE_COLUMNS) + len(CLAIM_TABLE_COLUMNS) - 1
    spare = max(0, width - fixed)
    shares = sum(c[1] for c in CLAIM_TABLE_COLUMNS) or 1
    widths = [c[2] + spare * c[1] // shares for c in CLAIM_TABLE_COLUMNS]
    header = " ".join(_fit(c[0], w).ljust(w) for c, w in zip(CLAIM_TABLE_COLUMNS, widths, strict=True))
    lines: list[str] = []
    current = None
    for row in frame.iter_rows(named=True):
        if row["source"] != current:
            current = row["source"]
            if lines:
                lines.append("")
            lines.extend([_fit(current, width), header.rstrip(), "─" * min(width, len(header))])
        cells = [_fit(c[3](row), w).ljust(w) for c, w in zip(CLAIM_TABLE_COLUMNS, widths, strict=True)]
        lines.append(" ".join(cells).rstrip())
    if not lines:
        return "no claims\n"
    lines.append("")
    lines.append("fmt: the number convention the digits were read in; ? marks a guess (ambiguous)")
    return "\n".join(lines) + "\n"


@register("table")
def render_table(frame: pl.DataFrame, *, columns: tuple[str, ...] | None = None, **_: object) -> bytes:
    """A terminal table sized to the terminal's width; every row shown.

    A claim table gets a compact fixed-width view grouped by source; any other frame is
    shown with polars' own formatting.
    """
    if {"text", "low", "high", "qualifier", "line", "column"} <= set(frame.columns):
        width = shutil.get_terminal_size((120, 24)).columns
        return render_claims_table(frame, max(60, width)).encode("utf-8")
    view = frame.select([c for c in columns if c in frame.columns]) if columns else frame
    width = shutil.get_terminal_size((120, 24)).columns
    with pl.Config(
        tbl_rows=-1,
        tbl_cols=-1,
        tbl_width_chars=width,
        fmt_str_lengths=max(20, width // max(1, min(len(view.columns), 8))),
        tbl_hide_dataframe_shape=True,
        tbl_hide_column_data_types=True,
        float_precision=None,
        thousands_separator=False,
    ):
        return (str(view) + "\n").encode("utf-8")
