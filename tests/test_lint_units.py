"""The pieces of lint one by one: weekday dates, suppression directives, positions through
an HTML offset map, config parsing, fingerprints, figure helpers, and check cases beyond
the rule files' examples (written for this project; the German, English and French
sentences follow the fixture articles' style).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple

import pytest

from claimcheck.lint import LintOptions, get_rules, lint_document
from claimcheck.lint.config import ConfigError, parse_config, parse_style
from claimcheck.lint.engine import Positions
from claimcheck.lint.figures import format_in, group_class, marks_of
from claimcheck.lint.suppress import apply_directives, find_directives, fingerprint
from claimcheck.lint.weekdays import find_weekday_dates, infer_year, parse_reference
from claimcheck.model import Document, Finding, NumberFormat, Severity

RULES = get_rules()
PARAMS = RULES.get("CC502").params


# --- weekday + date -----------------------------------------------------------------------


class WD(NamedTuple):
    text: str
    found: str | None  # the span found, None for nothing
    weekday: int | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None


WEEKDAY_DATES = [
    WD("Donnerstag, 3. Dezember 2021: Gipfel", "Donnerstag, 3. Dezember 2021", 3, 3, 12, 2021),
    WD("am Freitag, den 3. Dezember", "Freitag, den 3. Dezember", 4, 3, 12, None),
    WD("am Dienstag (7. Dezember) vor", "Dienstag (7. Dezember)", 1, 7, 12, None),
    WD("am Freitag, 3.12.2021, in Genf", "Freitag, 3.12.2021", 4, 3, 12, 2021),
    WD("on Friday, Dec. 3, 2021.", "Friday, Dec. 3, 2021", 4, 3, 12, 2021),
    WD("on Friday, December 3rd", "Friday, December 3rd", 4, 3, 12, None),
    WD("on Friday the 3rd of December", "Friday the 3rd of December", 4, 3, 12, None),
    WD("Fri. 3 Dec 2021", "Fri. 3 Dec 2021", 4, 3, 12, 2021),
    WD("le vendredi 3 décembre 2021 à Paris", "vendredi 3 décembre 2021", 4, 3, 12, 2021),
    WD("le mardi 1er février", "mardi 1er février", 1, 1, 2, None),
    # not a weekday with a date
    WD("Am Freitag kamen 3 Dezernenten.", None),
    WD("Fr. 1'234.5 Mio. für die Gemeinden", None),  # "Fr." is the Swiss franc, too short
    WD("Friday 13 people were hurt.", None),
    WD("le vendredi 3 à 18 heures", None),
]


@pytest.mark.parametrize("case", WEEKDAY_DATES, ids=lambda c: c.text[:28])
def test_find_weekday_dates(case: WD) -> None:
    found = list(find_weekday_dates(case.text, joiners=tuple(PARAMS["joiners"]),
                                    day_suffixes=tuple(PARAMS["day_suffixes"]),
                                    day_month_joiners=tuple(PARAMS["day_month_joiners"])))
    if case.found is None:
        assert found == []
        return
    assert len(found) == 1
    wd = found[0]
    assert (wd.text, wd.weekday, wd.day, wd.month, wd.year) == (
        case.found, case.weekday, case.day, case.month, case.year)
    assert case.text[wd.start:wd.end] == wd.text


@pytest.mark.parametrize(
    ("day", "month", "reference", "year"),
    [
        (3, 12, dt.date(2021, 12, 6), 2021),
        (30, 12, dt.date(2022, 1, 2), 2021),   # a January article looks back at December
        (2, 1, dt.date(2021, 12, 30), 2022),   # and a December one ahead to January
        (29, 2, dt.date(2021, 3, 1), 2020),    # the nearest year that has the day
    ],
    ids=["same-year", "last-year", "next-year", "leap-day"],
)
def test_infer_year(day, month, reference, year) -> None:
    assert infer_year(day, month, reference) == year


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-06", (dt.date(2021, 12, 6), 2021)),
        ("2021-12-06T18:30:00Z", (dt.date(2021, 12, 6), 2021)),
        ("2021", (None, 2021)),
        ("2021-12", (None, 2021)),
        ("last Friday", (None, None)),
        (None, (None, None)),
    ],
    ids=["date", "datetime", "year", "month", "words", "none"],
)
def test_parse_reference(value, expected) -> None:
    assert parse_reference(value) == expected


# --- suppression directives -----------------------------------------------------------------


def f(line: int, code: str) -> Finding:
    return Finding("x", line, 1, code, "n.n", Severity.WARNING, "m", "t")


@pytest.mark.parametrize(
    ("text", "findings", "kept"),
    [
        ("a 1 <!-- claimcheck: ignore CC101 -->\nb", [f(1, "CC101"), f(1, "CC102")],
         [(1, "CC102")]),
        ("<!-- claimcheck: ignore -->\n\nb", [f(3, "CC101"), f(3, "CC503")], []),
        ("text claimcheck: ignore[CC101, CC5]\n", [f(1, "CC101"), f(1, "CC502"), f(1, "CC303")],
         [(1, "CC303")]),
        ("<!-- claimcheck: off -->\na\nb\n<!-- claimcheck: on -->\nc",
         [f(2, "CC101"), f(3, "CC202"), f(5, "CC101")], [(5, "CC101")]),
        ("<!-- claimcheck: off CC1 -->\na\nb", [f(2, "CC101"), f(3, "CC202")], [(3, "CC202")]),
        ("a claimcheck: ignore[number.ambiguous_separator]", [f(1, "CC101")], []),
        ("<!-- claimcheck: ignore CC101", [f(1, "CC101")], [(1, "CC101")]),  # unclosed comment
    ],
    ids=["same-line", "alone-next-line", "trailing-brackets", "off-on", "off-to-end", "by-name",
         "unclosed"],
)
def test_directives(text, findings, kept) -> None:
    directives = find_directives(text, RULES)
    left, n = apply_directives(findings, directives)
    assert [(x.line, x.code) for x in left] == kept
    assert n == len(findings) - len(kept)


def test_prose_after_a_directive_is_not_a_code() -> None:
    (d,) = find_directives("claimcheck: ignore CC101 because the figure is quoted\n", RULES)
    assert d.codes == ("CC101",) and d.unknown == ()


# --- positions -------------------------------------------------------------------------------


def test_positions_through_an_offset_map(tmp_path) -> None:
    """HTML: the extracted text's offsets map back to the page's line and column."""
    page = "<html><body>\n<nav>Trending 5178</nav>\n<p>Mehr als\n  <b>94,000</b> Soldaten.</p>\n"
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    text = "Mehr als 94,000 Soldaten."
    p_at = page.index("Mehr")
    b_at = page.index("94,000")
    offset_map = ((0, p_at), (9, b_at), (15, page.index(" Soldaten")))
    doc = Document(str(path), text, lang_hint="de", offset_map=offset_map)
    from claimcheck.lint.engine import raw_source

    pos = Positions(doc, raw_source(doc))
    assert pos.position(0) == (3, 4)
    assert pos.position(9) == (4, 6)
    (finding,) = lint_document(doc).findings
    assert (finding.line, finding.column, finding.code) == (4, 6, "CC102")


def test_positions_without_an_offset_map() -> None:
    doc = Document("a.txt", "Zeile eins.\nMehr als 94,000 Soldaten.", lang_hint="de")
    (finding,) = lint_document(doc).findings
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 10, 2, 16)


# --- config ------------------------------------------------------------------------------------


def test_parse_config() -> None:
    cfg = parse_config({"select": "CC1", "ignore": ["CC103"], "severity": {"CC101": "error"},
                        "style": {"de": "ch"}, "tolerance": 0.02}, "x.toml")
    assert cfg.select == ("CC1",) and cfg.ignore == ("CC103",)
    assert cfg.severity == {"CC101": Severity.ERROR}
    assert cfg.style == {"de": "ch"} and cfg.tolerance == 0.02


def test_style_for_every_language() -> None:
    assert parse_style("ch", "x") == {"de": "ch", "en": "ch", "fr": "ch"}
    with pytest.raises(ConfigError, match="x: style 'xx'"):
        parse_style("xx", "x")


def test_severity_override() -> None:
    from claimcheck.lint.config import Config

    doc = Document("a.txt", "Mehr als 94,000 Soldaten stehen an der Grenze.", lang_hint="de")
    cfg = Config(severity={"CC1": Severity.ERROR})
    findings = lint_document(doc, rules=RULES, cfg=cfg).findings
    assert [(x.code, x.severity) for x in findings] == [("CC102", Severity.ERROR)]


def test_supersede() -> None:
    """'1.250' read with a decimal point (the text votes dot) is CC101 and CC102 at once;
    CC102 supersedes CC101 there, and CC101 speaks again when CC102 is off."""
    doc = Document("a.txt", "Der Export stieg auf 1.250 Tonnen, ein Plus von 3.5 Prozent.",
                   lang_hint="de")
    findings = lint_document(doc, rules=RULES).findings
    assert [(x.code, x.text) for x in findings] == [("CC102", "1.250"), ("CC102", "3.5")]
    findings = lint_document(doc, LintOptions(ignore=("CC102",)), rules=RULES).findings
    assert [(x.code, x.text) for x in findings] == [("CC101", "1.250")]


# --- fingerprints, figures ---------------------------------------------------------------


def test_fingerprint_ignores_line_numbers_and_spacing() -> None:
    a = fingerprint("CC102", "94,000", "Mehr als 94,000  Soldaten.")
    b = fingerprint("CC102", "94,000", "  Mehr als 94,000 Soldaten.")
    assert a == b
    assert a != fingerprint("CC102", "95,000", "Mehr als 94,000 Soldaten.")


@pytest.mark.parametrize(
    ("raw", "fmt", "marks"),
    [
        ("94,000", NumberFormat.EN, (",", None)),
        ("1.234,5", NumberFormat.DE, (".", ",")),
        ("94\u202f000", NumberFormat.FR, ("space", None)),
        ("1'234.5", NumberFormat.CH, ("apostrophe", ".")),
        ("3.5", NumberFormat.PLAIN, (None, ".")),
        ("1500", NumberFormat.PLAIN, (None, None)),
    ],
    ids=["en-group", "de-both", "fr-space", "ch-both", "plain-decimal", "no-separator"],
)
def test_marks(raw, fmt, marks) -> None:
    assert marks_of(raw, fmt) == marks


def test_format_in_each_convention() -> None:
    assert format_in(Decimal("94000"), NumberFormat.DE) == "94.000"
    assert format_in(Decimal("94000"), NumberFormat.EN) == "94,000"
    assert format_in(Decimal("3.50"), NumberFormat.DE) == "3,50"
    assert group_class(format_in(Decimal("94000"), NumberFormat.FR)[2]) == "space"


# --- check cases beyond the rule examples ------------------------------------------------


class Case(NamedTuple):
    lang: str
    text: str
    codes: list[str]
    published: str | None = None


CHECK_CASES = {
    # CC102: Swiss evidence switches a German text's convention, only with apostrophes
    "ch-evidence": Case("de", "Die Gemeinde zählt 8’900 Einwohner; die Steuer sinkt um 4.7 "
                              "Prozent.", []),
    "de-decimal-point": Case("de", "Die Steuer sinkt um 4.7 Prozent.", ["CC102"]),
    "fr-nbsp-groups": Case("fr", "Plus de 94\u00a0000 soldats et 2\u202f000 chars.", []),
    "en-plain-thousands": Case("en", "The race drew 1500 runners and 3,500 spectators.", []),
    # CC202: ranges of negative figures and from/to movements stay quiet
    "negative-range": Case("de", "Nachts werden -5 bis -10 Grad erwartet.", []),
    # CC302: the figure converted in parentheses may be rounded
    "rounded-conversion": Case("en", "The pipeline runs 1,000 km (600 miles) to the coast.", []),
    "currencies-not-converted": Case("en", "The fund holds €450m ($100m) in cash.", []),
    # CC303: a ratio to a non-counted base is fine
    "gdp-share": Case("de", "Die Schulden liegen bei 110 Prozent des BIP.", []),
    # CC502: the dateline gives the year; no year, no check
    "dateline-year": Case("fr", "PARIS, le 3 décembre 2021 – Il a parlé jeudi 2 décembre.", []),
    "dateline-wrong": Case("fr", "PARIS, le 3 décembre 2021 – Il a parlé mercredi 2 décembre.",
                           ["CC502"]),
    "no-year": Case("en", "He spoke on Wednesday, Dec. 2.", []),
    "metadata-year": Case("en", "He spoke on Wednesday, Dec. 2.", ["CC502"], "2021-12-06"),
    # CC503: "davon" parts in the same unit only
    "davon-percent": Case("de", "340 Menschen wurden verletzt, davon 40 Prozent schwer.", []),
}


@pytest.mark.parametrize("case", CHECK_CASES.values(), ids=CHECK_CASES.keys())
def test_check_cases(case: Case) -> None:
    doc = Document("case.txt", case.text, lang_hint=case.lang)
    findings = lint_document(doc, LintOptions(published=case.published), rules=RULES).findings
    assert [x.code for x in findings] == case.codes, [x.message for x in findings]


def test_revenue_concept_before_verb_pairs_billion_false_friend() -> None:
    """Fixed: the subject before the verb ('Der Umsatz ... stieg auf') gives the concept."""
    test_check_cases(Case("de", "Der Umsatz des Konzerns stieg auf 3 Billionen Dollar, nach "
                                "einem Umsatz von 2,8 Milliarden Dollar im Vorjahr.", ["CC201"]))
