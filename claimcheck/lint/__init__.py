"""Pre-publication lint: rules as data (rules/lint/CCnnn.yaml), checks by name, findings out.

    from claimcheck.lint import lint_paths, LintOptions
    result = lint_paths(["articles/"], LintOptions(style={"de": "ch"}))
    result.findings          # claimcheck.model.Finding, sorted per document

Modules: ruleset (load/validate rule files), checks (the named checks), engine (documents →
findings), suppress (inline directives, baseline), config (claimcheck.toml / pyproject),
diff (--diff REV), figures and weekdays (helpers of the checks).
"""

from __future__ import annotations

from .engine import LintOptions, LintResult, lint_document, lint_paths
from .ruleset import Rule, RuleSet, get_rules, load_rules, rules_markdown_table

__all__ = [
    "LintOptions",
    "LintResult",
    "Rule",
    "RuleSet",
    "get_rules",
    "lint_document",
    "lint_paths",
    "load_rules",
    "rules_markdown_table",
]
