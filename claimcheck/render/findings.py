"""Finding renderers, registered by name: text, json, jsonl, csv, github, sarif.

Every format starts from the same plain, sorted records (:func:`finding_records`, the
sqlfluff ``as_records()`` idea); ``FINDING_RENDERERS[name](report) -> bytes``.  This
registry is separate from the frame renderers in ``render/__init__.py`` (which take a
polars frame), so lint's ``text`` and ``csv`` never shadow extract's.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote

from .. import __version__
from ..model import Finding, Severity

FINDING_FIELDS: tuple[str, ...] = (
    "source", "line", "column", "end_line", "end_column", "code", "name", "severity",
    "message", "text",
)
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


@dataclass
class FindingReport:
    """What a finding renderer needs: the findings plus the run's context."""

    findings: list[Finding]
    rules: list = field(default_factory=list)  # ruleset.Rule, for SARIF's rule metadata
    fingerprints: list[str] = field(default_factory=list)
    documents: int = 0
    suppressed: int = 0
    baselined: int = 0


FindingRenderer = Callable[[FindingReport], bytes]
FINDING_RENDERERS: dict[str, FindingRenderer] = {}


def register_findings(name: str) -> Callable[[FindingRenderer], FindingRenderer]:
    def deco(fn: FindingRenderer) -> FindingRenderer:
        FINDING_RENDERERS[name] = fn
        return fn

    return deco


def render_findings(name: str, report: FindingReport) -> bytes:
    return FINDING_RENDERERS[name](report)


def sort_key(f: Finding) -> tuple:
    return (f.source, f.line, f.column, f.code, f.message)


def finding_record(f: Finding) -> dict:
    return {
        "source": f.source,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "text": f.text,
    }


def finding_records(findings: list[Finding]) -> list[dict]:
    """Plain dicts with FINDING_FIELDS, sorted by source, line, column, code."""
    return [finding_record(f) for f in sorted(findings, key=sort_key)]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(report: FindingReport) -> str:
    """"Found 3 findings (1 error, 2 warnings) in 1 of 6 documents; 2 suppressed."."""
    n = len(report.findings)
    by = Counter(f.severity for f in report.findings)
    parts = [_plural(by[s], s.value) if s is not Severity.INFO else f"{by[s]} info"
             for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if by[s]]
    sources = len({f.source for f in report.findings})
    line = (f"Found {_plural(n, 'finding')} ({', '.join(parts)}) in {sources} of "
            f"{_plural(report.documents, 'document')}")
    extra = []
    if report.suppressed:
        extra.append(f"{report.suppressed} suppressed")
    if report.baselined:
        extra.append(f"{report.baselined} in the baseline")
    return line + ("; " + ", ".join(extra) if extra else "") + "."


@register_findings("text")
def render_text(report: FindingReport) -> bytes:
    """``file:line:col: CODE message`` per finding and a summary line; nothing when clean."""
    if not report.findings:
        return b""
    lines = [f"{f.source}:{f.line}:{f.column}: {f.code} {f.message}"
             for f in sorted(report.findings, key=sort_key)]
    lines.append(summary_line(report))
    return ("\n".join(lines) + "\n").encode("utf-8")


@register_findings("json")
def render_json(report: FindingReport) -> bytes:
    return (json.dumps(finding_records(report.findings), ensure_ascii=False, indent=2) + "\n"
            ).encode("utf-8")


@register_findings("jsonl")
def render_jsonl(report: FindingReport) -> bytes:
    rows = [json.dumps(r, ensure_ascii=False) for r in finding_records(report.findings)]
    return ("\n".join(rows) + ("\n" if rows else "")).encode("utf-8")


@register_findings("csv")
def render_csv(report: FindingReport) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=FINDING_FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in finding_records(report.findings):
        writer.writerow(r)
    return buf.getvalue().encode("utf-8")


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


@register_findings("github")
def render_github(report: FindingReport) -> bytes:
    """GitHub Actions workflow commands: one ``::warning file=…,line=…::msg`` per finding."""
    out = []
    for f in sorted(report.findings, key=sort_key):
        props = [f"file={_gh_prop(f.source)}", f"line={f.line}", f"col={f.column}"]
        if f.end_line is not None:
            props.append(f"endLine={f.end_line}")
        if f.end_column is not None and f.end_line == f.line:
            props.append(f"endColumn={f.end_column}")
        props.append(f"title={_gh_prop(f'{f.code} {f.name}')}")
        out.append(f"::{GITHUB_COMMAND[f.severity]} {','.join(props)}::{_gh_data(f.message)}")
    return ("\n".join(out) + ("\n" if out else "")).encode("utf-8")


def _uri(source: str) -> str:
    return quote(source.replace("\\", "/"), safe="/:-._~")


@register_findings("sarif")
def render_sarif(report: FindingReport) -> bytes:
    """SARIF 2.1.0: one run, the rules as reportingDescriptors, one result per finding."""
    rules = list(report.rules)
    index = {r.code: i for i, r in enumerate(rules)}
    descriptors = []
    for r in rules:
        d = {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "defaultConfiguration": {"level": SARIF_LEVEL[r.severity]},
            "properties": {"tags": [r.family] if r.family else []},
        }
        if r.description:
            d["fullDescription"] = {"text": r.description}
        descriptors.append(d)
    prints = dict(zip(map(id, report.findings), report.fingerprints, strict=False))
    results = []
    for f in sorted(report.findings, key=sort_key):
        region = {"startLine": f.line, "startColumn": f.column}
        if f.end_line is not None and f.end_column is not None:
            region["endLine"] = f.end_line
            region["endColumn"] = f.end_column
        if f.text:
            region["snippet"] = {"text": f.text}
        result = {
            "ruleId": f.code,
            "level": SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.source)},
                "region": region,
            }}],
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        fp = prints.get(id(f))
        if fp:
            result["partialFingerprints"] = {"claimcheck/v1": fp}
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return (json.dumps(log, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
