"""claimcheck.units: one pint registry, currencies as dimensions, surface forms."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import units
from claimcheck.units import (
    UnitError,
    canonical_unit,
    convert,
    currency_before_pattern,
    dimension,
    get_registry,
    unit_after_pattern,
)

LANGS = ("de", "en", "fr")


def _after(lang: str, flags: int = 0) -> regex.Pattern[str]:
    return regex.compile(unit_after_pattern(lang), flags)


def _before(lang: str) -> regex.Pattern[str]:
    return regex.compile(currency_before_pattern(lang))


# --------------------------------------------------------------------------
# surface -> canonical

SURFACES = [
    # German
    ("de", "%", "percent"),
    ("de", "Prozent", "percent"),
    ("de", "‰", "permille"),
    ("de", "Promille", "permille"),
    ("de", "Prozentpunkte", "percentage_point"),
    ("de", "Prozentpunkt", "percentage_point"),
    ("de", "Prozentpunkten", "percentage_point"),
    ("de", "%-Punkte", "percentage_point"),
    ("de", "Basispunkte", "basis_point"),
    ("de", "€", "EUR"),
    ("de", "Euro", "EUR"),
    ("de", "EUR", "EUR"),
    ("de", "$", "USD"),
    ("de", "US-Dollar", "USD"),
    ("de", "Dollar", "USD"),
    ("de", "Franken", "CHF"),
    ("de", "Schweizer Franken", "CHF"),
    ("de", "Fr.", "CHF"),
    ("de", "SFr.", "CHF"),
    ("de", "CHF", "CHF"),
    ("de", "Pfund", "GBP"),
    ("de", "£", "GBP"),
    ("de", "Yen", "JPY"),
    ("de", "Rubel", "RUB"),
    ("de", "Hrywnja", "UAH"),
    ("de", "km", "kilometer"),
    ("de", "Kilometer", "kilometer"),
    ("de", "Kilometern", "kilometer"),
    ("de", "Meilen", "mile"),
    ("de", "m", "meter"),
    ("de", "Meter", "meter"),
    ("de", "cm", "centimeter"),
    ("de", "mm", "millimeter"),
    ("de", "km²", "square_kilometer"),
    ("de", "km2", "square_kilometer"),
    ("de", "Quadratkilometer", "square_kilometer"),
    ("de", "ha", "hectare"),
    ("de", "Hektar", "hectare"),
    ("de", "t", "metric_ton"),
    ("de", "Tonnen", "metric_ton"),
    ("de", "kg", "kilogram"),
    ("de", "Kilogramm", "kilogram"),
    ("de", "l", "liter"),
    ("de", "Liter", "liter"),
    ("de", "m³", "cubic_meter"),
    ("de", "Barrel", "oil_barrel"),
    ("de", "MW", "megawatt"),
    ("de", "Megawatt", "megawatt"),
    ("de", "GW", "gigawatt"),
    ("de", "kW", "kilowatt"),
    ("de", "kWh", "kilowatt_hour"),
    ("de", "TWh", "terawatt_hour"),
    ("de", "Terawattstunden", "terawatt_hour"),
    ("de", "km/h", "kilometer / hour"),
    ("de", "Stundenkilometer", "kilometer / hour"),
    ("de", "°C", "degree_Celsius"),
    ("de", "Grad Celsius", "degree_Celsius"),
    ("de", "Grad", "degree_Celsius"),
    ("de", "grad  celsius", "degree_Celsius"),  # case-insensitive words, whitespace runs
    # English
    ("en", "%", "percent"),
    ("en", "percent", "percent"),
    ("en", "per cent", "percent"),
    ("en", "percentage points", "percentage_point"),
    ("en", "percentage point", "percentage_point"),
    ("en", "pp", "percentage_point"),
    ("en", "basis points", "basis_point"),
    ("en", "$", "USD"),
    ("en", "US$", "USD"),
    ("en", "dollars", "USD"),
    ("en", "US dollars", "USD"),
    ("en", "euros", "EUR"),
    ("en", "€", "EUR"),
    ("en", "£", "GBP"),
    ("en", "pounds", "GBP"),
    ("en", "Swiss francs", "CHF"),
    ("en", "yen", "JPY"),
    ("en", "yuan", "CNY"),
    ("en", "roubles", "RUB"),
    ("en", "hryvnias", "UAH"),
    ("en", "CA$", "CAD"),
    ("en", "km", "kilometer"),
    ("en", "kilometres", "kilometer"),
    ("en", "kilometers", "kilometer"),
    ("en", "miles", "mile"),
    ("en", "metres", "meter"),
    ("en", "square kilometres", "square_kilometer"),
    ("en", "hectares", "hectare"),
    ("en", "tonnes", "metric_ton"),
    ("en", "tons", "metric_ton"),
    ("en", "metric tons", "metric_ton"),
    ("en", "barrels", "oil_barrel"),
    ("en", "litres", "liter"),
    ("en", "megawatts", "megawatt"),
    ("en", "kilowatt-hours", "kilowatt_hour"),
    ("en", "mph", "mile / hour"),
    ("en", "miles per hour", "mile / hour"),
    ("en", "kph", "kilometer / hour"),
    ("en", "degrees Celsius", "degree_Celsius"),
    ("en", "°F", "degree_Fahrenheit"),
    ("en", "Dollars", "USD"),
    # French
    ("fr", "%", "percent"),
    ("fr", "pour cent", "percent"),
    ("fr", "pourcent", "percent"),
    ("fr", "points de pourcentage", "percentage_point"),
    ("fr", "point de pourcentage", "percentage_point"),
    ("fr", "points de base", "basis_point"),
    ("fr", "€", "EUR"),
    ("fr", "euros", "EUR"),
    ("fr", "d'euros", "EUR"),
    ("fr", "d’euros", "EUR"),
    ("fr", "de dollars", "USD"),
    ("fr", "dollars", "USD"),
    ("fr", "$US", "USD"),
    ("fr", "$", "USD"),
    ("fr", "francs suisses", "CHF"),
    ("fr", "de francs suisses", "CHF"),
    ("fr", "francs CFA", "XOF"),
    ("fr", "livres sterling", "GBP"),
    ("fr", "de livres sterling", "GBP"),
    ("fr", "roubles", "RUB"),
    ("fr", "kilomètres", "kilometer"),
    ("fr", "mètres", "meter"),
    ("fr", "km²", "square_kilometer"),
    ("fr", "kilomètres carrés", "square_kilometer"),
    ("fr", "hectares", "hectare"),
    ("fr", "d'hectares", "hectare"),
    ("fr", "tonnes", "metric_ton"),
    ("fr", "de tonnes", "metric_ton"),
    ("fr", "barils", "oil_barrel"),
    ("fr", "de barils", "oil_barrel"),
    ("fr", "litres", "liter"),
    ("fr", "mégawatts", "megawatt"),
    ("fr", "térawattheures", "terawatt_hour"),
    ("fr", "km/h", "kilometer / hour"),
    ("fr", "kilomètres-heure", "kilometer / hour"),
    ("fr", "degrés", "degree_Celsius"),
    ("fr", "degrés Celsius", "degree_Celsius"),
    ("fr", "°C", "degree_Celsius"),
    # unknown language: union of all
    ("xx", "Prozent", "percent"),
    ("xx", "d'euros", "EUR"),
    ("de-CH", "Fr.", "CHF"),
]


@pytest.mark.parametrize(
    ("lang", "surface", "canonical"),
    SURFACES,
    ids=[f"{lang}:{surface}" for lang, surface, _ in SURFACES],
)
def test_canonical_unit(lang: str, surface: str, canonical: str) -> None:
    assert canonical_unit(surface, lang) == canonical


def test_surface_table_is_big_enough() -> None:
    assert sum(1 for lang, *_ in SURFACES if lang in LANGS) >= 60


UNKNOWN = [
    ("de", "M"),  # case matters for symbols: M is not metre
    ("de", "T"),
    ("en", "KM"),
    ("en", "bucks"),
    ("fr", "livres"),  # also "books"
    ("fr", "mille"),  # a number, not the mile
    ("de", "Menschen"),
    ("en", "°"),
    ("en", ""),
]


@pytest.mark.parametrize(("lang", "surface"), UNKNOWN, ids=[f"{lg}:{s!r}" for lg, s in UNKNOWN])
def test_canonical_unit_unknown_raises_keyerror(lang: str, surface: str) -> None:
    with pytest.raises(KeyError):
        canonical_unit(surface, lang)


# --------------------------------------------------------------------------
# the after-figure pattern

AFTER = [
    ("de", "km/h heftig", "km/h"),
    ("de", "km heftig", "km"),
    ("de", "Menschen", None),
    ("de", "Meter hoch", "Meter"),
    ("de", "m hoch", "m"),
    ("de", "m.", "m"),
    ("de", "% der Stimmen", "%"),
    ("de", "%-Punkte mehr", "%-Punkte"),
    ("de", "%ige Steigerung", "%"),
    ("de", "Prozentpunkte", "Prozentpunkte"),
    ("de", "Prozentpunkten weniger", "Prozentpunkten"),
    ("de", "Prozent der", "Prozent"),
    ("de", "Prozentsatz", None),
    ("de", "€ pro Monat", "€"),
    ("de", "Md€", None),  # scale + currency is the claim builder's job
    ("de", "Euro.", "Euro"),
    ("de", "Euroscheine", None),
    ("de", "US-Dollar", "US-Dollar"),
    ("de", "Schweizer Franken", "Schweizer Franken"),
    ("de", "Fr. bezahlt", "Fr."),
    ("de", "km² groß", "km²"),
    ("de", "kmh", "kmh"),
    ("de", "kmhx", None),
    ("de", "Grad Celsius warm", "Grad Celsius"),
    ("de", "Grad warm", "Grad"),
    ("de", "° C", "° C"),
    ("de", "t Stahl", "t"),
    ("de", "Tonnen CO2", "Tonnen"),
    ("de", "TWh Strom", "TWh"),
    ("de", "Stundenkilometern", "Stundenkilometern"),
    ("de", "Meilen", "Meilen"),
    ("de", "Hektar Wald", "Hektar"),
    ("en", "percentage points higher", "percentage points"),
    ("en", "per cent of", "per cent"),
    ("en", "percent of", "percent"),
    ("en", "km/h winds", "km/h"),
    ("en", "miles per hour", "miles per hour"),
    ("en", "miles away", "miles"),
    ("en", "mph", "mph"),
    ("en", "US dollars", "US dollars"),
    ("en", "dollars", "dollars"),
    ("en", "bucks", None),
    ("en", "m tall", "m"),
    ("en", "men", None),
    ("en", "kilometres", "kilometres"),
    ("en", "square\u00a0kilometres", "square\u00a0kilometres"),
    ("en", "degrees Celsius", "degrees Celsius"),
    ("en", "°C", "°C"),
    ("en", "kilowatt-hours", "kilowatt-hours"),
    ("fr", "d'euros", "d'euros"),
    ("fr", "d’euros", "d’euros"),
    ("fr", "de dollars", "de dollars"),
    ("fr", "de francs suisses", "de francs suisses"),
    ("fr", "francs suisses", "francs suisses"),
    ("fr", "points de pourcentage", "points de pourcentage"),
    ("fr", "point de pourcentage", "point de pourcentage"),
    ("fr", "pour cent", "pour cent"),
    ("fr", "pourcent", "pourcent"),
    ("fr", "%", "%"),
    ("fr", "€", "€"),
    ("fr", "$US", "$US"),
    ("fr", "mètres", "mètres"),
    ("fr", "degrés", "degrés"),
    ("fr", "l'an", None),  # 'l' (litre) must not match before an apostrophe
    ("fr", "de la", None),
    ("xx", "Prozentpunkte", "Prozentpunkte"),
    ("xx", "points de pourcentage", "points de pourcentage"),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"), AFTER, ids=[f"{lg}:{t}" for lg, t, _ in AFTER]
)
def test_unit_after_pattern(lang: str, text: str, expected: str | None) -> None:
    m = _after(lang).match(text)
    if expected is None:
        assert m is None, m
    else:
        assert m is not None
        assert m.group(0) == expected
        canonical_unit(m.group(0), lang)  # every match has a canonical unit


def test_after_pattern_case_sensitive_even_under_ignorecase() -> None:
    pat = _after("de", regex.IGNORECASE)
    assert pat.match("M hoch") is None  # M is not metre
    assert pat.match("T Stahl") is None
    assert pat.match("KILOMETER").group(0) == "KILOMETER"


@pytest.mark.parametrize("lang", [*LANGS, "xx"])
def test_patterns_have_no_capturing_groups(lang: str) -> None:
    assert _after(lang).groups == 0
    assert _before(lang).groups == 0


@pytest.mark.parametrize("lang", LANGS)
def test_every_surface_matches_itself_whole(lang: str) -> None:
    """Longest alternatives first: each known surface matches completely."""
    pat = _after(lang)
    table = units._table(units._norm_lang(lang))
    surfaces = list(table.cs) + list(table.ci_display.values())
    for s in surfaces:
        m = pat.match(s + " x")
        assert m is not None and m.group(0) == s, (s, m)
        # and it maps back to a canonical unit
        canonical_unit(m.group(0), lang)


@settings(max_examples=200, deadline=None)
@given(
    lang=st.sampled_from([*LANGS, "xx"]),
    text=st.text(alphabet="mkMtTlh%€$ °C/²aeprozntgdu'", max_size=12),
)
def test_matches_are_known_surfaces_with_boundaries(lang: str, text: str) -> None:
    m = _after(lang).match(text)
    if m is None:
        return
    got = m.group(0)
    assert got
    canonical_unit(got, lang)
    rest = text[m.end() :]
    if got[-1].isalnum() and rest:
        assert not (rest[0].isalnum() or rest[0] in "_'’")


# --------------------------------------------------------------------------
# currency before a figure

BEFORE = [
    ("en", "$5bn", "$"),
    ("en", "US$ 12", "US$"),
    ("en", "€450m", "€"),
    ("en", "£3", "£"),
    ("de", "CHF 2,5 Mio.", "CHF"),
    ("de", "EUR 100", "EUR"),
    ("de", "USD 7", "USD"),
    ("de", "Fr. 20.–", "Fr."),
    ("de", "SFr. 20.–", "SFr."),
    ("fr", "$US 4", "$US"),
    ("fr", "€ 5", "€"),
    ("de", "EURO 5", None),
    ("de", "Euro 5", None),  # names only follow the figure
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"), BEFORE, ids=[f"{lg}:{t}" for lg, t, _ in BEFORE]
)
def test_currency_before_pattern(lang: str, text: str, expected: str | None) -> None:
    m = _before(lang).match(text)
    if expected is None:
        assert m is None, m
    else:
        assert m is not None and m.group(0) == expected
        assert dimension(canonical_unit(m.group(0), lang)).startswith("[currency_")


def test_before_pattern_needs_left_boundary() -> None:
    assert _before("de").search("XEUR 5") is None


# --------------------------------------------------------------------------
# registry, dimensions, conversion


def test_one_registry() -> None:
    import pint

    ureg = get_registry()
    assert get_registry() is ureg
    assert pint.get_application_registry().get() is ureg


@pytest.mark.parametrize("lang", [*LANGS, "xx"])
def test_all_canonical_names_parse_in_registry(lang: str) -> None:
    ureg = get_registry()
    table = units._table(units._norm_lang(lang))
    for name in {*table.cs.values(), *table.ci.values()}:
        ureg.parse_units(name)  # raises if pint does not know the name
        assert isinstance(dimension(name), str)


DIMENSIONS = [
    ("percent", "[percent]"),
    ("permille", "[percent]"),
    ("%", "[percent]"),
    ("percentage_point", "[percentage_point]"),
    ("basis_point", "[percentage_point]"),
    ("pp", "[percentage_point]"),
    ("EUR", "[currency_EUR]"),
    ("€", "[currency_EUR]"),
    ("USD", "[currency_USD]"),
    ("$", "[currency_USD]"),
    ("GBP", "[currency_GBP]"),
    ("CHF", "[currency_CHF]"),
    ("JPY", "[currency_JPY]"),
    ("CNY", "[currency_CNY]"),
    ("RUB", "[currency_RUB]"),
    ("UAH", "[currency_UAH]"),
    ("", ""),
    ("count", ""),
    ("dimensionless", ""),
    ("kilometer", "[length]"),
    ("mile", "[length]"),
    ("square_kilometer", "[length] ** 2"),
    ("hectare", "[length] ** 2"),
    ("metric_ton", "[mass]"),
    ("cubic_meter", "[length] ** 3"),
    ("oil_barrel", "[length] ** 3"),
    ("kilometer / hour", "[length] / [time]"),
    ("degree_Celsius", "[temperature]"),
    ("Prozent", "[percent]"),
]


@pytest.mark.parametrize(("unit", "dim"), DIMENSIONS, ids=[u or "''" for u, _ in DIMENSIONS])
def test_dimension(unit: str, dim: str) -> None:
    assert dimension(unit) == dim


def test_dimension_keys_keep_apart_what_must_not_be_compared() -> None:
    assert dimension("percent") != dimension("percentage_point")
    assert dimension("percent") != dimension("")
    assert dimension("percentage_point") != dimension("")
    assert dimension("EUR") != dimension("USD")
    assert dimension("megawatt") == dimension("watt") != dimension("kilowatt_hour")


def test_shortcut_dimensions_are_pints() -> None:
    """units._dimension answers counts and points without pint, as pint would (percent is
    kept apart from counts on purpose: pint calls it dimensionless)."""
    from claimcheck.units import get_registry

    ureg = get_registry()
    assert str(ureg.parse_units("dimensionless").dimensionality) == "dimensionless"
    for unit in ("", "1", "count", "dimensionless"):
        assert dimension(unit) == ""
    assert dimension("percentage_point") == str(ureg.parse_units("percentage_point").dimensionality)


def test_dimension_unknown_raises() -> None:
    with pytest.raises(UnitError):
        dimension("frobnitz")
    with pytest.raises(UnitError):
        dimension("₿")  # a currency symbol we do not know is never handed to pint


CONVERSIONS = [
    (50, "mile", "kilometer", 80.4672),
    (1, "hectare", "square_kilometer", 0.01),
    (1, "ha", "km²", 0.01),
    (100, "kilometer / hour", "mile / hour", 62.1371),
    (1, "metric_ton", "kilogram", 1000),
    (2.5, "terawatt_hour", "gigawatt_hour", 2500),
    (1500, "megawatt", "gigawatt", 1.5),
    (20, "degree_Celsius", "degree_Fahrenheit", 68),
    (5, "percent", "permille", 50),
    (25, "basis_point", "percentage_point", 0.25),
    (12, "EUR", "EUR", 12),
    (12, "€", "euro", 12),
    (1, "oil_barrel", "liter", 158.987),
]


@pytest.mark.parametrize(
    ("value", "src", "dst", "expected"),
    CONVERSIONS,
    ids=[f"{s}->{d}" for _, s, d, _ in CONVERSIONS],
)
def test_convert(value: float, src: str, dst: str, expected: float) -> None:
    got = convert(value, src, dst)
    assert isinstance(got, float)
    assert math.isclose(got, expected, rel_tol=1e-4)


INCOMPATIBLE = [
    ("EUR", "USD"),
    ("€", "$"),
    ("GBP", "CHF"),
    ("percent", "percentage_point"),
    ("percent", "dimensionless"),
    ("percent", ""),
    ("percentage_point", "count"),
    ("kilometer", "hectare"),
    ("EUR", "kilometer"),
]


@pytest.mark.parametrize(("src", "dst"), INCOMPATIBLE, ids=[f"{s}->{d}" for s, d in INCOMPATIBLE])
def test_convert_between_dimensions_raises(src: str, dst: str) -> None:
    with pytest.raises(UnitError):
        convert(1.0, src, dst)
    with pytest.raises(ValueError):  # UnitError is a ValueError
        convert(1.0, dst, src)


def test_registry_itself_keeps_currencies_apart() -> None:
    import pint

    ureg = get_registry()
    with pytest.raises(pint.DimensionalityError):
        ureg.Quantity(1, "EUR").to("USD")
    with pytest.raises(pint.DimensionalityError):
        ureg.Quantity(1, "percentage_point").to("percent")


# --------------------------------------------------------------------------
# laziness


def test_patterns_and_canonical_unit_do_not_import_pint() -> None:
    code = (
        "import sys, claimcheck.units as u\n"
        "assert 'pint' not in sys.modules\n"
        "for lang in ('de', 'en', 'fr', 'xx'):\n"
        "    u.unit_after_pattern(lang); u.currency_before_pattern(lang)\n"
        "assert u.canonical_unit('km', 'de') == 'kilometer'\n"
        "assert 'pint' not in sys.modules, 'pint imported eagerly'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("lang", ["de", "en", "fr", "xx"])
def test_first_char_dispatch_matches_what_the_flat_alternation_matches(lang: str) -> None:
    """Every unit surface, in several casings and followed by several characters, is read
    the same (same span) by the dispatched pattern and the flat alternation."""
    import regex

    from claimcheck import units

    code = units._norm_lang(lang)
    items = units._after_items(code)
    flat = regex.compile(rf"(?:\s)?{units._alternation(items, end=units._END)}", regex.IGNORECASE)
    fast = regex.compile(rf"(?:\s)?{units.unit_after_pattern(lang)}", regex.IGNORECASE)
    checked = 0
    for surface, _ in items:
        for form in {surface, surface.lower(), surface.upper(), surface.title(), surface.casefold()}:
            for text in (form, " " + form, form + "s", form + ".", form + " x", form + "\u2019s"):
                a, b = flat.match(text), fast.match(text)
                assert (a and a.span()) == (b and b.span()), (lang, text)
                checked += 1
    assert checked > 1000
