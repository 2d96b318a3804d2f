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


@register("table")
def render_table(frame: pl.DataFrame, *, columns: tuple[str, ...] | None = None, **_: object) -> bytes:
    """A terminal table sized to the terminal's width; every row shown."""
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
