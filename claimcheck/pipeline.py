"""Read → split → find figures → read their convention → claims → subject, speaker.

:func:`extract_document` runs the whole data flow for one document; every stage is a
module with one job (segment, language, claims, convention, subjects, speakers).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from . import claims as claims_mod
from .claims import Draft
from .convention import infer_document_convention
from .dates import Period, find_periods
from .grammar import find_candidates, get_grammar
from .language import detect_languages
from .model import Claim, ClaimRecord, Document, Role, seal
from .positions import Positions
from .segment import split_sentences
from .speakers import SpeakerTracker, attach

CLAIM_FIELDS: Final = (
    "source", "line", "column", "start", "end", "text", "value", "low", "high", "qualifier", "unit",
    "role", "period", "subject", "concept", "speaker", "lang", "number_format", "ambiguous",
    "sentence", "alternatives", "published", "inverted",
)
"""Claim's fields in the order extract_document passes them (a test holds it to Claim's)."""

ROLE_VALUES: Final = {role: role.value for role in Role}
"""A role's string, read once: ``Role.value`` is a Python-level property on every read."""


def normalise_space(s: str) -> str:
    """``s`` with every run of whitespace made one space and none at the ends.

    Fast path, exact: a printable string (``str.isprintable``) holds no whitespace but
    the space (every other character ``str.split`` cuts at is a separator or a control,
    which are not printable), so with no double space and none at the ends it is already
    normal: most sentences are, and they are returned without being split and joined."""
    if s.isascii():
        # ASCII fast path, exact: the ASCII characters ``str.split`` cuts at are the space,
        # \t \n \v \f \r and \x1c-\x1f; nine single-character searches (memchr) are
        # cheaper than ``isprintable``'s per-character table lookups.
        if (
            "\n" not in s
            and "  " not in s
            and s[:1] != " "
            and s[-1:] != " "
            and "\t" not in s
            and "\r" not in s
            and "\x0b" not in s
            and "\x0c" not in s
            and "\x1c" not in s
            and "\x1d" not in s
            and "\x1e" not in s
            and "\x1f" not in s
        ):
            return s
    elif s.isprintable() and "  " not in s and s[:1] != " " and s[-1:] != " ":
        return s
    return " ".join(s.split())


def candidate_sentences(
    text: str, spans: list[tuple[int, int]]
) -> dict[int, tuple[list[int], bool]]:
    """Index of each sentence that holds a digit or a number word →
    (starts of its digit runs, whether it holds a number-word hint).

    One cheap pass over the document; sentences without a candidate are never read.
    """
    marks: dict[int, tuple[list[int], bool]] = {}
    digit_pos, word_pos = find_candidates(text)
    for i, pos in zip(_sentence_of(digit_pos, spans), digit_pos, strict=True):
        if i >= 0:
            entry = marks.get(i)
            if entry is None:
                marks[i] = ([pos], False)
            else:
                entry[0].append(pos)
    for i in _sentence_of(word_pos, spans):
        if i >= 0:
            entry = marks.get(i)
            marks[i] = (entry[0] if entry else [], True)
    return marks


def _sentence_of(positions: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """The index of the span holding each position, -1 where none does (between
    sentences).  Both lists are sorted, so one walk: the span holding a position is the
    first that ends after it."""
    out: list[int] = []
    i = 0
    n = len(spans)
    for pos in positions:
        while i < n and spans[i][1] <= pos:
            i += 1
        out.append(i if i < n and pos >= spans[i][0] else -1)
    return out


@dataclass(slots=True)
class Drafts:
    """A document's claim drafts with the sentence spans and languages they came from."""

    drafts: list[Draft]
    spans: list[tuple[int, int]]
    langs: dict[tuple[int, int], str]
    doc_lang: str


def find_all_drafts(doc: Document, lang: str | None = None) -> Drafts:
    """Claim drafts of every sentence that can hold one, in document order."""
    text = doc.analysis_text
    spans = split_sentences(text)
    marks = candidate_sentences(text, spans)
    if not marks:
        return Drafts([], spans, {}, lang or doc.lang_hint or "en")
    order = sorted(marks)
    chosen = [spans[i] for i in order]
    doc_lang, langs = detect_languages(text, chosen, lang or doc.lang_hint)
    drafts: list[Draft] = []
    for i, span, sent_lang in zip(order, chosen, langs, strict=True):
        digits, words = marks[i]
        drafts.extend(
            claims_mod.find_drafts(text, span, sent_lang, get_grammar(sent_lang),
                                   digit_positions=digits, words=words)
        )
    return Drafts(drafts, spans, dict(zip(chosen, langs, strict=True)), doc_lang)


def extract_document(doc: Document, lang: str | None = None) -> list[Claim]:
    """Every numeric claim of ``doc``, in document order."""
    text = doc.text
    analysis = doc.analysis_text
    found = find_all_drafts(doc, lang)
    drafts = found.drafts
    if not drafts:
        return []
    tracker = SpeakerTracker(analysis, found.spans, found.langs, found.doc_lang)
    convention = infer_document_convention(
        [f.readings for d in drafts for f in d.figures if f.readings]
    )
    lines = Positions(doc)  # the page's line and column for HTML
    out: list[Claim] = []
    # per sentence, once (a sentence of thousands of figures stays linear)
    period_cache: dict[tuple[int, int], list[tuple[Period, tuple[int, int] | None]]] = {}
    sentence_cache: dict[tuple[int, int], str] = {}
    spans_of: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for d in drafts:
        spans_of.setdefault(d.sentence, []).append((d.start, d.end))
    for d in drafts:
        claims_mod.resolve_figures(d, convention)
        value, low, high = claims_mod.interval(d)
        fmt, ambiguous = claims_mod.number_format(d)
        s_start, s_end = d.sentence
        sentence = sentence_cache.get(d.sentence)
        if sentence is None:
            sentence = sentence_cache[d.sentence] = normalise_space(text[s_start:s_end])
            periods = find_periods(analysis, s_start, s_end, d.lang)
            spans = spans_of[d.sentence]
            bases = ([_base_of_comparison(p, spans, analysis, d.lang, s_start) for p in periods]
                     if len(spans) > 1 else [None] * len(periods))
            period_cache[d.sentence] = list(zip(periods, bases, strict=True))
        period = _nearest_period(period_cache[d.sentence], d)
        attached = attach(analysis, d.sentence, d.start, d.end, d.lang, ROLE_VALUES[d.role], d.unit,
                          tracker, d.extra.get("subject_end"))
        line, column = lines.position(d.start)
        out.append(seal(ClaimRecord(
            # positional, in Claim's field order (CLAIM_FIELDS; tests/test_model.py checks
            # it): keywords would make the call build a dict of 23 names per claim
            doc.source,  # source
            line,  # line
            column,  # column
            d.start,  # start
            d.end,  # end
            text[d.start:d.end],  # text
            value if d.second is None else None,  # value
            low,  # low
            high,  # high
            d.qualifier,  # qualifier
            d.unit,  # unit
            d.role,  # role
            period,  # period
            attached.subject,  # subject
            attached.concept,  # concept
            attached.speaker,  # speaker
            d.lang,  # lang
            fmt,  # number_format
            ambiguous,  # ambiguous
            sentence,  # sentence
            claims_mod.alternatives(d),  # alternatives
            doc.published,  # published
            d.inverted,  # inverted
        )))
    return out


BOUND_GAP_MAX: Final = 4
"""A period this close after a figure (a preposition at most: "94 % en 2024", "£64m in
2021") follows it directly."""


def _base_of_comparison(p: Period, spans: list[tuple[int, int]], text: str, lang: str,
                        s_start: int) -> tuple[int, int] | None:
    """The comparison base a period directly follows ("contre 94 % en 2024"), if any."""
    pattern = get_grammar(lang).comparison_before_re
    for a, b in spans:
        if b <= p.start:
            gap = text[b:p.start].strip()
            if len(gap) <= BOUND_GAP_MAX and (gap == "" or gap.isalpha()):
                if pattern.search(text, max(s_start, a - 40), a):
                    return (a, b)
    return None


def _nearest_period(periods: list[tuple[Period, tuple[int, int] | None]], d: Draft) -> str | None:
    """The period of the nearest time frame in the sentence; one right after a
    comparison's base is that figure's alone ("96,5 %, contre 94 % en 2024": 2024 is the
    94 %'s, not the 96,5 %'s)."""
    best = None
    best_dist = None
    for p, base in periods:
        if p.start < d.end and p.end > d.start:
            continue
        if base is not None and base != (d.start, d.end):
            continue
        dist = d.start - p.end if p.end <= d.start else p.start - d.end
        if best_dist is None or dist < best_dist:
            best, best_dist = p.value, dist
    return best
