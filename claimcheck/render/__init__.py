"""Renderers, registered by name: each turns a polars frame (or findings) into bytes.

``RENDERERS[name](frame, **options) -> bytes``.  Commands pick one by ``--format``;
there is no if/elif chain over formats anywhere else.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

Renderer = Callable[..., bytes]
RENDERERS: dict[str, Renderer] = {}


def register(name: str) -> Callable[[Renderer], Renderer]:
    def deco(fn: Renderer) -> Renderer:
        RENDERERS[name] = fn
        return fn

    return deco


def render(name: str, frame: pl.DataFrame, **options) -> bytes:
    return RENDERERS[name](frame, **options)


from . import report  # noqa  (registers html)
from . import tabular  # noqa: E402,F401  (registers table, csv, json, jsonl, parquet)
