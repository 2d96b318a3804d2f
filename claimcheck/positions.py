"""Where a claim stands in the file: 1-based line and column of a text offset.

For .txt and .md the document text is the file; for HTML it was extracted from the page,
and ``Document.offset_map`` maps each text offset back into ``Document.page`` (the page
as written), so a claim's line and column are those an editor shows for the page.
"""

from __future__ import annotations

from bisect import bisect_right

from .model import Document


class LineIndex:
    """1-based line and column of a character offset.

    Claims come in document order, so the lines are counted forward from the offset
    asked before (``str.count`` and ``str.rfind`` over the stretch between): no list of
    every line start is built for a document whose claims sit in a few of its lines.
    The first offset asked out of order builds that list, and every later one is a
    bisection in it, so any order stays linear in the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0  # lines are counted up to here
        self.line = 1  # the line ``at`` stands on
        self.line_start = 0  # where that line begins
        self.starts: list[int] | None = None  # every line's start, once asked out of order

    def position(self, offset: int) -> tuple[int, int]:
        starts = self.starts
        if starts is None and offset < self.at:
            starts = self.starts = _line_starts(self.text)
        if starts is not None:
            line = bisect_right(starts, offset)
            return line, offset - starts[line - 1] + 1
        n = self.text.count("\n", self.at, offset)
        if n:
            self.line += n
            self.line_start = self.text.rfind("\n", self.at, offset) + 1
        self.at = offset
        return self.line, offset - self.line_start + 1


def _line_starts(text: str) -> list[int]:
    """The offset where each line of ``text`` begins."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


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
