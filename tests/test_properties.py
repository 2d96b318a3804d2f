"""Hypothesis properties of the claim engine (issue 2, item 9).

- Round trip: any Decimal formatted by Babel (``format_decimal(x, locale=L,
  decimal_quantization=False)``) for L in en, de, fr, de_CH reads back as the same value
  inside a sentence of that language with a unit, and with a scale word.  The sentence
  language is passed explicitly: a lone "1,234" is legitimately ambiguous and the
  language is the prior.  Swiss documents carry one unambiguous Swiss figure ("12'345")
  so that the document, not the German language prior, decides "1.234".
- ``claim.text == document[claim.start:claim.end]`` on generated documents.
- Inserting unrelated text (no digits, no number words) before the claims shifts every
  start and end by exactly its length and changes nothing else.
- Interval invariants: low <= high when both are set; exact and approx contain their
  value; bounds are open on the right side; ranges have no single value.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from claimcheck import extract_text
from claimcheck.model import Claim, Qualifier

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Babel locale → the sentence language, a unit word and its canonical unit.
LOCALES = {
    "en": ("en", [("percent", "percent"), ("euros", "EUR"), ("km", "kilometer"),
                  ("tonnes", "metric_ton")]),
    "de": ("de", [("Prozent", "percent"), ("Euro", "EUR"), ("Kilometer", "kilometer"),
                  ("Tonnen", "metric_ton")]),
    "fr": ("fr", [("%", "percent"), ("euros", "EUR"), ("km", "kilometer"),
                  ("tonnes", "metric_ton")]),
    "de_CH": ("de", [("Prozent", "percent"), ("Franken", "CHF"), ("Kilometer", "kilometer"),
                     ("Tonnen", "metric_ton")]),
}
SENTENCES = {
    "en": "The figure stood at {s} {unit} on Tuesday.",
    "de": "Der Wert lag am Dienstag bei {s} {unit}.",
    "fr": "Le solde atteint {s} {unit} mardi.",
    "de_CH": "Der Kanton zählt 12'345 Einwohner. Der Saldo lag bei {s} {unit}.",
}
SCALES = {
    "en": [("million", Decimal("1e6")), ("billion", Decimal("1e9"))],
    "de": [("Millionen", Decimal("1e6")), ("Milliarden", Decimal("1e9")),
           ("Mio.", Decimal("1e6")), ("Mrd.", Decimal("1e9"))],
    "fr": [("millions", Decimal("1e6")), ("milliards", Decimal("1e9"))],
    "de_CH": [("Millionen", Decimal("1e6")), ("Mio.", Decimal("1e6")),
              ("Mrd.", Decimal("1e9"))],
}


def decimals(places: int, limit: int = 10**9) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=-limit, max_value=limit, places=places,
                       allow_nan=False, allow_infinity=False)


ANY_DECIMAL = st.integers(0, 4).flatmap(decimals)


# Babel 2.19 groups some de_CH figures oddly ("1000000'000" for 10^9, "12345678" for
# 12,345,678); nobody writes the first, so figures must be grouped the usual way.
WELL_GROUPED_RE = re.compile(r"-?(?:\d{1,3}(?:(?P<g>[^\d.,-])\d{3})(?:(?P=g)\d{3})*|\d+)"
                             r"(?:[.,]\d+)?|-?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?")


def formatted(x: Decimal, locale: str) -> str:
    s = format_decimal(x, locale=locale, decimal_quantization=False)
    assume(WELL_GROUPED_RE.fullmatch(s))
    return s


def only_claim(text: str, lang: str) -> Claim:
    claims = [c for c in extract_text(text, lang=lang) if c.unit != "dimensionless"]
    assert len(claims) == 1, [(c.text, c.value, c.unit) for c in claims]
    return claims[0]


# --- round trip through Babel -----------------------------------------------------------


@pytest.mark.parametrize("locale", list(LOCALES))
@SETTINGS
@given(x=ANY_DECIMAL, data=st.data())
@example(x=Decimal("1234.5"), data=None)
@example(x=Decimal("1.234"), data=None)
@example(x=Decimal("-3.2"), data=None)
@example(x=Decimal("94000"), data=None)
def test_babel_formatted_decimal_reads_back(locale: str, x: Decimal, data) -> None:
    lang, units = LOCALES[locale]
    unit_word, unit = data.draw(st.sampled_from(units)) if data else units[0]
    s = formatted(x, locale)
    text = SENTENCES[locale].format(s=s, unit=unit_word)
    claim = only_claim(text, lang)
    assert (claim.value, claim.unit) == (x, unit), (text, claim.text)
    assert claim.text.endswith(unit_word)


@pytest.mark.parametrize("locale", list(LOCALES))
@SETTINGS
@given(mantissa=st.integers(0, 2).flatmap(lambda p: st.decimals(
    min_value=Decimal("0.1"), max_value=Decimal("999.99"), places=p)), data=st.data())
@example(mantissa=Decimal("1.5"), data=None)
@example(mantissa=Decimal("450"), data=None)
def test_babel_formatted_decimal_with_scale_word_reads_back(locale: str, mantissa: Decimal,
                                                            data) -> None:
    lang, units = LOCALES[locale]
    word, factor = data.draw(st.sampled_from(SCALES[locale])) if data else SCALES[locale][0]
    unit_word, unit = units[1]  # the currency
    s = formatted(mantissa, locale)
    text = SENTENCES[locale].format(s=f"{s} {word}", unit=unit_word)
    claim = only_claim(text, lang)
    assert (claim.value, claim.unit) == (mantissa * factor, unit), (text, claim.text)


# --- generated documents: offsets, shifting, intervals --------------------------------

QUALIFIERS = {
    "en": ["", "more than ", "at least ", "about ", "nearly ", "up to ", "fewer than "],
    "de": ["", "mehr als ", "mindestens ", "rund ", "knapp ", "bis zu ", "weniger als "],
    "fr": ["", "plus de ", "au moins ", "environ ", "près de ", "jusqu'à ", "moins de "],
}
FRAMES = {
    "en": ["Officials said {q}{f} {u} were affected.", "Between {a} and {b} {u} were lost.",
           "Prices rose by {f} {u} in May.", "The total fell to {q}{f} {u}."],
    "de": ["Die Behörde meldete {q}{f} {u}.", "Zwischen {a} und {b} {u} fehlen.",
           "Die Preise stiegen um {f} {u}.", "Der Wert sank auf {q}{f} {u}."],
    "fr": ["Les autorités ont recensé {q}{f} {u}.", "Entre {a} et {b} {u} manquent.",
           "Les prix ont augmenté de {f} {u}.", "Le total est tombé à {q}{f} {u}."],
}
UNIT_WORDS = {
    "en": ["people", "percent", "euros", "km", "million dollars", "tonnes", ""],
    "de": ["Menschen", "Prozent", "Euro", "Kilometer", "Millionen Euro", "Tonnen", ""],
    "fr": ["personnes", "%", "euros", "km", "millions d'euros", "tonnes", ""],
}
BABEL = {"en": ["en"], "de": ["de", "de_CH"], "fr": ["fr"]}
FILLER = {
    "en": ["The talks went on late into the night.", "Nobody was available for comment.",
           "Critics called the plan reckless."],
    "de": ["Die Gespräche dauerten bis in die Nacht.", "Eine Stellungnahme gab es nicht.",
           "Kritiker nannten den Plan leichtsinnig."],
    "fr": ["Les discussions ont duré toute la nuit.", "Personne n'a souhaité réagir.",
           "Les critiques jugent le projet imprudent."],
}


@st.composite
def figure(draw, lang: str) -> str:
    x = draw(st.integers(0, 2).flatmap(lambda p: decimals(p, 10**7)).map(abs))
    return format_decimal(x, locale=draw(st.sampled_from(BABEL[lang])),
                          decimal_quantization=False)


@st.composite
def sentence(draw, lang: str) -> str:
    if draw(st.booleans()):
        return draw(st.sampled_from(FILLER[lang]))
    frame = draw(st.sampled_from(FRAMES[lang]))
    a, b = sorted([draw(figure(lang)), draw(figure(lang))])
    return frame.format(q=draw(st.sampled_from(QUALIFIERS[lang])), f=draw(figure(lang)),
                        u=draw(st.sampled_from(UNIT_WORDS[lang])), a=a, b=b)


@st.composite
def document(draw) -> tuple[str, str]:
    lang = draw(st.sampled_from(["de", "en", "fr"]))
    parts = draw(st.lists(sentence(lang), min_size=1, max_size=6))
    seps = draw(st.lists(st.sampled_from([" ", "\n", "\n\n", "  "]), min_size=len(parts),
                         max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True)), lang


# Unrelated text: whole sentences without digits or number words, or letters-only words.
UNRELATED = st.one_of(
    st.lists(st.sampled_from([f for fs in FILLER.values() for f in fs]), min_size=1,
             max_size=3).map(lambda fs: " ".join(fs) + " "),
    st.just("\n\n"),
    st.just("# Headline without figures\n\n"),
)


@SETTINGS
@given(doc=document())
def test_claim_text_is_the_document_slice(doc: tuple[str, str]) -> None:
    text, lang = doc
    for c in extract_text(text, lang=lang):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text


@SETTINGS
@given(doc=document(), prefix=UNRELATED)
def test_unrelated_text_before_shifts_offsets_by_its_length(doc: tuple[str, str],
                                                            prefix: str) -> None:
    text, lang = doc
    before = extract_text(text, lang=lang)
    after = extract_text(prefix + text, lang=lang)
    n = len(prefix)
    assert [(c.start + n, c.end + n, c.text, c.value, c.low, c.high, c.qualifier, c.unit)
            for c in before] == [
        (c.start, c.end, c.text, c.value, c.low, c.high, c.qualifier, c.unit) for c in after]


@SETTINGS
@given(doc=document())
def test_interval_invariants(doc: tuple[str, str]) -> None:
    text, lang = doc
    for c in extract_text(text, lang=lang):
        if c.low is not None and c.high is not None:
            assert c.low <= c.high, c
        q = c.qualifier
        if q in (Qualifier.EXACT, Qualifier.APPROX):
            assert c.value is not None and c.low is not None and c.high is not None
            assert c.low <= c.value <= c.high, c
        if q is Qualifier.EXACT:
            assert c.low == c.value == c.high, c
        if q in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
            assert (c.low, c.high) == (c.value, None), c
        if q in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
            assert (c.low, c.high) == (None, c.value), c
        if q is Qualifier.RANGE:
            assert c.value is None and c.low is not None and c.high is not None, c


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list(
    "0123456789 ,.'’\u00a0\u202f-+–%€$£/:()\nabcxyzAMPhkmMnbrdüéàe")), max_size=120),
    lang=st.sampled_from(["de", "en", "fr"]))
@example(text="0b€", lang="en")  # bug caught: KeyError 'b' (a lowercase scale letter + €)
def test_arbitrary_text_never_breaks_the_offsets(text: str, lang: str) -> None:
    for c in extract_text(text, lang=lang):
        assert text[c.start:c.end] == c.text
        if c.low is not None and c.high is not None:
            assert c.low <= c.high


# --- the fast phrase scanner finds what the reference alternation finds ---------------

SCAN_PIECES = [
    "one", "One", "ONE", "a", "A", "half", "dozen", "half a dozen", "one and a half",
    "zwei", "Zwei", "dreißig", "dreissig", "Millionen", "un", "une", "deux", "trois",
    "millions", "two-thirds", "someone", "_one", "one1", "ß", "é", " ", "  ", "\u00a0",
    "\u202f", "\n", "\x1c", ",", ".", "-", "3", "²", "\u0301",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SCAN_PIECES), max_size=30).map("".join),
       st.sampled_from(["de", "en", "fr"]))
def test_scanner_finds_the_spans_the_alternation_finds(text: str, lang: str) -> None:
    import regex

    from claimcheck.grammar import get_grammar
    from claimcheck.lexicon import alternation

    g = get_grammar(lang)
    reference = regex.compile(alternation(tuple(g.word_spellings)), regex.IGNORECASE)
    assert [m.span() for m in g.words_re.finditer(text)] == [
        m.span() for m in reference.finditer(text)
    ]


# --- the cheap test before the right-context pattern never skips a match ---------------

RIGHT_PIECES = [
    " ", "\u00a0", "\u202f", "\n", "-", "\u2013", " to ", " bis ", " à ", " et ", " and ",
    "%", " Prozent", " percent", " km", "km/h", " m²", " Mio.", " Mrd.", " bn", "bn", " M€",
    " €", "€", " $", " dollars", " Euro", " people", " Menschen", " personnes", " or more",
    " und mehr", " et plus", "plus", " Franken", " CHF", " ’", "'", ",", ".", ")", "x",
    " Points", " points de pourcentage", " tonnes", " Liter", " milliards", "3", "00",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(RIGHT_PIECES), max_size=8).map("".join),
       st.sampled_from(["de", "en", "fr"]))
def test_right_context_test_never_skips_a_match(after: str, lang: str) -> None:
    from claimcheck.claims import _right_may_match
    from claimcheck.grammar import get_grammar

    g = get_grammar(lang)
    text = "12" + after
    if not _right_may_match(text, 2, len(text), g):
        assert g.right_re.match(text, 2, len(text)).end() == 2
        assert g.right_between_re.match(text, 2, len(text)).end() == 2
