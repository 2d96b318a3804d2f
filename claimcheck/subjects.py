"""What a figure counts: the subject phrase as written, and its concept key.

The subject is the noun phrase the figure quantifies: the words right after the
figure ("94.000 russische Soldaten", "12,000 people") or, when the figure is a level
reached by a change ("unemployment fell to 4.5%"), the phrase before the verb.  The
head word is lemmatised (simplemma) and mapped through rules/concepts.yaml to a key
shared by every language; an unknown subject falls back to its lemma.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from .lexicon import alternation, get_lexicon, load_yaml, rules_dir, strip_lines

WORD = r"[\p{L}][\p{L}\-'\u2019]*"
FOLLOWING_RE = regex.compile(
    rf"""
    [\s\u00a0\u202f]*
    (?:(?P<link>of|der|des|de|d'|d\u2019|du|von)[\s\u00a0\u202f]+)?
    (?P<phrase>{WORD}(?:[\s\u00a0\u202f]+{WORD}){{0,2}})
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Concepts:
    by_surface: dict[tuple[str, str], str]  # (lang, casefolded surface or lemma) → key
    units: dict[str, str]


@cache
def get_concepts() -> Concepts:
    path = rules_dir() / "concepts.yaml"
    data = strip_lines(load_yaml(path))
    table: dict[tuple[str, str], str] = {}
    unit_of: dict[str, str] = {}
    for key, spec in data.items():
        if not isinstance(spec, dict):
            continue
        unit_of[key] = spec.get("unit", "dimensionless")
        for lang in ("de", "en", "fr"):
            for surface in spec.get(lang, []) or []:
                table[(lang, surface.casefold())] = key
    return Concepts(table, unit_of)


@cache
def _stop_words(lang: str) -> frozenset[str]:
    lex = get_lexicon(lang)
    words = set(w.casefold() for w in lex.detect_words)
    for group in lex.qualifiers.values():
        for w in group:
            words.update(p.casefold() for p in w.split())
    words.update(w.casefold() for w in lex.increase + lex.decrease)
    words.update(w.casefold() for w in lex.attribution_verbs)
    return frozenset(words)


@cache
def _lemmatize(word: str, lang: str) -> str:
    try:
        import simplemma

        return simplemma.lemmatize(word, lang=lang)
    except Exception:  # noqa: BLE001 - lemmatiser data missing: fall back to the word
        return word


def subject_after(text: str, end: int, limit: int, lang: str) -> str | None:
    """The noun phrase right after a claim, as written, or None."""
    m = FOLLOWING_RE.match(text, end, limit)
    if not m:
        return None
    stops = _stop_words(lang)
    words = m.group("phrase").split()
    kept: list[str] = []
    for w in words:
        if w.casefold() in stops and kept:
            break
        if w.casefold() in stops:
            return None
        kept.append(w)
        if lang in ("de",) and w[:1].isupper():
            break  # German nouns are capitalised: the head ends the phrase
    if not kept:
        return None
    return " ".join(kept)


def concept_of(subject: str | None, lang: str) -> str | None:
    """The concept key of a subject: rules/concepts.yaml by surface or lemma, else the lemma."""
    if not subject:
        return None
    concepts = get_concepts()
    words = subject.split()
    for i in range(len(words)):
        phrase = " ".join(words[i:]).casefold()
        key = concepts.by_surface.get((lang, phrase))
        if key:
            return key
    head = words[-1]
    lemma = _lemmatize(head, lang)
    key = concepts.by_surface.get((lang, lemma.casefold())) or concepts.by_surface.get(
        (lang, head.casefold())
    )
    return key or lemma.casefold()


_ = alternation  # re-exported for the speakers module's patterns
