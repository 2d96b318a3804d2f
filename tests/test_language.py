# ruff: noqa: E501  (example sentences: one per line reads best)
"""Per-sentence language from word evidence (rules/lang/*.yaml detect_words)."""

from __future__ import annotations

import pytest

from claimcheck.language import count_evidence, decide, detect_languages
from claimcheck.segment import split_sentences

SENTENCES = [
    ("en", "The unemployment rate fell to 4.2% in November, the Labor Department said."),
    ("en", "More than 12,000 people were evacuated from their homes overnight."),
    ("de", "Die Arbeitslosenquote sank im November auf 5,4 Prozent, teilte die Behörde mit."),
    ("de", "Mehr als 94.000 russische Soldaten sollen an der Grenze stehen."),
    ("fr", "Le taux de chômage a baissé à 7,1 % selon l'Insee."),
    ("fr", "L'économie a créé 212 000 emplois, d’après le département du Travail."),
]


@pytest.mark.parametrize(("lang", "sentence"), SENTENCES, ids=[f"{lg}-{i}" for i, (lg, _s) in enumerate(SENTENCES)])
def test_sentence_language(lang: str, sentence: str) -> None:
    assert decide(count_evidence(sentence), "xx") == lang


def test_french_elisions_count() -> None:
    assert count_evidence("qu'il l'a dit d’une voix")["fr"] == 3  # il, a, une


def test_short_sentences_take_the_document_language() -> None:
    text = "Die Zahl der Arbeitslosen ist gesunken und die Quote ist auf 5,4 Prozent gefallen.\n\nQuote: 5,1 %"
    spans = split_sentences(text)
    doc_lang, langs = detect_languages(text, spans)
    assert doc_lang == "de" and langs == ["de", "de"]


def test_a_quoted_english_sentence_in_a_german_article() -> None:
    text = ("Die Zahl der Soldaten ist gestiegen, sagte der Sprecher am Montag. "
            "\"The threat is real and it is growing,\" he said in English. "
            "Die Lage an der Grenze bleibt nach Angaben der Regierung angespannt.")
    spans = split_sentences(text)
    _doc, langs = detect_languages(text, spans)
    assert langs == ["de", "en", "de"]


def test_lang_option_overrides_everything() -> None:
    text = "The rate fell to 4.2%. Die Quote sank."
    spans = split_sentences(text)
    assert detect_languages(text, spans, "fr") == ("fr", ["fr", "fr"])


def test_no_evidence_falls_back_to_english() -> None:
    text = "4,2 % – 5,1 %"
    assert detect_languages(text, split_sentences(text)) == ("en", ["en"])


def test_no_detect_word_holds_an_apostrophe() -> None:
    """count_evidence looks a token up by its part after the last apostrophe only."""
    from claimcheck.language import _detect_table

    assert not [w for w in _detect_table() if "'" in w or "\u2019" in w]


@pytest.mark.parametrize(("sentence", "counts"), [
    ("l'", {}),  # a stripped elision leaves the bare article: no detect word
    ("«qu’il» dit-il, aujourd'hui.", {"fr": 1}),
    ("It's what they're doing, isn't it?", {"en": 1}),
], ids=["bare-elision", "quoted-elision", "en-contractions"])
def test_count_evidence_tokens(sentence: str, counts: dict[str, int]) -> None:
    assert dict(count_evidence(sentence)) == counts
