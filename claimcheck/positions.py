"""Where a claim stands in the file: 1-based line and column of a text offset.

For .txt and .md the document text is the file; for HTML it was extracted from the page,
and ``Document.offset_map`` maps each text offset back into ``Document.page`` (the page
as written), so a claim's line and column are those an editor shows for the page.
"""

from __future__ import annotations

from bisect import bisect_right

from .model import Document


class LineIndex:
    """1-based line and column of a character offset."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = find("\n", i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


class Positions:
    """Text offset → (line, column) in the file, through the offset map when there is one."""

    def __init__(self, doc: Document, raw: str | None = None) -> None:
        """``raw``: the file's text when the document was extracted from it (defaults to
        ``doc.page``); without it, positions are those of the document text."""
        raw = raw if raw is not None else doc.page
        self.map: tuple[tuple[int, int], ...] | None = doc.offset_map if raw is not None else None
        self.text_starts: list[int] = [a for a, _ in self.map] if self.map else []
        self.lines: LineIndex = LineIndex(raw if self.map and raw is not None else doc.text)

    def file_offset(self, offset: int) -> int:
        if not self.map:
            return offset
        i = bisect_right(self.text_starts, offset) - 1
        if i < 0:
            return offset
        text_at, file_at = self.map[i]
        return file_at + (offset - text_at)

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(self.file_offset(offset))
