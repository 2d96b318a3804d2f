"""Lint rules as data: load and validate ``rules/lint/CCnnn.yaml`` (grammar in rules/SCHEMA.md).

One rule per file, its code in the file name (sqlfluff's rule anatomy as data): code,
stable dotted name, aliases, severity, summary, the check it runs with its params, and
examples that the test-suite runs.  Every file is validated when the rules load; a
broken file raises :class:`~claimcheck.errors.RulesError` with its path and line, it
never only logs.  ``claimcheck rules`` and the README's rule table are generated from
the loaded rules (:func:`rules_markdown_table`).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import regex

from ..errors import RulesError
from ..lexicon import LANGS, load_yaml, rules_dir, strip_lines
from ..model import Severity

CODE_RE = regex.compile(r"CC[0-9]{3}\Z")
"""A rule code: CC and three digits; the hundreds give the family."""

NAME_RE = regex.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+\Z")
"""A stable dotted name: family.what ("number.ambiguous_separator")."""

PREFIX_RE = regex.compile(r"CC[0-9]{0,3}\Z")
"""A selector that names a code or a family of codes by prefix ("CC1", "CC10", "CC101")."""

RULE_KEYS = ("code", "name", "aliases", "severity", "summary", "description", "check",
             "params", "supersedes", "examples")
REQUIRED_KEYS = ("code", "name", "severity", "summary", "check", "examples")
EXAMPLE_KEYS = ("lang", "text", "findings", "published", "style", "format", "note")
EXAMPLE_FORMATS = ("txt", "md")
FAMILIES = {
    "CC0": "suppressions and meta",
    "CC1": "number format",
    "CC2": "qualifier and scale",
    "CC3": "unit and currency",
    "CC4": "attribution",
    "CC5": "consistency within a document",
}


@dataclass(frozen=True, slots=True)
class Example:
    """One documented case of a rule; every example is run as a test."""

    lang: str
    text: str
    findings: tuple[str, ...]
    published: str | None = None
    style: str | None = None
    format: str = "txt"
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    check: str
    params: dict[str, Any] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    description: str = ""
    supersedes: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    path: str = ""

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[:3], "")


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]

    def __iter__(self):
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    @property
    def by_code(self) -> dict[str, Rule]:
        return {r.code: r for r in self.rules}

    def get(self, code: str) -> Rule:
        return self.by_code[code]

    def resolve(self, selector: str) -> tuple[str, ...]:
        """Codes a selector names: ALL, a code prefix (CC1, CC101), a dotted name or an alias.

        Raises KeyError for a selector that names nothing.
        """
        s = selector.strip()
        if not s:
            raise KeyError(selector)
        if s.upper() == "ALL":
            return tuple(r.code for r in self.rules)
        if PREFIX_RE.match(s.upper()):
            codes = tuple(r.code for r in self.rules if r.code.startswith(s.upper()))
            if codes:
                return codes
            raise KeyError(selector)
        for r in self.rules:
            if s == r.name or s in r.aliases or s.upper() in r.aliases:
                return (r.code,)
        raise KeyError(selector)


def _line(data: dict, key: str) -> int | None:
    return data.get("__lines__", {}).get(key)


def _fail(path: Path, line: int | None, msg: str) -> RulesError:
    return RulesError(str(path), line, msg)


def _check_signature(name: str):
    from .checks import CHECKS

    return CHECKS.get(name)


def _validate_params(path: Path, data: dict, check_name: str, params: Any) -> dict[str, Any]:
    fn = _check_signature(check_name)
    if fn is None:
        from .checks import CHECKS

        raise _fail(path, _line(data, "check"),
                    f"unknown check {check_name!r}; known: {', '.join(sorted(CHECKS))}")
    if params is None:
        params = {}
    if not isinstance(params, dict):
        raise _fail(path, _line(data, "params"), "params must be a mapping of name → value")
    accepted = {
        p.name: p.default
        for p in inspect.signature(fn).parameters.values()
        if p.kind is inspect.Parameter.KEYWORD_ONLY
    }
    out = {}
    for key, value in params.items():
        if key == "__lines__":
            continue
        where = _line(params, key) or _line(data, "params")
        if key not in accepted:
            known = ", ".join(sorted(accepted)) or "none"
            raise _fail(path, where,
                        f"check {check_name!r} takes no param {key!r} (params: {known})")
        default = accepted[key]
        clean = strip_lines(value)
        if not _same_kind(default, clean):
            raise _fail(path, where, f"param {key!r} must be {_kind_name(default)}, "
                                     f"got {type(clean).__name__}")
        out[key] = clean
    return out


def _same_kind(default: Any, value: Any) -> bool:
    if default is inspect.Parameter.empty or default is None:
        return True
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, (list, tuple)):
        return isinstance(value, list)
    return isinstance(value, type(default))


def _kind_name(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, (int, float)):
        return "a number"
    if isinstance(default, (list, tuple)):
        return "a list"
    if isinstance(default, dict):
        return "a mapping"
    return "a string"


def _str_list(path: Path, data: dict, key: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, _line(data, key), f"{key!r} must be a list of non-empty strings")
    return tuple(value)


def _examples(path: Path, data: dict) -> tuple[Example, ...]:
    raw = data.get("examples")
    if not isinstance(raw, list) or not raw:
        raise _fail(path, _line(data, "examples"), "examples must be a non-empty list")
    out = []
    for i, ex in enumerate(raw, start=1):
        where = _line(data, "examples")
        if not isinstance(ex, dict):
            raise _fail(path, where, f"example {i} must be a mapping")
        lines = ex.get("__lines__", {})
        ex_line = min(lines.values()) if lines else where
        for key in ex:
            if key != "__lines__" and key not in EXAMPLE_KEYS:
                raise _fail(path, lines.get(key, ex_line),
                            f"example {i}: unknown key {key!r} (keys: {', '.join(EXAMPLE_KEYS)})")
        lang = ex.get("lang")
        if lang not in (*LANGS, "auto"):
            raise _fail(path, lines.get("lang", ex_line),
                        f"example {i}: lang must be one of {', '.join(LANGS)}, auto")
        text = ex.get("text")
        if not isinstance(text, str) or not text.strip():
            raise _fail(path, lines.get("text", ex_line),
                        f"example {i}: text must be a non-empty string")
        findings = ex.get("findings")
        if not isinstance(findings, list) or not all(
            isinstance(c, str) and CODE_RE.match(c) for c in findings
        ):
            raise _fail(path, lines.get("findings", ex_line),
                        f"example {i}: findings must be a list of codes (CCnnn), [] for none")
        fmt = ex.get("format", "txt")
        if fmt not in EXAMPLE_FORMATS:
            raise _fail(path, lines.get("format", ex_line),
                        f"example {i}: format must be one of {', '.join(EXAMPLE_FORMATS)}")
        for key in ("published", "style", "note"):
            if key in ex and not isinstance(ex[key], str):
                raise _fail(path, lines.get(key, ex_line), f"example {i}: {key} must be a string")
        out.append(Example(lang, text, tuple(findings), ex.get("published"), ex.get("style"),
                           fmt, ex_line))
    return tuple(out)


def parse_rule(path: Path) -> Rule:
    """One rule file → :class:`Rule`; raises RulesError naming the file and line."""
    data = load_yaml(path)
    for key in data:
        if key != "__lines__" and key not in RULE_KEYS:
            raise _fail(path, _line(data, key),
                        f"unknown key {key!r}; a rule has {', '.join(RULE_KEYS)}")
    for key in REQUIRED_KEYS:
        if key not in data:
            raise _fail(path, None, f"missing key {key!r}")
    code = data["code"]
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise _fail(path, _line(data, "code"), f"code {code!r} must be CC and three digits")
    if code != path.stem:
        raise _fail(path, _line(data, "code"), f"code {code} must match the file name {path.name}")
    name = data["name"]
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise _fail(path, _line(data, "name"),
                    f"name {name!r} must be dotted lowercase words (family.what)")
    severity = data["severity"]
    try:
        sev = Severity(severity)
    except ValueError:
        raise _fail(path, _line(data, "severity"),
                    f"severity {severity!r} must be one of info, warning, error") from None
    summary = data["summary"]
    if not isinstance(summary, str) or "\n" in summary.strip() or not summary.strip().endswith("."):
        raise _fail(path, _line(data, "summary"),
                    "summary must be one line ending with a full stop")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise _fail(path, _line(data, "description"), "description must be a string")
    check = data["check"]
    if not isinstance(check, str):
        raise _fail(path, _line(data, "check"), "check must be the name of a registered check")
    params = _validate_params(path, data, check, data.get("params"))
    aliases = _str_list(path, data, "aliases")
    supersedes = _str_list(path, data, "supersedes")
    for c in supersedes:
        if not CODE_RE.match(c):
            raise _fail(path, _line(data, "supersedes"), f"supersedes: {c!r} is not a code")
    return Rule(
        code=code,
        name=name,
        severity=sev,
        summary=summary.strip(),
        check=check,
        params=params,
        aliases=aliases,
        description=" ".join(description.split()),
        supersedes=supersedes,
        examples=_examples(path, data),
        path=str(path),
    )


def lint_rules_dir() -> Path:
    return rules_dir() / "lint"


def load_rules(directory: Path | str | None = None) -> RuleSet:
    """Every rule file in ``directory`` (default rules/lint/), validated as a set."""
    folder = Path(directory) if directory is not None else lint_rules_dir()
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise RulesError(str(folder), None, "no lint rule files (CCnnn.yaml)")
    rules = [parse_rule(p) for p in files]
    seen_names: dict[str, str] = {}
    seen_aliases: dict[str, str] = {}
    codes = {r.code for r in rules}
    for r in rules:
        if r.name in seen_names:
            raise RulesError(r.path, None, f"name {r.name} is already used by {seen_names[r.name]}")
        seen_names[r.name] = r.code
        for a in r.aliases:
            if a in codes or a in seen_aliases or a in seen_names:
                raise RulesError(r.path, None, f"alias {a} is already a code, name or alias")
            seen_aliases[a] = r.code
        for s in r.supersedes:
            if s not in codes:
                raise RulesError(r.path, None, f"supersedes {s}, which is not a rule")
    return RuleSet(tuple(sorted(rules, key=lambda r: r.code)))


@cache
def _cached(folder: str) -> RuleSet:
    return load_rules(folder)


def get_rules() -> RuleSet:
    """The rules of the current rules/ folder (validated once per folder)."""
    return _cached(str(lint_rules_dir().resolve()))


# --- documentation generated from the rules ------------------------------------------

TABLE_START = "<!-- rules-table:start -->"
TABLE_END = "<!-- rules-table:end -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def rules_markdown_table(rules: RuleSet | None = None) -> str:
    """The README's rule table (between the rules-table markers), generated from the files."""
    rules = rules if rules is not None else get_rules()
    lines = [
        "| code | name | severity | what it finds |",
        "|---|---|---|---|",
    ]
    for r in rules:
        lines.append(f"| {r.code} | `{r.name}` | {r.severity.value} | {_cell(r.summary)} |")
    return "\n".join(lines) + "\n"


def readme_block(text: str) -> str | None:
    """The text between the rules-table markers of a README, or None if they are missing."""
    start = text.find(TABLE_START)
    end = text.find(TABLE_END)
    if start == -1 or end == -1 or end < start:
        return None
    return text[start + len(TABLE_START):end].strip("\n") + "\n"
