"""The named checks that lint rules run, registered by name.

A check is ``fn(ctx: DocContext, *, <params>) -> Iterable[Hit]``: it reads one
document's claims (and text), and yields hits at character offsets of the document's
text.  Which rule runs which check, with which params, severity and code, is data in
rules/lint/CCnnn.yaml; the engine turns hits into findings.  Params are keyword-only
and typed by their defaults; the rule loader rejects unknown or mistyped params.

Messages name the figure as written and say what to do.  Every check leans towards
silence: a wrong finding costs an editor's trust faster than a missed one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property
from itertools import pairwise

import regex

from ..convention import LANG_FORMAT
from ..dates import YEAR, find_periods
from ..lexicon import WORD_GAP, alternation, get_lexicon
from ..model import Claim, Document, NumberFormat, Qualifier, Role
from ..scale import scale_words
from ..segment import split_sentences
from ..subjects import get_concepts
from ..units import UnitError, convert, dimension
from .figures import (
    Figure,
    convention_label,
    figures_of,
    format_in,
    fraction_digits,
    halfwidth,
    language_name,
    plain,
)
from .weekdays import find_weekday_dates, infer_year, parse_reference

SP = f"(?:{WORD_GAP})"
YEAR_LIKE_RE = regex.compile(rf"{YEAR}\Z")
"""Four digits that read as a year (1800–2100)."""
BARE_FIGURE_RE = regex.compile(r"[0-9][0-9.,'\u2019\u00a0\u202f ]*")
"""A figure with no word around it ("4" of "von 4 auf 6 Prozent", sharing the next unit)."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A problem at text[start:end] of the document, with a one-line message."""

    start: int
    end: int
    message: str


Check = Callable[..., Iterable[Hit]]
CHECKS: dict[str, Check] = {}


def register(name: str) -> Callable[[Check], Check]:
    def deco(fn: Check) -> Check:
        CHECKS[name] = fn
        return fn

    return deco


# --- what every check reads ------------------------------------------------------------


class DocContext:
    """One document's claims plus the settings that apply to it."""

    def __init__(
        self,
        doc: Document,
        claims: list[Claim],
        *,
        style: dict[str, str] | None = None,
        published: str | None = None,
        tolerance: float = 0.0,
    ) -> None:
        self.doc = doc
        self.claims = claims
        self.style = dict(style or {})
        self.published_override = published
        self.tolerance = tolerance
        self.position: Callable[[int], tuple[int, int]] | None = None  # set by the engine

    def line_of(self, offset: int) -> int:
        """The file line of a text offset, for messages that point elsewhere ("line 3")."""
        if self.position is not None:
            return self.position(offset)[0]
        return self.doc.text.count("\n", 0, offset) + 1

    @cached_property
    def text(self) -> str:
        return self.doc.analysis_text

    @cached_property
    def lang(self) -> str | None:
        """The document's main language: most claims' language, else the input's hint."""
        counts = Counter(c.lang for c in self.claims)
        if counts:
            return counts.most_common(1)[0][0]
        return self.doc.lang_hint

    @cached_property
    def figures(self) -> list[list[Figure]]:
        """The digit figures of each claim (same order as ``claims``)."""
        return [figures_of(self.text, c) for c in self.claims]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return split_sentences(self.text)

    def sentence_of(self, claim: Claim) -> tuple[int, int]:
        for s in self.sentences:
            if s[0] <= claim.start < s[1]:
                return s
        return (claim.start, claim.end)

    @cached_property
    def by_sentence(self) -> dict[tuple[int, int], list[int]]:
        out: dict[tuple[int, int], list[int]] = {}
        for i, c in enumerate(self.claims):
            out.setdefault(self.sentence_of(c), []).append(i)
        return out

    def evidence_conventions(self) -> set[NumberFormat]:
        """Conventions the document uses unambiguously: figures only one convention reads."""
        out = set()
        for figs in self.figures:
            for f in figs:
                fmts = {r.number_format for r in f.readings}
                if len(fmts) == 1 and f.separated:
                    out |= fmts
        return out

    def expected_convention(self, lang: str, regional: dict[str, list[str]] | None = None
                            ) -> tuple[NumberFormat | None, str]:
        """The convention figures in ``lang`` text should follow, and why."""
        if lang in self.style:
            return NumberFormat(self.style[lang]), "the house style"
        for conv in (regional or {}).get(lang, []):
            fmt = NumberFormat(conv)
            if fmt in self.evidence_conventions():
                return fmt, f"{language_name(conv)} text"
        fmt = LANG_FORMAT.get(lang)
        return fmt, f"{language_name(lang)} text"

    @cached_property
    def reference(self) -> tuple[dt.date | None, int | None, str]:
        """The date the text is written at: --published, the input's metadata, or the
        first full date in the text (a dateline)."""
        for value, where in ((self.published_override, "--published"),
                             (self.doc.published, "the published metadata")):
            date, year = parse_reference(value)
            if year is not None:
                return date, year, f"{where} ({value})"
        lang = self.lang or "en"
        for p in find_periods(self.text, 0, len(self.text), lang):
            date, year = parse_reference(p.value)
            if date is not None and len(p.value) == 10:
                return date, year, f"the date {self.text[p.start:p.end]!r} in the text"
        return None, None, ""


def _q(text: str) -> str:
    """A figure as written, for a message (one line, quoted)."""
    return "'" + " ".join(text.split()) + "'"


def _figure_text(ctx: DocContext, f: Figure) -> str:
    return ctx.doc.text[f.start:f.end]


@register("unused_suppression")
def unused_suppression(ctx: DocContext) -> Iterator[Hit]:
    """Suppression comments are matched by the engine after every other check has run
    (lint/suppress.py); this registered name lets CC001 be selected, ignored and
    documented like any rule."""
    return iter(())


# --- CC1xx: number format ------------------------------------------------------------


@register("ambiguous_figure")
def ambiguous_figure(ctx: DocContext, *, require_trailing_zero: bool = True) -> Iterator[Hit]:
    """A separator followed by three digits, read as a decimal mark: "1.250 tonnes".

    Read as written, the figure has three decimals; under the other convention the same
    digits are a thousands figure.  A trailing zero ("1.250", "3,500") is the telling
    sign, as nobody needs it in a decimal; without it ("42.195 km") the figure stays quiet
    unless ``require_trailing_zero`` is false.
    """
    for claim, figs in zip(ctx.claims, ctx.figures, strict=True):
        for f in figs:
            if f.chosen is None or not f.ambiguous_alone:
                continue
            runs = f.raw
            seps = [ch for ch in runs if not ch.isdigit()]
            if len(seps) != 1:
                continue
            tail = runs.rsplit(seps[0], 1)[1]
            if len(tail) != 3 or fraction_digits(f.chosen.value) != 3:
                continue
            if require_trailing_zero and not tail.endswith("0"):
                continue
            other = next((r for r in f.readings if r.value != f.chosen.value), None)
            if other is None:
                continue
            own, _why = ctx.expected_convention(claim.lang)
            own = own or f.chosen.number_format
            yield Hit(f.start, f.end,
                      f"{_q(f.raw)} reads as {plain(f.chosen.value)} here but as "
                      f"{plain(other.value)} in {convention_label(other.number_format)} convention;"
                      f" write {format_in(f.chosen.value.normalize(), own)} for the decimal or "
                      f"{format_in(other.value, own)} for the thousands figure")


@register("foreign_convention")
def foreign_convention(ctx: DocContext, *, regional: dict | None = None) -> Iterator[Hit]:
    """Digits written in another convention than the text's language or the house style."""
    regional = regional or {}
    for claim, figs in zip(ctx.claims, ctx.figures, strict=True):
        expected, why = ctx.expected_convention(claim.lang, regional)
        if expected is None:
            continue
        for f in figs:
            if f.chosen is None or not f.separated:
                continue
            mine = f.reading_in(expected)
            if mine is not None and mine.value == f.chosen.value:
                continue
            suggestion = format_in(f.chosen.value, expected)
            misread = (f"where it reads as {plain(mine.value)}" if mine is not None
                       else "where it is not a valid figure")
            used = f.chosen.number_format
            used_label = (f"in {convention_label(used)} convention" if used != NumberFormat.PLAIN
                          else "with a decimal point")
            yield Hit(f.start, f.end,
                      f"{_q(f.raw)} is written {used_label}, but {why} uses "
                      f"{convention_label(expected)} convention, {misread}; write {suggestion}")


@register("mixed_conventions")
def mixed_conventions(ctx: DocContext, *, regional: dict | None = None) -> Iterator[Hit]:
    """Unambiguous figures of one document that use the separators in incompatible ways.

    The reference is the largest group of compatible figures, preferring figures that
    follow their text's expected convention (so this rule never advises against CC102);
    every figure incompatible with it is reported.
    """
    items: list[tuple[Figure, str | None, str | None, bool]] = []
    for claim, figs in zip(ctx.claims, ctx.figures, strict=True):
        expected, _why = ctx.expected_convention(claim.lang, regional)
        for f in figs:
            if f.chosen is None or not f.separated or f.ambiguous_alone:
                continue
            group, decimal = f.marks
            if group is None and decimal is None:
                continue
            mine = f.reading_in(expected) if expected else None
            conforms = mine is not None and mine.value == f.chosen.value
            items.append((f, group, decimal, conforms))
    if len(items) < 2:
        return

    def compatible(a, b) -> bool:
        _, g1, d1, _c1 = a
        _, g2, d2, _c2 = b
        if d1 and d2 and d1 != d2:
            return False
        if g1 and g2 and g1 != g2:
            return False
        return not ((d1 and d1 == g2) or (d2 and d2 == g1))

    scores = [(a[3], sum(compatible(a, b) for b in items)) for a in items]
    ref = items[scores.index(max(scores))]
    ref_fig = ref[0]
    line = ctx.line_of(ref_fig.start)
    for it in items:
        if compatible(ref, it):
            continue
        f, group, decimal, _conforms = it
        what = []
        if decimal and decimal != ref[2]:
            what.append(f"{_q(decimal)} as decimal mark")
        if group and group != ref[1]:
            label = {"space": "a space", "apostrophe": "an apostrophe"}.get(group, _q(group))
            what.append(f"{label} to group thousands")
        detail = " and ".join(what) or "other separators"
        yield Hit(f.start, f.end,
                  f"{_q(f.raw)} uses {detail}, unlike {_q(ref_fig.raw)} (line {line}); "
                  f"use one number convention throughout the document")


# --- CC2xx: qualifier and scale -------------------------------------------------------------


@cache
def _false_friends(lang: str) -> dict[str, tuple[Decimal, Decimal, str]]:
    """Scale words of ``lang`` whose English look-alike means another power of ten
    (German/French "Billion" = 10^12, English "billion" = 10^9), from CLDR, with every
    other word of the same scale ("Billionen", "Bio.") → (factor, English factor, word)."""
    if lang == "en":
        return {}
    english = {w.casefold(): f for w, f in scale_words("en").items() if len(w.rstrip(".")) > 1}
    mine = scale_words(lang)
    friends: dict[Decimal, tuple[Decimal, str]] = {}
    for word, factor in mine.items():
        en = english.get(word.casefold())
        if en is not None and en != factor and len(word.rstrip(".")) > 3:
            friends.setdefault(factor, (en, english_word(en)))
    out = {}
    for word, factor in mine.items():
        if factor in friends and len(word.rstrip(".")) > 1:
            en, en_word = friends[factor]
            out[word.casefold()] = (factor, en, en_word)
    return out


def english_word(factor: Decimal) -> str:
    words = [w for w, f in scale_words("en").items() if f == factor and len(w) > 3]
    return min(words, key=len) if words else plain(factor)


@cache
def _scale_word_for(lang: str, factor: Decimal) -> str | None:
    words = [w for w, f in scale_words(lang).items() if f == factor and len(w.rstrip(".")) > 3
             and not w.endswith(".")]
    return min(words, key=len) if words else None


@register("long_scale_false_friend")
def long_scale_false_friend(
    ctx: DocContext,
    *,
    translation_markers: dict | None = None,
    max_count: float = 1e10,
    neighbour_factor: float = 3.0,
) -> Iterator[Hit]:
    """German "Billion" / French "billion" (10^12) where English "billion" (10^9) was meant.

    Fires only with evidence: the text says it was translated from English
    (``translation_markers``), the figure counts more than ``max_count`` things, or the
    document gives the same concept in the same unit at about a thousandth of the size.
    """
    markers = translation_markers or {}
    text_fold = ctx.text.casefold()
    for i, claim in enumerate(ctx.claims):
        friends = _false_friends(claim.lang)
        if not friends or (claim.value is None and claim.high is None):
            continue
        words = regex.findall(r"[\p{L}.]+", ctx.text[claim.start:claim.end])
        hit = next((w for w in words if w.casefold() in friends), None)
        if hit is None:
            continue
        factor, english, en_word = friends[hit.casefold()]
        value = claim.value if claim.value is not None else claim.high
        reasons = []
        if any(m.casefold() in text_fold for m in markers.get(claim.lang, [])):
            reasons.append("the text is translated from English")
        if claim.unit == "dimensionless" and value is not None and value > Decimal(str(max_count)):
            reasons.append(f"{plain(value)} things is implausibly many")
        for j, other in enumerate(ctx.claims):
            if j == i or other.unit != claim.unit or other.value is None or value is None:
                continue
            if claim.concept is None or other.concept != claim.concept:
                continue
            target = value * english / factor
            if other.value > 0 and target / Decimal(str(neighbour_factor)) <= other.value <= (
                target * Decimal(str(neighbour_factor))
            ):
                reasons.append(f"{_q(other.text)} elsewhere is about a thousandth of it")
                break
        if not reasons:
            continue
        instead = _scale_word_for(claim.lang, english)
        advice = (f"write '{instead}' if {_power(english)} is meant" if instead
                  else "check the scale")
        yield Hit(claim.start, claim.end,
                  f"{_q(claim.text)}: {hit} is {_power(factor)} in {language_name(claim.lang)},"
                  f" English '{en_word}' is {_power(english)}, and {'; '.join(reasons)}; {advice}")


def _power(factor: Decimal) -> str:
    """10^12 for a power of ten, else the plain figure."""
    norm = factor.normalize().as_tuple()
    if isinstance(norm.exponent, int) and norm.digits == (1,):
        return f"10^{norm.exponent}"
    return plain(factor)


@cache
def _between_opener_re(lang: str) -> regex.Pattern:
    return regex.compile(alternation(get_lexicon(lang).range_between), regex.IGNORECASE)


@register("inverted_range")
def inverted_range(ctx: DocContext) -> Iterator[Hit]:
    """A range opened with "zwischen", "between", "entre" and written high to low."""
    for i, claim in enumerate(ctx.claims):
        if not claim.inverted or claim.qualifier is not Qualifier.RANGE:
            continue
        if claim.low is not None and claim.low < 0:
            continue  # "-5 to -10 degrees" is how temperatures are said
        if any(YEAR_LIKE_RE.match(f.raw) for f in ctx.figures[i]):
            continue  # "2022-23", "bis 2030": a year read into a range is the extractor's slip
        if not _between_opener_re(claim.lang).match(ctx.text, claim.start):
            # "fell from 4.6 to 4.2 percent" is a movement, "won 27 to 24" a score: only an
            # interval opened with "zwischen", "between", "entre" must run low to high
            continue
        conv, _why = ctx.expected_convention(claim.lang)
        low, high = (format_in(x, conv) if conv else plain(x) for x in (claim.low, claim.high))
        yield Hit(claim.start, claim.end,
                  f"range {_q(claim.text)} runs from high to low; write the lower figure first "
                  f"({low} … {high}) or check the figures")


# --- CC3xx: unit and currency ---------------------------------------------------------------


def _is_percent(unit: str) -> bool:
    return unit == "percent"


def _level_pairs(ctx: DocContext, idx: list[int], openers: dict
                 ) -> Iterator[tuple[Claim, Claim]]:
    """(from, to) levels in percent within one sentence: a from-to range, or two level
    figures next to each other ("von 4 auf 6 Prozent", the first sharing the unit)."""
    claims = [ctx.claims[i] for i in idx]
    for c in claims:
        if c.qualifier is not Qualifier.RANGE or not _is_percent(c.unit):
            continue
        if c.role is Role.LEVEL or _opened_by(ctx, c, tuple(openers.get(c.lang, ()))):
            yield c, c  # "from 4 percent to 6 percent", "passer de 4 % à 6 %"
    for a, b in pairwise(claims):
        if not _is_percent(b.unit) or b.role is not Role.LEVEL or b.value is None:
            continue
        if a.value is None or a.qualifier is Qualifier.RANGE:
            continue
        bare = a.unit == "dimensionless" and BARE_FIGURE_RE.fullmatch(a.text.strip())
        if not (_is_percent(a.unit) or bare):
            continue
        gap = ctx.text[a.end:b.start]
        if len(gap) > 12 or regex.search(r"[0-9]", gap):
            continue
        yield a, b


@cache
def _opener_before_re(words: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(rf"(?r){alternation(words)}{SP}?\Z", regex.IGNORECASE)


def _opened_by(ctx: DocContext, claim: Claim, words: tuple[str, ...]) -> bool:
    """Whether ``claim`` starts with, or follows, one of ``words`` ("from", "passer de")."""
    if not words:
        return False
    if regex.match(alternation(words), ctx.text[claim.start:claim.end], regex.IGNORECASE):
        return True
    return bool(_opener_before_re(words).search(ctx.text, max(0, claim.start - 24), claim.start))


@register("percent_vs_points")
def percent_vs_points(
    ctx: DocContext, *, slack: float = 0.05, level_openers: dict | None = None
) -> Iterator[Hit]:
    """A change in percent that is really in percentage points (or the reverse), told by
    the from/to levels in the same sentence: "rose by 2 percent, from 4% to 6%".

    A percent range counts as two levels when it is a level or follows one of
    ``level_openers`` ("from", "von", "passer de"); "rose by 2 to 3 percent" is a range
    of changes and does not.
    """
    for idx in ctx.by_sentence.values():
        changes = [ctx.claims[i] for i in idx
                   if ctx.claims[i].role in (Role.INCREASE, Role.DECREASE)
                   and ctx.claims[i].unit in ("percent", "percentage_point")
                   and ctx.claims[i].value is not None]
        if not changes:
            continue
        for a, b in _level_pairs(ctx, idx, level_openers or {}):
            if a is b:
                start, end = a.low, a.high
                if a.inverted:
                    start, end = end, start
            else:
                start, end = a.value, b.value
            if start is None or end is None or start == 0:
                continue
            points = abs(end - start)
            relative = points / abs(start) * 100
            for ch in changes:
                if ch is a or ch is b:
                    continue
                d = abs(ch.value)
                tol = max(Decimal(str(slack)) * d, Decimal("0.05"))
                near_points = abs(d - points) <= tol
                near_relative = abs(d - relative) <= tol
                if near_points == near_relative:
                    continue
                levels = f"from {plain(start)}% to {plain(end)}%"
                if ch.unit == "percent" and near_points:
                    yield Hit(ch.start, ch.end,
                              f"{_q(ch.text)}: {levels} is a change of {plain(points)} percentage"
                              f" points ({_round(relative)} percent); write percentage points")
                elif ch.unit == "percentage_point" and near_relative:
                    yield Hit(ch.start, ch.end,
                              f"{_q(ch.text)}: {levels} is a change of {_round(relative)} percent,"
                              f" i.e. {plain(points)} percentage points; write percent")


def _round(x: Decimal) -> str:
    return plain(x.quantize(Decimal("0.1")).normalize())


@register("unit_conversion_mismatch")
def unit_conversion_mismatch(
    ctx: DocContext, *, connectors: dict | None = None, slack: float = 0.03
) -> Iterator[Hit]:
    """The same quantity given in two units whose values do not convert: "50 miles (100 km)".

    Pairs are a figure and a second one right after it in parentheses or after a
    connector (``connectors`` per language: "or", "bzw.", "soit").  Both figures are
    widened by the precision they are written to, plus ``slack`` (relative).
    """
    conn = connectors or {}
    for idx in ctx.by_sentence.values():
        for i, j in pairwise(idx):
            a, b = ctx.claims[i], ctx.claims[j]
            if a.unit == b.unit or "dimensionless" in (a.unit, b.unit):
                continue
            if not _joined(ctx.text[a.end:b.start], conn.get(a.lang, [])):
                continue
            try:
                dim = dimension(a.unit)
                if dim != dimension(b.unit) or dim.startswith("[currency"):
                    continue
            except UnitError:
                continue
            lo_a, hi_a = _widened(ctx, i, digits_only=True)
            lo_b, hi_b = _widened(ctx, j, digits_only=False)
            if None in (lo_a, hi_a, lo_b, hi_b):
                continue
            try:
                c1 = convert(float(lo_a), a.unit, b.unit)
                c2 = convert(float(hi_a), a.unit, b.unit)
            except UnitError:
                continue
            lo, hi = min(c1, c2), max(c1, c2)
            tol = float(ctx.tolerance or 0) + slack
            span = max(abs(lo), abs(hi))
            if lo - tol * span <= float(hi_b) and float(lo_b) <= hi + tol * span:
                continue
            middle = a.value if a.value is not None else (lo_a + hi_a) / 2
            mid = convert(float(middle), a.unit, b.unit)
            yield Hit(b.start, b.end,
                      f"{_q(b.text)} does not match {_q(a.text)}, which is about "
                      f"{_sig(mid)} {_unit_symbol(b.unit)}; correct one of the two figures")


def _unit_symbol(unit: str) -> str:
    from ..units import get_registry

    try:
        return f"{get_registry().Unit(unit):~P}"
    except Exception:  # a name pint does not know is shown as it is
        return unit.replace("_", " ")


def _sig(x: float) -> str:
    if abs(x) >= 100:
        return f"{x:,.0f}".replace(",", " ")
    return f"{x:.3g}"


def _joined(gap: str, words: list[str]) -> bool:
    g = " ".join(gap.split())
    if g in ("(", "[", "/", "= ", "="):
        return True
    for w in words:
        if g.casefold() in (w.casefold(), f", {w}".casefold(), f"({w}".casefold(),
                            f"( {w}".casefold()):
            return True
    return False


def _widened(
    ctx: DocContext, i: int, *, digits_only: bool
) -> tuple[Decimal | None, Decimal | None]:
    """A claim's interval widened by the precision it is written to: the last digit
    (``digits_only``; the figure given first is the measured one) or, for the converted
    figure, its rounding including trailing zeros ("600 miles" may be rounded to 100)."""
    claim = ctx.claims[i]
    figs = ctx.figures[i]
    hw = Decimal(0)
    if claim.qualifier is Qualifier.EXACT:
        hw = halfwidth(claim, figs[0] if figs else None, digits_only=digits_only)
    lo, hi = claim.low, claim.high
    if lo is None or hi is None:
        return None, None
    return lo - hw, hi + hw


@cache
def _ratio_of_re(lang: str) -> regex.Pattern:
    lex = get_lexicon(lang)
    return regex.compile(rf"{SP}?{alternation(lex.ratio_of)}", regex.IGNORECASE)


@register("share_over_hundred")
def share_over_hundred(ctx: DocContext, *, count_nouns: dict | None = None) -> Iterator[Hit]:
    """A share of a population above 100 percent ("120 Prozent der Befragten").

    Only shares of things that are counted: the subject's concept is a counted concept
    of rules/concepts.yaml or one of ``count_nouns``.  Shares of GDP, of a target or of
    last year's level may exceed 100 percent and stay quiet.
    """
    nouns = {lang: {n.casefold() for n in words} for lang, words in (count_nouns or {}).items()}
    concepts = get_concepts().units
    for claim in ctx.claims:
        if claim.unit != "percent" or claim.role is not Role.LEVEL:
            continue
        low = claim.low if claim.low is not None else claim.value
        if low is None or low <= 100:
            continue
        if not _ratio_of_re(claim.lang).match(ctx.text, claim.end):
            continue
        subject_words = {w.casefold() for w in (claim.subject or "").split()}
        counted = (claim.concept in concepts and concepts[claim.concept] == "dimensionless")
        if not counted and not subject_words & nouns.get(claim.lang, set()):
            continue
        yield Hit(claim.start, claim.end,
                  f"{_q(claim.text)} of {claim.subject}: a share of a group cannot exceed "
                  f"100 percent; check the figure or say what it is compared with")


# --- CC5xx: consistency within a document ------------------------------------------------------


@register("conflicting_figures")
def conflicting_figures(
    ctx: DocContext,
    *,
    known_concepts_only: bool = True,
    skip_concepts: list | None = None,
    skip_units: list | None = None,
    compare_attributed: bool = False,
    max_ratio: float = 3.0,
    skip_words_after: dict | None = None,
) -> Iterator[Hit]:
    """The same concept given incompatible figures in one document.

    Claims are compared when they count the same concept in the same unit and role, for
    the same period, in different sentences, and (unless ``compare_attributed``) neither
    is attributed to a speaker: a police count and an organisers' count differ by design.
    Figures more than ``max_ratio`` apart are more likely different groups (Paris and
    all of France, injured and deployed officers) than one group miscounted.
    Compatibility is interval overlap (compare's semantics), widened by the tolerance.
    """
    concepts = get_concepts().units
    seen: dict[tuple, list[Claim]] = {}
    tol = Decimal(str(ctx.tolerance or 0))
    ratio = Decimal(str(max_ratio))
    for claim in ctx.claims:
        if claim.concept is None or claim.role is Role.RATIO:
            continue
        if known_concepts_only and claim.concept not in concepts:
            continue
        if claim.concept in (skip_concepts or ()) or claim.unit in (skip_units or ()):
            continue
        if claim.speaker is not None and not compare_attributed:
            continue
        if _threshold_after(claim, (skip_words_after or {}).get(claim.lang, ())):
            continue  # "the 61 seats needed for a majority": a threshold, not a count
        key = (claim.concept, claim.unit, claim.role, claim.period, claim.speaker)
        earlier = seen.setdefault(key, [])
        for prev in earlier:
            if ctx.sentence_of(prev) == ctx.sentence_of(claim):
                continue
            if _overlap(prev, claim, tol) or _far_apart(prev, claim, ratio):
                continue
            line = ctx.line_of(prev.start)
            yield Hit(claim.start, claim.end,
                      f"{_q(claim.text)} {claim.concept} disagrees with {_q(prev.text)} on line "
                      f"{line}; correct one, or say whose figure each is")
            break
        earlier.append(claim)


def _threshold_after(claim: Claim, words) -> bool:
    """A target, threshold or forecast word among the few words after the figure."""
    if not words:
        return False
    at = claim.sentence.find(claim.text)
    tail = claim.sentence[at + len(claim.text):] if at >= 0 else claim.sentence
    following = [w.strip(".,;:()\"'«»„“”").casefold() for w in tail.split()[:4]]
    return any(w.casefold() in following for w in words)


def _far_apart(a: Claim, b: Claim, ratio: Decimal) -> bool:
    def mid(c: Claim) -> Decimal | None:
        if c.value is not None:
            return abs(c.value)
        if c.low is not None and c.high is not None:
            return abs(c.low + c.high) / 2
        return None

    x, y = mid(a), mid(b)
    if not x or not y:
        return True
    return max(x, y) / min(x, y) > ratio


def _overlap(a: Claim, b: Claim, tol: Decimal) -> bool:
    def widen(lo, hi):
        lo2 = None if lo is None else lo - abs(lo) * tol
        hi2 = None if hi is None else hi + abs(hi) * tol
        return lo2, hi2

    lo1, hi1 = widen(a.low, a.high)
    lo2, hi2 = widen(b.low, b.high)
    if hi1 is not None and lo2 is not None and hi1 < lo2:
        return False
    if hi2 is not None and lo1 is not None and hi2 < lo1:
        return False
    if a.qualifier is Qualifier.MORE_THAN and hi2 is not None and lo1 is not None and hi2 <= lo1:
        return False
    if b.qualifier is Qualifier.MORE_THAN and hi1 is not None and lo2 is not None and hi1 <= lo2:
        return False
    return True


@register("weekday_date_mismatch")
def weekday_date_mismatch(
    ctx: DocContext,
    *,
    joiners: list | None = None,
    day_suffixes: list | None = None,
    day_month_joiners: list | None = None,
) -> Iterator[Hit]:
    """A weekday that does not fall on its date, when the year is known (written, from
    --published, from the input's published metadata or from the text's dateline)."""
    ref_date, ref_year, ref_where = ctx.reference
    names = _english_weekdays()
    for wd in find_weekday_dates(ctx.text, joiners=tuple(joiners or ()),
                                 day_suffixes=tuple(day_suffixes or ()),
                                 day_month_joiners=tuple(day_month_joiners or ())):
        year, inferred = wd.year, ""
        if year is None:
            if ref_date is not None:
                year = infer_year(wd.day, wd.month, ref_date)
            elif ref_year is not None:
                year = ref_year
            if year is None:
                if not _exists_in_some_year(wd.day, wd.month):
                    yield Hit(wd.start, wd.end,
                              f"{_q(wd.text)}: there is no day {wd.day} in month {wd.month};"
                              f" check the date")
                continue
            inferred = f" (year {year} from {ref_where})"
        try:
            date = dt.date(year, wd.month, wd.day)
        except ValueError:
            yield Hit(wd.start, wd.end,
                      f"{_q(wd.text)}: there is no {wd.day}.{wd.month}.{year}{inferred};"
                      f" check the date")
            continue
        if date.weekday() == wd.weekday:
            continue
        yield Hit(wd.start, wd.end,
                  f"{_q(wd.text)}: {date.isoformat()} is a {names[date.weekday()]}, not a "
                  f"{names[wd.weekday]}{inferred}; correct the weekday or the date")


def _exists_in_some_year(day: int, month: int) -> bool:
    try:
        dt.date(2024, month, day)  # a leap year: 29 February exists
    except ValueError:
        return False
    return True


@cache
def _english_weekdays() -> dict[int, str]:
    from babel import Locale

    return dict(Locale("en").days["format"]["wide"].items())


@cache
def _markers_re(words: tuple[str, ...], *, before: bool) -> regex.Pattern:
    alt = alternation(words)
    if before:
        return regex.compile(rf"(?r){alt}{SP}\Z", regex.IGNORECASE)
    return regex.compile(rf"{alt}", regex.IGNORECASE)


@register("part_exceeds_whole")
def part_exceeds_whole(
    ctx: DocContext, *, whole_markers: dict | None = None, part_markers: dict | None = None
) -> Iterator[Hit]:
    """A part larger than the whole it belongs to, in one sentence: "Of the 340 evacuees,
    400 were children", "340 Verletzte, davon 400 schwer"."""
    wholes = whole_markers or {}
    parts = part_markers or {}
    for idx in ctx.by_sentence.values():
        claims = [ctx.claims[i] for i in idx]
        for k, whole in enumerate(claims):
            if whole.high is None or whole.role is Role.RATIO or whole.unit == "percent":
                continue
            lang = whole.lang
            sent_start, sent_end = ctx.sentence_of(whole)
            w_before = tuple(wholes.get(lang, []))
            p_between = tuple(parts.get(lang, []))
            later = claims[k + 1:]
            candidates: list[Claim] = []
            if w_before and _markers_re(w_before, before=True).search(
                ctx.text, max(sent_start, whole.start - 40), whole.start
            ):
                candidates = later
            elif p_between:
                m = _markers_re(p_between, before=False).search(ctx.text, whole.end, sent_end)
                if m:
                    candidates = [c for c in later if c.start >= m.end()]
            for part in candidates:
                if part.unit != whole.unit or part.role is not whole.role or part.low is None:
                    continue
                if part.low > whole.high:
                    yield Hit(part.start, part.end,
                              f"{_q(part.text)} is more than the whole it is part of, "
                              f"{_q(whole.text)}; check both figures")
