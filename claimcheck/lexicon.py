"""Language data from rules/: load, validate and turn word lists into regex sources.

Every language word claimcheck knows lives in ``rules/lang/<lang>.yaml`` (grammar in
``rules/SCHEMA.md``); this module reads those files once, checks them, and offers
them as typed, immutable :class:`Lexicon` objects.  A file that breaks the schema
raises :class:`~claimcheck.errors.RulesError` naming the file and line: loading never
only logs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import regex
import yaml

from .errors import RulesError

LANGS: tuple[str, ...] = ("de", "en", "fr")
QUALIFIER_KEYS = ("more_than", "at_least", "less_than", "at_most", "approx", "approx_below")


def rules_dir() -> Path:
    """The rules/ folder: $CLAIMCHECK_RULES, the copy inside an installed wheel, or the checkout."""
    env = os.environ.get("CLAIMCHECK_RULES")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    if packaged.is_dir():
        return packaged
    return here.parent / "rules"


_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it (the wheels are): the same documents and
marks, six times faster than the pure-Python parser (0.04 against 0.26 s for rules/)."""


class _LineLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that remembers the line of every mapping key (for RulesError)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    lines = {}
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        lines[key] = key_node.start_mark.line + 1
    mapping["__lines__"] = lines
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> dict[str, Any]:
    """Read a rules YAML file; every mapping gets a ``__lines__`` dict of key → line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(str(path), None, f"cannot read: {exc.strerror}") from exc
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise RulesError(str(path), line, f"invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    if not isinstance(data, dict):
        raise RulesError(str(path), 1, "expected a mapping at the top level")
    return data


def strip_lines(value: Any) -> Any:
    """Remove the ``__lines__`` bookkeeping from loaded YAML."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != "__lines__"}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def _line(data: dict, key: str) -> int | None:
    return data.get("__lines__", {}).get(key)


def _words(path: Path, data: dict, key: str, required: bool = True) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        if required:
            raise RulesError(str(path), None, f"missing key {key!r}")
        return ()
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise RulesError(str(path), _line(data, key), f"{key!r} must be a list of non-empty strings")
    return tuple(value)


def _flag(path: Path, data: dict, key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise RulesError(str(path), _line(data, key), f"{key!r} must be true or false")
    return value


def _word_map(path: Path, data: dict, key: str) -> dict[str, tuple[str, ...]]:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise RulesError(str(path), _line(data, key), f"{key!r} must be a mapping")
    out = {}
    for sub in value:
        if sub == "__lines__":
            continue
        out[str(sub)] = _words(path, value, sub)
    return out


def _number_map(path: Path, data: dict, key: str) -> dict[str, Decimal]:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise RulesError(str(path), _line(data, key), f"{key!r} must be a mapping of word → number")
    out = {}
    for word, num in value.items():
        if word == "__lines__":
            continue
        try:
            out[str(word)] = Decimal(str(num))
        except InvalidOperation as exc:
            raise RulesError(
                str(path), _line(value, word), f"{key}.{word}: {num!r} is not a number"
            ) from exc
    return out


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's words, validated."""

    lang: str
    cldr_locale: str
    detect_words: tuple[str, ...]
    qualifiers: dict[str, tuple[str, ...]]
    qualifiers_after: dict[str, tuple[str, ...]]
    range_between: tuple[str, ...]
    range_between_connectors: tuple[str, ...]
    range_from: tuple[str, ...]
    movement_verbs: tuple[str, ...]
    movement_to: tuple[str, ...]
    comparison_before: tuple[str, ...]
    tally_before: tuple[str, ...]
    phrasal_particles: tuple[str, ...]
    phrasal_before: tuple[str, ...]
    change_of: tuple[str, ...]
    increase_nouns: tuple[str, ...]
    decrease_nouns: tuple[str, ...]
    half_after_scale: tuple[str, ...]
    range_connectors: tuple[str, ...]
    scale_supplements: dict[Decimal, tuple[str, ...]]
    number_words: dict[str, Decimal]
    unit_words: dict[str, Decimal]
    approx_number_words: dict[str, Decimal]
    fractions: dict[str, Decimal]
    multiples: dict[str, Decimal]
    multiple_suffix: tuple[str, ...]
    multiple_inverse: tuple[str, ...]
    multiple_objects: tuple[str, ...]
    ratio_of: tuple[str, ...]
    ordinal_period: bool
    increase: tuple[str, ...]
    decrease: tuple[str, ...]
    change_by: tuple[str, ...]
    change_to: tuple[str, ...]
    after_increase: tuple[str, ...]
    after_decrease: tuple[str, ...]
    particles_increase: tuple[str, ...]
    particles_decrease: tuple[str, ...]
    by_range: bool
    ordinal_before: tuple[str, ...]
    id_before: tuple[str, ...]
    time_after: tuple[str, ...]
    age_before: tuple[str, ...]
    named_numbers: tuple[str, ...]
    minus_words: tuple[str, ...]
    change_fillers: tuple[str, ...]
    ratio_in: tuple[str, ...]
    ratio_in_noun: tuple[str, ...]
    plural_endings: tuple[str, ...]
    ratio_numerator_not: tuple[str, ...]
    relative_time_before: tuple[str, ...]
    relative_time_after: tuple[str, ...]
    rate_per: tuple[str, ...]
    bare_points: tuple[str, ...]
    topic_prepositions: tuple[str, ...]
    topic_nouns: tuple[str, ...]
    percent_context: tuple[str, ...]
    rate_not_after: tuple[str, ...]
    not_qualifier_before_time: tuple[str, ...]
    age_after: tuple[str, ...]
    age_after_range: tuple[str, ...]
    year_before: tuple[str, ...]
    period_before: tuple[str, ...]
    abbreviations: tuple[str, ...]
    attribution_verbs: tuple[str, ...]
    attribution_before: tuple[str, ...]
    attribution_after: tuple[str, ...]
    pronouns: tuple[str, ...]
    titles: tuple[str, ...]


def parse_lexicon(path: Path) -> Lexicon:
    data = load_yaml(path)
    lang = data.get("lang")
    if lang != path.stem:
        raise RulesError(str(path), _line(data, "lang"), f"lang {lang!r} must match the file name")
    quals = _word_map(path, data, "qualifiers")
    for key in quals:
        if key not in QUALIFIER_KEYS:
            raise RulesError(
                str(path), _line(data["qualifiers"], key),
                f"unknown qualifier {key!r}; expected one of {', '.join(QUALIFIER_KEYS)}",
            )
    quals_after = _word_map(path, data, "qualifiers_after")
    rng = data.get("range") or {}
    change = data.get("change") or {}
    attribution = data.get("attribution") or {}
    for section, name in ((rng, "range"), (change, "change"), (attribution, "attribution")):
        if not isinstance(section, dict):
            raise RulesError(str(path), _line(data, name), f"{name!r} must be a mapping")
    scale_raw = _word_map(path, data, "scale_supplements")
    scale: dict[Decimal, tuple[str, ...]] = {}
    for factor, words in scale_raw.items():
        try:
            scale[Decimal(factor)] = words
        except InvalidOperation as exc:
            raise RulesError(
                str(path), _line(data["scale_supplements"], factor),
                f"scale factor {factor!r} is not a number",
            ) from exc
    cldr = data.get("cldr_locale")
    if not isinstance(cldr, str):
        raise RulesError(str(path), _line(data, "cldr_locale"), "cldr_locale must be a string")
    return Lexicon(
        lang=lang,
        cldr_locale=cldr,
        detect_words=_words(path, data, "detect_words"),
        qualifiers=quals,
        qualifiers_after=quals_after,
        range_between=_words(path, rng, "between"),
        range_between_connectors=_words(path, rng, "between_connectors"),
        range_from=_words(path, rng, "from", required=False),
        movement_verbs=_words(path, rng, "movement_verbs", required=False),
        movement_to=_words(path, rng, "movement_to", required=False),
        comparison_before=_words(path, data, "comparison_before", required=False),
        tally_before=_words(path, data, "tally_before", required=False),
        phrasal_particles=_words(path, change, "phrasal_particles", required=False),
        phrasal_before=_words(path, change, "phrasal_before", required=False),
        change_of=_words(path, change, "of", required=False),
        increase_nouns=_words(path, change, "increase_nouns", required=False),
        decrease_nouns=_words(path, change, "decrease_nouns", required=False),
        half_after_scale=_words(path, data, "half_after_scale", required=False),
        range_connectors=_words(path, rng, "connectors"),
        scale_supplements=scale,
        number_words=_number_map(path, data, "number_words"),
        unit_words=_number_map(path, data, "unit_words"),
        approx_number_words=_number_map(path, data, "approx_number_words"),
        fractions=_number_map(path, data, "fractions"),
        multiples=_number_map(path, data, "multiples"),
        multiple_suffix=_words(path, data, "multiple_suffix", required=False),
        multiple_inverse=_words(path, data, "multiple_inverse", required=False),
        multiple_objects=_words(path, data, "multiple_objects", required=False),
        ratio_of=_words(path, data, "ratio_of", required=False),
        ordinal_period=_flag(path, data, "ordinal_period"),
        increase=_words(path, change, "increase"),
        decrease=_words(path, change, "decrease"),
        change_by=_words(path, change, "by"),
        change_to=_words(path, change, "to"),
        after_increase=_words(path, change, "after_increase", required=False),
        after_decrease=_words(path, change, "after_decrease", required=False),
        particles_increase=_words(path, change, "particles_increase", required=False),
        particles_decrease=_words(path, change, "particles_decrease", required=False),
        by_range=_flag(path, change, "by_range"),
        ordinal_before=_words(path, data, "ordinal_before", required=False),
        id_before=_words(path, data, "id_before", required=False),
        time_after=_words(path, data, "time_after", required=False),
        age_before=_words(path, data, "age_before", required=False),
        named_numbers=_words(path, data, "named_numbers", required=False),
        minus_words=_words(path, data, "minus_words", required=False),
        change_fillers=_words(path, data, "change_fillers", required=False),
        ratio_in=_words(path, data, "ratio_in", required=False),
        ratio_in_noun=_words(path, data, "ratio_in_noun", required=False),
        plural_endings=_words(path, data, "plural_endings", required=False),
        ratio_numerator_not=_words(path, data, "ratio_numerator_not", required=False),
        relative_time_before=_words(path, data, "relative_time_before", required=False),
        relative_time_after=_words(path, data, "relative_time_after", required=False),
        rate_per=_words(path, data, "rate_per", required=False),
        bare_points=_words(path, data, "bare_points", required=False),
        topic_prepositions=_words(path, data, "topic_prepositions", required=False),
        topic_nouns=_words(path, data, "topic_nouns", required=False),
        percent_context=_words(path, data, "percent_context", required=False),
        rate_not_after=_words(path, data, "rate_not_after", required=False),
        not_qualifier_before_time=_words(path, data, "not_qualifier_before_time", required=False),
        age_after=_words(path, data, "age_after", required=False),
        age_after_range=_words(path, data, "age_after_range", required=False),
        year_before=_words(path, data, "year_before", required=False),
        period_before=_words(path, data, "period_before", required=False),
        abbreviations=_words(path, data, "abbreviations", required=False),
        attribution_verbs=_words(path, attribution, "verbs", required=False),
        attribution_before=_words(path, attribution, "markers_before", required=False),
        attribution_after=_words(path, attribution, "markers_after", required=False),
        pronouns=_words(path, attribution, "pronouns", required=False),
        titles=_words(path, attribution, "titles", required=False),
    )


@cache
def get_lexicon(lang: str) -> Lexicon:
    """The validated lexicon of ``lang`` (cached; raises RulesError on a bad file)."""
    if lang not in LANGS:
        raise RulesError(str(rules_dir() / "lang"), None, f"no language data for {lang!r}")
    return parse_lexicon(rules_dir() / "lang" / f"{lang}.yaml")


# --- turning word lists into regex sources -------------------------------------------

WORD_GAP = r"[\s\u00a0\u202f]+"
"""Whitespace allowed between the words of a multi-word phrase."""


def phrase_source(phrase: str) -> str:
    """Regex source for one phrase: escaped, any run of spaces between its words."""
    parts = phrase.split()
    return WORD_GAP.join(regex.escape(p) for p in parts)


def alternation(
    phrases: tuple[str, ...] | list[str], *, bounded: bool = True, left_bounded: bool = True
) -> str:
    """Longest-first alternation of phrases; ``bounded`` adds letter boundaries on both ends
    (``left_bounded=False`` keeps only the right one: scale words glued to digits, "2.3bn").

    Returns a pattern that never matches when ``phrases`` is empty.
    """
    uniq = sorted(set(phrases), key=lambda p: (-len(p), p))
    if not uniq:
        return r"(?!)"
    body = "|".join(phrase_source(p) for p in uniq)
    if not bounded:
        return f"(?:{body})"
    if not left_bounded:
        return rf"(?:{body})(?![\p{{L}}\p{{N}}])"
    return rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])"


# --- fast scanners: a phrase trie in the standard library's engine ----------------------

SCAN_GAP = "[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
"""WORD_GAP spelled out for ``re``: the Unicode White_Space characters that ``regex``'s
``\\s`` matches (``re``'s ``\\s`` also takes the C0 separators \\x1c-\\x1f)."""
SCAN_NOT_AFTER_ALNUM = r"(?<![^\W_])"
"""``(?<![\\p{L}\\p{N}])`` for ``re``: not right after a letter or digit."""
SCAN_NOT_BEFORE_ALNUM = r"(?![^\W_])"
_GAP = None  # trie key of a run of spaces between two words


def trie_source(phrases: Iterable[str], gap: str = WORD_GAP) -> str:
    """Regex source matching the same phrases as :func:`alternation`'s body, factored into a
    trie: shared prefixes are tested once, and a phrase that continues another is tried
    before it (longest first, as the flat alternation orders them)."""
    root: dict = {}
    for phrase in set(phrases):
        node = root
        for i, part in enumerate(phrase.split()):
            if i:
                node = node.setdefault(_GAP, {})
            for ch in part:
                node = node.setdefault(ch, {})
        node[""] = {}
    if not root:
        return r"(?!)"

    def emit(node: dict) -> str:
        branches = [
            (gap if key is _GAP else regex.escape(key)) + emit(child)
            for key, child in sorted(
                ((k, v) for k, v in node.items() if k != ""), key=lambda kv: (kv[0] is _GAP, kv[0] or "")
            )
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a phrase ends here: the longer ones first, then this one
            return f"(?:{body})?"
        return body

    return "(?:" + emit(root) + ")"
