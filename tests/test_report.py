"""claimcheck.render.report: compare's terminal table (80/160 columns) and the HTML page.

Inputs are hand-built claim frames compared with claimcheck.compare; the page is parsed
with selectolax to check its structure (self-contained, charts, order, escaping). The
screenshot in a real browser is tools/screenshot_report.py (a nox session outside the
default run), not a test.
"""

from __future__ import annotations

import polars as pl
import pytest
from click.testing import CliRunner
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from claimcheck.cli import cli
from claimcheck.compare import compare_claims
from claimcheck.render import RENDERERS, render
from claimcheck.render.report import (
    render_detail_table,
    render_group_table,
    render_verify_table,
)
from claimcheck.table import CLAIM_SCHEMA
from claimcheck.verify import verify


def claim(source: str, low: float | None, high: float | None = None, *, concept="troops",
          unit="dimensionless", text=None, speaker=None, period=None, sentence=None,
          exact=True) -> dict:
    if exact and high is None:
        high = low
    text = text or f"{low:,.0f}"
    return {
        "source": source, "line": 1, "column": 1, "start": 0, "end": 1, "text": text,
        "value": low if low == high else None, "low": low, "high": high,
        "qualifier": "exact" if low == high else "range", "unit": unit, "role": "level",
        "period": period, "subject": None, "concept": concept, "speaker": speaker, "lang": "en",
        "number_format": "en", "ambiguous": False,
        "sentence": sentence or f"Officials said {text} were there.",
    }


def seed_frame() -> pl.DataFrame:
    return pl.DataFrame([
        claim("Daily Ledger", 94000, None, text="More than 94,000", exact=False),
        claim("Capital Tribune", 95000, 100000, text="95,000 to 100,000",
              speaker="James C. McConville"),
        claim("Plains Herald", 175000, text="175,000"),
        claim("Le Courrier du Rhône", 94000, concept="protesters", text="94 000"),
        claim("La Voix Ouvrière", 94000, concept="protesters", text="94 000"),
        claim("Alpine Ledger", 5.4, concept="unemployment_rate", unit="percent", text="5.4%"),
        claim("Gazette", 1.2e9, concept="budget", unit="EUR", text="€1.2 billion"),
        claim("Tribune", 1.3e9, concept="budget", unit="EUR", text="€1.3 billion"),
        claim("Ledger", 1.25e9, concept="budget", unit="USD", text="$1.25 billion"),
    ], schema=CLAIM_SCHEMA)


def long_frame() -> pl.DataFrame:
    name = "The Extraordinarily Long-Named Regional Morning Herald and Evening Gazette"
    rows = [claim(f"{name} {k}", 1000 * k, text=f"{k},000 " + "very " * 12 + "soldiers",
                  speaker="Lieutenant General Maximilian von Hohenberg-Wittelsbach",
                  period="Ende Januar" if k % 2 else "im November") for k in range(1, 13)]
    return pl.DataFrame(rows, schema=CLAIM_SCHEMA)


# --------------------------------------------------------------------------
# terminal table


@pytest.mark.parametrize("width", [60, 80, 100, 160, 200])
@pytest.mark.parametrize("make", [seed_frame, long_frame], ids=["seed", "long-names"])
def test_group_table_fits_the_terminal(width, make):
    groups = compare_claims(make()).groups
    text = render_group_table(groups, width=width).decode()
    lines = text.splitlines()
    assert lines, text
    assert max(len(line) for line in lines) <= width


def test_group_table_narrower_than_60_is_drawn_at_60():
    text = render_group_table(compare_claims(long_frame()).groups, width=20).decode()
    assert max(len(line) for line in text.splitlines()) <= 60


def test_group_table_conflicts_first_with_who_and_how_much():
    text = render_group_table(compare_claims(seed_frame()).groups, width=80).decode()
    lines = text.splitlines()
    first = lines[2]
    assert "conflict" in first and "troops" in first and "75,000 (42.9%)" in first
    assert "▸ Plains Herald: 175,000" in text
    assert "▸ Capital Tribune: 95,000 to 100,000 (James C. McConville)" in text
    assert "worst: Capital Tribune: 95,000 to 100,000 vs Plains Herald: 175,000" in text
    order = [ln.split()[2] for ln in lines[2:] if ln[:3].strip().isdigit()]
    assert order[0] == "conflict"
    assert order.index("consistent") > order.index("conflict")


def test_group_table_shows_mixed_periods_and_limits_statements():
    text = render_group_table(compare_claims(long_frame()).groups, width=160,
                              max_statements=3).decode()
    assert text.count("▸ ") == 3
    assert "… and 9 more" in text
    assert "periods: Ende Januar; im November" in text


def test_group_table_at_160_keeps_full_worst_line():
    text = render_group_table(compare_claims(seed_frame()).groups, width=160).decode()
    assert ("worst: Capital Tribune: 95,000 to 100,000 vs Plains Herald: 175,000: "
            "gap 75,000 (42.9%)") in text


# --------------------------------------------------------------------------
# HTML


@pytest.fixture(scope="module")
def page() -> HTMLParser:
    result = compare_claims(seed_frame())
    data = render("html", result.detail, groups=result.groups, summary=result.summary())
    return HTMLParser(data.decode("utf-8"))


def test_html_is_registered():
    assert "html" in RENDERERS


def test_html_is_self_contained(page):
    html = page.html
    assert page.css("script") == [] and page.css("link") == [] and page.css("img") == []
    assert "http://" not in html and "https://" not in html
    assert "url(" not in html and "@import" not in html
    assert page.css_first("style") is not None
    assert page.css_first('meta[charset="utf-8"]') is not None


def test_html_groups_conflicts_first(page):
    sections = page.css("section.group")
    classes = [s.attributes["class"] for s in sections]
    assert classes[0] == "group v-conflict"
    assert page.css_first("section.v-conflict h2").text().startswith("troops")
    verdict_order = [c.split("v-")[1] for c in classes]
    assert verdict_order.index("consistent") > verdict_order.index("conflict")


def test_html_chart_draws_points_ranges_and_open_bounds(page):
    troops = page.css_first("section.v-conflict")
    svg = troops.css_first("svg.chart")
    assert svg is not None
    assert len(svg.css("circle")) == 1  # 175,000 exact
    assert len(svg.css("polygon")) == 1  # "more than 94,000": an arrow to the right
    labels = [t.text() for t in svg.css("text")]
    assert "Capital Tribune" in labels and "James C. McConville" in labels
    assert "180k" in labels or "175k" in labels


def test_html_sentences_beneath_with_figure_marked(page):
    troops = page.css_first("section.v-conflict")
    marks = [m.text() for m in troops.css("table.claims mark")]
    assert marks == ["More than 94,000", "95,000 to 100,000", "175,000"]
    assert "gap 75,000 (42.9%)" in troops.css_first("p.worst").text()


def test_html_other_currency_is_listed_not_charted(page):
    budget = next(s for s in page.css("section.group") if s.css_first("h2").text()
                  .startswith("budget"))
    notes = " ".join(p.text() for p in budget.css("p.note"))
    assert "Not on the chart (another unit): Ledger: $1.25 billion" in notes
    assert len(budget.css("svg.chart g circle")) == 2


def test_html_single_claims_are_listed_together(page):
    singles = page.css_first("section#singles")
    assert singles is not None
    assert "5.4%" in singles.text() and "Alpine Ledger" in singles.text()
    assert singles.css("svg") == []


def test_html_escapes_text():
    rows = pl.DataFrame([
        claim("<script>alert(1)</script>", 5, concept="a&b", text="5",
              sentence='He said "5" <b>bold</b> & more.'),
        claim("B", 9, concept="a&b", text="9"),
    ], schema=CLAIM_SCHEMA)
    html = render("html", rows).decode()
    tree = HTMLParser(html)
    assert tree.css("script") == [] and tree.css("b") == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "a&amp;b" in html


def test_html_from_plain_claim_frame_compares_first():
    html = render("html", seed_frame()).decode()
    assert "compared 9 of 9 claims" in html
    assert html.count('class="group v-conflict"') == 2  # troops; budget 1.2 vs 1.3 bn EUR


def test_html_empty_frame_says_so():
    html = render("html", pl.DataFrame(schema=CLAIM_SCHEMA)).decode()
    assert "No claims could be grouped" in html


def test_cli_html_by_output_suffix(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("More than 94,000 troops were massed. Another report said 175,000 "
                       "troops were there.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["compare", str(article), "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    tree = HTMLParser(out.read_text(encoding="utf-8"))
    assert tree.css_first("h1").text().startswith("claimcheck")


@pytest.mark.parametrize("width", [60, 80, 160])
@pytest.mark.parametrize("make", [seed_frame, long_frame], ids=["seed", "long-names"])
def test_detail_table_fits_the_terminal(width, make):
    detail = compare_claims(make()).detail
    lines = render_detail_table(detail, width=width).decode().splitlines()
    assert len(lines) == detail.height + 2
    assert max(len(line) for line in lines) <= width
    assert lines[0].split()[:3] == ["#", "verdict", "concept"]


def test_detail_table_at_160_shows_whole_cells():
    text = render_detail_table(compare_claims(seed_frame()).detail, width=160).decode()
    assert "Capital Tribune" in text and "95,000 to 100,000" in text
    assert "James C. McConville" in text and "42.9%" in text


@pytest.mark.parametrize("width", [60, 80, 160])
def test_verify_table_fits_the_terminal(width):
    checked = verify(seed_frame(), "fixtures/reference/figures.csv")
    lines = render_verify_table(checked, width=width).decode().splitlines()
    assert len(lines) == checked.height + 2
    assert max(len(line) for line in lines) <= width
    if width == 160:
        assert "US intelligence estimate" in lines[2]
