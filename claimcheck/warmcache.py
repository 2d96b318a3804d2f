"""Start-up work kept on disk: the compiled grammar patterns and the lemma dictionaries.

Before it reads its first sentence in a language, a process compiles that language's
grammar (the ``regex`` module parses its patterns in Python: about 0.4 s per language)
and, at the first subject it cannot read by surface form, decodes simplemma's dictionary
(1.5 s for German's 1.1 million forms).  A CLI run pays that once per language, and with
``--jobs N`` every worker pays it again, which is what kept ``--jobs 2`` well short of
twice ``--jobs 1`` on a corpus of a few MB.  This module keeps both results in files, so
only the first run on a machine pays:

- **patterns**: the arguments ``regex`` hands its C engine for each pattern (the pattern
  text, its flags, the compiled program as a list of ints, the group tables), recorded
  when ``regex`` compiles it and replayed on the next run.  An entry is found by the
  pattern's text and flags, so a changed rules file or grammar simply misses;
- **lemmas**: simplemma's form → lemma dictionary of one language: its forms sorted and
  newline-joined, its distinct lemmas likewise, and an array of each form's lemma
  number; looked up by bisection (:class:`SortedLemmas`, 0.1 s to load for German).

Files carry a checksum and are named by everything else their content depends on (the
``regex`` or simplemma version, the Python version): a missing, stale, truncated or
corrupt file is a miss, never an error.  They are written to a temporary file and
renamed, so workers starting together never read half a file.  When the directory cannot
be written, nothing is cached and nothing fails.

The directory is ``$CLAIMCHECK_CACHE``, else ``$XDG_CACHE_HOME/claimcheck``, else
``~/.cache/claimcheck``; ``CLAIMCHECK_CACHE=off`` turns the cache off.  It holds about
33 MB (German's dictionary is 24 of them) and can be deleted at any time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import regex

ENV = "CLAIMCHECK_CACHE"
OFF_VALUES = frozenset({"", "0", "off", "no", "false", "none"})
MAGIC = b"claimcheck-cache-1\n"
DIGEST_SIZE = 32
MAX_PATTERNS = 4096
"""Past this many stored patterns (rules edited many times), a save keeps only the
patterns this process used."""


def cache_dir() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    env = os.environ.get(ENV)
    if env is not None:
        return None if env.strip().lower() in OFF_VALUES else Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    if base:
        return Path(base) / "claimcheck"
    try:
        return Path.home() / ".cache" / "claimcheck"
    except RuntimeError:  # no home directory
        return None


def _py_tag() -> str:
    return f"py{sys.version_info[0]}{sys.version_info[1]}"


def read_value(name: str) -> Any:
    """What :func:`write_value` stored under ``name``, or None (off, missing, corrupt)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = (folder / name).read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + DIGEST_SIZE
    if len(data) < head or not data.startswith(MAGIC):
        return None
    payload = memoryview(data)[head:]
    if hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest() != data[len(MAGIC):head]:
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def write_value(name: str, value: Any) -> bool:
    """Store ``value`` (marshal-able) under ``name`` atomically; False when it could not."""
    folder = cache_dir()
    if folder is None:
        return False
    try:
        payload = marshal.dumps(value)
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    except (OSError, ValueError):
        return False
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC)
            out.write(hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest())
            out.write(payload)
        os.replace(tmp, folder / name)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
    return True


# --- compiled patterns --------------------------------------------------------------------
#
# regex.compile parses the pattern in Python (regex._main._compile) and ends with one call
# into its C engine, ``_regex.compile(pattern, flags, code, group_index, index_group,
# named_lists, named_list_indexes, req_offset, req_chars, req_flags, group_count)``, whose
# arguments are plain ints, strings, lists, tuples and dicts.  Recording that call and
# making it again gives the same pattern object without the parse.

try:
    from regex import _main as _rx_main

    _ENGINE: Any = _rx_main._regex
    _ENGINE_KEY = (f"regex{regex.__version__}-{_ENGINE.MAGIC}-{_ENGINE.CODE_SIZE}-"
                   f"{_py_tag()}")
except (ImportError, AttributeError):  # a regex release laid out differently: no cache
    _rx_main = None
    _ENGINE = None
    _ENGINE_KEY = ""

PATTERN_FILE = f"patterns-{_ENGINE_KEY}.bin"

_lock = threading.Lock()
_stored: dict[tuple[str, int, int], tuple[Any, ...]] | None = None
_added: dict[tuple[str, int, int], tuple[Any, ...]] = {}
_used: set[tuple[str, int, int]] = set()
STATS = {"replayed": 0, "compiled": 0}
"""Patterns this process took from the cache, and compiled (for tests and diagnostics)."""


class _Recorder:
    """Stands in for regex's C engine during one compile and keeps the call's arguments."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.args: tuple[Any, ...] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def compile(self, *args: Any) -> Any:
        self.args = args
        return self.real.compile(*args)


def _stored_patterns() -> dict[tuple[str, int, int], tuple[Any, ...]]:
    global _stored
    if _stored is None:
        got = read_value(PATTERN_FILE)
        _stored = got if isinstance(got, dict) else {}
    return _stored


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, replayed from the cache when it was seen before."""
    if _ENGINE is None or cache_dir() is None:
        return regex.compile(pattern, flags)
    key = (pattern, int(flags), int(regex.DEFAULT_VERSION))
    with _lock:
        args = _stored_patterns().get(key) or _added.get(key)
        if args is not None:
            try:
                compiled = _ENGINE.compile(pattern, *args)
            except Exception:  # not what this engine takes after all: compile it anew
                pass
            else:
                _used.add(key)
                STATS["replayed"] += 1
                return compiled
        recorder = _Recorder(_ENGINE)
        _rx_main._regex = recorder  # type: ignore[union-attr]
        try:
            compiled = regex.compile(pattern, flags, cache_pattern=False)
        finally:
            _rx_main._regex = _ENGINE  # type: ignore[union-attr]
        STATS["compiled"] += 1
        rec = recorder.args
        if rec is not None and rec[0] is pattern:
            # flags arrive as RegexFlag members: kept as the plain ints they are
            stored = tuple(int(a) if isinstance(a, int) else a for a in rec[1:])
            try:
                marshal.dumps(stored)
            except ValueError:  # a named list of something marshal cannot store
                return compiled
            _added[key] = stored
            _used.add(key)
        return compiled


def kept_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    """:func:`compile_pattern` for a pattern built on its own, saved at once when new."""
    compiled = compile_pattern(pattern, flags)
    if _added:
        save_patterns()
    return compiled


def save_patterns() -> bool:
    """Write the patterns compiled since the last save (merged with what is on disk)."""
    with _lock:
        if not _added or cache_dir() is None:
            return False
        on_disk = read_value(PATTERN_FILE)
        table = on_disk if isinstance(on_disk, dict) else {}
        table.update(_added)
        if len(table) > MAX_PATTERNS:
            table = {k: v for k, v in table.items() if k in _used}
        ok = write_value(PATTERN_FILE, table)
        _stored_patterns().update(_added)
        _added.clear()
        return ok


# --- lemma dictionaries -------------------------------------------------------------------


class SortedLemmas(Mapping[str, str]):
    """simplemma's form → lemma dictionary: the forms as a sorted list of UTF-8 bytes
    (bisected), and for each the index of its lemma in a list of the distinct lemmas
    (German: 1.1 million forms, a third as many lemmas)."""

    __slots__ = ("forms", "lemma_of", "lemmas")

    def __init__(self, forms: list[bytes], lemma_of: array, lemmas: list[bytes]) -> None:
        self.forms = forms
        self.lemma_of = lemma_of
        self.lemmas = lemmas

    def _find(self, key: str) -> int:
        k = key.encode()
        i = bisect_left(self.forms, k)
        return i if i < len(self.forms) and self.forms[i] == k else -1

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        i = self._find(key)
        return self.lemmas[self.lemma_of[i]].decode() if i >= 0 else default

    def __getitem__(self, key: str) -> str:
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        return self.lemmas[self.lemma_of[i]].decode()

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __iter__(self) -> Iterator[str]:
        return (k.decode() for k in self.forms)

    def __len__(self) -> int:
        return len(self.forms)


def _simplemma_version() -> str:
    try:
        from importlib.metadata import version

        return version("simplemma")
    except Exception:
        return ""


class CachedDictionaries:
    """A simplemma ``DictionaryFactory``: the shipped dictionaries, kept in the cache.

    A miss loads the dictionary the way simplemma does and stores it for the next run."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.version = _simplemma_version()
        self.maps: dict[str, Mapping[str, str]] = {}

    def file_name(self, lang: str) -> str:
        return f"lemmas-simplemma{self.version}-{_py_tag()}-{lang}.bin"  # marshal's format

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        found = self.maps.get(lang)
        if found is not None:
            return found
        found = self._load(lang) if self.version else None
        if found is None:
            found = self.inner.get_dictionary(lang)  # raises ValueError for an unknown lang
            raw = getattr(found, "_dict", None)
            if self.version and isinstance(raw, dict):
                self._store(lang, raw)
        self.maps[lang] = found
        return found

    def _load(self, lang: str) -> SortedLemmas | None:
        got = read_value(self.file_name(lang))
        if not (isinstance(got, tuple) and len(got) == 4 and got[0] == _INDEX_LAYOUT
                and all(isinstance(x, bytes) for x in got[1:])):
            return None
        forms, lemmas = got[1].split(b"\n"), got[2].split(b"\n")
        lemma_of = array(_INDEX_TYPE)
        try:
            lemma_of.frombytes(got[3])
        except ValueError:
            return None
        if len(lemma_of) != len(forms) or (forms and max(lemma_of) >= len(lemmas)):
            return None
        return SortedLemmas(forms, lemma_of, lemmas)

    def _store(self, lang: str, raw: dict[Any, Any]) -> None:
        forms = sorted(raw)
        values = [raw[k] for k in forms]
        if not forms or not all(isinstance(x, bytes) and b"\n" not in x
                                for x in (*forms, *values)):
            return
        lemmas = sorted(set(values))
        index = {v: i for i, v in enumerate(lemmas)}
        lemma_of = array(_INDEX_TYPE, [index[v] for v in values])
        write_value(self.file_name(lang), (_INDEX_LAYOUT, b"\n".join(forms),
                                           b"\n".join(lemmas), lemma_of.tobytes()))


_INDEX_TYPE = "I" if array("I").itemsize == 4 else "L"
_INDEX_LAYOUT = f"{_INDEX_TYPE}{array(_INDEX_TYPE).itemsize}{sys.byteorder}"
"""How the lemma indexes were written: read back only by a machine that reads them alike."""
