"""Which language a sentence is in: word evidence from rules/lang/*.yaml.

Each language lists frequent function words (``detect_words``); a sentence's language
is the one with the most hits when the evidence is clear, else the document's.  A
``--lang`` option or a collection's ``lang`` column overrides everything.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from .lexicon import LANGS, get_lexicon

WORD_RE = regex.compile(r"\p{L}+(?:['\u2019]\p{L}+)?")
MIN_HITS = 2
"""A sentence needs this many function words of one language to decide by itself."""


@cache
def _detect_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for lang in LANGS:
        for phrase in get_lexicon(lang).detect_words:
            for w in phrase.split():
                table.setdefault(w.casefold(), []).append(lang)
    return {w: tuple(langs) for w, langs in table.items()}


STRIP = ".,;:!?()[]{}\"'«»„“”‚‘’-–—/…*_"


def count_evidence(text: str, start: int = 0, end: int | None = None) -> Counter:
    """How many detect words of each language occur in text[start:end]."""
    table = _detect_table()
    counts: Counter = Counter()
    get = table.get
    for token in text[start:end].casefold().split():  # casefold maps each character alone
        word = token.strip(STRIP)
        langs = get(word)
        if langs is None and ("'" in word or "\u2019" in word):
            # French elision: "l'économie", "qu'il", "d’après" count by their word
            word = word.replace("\u2019", "'").rsplit("'", 1)[-1]
            langs = get(word)
        if langs is not None and len(langs) == 1:
            counts[langs[0]] += 1
    return counts


def decide(counts: Counter, fallback: str) -> str:
    """The clear winner of ``counts``, else ``fallback``."""
    if not counts:
        return fallback
    (best, n), *rest = [*counts.most_common(2), ("", 0)]
    second = rest[0][1]
    if n >= MIN_HITS and n > second * 1.5:
        return best
    return fallback


def detect_languages(
    text: str, spans: list[tuple[int, int]], hint: str | None = None
) -> tuple[str, list[str]]:
    """(document language, language of each span)."""
    if hint:
        return hint, [hint] * len(spans)
    per_span = [count_evidence(text, s, e) for s, e in spans]
    total: Counter = Counter()
    for c in per_span:
        total.update(c)
    doc_lang = total.most_common(1)[0][0] if total else "en"
    return doc_lang, [decide(c, doc_lang) for c in per_span]
