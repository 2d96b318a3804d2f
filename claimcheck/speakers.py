"""Who is reported as saying a figure: attribution cues from rules/lang/*.yaml.

A speaker is named only where the sentence says so ("according to X", "laut X",
"sagte X", "selon X"); otherwise the speaker is null.  Never invented.
"""

from __future__ import annotations

from functools import cache

import regex

from .lexicon import WORD_GAP, alternation, get_lexicon

NAME = r"(?:\p{Lu}[\p{L}\-'\u2019]*\.?)(?:[\s\u00a0]+(?:\p{Lu}[\p{L}\-'\u2019]*\.?|von|van|de|der|al|bin)){0,3}"


@cache
def _patterns(lang: str) -> tuple[regex.Pattern, regex.Pattern]:
    lex = get_lexicon(lang)
    titles = alternation(lex.titles) if lex.titles else r"(?!)"
    marker = alternation(lex.attribution_before)
    verbs = alternation(lex.attribution_verbs)
    before = regex.compile(
        rf"{marker}{WORD_GAP}(?:(?:der|des|dem|die|the|le|la|les|l')\s+)?(?:{titles}{WORD_GAP})*(?P<name>{NAME})"
    )
    after_verb = regex.compile(
        rf"{verbs}{WORD_GAP}(?:(?:der|des|dem|die|the|le|la|les|l')\s+)?(?:{titles}{WORD_GAP}|\p{{Ll}}+{WORD_GAP}){{0,3}}?(?P<name>{NAME})"
    )
    return before, after_verb


def find_speaker(sentence: str, lang: str) -> str | None:
    """The person or body a sentence attributes its figures to, or None."""
    before, after_verb = _patterns(lang)
    m = before.search(sentence)
    if m:
        return _clean(m.group("name"), lang)
    m = after_verb.search(sentence)
    if m:
        return _clean(m.group("name"), lang)
    return None


def _clean(name: str, lang: str) -> str | None:
    lex = get_lexicon(lang)
    words = name.split()
    titles = {t.casefold() for t in lex.titles}
    while words and words[0].casefold() in titles:
        words.pop(0)
    if not words:
        return None
    return " ".join(words).rstrip(".")
