"""Golden output of `claimcheck extract` for fixture articles a careful reader has checked.

fixtures/golden/<case>.extract.csv holds the CSV that `claimcheck extract ARTICLE --format
csv` prints, cut to the columns the claim engine decides (position, text, value,
interval, qualifier, unit, role, language, number format, ambiguity).  Subject, concept,
speaker, period and sentence are left to their own tests: they are still moving, and a
golden file must only ever hold what a careful reader expects.

Regenerate with ``pytest tests/test_golden.py --update-golden`` and read the diff row by
row before committing: a golden file is a specification, not a snapshot.  An article
whose output has any wrong row stays out of GOLDEN and is listed in EXCLUDED with the
rows a careful reader would object to (python tests/examples/failures.py copies them to
/work/notes/engine-failures.md).
"""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest

GOLDEN_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "golden"
COLUMNS = ["source", "line", "column", "start", "end", "text", "value", "low", "high",
           "qualifier", "unit", "role", "lang", "number_format", "ambiguous"]

# case name → article (paths relative to the repository root, as the CLI prints them)
GOLDEN = {
    "de-001-truppen-grenze": "fixtures/articles/de/001-truppen-grenze.txt",
    "de-006-schweiz": "fixtures/articles/de/006-schweiz.txt",
    "en-008-airline-results": "fixtures/articles/en/008-airline-results.txt",
    "fr-001-troupes-frontiere": "fixtures/articles/fr/001-troupes-frontiere.txt",
}

# Golden cases the engine currently gets wrong (the golden file keeps the right rows).
GOLDEN_KNOWN_FAILURES: dict[str, str] = {}

# Articles reviewed and left out: the rows a careful reader objects to.
EXCLUDED = {
    "fixtures/articles/de/002-truppen-grenze-korrekt.txt": [
        "'fast fünf' (Monate) is a duration, read as a count with period '9. Juli'",
    ],
    "fixtures/articles/de/003-arbeitsmarkt.md": [
        "'Nach Angaben der Behörde stieg die Zahl ... um 513.000 auf 34,1 Millionen': "
        "513.000 role level, expected increase",
    ],
    "fixtures/articles/de/004-haushalt.txt": [
        "'wüchsen um 3,5 Prozent pro Jahr': role level, expected increase",
    ],
    "fixtures/articles/de/005-unwetter.txt": [
        "'bis minus 3 Grad' → 3 °C, role decrease; expected -3 °C as a level",
        "'Binnen 24 Stunden', 'knapp fünf Stunden' → dimensionless (no time units)",
    ],
    "fixtures/articles/de/007-wohnungsbau.txt": [
        "'27,4 Prozent weniger als ein Jahr zuvor': role level, expected decrease",
        "'um mehr als 40 Prozent über dem Niveau von 2019': role level, expected increase",
    ],
    "fixtures/articles/en/001-troops-border.txt": [
        "'Nearly 2 in 3 Americans' → 'Nearly 2' and '3'; expected a ratio near 2/3",
    ],
    "fixtures/articles/en/002-flood-evacuations.md": [
        "'3 severe flood warnings ..., down from 7 on Sunday': the old level 7 is read "
        "as a decrease",
        "'in 24 hours', 'in 15 years' → dimensionless (no time units)",
    ],
    "fixtures/articles/en/003-jobs-report.txt": [
        "'transportation and warehousing 50,000, and construction 31,000' (added): "
        "role level, expected increase",
        "'Leisure and hospitality added just 23,000 jobs': role level, expected increase",
    ],
    "fixtures/articles/en/004-budget.txt": [
        "'over five years' (during) → more_than 5",
        "'down from £127.8bn' → role decrease; the earlier level is a level",
    ],
    "fixtures/articles/en/005-marathon-weather.txt": [
        "'more than 1,200 heat-related calls in 24 hours' → 24 dimensionless (no time "
        "units)",
    ],
    "fixtures/articles/en/006-election.md": [
        "'about one in eight ballots' → 'eight' exact 8; expected a ratio near 1/8",
    ],
    "fixtures/articles/en/007-port-strike.txt": [
        "'offered 6% plus a one-off payment' → '6% plus' at_least; 'plus' is 'and'",
        "'close to a third of' → low 0.2999999999997: width taken from the decimal "
        "expansion of 1/3",
    ],
    "fixtures/articles/fr/002-inondations.md": [
        "'Dragon 62' → claim 62 (helicopter call sign)",
        "'l’équivalent de deux mois de précipitations' → 2 dimensionless (no time units)",
    ],
    "fixtures/articles/fr/003-chomage.txt": [
        "slogan '1 jeune, 1 solution' → claims 1 and 1",
        "'sur trois mois' → 3 dimensionless (no time units)",
    ],
    "fixtures/articles/fr/004-budget.txt": [
        "'progresse de 3,3 milliards, ... et celui de l’Éducation nationale de 3,9 "
        "milliards': the elided verb is not carried, 3,9 milliards role level",
        "'il y a deux ans' (two years ago) → claim 2",
        "'deux fois moins qu’en 2023' → exact 2, role level; expected a ratio (1/2)",
    ],
    "fixtures/articles/fr/005-manifestation.txt": [
        "'un TGV sur trois' → exact 3; expected a ratio 1/3",
    ],
    "fixtures/articles/fr/006-vendanges.txt": [
        "'sous 1 000 euros' → exact; 'sous' is less_than",
        "'il y a dix ans' (ten years ago) → claim 10",
    ],
}


def engine_columns(csv: bytes) -> str:
    frame = pl.read_csv(io.BytesIO(csv), infer_schema=False)
    out = frame.select(COLUMNS).write_csv()
    return out


def _golden_params() -> list:
    return [
        pytest.param(case, marks=pytest.mark.xfail(strict=True,
                                                   reason=GOLDEN_KNOWN_FAILURES[case]))
        if case in GOLDEN_KNOWN_FAILURES else case
        for case in sorted(GOLDEN)
    ]


@pytest.mark.parametrize("case", _golden_params())
def test_golden_extract_csv(case: str, run_cli, update_golden: bool) -> None:
    article = GOLDEN[case]
    got = engine_columns(run_cli("extract", article, "--format", "csv").stdout_bytes)
    golden = GOLDEN_DIR / f"{case}.extract.csv"
    if update_golden and case not in GOLDEN_KNOWN_FAILURES:  # never bless a known failure
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8", newline="")
    assert golden.exists(), f"{golden} missing: run pytest --update-golden and review it"
    assert got.splitlines() == golden.read_text(encoding="utf-8").splitlines()


def test_every_golden_file_has_a_case() -> None:
    stale = {p.name for p in GOLDEN_DIR.glob("*.extract.csv")} - {
        f"{case}.extract.csv" for case in GOLDEN}
    assert not stale, f"golden files without a case: {sorted(stale)}"


def test_golden_and_excluded_articles_exist_and_do_not_overlap() -> None:
    root = GOLDEN_DIR.parent.parent
    assert not set(GOLDEN.values()) & set(EXCLUDED)
    for path in [*GOLDEN.values(), *EXCLUDED]:
        assert (root / path).is_file(), path
