# ruff: noqa: E501  (example pages and texts: one per line reads best)
"""Markup: saved web pages read as the article, with positions back into the page;
Markdown masked in place.

HTML pages are the fixtures in fixtures/html/ (realistic page furniture around an
article: cookie banners, tickers, bylines, ads, related lists, scripts, footers);
small pages inline test one thing each.
"""

from __future__ import annotations

from html import unescape as html_unescape
from pathlib import Path

import pytest
import regex

from claimcheck.markup import file_offset, html_document, mask_markdown
from claimcheck.pipeline import extract_document
from claimcheck.read import decode

PAGES = sorted(Path("fixtures/html").glob("*.html"))
# Figures that appear only in page furniture of the fixtures: never claims.
FURNITURE_FIGURES = {
    "en-troops.html": ["847", "7,122.32", "34,580", "210,000", "0800 123 4567", "£1,000", "50%", "01234567"],
    "de-truppen.html": ["312 Partner", "15.380", "441,9", "40 Prozent", "0,99", "98765", "30 Staaten"],
    "fr-troupes.html": ["652", "6 765,52", "12 %", "184000", "123 456 789", "30 alliés"],
    "en-no-article.html": ["£1 a week", "4.99%", "2,417", "48,000", "04567890", "30 miles"],
}


def _page(path: Path):
    html, _ = decode(path.read_bytes(), str(path))
    return html, html_document(html, str(path))


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_every_word_maps_to_its_place_in_the_page(path: Path) -> None:
    html, doc = _page(path)
    assert doc.text and doc.offset_map
    for m in regex.finditer(r"[\p{L}\p{N}]+", doc.text):
        at = file_offset(doc.offset_map, m.start())
        assert html.startswith(m.group()[0], at), (m.group(), html[at:at + 20])


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_no_claims_from_page_furniture(path: Path) -> None:
    _html, doc = _page(path)
    claims = extract_document(doc)
    assert claims, "the article's own figures are claims"
    texts = " | ".join(c.sentence for c in claims)
    for figure in FURNITURE_FIGURES[path.name]:
        assert figure not in texts, figure
        assert figure not in doc.text, figure


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_claims_map_into_the_article_body(path: Path) -> None:
    html, doc = _page(path)
    body = html.index("<body")
    for c in extract_document(doc):
        at = file_offset(doc.offset_map, c.start)
        assert at > body
        assert html_unescape(html[at:at + 10])[0] == doc.text[c.start]  # "&pound;150m" → "£"


def test_page_without_article_or_main_takes_the_densest_text() -> None:
    _html, doc = _page(Path("fixtures/html/en-no-article.html"))
    assert doc.text.startswith("Thousands evacuated as river bursts its banks\n\nMore than 12,000")
    assert "Most read" not in doc.text and "Subscribe" not in doc.text
    assert doc.published == "2022-03-14" and doc.lang_hint == "en"


def test_entities_decode_and_still_map() -> None:
    html = ('<html lang="fr"><body><article><p>Plus de 94&#8239;000 soldats, selon l&#8217;ONU '
            "&amp; l&rsquo;Otan.</p><p>Hausse de 3,5&nbsp;%.</p></article></body></html>")
    doc = html_document(html, "x.html")
    assert doc.text == "Plus de 94\u202f000 soldats, selon l\u2019ONU & l\u2019Otan.\n\nHausse de 3,5\u00a0%."
    for word in ("94", "ONU", "Otan", "3,5"):
        at = file_offset(doc.offset_map, doc.text.index(word))
        assert html.startswith(word, at), word


def test_blocks_become_paragraphs_and_inline_tags_do_not_split_words() -> None:
    html = "<main><h2>Titel</h2><p>Mehr als <b>94.000</b> Soldaten<br>stehen dort.</p><ul><li>eins</li><li>zwei</li></ul></main>"
    doc = html_document(html, "x.html")
    assert doc.text == "Titel\n\nMehr als 94.000 Soldaten\n\nstehen dort.\n\neins\n\nzwei"


@pytest.mark.parametrize("attrs", [
    'class="cookie-banner"', 'id="didomi-notice"', 'class="ad-inline"', 'class="byline"',
    'class="mehr-zum-thema"', 'role="navigation"', 'class="pub"', 'aria-label="Share"',
], ids=lambda a: a)
def test_furniture_hints(attrs: str) -> None:
    html = f"<article><p>12 troops.</p><div {attrs}><p>99 furniture</p></div></article>"
    assert html_document(html, "x.html").text == "12 troops."


def test_file_offset_before_the_first_anchor_and_without_a_map() -> None:
    assert file_offset(None, 7) == 7
    assert file_offset(((5, 100),), 3) == 3
    assert file_offset(((0, 100), (10, 200)), 12) == 202


# --- Markdown -------------------------------------------------------------------------------

MD = [
    ("bold", "au moins **350** personnes", ["au", "moins", "350", "personnes"], ["*"]),
    ("link", "see [the service](https://example.org/2020/x) now", ["see", "the", "service", "now"], ["[", "]", "2020", "https"]),
    ("heading", "## Die wichtigsten Zahlen", ["Die", "wichtigsten", "Zahlen"], ["#"]),
    ("comment", "a <!-- 12 --> b", ["a", "b"], ["12", "<!--"]),
    ("table", "| Party | Votes |\n|---|---|\n| A | 1,204,331 |", ["Party", "Votes", "A", "1,204,331"], ["|", "---"]),
]


@pytest.mark.parametrize(("text", "kept", "gone"), [(t, k, g) for _i, t, k, g in MD], ids=[c[0] for c in MD])
def test_markdown_masking_keeps_offsets(text: str, kept: list[str], gone: list[str]) -> None:
    out = mask_markdown(text)
    assert len(out) == len(text)
    for word in kept:
        assert out.index(word) == text.index(word), word
    for mark in gone:
        assert mark not in out, mark
