"""The time frame a sentence gives for its figures (claimcheck/dates.py, Claim.period).

Normalised where the text settles it (ISO date, month, year), else as written.
"""

from __future__ import annotations

import pytest

from claimcheck.dates import find_periods

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
]


@pytest.mark.parametrize(("lang", "sentence", "expected"), PERIODS,
                         ids=[f"{lang}-{s[:40]}" for lang, s, _ in PERIODS])
def test_periods(lang: str, sentence: str, expected: list[str]) -> None:
    assert [p.value for p in find_periods(sentence, 0, len(sentence), lang)] == expected
