"""What a figure counts: the subject phrase as written, and its concept key.

The subject is the noun phrase the figure quantifies, found in this order:

1. right after the figure ("94.000 russische Soldaten", "12,000 people", "94 000
   manifestants", "2,2 millions de chômeurs", "$450 million in military aid",
   "4.5% of Russia's economic output", "650 der 2.300 Stellen"); a sum of money or a
   percentage needs a link word first ("in", "of", "der", "de": rules/phrases/*.yaml);
   a money word that is no link ("in", "für", "pour"), or a noun straight after money
   or a duration ("£35m support fund", "fünf Jahre Haft"), counts only when it names a
   known concept of the claim's kind of unit ("€17.25 in Dublin trading" does not);
   after a length or a time, "de la"/"du" says where from ("à deux minutes de la fin");
2. a known concept right before a link word when nothing usable follows the figure
   ("une amende de 50 000 euros", "Freiheitsstrafe von vier Jahren");
3. the clause's subject to the left, when a verb of level or change links it to the
   figure ("the number of evacuees rose to 12,000", "Die Arbeitslosenquote sank auf
   5,4 Prozent", "le taux de chômage a baissé à 4,2 %"), in German also a clause-final
   verb or particle ("… um 2,5 Prozent drücken", "… auf 22 Grad zurück") and the
   subject after a V2 verb ("Insgesamt umfasst der Etat …").  A preposition alone
   ("to", "auf", "à", "de") links only beside a verb: "auteur de 17 points", "disposent
   de dix jours" and "mit einem Rückgang um 25.000" give nothing.  The object of a verb
   that sets or estimates a figure is the subject ("keep its benchmark rate at 5.25%",
   "Die Gesamtkosten beziffert das Museum auf …").  A phrase after a preposition ("in
   November", "im Westen"), a figure after an adverbial preposition ("in 24 hours") and
   a noun quantified by another figure are never the subject;
4. a label before a colon ("Quote: 5,1 %", "Postal votes: roughly 410,000") or a
   phrase set off by a comma ("le nombre de manifestants, 94 000 selon la police"; not
   a name: "Aïssata Ouédraogo, 42 ans" is an age);
5. (speakers.attach) the subject of an earlier figure of the same kind in the same
   sentence, for elliptical lists ("94 000 manifestants selon la police, 250 000 selon
   les syndicats"; "fell to 4.2% from 4.6%");
6. a subject pronoun ("Gegenüber dem Vormonat sei sie … um 12.000 gesunken") takes
   the last subject of the same kind from the previous sentences.

Otherwise the subject is null: never guessed.  The phrase is reported without its
leading article.  Its concept: the longest part of the phrase around its head (or the
complement of a quantity noun: "number of evacuees" → "evacuees"; "passenger numbers"
→ passengers) found in rules/concepts.yaml, by surface form or simplemma lemma, choosing
among concepts that share a word the one stated in the claim's kind of unit
("unemployment" in percent is ``unemployment_rate``, as a count ``unemployed``).  A
concept of another kind of unit is taken only where it can still name the quantity
(_may_fall_back: a percentage is a share of anything; "two routes" are no distance and
"drei Jahre" no fine).  Forms written "=form" match only as written ("Mann", not
"Männer"); forms written "form?" only with one of the concept's cue words in the
sentence ("hommes" are troops next to "armée", otherwise just "homme").  A generic head
("people", "Menschen", "personnes") takes its concept from what happened to them, said
in the phrase, later in the clause or by the verb before the figure ("personnes
évacuées", "12,000 people were evacuated", "displaced 85,000 people" → evacuees,
displaced).  A verb that names the quantity gives the concept when the subject names
none ("The deployment has cost €1.8bn" → cost).  Unknown subjects fall back to the
lemma of their head.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Final

import regex

from .errors import RulesError
from .lexicon import LANGS, get_lexicon, load_yaml, rules_dir, strip_lines
from .token_record import WORD_KINDS, Token, first_ending_after, first_starting_at

if TYPE_CHECKING:  # annotations only: mypyc compiles an ``i64`` local to a C int64_t
    from mypy_extensions import i64

_WORD_KINDS: Final = WORD_KINDS  # a compiled module's own constant: read without a dict lookup

# --- tokens ------------------------------------------------------------------------

ELIDED_HEADS: Final = frozenset({"jusqu", "lorsqu", "puisqu", "qu", "l", "d", "n", "s", "j", "c", "m", "t"})
"""Words written elided before a vowel ("l'", "qu'", "jusqu'"): one token with their apostrophe."""
MAX_ELIDED: Final = max(len(w) for w in ELIDED_HEADS)
_ELIDED_LETTERS: Final = frozenset(ord(w) for w in ELIDED_HEADS if len(w) == 1)
"""Code points of the one-letter elided words (all lowercase ASCII letters)."""
_ELIDED = (r"(?P<elided>(?i:" + "|".join(sorted(ELIDED_HEADS, key=lambda w: (-len(w), w)))
           + r")['\u2019](?=\p{L}))")  # l', qu'
_TOKEN_BODY = r"""
    | (?P<word>(?!(?:\p{Lu}\.){2})                      # a word, unless an abbreviation
        \p{L}[\p{L}\p{M}\p{N}]*
        (?:[\-\u2010\u2011'\u2019][\p{L}\p{N}]+)*      # with inner hyphens, apostrophes
        (?:['\u2019](?=\s))?-?)                        # Farmers' ; Arbeitsmarkt-
    | (?P<abbr>(?:\p{Lu}\.){2,})                                            # U.S., U.K.
    | (?P<num>\p{N}(?:\p{N}|[.,'\u2019](?=\p{N})|[\u00a0\u202f ](?=\p{N}{3}))*)  # 1,234.5
    | (?P<punct>[^\s\p{L}\p{N}])                                            # one punctuation mark
"""
TOKEN_RE: Final = regex.compile(_ELIDED + _TOKEN_BODY, regex.VERBOSE)
TOKEN_NO_ELISION_RE: Final = regex.compile(_TOKEN_BODY.replace("|", "", 1), regex.VERBOSE)
"""The same tokens for a span without apostrophes (no elision to look for: faster).
Words come first (most tokens are words); the lookahead keeps "U.S." an abbreviation."""
FORMAT_MARKS_STR = "*_`~"
FORMAT_MARKS = frozenset(FORMAT_MARKS_STR)
"""Markdown emphasis left in the text: skipped, never a boundary."""
CLAUSE_PUNCT = frozenset(';:!?()[]{}"\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014|')
"""Punctuation that ends a clause (a comma is handled by each rule)."""


SPLIT_ONLY_SPACES: Final = "\x1c\x1d\x1e\x1f"
"""Separators ``str.split`` cuts at but the token pattern's ``\\s`` does not (it reads
them as punctuation): a span holding one is tokenized by the pattern alone."""


NUM_SPACES: Final = " \u00a0\u202f"
"""Spaces a number may hold before a group of three digits ("1 234": the ``num`` branch)."""
MARKS: Final = frozenset(
    "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~\u201c\u201d\u201e\u2018\u00ab\u00bb\u2039\u203a"
    "\u2013\u2014\u2026\u2022\u00b7\u20ac\u00a3\u00a5\u00b0\u00a7\u2020\u2021\u2032\u2033\u00d7\u00bf\u00a1"
)
"""Punctuation marks (no letter, digit or space in any Unicode version) that the token
pattern reads as a token of their own at the start of a piece, and at its end after a
word or number: a word takes in only an apostrophe or a hyphen after it, a number only
'.', ',' or an apostrophe before a digit, and no branch but ``punct`` starts with a mark."""
LEAD_MARKS: Final = MARKS | frozenset("'\u2019-\u2010\u2011")
"""Marks each read as a token of their own at the start of a piece (after a space or a
mark no token takes them in)."""


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of text[start:end] with offsets into ``text``.

    Fast path, exact: the span is cut at whitespace (``str.split``, C speed); a piece of
    letters and digits opening with a letter (``isalnum``, whose characters are all in
    ``\\p{L}`` or ``\\p{N}``; ``isalpha`` ones in ``\\p{L}``) is one word token, as the
    token pattern's word branch matches it whole; other pieces are read by
    ``_piece_tokens`` when they have a shape it knows (marks around a word, a number, an
    elided word or a hyphenated one).  Every other run of consecutive pieces is scanned by
    the pattern, with one character of the following whitespace in view for its lookaheads
    ("Farmers' union"); no token crosses into a piece read in Python ("1 234": a number
    next to a space and a digit is left to the pattern).

    The commonest pieces are read here, as ``_piece_tokens`` would: a word
    ``_self_folded`` (lowercase: its own fold), ASCII digits (a number, unless it may join
    one beside it: ``_number_may_join``), a one-letter elided word and a lowercase word
    (``_elided_rest``), each maybe followed by a comma or a full stop.  Any other word's
    fold is its casefold, from ``_casefold``'s memo.
    """
    out: list[Token] = []  # a plain list: compiled code appends to it and indexes it natively
    chunk = text[start:end]
    apostrophes = "'" in chunk or "\u2019" in chunk
    pattern = TOKEN_RE if apostrophes else TOKEN_NO_ELISION_RE
    for c in SPLIT_ONLY_SPACES:
        if c in chunk:
            _scan_tokens(out, pattern, text, start, end)
            return out
    nxt = 0  # where the next piece starts at the earliest (one past a whitespace)
    run_start = -1  # start (in chunk) of the current run of pieces left to the pattern
    run_end = 0
    skip_to = 0
    for piece in chunk.split():
        # a piece starts right after the single space that usually precedes it (the
        # character there equals the piece's first, so it is no whitespace)
        at = nxt if ord(chunk[nxt]) == ord(piece[0]) else chunk.find(piece, nxt)
        pos = at + len(piece)
        nxt = pos + 1
        if at < skip_to:
            continue  # inside a number read by _number_tokens
        if _self_folded(piece):  # the commonest word: its own fold
            if run_start >= 0:
                _scan_tokens(out, pattern, text, start + run_start, min(end, start + run_end + 1))
                run_start = -1
            out.append(Token("word", piece, start + at, start + pos, piece))
            continue
        if _ascii_digits(piece) and not _number_may_join(chunk, at, 0, len(piece), len(piece)):
            # a number alone ("2024"): _piece_tokens' "num" core, no mark around it
            if run_start >= 0:
                _scan_tokens(out, pattern, text, start + run_start, min(end, start + run_end + 1))
                run_start = -1
            out.append(Token("num", piece, start + at, start + pos, piece))
            continue
        rest = _elided_rest(piece, len(piece)) if apostrophes else ""
        if rest:  # "l'économie"
            if run_start >= 0:
                _scan_tokens(out, pattern, text, start + run_start, min(end, start + run_end + 1))
                run_start = -1
            _append_elided(out, piece, rest, start + at, start + pos)
            continue
        if piece.isalnum():
            if _letter_first(piece):
                if run_start >= 0:
                    _scan_tokens(out, pattern, text, start + run_start, min(end, start + run_end + 1))
                    run_start = -1
                out.append(Token("word", piece, start + at, start + pos, _casefold(piece)))
                continue
        else:
            last = ord(piece[-1])
            if last == 44 or last == 46:  # a word and its comma or full stop (_piece_tokens' commonest)
                word = piece[:-1]
                kind = "word"
                if word and _self_folded(word):
                    wfold = word
                elif word.isalnum() and _letter_first(word):
                    wfold = _casefold(word)
                elif word and _ascii_digits(word):
                    # "2024," read by _piece_tokens: a "num" core (unless it may join the
                    # number before it: the mark after it ends it), then the mark
                    kind = "num"
                    wfold = "" if _number_may_join(chunk, at, 0, len(word), len(piece)) else word
                else:
                    rest = _elided_rest(piece, len(word)) if apostrophes else ""
                    kind = "elided"  # "l'économie,"
                    wfold = word if rest else ""
                if wfold:
                    if run_start >= 0:
                        _scan_tokens(out, pattern, text, start + run_start, min(end, start + run_end + 1))
                        run_start = -1
                    if kind == "elided":
                        _append_elided(out, word, rest, start + at, start + pos - 1)
                    else:
                        out.append(Token(kind, word, start + at, start + pos - 1, wfold))
                    mark = "," if last == 44 else "."
                    out.append(Token("punct", mark, start + pos - 1, start + pos, mark))
                    continue
        toks = _piece_tokens(chunk, piece, at, start, apostrophes)
        if toks is None:
            toks = _number_tokens(chunk, piece, at, start)  # "94 000" across pieces
            if toks is not None:
                skip_to = toks[-1].end - start
        if toks is None:
            if run_start < 0:
                run_start = at
            run_end = pos
            continue
        if run_start >= 0:
            _scan_tokens(out, pattern, text, start + run_start, min(end, start + run_end + 1))
            run_start = -1
        out += toks
    if run_start >= 0:
        _scan_tokens(out, pattern, text, start + run_start, min(end, start + run_end + 1))
    return out


MAX_FOLDS: Final = 1 << 16
"""Most words ``_casefold`` remembers (then it starts afresh)."""
_FOLDS: Final[dict[str, str]] = {}


def _casefold(word: str) -> str:
    """``word.casefold()``, remembered per word: a word is hashed once for the lookup
    (its fold, shared by its tokens, keeps its hash for the set lookups that follow),
    instead of a method call or a slice per token.  Exact: casefolding is a pure
    function of the word."""
    fold = _FOLDS.get(word)
    if fold is None:
        if len(_FOLDS) >= MAX_FOLDS:
            _FOLDS.clear()
        fold = word.casefold()
        _FOLDS[word] = fold
    return fold


def _self_folded(word: str) -> bool:
    """Whether a non-empty word opens with a letter and is letters and digits that are each
    their own casefold: ASCII lowercase letters and digits, and U+00E0..U+00FF but U+00F7
    (the lowercase Latin-1 letters "à".."ÿ").  Such a word is ``isalnum``, ``_letter_first``
    holds for it, and ``word.casefold() == word`` (casefolding maps character by character,
    with no context): its fold is the word itself, with no memo lookup hashing it, nor a
    method call.  Read by code point, in native 64-bit ints (``i64``: no tagged-int checks)."""
    n: i64 = len(word)
    o: i64 = ord(word[0])
    if not (97 <= o <= 122 or (0xE0 <= o <= 0xFF and o != 0xF7)):
        return False
    k: i64 = 1
    while k < n:
        o = ord(word[k])
        if o < 97:
            if o < 48 or o > 57:
                return False
        elif o > 122 and (o < 0xE0 or o > 0xFF or o == 0xF7):
            return False
        k += 1
    return True


def _own_fold(word: str) -> bool:
    """Whether ``word.casefold() == word`` for a word of ASCII lowercase letters, digits,
    '-' and "'", and U+00E0..U+00FF but U+00F7 (each character its own casefold; casefold
    maps character by character).  False may also be said of other words."""
    n: i64 = len(word)
    k: i64 = 0
    while k < n:
        o: i64 = ord(word[k])
        if o < 97:
            if (o < 48 or o > 57) and o != 45 and o != 39:
                return False
        elif o > 122 and (o < 0xE0 or o > 0xFF or o == 0xF7):
            return False
        k += 1
    return True


def _ascii_digits(word: str) -> bool:
    """Whether a non-empty word is ASCII digits alone: ``_piece_tokens`` reads it as a
    "num" core (no mark to strip; ``isalnum`` and ``isdigit``, not a letter first)."""
    n: i64 = len(word)
    k: i64 = 0
    while k < n:
        o: i64 = ord(word[k])
        if o < 48 or o > 57:
            return False
        k += 1
    return True


def _num_space(o: int) -> bool:
    """Whether the character of code point ``o`` is one of NUM_SPACES."""
    return o == 32 or o == 0xA0 or o == 0x202F


def _number_may_join(chunk: str, at: int, lead: int, trail: int, m: int) -> bool:
    """Whether the number core piece[lead:trail] of the piece chunk[at:at+m] stands at the
    piece's edge next to one of NUM_SPACES and then what may be a digit: the pattern may
    join it to the number beside it ("1 234"), so ``_piece_tokens`` leaves it."""
    if lead == 0 and at >= 2 and _num_space(ord(chunk[at - 1])) and _maybe_digit(chunk[at - 2]):
        return True
    cb = at + trail
    return trail == m and cb + 1 < len(chunk) and _num_space(ord(chunk[cb])) and _maybe_digit(chunk[cb + 1])


_ELIDED_MASK: Final = sum(1 << (o - 97) for o in _ELIDED_LETTERS)
"""The one-letter elided words as bits: bit k for the letter of code point 97 + k."""
_ELIDED_FOLDS: Final = tuple(chr(97 + k) + "'" for k in range(26))
"""Fold of a one-letter elided word by its letter's place in the alphabet: "l'" for "L’"
(casefold lowercases an ASCII letter; the fold's apostrophe is made plain)."""


def _elided_rest(piece: str, m: int) -> str:
    """When piece[:m] is a one-letter elided word ("l'", "D’") and then a word that is
    ``_self_folded`` ("l'économie"), that word; else "".  ``_piece_tokens`` reads such a
    piece so: no mark to strip (an ASCII letter opens it, a letter or digit ends it), not
    ``isalnum`` (the apostrophe), ``_elision`` finds the head (a letter follows it), and
    the rest is a word opening with a letter; the head's fold is its letter lowercased
    (casefold, on an ASCII letter) with a plain apostrophe, the word's fold itself."""
    if m < 3:
        return ""
    o = ord(piece[1])
    if o != 39 and o != 0x2019:
        return ""
    c: i64 = ord(piece[0])
    if c >= 128:
        return ""
    c = (c | 32) - 97
    if c < 0 or c > 25 or not (_ELIDED_MASK >> c) & 1:
        return ""
    rest = piece[2:m]
    return rest if _self_folded(rest) else ""


def _append_elided(out: list[Token], head_word: str, rest: str, a: int, b: int) -> None:
    """The tokens of head_word over a..b, an elided word and then ``rest`` as
    ``_elided_rest`` found them."""
    out.append(Token("elided", head_word[:2], a, a + 2, _ELIDED_FOLDS[(ord(head_word[0]) | 32) - 97]))
    out.append(Token("word", rest, a + 2, b, rest))


def _letter_first(word: str) -> bool:
    """Whether a non-empty word of letters and digits (``isalnum``) opens with a letter:
    ASCII ones are digits up to '9'; in U+00C0..U+024F (accented Latin) every ``isalnum``
    character is a letter."""
    o = ord(word[0])
    if o < 128:
        return o > 57
    return 0xC0 <= o < 0x250 or word[0].isalpha()


def _is_letter(c: str) -> bool:
    """Whether a character is a letter (``isalpha``: ``\\p{L}``)."""
    o = ord(c)
    if o < 128:
        return 97 <= o <= 122 or 65 <= o <= 90
    return c.isalpha()


def _maybe_digit(c: str) -> bool:
    """False for a character that is surely no ``\\p{N}``: ASCII but a digit, accented Latin
    (U+00C0..U+024F holds none), LEAD_MARKS, whitespace and letters (``isalpha``)."""
    o = ord(c)
    if o < 128:
        return 48 <= o <= 57
    return not (0xC0 <= o < 0x250 or c in LEAD_MARKS or c.isspace() or c.isalpha())


def _piece_tokens(
    chunk: str, piece: str, at: int, start: int, apostrophes: bool
) -> list[Token] | None:
    """The tokens of the whitespace-delimited piece chunk[at:at+len(piece)], as the token
    pattern reads it, or None when it has no shape known here (left to the pattern).

    Known shapes: LEAD_MARKS, then a core, then MARKS, each mark a token of its own.  The
    core is empty; or letters and digits (a word when a letter opens it, a number when all
    are digits: ``isdigit`` characters are ``\\p{N}``); or an elided word ("l'État",
    ``_elision``); or a word of letters and digits joined by single hyphens or
    apostrophes, maybe ending in one hyphen ("centre-back", "charity's", "Arbeitsmarkt-"),
    unless the text before its first apostrophe may be an elided word (the pattern would
    cut there); or digits joined by single '.' or ','.  A number at the piece's edge
    next to one of NUM_SPACES and then what may be a digit is left to the pattern: it may
    join the number beside it ("1 234").
    """
    m = len(piece)
    lead = 0
    while lead < m and piece[lead] in LEAD_MARKS:
        lead += 1
    trail = m
    while trail > lead and piece[trail - 1] in MARKS:
        trail -= 1
    kind = ""  # the core's kind; "" when the piece is marks alone
    elided = 0
    rest = ""  # an elided word's core after its elision ("économie" of "l'économie")
    digits = 0  # a "num" core's digits before a word ("6e")
    if lead < trail:
        core = piece[lead:trail]
        o = ord(core[0])
        if core.isalnum():
            if o > 57 if o < 128 else core[0].isalpha():
                kind = "word"
            elif core.isdigit():
                kind = "num"
        elif 48 <= o <= 57:
            if _number_core(core):
                kind = "num"
            else:
                digits = _digits_before_word(core)  # "6e", "1er", "10am": a number, a word
                if digits:
                    kind = "num"
        elif apostrophes and (elided := _elision(core)):
            rest = core[elided:]
            if (rest.isalnum() and _letter_first(rest)) or _compound(rest):
                kind = "word"
        elif _compound(core):
            kind = "word"
        if not kind:
            return None
        if kind == "num" and _number_may_join(chunk, at, lead, trail, m):
            return None
    else:
        core = ""
        trail = lead
    a = start + at
    out: list[Token] = []
    for k in range(lead):
        c = piece[k]
        out.append(Token("punct", c, a + k, a + k + 1, c))
    if kind == "num" and digits:
        num = core[:digits]
        word = core[digits:]
        wa = start + at + lead + digits
        out.append(Token("num", num, a + lead, wa, num))
        wfold = _casefold(word)
        out.append(Token("word", word, wa, a + trail, wfold))
    elif kind == "num":
        out.append(Token("num", core, a + lead, a + trail, core))
    elif kind:
        ca = at + lead  # the core's extent in chunk
        if elided:
            head = core[:elided]
            hfold = _casefold(head)
            out.append(Token("elided", head, start + ca, start + ca + elided, hfold.replace("\u2019", "'")))
            core = rest
            ca += elided
        if _own_fold(core):
            fold = core  # no '\u2019' in it
        else:
            fold = _casefold(core)
            if "\u2019" in fold:
                fold = fold.replace("\u2019", "'")
        out.append(Token("word", core, start + ca, a + trail, fold))
    for k in range(trail, m):
        c = piece[k]
        out.append(Token("punct", c, a + k, a + k + 1, c))
    return out


def _number_tokens(chunk: str, piece: str, at: int, start: int) -> list[Token] | None:
    """The tokens of a number opening the piece at chunk[at] that goes on into the pieces
    after it ("94 000", "1 234,5"), up to the end of the piece it ends in (marks after it
    are tokens of their own), or None when unsure (left to the pattern): a digit before
    the piece may join it, the number may hold a character that may be a ``\\p{N}``
    (``_number_end``), or its last piece goes on with something but MARKS."""
    o = ord(piece[0])
    if not 48 <= o <= 57:
        return None
    if at >= 2 and chunk[at - 1] in NUM_SPACES and _maybe_digit(chunk[at - 2]):
        return None
    stop = _number_end(chunk, at)
    if stop < 0:
        return None
    n = len(chunk)
    k = stop
    while k < n and chunk[k] in MARKS:
        k += 1
    if k < n and not chunk[k].isspace():
        return None
    num = chunk[at:stop]
    out = [Token("num", num, start + at, start + stop, num)]
    for i in range(stop, k):
        c = chunk[i]
        out.append(Token("punct", c, start + i, start + i + 1, c))
    return out


def _digit_state(chunk: str, i: int) -> int:
    """1 when chunk[i] is an ASCII digit, 0 when it surely is no ``\\p{N}`` (other ASCII, or
    past the end), -1 when it may be one."""
    if i >= len(chunk):
        return 0
    o = ord(chunk[i])
    if o < 128:
        return 1 if 48 <= o <= 57 else 0
    return -1 if _maybe_digit(chunk[i]) else 0


def _number_end(chunk: str, k: int) -> int:
    """End of the token pattern's ``num`` match at chunk[k] (an ASCII digit): digits, a '.',
    ',' or apostrophe before a digit, one of NUM_SPACES before three digits; -1 when a
    character that may be a non-ASCII ``\\p{N}`` decides it."""
    n = len(chunk)
    k += 1
    while k < n:
        o = ord(chunk[k])
        if 48 <= o <= 57:
            k += 1
        elif o == 46 or o == 44 or o == 39 or o == 0x2019:  # [.,'\u2019](?=\p{N})
            d = _digit_state(chunk, k + 1)
            if d <= 0:
                return k if d == 0 else -1
            k += 2
        elif o == 32 or o == 0xA0 or o == 0x202F:  # [ \u00a0\u202f](?=\p{N}{3})
            d1 = _digit_state(chunk, k + 1)
            d2 = _digit_state(chunk, k + 2)
            d3 = _digit_state(chunk, k + 3)
            if d1 == 0 or d2 == 0 or d3 == 0:
                return k
            if d1 < 0 or d2 < 0 or d3 < 0:
                return -1
            k += 1
        elif o >= 128:
            return -1  # may be a digit of another script
        else:
            return k
    return k


def _digits_before_word(core: str) -> int:
    """How many ASCII digits open ``core`` when a word of letters and digits opening with
    a letter follows them ("6e", "1er"): the pattern reads a ``num``, then a ``word`` (a
    number takes in only digits, or '.', ',', an apostrophe or a space before one); else 0."""
    j = 0
    n = len(core)
    while j < n and 48 <= ord(core[j]) <= 57:
        j += 1
    if j == n:
        return 0
    rest = core[j:]
    return j if rest.isalnum() and _letter_first(rest) else 0


def _number_core(core: str) -> bool:
    """Digits joined by single '.' or ',' ("12,000", "4.5"): one ``num`` token."""
    for part in core.replace(",", ".").split("."):
        if not part.isdigit():
            return False
    return True


def _compound(core: str) -> bool:
    """A word of letters and digits (a letter first) joined by single hyphens or
    apostrophes, maybe ending in one hyphen, that the word branch matches whole; not when
    the text before its first apostrophe may be an elided word ("qu'aujourd-hui"): the
    pattern's ``elided`` branch would cut it there (a non-ASCII letter may match one
    case-insensitively: "ſ" as "s")."""
    if not _letter_first(core):
        return False
    norm = core
    if "\u2019" in norm:
        norm = norm.replace("\u2019", "'")
    if "'" in norm:
        head = norm[: norm.find("'")]
        if len(head) <= MAX_ELIDED and "-" not in head and (
            not head.isascii() or head.lower() in ELIDED_HEADS
        ):
            return False
        norm = norm.replace("'", "-")
    parts = norm.split("-")
    last = len(parts) - 1
    for k, part in enumerate(parts):
        if not part.isalnum() and not (k == last and k > 0 and not part and core[-1] == "-"):
            return False
    return True


def _elision(word: str) -> int:
    """Length of the elided word opening ``word`` with its apostrophe ("l'", "qu\u2019") when
    a letter follows it ("l'économie"), else 0: the token pattern's first branch.  Only
    ASCII letters lowercase to the heads' letters (besides the Kelvin sign, to 'k', no
    head's), so ``lower`` finds what the pattern's case-insensitive heads match but "ſ'"
    (0: the caller leaves such a word to the pattern)."""
    for k in range(1, min(MAX_ELIDED + 1, len(word) - 1)):
        o = ord(word[k])
        if o == 39 or o == 0x2019:  # ' or \u2019
            if k == 1:  # "l'", "d'": an ASCII letter, either case (bit 5 set lowercases it)
                c = ord(word[0])
                head = c < 128 and (c | 32) in _ELIDED_LETTERS
            else:
                head = word[:k].lower() in ELIDED_HEADS
            if head and _is_letter(word[k + 1]):
                return k + 1
            return 0
    return 0


def _scan_tokens(out: list[Token], pattern: regex.Pattern, text: str, start: int, end: int) -> None:
    """Append the pattern's tokens of text[start:end] to ``out``."""
    for m in pattern.finditer(text, start, end):
        t = m.group()
        kind = m.lastgroup or "punct"
        if kind in WORD_KINDS:
            fold = _casefold(t)
            if "\u2019" in fold:
                fold = fold.replace("\u2019", "'")
        else:
            fold = t
        out.append(Token(kind, t, m.start(), m.end(), fold))


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
    prenominal_adjectives: frozenset[str] = frozenset()
    adverbial_prepositions: frozenset[str] = frozenset()
    estimate_verbs: frozenset[str] = frozenset()
    expletives: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    article_links: frozenset[str] = frozenset()
    qualifier_words: frozenset[str] = frozenset()  # words of the lexicon's qualifiers
    verb_qualifiers: frozenset[str] = frozenset()  # "topped", "frôle": a verb that qualifies
    capitalised_nouns: bool = False  # de: "Kosten" is a noun, "kosten" a verb
    grammar_words: frozenset[str] = frozenset()
    """Every word of determiners, prepositions, links, clause_words, stop_words, connectors,
    subject_pronouns and expletives: a word outside it is in none of them (one lookup
    where a chain of tests would look in each)."""


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
    "prenominal_adjectives",
    "adverbial_prepositions",
    "estimate_verbs",
    "expletives",
    "np_coordinators",
    "article_links",
)


@cache
def get_phrases(lang: str) -> Phrases:
    """The validated noun-phrase grammar of ``lang`` (cached)."""
    path = rules_dir() / "phrases" / f"{lang}.yaml"
    data = strip_lines(load_yaml(path))
    if data.get("lang") != lang:
        raise RulesError(str(path), 1, f"lang must be {lang!r}")
    unknown = (
        set(data) - set(PHRASE_KEYS)
        - {"lang", "speaker", "participle_endings", "verb_endings", "capitalised_nouns"}
    )
    if unknown:
        raise RulesError(str(path), None, f"unknown keys: {', '.join(sorted(unknown))}")
    w = {k: _fold_words(data.get(k), str(path), k) for k in PHRASE_KEYS}
    lex = get_lexicon(lang)
    connectors: set[str] = set(w["level_verbs"]) | set(w["base_verbs"])
    for group in (lex.increase, lex.decrease, lex.change_by, lex.change_to):
        connectors.update(p.casefold() for phrase in group for p in phrase.split())
    qual_words = {p.casefold() for g in lex.qualifiers.values() for q in g for p in q.split()}
    prepositions = {p.casefold() for phrase in (*lex.change_by, *lex.change_to) for p in phrase.split()}
    speaker = data.get("speaker") or {}
    if not isinstance(speaker, dict):
        raise RulesError(str(path), None, "'speaker' must be a mapping")
    grammar_words = (
        w["determiners"] | w["prepositions"] | w["links"] | w["clause_words"] | w["stop_words"]
        | qual_words | connectors | w["subject_pronouns"] | w["expletives"]
    )
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
        prenominal_adjectives=w["prenominal_adjectives"],
        adverbial_prepositions=w["adverbial_prepositions"],
        estimate_verbs=w["estimate_verbs"],
        expletives=w["expletives"],
        coordinators=w["np_coordinators"],
        article_links=w["article_links"],
        qualifier_words=frozenset(qual_words),
        capitalised_nouns=data.get("capitalised_nouns") is True,
        verb_qualifiers=frozenset(
            q for q in qual_words
            if q in connectors and q not in prepositions and q not in w["prepositions"] and len(q) > 3
        ),
        grammar_words=frozenset(grammar_words),
    )


# --- concepts ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Concepts:
    by_surface: dict[tuple[str, str], tuple[str, ...]]  # (lang, folded surface) → keys
    suffixes: dict[str, tuple[tuple[str, str], ...]]  # lang → ((folded suffix, key), ...)
    units: dict[str, str]  # key → unit as written in concepts.yaml
    events: frozenset[str] = frozenset()  # keys marked event: true
    exact: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    """(lang, folded surface) → keys of forms written "=form": never matched by lemma."""
    cues: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    """(key, lang) → folded cue words of the concept's forms written "form?"."""
    bases: frozenset[str] = frozenset()
    """Keys marked base: true: a percentage of one is a share of it ("4,7 % du PIB"), and
    what the share measures is the clause's subject (the deficit), not the base."""


CUE_MARK = "?"
"""A key returned for a form written "form?": the concept holds only when a cue word of
the concept stands in the same sentence (resolve_cue)."""


def _surface_forms(spec: dict[str, Any], lang: str, path: str, line: int | None, key: str) -> list[str]:
    forms = spec.get(lang) or []
    if not isinstance(forms, list):
        raise RulesError(path, line, f"{key}.{lang} must be a list")
    return [" ".join(str(f).split()).casefold().replace("\u2019", "'") for f in forms]


NOT_HEADS_KEY: Final = "not_heads"
"""concepts.yaml's entry of compound endings that name no concept though a concept's
"-" form ends them ("-schaft": "Wirtschaft" is not a "-haft")."""


@cache
def get_concepts() -> Concepts:
    path = rules_dir() / "concepts.yaml"
    raw = load_yaml(path)
    lines = raw.get("__lines__", {})
    data = strip_lines(raw)
    table: dict[tuple[str, str], list[str]] = {}
    exact: dict[tuple[str, str], list[str]] = {}
    suffixes: dict[str, list[tuple[str, str]]] = {lang: [] for lang in LANGS}
    unit_of: dict[str, str] = {}
    events: set[str] = set()
    bases: set[str] = set()
    cues: dict[tuple[str, str], frozenset[str]] = {}
    not_heads = data.pop(NOT_HEADS_KEY, None) or {}
    if not isinstance(not_heads, dict):
        raise RulesError(str(path), lines.get(NOT_HEADS_KEY), f"{NOT_HEADS_KEY} must be a mapping")
    for lang in LANGS:
        for s in _surface_forms(not_heads, lang, str(path), lines.get(NOT_HEADS_KEY), NOT_HEADS_KEY):
            suffixes[lang].append((s.lstrip("-"), ""))  # "" : the head names no concept
    for key, spec in data.items():
        if not isinstance(spec, dict) or "unit" not in spec:
            raise RulesError(
                str(path), lines.get(key), f"concept {key!r} needs a mapping with a unit"
            )
        unit_of[key] = str(spec["unit"])
        if spec.get("event") is True:
            events.add(key)
        if spec.get("base") is True:
            bases.add(key)
        cue_spec = spec.get("cues") or {}
        if not isinstance(cue_spec, dict):
            raise RulesError(str(path), lines.get(key), f"{key}.cues must be a mapping")
        for lang in LANGS:
            cue_words = _surface_forms(cue_spec, lang, str(path), lines.get(key), key)
            if cue_words:
                cues[(key, lang)] = frozenset(cue_words)
            for s in _surface_forms(spec, lang, str(path), lines.get(key), key):
                if s.startswith("-"):
                    suffixes[lang].append((s[1:], key))
                    continue
                target, k = table, key
                if s.startswith("="):
                    target, s = exact, s[1:]
                if s.endswith(CUE_MARK):
                    if (key, lang) not in cues:
                        raise RulesError(
                            str(path), lines.get(key), f"{key}: {s!r} needs cues for {lang!r}"
                        )
                    s, k = s[:-1], CUE_MARK + key
                keys = target.setdefault((lang, s), [])
                if k not in keys:
                    keys.append(k)
    for lang in LANGS:
        suffixes[lang].sort(key=lambda p: -len(p[0]))
    return Concepts(
        {k: tuple(v) for k, v in table.items()},
        {k: tuple(v) for k, v in suffixes.items()},
        unit_of,
        frozenset(events),
        {k: tuple(v) for k, v in exact.items()},
        cues,
        frozenset(bases),
    )


def resolve_cue(key: str | None, lang: str, words: frozenset[str] | None) -> str | None:
    """A concept key; a conditional one ("?troops") holds only when one of its cue words
    is among ``words`` (the folded words of the sentence); else None."""
    if key is None or not key.startswith(CUE_MARK):
        return key
    key = key[1:]
    cues = all_concepts().cues.get((key, lang), frozenset())
    if words and cues & words:
        return key
    if words and lang == "de":
        # a cue as the head of a compound: "US-Armee", "Bundeswehrsoldaten"
        tails = tuple(cues)
        if any(w.endswith(tails) for w in words):
            return key
    return None


@cache
def lemmatizer() -> Any:
    """simplemma's default lemmatiser (what ``simplemma.lemmatize`` uses), reading its
    dictionaries through :class:`claimcheck.warmcache.CachedDictionaries`."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    from .warmcache import CachedDictionaries

    factory = CachedDictionaries(DefaultDictionaryFactory())
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))


@lru_cache(maxsize=1 << 16)
def lemmatize(word: str, lang: str) -> str:
    """simplemma's lemma of ``word``; the word itself when the lemmatiser has no data."""
    try:
        lemma = lemmatizer().lemmatize(word, lang)
    except Exception:  # lemmatiser data missing: fall back to the word
        return word
    if lang == "de" and word[:1].isupper() and (lemma[:1].islower() or len(lemma) > len(word)):
        return word  # a capitalised noun read as a verb ("Punkte" → "punkten")
    return lemma


@cache
def _surface_lemmas(lang: str) -> dict[str, tuple[str, ...]]:
    """Lemma of every one-word surface form → keys (built once, on the first miss)."""
    out: dict[str, list[str]] = {}
    for (lg, surface), keys in all_concepts().by_surface.items():
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


# --- per-process memos read by compiled code -----------------------------------------
# The engine asks for a language's phrases, the concepts and a unit's family thousands of
# times per document; through a ``functools.cache`` wrapper each ask is a Python call.
# These dicts hold the very objects the cached functions return (loaded once per process,
# never cleared), so a compiled caller pays a native call and a dict lookup.

_PHRASES_MEMO: Final[dict[str, Phrases]] = {}
_FAMILY_MEMO: Final[dict[str | None, str]] = {}


class _Held:
    """The concepts, and the last language asked for with its phrases, held as a native
    object's attributes: compiled, reading them costs a few instructions, a dict lookup
    over a hundred.  A document asks for one language's phrases thousands of times in a
    row, mostly with the very same string object: an identity test finds them.  The
    language and its phrases are one pair, replaced in one assignment."""

    def __init__(self) -> None:
        self.last: tuple[str, Phrases] | None = None
        self.concepts: Concepts | None = None


_HELD: Final = _Held()


def lang_phrases(lang: str) -> Phrases:
    """``get_phrases(lang)``, memoized in a plain dict (the last answer held apart)."""
    last = _HELD.last
    if last is not None and last[0] is lang:
        return last[1]
    ph = _PHRASES_MEMO.get(lang)
    if ph is None:
        ph = _PHRASES_MEMO[lang] = get_phrases(lang)
    _HELD.last = (lang, ph)
    return ph


def all_concepts() -> Concepts:
    """``get_concepts()``, loaded once."""
    c = _HELD.concepts
    if c is None:
        c = _HELD.concepts = get_concepts()
    return c


def family_of(unit: str | None) -> str:
    """``unit_family(unit)``, memoized in a plain dict."""
    f = _FAMILY_MEMO.get(unit)
    if f is None:
        f = _FAMILY_MEMO[unit] = unit_family(unit)
    return f


def _fold(word: str) -> str:
    return word.casefold().replace("\u2019", "'")


def _join(words: list[str]) -> str:
    """Words joined by spaces, except after an elision ("demandeurs d'emploi")."""
    out = ""
    for w in words:
        out += w if not out or out.endswith("'") else " " + w
    return out


MAX_PREFIX = 4
"""An abbreviation before a hyphen ("US-", "EU-", "NRW-") names where, not what."""


MAX_MEMO: Final = 1 << 16
"""Most entries a plain-dict memo keeps (then it starts afresh)."""
_KEYS_MEMO: Final[dict[str, dict[str | tuple[str, ...], tuple[str, ...]]]] = {}
"""lang → run of words → its concept keys; a run of one word is keyed by the word itself
(its hash is kept: no tuple to build and hash), a longer one by its tuple of words (a
string never equals a tuple)."""


def _keys_for(words: list[str], lang: str) -> tuple[str, ...]:
    """Concept keys of a run of words (as written): surface form, lemma, compound head."""
    return _keys_at(words, 0, len(words), lang)


def _keys_at(words: list[str], i: int, n: int, lang: str) -> tuple[str, ...]:
    """``_keys_for(words[i : i + n], lang)`` without slicing the list.  Remembered per
    language in a plain dict (a compiled caller pays a dict lookup, not an ``lru_cache``
    wrapper's call): ``_keys_for_run`` is a pure function of the words."""
    if n == 1:
        return _word_keys(words[i], lang)
    if n > 1 and not _opens_run(words[i], lang):
        return ()  # no concept form begins with the first word: _keys_for_run finds none
    memo = _keys_memo(lang)
    run = tuple(words[i : i + n])
    keys = memo.get(run)
    if keys is None:
        if len(memo) >= MAX_MEMO:
            memo.clear()
        keys = memo[run] = _keys_for_run(run, lang)
    return keys


def _word_keys(word: str, lang: str) -> tuple[str, ...]:
    """``_keys_for([word], lang)``: keyed by the word itself."""
    memo = _keys_memo(lang)
    keys = memo.get(word)
    if keys is None:
        if len(memo) >= MAX_MEMO:
            memo.clear()
        keys = memo[word] = _keys_for_run((word,), lang)
    return keys


_OPENS_MEMO: Final[dict[str, dict[str, bool]]] = {}
"""lang → word → ``_opens_run(word, lang)``."""


def _opens_run(word: str, lang: str) -> bool:
    """Whether a run of two or more words beginning with ``word`` may name a concept.

    Fast path, exact: ``_keys_for_run`` of such a run looks up the joined folds of its
    words (by_surface, exact) and the joined folds of their lemmas (by_surface); either
    string begins with the first word's fold (lemma fold), since ``_join`` only appends.
    When neither fold is a prefix of a form that can be such a join (_run_prefixes),
    no lookup can hit and the run's keys are ().  Remembered per word in a plain dict
    (a word's hash is kept on the string: cheaper than building and hashing the run)."""
    memo = _OPENS_MEMO.get(lang)
    if memo is None:
        memo = _OPENS_MEMO[lang] = {}
    opens = memo.get(word)
    if opens is None:
        if len(memo) >= MAX_MEMO:
            memo.clear()
        prefixes = _run_prefixes(lang)
        opens = memo[word] = (
            _fold(word) in prefixes or _fold(lemmatize(word, lang)) in prefixes
        )
    return opens


@cache
def _run_prefixes(lang: str) -> frozenset[str]:
    """Every prefix (the empty one too) of every form of ``lang`` (by_surface, exact) a
    join of two or more words can equal: one holding a space or an apostrophe (``_join``
    puts a space between words, except after an elision; the empty prefix covers an
    empty first word, joined with no space)."""
    concepts = all_concepts()
    out: set[str] = {""}
    for table in (concepts.by_surface, concepts.exact):
        for lg, surface in table:
            if lg == lang and (" " in surface or "'" in surface):
                for j in range(1, len(surface) + 1):
                    out.add(surface[:j])
    return frozenset(out)


def _keys_memo(lang: str) -> dict[str | tuple[str, ...], tuple[str, ...]]:
    memo = _KEYS_MEMO.get(lang)
    if memo is None:
        memo = _KEYS_MEMO[lang] = {}
    return memo


def _keys_for_run(words: tuple[str, ...], lang: str) -> tuple[str, ...]:
    concepts = all_concepts()
    phrase = _join([_fold(w) for w in words])
    keys = concepts.by_surface.get((lang, phrase)) or concepts.exact.get((lang, phrase))
    if keys:
        return keys
    if len(words) == 1:
        lem = _fold(lemmatize(words[0], lang))
        keys = concepts.by_surface.get((lang, lem)) or _surface_lemmas(lang).get(lem)
        if keys:
            return keys
        for suffix, key in concepts.suffixes.get(lang, ()):  # longest first
            if len(phrase) > len(suffix) + 2 and phrase.endswith(suffix):
                return (key,) if key else ()  # "Wirtschaft": "-schaft" before "-haft"
        head, dash, rest = words[0].partition("-")
        if dash and rest and head.isalpha() and head.isupper() and len(head) <= MAX_PREFIX:
            return _keys_for_run((rest,), lang)  # "US-Arbeitslosenquote", "EU-Hilfen"
    else:
        lemmas = _join([_fold(lemmatize(w, lang)) for w in words])
        keys = concepts.by_surface.get((lang, lemmas))
        if keys:
            return keys
    return ()


def _key_unit(key: str) -> str:
    return all_concepts().units[key.lstrip(CUE_MARK)]


def _pick(keys: tuple[str, ...], family: str) -> str | None:
    for k in keys:
        if family_of(_key_unit(k)) == family:
            return k
    return None


PLAIN_FAMILIES = ("count", "percent", "currency")
"""Families that are no physical dimension (a pint dimension is any other family)."""


def _may_fall_back(concept_family: str, family: str, ratio: bool) -> bool:
    """Whether a concept stated in another kind of unit still names what the figure counts.

    A percentage is a share of anything ("4.5% of GDP", "2% of ballots"); a physical
    quantity may be given in another dimension ("hectolitres" of a harvest in tonnes);
    a ratio of a count may compare sums of money ("twice as much funding").  A plain
    count is never a length ("two routes"), and a duration never a fine ("drei Jahre").
    """
    if family == "percent":
        return True
    if family not in PLAIN_FAMILIES:
        return concept_family not in PLAIN_FAMILIES
    return family == "count" and ratio and concept_family == "currency"


def concept_for_words(
    words: list[str], head: int, lang: str, unit: str | None, ratio: bool = False
) -> str | None:
    """The concept of a phrase (folded words, ``head`` its index), else None.

    Tries every run of words that contains the head, longest first; among the concepts
    of a run, the one stated in the claim's kind of unit wins; a run whose concepts all
    have another kind is remembered as a fallback where that kind may still name what
    the figure counts (_may_fall_back).
    """
    family = family_of(unit)
    fallback: str | None = None
    n = len(words)
    for size in range(n, 0, -1):
        for i in range(max(0, head - size + 1), min(head, n - size) + 1):
            keys = _keys_at(words, i, size, lang)
            if not keys:
                continue
            hit = _pick(keys, family)
            if hit:
                return hit
            if fallback is None:
                for k in keys:
                    if _may_fall_back(family_of(_key_unit(k)), family, ratio):
                        fallback = k
                        break
    return fallback


def concept_of(
    subject: str | None,
    lang: str,
    unit: str | None = None,
    words: frozenset[str] | None = None,
    ratio: bool = False,
) -> str | None:
    """The concept key of a subject phrase: rules/concepts.yaml, else the head's lemma.

    ``words``: the folded words of the subject's sentence, for concepts that hold only
    with a cue word ("hommes" are troops where the sentence speaks of an army)."""
    if not subject:
        return None
    key = _concept_of(subject, lang, unit, ratio)
    if key is not None and key.startswith(CUE_MARK):
        return resolve_cue(key, lang, words) or _head_lemma(subject, lang)
    return key


@lru_cache(maxsize=4096)
def _head_lemma(subject: str, lang: str) -> str | None:
    ph = lang_phrases(lang)
    words = _drop_determiners(
        [t.text for t in tokenize(subject, 0, len(subject)) if t.kind in _WORD_KINDS], ph
    )
    if not words:
        return None
    folded = [_fold(w) for w in words]
    head, comp = _head_index(folded, lang, ph)
    if comp is not None:
        words = words[comp:]
        head = _head_index([_fold(w) for w in words], lang, ph)[0]
    return _fold(lemmatize(words[head], lang))


_CONCEPT_MEMO: Final[dict[tuple[str, str, str | None, bool], str | None]] = {}
_UNSEEN: Final = "\x00"
"""No concept key: ``_concept_of``'s mark for a phrase not in its memo."""


def _concept_of(subject: str, lang: str, unit: str | None, ratio: bool = False) -> str | None:
    """``_phrase_concept``, remembered in a plain dict (a pure function of its arguments)."""
    args = (subject, lang, unit, ratio)
    key = _CONCEPT_MEMO.get(args, _UNSEEN)
    if key != _UNSEEN:
        return key
    if len(_CONCEPT_MEMO) >= MAX_MEMO:
        _CONCEPT_MEMO.clear()
    key = _phrase_concept(subject, lang, unit, ratio)
    _CONCEPT_MEMO[args] = key
    return key


def _phrase_concept(subject: str, lang: str, unit: str | None, ratio: bool) -> str | None:
    ph = lang_phrases(lang)
    words = [t.text for t in tokenize(subject, 0, len(subject)) if t.kind in _WORD_KINDS]
    words = _drop_determiners(words, ph)
    if not words:
        return None
    folded = [_fold(w) for w in words]
    head, comp = _head_index(folded, lang, ph)
    target, h = words, head
    if comp is not None:
        target = words[comp:]
        h = _head_index([_fold(w) for w in target], lang, ph)[0]
        key = concept_for_words(target, h, lang, unit, ratio)
        if key:
            return key
    key = concept_for_words(words, head, lang, unit, ratio)
    if key:
        return key
    if comp is None and folded[head] in ph.quantity_nouns and head > 0 and lang == "en":
        # a quantity noun after what it counts: "passenger numbers" → passengers
        key = concept_for_words(words[:head], head - 1, lang, unit, ratio)
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
        # adjectives that stand before the noun: "78 bonnes minutes"
        while head < len(words) - 1 and words[head] in ph.prenominal_adjectives:
            head += 1
    comp = None
    if words[head] in ph.quantity_nouns:
        j = head + 1
        while j < len(words) and (words[j] in ph.links or words[j] in ph.determiners):
            j += 1
        if j < len(words) and j > head + 1:
            comp = j
    return head, comp


# --- finding the subject -------------------------------------------------------------


@dataclass(init=False, unsafe_hash=True)
class Subject:
    """What a figure counts: a value object, never changed after it is made.  Its
    ``__init__`` is written out, not generated: mypyc compiles a written one (seven times
    faster to build than a dataclass's generated ``__init__``, which stays Python)."""

    text: str  # as written, without leading articles, whitespace normalised
    concept: str | None
    start: int
    end: int
    via: str  # after, before, label, carried, pronoun

    def __init__(self, text: str, concept: str | None, start: int, end: int, via: str) -> None:
        self.text = text
        self.concept = concept
        self.start = start
        self.end = end
        self.via = via


def _noun_not_verb(tok: Token, ph: Phrases) -> bool:
    """A capitalised word spelled like a base verb is its noun where nouns are
    capitalised: "Die Kosten liegen bei …" (de), not the verb "kosten"."""
    return ph.capitalised_nouns and tok.upper and tok.fold in ph.base_verbs


def _is_content(tok: Token, ph: Phrases) -> bool:
    """A word (no elided one) in none of the grammar word sets.  Fast path, exact: a word
    outside ``ph.grammar_words`` (their union) is in none of the sets tested."""
    if tok.kind not in _WORD_KINDS or tok.kind == "elided":
        return False
    f = tok.fold
    if f not in ph.grammar_words:
        return True
    return not (
        f in ph.stop_words
        or f in ph.prepositions
        or f in ph.clause_words
        or f in ph.determiners
        or (f in ph.connectors and not _noun_not_verb(tok, ph))
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


@cache
def _scale_folds(lang: str) -> frozenset[str]:
    from .scale import is_letter_scale, scale_words

    return frozenset(w.casefold() for w in scale_words(lang) if not is_letter_scale(w))


def _is_finite_verb(tok: Token, ph: Phrases, lang: str) -> bool:
    """A word with a finite verb's ending whose lemma is another word ("disposent" →
    disposer, "évoqueront" → évoquer); nouns keep theirs ("gouvernement", "moment")."""
    if not ph.verb_endings or tok.upper or not tok.fold.endswith(ph.verb_endings):
        return False
    return _fold(lemmatize(tok.text, lang)) != tok.fold


def _participle_not_noun(tok: Token, lang: str) -> bool:
    """A participle-looking word that no concept lists as a noun ("obus" and "pénalités"
    are nouns; "évacués" is what happened, "moved" an unknown verb)."""
    keys = _word_keys(tok.text, lang)
    if not keys:
        return True
    events = all_concepts().events
    return any(k.lstrip(CUE_MARK) in events for k in keys)


def _skip_partitive(tokens: list[Token], i: int, lang: str, ph: Phrases) -> int:
    """After "of the"/"der": a second figure whose noun the first one shares ("650 der
    derzeit etwa 2.300 Stellen", "3.2 million of the 4.5 million registered voters")."""
    j = i
    while j < len(tokens) and j - i < 3 and tokens[j].kind in _WORD_KINDS and tokens[j].fold in ph.stop_words:
        j += 1
    if j >= len(tokens) or tokens[j].kind != "num":
        return i
    j += 1
    scales = _scale_folds(lang)
    while j < len(tokens) and tokens[j].kind in _WORD_KINDS and tokens[j].fold in scales:
        j += 1
    return j


def _phrase_after(
    tokens: list[Token], i: int, lang: str, family: str
) -> tuple[int, int, int, bool] | None:
    """(first, last, head, checked) token indexes of the noun phrase starting at ``i``,
    or None; ``checked``: the phrase is the subject only when it names a known concept
    of the claim's kind of unit ("$450 million in military aid", "£35m support fund",
    "fünf Jahre Haft"), not a place or time ("€17.25 in Dublin trading")."""
    ph = lang_phrases(lang)
    i = _skip_marks(tokens, i)
    if i < len(tokens) and tokens[i].kind == "punct" and tokens[i].text in CLOSING_QUOTES:
        i = _skip_marks(tokens, i + 1)  # a quoted figure and its noun: "95,000 bis 100,000" Mann
    if i >= len(tokens):
        return None
    linked = False
    checked = False
    physical = family not in PLAIN_FAMILIES
    tok = tokens[i]
    if tok.kind in _WORD_KINDS and tok.fold in ph.links:
        if family == "currency" and tok.fold not in ph.money_links:
            return None  # "1,2 Milliarden Euro des Bundes": whose, not what
        linked = True
        i += 1
        if physical and (
            tok.fold in ph.article_links
            or (i < len(tokens) and tokens[i].kind in _WORD_KINDS and tokens[i].fold in ph.determiners)
        ):
            return None  # "à deux minutes de la fin", "10 km von der Grenze": where, not what
    elif tok.kind in _WORD_KINDS and tok.fold in ph.money_links and family != "percent":
        linked = checked = True
        i += 1
    elif family == "percent":
        return None
    elif family != "count":
        checked = True  # "£35m support fund", "fünf Jahre Haft"
    # an article after a link word: "of the evacuees", "der russischen Wirtschaftsleistung",
    # "d'autres habitants"
    while (
        linked
        and i < len(tokens)
        and tokens[i].kind in _WORD_KINDS
        and (
            tokens[i].fold in ph.determiners
            or (tokens[i].fold in ph.stop_words and tokens[i].fold in ph.prenominal_adjectives)
        )
    ):
        i += 1
    if linked and family == "count":
        i = _skip_partitive(tokens, i, lang, ph)
    i = _skip_marks(tokens, i)
    first = i
    if lang == "de":
        j = i
        while j < len(tokens) and j - i < 4:
            t = tokens[j]
            if not _is_content(t, ph):
                return None
            if t.upper:
                return first, j, j, checked
            j += 1
        return None
    words: list[int] = []
    j = i
    while j < len(tokens) and len(words) < (3 if lang == "fr" else 4):
        t = tokens[j]
        if t.kind == "elided" or not (
            _is_content(t, ph)
            or (words and t.fold in ph.connectors and _word_keys(t.text, lang))
        ):
            break  # ("operating costs": a noun that is also a verb goes on the phrase)
        if _is_finite_verb(t, ph, lang):
            if not words:
                return None
            break  # "61 % des Français soutiennent", "un TGV sur trois circulait"
        nxt_tok = tokens[j + 1] if j + 1 < len(tokens) else None
        if (
            words
            and nxt_tok is not None
            and nxt_tok.kind in _WORD_KINDS
            and nxt_tok.fold in ph.determiners
            and nxt_tok.fold not in ph.links
        ):
            break  # a verb with its object: "trois pays présente la pièce", "grant covers the"
        if not words and _looks_participle(t, ph) and _participle_not_noun(t, lang):
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if not (nxt and _is_content(nxt, ph)):
                if set(_word_keys(t.text, lang)) & all_concepts().events:
                    return first, j, j, checked  # "35 injured", "340 rescued"
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
                    return first, j + size - 1, words[0], checked
        return first, words[-1], words[0], checked
    return first, words[-1], words[-1], checked


MAX_NP_TOKENS = 10
"""A noun phrase is at most this many tokens: keeps a run of words linear."""
MAX_BACK_TOKENS = 40
"""How far left a clause's subject is looked for (keeps long chains of figures linear)."""


MAX_PAREN_TOKENS = 6
"""A parenthesis inside a noun phrase or clause is skipped when at most this long."""


def _open_paren(tokens: list[Token], close: int) -> int:
    """Index of the "(" matching the ")" at ``close`` within MAX_PAREN_TOKENS, else -1."""
    k = close - 1
    floor = max(-1, close - 1 - MAX_PAREN_TOKENS)
    while k > floor:
        t = tokens[k]
        if t.kind == "punct" and t.text == "(":
            return k
        if t.kind == "punct" and t.text in CLAUSE_PUNCT:
            return -1
        k -= 1
    return -1


def _nounish(tokens: list[Token], k: int, ph: Phrases) -> bool:
    """A content word, or a verb of level or change used as a noun after an article
    ("the cost of the deployment", "la hausse des prix")."""
    t = tokens[k]
    if _is_content(t, ph):
        return True
    if ph.lang == "de" and t.upper and k > 0 and t.fold in ph.connectors:
        return True  # a capitalised German noun: "mit Kosten von", "einem Rückgang"
    return (
        t.fold in ph.connectors
        and t.fold not in ph.prepositions
        and t.fold not in ph.links
        and k > 0
        and tokens[k - 1].kind in _WORD_KINDS
        and tokens[k - 1].fold in ph.determiners
    )


def _np_left(tokens: list[Token], end: int, lang: str, chain: bool = True) -> int:
    """Start index of the noun phrase ending at token ``end`` (inclusive); with
    ``chain`` False it stops at a link word ("troupe de | quatorze comédiens")."""
    ph = lang_phrases(lang)
    k = end
    floor = max(0, end - MAX_NP_TOKENS)
    while k > floor:
        prev = tokens[k - 1]
        if prev.kind == "punct" and prev.text in FORMAT_MARKS:
            k -= 1
            continue
        if prev.kind == "punct" and prev.text == ")":
            o = _open_paren(tokens, k - 1)
            if o <= 0 or tokens[o - 1].kind not in _WORD_KINDS:
                break
            k = o  # "the (fictional) state", "Bureau international du travail (BIT)"
            continue
        if prev.kind not in _WORD_KINDS:
            break
        f = prev.fold
        if prev.kind == "elided" and f in ph.verb_markers:
            break  # a reflexive pronoun: "s'élevaient" is a verb
        if (
            chain
            and f in ph.links
            and k - 2 >= 0
            and tokens[k - 2].kind in _WORD_KINDS
            and _nounish(tokens, k - 2, ph)
        ):
            # "number of evacuees", "Zahl der Arbeitslosen", "taux de chômage"
            if lang == "de" and not tokens[k - 2].upper:
                break
            k -= 1
            continue
        if (
            f in ph.coordinators
            and k - 2 >= 0
            and _is_content(tokens[k], ph)
            and _is_content(tokens[k - 2], ph)
            and (lang != "de" or tokens[k - 2].upper == tokens[k].upper)
        ):
            k -= 1  # "Beamtinnen und Beamten", "échanges scolaires et universitaires"
            continue
        if f in ph.determiners or (prev.kind == "elided" and f not in ph.links):
            if (
                chain
                and lang != "de"
                and k - 3 >= 0
                and tokens[k - 2].kind in _WORD_KINDS
                and tokens[k - 2].fold in ph.links
                and _nounish(tokens, k - 3, ph)
            ):
                k -= 2  # "budget de la Défense", "cost of the deployment"
                continue
            return k - 1
        if _nounish(tokens, k - 1, ph):
            if (
                lang == "de"
                and not prev.upper
                and not _de_adjective(prev)
                and not (k - 2 >= 0 and tokens[k - 2].fold in ph.links)
            ):
                break  # "der sozialversicherungspflichtig Beschäftigten" goes on
            k -= 1
            continue
        break
    return k


def _de_adjective(tok: Token) -> bool:
    return tok.fold.endswith(("e", "en", "er", "es", "em")) and len(tok.fold) > 3


def _after_determiner(tokens: list[Token], j: int, ph: Phrases, lang: str) -> bool:
    """Whether token ``j`` is a noun after a determiner ("a rise", "a first cut",
    "einem deutlichen Rückgang"; in German only a capitalised word: "der beiden liegt"
    is a verb)."""
    if lang == "de" and not tokens[j].upper:
        return False
    k = j - 1
    while (
        k >= 0
        and k > j - 3
        and tokens[k].kind in _WORD_KINDS
        and (
            tokens[k].fold in ph.prenominal_adjectives
            or (lang == "de" and not tokens[k].upper and _de_adjective(tokens[k]))
        )
        and tokens[k].fold not in ph.determiners
    ):
        k -= 1
    return k >= 0 and tokens[k].kind in _WORD_KINDS and tokens[k].fold in ph.determiners


def _v2_verb(tokens: list[Token], j: int, ph: Phrases) -> bool:
    """A German verb of level or change right before token ``j`` ("war sie", "sei sie"):
    the subject after it is linked to the figure ("hatte er sich … von" is not)."""
    if j < 1 or tokens[j - 1].kind not in _WORD_KINDS:
        return False
    f = tokens[j - 1].fold
    return f in ph.connectors and f not in ph.prepositions and f not in ph.links


def _is_auxiliary(tok: Token, ph: Phrases) -> bool:
    """An auxiliary or copula ("was", "a", "sont", "wird"): a stop word that links."""
    return tok.fold in ph.stop_words and tok.fold in ph.connectors


def _verb_like(tok: Token, tokens: list[Token], j: int, ph: Phrases, lang: str) -> str:
    """How token ``j`` (a content word) reads as a verb: "participle" (a past participle
    or English past tense: "eased", "a dépassé", "Menés"), "finite" (a French finite
    verb: "disposent"), or "" (a noun)."""
    f = tok.fold
    if ph.participle_endings and f.endswith(ph.participle_endings):
        if lang == "en":
            return "participle"  # "Inflation eased to 2.9%"
        if _np_left(tokens, j, lang) == j and _participle_not_noun(tok, lang):
            return "participle"  # no article before it: a verb
    if _is_finite_verb(tok, ph, lang):
        return "finite"
    return ""


def _phrase_before(
    tokens: list[Token],
    ci: int,
    lang: str,
    exclude: tuple[tuple[int, int], ...] = (),
    unit: str | None = None,
    ai: int = -1,
) -> tuple[int, int, int, bool, str] | str | None:
    """The clause's subject left of token ``ci`` linked by a verb: (first, last, head,
    whether the verb acts on a base: "could hit 4.5% of GDP", the linking verb as
    folded: "cost"); "pronoun" when the subject is a pronoun; None.

    A verb of level or change links ("rose to", "lag bei", "a atteint"); a preposition
    alone ("to", "auf", "à", "de") links only with a verb beside it: "auteur de 17
    points", "disposent de dix jours" and "mit einem Rückgang um 25.000" do not.  A
    figure after an adverbial preposition ("in 24 hours", "seit vier Jahren") has no
    clause subject."""
    ph = lang_phrases(lang)
    j = ci - 1
    k = j
    while k >= 0 and tokens[k].kind == "punct" and tokens[k].text in FORMAT_MARKS:
        k -= 1
    if k >= 0 and tokens[k].kind in _WORD_KINDS and tokens[k].fold in ph.adverbial_prepositions:
        return None
    verb_after = _verb_after(tokens, ai, ph, lang) if lang == "de" and ai >= 0 else ""
    linked = bool(verb_after)
    verb_word = verb_after
    prep = False  # a preposition of level or change: links with a verb
    prep_link = False  # that preposition is a link word ("de", "of")
    agent = False  # a speaker phrase was passed: the verb's object stands before it
    base = verb_after in ph.base_verbs
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
            if t.text == ")":
                o = _open_paren(tokens, j)
                if o > 0:
                    j = o - 1  # "au sens du Bureau international du travail (BIT)"
                    continue
            return None  # comma or clause punctuation: stop
        if t.kind == "num":
            j -= 1
            continue
        f = t.fold
        # a word outside ph.grammar_words is no clause word, expletive, link, connector or
        # subject pronoun: none of these tests holds for it
        if f in ph.grammar_words:
            if f in ph.clause_words or f in ph.expletives:
                return None  # "meaning there is roughly a 1 in 15,000 chance"
            if f in ph.links and f not in ph.connectors:
                prep = prep_link = True  # "réduire la surface du vignoble d'environ 15 000 hectares"
                j -= 1
                continue
            if f in ph.connectors and not _noun_not_verb(t, ph):
                if f in ph.prepositions or f in ph.links:
                    prep = True
                    prep_link = prep_link or f in ph.links
                elif not linked and _after_determiner(tokens, j, ph, lang):
                    return None  # a change noun: "mit einem Rückgang um 25.000", "a rise of 5%"
                elif (
                    not linked
                    and not agent
                    and f in ph.estimate_verbs
                    and prep
                    and not (ph.participle_endings and f.endswith(ph.participle_endings))
                    and not (
                        j > 0 and tokens[j - 1].kind in _WORD_KINDS and _is_auxiliary(tokens[j - 1], ph)
                    )
                ):
                    return None  # its object stands elsewhere: "a measure the OBR put at £2.4bn"
                else:
                    linked = True
                    base = base or f in ph.base_verbs
                    verb_word = verb_word or f
                j -= 1
                continue
            if f in ph.subject_pronouns and (linked or (lang == "de" and _v2_verb(tokens, j, ph))):
                return "pronoun"  # German V2: "Besonders hoch war sie in Bremen mit 10,3 Prozent"
        if not _is_content(t, ph) or (lang == "de" and not t.upper):
            j -= 1
            continue
        if f in ph.base_verbs:
            base = True
        verb = _verb_like(t, tokens, j, ph, lang)
        if verb == "participle":
            # "slipped to", "a dépassé de"; not "égalisé à trois minutes de la fin"
            linked = linked or (prep and (lang == "en" or prep_link))
            j -= 1
            if j >= 0 and tokens[j].kind in _WORD_KINDS and _is_auxiliary(tokens[j], ph):
                j -= 1  # its auxiliary links nothing: "a consacré", "se sont imposés"
            continue
        if verb == "finite" and not linked:
            return None  # the clause's own verb: "Les deux parties disposent de dix jours"
        start = _np_left(tokens, j, lang)
        if any(tokens[start].start < b and a < tokens[j].end for a, b in exclude):
            agent = True
            j = start - 1  # the speaker: "Den Sachschaden beziffert der Verband auf …"
            continue
        before = tokens[start - 1] if start > 0 else None
        after = tokens[j + 1] if j + 1 < len(tokens) else None
        if (
            before is not None
            and before.kind in _WORD_KINDS
            and before.fold in ph.verb_markers
            and tokens[start].fold not in ph.determiners  # "to the bridge" is a noun
        ):
            linked = linked or prep  # "will slow to 3.8%", "to peak at": a verb, not a noun
            j = start - 1
            continue
        if before is not None and before.kind == "num" and not _year_like(before):
            j = start - 1  # the noun of another figure: "Binnen 24 Stunden fielen …"
            continue
        b = start - 1
        while (
            b > start - 3
            and b > 0
            and tokens[b].kind in _WORD_KINDS
            and tokens[b].fold in ph.qualifier_words
            and tokens[b].fold not in ph.prepositions
        ):
            b -= 1  # "Innerhalb weniger Stunden"
        in_pp = b >= 0 and tokens[b].kind in _WORD_KINDS and tokens[b].fold in ph.prepositions
        if after is not None and after.kind in _WORD_KINDS and after.fold in ph.postpositions:
            in_pp = True  # "Einer Umfrage zufolge"
        if in_pp:
            if not linked and not prep:
                return None  # "the bypass bridge about two miles downstream"
            j = start - 2 if before is not None else start - 1
            continue
        estimate = before is not None and before.kind in _WORD_KINDS and before.fold in ph.estimate_verbs
        verb_before = (
            before is not None
            and before.kind in _WORD_KINDS
            and before.fold in ph.connectors
            and before.fold not in ph.prepositions
            and before.fold not in ph.links
        )
        if (
            estimate or (verb_before and before is not None and not _is_auxiliary(before, ph))
        ) and (linked or prep):
            if lang == "de":
                front = _vorfeld(tokens, start - 1, lang, unit)
                if front is not None:
                    return (*front, base, verb_word)  # "Die Gesamtkosten beziffert das Museum auf …"
            # the verb's object is measured: "keep its benchmark rate at 5.25%", "réduire la
            # surface du vignoble d'environ 15 000 hectares"
            return (start, j, _np_head(tokens, start, j, lang), base, verb_word)
        if verb_before and lang == "de":
            # German V2: the subject after the verb ("Insgesamt umfasst der Etat …")
            return (start, j, _np_head(tokens, start, j, lang), base, verb_word)
        if not linked:
            return None
        head = _np_head(tokens, start, j, lang)
        return (start, j, head, base, verb_word)
    return None


MAX_VERB_AFTER = 4
"""How many words after a German figure its clause-final verb is looked for."""


def _verb_after(tokens: list[Token], ai: int, ph: Phrases, lang: str) -> str:
    """A German verb of level or change (or its particle) at the end of the figure's
    clause: "die Wirtschaftsleistung um etwa 2,5 Prozent drücken", "auf 35 Millionen Euro
    belaufen", "gehen dann auf 22 bis 26 Grad zurück".  The verb's word, else ""."""
    particles = _change_particles(lang)
    for x in range(ai, min(len(tokens), ai + MAX_VERB_AFTER)):
        t = tokens[x]
        if t.kind not in _WORD_KINDS:
            if t.kind == "punct" and t.text in FORMAT_MARKS:
                continue
            return ""
        f = t.fold
        if f in ph.clause_words:
            return ""
        if f in particles and (x + 1 == len(tokens) or tokens[x + 1].kind == "punct"):
            return f  # a separable verb's particle ends the clause: "… zurück."
        if (
            f in ph.connectors
            and not t.upper
            and f not in ph.prepositions
            and f not in ph.links
        ):
            return f
    return ""


@cache
def _change_particles(lang: str) -> frozenset[str]:
    lex = get_lexicon(lang)
    return frozenset(p.casefold() for p in lex.particles_increase + lex.particles_decrease)


def _year_like(tok: Token) -> bool:
    """A bare four-digit year ("bis Ende 2024 Stellen"): no figure of the noun after it."""
    return len(tok.text) == 4 and tok.text.isdigit() and 1800 <= int(tok.text) <= 2100


def _vorfeld(
    tokens: list[Token], verb: int, lang: str, unit: str | None
) -> tuple[int, int, int] | None:
    """The noun phrase that opens a German clause before an estimating verb, when it names
    a known concept and the phrase after the verb does not: of "Die Gesamtkosten beziffert
    das Museum auf …" the figure measures the costs, the museum gives it."""
    ph = lang_phrases(lang)
    k = verb - 1
    if k < 0 or tokens[k].kind not in _WORD_KINDS or not _is_content(tokens[k], ph) or not tokens[k].upper:
        return None
    start = _np_left(tokens, k, lang)
    if start > 0 and not (tokens[start - 1].kind == "punct"):
        return None
    after_start = verb + 1
    after_end = after_start
    while (
        after_end + 1 < len(tokens)
        and after_end - after_start < MAX_NP_TOKENS
        and _is_content(tokens[after_end + 1], ph)
    ):
        after_end += 1

    def known(first: int, last: int) -> bool:
        words = [tokens[x].text for x in range(first, last + 1) if tokens[x].kind in _WORD_KINDS]
        words = _drop_determiners(words, ph)
        if not words:
            return False
        return concept_for_words(words, len(words) - 1, lang, unit) is not None

    if known(start, k) and not known(after_start, after_end):
        return (start, k, _np_head(tokens, start, k, lang))
    return None


def _np_head(tokens: list[Token], first: int, last: int, lang: str) -> int:
    ph = lang_phrases(lang)
    idx = [
        k
        for k in range(first, last + 1)
        if tokens[k].kind in _WORD_KINDS and tokens[k].fold not in ph.determiners
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
    ph = lang_phrases(lang)
    while j >= 0 and (
        (tokens[j].kind == "punct" and tokens[j].text in FORMAT_MARKS)
        or (tokens[j].kind in _WORD_KINDS and tokens[j].fold in ph.stop_words)
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
    if mark == "," and (
        k2 - start > 5
        or not any(
            tokens[x].kind in _WORD_KINDS and (tokens[x].fold in ph.determiners or not tokens[x].upper)
            for x in range(start, k2 + 1)
        )
    ):
        return None  # a name before a comma: "Aïssata Ouédraogo, 42 ans" is an age
    if any(tokens[x].kind == "num" for x in range(start, k2 + 1)):
        return None
    return start, k2, _np_head(tokens, start, k2, lang)


def _render(text: str, tokens: list[Token], first: int, last: int, lang: str) -> str:
    ph = lang_phrases(lang)
    while first < last and tokens[first].kind in _WORD_KINDS and tokens[first].fold in ph.determiners:
        first += 1
    while first < last and tokens[first].kind == "punct":
        first += 1
    while last > first and tokens[last].kind == "punct":
        last -= 1
    s = text[tokens[first].start : tokens[last].end]
    if "**" in s:  # a replace of what is not there is no change: only asked when it is
        s = s.replace("**", "")
    if "__" in s:
        s = s.replace("__", "")
    return " ".join(s.split())


def _generic_concept(
    tokens: list[Token], after: int, lang: str, unit: str | None, events_only: bool = False
) -> str | None:
    """A concept word later in the clause for a generic head ("people were evacuated");
    with ``events_only``, only what happened to them ("policiers … blessés")."""
    ph = lang_phrases(lang)
    family = family_of(unit)
    events = all_concepts().events
    words: list[str] = []
    for t in tokens[after + 1 : after + 8]:
        if t.kind == "punct" and t.text not in FORMAT_MARKS:
            break
        if t.kind not in _WORD_KINDS or t.fold in ph.clause_words:
            if t.kind in _WORD_KINDS and t.fold in ph.clause_words:
                break
            continue
        words.append(t.text)
    # what happened to them wins over what they have: "Menschen ihre Häuser verlassen"
    # is evacuees, not homes; phrases of up to three words ("in Sicherheit gebracht")
    fallback = None
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            keys = _keys_at(words, i, n, lang)
            if not keys:
                continue  # most runs name no concept: nothing to pick from
            keys = tuple(k for k in keys if k != "people")
            hit = _pick(tuple(k for k in keys if k in events), family)
            if hit:
                return hit
            if fallback is None and not events_only:
                fallback = _pick(keys, family)
    return fallback


def event_after(tokens: list[Token], claim_end: int, lang: str, unit: str | None) -> str | None:
    """What happened to the people of an elliptical figure, said right after it: "fünf
    Menschen ums Leben gekommen und 41 verletzt worden" (the 41 were injured)."""
    return _generic_concept(tokens, first_starting_at(tokens, claim_end) - 1, lang, unit,
                            events_only=True)


MAX_EVENT_BACK = 4
"""How many words before a figure the verb saying what happened to its people is looked for."""


def _event_before(tokens: list[Token], ci: int, lang: str, unit: str | None) -> str | None:
    """What happened to a generic head, said by the verb before the figure: "the clashes
    have displaced about 85,000 people", "rescued at least 340 residents", "Damals
    starben in Hamburg 315 Menschen".  Past the word right before the figure only a verb
    counts (a German lowercase word, an English or French participle), not a noun
    ("Nach der Evakuierung kehrten 500 Menschen zurück")."""
    ph = lang_phrases(lang)
    events = all_concepts().events
    family = family_of(unit)
    k = ci - 1
    seen = 0
    while k >= 0 and seen < MAX_EVENT_BACK:
        t = tokens[k]
        k -= 1
        if t.kind == "punct" and t.text in FORMAT_MARKS:
            continue
        if t.kind not in _WORD_KINDS or t.fold in ph.clause_words:
            return None
        seen += 1
        verb = not t.upper if lang == "de" else _looks_participle(t, ph)
        if seen > 1 and not verb:
            continue
        hit = _pick(tuple(x for x in _word_keys(t.text, lang) if x in events), family)
        if hit:
            return hit
    return None


def _sentence_words(tokens: list[Token]) -> frozenset[str]:
    return frozenset(t.fold for t in tokens if t.kind in _WORD_KINDS)


def _make(
    text: str,
    tokens: list[Token],
    span: tuple[int, int, int],
    lang: str,
    unit: str | None,
    via: str,
    ci: int = -1,
    ratio: bool = False,
) -> Subject | None:
    first, last, head = span
    ph = lang_phrases(lang)
    while first < last and tokens[first].kind == "punct":
        first += 1
    phrase = _render(text, tokens, first, last, lang)
    if not phrase:
        return None
    concept = _concept_of(phrase, lang, unit, ratio) if phrase else None
    if concept is not None and concept.startswith(CUE_MARK):
        concept = resolve_cue(concept, lang, _sentence_words(tokens)) or _head_lemma(phrase, lang)
    head_fold = tokens[head].fold
    if head_fold in ph.generic_heads or concept == "people":
        # what happened to them: "personnes évacuées", "people were evacuated", "have
        # displaced about 85,000 people"
        better = _generic_concept(tokens, head, lang, unit)
        if better is None and via == "after" and ci >= 0:
            better = _event_before(tokens, ci, lang, unit)
        if better:
            concept = better
    elif via == "after" and concept not in all_concepts().events and family_of(unit) == "count":
        better = _generic_concept(tokens, last, lang, unit, events_only=True)
        if better:
            concept = better
    return Subject(phrase, concept, tokens[first].start, tokens[last].end, via)


def _known(subject: Subject | None, unit: str | None) -> bool:
    """Whether a subject names a concept of rules/concepts.yaml stated in the claim's kind
    of unit."""
    if subject is None or subject.concept is None:
        return False
    units = all_concepts().units
    return (
        subject.concept in units
        and family_of(units[subject.concept]) == family_of(unit)
    )


def find_subject(
    text: str,
    sentence: tuple[int, int],
    claim_start: int,
    claim_end: int,
    lang: str,
    unit: str | None = None,
    tokens: list[Token] | None = None,
    exclude: tuple[tuple[int, int], ...] = (),
    role: str | None = None,
) -> Subject | str | None:
    """The subject of one claim; "pronoun" when the clause's subject is a pronoun.

    ``exclude``: spans of the sentence's speaker phrases, never the subject.  ``role``:
    the claim's role; a ratio of a count may take a concept of money ("twice as much
    funding"), a plain count not ("deux pénalités" are no fines)."""
    s_start, s_end = sentence
    if tokens is None:
        tokens = tokenize(text, s_start, s_end)
    family = family_of(unit)
    ratio = role == "ratio"
    ai = first_starting_at(tokens, claim_end)  # first token at or after the claim's end
    ci = first_ending_after(tokens, claim_start)  # first token ending after its start
    # a price per unit ('$3,400 per month in Manhattan') is followed by where or when,
    # not by what it prices: its subject stands before it
    rate = family == "currency" and unit is not None and " / " in unit
    span = None if rate else _phrase_after(tokens, ai, lang, family)
    after = None
    named: Subject | None = None
    named_asked = False  # _named_by_of asked already (its answer depends on its arguments alone)
    if span:
        after = _make(text, tokens, span[:3], lang, unit, "after", ci, ratio)
        if span[3] and not _known(after, unit):
            after = None  # "€17.25 in Dublin trading", "dix jours pour faire appel"
    if (
        after is None
        or (span is not None and span[3])
        or (family != "count" and after.concept not in all_concepts().units)
    ):
        # "une amende de 50 000 euros", "a budget of £600,000", "Freiheitsstrafe von vier
        # Jahren": a known concept right before a link word says what the figure is (and
        # "für Pendlerkosten" after "Zuschuss von 500 Franken" only what it is for)
        named = _named_by_of(text, tokens, ci, lang, unit, ratio)
        named_asked = True
        if named is not None and _known(named, unit):
            return named
    bi = ci  # a verb that is the claim's qualifier links like one before it ("topped 58,000")
    ph = lang_phrases(lang)
    if ci < ai and tokens[ci].fold in ph.verb_qualifiers:
        k = ci + 1  # "frôle les 5 %": the qualifier's other words, then the figure
        while (k < ai and tokens[k].kind in _WORD_KINDS and tokens[k].fold in ph.qualifier_words
               and k - ci < 3):
            k += 1
        if k < ai and tokens[k].kind not in _WORD_KINDS:
            bi = ci + 1
    before = _phrase_before(tokens, bi, lang, exclude, unit, ai)
    if (after is not None and family == "percent" and after.concept in all_concepts().bases
            and isinstance(before, tuple) and not before[3]):
        # "ramené à 4,7 % du PIB": a share of GDP; the clause says of what (the deficit).
        # A verb acting on the base keeps it: "could hit 4.5% of GDP" is a loss of GDP.
        clause = _clause_subject(text, tokens, before, lang, unit, ci, ratio)
        if clause is not None and clause.concept is not None:
            return clause
    if after is not None:
        # "7,1 % de la population active" is a share of a base; "2,2 millions de
        # personnes" a generic count: the clause's own subject says more.
        generic = after.concept == "people"
        if isinstance(before, tuple) and ((family == "percent" and not before[3]) or generic):
            return _clause_subject(text, tokens, before, lang, unit, ci, ratio) or after
        return after
    if before == "pronoun":
        return "pronoun"
    if isinstance(before, tuple):
        return _clause_subject(text, tokens, before, lang, unit, ci, ratio)
    if not named_asked:
        named = _named_by_of(text, tokens, ci, lang, unit, ratio)
    if named:
        return named
    label = _label_before(tokens, ci, lang)
    if label:
        return _make(text, tokens, label, lang, unit, "label", ci, ratio)
    return None


def _clause_subject(
    text: str,
    tokens: list[Token],
    clause: tuple[int, int, int, bool, str],
    lang: str,
    unit: str | None,
    ci: int,
    ratio: bool,
) -> Subject | None:
    """The clause's subject; a verb that names the quantity gives the concept where the
    subject names none of its kind ("The deployment has cost €1.8bn" → cost)."""
    subj = _make(text, tokens, clause[:3], lang, unit, "before", ci, ratio)
    verb = clause[4]
    if subj is None or not verb or _known(subj, unit):
        return subj
    key = _pick(all_concepts().by_surface.get((lang, verb), ()), family_of(unit))
    if key is None or key.startswith(CUE_MARK):
        return subj
    return Subject(subj.text, key, subj.start, subj.end, subj.via)


def _named_by_of(
    text: str, tokens: list[Token], ci: int, lang: str, unit: str | None, ratio: bool = False
) -> Subject | None:
    """ "a budget of €2.3bn", "un budget de 50 milliards": the known concept right before
    a link word; unknown nouns ("forecasts of 550,000") are left to the carried subject."""
    ph = lang_phrases(lang)
    j = ci - 1
    while j >= 0 and (
        (tokens[j].kind == "punct" and tokens[j].text in FORMAT_MARKS)
        or (
            tokens[j].kind in _WORD_KINDS
            and tokens[j].fold in ph.stop_words
            and tokens[j].fold not in ph.links
            and j > ci - 3
        )
    ):
        j -= 1  # "Einsparungen von jährlich rund 55 Millionen Euro"
    if j < 1 or tokens[j].kind not in _WORD_KINDS or tokens[j].fold not in ph.links:
        return None
    k = j - 1
    if not _nounish(tokens, k, ph) or (lang == "de" and not tokens[k].upper):
        return None
    start = _np_left(tokens, k, lang, chain=False)
    span = (start, k, _np_head(tokens, start, k, lang))
    subj = _make(text, tokens, span, lang, unit, "of", ci, ratio)
    if subj is None or subj.concept not in all_concepts().units:
        return None
    return subj


def subject_after(text: str, end: int, limit: int, lang: str) -> str | None:
    """Compatibility: the noun phrase right after a count, as written, or None."""
    tokens = tokenize(text, end, limit)
    span = _phrase_after(tokens, 0, lang, "count")
    if not span:
        return None
    return _render(text, tokens, span[0], span[1], lang)
