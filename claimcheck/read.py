"""Inputs → Documents.  PATH is a file, a directory (walked) or '-' for standard input.

Dispatch by suffix: .txt and unknown → text; .md/.markdown → Markdown (markup blanked,
offsets kept); .html/.htm → the article's text (markup.py); .csv/.jsonl/.ndjson →
one document per row (columns ``source``, ``text``, optional ``published``, ``url``,
``lang``).  A file that cannot be read yields an :class:`InputError` record and the
rest go on: nothing here raises for one bad input.
"""

from __future__ import annotations

import codecs
import csv
import fnmatch
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

from .errors import InputError
from .markup import html_document, mask_markdown
from .model import Document

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
CSV_SUFFIXES = {".csv"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | CSV_SUFFIXES | JSONL_SUFFIXES
COLLECTION_COLUMNS = ("source", "text", "published", "url", "lang")
LANG_CODES = {"de", "en", "fr"}
MAX_BYTES = 1 << 30


BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SNIFF = 8192
"""How many leading bytes decide binary or UTF-16 without a byte order mark."""


def decode(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """Bytes → text, and warnings.

    A byte order mark decides first (UTF-8, UTF-16, UTF-32; the mark is dropped), then
    strict UTF-8.  Text with a NUL in every other byte is UTF-16 without a mark (read
    with a warning).  Other bytes that are not UTF-8 are read as cp1252, or latin-1
    where cp1252 leaves a byte undefined, with a warning naming the first bad byte.
    Raises InputError for binary data (NUL bytes, control characters).
    """
    for bom, enc in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], enc, name), ()
    head = data[:SNIFF]
    if b"\x00" in head:
        enc = _utf16_without_bom(head)
        if enc is None:
            raise InputError(name, "binary file, not text (skipped)")
        return _strict(data, enc, name), (f"{name}: no byte order mark; read as {enc.upper()}",)
    if _control_ratio(head) > 0.10:
        raise InputError(name, "binary file, not text (skipped)")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        where = exc.start
    try:
        text, enc = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, enc = data.decode("latin-1"), "latin-1"
    return text, (f"{name}: not valid UTF-8 (byte {where}); read as {enc}",)


def _utf16_without_bom(head: bytes) -> str | None:
    """utf-16-le/be when NUL bytes fill every other position (ASCII-range text), else None."""
    if len(head) < 4:
        return None
    even = head[0::2].count(0) / max(1, len(head[0::2]))
    odd = head[1::2].count(0) / max(1, len(head[1::2]))
    if odd > 0.9 and even < 0.1:
        return "utf-16-le"
    if even > 0.9 and odd < 0.1:
        return "utf-16-be"
    return None


def _strict(data: bytes, enc: str, name: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not valid {enc.upper()} at byte {exc.start}") from exc


CONTROL_BYTES: Final = bytes(b for b in range(32) if b < 7 or 13 < b < 27 or 27 < b < 32)
"""Control bytes that mark a binary file (BEL, tab to CR and ESC occur in text)."""


def _control_ratio(data: bytes) -> float:
    """The share of ``CONTROL_BYTES`` in ``data``, counted by deleting them
    (``bytes.translate``, C speed: a Python loop over the bytes cost 0.5 ms a file)."""
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, CONTROL_BYTES))) / len(data)


IGNORE_FILE = ".claimcheckignore"
"""In a walked directory: one pattern a line (fnmatch; '/' at the end for folders; '#'
comments); a pattern without '/' matches names at any depth below, one with '/' the
path relative to that directory.  Files named on the command line are never ignored."""


def _ignore_patterns(directory: Path) -> list[str]:
    try:
        lines = (directory / IGNORE_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _ignored(rel: str, is_dir: bool, rules: list[tuple[str, list[str]]]) -> bool:
    for base, patterns in rules:
        if base and not (rel == base or rel.startswith(base + "/")):
            continue
        sub = rel[len(base) + 1:] if base else rel
        name = sub.rsplit("/", 1)[-1]
        for pat in patterns:
            dir_only = pat.endswith("/")
            pat = pat.rstrip("/")
            if dir_only and not is_dir:
                continue
            target = sub if "/" in pat else name
            if fnmatch.fnmatchcase(target, pat.lstrip("/")):
                return True
    return False


def walk(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Expand directories (sorted, recursive, known suffixes only, .claimcheckignore
    honoured); keep files and '-'."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            found = False
            rules: list[tuple[str, list[str]]] = []
            for root, dirs, files in os.walk(path):
                rel_root = Path(root).relative_to(path).as_posix()
                rel_root = "" if rel_root == "." else rel_root
                patterns = _ignore_patterns(Path(root))
                if patterns:
                    rules.append((rel_root, patterns))
                def rel(name: str, root: str = rel_root) -> str:
                    return f"{root}/{name}" if root else name
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and not _ignored(rel(d), True, rules))
                for f in sorted(files):
                    if (Path(f).suffix.lower() in KNOWN_SUFFIXES and not f.startswith(".")
                            and not _ignored(rel(f), False, rules)):
                        found = True
                        yield str(Path(root) / f)
            if not found:
                yield InputError(p, "directory holds no .txt, .md, .html, .csv or .jsonl files")
        elif path.exists():
            yield p
        else:
            yield InputError(p, "no such file or directory")


def read_inputs(
    paths: Iterable[str], *, source: str | None = None, stdin: io.BufferedReader | None = None
) -> Iterator[Document | InputError]:
    """Every document of every input, or an InputError record for what cannot be read."""
    for item in walk(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            if item == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                data = stream.read()
                name = source or "-"
                yield from _documents(data, name, ".txt", name)
            else:
                path = Path(item)
                if path.stat().st_size > MAX_BYTES:
                    yield InputError(item, f"larger than {MAX_BYTES >> 20} MB (skipped)")
                    continue
                data = path.read_bytes()
                yield from _documents(data, item, path.suffix.lower(), item)  # --source names '-' only
        except InputError as exc:
            yield exc
        except OSError as exc:
            yield InputError(item, exc.strerror or str(exc))


def _documents(data: bytes, path: str, suffix: str, name: str) -> Iterator[Document | InputError]:
    if not data.strip():
        yield InputError(path, "empty file")
        return
    text, warnings = decode(data, path)
    if suffix in CSV_SUFFIXES:
        yield from read_csv(text, path, warnings)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(text, path, warnings)
    elif suffix in HTML_SUFFIXES:
        yield html_document(text, name, warnings=warnings)
    elif suffix in MARKDOWN_SUFFIXES:
        yield Document(name, text, masked=mask_markdown(text), warnings=warnings)
    else:
        yield Document(name, text, warnings=warnings)


def _row_document(
    row: dict, path: str, where: str, warnings: tuple[str, ...]
) -> Document | InputError:
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(where, "row has no text")
    src = row.get("source")
    lang = row.get("lang") or None
    if lang is not None:
        lang = str(lang).strip().lower()[:2]
        if lang not in LANG_CODES:
            return InputError(where, f"lang {row.get('lang')!r} is not one of de, en, fr")
    return Document(
        source=str(src).strip() if src not in (None, "") else where,
        text=text,
        lang_hint=lang,
        published=(str(row["published"]).strip() or None) if row.get("published") else None,
        url=(str(row["url"]).strip() or None) if row.get("url") else None,
        warnings=warnings,
    )


CSV_DELIMITERS = (",", ";", "\t")


def _delimiter(text: str) -> str:
    """The delimiter that makes the header hold a ``text`` column (",", ";" or tab)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    for d in CSV_DELIMITERS:
        cols = [c.strip().strip('"').lower() for c in first.split(d)]
        if "text" in cols:
            return d
    return ","


def read_csv(
    text: str, path: str, warnings: tuple[str, ...] = ()
) -> Iterator[Document | InputError]:
    """A CSV collection: one document per row; a broken row is reported, the rest read.

    The delimiter is the one (",", ";" or tab) that gives the header a ``text`` column;
    column names are matched without case, spaces or a byte order mark."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=_delimiter(text))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield InputError(path, f"not a CSV collection: {exc or 'no header'}")
        return
    header = [h.strip().lstrip("\ufeff").strip().lower() for h in header]
    dupes = sorted({h for h in header if h and header.count(h) > 1})
    if dupes:
        yield InputError(path, f"CSV header repeats column {', '.join(map(repr, dupes))}")
        return
    if "text" not in header:
        yield InputError(path, f"CSV has no 'text' column (columns: {', '.join(header)})")
        return
    while True:
        first_line = reader.line_num + 1  # a quoted field may run over several lines
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(f"{path}:{first_line}", f"broken CSV: {exc}; rest of file skipped")
            return
        where = f"{path}:{first_line}"
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            yield InputError(where, f"row has {len(cells)} fields, header has {len(header)}")
            continue
        yield _row_document(dict(zip(header, cells, strict=True)), path, where, warnings)


def read_jsonl(
    text: str, path: str, warnings: tuple[str, ...] = ()
) -> Iterator[Document | InputError]:
    """A JSON Lines collection: one object per line with at least ``text``."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(row, dict):
            yield InputError(where, "expected a JSON object per line")
            continue
        yield _row_document(row, path, where, warnings)
