"""Lint on whole articles: clean ones say nothing, drafts give exactly their planted findings.

fixtures/articles/{de,en,fr}/ are our clean news texts, each in its language's
convention, except de/001-truppen-grenze.txt, a German translation that keeps English
separators on purpose.  fixtures/lint/ holds drafts written for lint with one planted
problem per finding listed in PLANTED, and fixtures/lint/clean/ the same stories done
right.  False positives are the fastest way to lose an editor: a clean text must give no
finding at all, of any severity.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.lint import LintOptions, lint_paths

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
DRAFTS = ROOT / "fixtures" / "lint"
DELIBERATE = {"de/001-truppen-grenze.txt"}

# Clean articles on which lint still reports something, because the claim engine reads a
# figure that is not one (reported to the engine's owner); strict: a fix turns them green.
KNOWN_NOISE: dict[str, str] = {}


def clean_articles() -> list:
    out = []
    for path in sorted(ARTICLES.glob("*/*")):
        rel = path.relative_to(ARTICLES).as_posix()
        if path.suffix not in (".txt", ".md") or rel in DELIBERATE:
            continue
        marks = ([pytest.mark.xfail(strict=True, reason=KNOWN_NOISE[rel])]
                 if rel in KNOWN_NOISE else [])
        out.append(pytest.param(path, id=rel, marks=marks))
    return out


@pytest.mark.parametrize("path", clean_articles())
def test_clean_article_gives_no_finding(path) -> None:
    result = lint_paths([str(path)])
    assert not result.errors
    assert [f"{f.line}:{f.column} {f.code} {f.message}" for f in result.findings] == []


def test_clean_drafts_give_no_finding() -> None:
    result = lint_paths([str(DRAFTS / "clean")])
    assert result.documents == 3
    assert [f"{f.source}:{f.line} {f.code} {f.message}" for f in result.findings] == []


def test_german_text_with_english_separators() -> None:
    """de/001 keeps English separators: every grouped or decimal figure is reported."""
    result = lint_paths([str(ARTICLES / "de" / "001-truppen-grenze.txt")])
    got = [(f.line, f.code, f.text) for f in result.findings]
    assert got == [
        (7, "CC102", "94,000"),
        (7, "CC102", "2,000"),
        (9, "CC102", "95,000"),
        (9, "CC102", "100,000"),
        (13, "CC102", "3.5"),
        (13, "CC102", "1.2"),
        (15, "CC102", "62.5"),
        (15, "CC102", "1,500"),
    ]
    first = result.findings[0]
    assert first.message == ("'94,000' is written in English (en) convention, but German text "
                             "uses German (de) convention, where it reads as 94; write 94.000")


def test_english_house_style_accepts_the_translation() -> None:
    """With the house style set to English convention for German, de/001 is quiet."""
    result = lint_paths([str(ARTICLES / "de" / "001-truppen-grenze.txt")],
                        LintOptions(style={"de": "en"}))
    assert result.findings == []


PLANTED = [
    # (file, line, code, figure or date as written)
    ("de/entwurf-grenze.txt", 5, "CC102", "94,000"),
    ("de/entwurf-grenze.txt", 7, "CC502", "Donnerstag (3. Dezember)"),
    ("de/entwurf-grenze.txt", 7, "CC202", "zwischen 100.000 und 95.000"),
    ("de/entwurf-grenze.txt", 9, "CC301", "2 Prozent"),
    ("de/entwurf-grenze.txt", 9, "CC503", "400"),
    ("de/entwurf-grenze.txt", 11, "CC303", "rund 120 Prozent"),
    ("en/draft-flood.md", 5, "CC502", "Sunday, March 14, 2022"),
    ("en/draft-flood.md", 6, "CC302", "100 km"),
    ("en/draft-flood.md", 8, "CC503", "400"),
    ("en/draft-flood.md", 10, "CC301", "2 percent"),
    ("en/draft-flood.md", 14, "CC001", "<!-- claimcheck: ignore CC303 -->"),
    ("fr/brouillon-manifestation.txt", 3, "CC502", "jeudi 3 décembre 2021"),
    ("fr/brouillon-manifestation.txt", 3, "CC101", "94,000"),
    ("fr/brouillon-manifestation.txt", 5, "CC202", "entre 25 000 et 20 000"),
    ("fr/brouillon-manifestation.txt", 7, "CC201", "3 billions d'euros"),
]


def test_drafts_give_exactly_the_planted_findings() -> None:
    result = lint_paths([str(DRAFTS / d) for d in ("de", "en", "fr")])
    got = [(Path(f.source).relative_to(DRAFTS).as_posix(), f.line, f.code, f.text)
           for f in result.findings]
    assert got == PLANTED
    assert result.suppressed == 1  # the ignored "1.250 millimetres" in en/draft-flood.md


def test_columns_are_file_columns_in_markdown() -> None:
    """Markdown is read with its markup blanked, not removed: columns are the file's."""
    path = DRAFTS / "en" / "draft-flood.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    for f in lint_paths([str(path)]).findings:
        assert lines[f.line - 1][f.column - 1:].startswith(f.text), f


@pytest.mark.parametrize("path", sorted((ROOT / "fixtures" / "html").glob("*.html")),
                         ids=lambda p: p.name)
def test_clean_html_pages_give_no_finding(path) -> None:
    """Saved pages full of furniture numbers ("Trending5178"): the article is clean."""
    result = lint_paths([str(path)])
    assert not result.errors
    assert [f"{f.line}:{f.column} {f.code} {f.message}" for f in result.findings] == []


HTML_DRAFT = """<html lang="de"><body>
<nav>Trending 5178</nav>
<article>
<p>Mehr als
  <b>94,000</b> russische Soldaten stehen an der Grenze.</p>
<!-- claimcheck: ignore CC102 -->
<p>Weitere 95,000 Soldaten warten &amp; hoffen.</p>
<p>Am Donnerstag, 3. Dezember 2021, kamen &nbsp;96,000 Panzer dazu.</p>
</article></body></html>
"""


def test_html_positions_and_suppressions_are_the_page_s(tmp_path) -> None:
    """HTML findings sit at the page's line and column (the reader's offset map), and a
    suppression comment in the page applies to the next line of the page."""
    path = tmp_path / "entwurf.html"
    path.write_text(HTML_DRAFT, encoding="utf-8")
    result = lint_paths([str(path)])
    lines = HTML_DRAFT.split("\n")
    got = [(f.line, f.column, f.code, f.text) for f in result.findings]
    assert got == [
        (5, 6, "CC102", "94,000"),
        (8, 7, "CC502", "Donnerstag, 3. Dezember 2021"),
        (8, 49, "CC102", "96,000"),
    ]
    for f in result.findings:
        assert lines[f.line - 1][f.column - 1:].startswith(f.text)
    assert result.suppressed == 1
