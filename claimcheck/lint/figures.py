"""The figures inside a claim as written: digits, separators, and the convention they follow.

A claim keeps its chosen reading and the other readings (``alternatives``); lint needs
the same per figure as written ("95,000 bis 100,000" has two), and which mark each
separator plays (group or decimal).  Tokens are found with the claim engine's own
number pattern (grammar.py) inside the claim's span, so lint and extract never
disagree about where a figure is.  Suggestions are formatted with Babel.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from babel import Locale
from babel import numbers as babel_numbers

from ..claims import rounding_halfwidth
from ..convention import (
    CONVENTION_LOCALES,
    convention_symbols,
    distinct_values,
    readings_of,
    split_runs,
)
from ..grammar import get_grammar
from ..model import Claim, NumberFormat, Reading

SPACE_GROUPS = frozenset(" \u00a0\u202f\u2009")
APOSTROPHE_GROUPS = frozenset("'\u2019")


@dataclass(frozen=True, slots=True)
class Figure:
    """One digit figure of a claim."""

    raw: str
    start: int
    end: int
    readings: tuple[Reading, ...]
    chosen: Reading | None

    @property
    def separated(self) -> bool:
        return any(not ch.isdigit() for ch in self.raw)

    @property
    def ambiguous_alone(self) -> bool:
        """Whether the digits by themselves read as different values under some conventions."""
        return len(distinct_values(self.readings)) > 1

    @property
    def marks(self) -> tuple[str | None, str | None]:
        """(group class, decimal mark) as the chosen reading uses the separators."""
        if self.chosen is None:
            return None, None
        return marks_of(self.raw, self.chosen.number_format)

    def reading_in(self, conv: NumberFormat) -> Reading | None:
        for r in self.readings:
            if r.number_format == conv:
                return r
        return None


def group_class(sep: str) -> str:
    if sep in SPACE_GROUPS:
        return "space"
    if sep in APOSTROPHE_GROUPS:
        return "apostrophe"
    return sep


def marks_of(raw: str, fmt: NumberFormat) -> tuple[str | None, str | None]:
    _runs, seps = split_runs(raw)
    if not seps:
        return None, None
    if fmt == NumberFormat.PLAIN:
        decimal_mark = "."
    else:
        sym = convention_symbols().get(fmt)
        decimal_mark = sym.decimal if sym else "."
    decimal = seps[-1] if seps[-1] == decimal_mark else None
    groups = seps[:-1] if decimal else seps
    return (group_class(groups[0]) if groups else None), decimal


def figures_of(text: str, claim: Claim) -> list[Figure]:
    """The digit figures in ``text[claim.start:claim.end]`` with their chosen reading."""
    grammar = get_grammar(claim.lang)
    alt_values = {r.value for r in claim.alternatives}
    out = []
    for m in grammar.number_re.finditer(text, claim.start, claim.end):
        raw = m.group("num")
        readings = readings_of(raw)
        if not readings:
            continue
        out.append(Figure(raw, m.start("num"), m.end("num"), readings,
                          _chosen(readings, claim, alt_values)))
    return out


def _chosen(
    readings: tuple[Reading, ...], claim: Claim, alt_values: set[Decimal]
) -> Reading | None:
    if len(distinct_values(readings)) == 1:
        for r in readings:
            if r.number_format == claim.number_format:
                return r
        return readings[0]
    kept = [r for r in readings if r.value not in alt_values]
    if len({r.value for r in kept}) == 1:
        for r in kept:
            if r.number_format == claim.number_format:
                return r
        return kept[0]
    for r in readings:
        if r.number_format == claim.number_format:
            return r
    return None


def fraction_digits(value: Decimal) -> int:
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def format_in(value: Decimal, conv: NumberFormat, decimals: int | None = None) -> str:
    """``value`` written in convention ``conv`` (Babel), keeping ``decimals`` fraction digits."""
    if conv in (NumberFormat.PLAIN, NumberFormat.WORDS):
        return str(value)
    places = fraction_digits(value) if decimals is None else decimals
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return babel_numbers.format_decimal(value, format=pattern, locale=CONVENTION_LOCALES[conv])


def plain(value: Decimal) -> str:
    """A value for a message: no grouping, no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text


@cache
def language_name(code: str) -> str:
    """English name of a language or convention ("de" → "German", "ch" → "Swiss")."""
    if code == "ch":
        return "Swiss"
    return Locale("en").languages.get(code, code)


def convention_label(conv: NumberFormat | str) -> str:
    value = conv.value if isinstance(conv, NumberFormat) else conv
    return f"{language_name(value)} ({value})"


def halfwidth(claim: Claim, figure: Figure | None, *, digits_only: bool = False) -> Decimal:
    """Half the rounding unit of a claim's figure as written, in the claim's unit.

    ``digits_only``: half a unit of the last digit written ("20" ± 0.5); otherwise the
    claim engine's rounding, where trailing zeros count ("20" ± 5).
    """
    if figure is None or figure.chosen is None or claim.value is None:
        return Decimal(0)
    mantissa = figure.chosen.value
    if mantissa == 0:
        return Decimal(0)
    scale = abs(claim.value / mantissa)
    if digits_only:
        exp = mantissa.as_tuple().exponent
        step = Decimal(1).scaleb(exp) if isinstance(exp, int) and exp < 0 else Decimal(1)
        return step / 2 * scale
    return rounding_halfwidth(mantissa) * scale
