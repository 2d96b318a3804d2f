"""Inline suppressions and the baseline file.

Inline directives (any input format; in Markdown and HTML inside a comment)::

    <!-- claimcheck: ignore CC101 -->          this line, or the next one if the comment
    Text … claimcheck: ignore[CC101, CC102]    stands alone on its line
    <!-- claimcheck: off CC5 -->               from here …
    <!-- claimcheck: on CC5 -->                … to here (no codes: every rule)

Codes may be codes, code prefixes, dotted names or aliases.  A directive that
suppresses nothing is reported (CC001) so stale ones get cleaned up, as ruff's RUF100
does.  The baseline (``--write-baseline FILE``, ``--baseline FILE``) is a JSON list of
finding fingerprints, so an archive can adopt lint without fixing its past; the
fingerprint hangs on the code, the figure and its line's text, not on the line number.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from ..errors import UsageError
from ..model import Finding
from .ruleset import RuleSet

DIRECTIVE_RE = regex.compile(
    r"""
    (?P<open><!--[ \t]*)?                      # an HTML/Markdown comment, or bare text
    claimcheck:[ \t]*
    (?P<action>ignore|off|on)\b
    (?:
        \[(?P<bracket>[^\]\n]*)\]               # ignore[CC101, CC102]
      | (?P<spaced>(?:[ \t,]+[A-Za-z][A-Za-z0-9_.]*)*)   # ignore CC101 CC102
    )
    (?P<close>[ \t]*-->)?
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
SELECTOR_RE = regex.compile(r"(?:CC[0-9]{1,3}|ALL|[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)\Z",
                            regex.IGNORECASE)
SPLIT_RE = regex.compile(r"[\s,]+")


@dataclass
class Directive:
    action: str
    line: int
    column: int
    selectors: dict[str, tuple[str, ...]]  # as written → the codes it names; empty: every rule
    unknown: tuple[str, ...]
    text: str = ""
    lines: range = field(default_factory=lambda: range(0))
    used: Counter = field(default_factory=Counter)

    @property
    def codes(self) -> tuple[str, ...] | None:
        """Every code the directive names; None when it names none (every rule)."""
        if not self.selectors and not self.unknown:
            return None
        return tuple(dict.fromkeys(c for codes in self.selectors.values() for c in codes))


def _selectors(raw: str | None) -> list[str]:
    if not raw:
        return []
    out = []
    for tok in SPLIT_RE.split(raw.strip()):
        if not tok:
            continue
        if not SELECTOR_RE.match(tok):
            break  # prose after the directive
        out.append(tok)
    return out


def find_directives(text: str, rules: RuleSet) -> list[Directive]:
    """Every directive in ``text`` with the lines it covers (1-based)."""
    lines = text.split("\n")
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    out: list[Directive] = []
    open_ranges: list[Directive] = []
    for m in DIRECTIVE_RE.finditer(text):
        if m.group("open") and not m.group("close"):
            continue
        line = text.count("\n", 0, m.start()) + 1
        column = m.start() - starts[line - 1] + 1
        selectors: dict[str, tuple[str, ...]] = {}
        unknown: list[str] = []
        listed = m.group("bracket") if m.group("bracket") is not None else m.group("spaced")
        for sel in _selectors(listed):
            try:
                selectors[sel] = rules.resolve(sel)
            except KeyError:
                unknown.append(sel)
        d = Directive(m.group("action").lower(), line, column, selectors, tuple(unknown),
                      m.group(0).rstrip())
        rest = (lines[line - 1][:m.start() - starts[line - 1]]
                + lines[line - 1][m.end() - starts[line - 1]:])
        alone = not rest.strip()
        if d.action == "ignore":
            target = line
            if alone:
                target = next((i + 1 for i in range(line, len(lines)) if lines[i].strip()), line)
            d.lines = range(target, target + 1)
        elif d.action == "off":
            d.lines = range(line, len(lines) + 1)
            open_ranges.append(d)
        else:  # on: closes the ranges it names
            for r in list(open_ranges):
                if d.codes is None or r.codes is None or set(r.codes) <= set(d.codes):
                    r.lines = range(r.lines.start, line + 1)
                    open_ranges.remove(r)
            continue
        out.append(d)
    return out


def apply_directives(
    findings: list[Finding], directives: list[Directive]
) -> tuple[list[Finding], int]:
    """Findings no directive covers, and how many were suppressed."""
    kept: list[Finding] = []
    suppressed = 0
    for f in findings:
        hit = None
        for d in directives:
            if f.line in d.lines and (d.codes is None or f.code in d.codes):
                hit = d
                break
        if hit is None:
            kept.append(f)
        else:
            hit.used[f.code] += 1
            suppressed += 1
    return kept, suppressed


def unused_directives(
    directives: list[Directive], ran: set[str]
) -> list[tuple[Directive, str]]:
    """(directive, message) for each directive, or selector of one, that matched nothing.

    A selector ("CC101", a family "CC5", a name) is used when a finding of any code it
    names was suppressed; one whose rules did not run (not selected) is not reported:
    nothing could have matched it.
    """
    out = []
    for d in directives:
        for sel in d.unknown:
            out.append((d, f"suppression names {sel!r}, which is no lint rule; fix or remove it"))
        if d.codes is None:
            if not d.used:
                out.append((d, f"'claimcheck: {d.action}' suppresses no finding; remove it"))
            continue
        idle = [sel for sel, codes in d.selectors.items()
                if any(c in ran for c in codes) and not any(d.used[c] for c in codes)]
        if idle:
            out.append((d, f"suppression of {', '.join(idle)} matches no finding; remove "
                           f"{'it' if len(idle) == 1 else 'them'}"))
    return out


# --- baseline ---------------------------------------------------------------------------------

BASELINE_VERSION = 1


def fingerprint(code: str, figure: str, line_text: str) -> str:
    """Stable id of a finding: its code, the figure and its line's text (not the line number)."""
    key = "\0".join((code, " ".join(figure.split()), " ".join(line_text.split())))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def _source_key(source: str, base: Path) -> str:
    p = Path(source)
    if source != "-" and p.exists():
        try:
            return Path(os.path.relpath(p.resolve(), base.resolve())).as_posix()
        except ValueError:
            return p.resolve().as_posix()
    return source


def write_baseline(path: str, findings: Iterable[Finding], fingerprints: Iterable[str]) -> bytes:
    """The baseline file's bytes (sorted, diffable JSON)."""
    base = Path(path).parent
    rows = [
        {"source": _source_key(f.source, base), "code": f.code, "fingerprint": fp,
         "line": f.line, "message": f.message}
        for f, fp in zip(findings, fingerprints, strict=True)
    ]
    rows.sort(key=lambda r: (r["source"], r["line"], r["code"], r["fingerprint"]))
    doc = {"tool": "claimcheck", "version": BASELINE_VERSION, "findings": rows}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_baseline(path: str) -> Counter:
    """(source, code, fingerprint) → count.  Raises UsageError for a file that is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read baseline: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: not a claimcheck baseline (invalid JSON: {exc})") from exc
    if not isinstance(data, dict) or data.get("tool") != "claimcheck" or not isinstance(
        data.get("findings"), list
    ):
        raise UsageError(f"{path}: not a claimcheck baseline (write one with --write-baseline)")
    out: Counter = Counter()
    for row in data["findings"]:
        if not isinstance(row, dict) or not {"source", "code", "fingerprint"} <= row.keys():
            raise UsageError(f"{path}: baseline row without source, code and fingerprint")
        out[(row["source"], row["code"], row["fingerprint"])] += 1
    return out


def apply_baseline(
    path: str, findings: list[Finding], fingerprints: list[str], known: Counter
) -> tuple[list[int], int]:
    """Indexes of the findings the baseline does not hold, and how many it held."""
    base = Path(path).parent
    left = Counter(known)
    keep: list[int] = []
    dropped = 0
    for i, (f, fp) in enumerate(zip(findings, fingerprints, strict=True)):
        key = (_source_key(f.source, base), f.code, fp)
        if left[key] > 0:
            left[key] -= 1
            dropped += 1
        else:
            keep.append(i)
    return keep, dropped
