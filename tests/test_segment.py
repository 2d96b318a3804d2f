# ruff: noqa: E501  (a table of example texts: one row per line reads best)
"""Sentence splitting: abbreviations, initials, ordinals, quotes, headlines, lists.

Rows are (id, text, expected sentences); texts in the style of the fixtures.
"""

from __future__ import annotations

import pytest

from claimcheck.segment import split_sentences

CASES = [
    ("initials", "U.S. Army Chief of Staff General James C. McConville cited estimates. Defense Secretary Lloyd Austin spoke.",
     ["U.S. Army Chief of Staff General James C. McConville cited estimates.", "Defense Secretary Lloyd Austin spoke."]),
    ("de-z-b-nr", "Das gilt z. B. für Nr. 5 der Liste. Am 3. Dezember kam es zum Treffen.",
     ["Das gilt z. B. für Nr. 5 der Liste.", "Am 3. Dezember kam es zum Treffen."]),
    ("de-ordinal-month", "Er kam am 9. Juli. Dann ging er.", ["Er kam am 9. Juli.", "Dann ging er."]),
    ("de-ordinal-after-article", "Der 2. Weltkrieg endete 1945. Danach kam der Wiederaufbau.",
     ["Der 2. Weltkrieg endete 1945.", "Danach kam der Wiederaufbau."]),
    ("de-figure-at-end", "Sie erreichte Platz 3. Das war knapp.", ["Sie erreichte Platz 3.", "Das war knapp."]),
    ("de-scale-abbr", "Das kostet ca. 5 Mio. Euro. Der Rest folgt.", ["Das kostet ca. 5 Mio. Euro.", "Der Rest folgt."]),
    ("fr-s-a", "La société Dupont S.A. a publié ses comptes. Le bénéfice a augmenté.",
     ["La société Dupont S.A. a publié ses comptes.", "Le bénéfice a augmenté."]),
    ("en-titles-am", "Mr. Smith met Dr. Jones at 10 a.m. on Monday. They talked.",
     ["Mr. Smith met Dr. Jones at 10 a.m. on Monday.", "They talked."]),
    ("en-country-abbr", "The U.K. economy grew 0.5%. The U.S. economy shrank.",
     ["The U.K. economy grew 0.5%.", "The U.S. economy shrank."]),
    ("de-quote", "„Das beunruhigt uns“, sagte er. Die Lage bleibt angespannt.",
     ["„Das beunruhigt uns“, sagte er.", "Die Lage bleibt angespannt."]),
    ("en-quote", "\"It's a concern,\" he said. The leaders last spoke on July 9.",
     ["\"It's a concern,\" he said.", "The leaders last spoke on July 9."]),
    ("fr-guillemets", "Il a dit : « Nous étions 94 000. Ils étaient 250 000. » Puis il est parti.",
     ["Il a dit : « Nous étions 94 000.", "Ils étaient 250 000. »", "Puis il est parti."]),
    ("questions", "Was ist passiert? Niemand weiß es! Die Polizei ermittelt.",
     ["Was ist passiert?", "Niemand weiß es!", "Die Polizei ermittelt."]),
    ("headline-dateline", "Biden to press Putin on Ukraine\n\nWASHINGTON, Dec 6 (Wire) - U.S. President Joe Biden will call.",
     ["Biden to press Putin on Ukraine", "WASHINGTON, Dec 6 (Wire) - U.S. President Joe Biden will call."]),
    ("headline-byline", "Headline without stop\nBy Staff Reporters\n\nFirst sentence here. Second one.",
     ["Headline without stop", "By Staff Reporters", "First sentence here.", "Second one."]),
    ("wrapped-line", "the White House said on\nMonday that it would.", ["the White House said on\nMonday that it would."]),
    ("crlf-paragraphs", "Line one\r\n\r\nLine two.", ["Line one", "Line two."]),
    ("list-items", "- Quote: 5,1 %\n- Kurzarbeit: rund 710.000\n- offene Stellen: 809.000",
     ["- Quote: 5,1 %", "- Kurzarbeit: rund 710.000", "- offene Stellen: 809.000"]),
    ("initial-after-space", "Das sagte Anna B. Müller am Abend. Dann ging sie.", ["Das sagte Anna B. Müller am Abend.", "Dann ging sie."]),
    ("abbr-after-paren", "Es kostet (ca. 5 Mio. Euro) mehr. Das reicht.", ["Es kostet (ca. 5 Mio. Euro) mehr.", "Das reicht."]),
    ("abbr-head-space", "Er nannte u. a. Berlin. Dann Paris.", ["Er nannte u. a. Berlin.", "Dann Paris."]),
    ("decimal-not-stop", "Revenue rose 5.5% to $3.2 million. Profit fell.", ["Revenue rose 5.5% to $3.2 million.", "Profit fell."]),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _i, t, e in CASES], ids=[c[0] for c in CASES])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_spans_are_offsets_into_the_text_and_trimmed() -> None:
    text = "  Erster Satz.   Zweiter Satz.  \n\n"
    spans = split_sentences(text)
    assert spans == [(2, 14), (17, 30)]
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == [] and split_sentences(" \n\n ") == []
