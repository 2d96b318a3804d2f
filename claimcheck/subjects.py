"""What a figure counts: the subject phrase as written, and its concept key.

The subject is the noun phrase the figure quantifies, found in this order:

1. right after the figure ("94.000 russische Soldaten", "12,000 people", "94 000
   manifestants", "2,2 millions de chômeurs", "$450 million in military aid",
   "4.5% of Russia's economic output"); a sum of money or a percentage needs a link
   word first ("in", "of", "der", "de": rules/phrases/*.yaml);
2. the clause's subject to the left, when a verb or preposition of level or change
   links it to the figure ("the number of evacuees rose to 12,000", "Die
   Arbeitslosenquote sank auf 5,4 Prozent", "le taux de chômage a baissé à 4,2 %");
   a phrase after a preposition ("in November", "im Westen") is never the subject;
3. a label before a colon ("Quote: 5,1 %", "Postal votes: roughly 410,000") or a
   phrase set off by a comma ("le nombre de manifestants, 94 000 selon la police");
4. the subject of an earlier figure of the same kind in the same sentence, for
   elliptical lists ("94 000 manifestants selon la police, 250 000 selon les
   syndicats"; "fell to 4.2% from 4.6%");
5. a subject pronoun ("Gegenüber dem Vormonat sei sie … um 12.000 gesunken") takes
   the last subject of the same kind from the previous sentences.

Otherwise the subject is null: never guessed.  The phrase is reported without its
leading article.  Its concept: the longest part of the phrase around its head (or the
complement of a quantity noun: "number of evacuees" → "evacuees") found in
rules/concepts.yaml, by surface form or simplemma lemma, choosing among concepts that
share a word the one stated in the claim's kind of unit ("unemployment" in percent is
``unemployment_rate``, as a count ``unemployed``).  A generic head ("people",
"Menschen", "personnes") takes its concept from a participle later in the clause
("12,000 people were evacuated" → ``evacuees``).  Unknown subjects fall back to the
lemma of their head.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import regex

from .errors import RulesError
from .lexicon import LANGS, get_lexicon, load_yaml, rules_dir, strip_lines
from .tokens import WORD_KINDS, Token, Tokens

# --- tokens ------------------------------------------------------------------------

_ELIDED = r"(?P<elided>(?i:jusqu|lorsqu|puisqu|qu|[ldnsjcmt])['\u2019](?=\p{L}))"  # l', qu'
_TOKEN_BODY = r"""
    | (?P<word>(?!(?:\p{Lu}\.){2})                      # a word, unless an abbreviation
        \p{L}[\p{L}\p{M}\p{N}]*
        (?:[\-\u2010\u2011'\u2019][\p{L}\p{N}]+)*      # with inner hyphens, apostrophes
        (?:['\u2019](?=\s))?-?)                        # Farmers' ; Arbeitsmarkt-
    | (?P<abbr>(?:\p{Lu}\.){2,})                                            # U.S., U.K.
    | (?P<num>\p{N}(?:\p{N}|[.,'\u2019](?=\p{N})|[\u00a0\u202f ](?=\p{N}{3}))*)  # 1,234.5
    | (?P<punct>[^\s\p{L}\p{N}])                                            # one punctuation mark
"""
TOKEN_RE = regex.compile(_ELIDED + _TOKEN_BODY, regex.VERBOSE)
TOKEN_NO_ELISION_RE = regex.compile(_TOKEN_BODY.replace("|", "", 1), regex.VERBOSE)
"""The same tokens for a span without apostrophes (no elision to look for: faster).
Words come first (most tokens are words); the lookahead keeps "U.S." an abbreviation."""
FORMAT_MARKS_STR = "*_`~"
FORMAT_MARKS = frozenset(FORMAT_MARKS_STR)
"""Markdown emphasis left in the text: skipped, never a boundary."""
CLAUSE_PUNCT = frozenset(';:!?()[]{}"\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014|')
"""Punctuation that ends a clause (a comma is handled by each rule)."""


def tokenize(text: str, start: int, end: int) -> Tokens:
    """Tokens of text[start:end] with offsets into ``text``."""
    out = Tokens()
    append = out.append
    new = tuple.__new__  # Token(...) without the generated __new__'s Python frame
    chunk = text[start:end]
    pattern = TOKEN_RE if ("'" in chunk or "\u2019" in chunk) else TOKEN_NO_ELISION_RE
    for m in pattern.finditer(text, start, end):
        t = m.group()
        kind = m.lastgroup or "punct"
        if kind in WORD_KINDS:
            fold = t.casefold()
            if "\u2019" in fold:
                fold = fold.replace("\u2019", "'")
        else:
            fold = t
        append(new(Token, (kind, t, m.start(), m.end(), fold)))
    return out


# --- language data -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Phrases:
    """One language's noun-phrase grammar words (rules/phrases/<lang>.yaml), casefolded."""

    lang: str
    determiners: frozenset[str]
    prepositions: frozenset[str]
    links: frozenset[str]
    clause_words: frozenset[str]
    stop_words: frozenset[str]
    connectors: frozenset[str]  # level verbs + change verbs/prepositions + qualifiers
    quantity_nouns: frozenset[str]
    generic_heads: frozenset[str]
    money_links: frozenset[str]
    irregular_plurals: frozenset[str]
    subject_pronouns: frozenset[str]
    postpositions: frozenset[str]
    base_verbs: frozenset[str]
    verb_markers: frozenset[str]
    participle_endings: tuple[str, ...]
    verb_endings: tuple[str, ...]
    speaker: dict[str, Any] = field(default_factory=dict)


def _fold_words(values: Any, path: str, key: str) -> frozenset[str]:
    if values is None:
        return frozenset()
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise RulesError(path, None, f"{key!r} must be a list of non-empty strings")
    out: set[str] = set()
    for v in values:
        f = v.casefold().replace("\u2019", "'")
        out.add(f)
    return frozenset(out)


PHRASE_KEYS = (
    "determiners",
    "prepositions",
    "links",
    "clause_words",
    "stop_words",
    "level_verbs",
    "quantity_nouns",
    "generic_heads",
    "money_links",
    "irregular_plurals",
    "subject_pronouns",
    "postpositions",
    "base_verbs",
    "verb_markers",
)


@cache
def get_phrases(lang: str) -> Phrases:
    """The validated noun-phrase grammar of ``lang`` (cached)."""
    path = rules_dir() / "phrases" / f"{lang}.yaml"
    data = strip_lines(load_yaml(path))
    if data.get("lang") != lang:
        raise RulesError(str(path), 1, f"lang must be {lang!r}")
    unknown = (
        set(data) - set(PHRASE_KEYS) - {"lang", "speaker", "participle_endings", "verb_endings"}
    )
    if unknown:
        raise RulesError(str(path), None, f"unknown keys: {', '.join(sorted(unknown))}")
    w = {k: _fold_words(data.get(k), str(path), k) for k in PHRASE_KEYS}
    lex = get_lexicon(lang)
    connectors: set[str] = set(w["level_verbs"]) | set(w["base_verbs"])
    for group in (lex.increase, lex.decrease, lex.change_by, lex.change_to):
        connectors.update(p.casefold() for phrase in group for p in phrase.split())
    qual_words = {p.casefold() for g in lex.qualifiers.values() for q in g for p in q.split()}
    speaker = data.get("speaker") or {}
    if not isinstance(speaker, dict):
        raise RulesError(str(path), None, "'speaker' must be a mapping")
    return Phrases(
        lang=lang,
        determiners=w["determiners"],
        prepositions=w["prepositions"],
        links=w["links"],
        clause_words=w["clause_words"],
        stop_words=w["stop_words"] | qual_words,
        connectors=frozenset(connectors),
        quantity_nouns=w["quantity_nouns"],
        generic_heads=w["generic_heads"],
        money_links=w["money_links"],
        irregular_plurals=w["irregular_plurals"],
        subject_pronouns=w["subject_pronouns"],
        postpositions=w["postpositions"],
        base_verbs=w["base_verbs"],
        verb_markers=w["verb_markers"],
        participle_endings=tuple(
            _fold_words(data.get("participle_endings"), str(path), "participle_endings")
        ),
        verb_endings=tuple(_fold_words(data.get("verb_endings"), str(path), "verb_endings")),
        speaker=speaker,
    )


# --- concepts ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Concepts:
    by_surface: dict[tuple[str, str], tuple[str, ...]]  # (lang, folded surface) → keys
    suffixes: dict[str, tuple[tuple[str, str], ...]]  # lang → ((folded suffix, key), ...)
    units: dict[str, str]  # key → unit as written in concepts.yaml
    events: frozenset[str] = frozenset()  # keys marked event: true


@cache
def get_concepts() -> Concepts:
    path = rules_dir() / "concepts.yaml"
    raw = load_yaml(path)
    lines = raw.get("__lines__", {})
    data = strip_lines(raw)
    table: dict[tuple[str, str], list[str]] = {}
    suffixes: dict[str, list[tuple[str, str]]] = {lang: [] for lang in LANGS}
    unit_of: dict[str, str] = {}
    events: set[str] = set()
    for key, spec in data.items():
        if not isinstance(spec, dict) or "unit" not in spec:
            raise RulesError(
                str(path), lines.get(key), f"concept {key!r} needs a mapping with a unit"
            )
        unit_of[key] = str(spec["unit"])
        if spec.get("event") is True:
            events.add(key)
        for lang in LANGS:
            forms = spec.get(lang) or []
            if not isinstance(forms, list):
                raise RulesError(str(path), lines.get(key), f"{key}.{lang} must be a list")
            for surface in forms:
                s = " ".join(str(surface).split()).casefold().replace("\u2019", "'")
                if s.startswith("-"):
                    suffixes[lang].append((s[1:], key))
                    continue
                keys = table.setdefault((lang, s), [])
                if key not in keys:
                    keys.append(key)
    for lang in LANGS:
        suffixes[lang].sort(key=lambda p: -len(p[0]))
    return Concepts(
        {k: tuple(v) for k, v in table.items()},
        {k: tuple(v) for k, v in suffixes.items()},
        unit_of,
        frozenset(events),
    )


@lru_cache(maxsize=1 << 16)
def lemmatize(word: str, lang: str) -> str:
    """simplemma's lemma of ``word``; the word itself when the lemmatiser has no data."""
    try:
        import simplemma

        lemma = simplemma.lemmatize(word, lang=lang)
    except Exception:  # lemmatiser data missing: fall back to the word
        return word
    if lang == "de" and word[:1].isupper() and (lemma[:1].islower() or len(lemma) > len(word)):
        return word  # a capitalised noun read as a verb ("Punkte" → "punkten")
    return lemma


@cache
def _surface_lemmas(lang: str) -> dict[str, tuple[str, ...]]:
    """Lemma of every one-word surface form → keys (built once, on the first miss)."""
    out: dict[str, list[str]] = {}
    for (lg, surface), keys in get_concepts().by_surface.items():
        if lg != lang or " " in surface:
            continue
        lem = lemmatize(surface, lang).casefold()
        for k in keys:
            lst = out.setdefault(lem, [])
            if k not in lst:
                lst.append(k)
    return {k: tuple(v) for k, v in out.items()}


@cache
def unit_family(unit: str | None) -> str:
    """The kind of figure a unit states: count, percent, currency or a pint dimension."""
    if unit in (None, "", "dimensionless", "count"):
        return "count"
    if unit in ("percent", "percentage_point") or "percent" in unit:
        return "percent"
    if unit == "currency":
        return "currency"
    try:
        from .units import dimension

        dim = dimension(unit)
    except Exception:
        return unit
    if dim.startswith("[currency_"):
        return "currency"
    if "percent" in dim:
        return "percent"
    return dim or "count"


def _fold(word: str) -> str:
    return word.casefold().replace("\u2019", "'")


def _join(words: list[str]) -> str:
    """Words joined by spaces, except after an elision ("demandeurs d'emploi")."""
    out = ""
    for w in words:
        out += w if not out or out.endswith("'") else " " + w
    return out


def _keys_for(words: list[str], lang: str) -> tuple[str, ...]:
    """Concept keys of a run of words (as written): surface form, lemma, compound head."""
    return _keys_for_run(tuple(words), lang)


@lru_cache(maxsize=1 << 16)
def _keys_for_run(words: tuple[str, ...], lang: str) -> tuple[str, ...]:
    concepts = get_concepts()
    phrase = _join([_fold(w) for w in words])
    keys = concepts.by_surface.get((lang, phrase))
    if keys:
        return keys
    if len(words) == 1:
        lem = _fold(lemmatize(words[0], lang))
        keys = concepts.by_surface.get((lang, lem)) or _surface_lemmas(lang).get(lem)
        if keys:
            return keys
        for suffix, key in concepts.suffixes.get(lang, ()):
            if len(phrase) > len(suffix) + 2 and phrase.endswith(suffix):
                return (key,)
    else:
        lemmas = _join([_fold(lemmatize(w, lang)) for w in words])
        keys = concepts.by_surface.get((lang, lemmas))
        if keys:
            return keys
    return ()


def _pick(keys: tuple[str, ...], family: str) -> str | None:
    units = get_concepts().units
    for k in keys:
        if unit_family(units[k]) == family:
            return k
    return None


def concept_for_words(words: list[str], head: int, lang: str, unit: str | None) -> str | None:
    """The concept of a phrase (folded words, ``head`` its index), else None.

    Tries every run of words that contains the head, longest first; among the concepts
    of a run, the one stated in the claim's kind of unit wins; a run whose concepts all
    have another kind is remembered as a fallback.
    """
    family = unit_family(unit)
    fallback: str | None = None
    n = len(words)
    for size in range(n, 0, -1):
        for i in range(max(0, head - size + 1), min(head, n - size) + 1):
            keys = _keys_for(words[i : i + size], lang)
            if not keys:
                continue
            hit = _pick(keys, family)
            if hit:
                return hit
            fallback = fallback or keys[0]
    return fallback


def concept_of(subject: str | None, lang: str, unit: str | None = None) -> str | None:
    """The concept key of a subject phrase: rules/concepts.yaml, else the head's lemma."""
    if not subject:
        return None
    return _concept_of(subject, lang, unit)


@lru_cache(maxsize=16384)
def _concept_of(subject: str, lang: str, unit: str | None) -> str | None:
    ph = get_phrases(lang)
    words = [t.text for t in tokenize(subject, 0, len(subject)) if t.is_word]
    words = _drop_determiners(words, ph)
    if not words:
        return None
    folded = [_fold(w) for w in words]
    head, comp = _head_index(folded, lang, ph)
    target, h = words, head
    if comp is not None:
        target = words[comp:]
        h = _head_index([_fold(w) for w in target], lang, ph)[0]
        key = concept_for_words(target, h, lang, unit)
        if key:
            return key
    key = concept_for_words(words, head, lang, unit)
    if key:
        return key
    return _fold(lemmatize(target[h], lang))


def _drop_determiners(words: list[str], ph: Phrases) -> list[str]:
    i = 0
    while i < len(words) - 1 and _fold(words[i]) in ph.determiners:
        i += 1
    return words[i:]


def _en_head(words: list[str], ph: Phrases) -> int:
    for i, w in enumerate(words):
        if w in ph.links:
            return max(0, i - 1)
    return len(words) - 1


def _head_index(words: list[str], lang: str, ph: Phrases) -> tuple[int, int | None]:
    """(index of the head word, index where a quantity noun's complement starts or None)."""
    if lang == "en":
        head = _en_head(words, ph)
    elif lang == "de":
        head = 0
        for i, w in enumerate(words):
            if w in ph.links and i > 0:
                break
            head = i
    else:
        head = 0
    comp = None
    if words[head] in ph.quantity_nouns:
        j = head + 1
        while j < len(words) and (words[j] in ph.links or words[j] in ph.determiners):
            j += 1
        if j < len(words) and j > head + 1:
            comp = j
    return head, comp


# --- finding the subject -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Subject:
    text: str  # as written, without leading articles, whitespace normalised
    concept: str | None
    start: int
    end: int
    via: str  # after, before, label, carried, pronoun


def _is_content(tok: Token, ph: Phrases) -> bool:
    if not tok.is_word or tok.kind == "elided":
        return False
    f = tok.fold
    return not (
        f in ph.stop_words
        or f in ph.prepositions
        or f in ph.clause_words
        or f in ph.determiners
        or f in ph.connectors
        or f in ph.links
    )


def _looks_participle(tok: Token, ph: Phrases) -> bool:
    return any(tok.fold.endswith(e) for e in ph.participle_endings) and not tok.upper


def _looks_plural(tok: Token, ph: Phrases) -> bool:
    f = tok.fold
    if f.endswith(("'s", "s'")):
        return False  # a possessive: "Russia's economic output"
    return f in ph.irregular_plurals or (f.endswith("s") and not f.endswith("ss") and len(f) > 2)


CLOSING_QUOTES = frozenset('"\u201d\u201c\u00bb')


def _skip_marks(tokens: list[Token], i: int) -> int:
    while i < len(tokens) and tokens[i].kind == "punct" and tokens[i].text in FORMAT_MARKS:
        i += 1
    return i


def _phrase_after(
    tokens: list[Token], i: int, lang: str, family: str
) -> tuple[int, int, int] | None:
    """(first, last, head) token indexes of the noun phrase starting at ``i``, or None."""
    ph = get_phrases(lang)
    i = _skip_marks(tokens, i)
    if i < len(tokens) and tokens[i].kind == "punct" and tokens[i].text in CLOSING_QUOTES:
        i = _skip_marks(tokens, i + 1)  # a quoted figure and its noun: "95,000 bis 100,000" Mann
    if i >= len(tokens):
        return None
    linked = False
    tok = tokens[i]
    if tok.is_word and (
        tok.fold in ph.links or (family == "currency" and tok.fold in ph.money_links)
    ):
        if family == "currency" and tok.fold not in ph.money_links:
            return None
        linked = True
        i += 1
    elif family in ("currency", "percent"):
        return None
    elif family != "count" and not (tok.is_word and tok.fold in ph.links):
        return None
    # an article after a link word: "of the evacuees", "der russischen Wirtschaftsleistung"
    while i < len(tokens) and tokens[i].is_word and tokens[i].fold in ph.determiners and linked:
        i += 1
    i = _skip_marks(tokens, i)
    first = i
    if lang == "de":
        j = i
        while j < len(tokens) and j - i < 4:
            t = tokens[j]
            if not _is_content(t, ph):
                return None
            if t.upper:
                return first, j, j
            j += 1
        return None
    words: list[int] = []
    j = i
    while j < len(tokens) and len(words) < (3 if lang == "fr" else 4):
        t = tokens[j]
        if t.kind == "elided" or not _is_content(t, ph):
            break
        if t.fold.endswith(ph.verb_endings) and not t.upper and ph.verb_endings:
            if not words:
                return None
            break  # "61 % des Français soutiennent", "un TGV sur trois circulait"
        if not words and _looks_participle(t, ph):
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if not (nxt and _is_content(nxt, ph)):
                if set(_keys_for([t.text], lang)) & get_concepts().events:
                    return first, j, j  # "35 injured", "340 rescued"
                return None
        words.append(j)
        if lang == "en" and _looks_plural(t, ph) and len(words) >= 1:
            break
        j += 1
    if not words:
        return None
    if lang == "fr":
        # noun first, adjectives after; a listed compound goes on through its link word
        # ("demandeurs d'emploi", "forces de l'ordre")
        j = words[-1] + 1
        for size in (3, 2):
            if j + size - 1 < len(tokens) and tokens[j].fold in ph.links:
                run = [tokens[x].text for x in range(words[0], j + size)]
                if _keys_for(run, lang):
                    return first, j + size - 1, words[0]
        return first, words[-1], words[0]
    return first, words[-1], words[-1]


def _token_start(t: Token) -> int:
    return t.start


def _token_end(t: Token) -> int:
    return t.end


MAX_NP_TOKENS = 10
"""A noun phrase is at most this many tokens: keeps a run of words linear."""
MAX_BACK_TOKENS = 40
"""How far left a clause's subject is looked for (keeps long chains of figures linear)."""


def _np_left(tokens: list[Token], end: int, lang: str) -> int:
    """Start index of the noun phrase ending at token ``end`` (inclusive)."""
    ph = get_phrases(lang)
    k = end
    floor = max(0, end - MAX_NP_TOKENS)
    while k > floor:
        prev = tokens[k - 1]
        if prev.kind == "punct" and prev.text in FORMAT_MARKS:
            k -= 1
            continue
        if not prev.is_word:
            break
        f = prev.fold
        if (
            f in ph.links
            and k - 2 >= 0
            and tokens[k - 2].is_word
            and _is_content(tokens[k - 2], ph)
        ):
            # "number of evacuees", "Zahl der Arbeitslosen", "taux de chômage"
            if lang == "de" and not tokens[k - 2].upper:
                break
            k -= 1
            continue
        if f in ph.determiners or (prev.kind == "elided" and f not in ph.links):
            if (
                lang == "fr"
                and k - 3 >= 0
                and tokens[k - 2].is_word
                and tokens[k - 2].fold in ph.links
                and _is_content(tokens[k - 3], ph)
            ):
                k -= 2  # "budget de la Défense"
                continue
            return k - 1
        if _is_content(prev, ph):
            if lang == "de" and not prev.upper and not _de_adjective(prev):
                break
            k -= 1
            continue
        break
    return k


def _de_adjective(tok: Token) -> bool:
    return tok.fold.endswith(("e", "en", "er", "es", "em")) and len(tok.fold) > 3


def _phrase_before(
    tokens: list[Token], ci: int, lang: str, exclude: tuple[tuple[int, int], ...] = ()
) -> tuple[int, int, int, bool] | str | None:
    """The clause's subject left of token ``ci`` linked by a verb: (first, last, head,
    whether the verb acts on a base: "could hit 4.5% of GDP"); "pronoun" when the
    subject is a pronoun; None."""
    ph = get_phrases(lang)
    j = ci - 1
    linked = False
    base = False
    floor = max(-1, ci - 1 - MAX_BACK_TOKENS)
    while j > floor:
        t = tokens[j]
        if t.kind == "punct":
            if t.text in FORMAT_MARKS or t.text in ".%\u2030'":
                j -= 1
                continue
            if t.text == "-" and j > 0 and tokens[j - 1].kind == "num":
                j -= 1  # "des 15-64 ans"
                continue
            return None  # comma or clause punctuation: stop
        if t.kind == "num":
            j -= 1
            continue
        f = t.fold
        if f in ph.clause_words:
            return None
        if f in ph.connectors:
            linked = True
            base = base or f in ph.base_verbs
            j -= 1
            continue
        if f in ph.subject_pronouns and (linked or lang == "de"):
            return "pronoun"  # German V2: "Besonders hoch war sie in Bremen mit 10,3 Prozent"
        if not _is_content(t, ph) or (lang == "de" and not t.upper):
            j -= 1
            continue
        if f in ph.base_verbs:
            base = True
        if lang == "en" and ph.participle_endings and f.endswith(ph.participle_endings):
            j -= 1  # "Inflation eased to 2.9%": a verb
            continue
        start = _np_left(tokens, j, lang)
        if any(tokens[start].start < b and a < tokens[j].end for a, b in exclude):
            j = start - 1  # the speaker: "Den Sachschaden beziffert der Verband auf …"
            continue
        before = tokens[start - 1] if start > 0 else None
        after = tokens[j + 1] if j + 1 < len(tokens) else None
        if before is not None and before.is_word and before.fold in ph.verb_markers:
            j = start - 1  # "will slow", "to peak": a verb, not a noun
            continue
        in_pp = before is not None and before.is_word and before.fold in ph.prepositions
        if after is not None and after.is_word and after.fold in ph.postpositions:
            in_pp = True  # "Einer Umfrage zufolge"
        if in_pp:
            j = start - 2 if before is not None else start - 1
            continue
        if not linked:
            return None
        head = _np_head(tokens, start, j, lang)
        return (start, j, head, base)
    return None


def _np_head(tokens: list[Token], first: int, last: int, lang: str) -> int:
    ph = get_phrases(lang)
    idx = [
        k
        for k in range(first, last + 1)
        if tokens[k].is_word and tokens[k].fold not in ph.determiners
    ]
    if not idx:
        return last
    if lang == "en":
        for k in idx:
            if tokens[k].fold in ph.links:
                return max(idx[0], k - 1)
        return idx[-1]
    if lang == "de":
        head = idx[0]
        for k in idx:
            if tokens[k].fold in ph.links and k > idx[0]:
                break
            if tokens[k].upper:
                head = k
        return head
    return idx[0]


def _label_before(tokens: list[Token], ci: int, lang: str) -> tuple[int, int, int] | None:
    """'Label: figure' (list items, tables) or 'phrase, figure' at a sentence start."""
    j = ci - 1
    ph = get_phrases(lang)
    while j >= 0 and (
        (tokens[j].kind == "punct" and tokens[j].text in FORMAT_MARKS)
        or (tokens[j].is_word and tokens[j].fold in ph.stop_words)
    ):
        j -= 1
    if j < 1 or tokens[j].kind != "punct" or tokens[j].text not in ":,":
        return None
    mark = tokens[j].text
    k = j - 1
    # skip a parenthesis before the colon: "Arbeitslose (nicht saisonbereinigt):"
    if k >= 0 and tokens[k].text == ")":
        while k >= 0 and tokens[k].text != "(":
            k -= 1
        k -= 1
    k2 = k
    while k2 >= 0 and tokens[k2].kind == "punct" and tokens[k2].text in FORMAT_MARKS:
        k2 -= 1
    if k2 < 0 or not _is_content(tokens[k2], ph):
        return None
    start = _np_left(tokens, k2, lang)
    # the label must be the whole segment: sentence (or list item) start before it
    s = start - 1
    while s >= 0 and tokens[s].kind == "punct" and tokens[s].text in FORMAT_MARKS_STR + "-\u2022":
        s -= 1
    if s >= 0:
        return None
    if mark == "," and k2 - start > 5:
        return None
    if any(tokens[x].kind == "num" for x in range(start, k2 + 1)):
        return None
    return start, k2, _np_head(tokens, start, k2, lang)


def _render(text: str, tokens: list[Token], first: int, last: int, lang: str) -> str:
    ph = get_phrases(lang)
    while first < last and tokens[first].is_word and tokens[first].fold in ph.determiners:
        first += 1
    while first < last and tokens[first].kind == "punct":
        first += 1
    while last > first and tokens[last].kind == "punct":
        last -= 1
    s = text[tokens[first].start : tokens[last].end]
    s = s.replace("**", "").replace("__", "")
    return " ".join(s.split())


def _generic_concept(
    tokens: list[Token], after: int, lang: str, unit: str | None, events_only: bool = False
) -> str | None:
    """A concept word later in the clause for a generic head ("people were evacuated");
    with ``events_only``, only what happened to them ("policiers … blessés")."""
    ph = get_phrases(lang)
    family = unit_family(unit)
    events = get_concepts().events
    words: list[str] = []
    for t in tokens[after + 1 : after + 8]:
        if t.kind == "punct" and t.text not in FORMAT_MARKS:
            break
        if not t.is_word or t.fold in ph.clause_words:
            if t.is_word and t.fold in ph.clause_words:
                break
            continue
        words.append(t.text)
    # what happened to them wins over what they have: "Menschen ihre Häuser verlassen"
    # is evacuees, not homes; phrases of up to three words ("in Sicherheit gebracht")
    fallback = None
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            keys = _keys_for(words[i:i + n], lang)
            keys = tuple(k for k in keys if k != "people")
            hit = _pick(tuple(k for k in keys if k in events), family)
            if hit:
                return hit
            if fallback is None and not events_only:
                fallback = _pick(keys, family)
    return fallback


def _make(
    text: str,
    tokens: list[Token],
    span: tuple[int, int, int],
    lang: str,
    unit: str | None,
    via: str,
) -> Subject | None:
    first, last, head = span
    ph = get_phrases(lang)
    while first < last and tokens[first].kind == "punct":
        first += 1
    phrase = _render(text, tokens, first, last, lang)
    if not phrase:
        return None
    concept = concept_of(phrase, lang, unit)
    head_fold = tokens[head].fold
    if head_fold in ph.generic_heads or concept == "people":
        better = _generic_concept(tokens, last, lang, unit)
        if better:
            concept = better
    elif via == "after" and concept not in get_concepts().events and unit_family(unit) == "count":
        better = _generic_concept(tokens, last, lang, unit, events_only=True)
        if better:
            concept = better
    return Subject(phrase, concept, tokens[first].start, tokens[last].end, via)


def find_subject(
    text: str,
    sentence: tuple[int, int],
    claim_start: int,
    claim_end: int,
    lang: str,
    unit: str | None = None,
    tokens: list[Token] | None = None,
    exclude: tuple[tuple[int, int], ...] = (),
) -> Subject | str | None:
    """The subject of one claim; "pronoun" when the clause's subject is a pronoun.

    ``exclude``: spans of the sentence's speaker phrases, never the subject."""
    s_start, s_end = sentence
    if tokens is None:
        tokens = tokenize(text, s_start, s_end)
    family = unit_family(unit)
    ai = bisect_left(tokens, claim_end, key=_token_start)  # first token at or after the claim's end
    ci = bisect_right(tokens, claim_start, key=_token_end)  # first token ending after its start
    # a price per unit ('$3,400 per month in Manhattan') is followed by where or when,
    # not by what it prices: its subject stands before it
    rate = family == "currency" and unit is not None and " / " in unit
    span = None if rate else _phrase_after(tokens, ai, lang, family)
    before = _phrase_before(tokens, ci, lang, exclude)
    if span:
        after = _make(text, tokens, span, lang, unit, "after")
        # "7,1 % de la population active" is a share of a base; "2,2 millions de
        # personnes" a generic count: the clause's own subject says more.
        generic = after is not None and after.concept == "people"
        if isinstance(before, tuple) and ((family == "percent" and not before[3]) or generic):
            return _make(text, tokens, before[:3], lang, unit, "before") or after
        return after
    if before == "pronoun":
        return "pronoun"
    if isinstance(before, tuple):
        return _make(text, tokens, before[:3], lang, unit, "before")
    named = _named_by_of(text, tokens, ci, lang, unit)
    if named:
        return named
    label = _label_before(tokens, ci, lang)
    if label:
        return _make(text, tokens, label, lang, unit, "label")
    return None


def _named_by_of(
    text: str, tokens: list[Token], ci: int, lang: str, unit: str | None
) -> Subject | None:
    """ "a budget of €2.3bn", "un budget de 50 milliards": the known concept right before
    a link word; unknown nouns ("forecasts of 550,000") are left to the carried subject."""
    ph = get_phrases(lang)
    j = ci - 1
    while j >= 0 and tokens[j].kind == "punct" and tokens[j].text in FORMAT_MARKS:
        j -= 1
    if j < 1 or not tokens[j].is_word or tokens[j].fold not in ph.links:
        return None
    k = j - 1
    if not _is_content(tokens[k], ph) or (lang == "de" and not tokens[k].upper):
        return None
    start = _np_left(tokens, k, lang)
    subj = _make(text, tokens, (start, k, _np_head(tokens, start, k, lang)), lang, unit, "of")
    if subj is None or subj.concept not in get_concepts().units:
        return None
    return subj


def subject_after(text: str, end: int, limit: int, lang: str) -> str | None:
    """Compatibility: the noun phrase right after a count, as written, or None."""
    tokens = tokenize(text, end, limit)
    span = _phrase_after(tokens, 0, lang, "count")
    if not span:
        return None
    return _render(text, tokens, span[0], span[1], lang)
