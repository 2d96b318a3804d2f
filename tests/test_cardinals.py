"""Spelled-out cardinals below a million (claimcheck/cardinals.py; audit: compound number
words misread, "Deux cents personnes" → 2, "Twenty one fans" → 20, "zweiundzwanzig" → nothing).

Where the examples come from: written for this suite by the test author, modelled on wire
copy in de, en and fr (evacuations, casualty counts, match reports, budgets).  No sentence
is copied from a publication.

- READS: the compounds of the audit and their neighbours, at the start of a sentence and
  inside one, with the word that follows left unconsumed.
- SCALES: scale words are the engine's: "deux cents millions" stops before "millions".
- STOPS: where a number ends early ("trois et quatre", "twenty one-year-olds",
  "two hundred and three hundred") or is no number at all ("un", "Dreieck", ordinals).
- The properties spell every number below 10,000 and random ones below a million with
  the small spellers below (CLDR/Babel has no spell-out API in Python), in every style the
  module reads (1990 French hyphens, "a hundred", "and" or not, Swiss "ss").
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.cardinals import cardinal_at, cardinal_scan_re, cardinal_words, parse_cardinal_words
from claimcheck.errors import RulesError


class Row(NamedTuple):
    id: str
    lang: str
    text: str
    at: int | str  # start offset, or the first occurrence of this text
    consumed: str | None  # what the cardinal covers; None: no cardinal starts there
    value: int | None = None


def _start(row: Row) -> int:
    if isinstance(row.at, int):
        return row.at
    pos = row.text.find(row.at)
    assert pos >= 0, f"{row.at!r} not in {row.text!r}"
    return pos


READS = [
    # --- French: the audit's sentences ---------------------------------------------------
    Row("fr-deux-cents", "fr", "Deux cents personnes ont été évacuées.", 0, "Deux cents", 200),
    Row("fr-cent-vingt", "fr", "Cent vingt personnes ont été relogées.", 0, "Cent vingt", 120),
    Row("fr-vingt-et-un", "fr", "Vingt et un joueurs ont été convoqués.", 0, "Vingt et un", 21),
    Row("fr-trente-et-une", "fr", "Trente et une communes sont touchées.", 0, "Trente et une", 31),
    Row("fr-dix-huit", "fr", "Les dix-huit blessés ont été transportés.", "dix", "dix-huit", 18),
    Row("fr-dix-sept", "fr", "Il reste dix-sept jours avant le scrutin.", "dix", "dix-sept", 17),
    Row("fr-vingt-deux", "fr", "Vingt-deux départements sont en vigilance orange.", 0, "Vingt-deux", 22),
    Row("fr-soixante-dix", "fr", "Soixante-dix migrants ont été secourus.", 0, "Soixante-dix", 70),
    Row("fr-soixante-et-onze", "fr", "On compte soixante et onze victimes.", "soixante",
        "soixante et onze", 71),
    Row("fr-soixante-quinze", "fr", "soixante-quinze députés ont voté contre", 0,
        "soixante-quinze", 75),
    Row("fr-quatre-vingts", "fr", "Quatre-vingts familles ont été relogées.", 0, "Quatre-vingts", 80),
    Row("fr-quatre-vingt-un", "fr", "quatre-vingt-un morts selon le bilan", 0, "quatre-vingt-un", 81),
    Row("fr-quatre-vingt-dix-neuf", "fr", "Quatre-vingt-dix-neuf élus sur cent.", 0,
        "Quatre-vingt-dix-neuf", 99),
    Row("fr-deux-cent-cinquante", "fr", "Deux cent cinquante salariés sont concernés.", 0,
        "Deux cent cinquante", 250),
    Row("fr-mille", "fr", "Mille manifestants selon la police.", 0, "Mille", 1000),
    Row("fr-deux-mille", "fr", "Près de deux mille personnes ont défilé.", "deux", "deux mille", 2000),
    Row("fr-trois-mille-cinq-cents", "fr", "trois mille cinq cents emplois menacés", 0,
        "trois mille cinq cents", 3500),
    Row("fr-reform-deux-cent-cinquante", "fr", "Deux-cent-cinquante salariés.", 0,
        "Deux-cent-cinquante", 250),
    Row("fr-reform-vingt-et-un", "fr", "vingt-et-un blessés légers", 0, "vingt-et-un", 21),
    Row("fr-reform-trois-mille", "fr", "trois-mille-cinq-cents emplois", 0,
        "trois-mille-cinq-cents", 3500),
    Row("fr-cent-mille", "fr", "Cent mille euros ont été versés.", 0, "Cent mille", 100000),
    Row("fr-deux-cent-mille", "fr", "deux cent mille spectateurs", 0, "deux cent mille", 200000),
    Row("fr-quatre-vingt-mille", "fr", "quatre-vingt mille foyers privés de courant", 0,
        "quatre-vingt mille", 80000),
    Row("fr-vingt-et-un-mille", "fr", "vingt et un mille signatures", 0, "vingt et un mille", 21000),
    Row("fr-mille-deux-cents", "fr", "mille deux cents lits supplémentaires", 0,
        "mille deux cents", 1200),
    Row("fr-cent-un", "fr", "cent un départements", 0, "cent un", 101),
    Row("fr-cent-quatre-vingts", "fr", "cent quatre-vingts secouristes", 0, "cent quatre-vingts", 180),
    Row("fr-max", "fr", "neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf", 0,
        "neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf", 999999),
    Row("fr-be-septante", "fr", "Septante-cinq personnes ont été entendues.", 0, "Septante-cinq", 75),
    Row("fr-ch-nonante-et-un", "fr", "nonante et un ans", 0, "nonante et un", 91),
    Row("fr-lone-trois", "fr", "Trois blessés graves.", 0, "Trois", 3),
    Row("fr-lone-seize", "fr", "seize régions", 0, "seize", 16),
    Row("fr-lone-cent", "fr", "cent députés", 0, "cent", 100),
    Row("fr-nbsp", "fr", "deux\u00a0cents personnes", 0, "deux\u00a0cents", 200),
    Row("fr-line-break", "fr", "deux cent\ncinquante salariés", 0, "deux cent\ncinquante", 250),
    # --- English ------------------------------------------------------------------------------
    Row("en-twenty-one-hyphen", "en", "Twenty-one people were injured.", 0, "Twenty-one", 21),
    Row("en-twenty-one-space", "en", "Twenty one fans were arrested.", 0, "Twenty one", 21),
    Row("en-twenty-two", "en", "Twenty-two flights were cancelled.", 0, "Twenty-two", 22),
    Row("en-ninety-nine", "en", "ninety-nine seats in the chamber", 0, "ninety-nine", 99),
    Row("en-one-hundred", "en", "One hundred firefighters attended.", 0, "One hundred", 100),
    Row("en-a-hundred", "en", "A hundred homes were flooded.", 0, "A hundred", 100),
    Row("en-a-thousand", "en", "More than a thousand people marched.", "a thousand",
        "a thousand", 1000),
    Row("en-two-hundred-and-fifty", "en", "two hundred and fifty jobs will go", 0,
        "two hundred and fifty", 250),
    Row("en-two-hundred-fifty", "en", "two hundred fifty jobs", 0, "two hundred fifty", 250),
    Row("en-three-thousand-four-hundred", "en", "Three thousand four hundred homes lost power.", 0,
        "Three thousand four hundred", 3400),
    Row("en-two-thousand-and-five", "en", "two thousand and five ballots", 0,
        "two thousand and five", 2005),
    Row("en-a-hundred-and-one", "en", "a hundred and one dalmatians", 0, "a hundred and one", 101),
    Row("en-fifteen-hundred", "en", "fifteen hundred troops", 0, "fifteen hundred", 1500),
    Row("en-twenty-five-hundred", "en", "twenty-five hundred troops", 0, "twenty-five hundred", 2500),
    Row("en-250-thousand", "en", "two hundred and fifty thousand refugees", 0,
        "two hundred and fifty thousand", 250000),
    Row("en-hundred-thousand", "en", "a hundred thousand visitors", 0, "a hundred thousand", 100000),
    Row("en-max", "en", "nine hundred and ninety-nine thousand nine hundred and ninety-nine", 0,
        "nine hundred and ninety-nine thousand nine hundred and ninety-nine", 999999),
    Row("en-lone-three", "en", "Three people died.", 0, "Three", 3),
    Row("en-lone-twelve", "en", "twelve months", 0, "twelve", 12),
    Row("en-upper-case", "en", "TWENTY-ONE PILOTS", 0, "TWENTY-ONE", 21),
    Row("en-twenty-en-dash", "en", "twenty–thirty people", 0, "twenty", 20),
    # --- German -------------------------------------------------------------------------------
    Row("de-einundzwanzig", "de", "Einundzwanzig Menschen wurden verletzt.", 0, "Einundzwanzig", 21),
    Row("de-zweiundzwanzig", "de", "Zweiundzwanzig Flüge fielen aus.", 0, "Zweiundzwanzig", 22),
    Row("de-hundert", "de", "rund hundert Einsatzkräfte", "hundert", "hundert", 100),
    Row("de-einhundert", "de", "einhundert Feuerwehrleute", 0, "einhundert", 100),
    Row("de-hundertfuenfzig", "de", "hundertfünfzig Beschäftigte", 0, "hundertfünfzig", 150),
    Row("de-dreihundert", "de", "Dreihundert Wohnungen sind ohne Strom.", 0, "Dreihundert", 300),
    Row("de-zweitausend", "de", "Etwa zweitausend Menschen demonstrierten.", "zweitausend",
        "zweitausend", 2000),
    Row("de-dreitausendfuenfhundert", "de", "dreitausendfünfhundert Stellen", 0,
        "dreitausendfünfhundert", 3500),
    Row("de-zwoelf", "de", "Zwölf Verletzte", 0, "Zwölf", 12),
    Row("de-dreissig-sz", "de", "dreißig Einsätze", 0, "dreißig", 30),
    Row("de-dreissig-ss", "de", "dreissig Einsätze", 0, "dreissig", 30),
    Row("de-achtzehn", "de", "achtzehn Monate", 0, "achtzehn", 18),
    Row("de-siebenundsiebzig", "de", "siebenundsiebzig Abgeordnete", 0, "siebenundsiebzig", 77),
    Row("de-hunderteins", "de", "hunderteins Gemeinden", 0, "hunderteins", 101),
    Row("de-hundertundeins", "de", "hundertundeins Gemeinden", 0, "hundertundeins", 101),
    Row("de-tausend", "de", "tausend Schüler", 0, "tausend", 1000),
    Row("de-hunderteintausend", "de", "hunderteintausend Stimmen", 0, "hunderteintausend", 101000),
    Row("de-max", "de", "neunhundertneunundneunzigtausendneunhundertneunundneunzig", 0,
        "neunhundertneunundneunzigtausendneunhundertneunundneunzig", 999999),
    Row("de-eins", "de", "Es steht eins zu null.", "eins", "eins", 1),
]

SCALES = [
    Row("fr-deux-cents-millions", "fr", "deux cents millions d'euros", 0, "deux cents", 200),
    Row("fr-trois-mille-milliards", "fr", "trois mille milliards de dette", 0, "trois mille", 3000),
    Row("fr-vingt-et-un-millions", "fr", "vingt et un millions d'habitants", 0, "vingt et un", 21),
    Row("en-two-hundred-million", "en", "two hundred million dollars", 0, "two hundred", 200),
    Row("en-twenty-one-billion", "en", "twenty-one billion euros", 0, "twenty-one", 21),
    Row("de-zwei-millionen", "de", "zwei Millionen Euro", 0, "zwei", 2),
    Row("de-dreihundert-milliarden", "de", "dreihundert Milliarden Euro", 0, "dreihundert", 300),
]

STOPS = [
    # the following word is no part of the number
    Row("fr-cent-vingt-personnes", "fr", "cent vingt personnes", 0, "cent vingt", 120),
    Row("fr-trois-et-quatre", "fr", "trois et quatre ans", 0, "trois", 3),
    Row("fr-vingt-et-trente", "fr", "entre vingt et trente ans", "vingt", "vingt", 20),
    Row("fr-vingt-et-onze", "fr", "vingt et onze", 0, "vingt", 20),
    Row("fr-trois-quatre-separate", "fr", "trois quatre", 0, "trois", 3),
    Row("fr-mille-et-une", "fr", "Les Mille et Une Nuits", "Mille", "Mille", 1000),
    Row("fr-cent-et-deux", "fr", "cent et deux ans", 0, "cent", 100),
    Row("fr-cinquante-cents", "fr", "cinquante cents la pièce", 0, "cinquante", 50),
    Row("fr-trois-pour-cent", "fr", "trois pour cent des voix", 0, "trois", 3),
    Row("en-hundred-and-nothing", "en", "two hundred and counting", 0, "two hundred", 200),
    Row("en-hundred-and-three-hundred", "en", "between two hundred and three hundred people",
        "two", "two hundred", 200),
    Row("en-thousand-and-thousand", "en", "two thousand and three thousand", 0, "two thousand", 2000),
    Row("en-twenty-and-thirty", "en", "twenty and thirty", 0, "twenty", 20),
    Row("en-twenty-twenty", "en", "twenty twenty vision", 0, "twenty", 20),
    Row("en-twenty-one-year-olds", "en", "twenty one-year-olds were vaccinated", 0, "twenty", 20),
    Row("en-five-star-after-hundred", "en", "two hundred five-star reviews", 0, "two hundred", 200),
    Row("en-ten-percent", "en", "ten per cent", 0, "ten", 10),
    Row("en-three-dot", "en", "He counted three.", "three", "three", 3),
    # no cardinal at all
    Row("fr-un-alone", "fr", "Un homme a été interpellé.", 0, None),
    Row("fr-une-alone", "fr", "une enquête est ouverte", 0, None),
    Row("fr-un-million", "fr", "un million d'euros", 0, None),
    Row("fr-cents-bare", "fr", "cents", 0, None),
    Row("fr-ordinal", "fr", "la vingt-deuxième édition", "vingt", None),
    Row("fr-ordinal-dix-huitieme", "fr", "le dix-huitième arrondissement", "dix", None),
    Row("fr-range-hyphen", "fr", "trois-quatre jours", 0, None),
    Row("fr-inside-range-hyphen", "fr", "trois-quatre jours", "quatre", None),
    Row("fr-centaines", "fr", "des centaines de personnes", "centaines", None),
    Row("fr-milliers", "fr", "des milliers de personnes", "milliers", None),
    Row("fr-not-a-word-start", "fr", "pourcent", "cent", None),
    Row("en-one-alone", "en", "One of the victims was a child.", 0, None),
    Row("en-a-alone", "en", "a man was arrested", 0, None),
    Row("en-hundred-bare", "en", "hundred", 0, None),
    Row("en-hundreds", "en", "Hundreds of people gathered.", 0, None),
    Row("en-thousands", "en", "thousands of people", 0, None),
    Row("en-a-few-hundred", "en", "a few hundred people", 0, None),
    Row("en-twenty-first", "en", "the twenty-first century", "twenty", None),
    Row("en-twenty-five-year-old", "en", "a twenty-five-year-old man", "twenty", None),
    Row("en-one-year-olds", "en", "one-year-olds", 0, None),
    Row("en-glued-digit", "en", "twenty1", 0, None),
    Row("en-covid", "en", "COVID-nineteen", "nineteen", None),
    Row("en-mid-word", "en", "often", "ten", None),
    Row("de-ein-alone", "de", "Ein Mann wurde festgenommen.", 0, None),
    Row("de-eine-alone", "de", "eine Frau", 0, None),
    Row("de-dreieck", "de", "Dreieck", 0, None),
    Row("de-dreimal", "de", "dreimal so viele", 0, None),
    Row("de-zwanzigjaehrig", "de", "ein zwanzigjähriger Fahrer", "zwanzig", None),
    Row("de-tausende", "de", "Tausende Menschen", 0, None),
    Row("de-zehntausende", "de", "Zehntausende demonstrierten", 0, None),
    Row("de-zwanzigste", "de", "der zwanzigste Jahrestag", "zwanzig", None),
    Row("de-suspended-hyphen", "de", "zwei- bis dreimal", 0, None),
    Row("de-zwanzig-euro-schein", "de", "Zwanzig-Euro-Schein", 0, None),
    Row("de-und-alone", "de", "und", 0, None),
    Row("de-einsundzwanzig-not-inside", "de", "Dreiundzwanzig", "undzwanzig", None),
    Row("de-hundertein", "de", "hundertein", 0, None),
    Row("de-zwoelfhundert", "de", "zwölfhundert", 0, None),
]

ALL_ROWS = READS + SCALES + STOPS


@pytest.mark.parametrize("row", ALL_ROWS, ids=[r.id for r in ALL_ROWS])
def test_cardinal_at(row: Row) -> None:
    pos = _start(row)
    got = cardinal_at(row.text, pos, len(row.text), row.lang)
    if row.consumed is None:
        assert got is None
        return
    assert got is not None
    end, value = got
    assert row.text[pos:end] == row.consumed
    assert value == Decimal(row.value) and isinstance(value, Decimal)


def test_rows_are_enough_and_unique() -> None:
    ids = [r.id for r in ALL_ROWS]
    assert len(ids) == len(set(ids)) and len(ids) >= 80


@pytest.mark.parametrize("text, end, consumed, value", [
    ("vingt et un joueurs", 8, "vingt", 20),  # the caller's end cuts the compound short
    ("Deux cents personnes", 2, None, None),  # "De": no number word
    ("Deux cents personnes", 4, "Deux", 2),
], ids=["end-before-joined-word", "end-inside-word", "end-after-word"])
def test_end_bound(text: str, end: int, consumed: str | None, value: int | None) -> None:
    got = cardinal_at(text, 0, end, "fr")
    if consumed is None:
        assert got is None
    else:
        assert got == (len(consumed), Decimal(value))


def test_position_out_of_range() -> None:
    assert cardinal_at("trois", 5, 5, "fr") is None
    assert cardinal_at("trois", -1, 5, "fr") is None


# --- the scanner ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text, found", [
    ("fr", "Deux cents personnes et un chien, vingt-deux chats.", ["Deux", "vingt", "deux"]),
    ("fr", "Un homme et une femme, trente et une communes.", ["trente"]),
    ("en", "A hundred homes, a man, one hundred cars, one of them.", ["A hundred", "one hundred"]),
    ("de", "Ein Mann, eine Frau, zweiundzwanzig Flüge, Einfluss und Dreieck.", ["zweiundzwanzig"]),
    ("de", "Einhundert und tausend, Tausende.", ["Einhundert", "tausend"]),
], ids=["fr", "fr-articles", "en-articles", "de-words", "de-bare"])
def test_scan_re(lang: str, text: str, found: list[str]) -> None:
    """The prefilter finds where a cardinal may start, not lone articles nor "Einfluss"."""
    assert [m.group() for m in cardinal_scan_re(lang).finditer(text)] == found


# --- the rules file ----------------------------------------------------------------------------

GOOD = {"lang": "xx", "cardinal": {
    "units": {"one": 1}, "teens": {"ten": 10}, "tens": {"twenty": 20},
    "tens_before_teens": [], "hundred": ["hundred"], "thousand": ["thousand"],
    "hundred_multiplier_max": 9, "need_multiplier": [], "multiplier_articles": [],
    "not_multipliers": [], "joiners": ["and"], "joiner_after_hundred": True,
    "joiner_after_thousand": True, "joined_after_tens": [], "units_before_tens": False,
    "compound_words": False, "not_final": [], "alone_not_a_number": []}}


@pytest.mark.parametrize("key, value, message", [
    ("units", {"one": 10}, "not a number from 1 to 9"),
    ("tens", {"twenty": 25}, "not a number from 20 to 90"),
    ("hundred", "hundred", "must be a list of words"),
    ("not_final", ["eleven"], "is not a number word of this file"),
    ("compound_words", "yes", "must be true or false"),
    ("hundred_multiplier_max", 100, "from 1 to 99"),
    ("joiners", ["one"], "listed twice"),
    ("scale", ["million"], "unknown key"),
], ids=["unit-range", "tens-step", "list", "unknown-word", "flag", "max", "twice", "unknown-key"])
def test_bad_rules_file(key: str, value: object, message: str) -> None:
    data = {"lang": "xx", "cardinal": {**GOOD["cardinal"], key: value}}  # type: ignore[dict-item]
    with pytest.raises(RulesError, match=message):
        parse_cardinal_words("xx.yaml", data)


def test_unknown_language() -> None:
    with pytest.raises(RulesError, match="no cardinal number words"):
        cardinal_at("uno", 0, 3, "it")


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_rules_files_load(lang: str) -> None:
    assert cardinal_words(lang).lang == lang


# --- spellers for the properties --------------------------------------------------------------

EN_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen").split()
EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell_en(n: int, *, and_: bool, hyphen: bool, article: bool) -> str:
    def below100(k: int) -> str:
        if k < 20:
            return EN_SMALL[k]
        t, u = divmod(k, 10)
        return EN_TENS[t] + (("-" if hyphen else " ") + EN_SMALL[u] if u else "")

    def below1000(k: int) -> list[str]:
        h, r = divmod(k, 100)
        words = [EN_SMALL[h], "hundred"] if h else []
        if r:
            words += (["and"] if h and and_ else []) + [below100(r)]
        return words

    t, r = divmod(n, 1000)
    words = [*below1000(t), "thousand"] if t else []
    if r:
        words += (["and"] if t and and_ and r < 100 else []) + below1000(r)
    if article and words[0] == "one" and len(words) > 1:
        words[0] = "a"
    return " ".join(words)


FR_SMALL = ("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
            "quinze seize").split()
FR_TENS = "_ dix vingt trente quarante cinquante soixante".split()


def spell_fr(n: int, *, reform: bool) -> str:
    def below100(k: int, final: bool) -> str:
        if k <= 16:
            return FR_SMALL[k]
        if k < 20:
            return "dix-" + FR_SMALL[k - 10]
        t, u = divmod(k, 10)
        if t == 7:
            return "soixante et onze" if k == 71 else "soixante-" + below100(k - 60, final)
        if t >= 8:
            base = "quatre-vingt"
            if k == 80:
                return base + "s" if final else base
            return base + "-" + below100(k - 80, final)
        if u == 0:
            return FR_TENS[t]
        return FR_TENS[t] + (" et un" if u == 1 else "-" + FR_SMALL[u])

    def below1000(k: int, final: bool) -> str:
        h, r = divmod(k, 100)
        words = []
        if h == 1:
            words.append("cent")
        elif h:
            words.append(FR_SMALL[h] + " " + ("cents" if r == 0 and final else "cent"))
        if r:
            words.append(below100(r, final))
        return " ".join(words)

    t, r = divmod(n, 1000)
    parts = []
    if t:
        parts.append("mille" if t == 1 else below1000(t, final=False) + " mille")
    if r:
        parts.append(below1000(r, final=True))
    text = " ".join(parts)
    return text.replace(" ", "-") if reform else text


DE_SMALL = ("null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn "
            "vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn").split()
DE_TENS = "_ _ zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split()


def spell_de(n: int, *, ein: bool, swiss: bool) -> str:
    def below100(k: int, final: bool) -> str:
        if k == 1:
            return "eins" if final else "ein"
        if k < 20:
            return DE_SMALL[k]
        t, u = divmod(k, 10)
        if u == 0:
            return DE_TENS[t]
        return ("ein" if u == 1 else DE_SMALL[u]) + "und" + DE_TENS[t]

    def below1000(k: int, final: bool) -> str:
        h, r = divmod(k, 100)
        text = ""
        if h:
            text = ("ein" if ein else "") + "hundert" if h == 1 else DE_SMALL[h] + "hundert"
        if r:
            text += below100(r, final)
        return text

    t, r = divmod(n, 1000)
    text = ""
    if t:
        text = (("ein" if ein else "") if t == 1 else below1000(t, final=False)) + "tausend"
    if r:
        text += below1000(r, final=True)
    return text.replace("ß", "ss") if swiss else text


def _spell(lang: str, n: int, style: int) -> str:
    """One spelling of ``n``; ``style`` picks among the spellings each language has."""
    if lang == "en":
        return spell_en(n, and_=bool(style & 1), hyphen=bool(style & 2), article=bool(style & 4))
    if lang == "fr":
        return spell_fr(n, reform=bool(style & 1))
    return spell_de(n, ein=bool(style & 1), swiss=bool(style & 2))


def _expect(lang: str, n: int, spelled: str, got: tuple[int, Decimal] | None,
            offset: int = 0) -> None:
    if n == 1 and lang in ("en", "fr"):  # "one", "un": an article alone
        assert got is None, spelled
        return
    assert got == (offset + len(spelled), Decimal(n)), spelled


def test_spellers_agree_with_the_table() -> None:
    """The spellers are right where it is easy to get wrong."""
    assert spell_fr(80, reform=False) == "quatre-vingts"
    assert spell_fr(80_000, reform=False) == "quatre-vingt mille"
    assert spell_fr(200, reform=False) == "deux cents"
    assert spell_fr(200_000, reform=False) == "deux cent mille"
    assert spell_fr(71, reform=True) == "soixante-et-onze"
    assert spell_fr(91, reform=False) == "quatre-vingt-onze"
    assert spell_en(250_000, and_=True, hyphen=True, article=False) == \
        "two hundred and fifty thousand"
    assert spell_en(100, and_=False, hyphen=False, article=True) == "a hundred"
    assert spell_de(101_001, ein=False, swiss=False) == "hunderteintausendeins"
    assert spell_de(21, ein=False, swiss=False) == "einundzwanzig"


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_every_number_below_ten_thousand(lang: str) -> None:
    for n in range(1, 10_000):
        for style in range(8 if lang == "en" else 4 if lang == "de" else 2):
            spelled = _spell(lang, n, style)
            _expect(lang, n, spelled, cardinal_at(spelled, 0, len(spelled), lang))


SUFFIXES = {"en": [" people", ".", " million", ", officials said", " per cent"],
            "fr": [" personnes", ".", " millions", ", selon la police", " pour cent"],
            "de": [" Menschen", ".", " Millionen", ", sagte sie", " Prozent"]}
PREFIXES = {"en": ["", "About ", "(", "rose to "], "fr": ["", "Environ ", "« ", "près de "],
            "de": ["", "Rund ", "„", "mehr als "]}


@settings(max_examples=300, deadline=None)
@given(lang=st.sampled_from(["de", "en", "fr"]), n=st.integers(1, 999_999),
       style=st.integers(0, 7), capital=st.booleans(), data=st.data())
def test_spelled_numbers_read_back(lang: str, n: int, style: int, capital: bool,
                                   data: st.DataObject) -> None:
    spelled = _spell(lang, n, style)
    if capital:
        spelled = spelled[0].upper() + spelled[1:]
    _expect(lang, n, spelled, cardinal_at(spelled, 0, len(spelled), lang))
    prefix = data.draw(st.sampled_from(PREFIXES[lang]))
    suffix = data.draw(st.sampled_from(SUFFIXES[lang]))
    text = prefix + spelled + suffix
    _expect(lang, n, spelled, cardinal_at(text, len(prefix), len(text), lang), len(prefix))
