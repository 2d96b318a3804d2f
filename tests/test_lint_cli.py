"""`claimcheck lint` and `claimcheck rules` from the outside: formats, exit codes, config,
suppressions, baseline, --diff, and SARIF against the published schema.

tests/sarif-2.1.0.json is the SARIF 2.1.0 JSON schema (draft-04, "2.1.0-rtm.5", the
version schemastore publishes for 2.1.0 files) as shipped in the npm package
@microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/sarif-2.1.0-rtm.5.json, MIT); no PyPI
package ships it.  fixtures/golden/lint-drafts.lint.sarif is rewritten by
``pytest --update-golden``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.lint import get_rules, rules_markdown_table
from claimcheck.render.findings import FINDING_FIELDS

# cli/common.py's emit() still calls click.get_binary_stream (deprecated in click 8.5; see
# tests/test_cli_extract.py, which pins it); lint itself reads standard input with open_file.
pytestmark = pytest.mark.filterwarnings(
    "ignore:'get_binary_stream' is deprecated:DeprecationWarning")

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = "fixtures/lint"
DE_DRAFT = "fixtures/lint/de/entwurf-grenze.txt"
EN_DRAFT = "fixtures/lint/en/draft-flood.md"
CLEAN = "fixtures/lint/clean"
SCHEMA = json.loads((ROOT / "tests" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
GOLDEN = ROOT / "fixtures" / "golden" / "lint-drafts.lint.sarif"
LINE_RE = re.compile(r"^(?P<file>[^:]+):(?P<line>[0-9]+):(?P<col>[0-9]+): (?P<code>CC[0-9]{3}) \S")
SUMMARY_RE = re.compile(r"^Found [0-9]+ findings? \(.*\) in [0-9]+ of [0-9]+ documents?")


def codes_of(text: str) -> list[str]:
    return [m.group("code") for m in map(LINE_RE.match, text.splitlines()) if m]


# --- help, formats, exit codes ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["lint", "rules"])
def test_help(run_cli, command) -> None:
    out = run_cli(command, "--help").stdout
    assert "Usage:" in out


def test_text_format_lines_and_summary(run_cli) -> None:
    out = run_cli("lint", DE_DRAFT, exit_code=1).stdout.splitlines()
    assert all(LINE_RE.match(line) for line in out[:-1]), out
    assert SUMMARY_RE.match(out[-1]), out[-1]
    assert codes_of("\n".join(out)) == ["CC102", "CC502", "CC202", "CC301", "CC503", "CC303"]


def test_clean_texts_say_nothing(run_cli) -> None:
    result = run_cli("lint", CLEAN, exit_code=0)
    assert result.stdout == ""
    assert result.stderr == ""


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "github", "sarif"])
def test_clean_texts_in_every_format(run_cli, fmt) -> None:
    out = run_cli("lint", CLEAN, "--format", fmt, exit_code=0).stdout
    if fmt == "json":
        assert json.loads(out) == []
    elif fmt == "csv":
        assert out.splitlines() == [",".join(FINDING_FIELDS)]
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["results"] == []
    else:
        assert out == ""


def test_json_and_jsonl_agree(run_cli) -> None:
    rows = json.loads(run_cli("lint", DRAFTS, "--format", "json", exit_code=1).stdout)
    lines = run_cli("lint", DRAFTS, "--format", "jsonl", exit_code=1).stdout.splitlines()
    assert rows == [json.loads(line) for line in lines]
    assert all(tuple(r) == FINDING_FIELDS for r in rows)
    assert rows == sorted(rows, key=lambda r: (r["source"], r["line"], r["column"], r["code"],
                                                r["message"]))


def test_csv_format(run_cli) -> None:
    out = run_cli("lint", DE_DRAFT, "--format", "csv", exit_code=1).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["code"] for r in rows] == ["CC102", "CC502", "CC202", "CC301", "CC503", "CC303"]
    assert rows[0]["text"] == "94,000" and rows[0]["line"] == "5"


def test_github_format(run_cli) -> None:
    out = run_cli("lint", DE_DRAFT, "--format", "github", exit_code=1).stdout.splitlines()
    assert len(out) == 6
    first = out[0]
    assert first.startswith(f"::warning file={DE_DRAFT},line=5,col=162,endLine=5,endColumn=168,"
                            "title=CC102 number.foreign_convention::'94,000' is written")
    assert any(line.startswith("::error ") for line in out)


def test_github_escapes_properties() -> None:
    from claimcheck.model import Finding, Severity
    from claimcheck.render.findings import FindingReport, render_findings

    f = Finding("a,b:c.txt", 1, 2, "CC101", "x.y", Severity.INFO, "50%\nnext", "1,250", 1, 7)
    out = render_findings("github", FindingReport([f])).decode()
    assert out == "::notice file=a%2Cb%3Ac.txt,line=1,col=2,endLine=1,endColumn=7," \
                  "title=CC101 x.y::50%25%0Anext\n"


def test_sarif_validates_against_the_schema(run_cli) -> None:
    log = json.loads(run_cli("lint", DRAFTS, "--format", "sarif", exit_code=1).stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in get_rules()]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"]["claimcheck/v1"]
    levels = {r["level"] for r in run["results"]}
    assert levels == {"error", "warning", "note"}


def test_sarif_schema_rejects_a_broken_log() -> None:
    """The schema copy is the real one: it catches a result without a message."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                         "results": [{"ruleId": "CC101"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(bad)


def test_golden_sarif(run_cli, update_golden) -> None:
    out = run_cli("lint", DRAFTS, "--format", "sarif", exit_code=1).stdout
    if update_golden or not GOLDEN.exists():
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("fail_on", "exit_code"),
    [("info", 1), ("warning", 1), ("error", 0), ("never", 0)],
    ids=["info", "warning", "error", "never"],
)
def test_fail_on_with_warnings_only(run_cli, fail_on, exit_code) -> None:
    run_cli("lint", "fixtures/articles/de/001-truppen-grenze.txt", "--fail-on", fail_on,
            exit_code=exit_code)


def test_fail_on_info_counts_an_unused_suppression(run_cli) -> None:
    text = "Exports rose to 1,250 tonnes. claimcheck: ignore[CC101]\n"
    run_cli("lint", "-", "--lang", "en", exit_code=0, input=text)
    out = run_cli("lint", "-", "--lang", "en", "--fail-on", "info", exit_code=1, input=text)
    assert codes_of(out.stdout) == ["CC001"]
    assert out.stdout.startswith("-:1:31: CC001 ")


def test_stdin_with_source_name(run_cli) -> None:
    text = "Mehr als 94,000 russische Soldaten stehen an der Grenze.\n"
    out = run_cli("lint", "-", "--source", "entwurf.txt", "--lang", "de", exit_code=1,
                  input=text.encode("utf-8")).stdout
    assert out.startswith("entwurf.txt:1:10: CC102 '94,000'")


def test_output_file_is_written_whole(run_cli, tmp_path) -> None:
    target = tmp_path / "findings.sarif"
    target.write_text("old", encoding="utf-8")
    result = run_cli("lint", DRAFTS, "--format", "sarif", "-o", target, exit_code=1)
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert [p.name for p in tmp_path.iterdir()] == ["findings.sarif"]


def test_missing_input_is_reported_and_the_rest_linted(run_cli) -> None:
    result = run_cli("lint", "no/such/file.txt", DE_DRAFT, exit_code=2)
    assert codes_of(result.stdout)[0] == "CC102"
    assert result.stderr.strip().splitlines() == [
        "claimcheck: error: no/such/file.txt: no such file or directory"]


def test_bad_input_file_does_not_stop_the_others(run_cli) -> None:
    result = run_cli("lint", "fixtures/bad/binary.txt", CLEAN, exit_code=2)
    assert result.stdout == ""
    assert "binary" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "CC999"], "--select: 'CC999' names no lint rule"),
        (["--ignore", "nothing.here"], "--ignore: 'nothing.here' names no lint rule"),
        (["--style", "xx"], "style 'xx' must be one of de, en, fr, ch"),
        (["--style", "es=de"], "'es' is not one of de, en, fr"),
        (["--format", "xml"], "'xml' is not one of"),
    ],
    ids=["select", "ignore", "style", "style-lang", "format"],
)
def test_usage_errors(run_cli, args, message) -> None:
    result = run_cli("lint", DE_DRAFT, *args, exit_code=2)
    assert message in result.stderr
    assert result.stdout == ""


# --- selection, style ------------------------------------------------------------------------


def test_select_family_and_ignore(run_cli) -> None:
    out = run_cli("lint", DRAFTS, "--select", "CC5", exit_code=1).stdout
    assert set(codes_of(out)) == {"CC501", "CC502", "CC503"} & set(codes_of(out))
    assert set(codes_of(out)) == {"CC502", "CC503"}
    out = run_cli("lint", DE_DRAFT, "--ignore", "CC102,consistency.weekday_date",
                  exit_code=1).stdout
    assert codes_of(out) == ["CC202", "CC301", "CC503", "CC303"]


def test_house_style(run_cli) -> None:
    text = "Der Kanton zahlt 1.234,50 Franken an die Gemeinden.\n"
    assert run_cli("lint", "-", "--lang", "de", exit_code=0, input=text).stdout == ""
    for style in ("ch", "de=ch"):
        out = run_cli("lint", "-", "--lang", "de", "--style", style, exit_code=1,
                      input=text).stdout
        assert codes_of(out) == ["CC102"]
        assert "the house style uses Swiss (ch) convention" in out
        assert re.search(r"write 1['’]234\.50$", out.splitlines()[0])


def test_swiss_figures_set_the_convention_of_german_text(run_cli) -> None:
    """A German text that writes 2'500 is Swiss: its 1.234,50 is the odd one out."""
    text = "Der Kanton zahlt 1.234,50 Franken für 2'500 Schüler.\n"
    out = run_cli("lint", "-", "--lang", "de", exit_code=1, input=text).stdout
    assert codes_of(out) == ["CC102"]
    assert "'1.234,50' is written in German (de) convention, but Swiss text" in out


def test_published_gives_the_year(run_cli) -> None:
    text = "Reznikov warnte am Donnerstag (3. Dezember) vor einer Offensive.\n"
    assert run_cli("lint", "-", "--lang", "de", exit_code=0, input=text).stdout == ""
    out = run_cli("lint", "-", "--lang", "de", "--published", "2021-12-06", exit_code=1,
                  input=text).stdout
    assert codes_of(out) == ["CC502"] and "Friday" in out


def test_collection_published_metadata(run_cli, tmp_path) -> None:
    path = tmp_path / "drafts.csv"
    path.write_text('source,text,published,lang\n'
                    'Agentur,"Er warnte am Donnerstag (3. Dezember).",2021-12-06,de\n'
                    'Blatt,"Er warnte am Freitag (3. Dezember).",2021-12-06,de\n',
                    encoding="utf-8")
    out = run_cli("lint", path, exit_code=1).stdout
    assert codes_of(out) == ["CC502"] and out.startswith("Agentur:1:")


# --- config -------------------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GERMAN_DRAFT = "Mehr als 94,000 russische Soldaten. Es sind 120 Prozent der Befragten.\n"


def test_claimcheck_toml_found_upward(run_cli, tmp_path) -> None:
    write(tmp_path / "claimcheck.toml", 'ignore = ["CC102"]\nseverity = {CC303 = "warning"}\n')
    draft = write(tmp_path / "desk" / "today" / "a.txt", GERMAN_DRAFT)
    out = run_cli("lint", draft, "--format", "json", exit_code=1).stdout
    rows = json.loads(out)
    assert [(r["code"], r["severity"]) for r in rows] == [("CC303", "warning")]
    run_cli("lint", draft, "--fail-on", "error", exit_code=0)


def test_pyproject_section_and_precedence(run_cli, tmp_path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.claimcheck]\n'
                                       'select = ["CC3"]\n')
    draft = write(tmp_path / "a.txt", GERMAN_DRAFT)
    assert codes_of(run_cli("lint", draft, exit_code=1).stdout) == ["CC303"]
    # the nearer claimcheck.toml wins over the pyproject.toml further up
    write(tmp_path / "sub" / "claimcheck.toml", 'select = ["CC1"]\n')
    nested = write(tmp_path / "sub" / "b.txt", GERMAN_DRAFT)
    assert codes_of(run_cli("lint", nested, exit_code=1).stdout) == ["CC102"]
    # --select on the command line replaces the config's select
    assert codes_of(run_cli("lint", nested, "--select", "CC303", exit_code=1).stdout) == ["CC303"]


def test_pyproject_without_section_is_passed_over(run_cli, tmp_path) -> None:
    write(tmp_path / "claimcheck.toml", 'ignore = ["CC303"]\n')
    write(tmp_path / "inner" / "pyproject.toml", '[project]\nname = "x"\n')
    draft = write(tmp_path / "inner" / "a.txt", GERMAN_DRAFT)
    assert codes_of(run_cli("lint", draft, exit_code=1).stdout) == ["CC102"]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('colour = "red"\n', "unknown key 'colour'"),
        ('style = "es"\n', "style 'es' must be one of"),
        ('severity = {CC101 = "fatal"}\n', "must be info, warning or error"),
        ('tolerance = -1\n', "tolerance must be a number"),
        ('select = ["CC999"]\n', "'CC999' names no lint rule"),
        ('select = [\n', "invalid TOML"),
    ],
    ids=["unknown-key", "style", "severity", "tolerance", "select", "toml"],
)
def test_bad_config_is_a_usage_error(run_cli, tmp_path, toml, message) -> None:
    cfg = write(tmp_path / "claimcheck.toml", toml)
    draft = write(tmp_path / "a.txt", GERMAN_DRAFT)
    result = run_cli("lint", draft, exit_code=2)
    assert message in result.stderr
    assert str(cfg) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_explicit_config_file(run_cli, tmp_path) -> None:
    cfg = write(tmp_path / "house.toml", 'style = {de = "ch"}\n')
    text = "Der Kanton zahlt 1.234,50 Franken.\n"
    out = run_cli("lint", "-", "--lang", "de", "--config", cfg, exit_code=1, input=text).stdout
    assert codes_of(out) == ["CC102"]


# --- suppressions ------------------------------------------------------------------------------

MD_DRAFT = """# Draft

<!-- claimcheck: ignore CC302 -->
The dyke runs for 50 miles (100 km).
Of the 340 evacuees, 400 were children. <!-- claimcheck: ignore CC503 -->

<!-- claimcheck: off CC5 -->
Of the 300 evacuees, 500 were children.
Of the 200 evacuees, 900 were children.
<!-- claimcheck: on CC5 -->
Of the 100 evacuees, 150 were children.
Exports rose to 1.250 tonnes. <!-- claimcheck: ignore number.ambiguous_separator -->
Exports rose to 2,750 tonnes. <!-- claimcheck: ignore CC101 -->
"""


def test_markdown_suppressions(run_cli, tmp_path) -> None:
    draft = write(tmp_path / "draft.md", MD_DRAFT)
    rows = json.loads(run_cli("lint", draft, "--ignore", "CC501", "--format", "json",
                              exit_code=1).stdout)
    assert [(r["line"], r["code"]) for r in rows] == [(11, "CC503"), (13, "CC001")]
    assert "CC101 matches no finding" in rows[1]["message"]
    text = run_cli("lint", draft, "--ignore", "CC501", exit_code=1).stdout
    assert text.splitlines()[-1].endswith("; 5 suppressed.")


def test_plain_text_trailing_suppression(run_cli, tmp_path) -> None:
    draft = write(tmp_path / "a.txt",
                  "Mehr als 94,000 Soldaten. claimcheck: ignore[CC102]\n"
                  "Weitere 95,000 Soldaten.\n")
    rows = json.loads(run_cli("lint", draft, "--format", "json", exit_code=1).stdout)
    assert [(r["line"], r["code"]) for r in rows] == [(2, "CC102")]


# --- baseline ---------------------------------------------------------------------------------


def test_baseline_round_trip(run_cli, tmp_path) -> None:
    draft = write(tmp_path / "archive" / "a.txt", GERMAN_DRAFT)
    baseline = tmp_path / "lint-baseline.json"
    result = run_cli("lint", draft, "--write-baseline", baseline, exit_code=0)
    assert "wrote 2 findings" in result.stderr
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert [r["source"] for r in data["findings"]] == ["archive/a.txt", "archive/a.txt"]
    assert run_cli("lint", draft, "--baseline", baseline, exit_code=0).stdout == ""
    # lines shift and a new problem appears: only the new one is reported
    write(draft, "Neu: Der Export stieg auf 3.5 Prozent.\n\n" + GERMAN_DRAFT)
    out = run_cli("lint", draft, "--baseline", baseline, exit_code=1).stdout
    assert codes_of(out) == ["CC102"]
    assert out.startswith(f"{draft}:1:") and out.rstrip().endswith("; 2 in the baseline.")


@pytest.mark.parametrize("content", ["not json", '{"tool": "other"}'], ids=["invalid", "foreign"])
def test_bad_baseline(run_cli, tmp_path, content) -> None:
    baseline = write(tmp_path / "b.json", content)
    result = run_cli("lint", DE_DRAFT, "--baseline", baseline, exit_code=2)
    assert "not a claimcheck baseline" in result.stderr


# --- --diff ------------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is needed for --diff")
    r = tmp_path / "repo"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    write(r / "a.txt", "Mehr als 94,000 Soldaten.\n\nRuhiger Absatz.\n")
    write(r / "b.txt", "Weitere 95,000 Soldaten.\n")
    git(r, "add", "a.txt", "b.txt")
    git(r, "commit", "-q", "-m", "base")
    git(r, "checkout", "-q", "-b", "feature")
    return r


def test_diff_lints_only_changed_lines(run_cli, repo) -> None:
    write(repo / "a.txt", "Mehr als 94,000 Soldaten.\n\nNeu sind 3.5 Prozent.\n")
    git(repo, "commit", "-q", "-am", "edit")
    # main moves on meanwhile: its changes are not the branch's
    git(repo, "checkout", "-q", "main")
    write(repo / "b.txt", "Weitere 95,000 Soldaten.\nUnd 96,000 mehr.\n")
    git(repo, "commit", "-q", "-am", "main edit")
    git(repo, "checkout", "-q", "feature")
    # untracked: every line is new
    write(repo / "c.txt", "Ganz neu stehen dort 97,000 Soldaten, sagte der Minister.\n")
    rows = json.loads(run_cli("lint", repo / "a.txt", repo / "b.txt", repo / "c.txt",
                              "--diff", "main", "--format", "json", exit_code=1).stdout)
    assert [(Path(r["source"]).name, r["line"], r["text"]) for r in rows] == [
        ("a.txt", 3, "3.5"), ("c.txt", 1, "97,000")]


def test_diff_with_unknown_revision(run_cli, repo) -> None:
    result = run_cli("lint", repo / "a.txt", "--diff", "no-such-rev", exit_code=2)
    assert "--diff no-such-rev" in result.stderr


def test_diff_outside_git(run_cli, tmp_path) -> None:
    draft = write(tmp_path / "a.txt", GERMAN_DRAFT)
    result = run_cli("lint", draft, "--diff", "main", exit_code=2)
    assert "not in a git checkout" in result.stderr


# --- broken rule files -----------------------------------------------------------------------


def test_malformed_rule_file_exits_2(tmp_path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    bad = rules / "lint" / "CC101.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("check: ambiguous_figure",
                                                           "check: no_such_check"),
                   encoding="utf-8")
    line = bad.read_text(encoding="utf-8").split("\n").index("check: no_such_check") + 1
    runner = CliRunner()
    for command in (["lint", str(ROOT / DE_DRAFT)], ["rules"]):
        result = runner.invoke(cli, command, env={"CLAIMCHECK_RULES": str(rules)},
                               catch_exceptions=False)
        assert result.exit_code == 2, result.output
        assert result.stderr.splitlines() == [
            f"claimcheck: error: {bad}:{line}: unknown check 'no_such_check'; known: "
            + ", ".join(sorted(__import__("claimcheck.lint.checks", fromlist=["CHECKS"]).CHECKS))]


# --- claimcheck rules ----------------------------------------------------------------------------


def test_rules_text(run_cli) -> None:
    out = run_cli("rules").stdout.splitlines()
    assert [line.split()[0] for line in out] == [r.code for r in get_rules()]
    assert "number.foreign_convention" in out[2]


def test_rules_markdown_is_the_readme_table(run_cli) -> None:
    assert run_cli("rules", "--format", "markdown").stdout == rules_markdown_table()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_rules_frame_formats(run_cli, fmt) -> None:
    out = run_cli("rules", "CC5", "--format", fmt).stdout
    for code in ("CC501", "CC502", "CC503"):
        assert code in out
    assert "CC101" not in out


def test_rules_unknown_code(run_cli) -> None:
    assert "names no lint rule" in run_cli("rules", "CC999", exit_code=2).stderr
