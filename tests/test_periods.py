"""The time frame a sentence gives for its figures (claimcheck/dates.py, Claim.period).

Normalised where the text settles it (ISO date, month, year), else as written.
"""

from __future__ import annotations

import pytest

from claimcheck.dates import find_periods
from claimcheck.model import Document
from claimcheck.pipeline import extract_document

PERIODS = [
    # (lang, sentence, periods found, in order)
    ("en", "Unemployment fell to 4.2% in November 2021.", ["2021-11"]),
    ("en", "In December, 2021, the index rose 3%.", ["2021-12"]),
    ("en", "On 7 December 2021 about 94,000 troops were massed.", ["2021-12-07"]),
    ("en", "The talks of Dec. 7, 2021 ended without a deal.", ["2021-12-07"]),
    ("en", "Since 2019, 3,000 homes were built.", ["2019"]),
    ("en", "Revisions added 82,000 jobs to the totals for September and October.", ["for September"]),
    ("en", "The figure of 2019.5 is no year.", []),
    ("en", "The company hired 40 people.", []),
    ("de", "Im Jahr 2020 starben 1.200 Menschen.", ["2020"]),
    ("de", "Die Quote lag im März bei 5,1 Prozent.", ["im März"]),
    ("de", "Im März 2022 lag die Quote bei 5,1 Prozent.", ["2022-03"]),
    ("de", "Am 3. Dezember 2021 zählte man 94.000 Soldaten.", ["2021-12-03"]),
    ("de", "Bis Ende Januar sollen 500 Wohnungen fertig sein.", ["Ende Januar"]),
    ("de", "Seit 2015 wurden 3.000 Wohnungen gebaut.", ["2015"]),
    ("fr", "Le chômage atteignait 7,4 % fin 2021.", ["2021"]),
    ("fr", "En mars, 12 000 personnes ont manifesté.", ["En mars"]),
    ("fr", "Depuis 2015, 3 000 logements ont été construits.", ["2015"]),
    ("fr", "Le 7 décembre 2021, 94 000 soldats étaient massés.", ["2021-12-07"]),
    # month names found by their opening letters: any case, never inside a word
    ("en", "The MARCH 2021 report on marketing rose 4%.", ["2021-03"]),
    ("en", "Sales rose 5% in Sept. and 3% in Dec.", ["in Sept.", "in Dec."]),
    ("de", "Im MÄRZ stieg die Zahl um 4 Prozent.", ["Im MÄRZ"]),
    ("fr", "Mais le 3 mars, 1200 personnes sont venues.", ["3 mars"]),
    # a dot after a full month name ends the sentence; after an abbreviation it is part of it
    ("en", "Sales rose 5% in May.", ["in May"]),
    ("en", "Output fell 2% at the end of June.", ["end of June"]),
    ("de", "Die Quote stieg um 4 Prozent im Mai.", ["im Mai"]),
    ("fr", "Le chômage a baissé de 0,2 point en juin.", ["en juin"]),
    ("fr", "Les prix ont augmenté de 3 % en janv.", ["en janv."]),
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), PERIODS,
                         ids=[f"{lang}-{s[:40]}" for lang, s, _ in PERIODS])
def test_periods(lang: str, sentence: str, expected: list[str]) -> None:
    assert [p.value for p in find_periods(sentence, 0, len(sentence), lang)] == expected


# --- which figure a time frame belongs to (pipeline: Claim.period) -------------------
CLAIM_PERIODS = [
    # (lang, sentence, claim text, period)
    ("fr", "Le taux de remplissage atteint 96,5 %, contre 94 % en 2024.", "96,5 %", None),
    ("fr", "Le taux de remplissage atteint 96,5 %, contre 94 % en 2024.", "94 %", "2024"),
    ("en", "Assets have fallen from £64m in 2021 to just under £30m.", "just under £30m", None),
    ("en", "Assets have fallen from £64m in 2021 to just under £30m.", "£64m", "2021"),
    ("en", "The rate fell to 6.2% from 6.1% in March.", "6.2%", None),
    ("de", "Banken verlangen rund 4 Prozent, nach etwa 1 Prozent Anfang 2022.", "rund 4 Prozent", None),
    # a time frame shared by the sentence's figures stays shared
    ("en", "In 2021, unemployment rose to 5% and inflation to 3%.", "3%", "2021"),
    ("en", "Unemployment rose to 5% and inflation to 3% in 2021.", "5%", "2021"),
]


@pytest.mark.parametrize(("lang", "sentence", "claim", "period"), CLAIM_PERIODS,
                         ids=[f"{lang}-{c}-{s[:30]}" for lang, s, c, _ in CLAIM_PERIODS])
def test_claim_period(lang: str, sentence: str, claim: str, period: str | None) -> None:
    claims = [c for c in extract_document(Document("t", sentence), lang) if c.text == claim]
    assert claims, claim
    assert claims[0].period == period
