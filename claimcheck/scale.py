"""Scale words ("Mio.", "Milliarden", "bn", "Md", "trillion") and their factors.

CLDR's compact decimal formats (via Babel) give each language's long and short scale
words; ``scale_supplements`` in rules/lang/<lang>.yaml adds what CLDR lacks ("Tsd.",
"bn", "Md").  German and French "Billion" is 10^12 because CLDR says so.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import regex
from babel import Locale

from .lexicon import LANGS, alternation, get_lexicon

_DIGITS_AND_SPACE_RE = regex.compile(r"[0#\s\u00a0\u202f]+")


def _cldr_scale_words(locale: str) -> dict[str, Decimal]:
    """{word: factor} from CLDR compact decimal formats ('0 Millionen' under 1000000)."""
    loc = Locale.parse(locale)
    out: dict[str, Decimal] = {}
    for _width, forms in loc.compact_decimal_formats.items():
        for _plural, patterns in forms.items():
            for magnitude, pattern in patterns.items():
                text = pattern.pattern if hasattr(pattern, "pattern") else str(pattern)
                zeros = text.count("0")
                word = _DIGITS_AND_SPACE_RE.sub(" ", text.replace("'", "")).strip()
                if not word or zeros == 0:
                    continue
                factor = Decimal(magnitude) / (Decimal(10) ** (zeros - 1))
                out.setdefault(word, factor)
    return out


@cache
def scale_words(lang: str) -> dict[str, Decimal]:
    """Every scale word of ``lang`` with its factor (CLDR first, then rules/ supplements)."""
    lex = get_lexicon(lang)
    words = _cldr_scale_words(lex.cldr_locale)
    for factor, supplement in lex.scale_supplements.items():
        for w in supplement:
            words.setdefault(w, factor)
    return words


def is_letter_scale(word: str) -> bool:
    """Single-letter scale words (k, m, M, B, T) only count glued to a money figure."""
    return len(word.rstrip(".")) == 1


@cache
def scale_sources(lang: str) -> tuple[str, str]:
    """(word source, letter source): regex sources for multi-letter and single-letter scales."""
    words = scale_words(lang)
    multi = tuple(w for w in words if not is_letter_scale(w))
    letters = tuple(w for w in words if is_letter_scale(w))
    # single letters are case-sensitive even inside IGNORECASE patterns: "M" is not "m"
    return (alternation(multi, left_bounded=False),
            f"(?-i:{alternation(letters, left_bounded=False)})")


@cache
def _lookup(lang: str) -> dict[str, Decimal]:
    table: dict[str, Decimal] = {}
    for word, factor in scale_words(lang).items():
        table[word] = factor
        if not is_letter_scale(word):
            table.setdefault(word.casefold(), factor)
    return table


@cache
def scale_factor(word: str, lang: str) -> Decimal:
    """Factor of a matched scale word; KeyError when ``word`` is not one of ``lang``'s."""
    table = _lookup(lang)
    norm = " ".join(word.split())
    if norm in table:
        return table[norm]
    return table[norm.casefold()]


def all_langs_scale_words() -> dict[str, dict[str, Decimal]]:
    return {lang: scale_words(lang) for lang in LANGS}
