"""Documents → claims → findings: run the selected rules, place, suppress, filter.

For each document: extract its claims (the claim engine), run every selected rule's
check (lint/checks.py) with the rule's params, place each hit at a file line and column,
drop findings another rule at the same place supersedes, apply inline suppressions and
report unused ones (CC001), then the baseline and ``--diff`` filters.

Positions are those of the file as an editor shows it: for .txt and .md the document
text is the file, so claim offsets are file offsets; for .html the reader's
``Document.offset_map`` (anchors text offset → file offset) maps them back into the
page.  Without an offset map (older readers) HTML positions are those of the extracted
text, and inline suppressions in HTML comments cannot be matched to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ClaimcheckError, InputError, UsageError
from ..model import Document, Finding, Severity
from ..pipeline import extract_document
from ..positions import Positions
from ..read import decode, read_inputs
from . import config as config_mod
from . import diff as diff_mod
from .checks import CHECKS, DocContext
from .config import Config, find_config
from .ruleset import Rule, RuleSet, get_rules
from .suppress import (
    apply_baseline,
    apply_directives,
    find_directives,
    fingerprint,
    read_baseline,
    unused_directives,
)

UNUSED_SUPPRESSION = "CC001"


@dataclass(frozen=True)
class LintOptions:
    """What the command line (or a caller) asks for; the project config fills the rest."""

    select: tuple[str, ...] | None = None  # replaces the config's select
    ignore: tuple[str, ...] = ()  # added to the config's ignore
    style: dict[str, str] | None = None  # replaces the config's style for the languages it names
    published: str | None = None
    tolerance: float | None = None
    lang: str | None = None
    config: Config | None = None  # an explicit config (--config); None: discover per file
    baseline: str | None = None
    diff: str | None = None


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    fingerprints: list[str] = field(default_factory=list)
    errors: list[ClaimcheckError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    documents: int = 0
    suppressed: int = 0
    baselined: int = 0

    def at_or_above(self, level: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity.rank >= level.rank]

    @property
    def sources_with_findings(self) -> int:
        return len({f.source for f in self.findings})


# --- positions ------------------------------------------------------------------------------


def raw_source(doc: Document) -> str | None:
    """The file's own text when the document text was extracted from it (HTML)."""
    if doc.offset_map is None:
        return None
    if doc.page is not None:
        return doc.page
    p = Path(doc.source)
    try:
        text, _ = decode(p.read_bytes(), doc.source)
    except (OSError, InputError):
        return None
    return text


# --- selection --------------------------------------------------------------------------------


def _resolve_all(rules: RuleSet, selectors: Iterable[str], where: str) -> set[str]:
    out: set[str] = set()
    for s in selectors:
        try:
            out.update(rules.resolve(s))
        except KeyError:
            raise UsageError(
                f"{where}: {s!r} names no lint rule (see `claimcheck rules`)") from None
    return out


def active_rules(rules: RuleSet, cfg: Config, opts: LintOptions) -> list[Rule]:
    where_cfg = cfg.path or "config"
    if opts.select is not None:
        selected = _resolve_all(rules, opts.select, "--select")
    elif cfg.select is not None:
        selected = _resolve_all(rules, cfg.select, where_cfg)
    else:
        selected = {r.code for r in rules}
    selected -= _resolve_all(rules, cfg.ignore, where_cfg)
    selected -= _resolve_all(rules, opts.ignore, "--ignore")
    return [r for r in rules if r.code in selected]


def severities(rules: RuleSet, cfg: Config) -> dict[str, Severity]:
    out = {r.code: r.severity for r in rules}
    for sel, level in cfg.severity.items():
        for code in _resolve_all(rules, [sel], f"{cfg.path or 'config'}: severity"):
            out[code] = level
    return out


# --- one document ------------------------------------------------------------------------------


@dataclass
class DocumentReport:
    findings: list[Finding]
    fingerprints: list[str]
    suppressed: int


def lint_document(
    doc: Document,
    opts: LintOptions | None = None,
    *,
    rules: RuleSet | None = None,
    cfg: Config | None = None,
) -> DocumentReport:
    """Findings of one document after suppressions (not yet baseline or diff)."""
    opts = opts or LintOptions()
    rules = rules or get_rules()
    cfg = cfg or opts.config or Config()
    active = active_rules(rules, cfg, opts)
    level = severities(rules, cfg)
    style = dict(cfg.style)
    style.update(opts.style or {})
    tolerance = opts.tolerance if opts.tolerance is not None else (cfg.tolerance or 0.0)
    claims = extract_document(doc, opts.lang)
    ctx = DocContext(doc, claims, style=style, published=opts.published, tolerance=tolerance)
    raw = raw_source(doc)
    pos = Positions(doc, raw)
    ctx.position = pos.position
    file_text = raw if raw is not None else doc.text
    file_lines = file_text.split("\n")

    located: list[tuple[Finding, int, int]] = []
    for rule in active:
        if rule.code == UNUSED_SUPPRESSION:
            continue
        for hit in CHECKS[rule.check](ctx, **rule.params):
            located.append((_finding(doc, rule, level[rule.code], hit.start, hit.end, hit.message,
                                     pos), hit.start, hit.end))
    located = _drop_superseded(located, rules)
    findings = [f for f, _, _ in located]

    directives = find_directives(file_text, rules)
    findings, suppressed = apply_directives(findings, directives)
    by_code = {r.code: r for r in active}
    if UNUSED_SUPPRESSION in by_code:
        rule = by_code[UNUSED_SUPPRESSION]
        ran = {r.code for r in active}
        for d, message in unused_directives(directives, ran):
            findings.append(Finding(doc.source, d.line, d.column, rule.code, rule.name,
                                    level[rule.code], message, d.text, d.line,
                                    d.column + len(d.text)))
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    prints = [
        fingerprint(f.code, f.text, file_lines[f.line - 1] if 0 < f.line <= len(file_lines) else "")
        for f in findings
    ]
    return DocumentReport(findings, prints, suppressed)


def _finding(doc: Document, rule: Rule, severity: Severity, start: int, end: int, message: str,
             pos: Positions) -> Finding:
    line, column = pos.position(start)
    end_line, end_column = pos.position(max(start, end))
    return Finding(doc.source, line, column, rule.code, rule.name, severity, message,
                   doc.text[start:end], end_line, end_column)


def _drop_superseded(located: list[tuple[Finding, int, int]], rules: RuleSet
                     ) -> list[tuple[Finding, int, int]]:
    by_code = rules.by_code
    out = []
    for f, s, e in located:
        beaten = any(
            f.code in by_code[g.code].supersedes and s < ge and gs < e
            for g, gs, ge in located
            if g is not f
        )
        if not beaten:
            out.append((f, s, e))
    return out


# --- many inputs ------------------------------------------------------------------------------


def lint_paths(
    paths: Iterable[str],
    opts: LintOptions | None = None,
    *,
    source: str | None = None,
    stdin=None,
    rules: RuleSet | None = None,
) -> LintResult:
    """Lint every input; unreadable inputs and bad configs become errors, never exceptions.

    Raises RulesError when the rule files are broken and UsageError for a bad option,
    a bad --select, or a bad --baseline (nothing useful can run then).
    """
    opts = opts or LintOptions()
    rules = rules or get_rules()
    config_mod.clear_cache()
    diff_mod.clear_cache()
    baseline = read_baseline(opts.baseline) if opts.baseline else None
    if opts.config is not None:
        active_rules(rules, opts.config, opts)  # fail early on a bad --select/--ignore
    else:
        active_rules(rules, Config(), opts)
    result = LintResult()
    for item in read_inputs(paths, source=source, stdin=stdin):
        if isinstance(item, InputError):
            result.errors.append(item)
            continue
        result.documents += 1
        result.warnings.extend(item.warnings)
        try:
            cfg = opts.config or find_config(item.source if Path(item.source).exists() else None)
            report = lint_document(item, opts, rules=rules, cfg=cfg)
        except UsageError as exc:
            result.errors.append(exc)
            continue
        except RecursionError:
            result.errors.append(InputError(item.source, "input too deeply nested to read"))
            continue
        findings, prints = report.findings, report.fingerprints
        if opts.diff:
            try:
                changed = diff_mod.changed_lines(item.source, opts.diff)
            except (InputError, UsageError) as exc:
                result.errors.append(exc)
                continue
            if changed is not None:
                keep = [i for i, f in enumerate(findings) if f.line in changed]
                findings = [findings[i] for i in keep]
                prints = [prints[i] for i in keep]
        result.findings.extend(findings)
        result.fingerprints.extend(prints)
        result.suppressed += report.suppressed
    if baseline is not None and opts.baseline:
        keep, dropped = apply_baseline(opts.baseline, result.findings, result.fingerprints,
                                       baseline)
        result.findings = [result.findings[i] for i in keep]
        result.fingerprints = [result.fingerprints[i] for i in keep]
        result.baselined = dropped
    return result
