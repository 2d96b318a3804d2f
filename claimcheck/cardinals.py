"""Spelled-out cardinal numbers below a million: "vingt et un", "two hundred and fifty",
"dreitausendfünfhundert".

:func:`cardinal_at` reads the longest cardinal that starts exactly at a position and
returns where it ends and its value.  The words are data (``rules/cardinals/<lang>.yaml``,
its grammar at the top of ``en.yaml``), loaded and checked once per language; the code
knows only the shape shared by de, en and fr numbers:

- below 100: a unit, a teen, a tens word, or a tens word and a unit ("twenty-one",
  "vingt et un", "soixante-dix" with a teen; "einundzwanzig" with the unit first);
- below 1000: an optional multiplier, a hundred word, then an optional part below 100
  ("deux cent cinquante", "two hundred and five", "hundertfünfzig");
- below a million: an optional multiplier below 1000, a thousand word, then an optional
  part below 1000 ("trois mille cinq cents", "zweitausend").

Scale words (million, Milliarde, ...) are never consumed: the engine applies them to the
number read before ("deux cents millions" → "deux cents", 200).

The words of an en or fr number are letter runs joined by one hyphen or by whitespace;
a de number is a single word whose pieces are read greedily, longest piece first.  Work
is linear in the length of the number: words are read one by one and reading stops at
the first word that is no number piece.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from .errors import RulesError
from .lexicon import load_yaml, rules_dir, trie_source

__all__ = ["CardinalWords", "cardinal_at", "cardinal_scan_re", "cardinal_words"]

# --- the kinds of pieces ------------------------------------------------------------------
UNIT: Final = 0  # 1-9
TEEN: Final = 1  # 10-19
TENS: Final = 2  # 20-90
HUNDRED: Final = 3
THOUSAND: Final = 4
JOINER: Final = 5  # and / et / und
ARTICLE: Final = 6  # "a" in "a hundred": one, only before a hundred or thousand word

MAX_WORDS: Final = 16
"""More words than the longest number below a million has (fr needs 11, en 11)."""

# --- regex pieces (compiled once) -----------------------------------------------------------
LETTERS: Final = r"[^\W\d_]+"
"""A run of letters: one word of a number (digits and underscores excluded)."""
HYPHENS: Final = "-\u2010\u2011"
"""Hyphen-minus, hyphen, non-breaking hyphen (not the en dash of a range)."""
INLINE_SPACE: Final = r"[^\S\n]"
"""Whitespace other than a line feed."""
GAP: Final = rf"(?:{INLINE_SPACE}+\n?{INLINE_SPACE}*|\n{INLINE_SPACE}*)"
"""Whitespace between two words of a number: at most one line break (no paragraph)."""
SEPARATOR: Final = rf"(?:[{HYPHENS}]|{GAP})"
"""Between two words of an en or fr number: one hyphen or a gap."""
NOT_AFTER_ALNUM: Final = r"(?<![^\W_])"
NOT_BEFORE_ALNUM: Final = r"(?![^\W_])"
NOT_BEFORE_LETTER: Final = r"(?![^\W\d_])"

WORD_RE: Final = re.compile(LETTERS)

Atom = tuple[int, int, int, str]
"""One number word as read: (kind, value, end offset in the text, its key)."""


@dataclass(frozen=True, slots=True)
class CardinalWords:
    """One language's cardinal words (``rules/cardinals/<lang>.yaml``), validated."""

    lang: str
    atoms: dict[str, tuple[int, int]]
    """Key (words joined by one space, lower case) → (kind, value)."""
    tails: dict[str, tuple[tuple[str, ...], ...]]
    """First word of a several-word key → the words that follow it, longest first."""
    pieces: frozenset[str]
    """Every single word any key is made of (what reading may go on through)."""
    tens_before_teens: frozenset[str]
    need_multiplier: frozenset[str]
    not_multipliers: frozenset[str]
    joined_after_tens: frozenset[str]
    not_final: frozenset[str]
    alone: frozenset[str]
    hundred_multiplier_max: int
    joiner_after_hundred: bool
    joiner_after_thousand: bool
    units_before_tens: bool
    compound_words: bool
    piece_re: re.Pattern[str]
    """compound_words: one piece at a position, longest first."""
    run_re: re.Pattern[str]
    """Not compound_words: a run of whole words that are pieces, up to MAX_WORDS."""
    scan_re: re.Pattern[str]
    """Where a cardinal may start (see :func:`cardinal_scan_re`)."""
    compound_scan_body: str
    """compound_words: ``scan_re`` without its leading lookbehind (``NOT_AFTER_ALNUM``),
    for a case-sensitive scan of a lower-cased copy (grammar.FoldedScanner); else ""."""


# --- loading --------------------------------------------------------------------------------

_KIND_VALUES: Final[dict[str, tuple[int, int, int, int]]] = {
    # key: (kind, lowest value, highest value, step)
    "units": (UNIT, 1, 9, 1),
    "teens": (TEEN, 10, 19, 1),
    "tens": (TENS, 20, 90, 10),
}
_WORD_LISTS: Final[dict[str, int]] = {"hundred": HUNDRED, "thousand": THOUSAND,
                                      "joiners": JOINER, "multiplier_articles": ARTICLE}
_KIND_FIXED_VALUE: Final[dict[int, int]] = {HUNDRED: 100, THOUSAND: 1000, JOINER: 0, ARTICLE: 1}
_SETS: Final = ("tens_before_teens", "need_multiplier", "not_multipliers", "joined_after_tens",
                "not_final", "alone_not_a_number")
_FLAGS: Final = ("joiner_after_hundred", "joiner_after_thousand", "units_before_tens",
                 "compound_words")
_KEYS: Final = frozenset((*_KIND_VALUES, *_WORD_LISTS, *_SETS, *_FLAGS, "hundred_multiplier_max",
                          "__lines__"))


def _key(words: str) -> str:
    """"dix-sept", "Dix sept" → "dix sept"."""
    for h in HYPHENS:
        words = words.replace(h, " ")
    return " ".join(words.lower().split())


def _line(data: dict[str, Any], key: str) -> int | None:
    lines = data.get("__lines__")
    return lines.get(key) if isinstance(lines, dict) else None


def _word_list(path: str, data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise RulesError(path, _line(data, key), f"cardinal.{key} must be a list of words")
    return [_key(w) for w in value]


def parse_cardinal_words(path: str, data: dict[str, Any]) -> CardinalWords:
    """Validate a loaded ``rules/cardinals/<lang>.yaml``; raise RulesError(path, line, msg)."""
    lang = data.get("lang")
    section = data.get("cardinal")
    if not isinstance(lang, str) or not lang:
        raise RulesError(path, _line(data, "lang"), "missing 'lang'")
    if not isinstance(section, dict):
        raise RulesError(path, _line(data, "cardinal"), "missing mapping 'cardinal'")
    for key in section:
        if key not in _KEYS:
            raise RulesError(path, _line(section, key), f"unknown key cardinal.{key}")
    atoms: dict[str, tuple[int, int]] = {}

    def add(key: str, kind: int, value: int, line: int | None) -> None:
        if key in atoms:
            raise RulesError(path, line, f"cardinal: {key!r} is listed twice")
        atoms[key] = (kind, value)

    for name, (kind, low, high, step) in _KIND_VALUES.items():
        table = section.get(name)
        if not isinstance(table, dict):
            raise RulesError(path, _line(section, name), f"cardinal.{name} must be a mapping")
        for word, value in table.items():
            if word == "__lines__":
                continue
            line = _line(table, word)
            if (not isinstance(word, str) or not isinstance(value, int) or isinstance(value, bool)
                    or not low <= value <= high or value % step):
                raise RulesError(path, line, f"cardinal.{name}.{word}: {value!r} is not a "
                                 f"number from {low} to {high}")
            add(_key(word), kind, value, line)
    for name, kind in _WORD_LISTS.items():
        for word in _word_list(path, section, name):
            add(word, kind, _KIND_FIXED_VALUE[kind], _line(section, name))
    sets: dict[str, frozenset[str]] = {}
    for name in _SETS:
        words = _word_list(path, section, name)
        unknown = [w for w in words if w not in atoms]
        if unknown:
            raise RulesError(path, _line(section, name),
                             f"cardinal.{name}: {unknown[0]!r} is not a number word of this file")
        sets[name] = frozenset(words)
    flags: dict[str, bool] = {}
    for name in _FLAGS:
        flag = section.get(name)
        if not isinstance(flag, bool):
            raise RulesError(path, _line(section, name), f"cardinal.{name} must be true or false")
        flags[name] = flag
    mult_max = section.get("hundred_multiplier_max")
    if not isinstance(mult_max, int) or isinstance(mult_max, bool) or not 1 <= mult_max <= 99:
        raise RulesError(path, _line(section, "hundred_multiplier_max"),
                         "cardinal.hundred_multiplier_max must be a number from 1 to 99")
    several = sorted((k.split() for k in atoms if " " in k), key=len, reverse=True)
    tails: dict[str, tuple[tuple[str, ...], ...]] = {}
    for words in several:
        tails[words[0]] = (*tails.get(words[0], ()), tuple(words[1:]))
    if flags["compound_words"] and several:
        raise RulesError(path, _line(data, "cardinal"),
                         f"cardinal: {' '.join(several[0])!r}: compound words are single pieces")
    pieces = frozenset(w for k in atoms for w in k.split())
    return CardinalWords(
        lang=lang,
        atoms=atoms,
        tails=tails,
        pieces=pieces,
        tens_before_teens=sets["tens_before_teens"],
        need_multiplier=sets["need_multiplier"],
        not_multipliers=sets["not_multipliers"],
        joined_after_tens=sets["joined_after_tens"],
        not_final=sets["not_final"],
        alone=sets["alone_not_a_number"],
        hundred_multiplier_max=mult_max,
        joiner_after_hundred=flags["joiner_after_hundred"],
        joiner_after_thousand=flags["joiner_after_thousand"],
        units_before_tens=flags["units_before_tens"],
        compound_words=flags["compound_words"],
        piece_re=re.compile(trie_source(pieces)),
        run_re=_run_re(pieces),
        scan_re=_scan_re(atoms, sets, flags["compound_words"]),
        compound_scan_body=_compound_body(atoms, sets) if flags["compound_words"] else "",
    )


def _run_re(pieces: frozenset[str]) -> re.Pattern[str]:
    piece = trie_source(pieces) + NOT_BEFORE_LETTER
    return re.compile(rf"{piece}(?:{SEPARATOR}{piece}){{0,{MAX_WORDS - 1}}}", re.IGNORECASE)


def _compound_body(atoms: dict[str, tuple[int, int]], sets: dict[str, frozenset[str]]) -> str:
    """The whole word is made of pieces, does not begin with a joiner and does not end
    with a piece that never ends a number ("ein", "eine" and "Einfluss" are not tried)."""
    joiners = [w for w, (kind, _) in atoms.items() if kind == JOINER]
    finals = [w for w, (kind, _) in atoms.items()
              if kind != JOINER and w not in sets["not_final"]]
    return rf"(?!{trie_source(joiners)}){trie_source(atoms)}*?{trie_source(finals)}" + NOT_BEFORE_ALNUM


def _scan_re(atoms: dict[str, tuple[int, int]], sets: dict[str, frozenset[str]],
             compound: bool) -> re.Pattern[str]:
    big = [w for w, (kind, _) in atoms.items() if kind in (HUNDRED, THOUSAND)]
    if compound:
        return re.compile(NOT_AFTER_ALNUM + _compound_body(atoms, sets), re.IGNORECASE)
    # a first word, or an article/lone word right before a hundred or thousand word
    alone = sets["alone_not_a_number"] - sets["not_multipliers"]
    articles = [w for w, (kind, _) in atoms.items() if kind == ARTICLE] + sorted(alone)
    firsts = [w.split()[0] for w, (kind, _) in atoms.items()
              if kind not in (JOINER, ARTICLE)
              and w not in sets["alone_not_a_number"] and w not in sets["need_multiplier"]]
    gap = rf"(?:[{HYPHENS}]|{INLINE_SPACE}+)"
    body = rf"(?:{trie_source(firsts)}|{trie_source(articles)}{gap}{trie_source(big)})"
    return re.compile(NOT_AFTER_ALNUM + body + NOT_BEFORE_ALNUM, re.IGNORECASE)


def _load_cardinal_words(lang: str) -> CardinalWords:
    """The validated cardinal words of ``lang`` (cached; RulesError on a bad or missing file)."""
    path = rules_dir() / "cardinals" / f"{lang}.yaml"
    if not path.is_file():
        raise RulesError(str(path), None, f"no cardinal number words for {lang!r}")
    words = parse_cardinal_words(str(path), load_yaml(path))
    if words.lang != lang:
        raise RulesError(str(path), None, f"lang is {words.lang!r}, expected {lang!r}")
    return words


_CARDINAL_WORDS_MEMO: Final[dict[str, CardinalWords]] = {}


def cardinal_words(lang: str) -> CardinalWords:
    """``_load_cardinal_words(lang)``, built once and kept in a plain dict: the engine asks for it
    per figure or token, and a compiled caller then pays a native call and a dict lookup
    instead of a ``functools.cache`` wrapper's Python call (about 600 instructions)."""
    found = _CARDINAL_WORDS_MEMO.get(lang)
    if found is None:
        found = _CARDINAL_WORDS_MEMO[lang] = _load_cardinal_words(lang)
    return found


def cardinal_scan_re(lang: str) -> re.Pattern[str]:
    """Where a cardinal of ``lang`` may start (use with ``finditer(text, start, end)``):
    a first number word between letter boundaries ("vingt", "dix" of "dix-huit",
    "Twenty"), "one"/"a" only before a hundred or thousand word, and in German a whole
    word made of number pieces ("zweiundzwanzig").  A prefilter: :func:`cardinal_at`
    at ``m.start()`` decides."""
    return cardinal_words(lang).scan_re


# --- reading ------------------------------------------------------------------------------


def cardinal_at(text: str, pos: int, end: int, lang: str) -> tuple[int, Decimal] | None:
    """The longest cardinal number that starts exactly at ``pos`` in ``text[pos:end]``.

    Returns ``(end offset, value)``, value in 1..999,999, or ``None``:

    - a lone plain number word is returned too ("trois", "three", "drei", "cent", "mille",
      "hundert", "eins");
    - "un", "une", "one", "a", "ein", "eine" alone give ``None``: they are articles unless
      a scale word follows or they stand in a ratio, which the engine decides; inside a
      number they read ("vingt et un", "one hundred", "a thousand", "einundzwanzig");
      English "hundred"/"thousand" need a multiplier ("hundred" alone is ``None``);
    - scale words (million, milliard, Million, Milliarde, billion) are not consumed:
      "deux cents millions" → end of "deux cents", 200;
    - a word that is not part of the number is not consumed ("cent vingt personnes" ends
      after "vingt"); "and"/"et"/"und" only inside a number ("two hundred and fifty",
      "vingt et un"; "trois et quatre" → 3; "two hundred and three hundred" → 200);
    - a number glued by a hyphen to a following word is part of that compound word
      (ordinal "vingt-deuxième", "twenty-first", "five-star", "trois-quatre"): the
      number ends before the last separate word, else ``None``: "twenty one-year-olds"
      → "twenty", 20; "twenty-five-year-old" → ``None``;
    - it must start a word: ``None`` right after a letter or digit, or after a hyphen
      glued to one ("COVID-dix"); a German number is one whole word ("Dreieck",
      "dreimal", "zwanzigjährig", "Tausende" → ``None``);
    - case is ignored ("Deux cents", "Vingt et un", "Zweiundzwanzig").

    Raises RulesError when ``lang`` has no valid ``rules/cardinals/<lang>.yaml``.
    """
    if pos < 0 or pos >= end or not _starts_word(text, pos):
        return None
    w = cardinal_words(lang)
    atoms = _compound_atoms(text, pos, end, w) if w.compound_words else _spaced_atoms(text, pos, end, w)
    m = len(atoms)
    while m > 0:
        k, value = _parse(atoms, m, w)
        if k == 0:
            return None
        last = atoms[k - 1]
        if k == 1 and last[3] in w.alone:
            return None
        if last[0] != ARTICLE and last[3] not in w.not_final and _ends_clean(text, last[2], end):
            return last[2], Decimal(value)
        m = k - 1  # try the longest number within fewer words
    return None


def _starts_word(text: str, pos: int) -> bool:
    if pos == 0:
        return True
    before = text[pos - 1]
    if before.isalnum():
        return False
    return not (before in HYPHENS and pos >= 2 and text[pos - 2].isalnum())


def _ends_clean(text: str, stop: int, end: int) -> bool:
    """Nothing glued after the number: no letter, digit or hyphen."""
    if stop >= end:
        return True
    after = text[stop]
    return not (after.isalnum() or after in HYPHENS)


def _spaced_atoms(text: str, pos: int, end: int, w: CardinalWords) -> list[Atom]:
    """en/fr: the number words from ``pos``, read until a word that is no number piece."""
    run = w.run_re.match(text, pos, end)
    if run is None:
        return []
    span = run.group()
    if span.isalpha():  # one word, the usual case ("three people")
        found = w.atoms.get(span.lower())
        return [] if found is None else [(found[0], found[1], run.end(), span.lower())]
    words: list[str] = []
    stops: list[int] = []
    for wm in WORD_RE.finditer(text, pos, run.end()):
        words.append(wm.group().lower())
        stops.append(wm.end())
    atoms: list[Atom] = []
    n = len(words)
    i = 0
    while i < n:
        word = words[i]
        taken = False
        tails = w.tails.get(word)
        if tails is not None:
            for tail in tails:
                k = len(tail)
                if i + k < n and tuple(words[i + 1:i + 1 + k]) == tail:
                    key = word + " " + " ".join(tail)
                    kind, value = w.atoms[key]
                    atoms.append((kind, value, stops[i + k], key))
                    i += k + 1
                    taken = True
                    break
        if not taken:
            found = w.atoms.get(word)
            if found is None:
                break  # "vingts" alone: only a piece of "quatre-vingts"
            atoms.append((found[0], found[1], stops[i], word))
            i += 1
    return atoms


def _compound_atoms(text: str, pos: int, end: int, w: CardinalWords) -> list[Atom]:
    """de: the pieces of the one word at ``pos``, longest piece first; reading stops at
    the first letters that are no piece (the caller then finds no clean end)."""
    m = WORD_RE.match(text, pos, end)
    if m is None:
        return []
    word = m.group().lower()
    if len(word) != m.end() - pos:
        return []  # lower-casing changed the length: no number word does that
    atoms: list[Atom] = []
    i = 0
    n = len(word)
    while i < n and len(atoms) < MAX_WORDS:
        p = w.piece_re.match(word, i)
        if p is None:
            break
        key = p.group()
        kind, value = w.atoms[key]
        i = p.end()
        atoms.append((kind, value, pos + i, key))
    return atoms


# --- the grammar ----------------------------------------------------------------------------


def _parse(atoms: list[Atom], m: int, w: CardinalWords) -> tuple[int, int]:
    """The longest number in ``atoms[:m]``: (atoms used, value); (0, 0) for none."""
    j, v = _group(atoms, 0, m, w)
    if j >= m or atoms[j][0] != THOUSAND:
        return j, v
    if j == 0:
        if atoms[0][3] in w.need_multiplier:
            return 0, 0  # English "thousand" alone
        mult = 1
    elif atoms[j - 1][0] == ARTICLE:
        mult = 1  # "a thousand"
    elif (j == 1 and atoms[0][3] in w.not_multipliers) or v > 999:
        return j, v  # "un mille", "fifteen hundred thousand": not read on
    else:
        mult = v
    end, rest = _after_big(atoms, j + 1, m, w, w.joiner_after_thousand, THOUSAND, _group)
    return end, mult * 1000 + rest  # not "two thousand and three thousand": a range


def _group(atoms: list[Atom], i: int, m: int, w: CardinalWords) -> tuple[int, int]:
    """A number below 1000 (or "a" before a thousand word) from ``atoms[i]``."""
    if i >= m:
        return i, 0
    first = atoms[i]
    if first[0] == ARTICLE:
        if i + 1 < m and atoms[i + 1][0] == THOUSAND:
            return i + 1, 1
        if not (i + 1 < m and atoms[i + 1][0] == HUNDRED):
            return i, 0
        j, v = i + 1, 1
    else:
        j, v = _below100(atoms, i, m, w)
    if j >= m or atoms[j][0] != HUNDRED:
        return j, v
    if j == i:
        if atoms[j][3] in w.need_multiplier:
            return i, 0  # "hundred", "cents" alone
        mult = 1
    elif (j == i + 1 and first[3] in w.not_multipliers) or v > w.hundred_multiplier_max:
        return j, v  # "un cent", "cinquante cents": the hundred word is not ours
    else:
        mult = v
    end, rest = _after_big(atoms, j + 1, m, w, w.joiner_after_hundred, HUNDRED, _below100)
    return end, mult * 100 + rest  # not "two hundred and three hundred": a range


def _after_big(
    atoms: list[Atom], k: int, m: int, w: CardinalWords, joiner: bool, big: int,
    below: Callable[[list[Atom], int, int, CardinalWords], tuple[int, int]],
) -> tuple[int, int]:
    """The part after a hundred or thousand word that ends at ``atoms[k - 1]``: (end,
    its value), or (k, 0).  An optional joiner first ("hundred and five", "hundertundeins");
    a part that is itself followed by the same big word after a joiner is the start of a
    range, not ours ("two hundred and three hundred")."""
    g = k
    if joiner and k < m and atoms[k][0] == JOINER:
        g = k + 1
    j2, v2 = below(atoms, g, m, w)
    if j2 > g and not (g > k and j2 < m and atoms[j2][0] == big):
        return j2, v2
    return k, 0


def _below100(atoms: list[Atom], i: int, m: int, w: CardinalWords) -> tuple[int, int]:
    """A number below 100 from ``atoms[i]``: (next index, value); (i, 0) for none."""
    if i >= m:
        return i, 0
    kind, value, _, key = atoms[i]
    if w.units_before_tens:
        if kind == UNIT:
            if i + 2 < m and atoms[i + 1][0] == JOINER and atoms[i + 2][0] == TENS:
                return i + 3, value + atoms[i + 2][1]  # "einundzwanzig"
            return i + 1, value
        if kind == TEEN or kind == TENS:
            return i + 1, value
        return i, 0
    if kind == UNIT or kind == TEEN:
        return i + 1, value
    if kind != TENS:
        return i, 0
    k = i + 1
    if (k + 1 < m and atoms[k][0] == JOINER and atoms[k + 1][3] in w.joined_after_tens):
        k += 1  # "vingt et un", "soixante et onze"
    if k < m:
        nkind, nvalue, _, _ = atoms[k]
        if nkind == UNIT or (nkind == TEEN and key in w.tens_before_teens):
            return k + 1, value + nvalue
    return i + 1, value
