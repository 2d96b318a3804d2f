"""claimcheck.verify: the reference table, per-claim verdicts, and the verify CLI.

The reference cases use fixtures/reference/figures.csv (a colleague's trusted figures:
troops 90,000-100,000 as of 2021-12-03, US unemployment 4.2 % with a 1 % tolerance, UK
budget £1.2 bn, ...) and malformed variants written here, one per column check. Claims
are hand-built frames, so the verdicts do not depend on extraction quality; a few CLI
tests at the bottom run real text.
"""

from __future__ import annotations

from typing import NamedTuple

import polars as pl
import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.compare import CONFLICT, CONSISTENT, DIFFERENT_PERIOD, INCOMPARABLE, NEAR
from claimcheck.errors import InputError
from claimcheck.table import CLAIM_SCHEMA
from claimcheck.verify import (
    VERIFY_SCHEMA,
    Reference,
    parse_reference,
    read_reference,
    verify,
    verify_claims,
)

FIGURES = "fixtures/reference/figures.csv"
HEADER = "concept,value,low,high,unit,source,as_of,tolerance\n"


def claim(source: str, low: float | None, high: float | None = None, *, concept="troops",
          unit="dimensionless", role="level", period=None, text=None, value=None) -> dict:
    if high is None and value is None:
        high = value = low
    return {
        "source": source, "line": 1, "column": 1, "start": 0, "end": 1,
        "text": text or str(low), "value": value, "low": low, "high": high,
        "qualifier": "exact", "unit": unit, "role": role, "period": period, "subject": None,
        "concept": concept, "speaker": None, "lang": "en", "number_format": "en",
        "ambiguous": False, "sentence": "s",
    }


def frame(*rows: dict) -> pl.DataFrame:
    return pl.DataFrame(list(rows) or None, schema=CLAIM_SCHEMA)


# --------------------------------------------------------------------------
# the reference file


def test_colleagues_reference_file_reads():
    refs = read_reference(FIGURES)
    by = {r.concept: r for r in refs}
    assert len(refs) == 12
    assert (by["troops"].low, by["troops"].high, by["troops"].tolerance) == (90000, 100000, None)
    assert (by["unemployment_rate"].low, by["unemployment_rate"].tolerance) == (4.2, 0.01)
    assert by["budget"].unit == "GBP"
    assert by["troops"].row == 1 and by["protesters"].row == 12
    assert all(r.role == "level" for r in refs)


class Bad(NamedTuple):
    text: str
    message: str


BAD_REFERENCES = {
    "missing-unit-column": Bad("concept,value,source,as_of\nx,1,S,2021\n",
                               "header (line 1): missing column(s) 'unit'"),
    "no-figure-columns": Bad("concept,unit,source,as_of\nx,percent,S,2021\n",
                             "needs a 'value' column or 'low'/'high'"),
    "value-not-a-number": Bad(HEADER + "jobs,210.000,,,dimensionless,BLS,2021-12-03,\n"
                              "jobs,4,2,,,percent,BLS,2021-12-03,\n",
                              "row 2 (line 3): 9 cells, the header has 8"),
    "decimal-comma": Bad(HEADER + 'jobs,"4,2",,,percent,BLS,2021-12-03,\n',
                         "row 1 (line 2), column 'value': '4,2' is not a plain number"),
    "empty-concept": Bad(HEADER + ",4.2,,,percent,BLS,2021-12-03,\n",
                         "row 1 (line 2), column 'concept': is empty"),
    "no-figure": Bad(HEADER + "jobs,,,,percent,BLS,2021-12-03,\n",
                     "row 1 (line 2), column 'value': is empty and so are low and high"),
    "value-and-range": Bad(HEADER + "jobs,5,4,6,percent,BLS,2021-12-03,\n",
                           "row 1 (line 2), column 'value': give value or low/high, not both"),
    "low-above-high": Bad(HEADER + "jobs,,6,4,percent,BLS,2021-12-03,\n",
                          "row 1 (line 2), column 'high': 4 is below low 6"),
    "unknown-unit": Bad(HEADER + "jobs,5,,,parsecs_per_jiffy,BLS,2021-12-03,\n",
                        "row 1 (line 2), column 'unit': 'parsecs_per_jiffy' is not a known unit"),
    "empty-source": Bad(HEADER + "jobs,5,,,percent,,2021-12-03,\n",
                        "row 1 (line 2), column 'source': is empty"),
    "bad-date": Bad(HEADER + "jobs,5,,,percent,BLS,3.12.2021,\n",
                    "row 1 (line 2), column 'as_of': '3.12.2021' is not an ISO date"),
    "percent-tolerance": Bad(HEADER + "jobs,5,,,percent,BLS,2021-12-03,1%\n",
                             "row 1 (line 2), column 'tolerance': '1%' is not a plain number"),
    "tolerance-above-one": Bad(HEADER + "jobs,5,,,percent,BLS,2021-12-03,5\n",
                               "row 1 (line 2), column 'tolerance': '5' must be a relative"),
    "unknown-role": Bad("concept,value,unit,source,as_of,role\njobs,5,percent,BLS,2021,rise\n",
                        "row 1 (line 2), column 'role': 'rise' is not one of"),
    "second-row-counts-after-blank": Bad(HEADER + "jobs,5,,,percent,BLS,2021,\n\n"
                                         "jobs,x,,,percent,BLS,2021,\n",
                                         "row 2 (line 4), column 'value'"),
    "unclosed-quote": Bad(HEADER + 'jobs,"4.2,,,percent,BLS,2021,\n',
                          "row 1 (line 2): unexpected end of data"),
    "empty-file": Bad("", "empty file"),
}


@pytest.mark.parametrize("case", BAD_REFERENCES.values(), ids=BAD_REFERENCES.keys())
def test_malformed_reference_names_row_and_column(tmp_path, case: Bad):
    path = tmp_path / "figures.csv"
    path.write_text(case.text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_reference(path)
    message = str(info.value)
    assert case.message in message
    assert message.startswith(str(path))
    assert "\n" not in message


def test_reference_with_bom_and_optional_columns():
    refs = parse_reference("\ufeffconcept,low,high,unit,source,as_of,role,period\n"
                           "jobs,,5,percent,BLS,,increase,2021-11\n")
    assert refs == [Reference("jobs", None, 5.0, "percent", "BLS", None, None, "increase",
                              "2021-11", 1)]


# --------------------------------------------------------------------------
# verdicts


class Check(NamedTuple):
    claim: dict
    verdict: str
    gap: float | None


CHECKS = {
    "troops-more-than-94000": Check(claim("A", 94000, None), CONSISTENT, 0.0),
    "troops-95000-100000": Check(claim("A", 95000, 100000), CONSISTENT, 0.0),
    "troops-planted-175000": Check(claim("A", 175000), CONFLICT, 75000.0),
    "troops-101000-near": Check(claim("A", 101000), NEAR, 1000.0),
    "unemployment-4.2": Check(claim("A", 4.2, concept="unemployment_rate", unit="percent"),
                              CONSISTENT, 0.0),
    "unemployment-4.22-within-row-tolerance": Check(
        claim("A", 4.22, concept="unemployment_rate", unit="percent"), NEAR, pytest.approx(0.02)),
    "unemployment-4.3-beyond-row-tolerance": Check(
        claim("A", 4.3, concept="unemployment_rate", unit="percent"), CONFLICT,
        pytest.approx(0.1)),
    "budget-usd-vs-gbp": Check(claim("A", 1.2e9, concept="budget", unit="USD"),
                               INCOMPARABLE, None),
    "budget-gbp": Check(claim("A", 1.2e9, concept="budget", unit="GBP"), CONSISTENT, 0.0),
    "deaths-as-percent": Check(claim("A", 84, concept="deaths", unit="percent"),
                               INCOMPARABLE, None),
}


@pytest.mark.parametrize("case", CHECKS.values(), ids=CHECKS.keys())
def test_verify_verdicts_against_colleagues_reference(case: Check):
    out = verify(frame(case.claim), FIGURES)
    assert out.height == 1
    row = out.row(0, named=True)
    assert row["verdict"] == case.verdict
    assert row["gap"] == case.gap
    assert row["ref_source"]
    assert out.schema == VERIFY_SCHEMA


def test_verify_reports_relative_gap_and_reference():
    row = verify(frame(claim("Plains Herald", 175000)), FIGURES).row(0, named=True)
    assert row["gap_rel"] == pytest.approx(75000 / 175000)
    assert (row["ref_low"], row["ref_high"], row["ref_as_of"]) == (90000, 100000, "2021-12-03")
    assert row["ref_source"] == "US intelligence estimate"
    assert row["tolerance"] == pytest.approx(0.02)  # empty in the file: the rules default


def test_verify_converts_claim_into_reference_unit():
    refs = [Reference("distance", 80.0, 80.0, "kilometer", "Survey", None)]
    ok = verify(frame(claim("A", 50, concept="distance", unit="mile", text="50 miles")), refs)
    assert ok["verdict"][0] == CONSISTENT
    far = verify(frame(claim("A", 100, concept="distance", unit="mile", text="100 miles")), refs)
    assert far["verdict"][0] == CONFLICT
    assert far["ref_unit"][0] == "kilometer"


def test_verify_rates_make_currency_comparable():
    refs = [Reference("budget", 1.2e9, 1.2e9, "GBP", "HM Treasury", None)]
    rows = frame(claim("A", 1.43e9, concept="budget", unit="USD", text="$1.43 billion"))
    assert verify(rows, refs)["verdict"][0] == INCOMPARABLE
    assert verify(rows, refs, rates={("GBP", "USD"): 1.188})["verdict"][0] == CONSISTENT


def test_verify_role_must_match():
    out = verify_claims(frame(claim("A", 4.2, concept="unemployment_rate", unit="percent",
                                    role="decrease")), FIGURES)
    assert out.frame.height == 0
    assert out.left_out == {"with another role than the reference": 1}


def test_verify_period_column_turns_conflict_into_different_period():
    refs = [Reference("inflation", 6.2, 6.2, "percent", "BLS", "2021-11-10", period="2021-10")]
    rows = frame(claim("A", 6.8, concept="inflation", unit="percent", period="im November"),
                 claim("B", 6.8, concept="inflation", unit="percent", period="October 2021"),
                 claim("C", 6.8, concept="inflation", unit="percent"))
    verdicts = dict(zip(*verify(rows, refs).select("source", "verdict"), strict=True))
    assert verdicts == {"A": DIFFERENT_PERIOD, "B": CONFLICT, "C": CONFLICT}


def test_verify_summary_counts_unmatched_and_conceptless():
    result = verify_claims(frame(claim("A", 175000), claim("B", 5, concept="cats"),
                                 claim("C", 5, concept=None)), FIGURES)
    assert result.conflicts == 1
    assert result.summary() == ("checked 1 claim/reference pair (1 conflict); not checked: "
                                "1 without a concept, 1 with no reference figure for their "
                                "concept")


def test_verify_sorts_conflicts_first():
    out = verify(frame(claim("A", 95000), claim("B", 175000), claim("C", 101000)), FIGURES)
    assert out["verdict"].to_list() == [CONFLICT, NEAR, CONSISTENT]


def test_verify_accepts_a_reference_frame():
    ref = pl.DataFrame({"concept": ["troops"], "value": [95000.0], "unit": ["dimensionless"],
                        "source": ["X"], "as_of": ["2021"]})
    assert verify(frame(claim("A", 95000)), ref)["verdict"][0] == CONSISTENT


# --------------------------------------------------------------------------
# CLI


def run(args: list[str], code: int):
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Officials said more than 94,000 troops were at the border. A think tank "
                    "said 175,000 troops were massed there.\n", encoding="utf-8")
    return path


def test_cli_verify_conflict_exits_1(article):
    result = run(["verify", str(article), "--reference", FIGURES, "--format", "csv"], 1)
    out = pl.read_csv(result.stdout.encode())
    assert set(out["verdict"]) == {CONSISTENT, CONFLICT}
    assert "checked 2 claim/reference pairs (1 conflict, 1 consistent)" in result.stderr


def test_cli_verify_within_tolerance_exits_0(tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("More than 94,000 troops were at the border.\n", encoding="utf-8")
    run(["verify", str(path), "--reference", FIGURES, "--format", "json"], 0)


@pytest.mark.parametrize("case", [BAD_REFERENCES["decimal-comma"], BAD_REFERENCES["bad-date"]],
                         ids=["decimal-comma", "bad-date"])
def test_cli_malformed_reference_one_line_exit_2(tmp_path, article, case):
    ref = tmp_path / "figures.csv"
    ref.write_text(case.text, encoding="utf-8")
    result = run(["verify", str(article), "--reference", str(ref)], 2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert case.message in lines[0]
    assert result.stdout == ""


def test_cli_missing_reference_exit_2(article):
    result = run(["verify", str(article), "--reference", "no/such/figures.csv"], 2)
    assert "no/such/figures.csv" in result.stderr


def test_cli_verify_requires_reference(article):
    result = CliRunner().invoke(cli, ["verify", str(article)])
    assert result.exit_code == 2
    assert "--reference" in result.output


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "parquet", "table"])
def test_cli_verify_formats(article, tmp_path, fmt):
    out = tmp_path / f"verify.{fmt}"
    run(["verify", str(article), "--reference", FIGURES, "--format", fmt, "-o", str(out)], 1)
    assert out.stat().st_size > 0
