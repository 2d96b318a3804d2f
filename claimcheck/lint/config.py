"""Project configuration for lint: ``claimcheck.toml`` or ``[tool.claimcheck]`` in pyproject.toml.

Found upward from each linted file (from the working directory for standard input),
the nearest one wins, as with ruff: in one folder ``claimcheck.toml`` comes before
``pyproject.toml``, and a pyproject.toml without a ``[tool.claimcheck]`` table is passed
over.  Keys (claimcheck.toml holds them at the top level)::

    select = ["CC1", "CC502"]        # codes, code prefixes, dotted names or "ALL"
    ignore = ["CC103"]
    severity = {CC101 = "error"}     # per-rule severity override
    style = "ch"                     # house convention for every language, or per language:
    # style = {de = "ch", fr = "fr"}
    tolerance = 0.01                 # relative slack for CC302/CC501 comparisons

An unknown key or a wrong type is a usage error naming the file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..lexicon import LANGS
from ..model import Severity

CONFIG_FILE = "claimcheck.toml"
PYPROJECT = "pyproject.toml"
CONVENTIONS = ("de", "en", "fr", "ch")
KEYS = ("select", "ignore", "severity", "style", "tolerance")


class ConfigError(UsageError):
    def __init__(self, path: str, msg: str) -> None:
        super().__init__(path, msg)
        self.path = path
        self.msg = msg

    def __str__(self) -> str:
        return f"{self.path}: {self.msg}"


@dataclass(frozen=True, slots=True)
class Config:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    style: dict[str, str] = field(default_factory=dict)
    tolerance: float | None = None
    path: str | None = None


def parse_style(value: Any, where: str) -> dict[str, str]:
    """"ch" → every language; {de = "ch"} → per language.  Raises ConfigError."""
    if isinstance(value, str):
        if value not in CONVENTIONS:
            raise ConfigError(where, f"style {value!r} must be one of {', '.join(CONVENTIONS)}")
        return {lang: value for lang in LANGS}
    if isinstance(value, dict):
        out = {}
        for lang, conv in value.items():
            if lang not in LANGS:
                raise ConfigError(where, f"style: {lang!r} is not one of {', '.join(LANGS)}")
            if conv not in CONVENTIONS:
                raise ConfigError(
                    where, f"style.{lang} {conv!r} must be one of {', '.join(CONVENTIONS)}")
            out[lang] = conv
        return out
    raise ConfigError(where, "style must be a convention name or a table lang = convention")


def _codes(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(where, f"{key} must be a list of rule codes or names")
    return tuple(value)


def parse_config(data: dict[str, Any], where: str) -> Config:
    for key in data:
        if key not in KEYS:
            raise ConfigError(where, f"unknown key {key!r}; known: {', '.join(KEYS)}")
    select = _codes(data["select"], "select", where) if "select" in data else None
    ignore = _codes(data.get("ignore", []), "ignore", where)
    severity: dict[str, Severity] = {}
    sev_raw = data.get("severity", {})
    if not isinstance(sev_raw, dict):
        raise ConfigError(where, "severity must be a table CODE = \"info|warning|error\"")
    for code, level in sev_raw.items():
        try:
            severity[str(code)] = Severity(level)
        except ValueError:
            raise ConfigError(
                where, f"severity.{code} {level!r} must be info, warning or error") from None
    style = parse_style(data["style"], where) if "style" in data else {}
    tol = data.get("tolerance")
    if tol is not None and (isinstance(tol, bool) or not isinstance(tol, (int, float)) or tol < 0):
        raise ConfigError(where, "tolerance must be a number ≥ 0 (a relative fraction, 0.01 = 1 %)")
    return Config(select, ignore, severity, style, None if tol is None else float(tol), where)


def read_config_file(path: Path) -> Config | None:
    """A config file → Config; None for a pyproject.toml without [tool.claimcheck]."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), f"invalid TOML: {exc}") from exc
    if path.name == PYPROJECT:
        section = data.get("tool", {}).get("claimcheck")
        if section is None:
            return None
        if not isinstance(section, dict):
            raise ConfigError(str(path), "[tool.claimcheck] must be a table")
        return parse_config(section, str(path))
    section = data.get("tool", {}).get("claimcheck", data) if "tool" in data else data
    return parse_config(section, str(path))


@cache
def _config_in(directory: str) -> Config | None:
    d = Path(directory)
    for name in (CONFIG_FILE, PYPROJECT):
        candidate = d / name
        if candidate.is_file():
            cfg = read_config_file(candidate)
            if cfg is not None:
                return cfg
    parent = d.parent
    if parent == d:
        return None
    return _config_in(str(parent))


def find_config(start: str | Path | None) -> Config:
    """The nearest config upward from ``start`` (a file or folder); an empty Config if none."""
    p = Path(start) if start not in (None, "-") else Path.cwd()
    p = p.resolve()
    directory = p if p.is_dir() else p.parent
    return _config_in(str(directory)) or Config()


def clear_cache() -> None:
    _config_in.cache_clear()
