"""Read a token's digits under every number convention, and let the document decide.

Conventions (``NumberFormat``): ``en`` 1,234.5 · ``de`` 1.234,5 · ``fr`` 1 234,5 (U+0020,
U+00A0, U+202F or U+2009 between groups) · ``ch`` 1'234.5 / 1’234.5 · ``plain`` 1234 and
1234.5.  The group and decimal symbols of each convention come from Babel's CLDR data
for the convention's locale; rules/ adds only what CLDR lacks (the typographic
apostrophe U+2019 and the other spaces French text uses).

A token such as "94,000" reads 94000 (en) or 94 (de/fr): it is *ambiguous*.  The
document's unambiguous tokens ("2,5" is comma-decimal, "3.5" dot-decimal) vote for a
decimal mark; plausibility (nobody writes 94 as "94,000"; counts of people are whole
numbers) and the sentence language break ties.  Whatever is guessed keeps
``ambiguous=True`` and the other readings as alternatives.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Final

from babel import numbers as babel_numbers

from .model import NumberFormat, Reading

# Enum members as module constants: on Python 3.11 every ``NumberFormat.PLAIN`` goes through
# EnumType.__getattr__ (four times a class attribute); compiled code reads these directly.
FMT_CH: Final = NumberFormat.CH
FMT_DE: Final = NumberFormat.DE
FMT_EN: Final = NumberFormat.EN
FMT_FR: Final = NumberFormat.FR
FMT_PLAIN: Final = NumberFormat.PLAIN

# Babel locale per convention (the only place besides scale.py that names CLDR locales).
CONVENTION_LOCALES: dict[NumberFormat, str] = {
    FMT_EN: "en_US",
    FMT_DE: "de_DE",
    FMT_FR: "fr_FR",
    FMT_CH: "de_CH",
}
# What CLDR lacks: the typographic apostrophe (Swiss print), and the other spaces French
# text is written with (CLDR fr uses U+202F; U+00A0, U+2009 and U+0020 are common too).
GROUP_SUPPLEMENTS: dict[NumberFormat, tuple[str, ...]] = {
    FMT_CH: ("\u2019",),
    FMT_FR: ("\u00a0", "\u2009", " "),
}
COMMA_DECIMAL: Final = frozenset({FMT_DE, FMT_FR})
DOT_DECIMAL: Final = frozenset({FMT_EN, FMT_CH, FMT_PLAIN})


@dataclass(frozen=True, slots=True)
class Symbols:
    group: frozenset[str]
    decimal: str


@cache
def convention_symbols() -> dict[NumberFormat, Symbols]:
    """Group and decimal symbols per convention, from CLDR plus the supplements."""
    out = {}
    for fmt, locale in CONVENTION_LOCALES.items():
        group = {babel_numbers.get_group_symbol(locale)} | set(GROUP_SUPPLEMENTS.get(fmt, ()))
        out[fmt] = Symbols(frozenset(group), babel_numbers.get_decimal_symbol(locale))
    return out


@cache
def separator_chars() -> str:
    """Every character that can stand between digit runs in some convention."""
    chars: set[str] = set()
    for sym in convention_symbols().values():
        chars |= sym.group
        chars.add(sym.decimal)
    return "".join(sorted(chars))


def split_runs(raw: str) -> tuple[list[str], list[str]]:
    """'1.234,5' → (['1', '234', '5'], ['.', ','])."""
    runs: list[str] = []
    seps: list[str] = []
    cur = []
    for ch in raw:
        if "0" <= ch <= "9":
            cur.append(ch)
        else:
            runs.append("".join(cur))
            seps.append(ch)
            cur = []
    runs.append("".join(cur))
    return runs, seps


def _grouped_ok(runs: list[str]) -> bool:
    """First group 1–3 digits (no leading zero unless it is '0'... which groups never are),
    every later group exactly three."""
    first = runs[0]
    if not 1 <= len(first) <= 3 or (first[0] == "0"):
        return False
    return all(len(r) == 3 for r in runs[1:])


@lru_cache(maxsize=65536)
def readings_of(raw: str) -> tuple[Reading, ...]:
    """Every convention under which ``raw`` (digits and separators only) is well formed.

    >>> [(r.number_format.value, str(r.value)) for r in readings_of("94,000")]
    [('en', '94000'), ('de', '94.000'), ('fr', '94.000')]
    """
    runs, seps = split_runs(raw)
    if any(not r for r in runs):
        return ()
    if not seps:
        return (Reading(FMT_PLAIN, Decimal(raw)),)
    symbols = convention_symbols()
    out: list[Reading] = []
    for fmt, sym in symbols.items():
        value = _read_with(runs, seps, sym)
        if value is not None:
            out.append(Reading(fmt, value))
    # plain: no grouping at all, a decimal point ("1234.5", "3.5")
    if len(seps) == 1 and seps[0] == "." and (len(runs[0]) == 1 or runs[0][0] != "0"):
        out.append(Reading(FMT_PLAIN, Decimal(f"{runs[0]}.{runs[1]}")))
    return tuple(out)


def _read_with(runs: list[str], seps: list[str], sym: Symbols) -> Decimal | None:
    """Value of the runs under one convention, or None if not well formed there."""
    if seps[-1] == sym.decimal:
        int_runs, frac = runs[:-1], runs[-1]
        int_seps = seps[:-1]
    else:
        int_runs, frac = runs, None
        int_seps = seps
    if any(s not in sym.group for s in int_seps):
        return None
    if int_seps:
        if len(set(int_seps)) != 1 or not _grouped_ok(int_runs):
            return None
    else:
        head = int_runs[0]
        if len(head) > 1 and head[0] == "0":
            return None
    digits = "".join(int_runs)
    return Decimal(f"{digits}.{frac}") if frac is not None else Decimal(digits)


def distinct_values(readings: tuple[Reading, ...]) -> set[Decimal]:
    return {r.value for r in readings}


@dataclass(frozen=True, slots=True)
class DocumentConvention:
    """The decimal mark a document's own unambiguous figures vote for."""

    comma_votes: int
    dot_votes: int
    formats: Counter

    @property
    def decided(self) -> str | None:
        if self.comma_votes > self.dot_votes:
            return "comma"
        if self.dot_votes > self.comma_votes:
            return "dot"
        return None

    @property
    def mixed(self) -> bool:
        return self.comma_votes > 0 and self.dot_votes > 0


def one_value(readings: tuple[Reading, ...]) -> bool:
    """``len(distinct_values(readings)) == 1``, without building the set."""
    if not readings:
        return False
    first = readings[0].value
    for r in readings:
        if r.value != first:
            return False
    return True


def vote(readings: tuple[Reading, ...]) -> str | None:
    """'comma' or 'dot' when a token's readings all share that decimal family."""
    if not one_value(readings):
        return None
    comma = dot = True
    plain_only = True
    for r in readings:
        fmt = r.number_format
        if fmt not in COMMA_DECIMAL:
            comma = False
        if fmt not in DOT_DECIMAL:
            dot = False
        if fmt is not FMT_PLAIN:
            plain_only = False
    if comma:
        return "comma"
    if dot and not plain_only:
        return "dot"
    return None


def _only_named(readings: tuple[Reading, ...]) -> NumberFormat | None:
    """The one convention other than plain among ``readings``, if exactly one."""
    named: NumberFormat | None = None
    for r in readings:
        fmt = r.number_format
        if fmt is FMT_PLAIN or fmt is named:
            continue
        if named is not None:
            return None
        named = fmt
    return named


def infer_document_convention(token_readings: list[tuple[Reading, ...]]) -> DocumentConvention:
    """Count the votes of every unambiguous separated figure in a document.

    ``formats`` counts the figures only one convention can have written ("1'234" is
    ch, "1 234" fr, "1,234.5" en, "1.234,5" de): it names the convention to report
    for figures several conventions share ("4.7" in a Swiss text is ch).
    """
    comma = dot = 0
    formats: Counter = Counter()
    for readings in token_readings:
        v = vote(readings)
        if v == "comma":
            comma += 1
        elif v == "dot":
            dot += 1
        if one_value(readings):
            named = _only_named(readings)
            if named is not None:
                formats[named] = formats.get(named, 0) + 1
    return DocumentConvention(comma, dot, formats)


LANG_PRIOR: dict[str, str] = {"de": "comma", "fr": "comma", "en": "dot"}
LANG_FORMAT: dict[str, NumberFormat] = {
    "de": FMT_DE, "fr": FMT_FR, "en": FMT_EN,
}


def _family(fmt: NumberFormat) -> str:
    return "comma" if fmt in COMMA_DECIMAL else "dot"


def _fractional(reading: Reading) -> bool:
    return reading.value != reading.value.to_integral_value()


def _implausible(reading: Reading, raw: str, *, whole_count: bool) -> bool:
    """A decimal reading nobody would write: '94,000' for 94, or a fractional count."""
    frac = reading.value.as_tuple().exponent
    if not isinstance(frac, int) or frac >= 0:
        return False
    _, seps = split_runs(raw)
    sym = convention_symbols().get(reading.number_format)
    decimal = sym.decimal if sym is not None else "."  # plain: a decimal point
    if not seps or seps[-1] != decimal:
        return False
    tail = raw.rsplit(decimal, 1)[1]
    if len(tail) == 3 and tail.endswith("00"):
        return True  # "94,000" / "1,500" / "3.000" read as decimals
    return whole_count


def choose_reading(
    raw: str,
    readings: tuple[Reading, ...],
    doc: DocumentConvention,
    lang: str,
    *,
    whole_count: bool,
) -> tuple[Reading, bool]:
    """Pick the reading for ``raw``; returns (reading, ambiguous)."""
    if one_value(readings):
        return _label(readings, doc, lang, raw), False
    # Several values: the document decides, then plausibility, then the language.
    prior = LANG_PRIOR.get(lang, "dot")
    decided = doc.decided
    candidates = list(readings)
    chosen: tuple[Reading, ...] = ()
    if decided:
        chosen = tuple(r for r in candidates if _family(r.number_format) == decided)
        if whole_count and chosen and all(_fractional(r) for r in chosen):
            whole = tuple(r for r in candidates if not _fractional(r))
            chosen = whole or chosen  # "1,500 personnes" in a text of "2,5 %": 1500 people, not 1.5
    if not chosen:
        plausible = [r for r in candidates if not _implausible(r, raw, whole_count=whole_count)]
        if plausible and one_value(tuple(plausible)):
            chosen = tuple(plausible)
        else:
            pick = [r for r in (plausible or candidates) if _family(r.number_format) == prior]
            chosen = tuple(pick or plausible or candidates)
    reading = _label(chosen, doc, lang, raw)
    # A guess is flagged when it goes against the language's own convention, when the
    # document mixes conventions, or when the reading is itself implausible ("94,000"
    # read as 94 because the text writes "2,5 Prozent").
    ambiguous = (
        _family(reading.number_format) != prior
        or doc.mixed
        or _implausible(reading, raw, whole_count=whole_count)
    )
    return reading, ambiguous


def _label(
    readings: tuple[Reading, ...], doc: DocumentConvention, lang: str, raw: str = ""
) -> Reading:
    """Among readings of one value, the convention to report.

    No separator at all, or a dot decimal after four or more ungrouped digits
    ("1234.5"), is ``plain``; otherwise the convention the document itself uses
    most, then the sentence language's own, then en (dot) or de (comma).
    """
    by_fmt = {r.number_format: r for r in readings}
    if FMT_PLAIN in by_fmt:
        head = raw.split(".", 1)[0]
        if "." not in raw or len(head) > 3 or len(by_fmt) == 1:
            return by_fmt[FMT_PLAIN]
    named = [f for f in by_fmt if f is not FMT_PLAIN]
    if not named:
        return readings[0]
    counted = [(doc.formats.get(f, 0), f) for f in named]
    best_count, best = max(counted, key=lambda t: (t[0], -FORMAT_ORDER.index(t[1])))
    if best_count > 0:
        return by_fmt[best]
    own = LANG_FORMAT.get(lang)
    if own in by_fmt:
        return by_fmt[own]
    return by_fmt[min(named, key=FORMAT_ORDER.index)]


FORMAT_ORDER: Final = (FMT_EN, FMT_DE, FMT_FR, FMT_CH, FMT_PLAIN)


def parse_number(raw: str, number_format: NumberFormat) -> Decimal:
    """Value of ``raw`` under one convention; raises ValueError when not well formed there."""
    for r in readings_of(raw):
        if r.number_format == number_format:
            return r.value
    if number_format == FMT_PLAIN:
        runs, seps = split_runs(raw)
        if len(seps) == 1 and seps[0] == "." and all(runs):
            return Decimal(raw)
    raise ValueError(f"{raw!r} is not a well-formed {number_format.value} number")
