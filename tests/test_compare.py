"""claimcheck.compare: groups, interval verdicts, periods, units, rates; the compare CLI.

Most tests build claim frames by hand (CLAIM_SCHEMA) so they do not depend on how well
the extractor finds subjects and concepts. The pair cases are the DESIGN's examples
(the December 2021 troop figures: an unnamed "more than 94,000" against an army chief's
"95,000 to 100,000", "about 95,000" against "94,700") plus unit, sign and zero edge
cases written for this module. The END-TO-END section at the bottom runs the CLI on
fixtures/collections/compare-*.{csv,jsonl}; rows that need extractor work not done yet
are strict xfails with the reason.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

import polars as pl
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.cli import cli
from claimcheck.compare import (
    CONFLICT,
    CONSISTENT,
    DETAIL_SCHEMA,
    DIFFERENT_PERIOD,
    GROUP_SCHEMA,
    INCOMPARABLE,
    NEAR,
    SEVERITY,
    SINGLE,
    Converter,
    Rates,
    compare,
    compare_claims,
    format_interval,
    format_number,
    gap_between,
    get_settings,
    half_last_digit,
    pair_verdict,
    period_key,
    read_rates,
)
from claimcheck.errors import InputError
from claimcheck.table import CLAIM_SCHEMA
from claimcheck.units import convert

FIXTURES = "fixtures/collections"
RATES = "fixtures/reference/rates.csv"


def claim(source: str = "A", low: float | None = None, high: float | None = None, *,
          value: float | None = None, text: str | None = None, concept: str | None = "troops",
          unit: str = "dimensionless", role: str = "level", period: str | None = None,
          speaker: str | None = None, line: int = 1, column: int = 1, qualifier: str = "exact",
          ambiguous: bool = False) -> dict:
    """One claim row; ``claim("A", 5)`` is the exact figure 5."""
    if low is not None and high is None and value is None and qualifier == "exact":
        high = value = low
    return {
        "source": source, "line": line, "column": column, "start": 0, "end": 1,
        "text": text if text is not None else format_interval(low, high),
        "value": value, "low": low, "high": high, "qualifier": qualifier, "unit": unit,
        "role": role, "period": period, "subject": None, "concept": concept,
        "speaker": speaker, "lang": "en", "number_format": "en", "ambiguous": ambiguous,
        "sentence": f"{source} says {text or low}.",
    }


def frame(*rows: dict) -> pl.DataFrame:
    return pl.DataFrame(list(rows) or None, schema=CLAIM_SCHEMA)


def verdicts(groups: pl.DataFrame) -> dict[str, str]:
    return dict(zip(groups["concept"], groups["verdict"], strict=True))


# --------------------------------------------------------------------------
# the seed situation


def seed_claims() -> list[dict]:
    return [
        claim("Daily Ledger", 94000, None, qualifier="more_than", text="More than 94,000"),
        claim("Capital Tribune", 95000, 100000, qualifier="range", text="95,000 to 100,000",
              speaker="James C. McConville"),
    ]


def test_seed_unnamed_more_than_94000_agrees_with_army_chief_range():
    groups = compare(frame(*seed_claims()))
    assert groups.height == 1
    row = groups.row(0, named=True)
    assert row["verdict"] == CONSISTENT
    assert (row["claims"], row["sources"]) == (2, 2)
    assert (row["low"], row["high"]) == (94000, None)
    assert row["spread"] == 0
    assert "Capital Tribune: 95,000 to 100,000 (James C. McConville)" in row["statements"]
    assert "Daily Ledger: More than 94,000" in row["statements"]


def test_seed_planted_175000_is_a_conflict_named_with_its_gap():
    planted = claim("Plains Herald", 175000, text="175,000")
    groups = compare(frame(*seed_claims(), planted))
    row = groups.row(0, named=True)
    assert row["verdict"] == CONFLICT
    assert row["worst"] == (
        "Capital Tribune: 95,000 to 100,000 vs Plains Herald: 175,000: gap 75,000 (42.9%)"
    )
    assert row["spread"] == 75000
    assert row["same_source"] is False


def test_seed_detail_marks_who_conflicts_with_whom():
    planted = claim("Plains Herald", 175000, text="175,000")
    detail = compare_claims(frame(*seed_claims(), planted)).detail
    by_source = {r["source"]: r for r in detail.iter_rows(named=True)}
    # "more than 94,000" allows 175,000: that claim agrees with everyone
    assert by_source["Daily Ledger"]["verdict"] == CONSISTENT
    assert by_source["Capital Tribune"]["verdict"] == CONFLICT
    assert by_source["Capital Tribune"]["versus"] == "Plains Herald: 175,000"
    assert by_source["Plains Herald"]["gap"] == 75000
    assert set(detail["group_verdict"]) == {CONFLICT}


# --------------------------------------------------------------------------
# pair verdicts


class Pair(NamedTuple):
    a: tuple[float | None, float | None]
    b: tuple[float | None, float | None]
    expected: str
    tolerance: float | None = None


PAIRS = {
    "more-than-94000-vs-95000-100000": Pair((94000, None), (95000, 100000), CONSISTENT),
    "about-95000-vs-94700": Pair((94500, 95500), (94700, 94700), CONSISTENT),
    "exact-94000-vs-95000-near": Pair((94000, 94000), (95000, 95000), NEAR),
    "exact-94000-vs-95000-strict": Pair((94000, 94000), (95000, 95000), CONFLICT, 0.01),
    "175000-vs-range": Pair((175000, 175000), (95000, 100000), CONFLICT),
    "touching-ranges": Pair((1, 2), (2, 3), CONSISTENT),
    "more-than-equals-exact": Pair((94000, None), (94000, 94000), CONSISTENT),
    "unbounded-both": Pair((None, None), (5, 5), CONSISTENT),
    "at-most-vs-more-than": Pair((None, 100), (120, None), CONFLICT),
    "percent-4.2-vs-4.6": Pair((4.2, 4.2), (4.6, 4.6), CONFLICT),
    "percent-4.2-vs-4.25": Pair((4.2, 4.2), (4.25, 4.25), NEAR),
    "negative-near": Pair((-3.0, -3.0), (-3.05, -3.05), NEAR),
    "across-zero": Pair((-1, -1), (1, 1), CONFLICT),
    "zero-zero": Pair((0, 0), (0, 0), CONSISTENT),
    "zero-vs-small": Pair((0, 0), (0.01, 0.01), CONFLICT),
    "tolerance-zero": Pair((100, 100), (100.5, 100.5), CONFLICT, 0.0),
    "gap-exactly-at-tolerance": Pair((98, 98), (100, 100), NEAR, 0.02),
}


@pytest.mark.parametrize("case", PAIRS.values(), ids=PAIRS.keys())
def test_pair_verdict(case: Pair):
    assert pair_verdict(case.a, case.b, case.tolerance) == case.expected
    assert pair_verdict(case.b, case.a, case.tolerance) == case.expected


def test_pair_verdict_different_period_only_for_disjoint_pairs():
    assert pair_verdict((1, 1), (5, 5), same_period=False) == DIFFERENT_PERIOD
    assert pair_verdict((1, 2), (2, 3), same_period=False) == CONSISTENT


def test_gap_between_is_relative_to_larger_facing_bound():
    assert gap_between(95000, 100000, 175000, 175000) == (75000, 75000 / 175000)
    assert gap_between(None, None, 1, 2) == (0.0, 0.0)


@pytest.mark.parametrize("bad", [-0.1, 1.0, 2, float("nan")], ids=["negative", "one", "two", "nan"])
def test_tolerance_outside_zero_one_is_rejected(bad):
    with pytest.raises(ValueError, match="tolerance"):
        compare(frame(claim("A", 1)), tolerance=bad)


def test_default_tolerance_comes_from_rules():
    assert get_settings().tolerance == pytest.approx(0.02)
    assert compare_claims(frame()).tolerance == pytest.approx(0.02)


# --------------------------------------------------------------------------
# groups: concept, role, dimension


def test_group_key_keeps_level_change_and_ratio_apart():
    groups = compare(frame(
        claim("A", 6.0, unit="percent", concept="unemployment_rate", role="level"),
        claim("B", 2.0, unit="percent", concept="unemployment_rate", role="increase"),
        claim("C", 2.0, unit="dimensionless", concept="unemployment_rate", role="ratio"),
    ))
    assert groups.height == 3
    assert set(groups["verdict"]) == {SINGLE}
    assert sorted(groups["role"]) == ["increase", "level", "ratio"]


def test_percent_percentage_point_and_count_are_separate_groups():
    groups = compare(frame(
        claim("A", 2.0, unit="percent", concept="wages", role="increase"),
        claim("B", 2.0, unit="percentage_point", concept="wages", role="increase"),
        claim("C", 2.0, unit="dimensionless", concept="wages", role="increase"),
    ))
    assert sorted(groups["unit"]) == ["dimensionless", "percent", "percentage_point"]
    assert set(groups["verdict"]) == {SINGLE}


class UnitCase(NamedTuple):
    a: tuple[float, str]
    b: tuple[float, str]
    expected: str


UNIT_CASES = {
    "50-miles-vs-80-km": UnitCase((50, "mile"), (80, "kilometer"), CONSISTENT),
    "160-km-vs-50-miles": UnitCase((160, "kilometer"), (50, "mile"), CONFLICT),
    "3-km-vs-3000-m": UnitCase((3, "kilometer"), (3000, "meter"), CONSISTENT),
    "1.5-t-vs-1500-kg": UnitCase((1.5, "metric_ton"), (1500, "kilogram"), CONSISTENT),
    "25-celsius-vs-77-fahrenheit": UnitCase((25, "degree_Celsius"), (77, "degree_Fahrenheit"),
                                            CONSISTENT),
    "25-celsius-vs-87-fahrenheit": UnitCase((25, "degree_Celsius"), (87, "degree_Fahrenheit"),
                                            CONFLICT),
}


@pytest.mark.parametrize("case", UNIT_CASES.values(), ids=UNIT_CASES.keys())
def test_units_of_one_dimension_convert_before_comparing(case: UnitCase):
    groups = compare(frame(
        claim("A", case.a[0], unit=case.a[1], concept="quantity"),
        claim("B", case.b[0], unit=case.b[1], concept="quantity"),
    ))
    assert groups.height == 1
    assert groups["verdict"][0] == case.expected


def test_group_unit_is_the_most_frequent_and_detail_is_converted():
    result = compare_claims(frame(
        claim("A", 80, unit="kilometer", concept="distance"),
        claim("B", 81, unit="kilometer", concept="distance"),
        claim("C", 50, unit="mile", concept="distance"),
    ))
    assert result.groups["unit"][0] == "kilometer"
    miles = result.detail.filter(pl.col("source") == "C").row(0, named=True)
    assert miles["norm_unit"] == "kilometer"
    assert miles["norm_low"] == pytest.approx(49.5 * 1.609344)
    assert miles["norm_high"] == pytest.approx(50.5 * 1.609344)
    assert (miles["low"], miles["unit"]) == (50, "mile")  # the claim as extracted stays


def test_currencies_without_rates_are_incomparable():
    groups = compare(frame(
        claim("A", 2e9, unit="USD", concept="cost"),
        claim("B", 1.8e9, unit="EUR", concept="cost"),
    ))
    row = groups.row(0, named=True)
    assert row["verdict"] == INCOMPARABLE
    assert "not comparable" in row["note"]


def test_incomparable_claim_does_not_hide_judgement_of_the_others():
    groups = compare(frame(
        claim("A", 10.0, unit="EUR", concept="budget"),
        claim("B", 10.0, unit="EUR", concept="budget"),
        claim("C", 99.0, unit="USD", concept="budget"),
    ))
    row = groups.row(0, named=True)
    assert (row["verdict"], row["unit"], row["claims"]) == (CONSISTENT, "EUR", 3)
    assert row["note"] == "1 claim in USD not comparable with EUR (no rate links them)"


@pytest.mark.parametrize(("usd", "text", "expected"), [
    (2.0e9, "$2 billion", CONSISTENT),
    (2.0e9, "$2,000,000,000", NEAR),  # every digit written: 2.0235 bn is 1.2 % away
    (1.0e9, "$1 billion", CONFLICT),
], ids=["2bn-usd-consistent", "2000000000-usd-near", "1bn-usd-conflict"])
def test_rates_make_currencies_comparable(usd, text, expected):
    rows = frame(claim("A", usd, unit="USD", concept="cost", text=text),
                 claim("B", 1.9e9, unit="EUR", concept="cost", text="€1.9 billion"))
    assert compare(rows, rates={("EUR", "USD"): 1.065})["verdict"][0] == expected
    assert compare(rows, rates=RATES)["verdict"][0] == expected


def test_rates_chain_and_invert():
    rates = read_rates(RATES)
    assert rates.factor("EUR", "USD") == pytest.approx(1.065)
    assert rates.factor("USD", "EUR") == pytest.approx(1 / 1.065)
    assert rates.factor("CHF", "USD") == pytest.approx(1.008 * 1.065)
    assert rates.factor("EUR", "JPY") is None


@pytest.mark.parametrize(("text", "message"), [
    ("from,to\nEUR,USD\n", "missing column(s) 'rate'"),
    ("from,to,rate\nEUR,USD,abc\n", "row 1 (line 2), column 'rate': 'abc' is not a plain number"),
    ("from,to,rate\nEUR,USD,1.1\nEUR,XXX,2\n", "row 2 (line 3), column 'to': 'XXX' is not a"),
    ("from,to,rate\nEUR,USD,-1\n", "row 1 (line 2), column 'rate'"),
    ("", "empty file"),
], ids=["missing-column", "not-a-number", "unknown-currency", "negative", "empty"])
def test_malformed_rates_name_row_and_column(tmp_path, text, message):
    path = tmp_path / "rates.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_rates(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_rates_reject_non_positive_in_code():
    with pytest.raises(ValueError, match="positive"):
        Rates({("EUR", "USD"): 0})


# --------------------------------------------------------------------------
# periods


PERIOD_KEYS = {
    "iso-day": ("2021-12-03", "2021-12-03"),
    "iso-month": ("2021-11", "2021-11"),
    "year": ("2020", "2020"),
    "de-im-november": ("im November", "--11"),
    "en-in-november": ("in November", "--11"),
    "fr-en-novembre": ("en novembre", "--11"),
    "en-month-year": ("in November 2021", "2021-11"),
    "bare-month": ("Oktober", "--10"),
    "ende-januar-as-written": ("Ende Januar", "ende januar"),
    "since-stays": ("since March", "since march"),
    "none": (None, None),
    "blank": ("  ", None),
}


@pytest.mark.parametrize(("period", "key"), PERIOD_KEYS.values(), ids=PERIOD_KEYS.keys())
def test_period_key(period, key):
    assert period_key(period) == key


class PeriodCase(NamedTuple):
    periods: tuple[str | None, ...]
    values: tuple[float, ...]
    expected: str


PERIOD_CASES = {
    "2020-vs-2021-disjoint": PeriodCase(("in 2020", "in 2021"), (10, 20), DIFFERENT_PERIOD),
    "2020-vs-2021-agree": PeriodCase(("2020", "2021"), (10, 10), CONSISTENT),
    "november-vs-ende-januar": PeriodCase(("im November", "Ende Januar"), (94, 175),
                                          DIFFERENT_PERIOD),
    "im-vs-in-november-same-month": PeriodCase(("im November", "in November"), (4.2, 4.6),
                                               CONFLICT),
    "yearless-joins-the-one-year": PeriodCase(("im November", "2021-11"), (4.2, 4.6), CONFLICT),
    "yearless-ambiguous-year": PeriodCase(("im November", "2021-11", "2022-11"),
                                          (4.2, 4.6, 4.6), DIFFERENT_PERIOD),
    "year-vs-month-granularity": PeriodCase(("2021", "2021-11"), (4.2, 4.6), DIFFERENT_PERIOD),
    "unstated-period-is-compared": PeriodCase((None, "2021"), (10, 20), CONFLICT),
    "unstated-bridges-periods": PeriodCase(("2020", "2021", None), (10, 20, 20), CONFLICT),
    "same-period-near": PeriodCase(("2021", "2021"), (100, 101), NEAR),
    "near-beats-different-period": PeriodCase(("2021", "2021", "2020"), (100, 101, 500), NEAR),
}


@pytest.mark.parametrize("case", PERIOD_CASES.values(), ids=PERIOD_CASES.keys())
def test_periods_decide_whether_a_gap_is_a_conflict(case: PeriodCase):
    rows = [claim(f"S{k}", v, period=p) for k, (p, v) in
            enumerate(zip(case.periods, case.values, strict=True))]
    row = compare(frame(*rows)).row(0, named=True)
    assert row["verdict"] == case.expected


def test_group_row_lists_periods_as_written():
    row = compare(frame(claim("A", 4.2, period="im November"),
                        claim("B", 5.8, period="Im Oktober"))).row(0, named=True)
    assert row["periods"] == "Im Oktober; im November"
    assert row["mixed_periods"] is True
    assert row["verdict"] == DIFFERENT_PERIOD


# --------------------------------------------------------------------------
# what is left out, same source, ordering, schema


def test_claims_without_concept_unit_or_figure_are_left_out_and_counted():
    result = compare_claims(frame(
        claim("A", 1, concept=None),
        claim("B", 1, concept="  "),
        claim("C", 1, unit="furlongs_per_fortnight_xyz"),
        claim("D", None, None, qualifier="range"),
        claim("E", 5),
    ))
    assert result.left_out == {"without a concept": 2, "with an unknown unit": 1,
                               "without a figure": 1}
    assert result.groups["claims"].to_list() == [1]
    assert "left out: 1 with an unknown unit, 2 without a concept, 1 without a figure" in (
        result.summary())
    assert result.summary().startswith("compared 1 of 5 claims in 1 group (1 single)")


def test_claims_of_one_source_are_compared_and_marked():
    row = compare(frame(claim("A", 100, line=1), claim("A", 180, line=3))).row(0, named=True)
    assert row["verdict"] == CONFLICT
    assert row["same_source"] is True
    assert "within one source" in row["note"]


def test_ambiguous_number_convention_is_noted_on_the_deciding_pair():
    row = compare(frame(claim("A", 94000), claim("B", 94, ambiguous=True, text="94.000"))
                  ).row(0, named=True)
    assert row["verdict"] == CONFLICT
    assert "number convention guessed for B: 94.000" in row["note"]


def test_groups_sorted_most_severe_first_and_numbered():
    groups = compare(frame(
        claim("A", 1, concept="a_single"),
        claim("A", 10, concept="b_consistent"), claim("B", 10, concept="b_consistent"),
        claim("A", 100, concept="c_near"), claim("B", 101, concept="c_near"),
        claim("A", 1, concept="d_conflict"), claim("B", 9, concept="d_conflict"),
    ))
    assert groups["verdict"].to_list() == [CONFLICT, NEAR, CONSISTENT, SINGLE]
    assert groups["group"].to_list() == [1, 2, 3, 4]


def test_empty_frame_gives_empty_frames_with_schemas():
    result = compare_claims(frame())
    assert result.summary() == (
        "compared 0 of 0 claims in 0 groups; tolerance 2.00%; left out: none")
    assert result.groups.schema == GROUP_SCHEMA
    assert result.detail.schema == DETAIL_SCHEMA
    assert result.groups.height == 0 and result.conflicts == 0


def test_detail_has_one_row_per_grouped_claim_with_its_group():
    rows = [*seed_claims(), claim("X", 175000), claim("Y", 5, concept="other")]
    result = compare_claims(frame(*rows))
    assert result.detail.height == 4
    assert result.detail.schema == DETAIL_SCHEMA
    ids = dict(zip(result.groups["concept"], result.groups["group"], strict=True))
    assert set(result.detail.filter(pl.col("concept") == "troops")["group"]) == {ids["troops"]}


def test_frame_missing_columns_is_a_clear_error():
    with pytest.raises(ValueError, match="lacks column"):
        compare(pl.DataFrame({"source": ["A"]}))


@pytest.mark.parametrize(("x", "half"), [(50.0, 0.5), (4.2, 0.05), (80.25, 0.005),
                                         (1.2e9, 0.5), (0.0, 0.5), (-3.5, 0.05)],
                         ids=["50", "4.2", "80.25", "1.2e9", "0", "-3.5"])
def test_half_last_digit(x, half):
    assert half_last_digit(x) == pytest.approx(half)


@pytest.mark.parametrize(("low", "high", "unit", "text"), [
    (94000, None, "dimensionless", "≥ 94,000"),
    (None, 3, "percent", "≤ 3%"),
    (95000, 100000, None, "95,000–100,000"),
    (1.2e9, 1.2e9, "EUR", "1,200,000,000 EUR"),
    (None, None, None, "any"),
    (4.25, 4.25, "percentage_point", "4.25 pp"),
], ids=["open-high", "open-low", "range", "currency", "unbounded", "points"])
def test_format_interval(low, high, unit, text):
    assert format_interval(low, high, unit) == text


def test_format_number():
    assert format_number(94000.0) == "94,000"
    assert format_number(4.2) == "4.2"
    assert format_number(1234.56) == "1,234.6"
    assert format_number(None) == "∞"


# --------------------------------------------------------------------------
# properties

CONCEPTS = ("troops", "deaths")
UNITS = ("dimensionless", "percent")
ISO_PERIODS = (None, "2020", "2021", "2021-11")


@st.composite
def claim_rows(draw, periods=ISO_PERIODS) -> dict:
    low = draw(st.one_of(st.none(), st.integers(0, 200)))
    width = draw(st.integers(0, 30))
    high = draw(st.one_of(st.none(), st.just(None if low is None else low + width),
                          st.integers(0, 230)))
    if low is not None and high is not None and high < low:
        low, high = high, low
    if low is None and high is None:
        low = high = draw(st.integers(0, 200))
    return claim(
        draw(st.sampled_from(("A", "B", "C", "D"))), float(low) if low is not None else None,
        float(high) if high is not None else None,
        qualifier="range", concept=draw(st.sampled_from(CONCEPTS)),
        unit=draw(st.sampled_from(UNITS)), period=draw(st.sampled_from(periods)),
        line=draw(st.integers(1, 5)),
    )


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(claim_rows(), min_size=1, max_size=8), data=st.data())
def test_property_result_does_not_depend_on_source_order(rows, data):
    shuffled = data.draw(st.permutations(rows))
    a = compare_claims(frame(*rows))
    b = compare_claims(frame(*shuffled))
    assert a.groups.equals(b.groups)
    assert a.detail.equals(b.detail)


@settings(max_examples=200, deadline=None)
@given(a=claim_rows(), b=claim_rows())
def test_property_pair_verdict_symmetric(a, b):
    ia, ib = (a["low"], a["high"]), (b["low"], b["high"])
    assert pair_verdict(ia, ib) == pair_verdict(ib, ia)
    assert gap_between(*ia, *ib) == gap_between(*ib, *ia)


def _one_group(rows: list[dict]) -> list[dict]:
    return [{**r, "concept": "troops", "unit": "dimensionless"} for r in rows]


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(claim_rows(), min_size=2, max_size=6), extra=claim_rows())
def test_property_adding_a_claim_never_removes_a_conflict(rows, extra):
    rows = _one_group(rows)
    before = compare(frame(*rows))["verdict"][0]
    after = compare(frame(*rows, *_one_group([extra])))["verdict"][0]
    if before == CONFLICT:
        assert after == CONFLICT
    assert SEVERITY[after] >= min(SEVERITY[before], SEVERITY[CONSISTENT])


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(claim_rows(periods=(None, "im November", "2021-11", "2022-11", "2020")),
                     min_size=2, max_size=6),
       extra=claim_rows(periods=(None, "im November", "2021-11", "2022-11")))
def test_property_adding_a_claim_never_turns_conflict_into_consistent(rows, extra):
    # with year-less months a new claim can make "im November" ambiguous between years,
    # which turns its pairs into different_period; the group then shows its worst
    # comparable pair (a near miss, say) or different_period: weaker, never consistent
    rows = _one_group(rows)
    before = compare(frame(*rows))["verdict"][0]
    after = compare(frame(*rows, *_one_group([extra])))["verdict"][0]
    if before == CONFLICT:
        assert SEVERITY[after] >= SEVERITY[DIFFERENT_PERIOD], after


def test_an_ambiguous_month_leaves_the_near_miss_as_the_group_verdict() -> None:
    """The example Hypothesis found: 0 (2022-11) against 98 and ≥99 ("im November") is a
    conflict; a second 0 dated 2021-11 makes "im November" either year, so 0 vs 98 is no
    longer comparable and 98 vs ≥99 (a near miss) is the worst pair left."""
    def row(low, high, period):
        return claim("A", float(low), None if high is None else float(high), qualifier="range",
                     period=period)

    rows = [row(0, 0, "2022-11"), row(0, 0, "2022-11"), row(98, 98, "im November"),
            row(99, None, "im November")]
    assert compare(frame(*rows))["verdict"][0] == CONFLICT
    assert compare(frame(*rows, row(0, 0, "2021-11")))["verdict"][0] == NEAR


ROUND_TRIP_UNITS = [
    ("kilometer", "mile"), ("meter", "foot"), ("kilogram", "pound"),
    ("metric_ton", "kilogram"), ("degree_Celsius", "degree_Fahrenheit"), ("percent", "permille"),
    ("square_kilometer", "hectare"), ("liter", "gallon"),
]


@settings(max_examples=100, deadline=None)
@given(x=st.floats(-1e9, 1e9, allow_nan=False), pair=st.sampled_from(ROUND_TRIP_UNITS))
def test_property_unit_conversion_round_trips(x, pair):
    a, b = pair
    there = convert(x, a, b)
    assert convert(there, b, a) == pytest.approx(x, rel=1e-9, abs=1e-6)
    conv = Converter(Rates())
    assert conv.convert(conv.convert(x, a, b), b, a) == pytest.approx(x, rel=1e-9, abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(x=st.integers(1, 10**6), pair=st.sampled_from(ROUND_TRIP_UNITS[:4]))
def test_property_a_figure_and_its_conversion_agree(x, pair):
    a, b = pair
    converted = round(convert(float(x), a, b), 2)
    groups = compare(frame(claim("A", float(x), unit=a, concept="q"),
                           claim("B", converted, unit=b, concept="q")))
    assert groups["verdict"][0] == CONSISTENT


@settings(max_examples=100, deadline=None)
@given(rate=st.floats(0.01, 100), x=st.floats(0, 1e12))
def test_property_rates_round_trip(rate, x):
    rates = Rates({("EUR", "USD"): rate})
    assert x * rates.factor("EUR", "USD") * rates.factor("USD", "EUR") == pytest.approx(x)


# --------------------------------------------------------------------------
# CLI on hand-built inputs (independent of concept quality: --format json of groups)


def run(args: list[str], code: int, input: str | None = None):
    result = CliRunner().invoke(cli, args, input=input, catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def test_cli_compare_help():
    out = run(["compare", "--help"], 0).output
    assert "--tolerance" in out and "--rates" in out and "--detail" in out


@pytest.mark.parametrize("value", ["1.5", "-0.1", "abc"], ids=["above-one", "negative", "text"])
def test_cli_bad_tolerance_is_a_usage_error(value):
    run(["compare", "-", "--tolerance", value], 2, input="x")


def test_cli_malformed_rates_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "rates.csv"
    bad.write_text("from,to,rate\nEUR,USD,zwei\n", encoding="utf-8")
    result = run(["compare", f"{FIXTURES}/compare-en.csv", "--rates", str(bad)], 2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "row 1 (line 2), column 'rate'" in lines[0]


def test_cli_missing_input_reports_and_still_compares(tmp_path):
    result = run(["compare", "no-such-file.txt", f"{FIXTURES}/compare-fr.csv",
                  "--format", "json"], 2)
    assert "no-such-file.txt" in result.stderr
    assert json.loads(result.stdout)  # the good input was still compared


# --------------------------------------------------------------------------
# END-TO-END: the CLI on fixtures/collections/compare-*. These depend on extraction
# (subjects, concepts, qualifiers, units) that a colleague is still improving; rows the
# extractor cannot meet yet are strict xfails with the reason.

def pending(reason: str):
    return pytest.mark.xfail(strict=True, reason=f"extractor: {reason}")


class Expect(NamedTuple):
    """The group that holds the claim ``anchor`` (source, text) of fixture ``path``."""

    path: str
    anchor: tuple[str, str]
    verdict: str  # the group's verdict
    sources: frozenset[str]  # every source with a claim in that group
    claim_verdict: str | None = None  # the anchor claim's own verdict, when it matters


E2E = [
    pytest.param(Expect("compare-en.csv", ("Plains Herald", "175,000"), CONFLICT,
                        frozenset({"Harbor Gazette", "Northern Courier", "Plains Herald"}),
                        CONFLICT), id="en-troops-planted-175000"),
    pytest.param(Expect("compare-en.csv", ("Harbor Gazette", "More than 94,000"), CONFLICT,
                        frozenset({"Harbor Gazette", "Northern Courier", "Plains Herald"}),
                        CONSISTENT), id="en-unnamed-more-than-94000-agrees-with-all"),
    pytest.param(Expect("compare-de.csv", ("Morgenpost Dresden", "Mehr als 20.000"), CONFLICT,
                        frozenset({"Elbtal-Kurier", "Sächsische Rundschau",
                                   "Morgenpost Dresden"})), id="de-evacuees-20000-planted"),
    pytest.param(Expect("compare-fr.csv", ("La Voix Ouvrière", "250 000"), CONFLICT,
                        frozenset({"Le Courrier du Rhône", "La Voix Ouvrière",
                                   "Info Lyon Matin"})), id="fr-police-vs-unions"),
    pytest.param(Expect("compare-en.csv", ("Plains Herald", "$2 billion"), INCOMPARABLE,
                        frozenset({"Plains Herald", "Continental Wire"})), id="en-usd-vs-eur"),
    pytest.param(Expect("compare-en.csv", ("Harbor Gazette", "about 50 miles"), CONSISTENT,
                        frozenset({"Harbor Gazette", "Northern Courier"})),
                 id="en-50-miles-vs-80-km",
                 marks=pending("'depots about 50 miles from the frontier' has no concept and "
                               "'roughly 80 km' is read as an increase")),
    pytest.param(Expect("compare-de.csv", ("Elbtal-Kurier", "1,2 Milliarden Euro"), CONSISTENT,
                        frozenset({"Elbtal-Kurier", "Morgenpost Dresden"})),
                 id="de-damage-1.2-bn-eur"),
    pytest.param(Expect("compare-mixed.jsonl", ("Gazette de Genève", "4,5 %"), CONFLICT,
                        frozenset({"Alpine Ledger", "Wiener Tagesblatt", "Gazette de Genève",
                                   "Danube Business Daily"}), CONFLICT),
                 id="mixed-4.5-planted-in-november"),
    pytest.param(Expect("compare-mixed.jsonl", ("Danube Business Daily", "5.8%"), CONFLICT,
                        frozenset({"Alpine Ledger", "Wiener Tagesblatt", "Gazette de Genève",
                                   "Danube Business Daily"}), DIFFERENT_PERIOD),
                 id="mixed-october-5.8-is-another-period"),
]


@pytest.mark.parametrize("case", E2E)
def test_e2e_compare_fixture_groups(case: Expect):
    result = run(["compare", f"{FIXTURES}/{case.path}", "--detail", "--format", "jsonl"], 1)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    source, text = case.anchor
    anchor = [r for r in rows if r["source"] == source and r["text"] == text]
    assert len(anchor) == 1, [(r["source"], r["text"], r["concept"]) for r in rows]
    group = [r for r in rows if r["group"] == anchor[0]["group"]]
    assert {r["source"] for r in group} == case.sources
    assert anchor[0]["group_verdict"] == case.verdict
    if case.claim_verdict:
        assert anchor[0]["verdict"] == case.claim_verdict


def test_e2e_seed_situation_in_en_fixture_without_the_planted_claim(tmp_path):
    """The unnamed 'more than 94,000' and the army chief's range agree on their own."""
    import csv

    with open(f"{FIXTURES}/compare-en.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["source"] != "Plains Herald"]
    path = tmp_path / "seed.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    result = run(["compare", str(path), "--detail", "--format", "jsonl"], 0)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    anchor = next(r for r in rows if r["text"] == "More than 94,000")
    group = [r for r in rows if r["group"] == anchor["group"]]
    assert {r["text"] for r in group} == {"More than 94,000", "95,000 to 100,000"}
    assert {r["group_verdict"] for r in group} == {CONSISTENT}


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "parquet", "table", "html"])
def test_e2e_every_format_renders_and_conflict_exits_1(fmt, tmp_path):
    out = tmp_path / f"groups.{fmt}"
    result = run(["compare", f"{FIXTURES}/compare-fr.csv", "--format", fmt, "-o", str(out)], 1)
    assert out.stat().st_size > 0
    assert "compared" in result.stderr and "left out:" in result.stderr


def test_e2e_detail_one_row_per_claim_with_group(tmp_path):
    result = run(["compare", f"{FIXTURES}/compare-fr.csv", "--detail", "--format", "jsonl"], 1)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    gid = next(r["group"] for r in rows if r["text"] == "250 000")
    protest = [r for r in rows if r["group"] == gid]
    assert {r["source"] for r in protest} == {"Le Courrier du Rhône", "La Voix Ouvrière",
                                              "Info Lyon Matin"}
    assert {r["group_verdict"] for r in protest} == {CONFLICT}


def test_e2e_tolerance_flag_changes_verdicts():
    loose = run(["compare", f"{FIXTURES}/compare-fr.csv", "--format", "json",
                 "--tolerance", "0.9"], 0)
    assert CONFLICT not in {g["verdict"] for g in json.loads(loose.stdout)}


def test_e2e_summary_says_how_many_claims_were_left_out():
    result = run(["compare", f"{FIXTURES}/compare-fr.csv", "--format", "csv"], 1)
    lines = [x for x in result.stderr.splitlines() if "compared" in x]
    assert len(lines) == 1
    assert re.search(r"compared \d+ of \d+ claims in \d+ groups? \(\d+ conflict", lines[0])
    assert re.search(r"left out: (none|\d+ without a concept)", lines[0])
