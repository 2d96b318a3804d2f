"""Incremental writers: claim frames arrive batch by batch and leave at once.

``open_stream(fmt, sink)`` returns a writer with ``write(frame)`` and ``close()``; the
bytes it produces are exactly what the one-shot renderer (``RENDERERS[fmt]``) gives for
all the batches concatenated, because every piece *is* rendered by that renderer:

- csv: the first batch with its header, the later ones without it;
- jsonl: each batch's lines;
- json: each batch's array body, joined by ``,`` and framed by one ``[`` ... ``]``;
- parquet: each batch is rendered to its own small Parquet file in a spill folder; at
  the end polars' streaming engine (``scan_parquet(...).sink_parquet``) joins them into
  one file, reading a few row groups at a time.  So memory stays flat without pyarrow
  (a ``ParquetWriter`` would need it as a dependency); the price is writing the claims
  twice, which is small beside the input (claims are a few % of the text's bytes);
- table (for terminals): needs every row to size its columns, so it is collected and
  rendered at the end; it is meant for a screenful, not for archives.

``sink`` is a binary file object (standard output, or :func:`atomic_writer`'s file).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO, Protocol

import polars as pl

from ..table import CLAIM_SCHEMA
from . import RENDERERS


class StreamWriter(Protocol):
    def write(self, frame: pl.DataFrame) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


class _Renderer:
    def __init__(self, fmt: str, sink: BinaryIO, options: dict) -> None:
        self.fmt = fmt
        self.sink = sink
        self.options = options

    def render(self, frame: pl.DataFrame) -> bytes:
        return RENDERERS[self.fmt](frame, **self.options)

    def abort(self) -> None:
        """Drop what was spilled (the run failed; the sink is discarded by its owner)."""


class CsvStream(_Renderer):
    """Header once (also for no rows at all), then rows."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.started = False

    def write(self, frame: pl.DataFrame) -> None:
        if frame.height == 0:
            return
        data = self.render(frame)
        if self.started:
            data = data.split(b"\n", 1)[1]  # the header line: column names, no newlines
        self.started = True
        self.sink.write(data)

    def close(self) -> None:
        if not self.started:
            self.sink.write(self.render(pl.DataFrame(schema=CLAIM_SCHEMA)))


class JsonlStream(_Renderer):
    def write(self, frame: pl.DataFrame) -> None:
        if frame.height:
            self.sink.write(self.render(frame))

    def close(self) -> None:
        pass


class JsonStream(_Renderer):
    """One JSON array over every batch: ``[`` + bodies joined by ``,`` + ``]``."""

    OPEN, CLOSE = b"[\n", b"\n]\n"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.started = False

    def write(self, frame: pl.DataFrame) -> None:
        if frame.height == 0:
            return
        data = self.render(frame)
        if not (data.startswith(self.OPEN) and data.endswith(self.CLOSE)):
            raise ValueError("the json renderer no longer writes an indented array")
        body = data[len(self.OPEN):-len(self.CLOSE)]
        self.sink.write((b",\n" if self.started else self.OPEN) + body)
        self.started = True

    def close(self) -> None:
        if self.started:
            self.sink.write(self.CLOSE)
        else:
            self.sink.write(self.render(pl.DataFrame(schema=CLAIM_SCHEMA)))


class ParquetStream(_Renderer):
    """Batches spill to small Parquet files; ``close`` streams them into one."""

    def __init__(self, fmt: str, sink: BinaryIO, options: dict, spill_dir: str | None = None):
        super().__init__(fmt, sink, options)
        self.dir = Path(tempfile.mkdtemp(prefix=".claimcheck-parts-", dir=spill_dir))
        self.parts: list[Path] = []

    def write(self, frame: pl.DataFrame) -> None:
        if frame.height == 0:
            return
        part = self.dir / f"part-{len(self.parts):06d}.parquet"
        part.write_bytes(self.render(frame))
        self.parts.append(part)

    def close(self) -> None:
        try:
            if not self.parts:
                self.sink.write(self.render(pl.DataFrame(schema=CLAIM_SCHEMA)))
                return
            joined = self.dir / "joined.parquet"
            pl.scan_parquet(self.parts, schema=CLAIM_SCHEMA).sink_parquet(joined)
            with open(joined, "rb") as fh:
                shutil.copyfileobj(fh, self.sink, 1 << 20)
        finally:
            self.abort()

    def abort(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


class CollectStream(_Renderer):
    """Formats that need every row first (the terminal table)."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.frames: list[pl.DataFrame] = []

    def write(self, frame: pl.DataFrame) -> None:
        self.frames.append(frame)

    def close(self) -> None:
        frame = pl.concat(self.frames) if self.frames else pl.DataFrame(schema=CLAIM_SCHEMA)
        self.sink.write(self.render(frame))


STREAMS = {"csv": CsvStream, "jsonl": JsonlStream, "json": JsonStream, "parquet": ParquetStream}


def open_stream(fmt: str, sink: BinaryIO, *, spill_dir: str | None = None,
                **options: object) -> StreamWriter:
    """An incremental writer of ``fmt`` into ``sink`` (formats not listed are collected)."""
    if fmt == "parquet":
        return ParquetStream(fmt, sink, options, spill_dir)
    return STREAMS.get(fmt, CollectStream)(fmt, sink, options)
