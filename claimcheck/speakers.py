"""Who is reported as saying a figure: attribution cues from rules/.

Cues (rules/lang/*.yaml ``attribution``; phrase grammar in rules/phrases/*.yaml):

- a marker before the source: "according to X", "laut X", "nach Angaben von X",
  "selon X", "d'après X"; after it: "X zufolge";
- a reporting verb with its subject before it ("X said", "X teilte mit", "X a
  déclaré") or after it, once set off by a comma or a quote ("…, said X", "…“, sagte
  X", "…, a annoncé mardi l'Insee");
- a pronoun in either place ("he said", "sagte er", "a-t-il déclaré", "selon lui");
  a first-person one ("nous avons compté", "schätzen wir") names nobody;
- German verb-second with the object first: the subject after the verb ("Die Kosten
  des Streiks beziffert die Airline auf …").

A relative clause after a reporting verb's object (", she told the meeting, which ran
for …") is the writer's own: its figures get no speaker.

Which cue a figure gets: a marker in the figure's own comma-delimited segment ("94 000
manifestants selon la police, 250 000 selon les syndicats"); else, in a segment without
cues, a marker set off by a comma after it, which takes the stretch back to the previous
source ("Ils étaient 195 000, dont 24 000 à Paris, selon le ministère, et « plus d'un
million », selon la CGT"); else the sentence's
other cues when they all name the same speaker; else, for a figure inside a quotation,
the cue right after the closing quote or right before the opening one (the quote may
span several sentences).  A figure in a later segment that starts with its own
noun phrase ("…, la police 16 000") gets no sentence-level speaker: the ellipsis may
name another source.

Names keep no titles: "US-Verteidigungsminister Lloyd Austin" → "Lloyd Austin",
"U.S. Army Chief of Staff General James C. McConville" → "James C. McConville".
Bodies and descriptions are kept as written without the article ("Labor Department",
"Pentagon spokesman", "police").  A pronoun is resolved to the last named person only
when the nearest earlier sentence naming people (at most three back) names exactly
one; otherwise the speaker is null.  A speaker phrase holding a digit is no speaker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import regex

from .dates import month_names, weekday_names
from .lexicon import get_lexicon
from .subjects import (
    FORMAT_MARKS,
    Phrases,
    Subject,
    all_concepts,
    event_after,
    family_of,
    find_subject,
    lang_phrases,
    tokenize,
)
from .token_record import WORD_KINDS, Token, first_ending_after, first_starting_at, token_segments

if TYPE_CHECKING:  # annotations only: mypyc compiles an ``i64`` local to a C int64_t
    from mypy_extensions import i64

BOUNDARY_PUNCT: Final = frozenset(',;:!?()[]{}"\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014|')
OPEN_QUOTES: Final = {
    "de": "\u201e\u00bb\u201a",
    "en": "\u201c\u2018",
    "fr": "\u00ab\u201c",
}
CLOSE_QUOTES: Final = {
    "de": "\u201c\u00ab\u2018",
    "en": "\u201d\u2019",
    "fr": "\u00bb\u201d",
}
STRAIGHT_QUOTE: Final = '"'
OBJECT_ARTICLES: Final = frozenset({"den", "dem", "einen", "einem"})
"""German articles that never open the subject (accusative, dative)."""
SUBJECT_ARTICLES: Final = frozenset({"der", "die", "das", "ein", "eine"})
"""German articles that may open the subject after a fronted object."""
MAX_NP: Final = 12
"""Most tokens a speaker phrase may have."""
PRONOUN_WINDOW: Final = 3
"""How many sentences back a pronoun may look for its person."""
QUOTE_REACH: Final = 1500
"""How far (characters) a quotation may reach back or ahead of a figure."""


@dataclass(init=False, unsafe_hash=True)
class Speaker:
    """Speaker, Cue and Attached are value objects, never changed once made; they write
    their ``__init__`` out because mypyc compiles a written one, where a dataclass's
    generated ``__init__`` stays Python (several times slower; one or more per figure)."""

    name: str
    person: bool  # a person's name (resolvable by a later pronoun)

    def __init__(self, name: str, person: bool) -> None:
        self.name = name
        self.person = person


@dataclass(init=False, unsafe_hash=True)
class Cue:
    speaker: Speaker | None  # None: an unresolved pronoun (or nobody, when ``void``)
    start: int  # the cue's extent in the text (marker/verb through the name)
    end: int
    kind: str  # marker, verb, pronoun
    sentence_level: bool  # governs every figure of its sentence (else its segment only)
    scope: str  # "clause": the figures after it in its segment; "gap": the figure before it
    void: bool  # names nobody ("they", "the company"): its figures get no speaker
    reach: tuple[int, int]  # the text it may govern: its ';'-clause unless it closes

    def __init__(self, speaker: Speaker | None, start: int, end: int, kind: str,
                 sentence_level: bool, scope: str = "", void: bool = False,
                 reach: tuple[int, int] = (0, 1 << 62)) -> None:
        self.speaker = speaker
        self.start = start
        self.end = end
        self.kind = kind
        self.sentence_level = sentence_level
        self.scope = scope
        self.void = void
        self.reach = reach


PhraseList = tuple[tuple[str, ...], ...]
"""Phrases as folded word tuples."""


@dataclass(frozen=True, slots=True)
class PhraseTable:
    """Cue phrases as folded word tuples, longest first, keyed by their first word
    (``first``); ``by_first``: for each first word, its one-word phrases and, by the
    second word, the phrases that may match there (the one-word phrases and those with
    that second word, in the same order).  A phrase of several words matches only where
    its second word follows, so trying those (else the one-word phrases) finds the same
    phrase as trying every phrase of the first word.  Two lookups by word, not one by a
    (first, second) tuple built and hashed per try."""

    first: dict[str, PhraseList]
    by_first: dict[str, tuple[PhraseList, dict[str, PhraseList]]]


@dataclass(frozen=True, slots=True)
class SpeakerData:
    lang: str
    phrases: Phrases
    markers: PhraseTable
    after: PhraseTable
    verbs: PhraseTable
    pronoun_markers: PhraseTable
    first_words: frozenset[str]  # cheap test: does a sentence hold any cue word at all?
    pronouns: frozenset[str]
    verb_words: frozenset[str]
    title_words: frozenset[str]
    title_suffixes: tuple[str, ...]
    particles: frozenset[str]
    ends_before: frozenset[str]
    not_names: frozenset[str]
    group_heads: frozenset[str]
    group_suffixes: tuple[str, ...]
    passive: frozenset[str]
    dates: frozenset[str]
    plural_pronouns: frozenset[str]
    anaphoric: frozenset[str]
    clause_verbs: frozenset[str]
    noun_verbs: frozenset[str]
    adjective_endings: tuple[str, ...]
    backward_stops: frozenset[str]
    coordinators: frozenset[str]
    first_person: frozenset[str] = frozenset()
    object_first_verbs: frozenset[str] = frozenset()
    amount_prepositions: frozenset[str] = frozenset()
    object_heads: tuple[str, ...] = ()
    relative_words: frozenset[str] = frozenset()
    inner_words: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    source_links: frozenset[str] = frozenset()
    first_pairs: bytes = b""  # _letter_pairs(first_words): most words pass over it, unhashed


def _pair_index(word: str) -> int:
    """Place of a word's first two characters (the first alone, with 0, for a word of
    one) in a 256 x 256 table when both are below U+0100, else -1."""
    n: i64 = len(word)
    if n == 0:
        return -1
    a: i64 = ord(word[0])
    b: i64 = ord(word[1]) if n > 1 else 0
    if a > 255 or b > 255:
        return -1
    return (a << 8) | b


def _letter_pairs(words: frozenset[str]) -> bytes:
    """The ``_pair_index`` table of the words: 1 where some word opens with that pair."""
    table = bytearray(256 * 256)
    for w in words:
        k = _pair_index(w)
        if k >= 0:
            table[k] = 1
    return bytes(table)


def _cue_starts(tokens: list[Token], words: frozenset[str], pairs: bytes) -> list[int]:
    """Indices of the tokens whose fold is one of ``words`` (``pairs``: their
    ``_letter_pairs``).  Exact: a fold whose ``_pair_index`` place is unmarked opens
    with two characters (or is one) no word opens with, so it is none of them; most
    folds ("the", "officials", "2024", ",") are passed over there, unhashed, in native
    code (``_pair_index`` inline)."""
    out: list[int] = []
    k = 0
    for t in tokens:
        f = t.fold
        n: i64 = len(f)
        if n > 0:
            a: i64 = ord(f[0])
            b: i64 = ord(f[1]) if n > 1 else 0
            if a <= 255 and b <= 255 and pairs[(a << 8) | b] == 0:
                k += 1
                continue
        if f in words:
            out.append(k)
        k += 1
    return out


def _fold_list(values) -> frozenset[str]:
    return frozenset(str(v).casefold().replace("\u2019", "'") for v in values or ())


def _phrase_table(phrases) -> PhraseTable:
    """Phrases as folded token tuples, keyed by their first word, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        words = tuple(t.fold for t in tokenize(p, 0, len(p)))
        if words and words not in table.get(words[0], []):
            table.setdefault(words[0], []).append(words)
    first = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}
    by_first: dict[str, tuple[PhraseList, dict[str, PhraseList]]] = {}
    for k, options in first.items():
        singles = tuple(o for o in options if len(o) == 1)
        by_second = {
            second: tuple(o for o in options if len(o) == 1 or o[1] == second)
            for second in {o[1] for o in options if len(o) > 1}
        }
        by_first[k] = (singles, by_second)
    return PhraseTable(first, by_first)


class _Hit:
    """Where a cue phrase stands.  A plain class (compiled to a native one: made in a
    direct call and read as struct members; a NamedTuple costs a Python-level
    ``tuple.__new__`` per hit)."""

    __slots__ = ("end", "start")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end


def _hits(tokens: list[Token], table: PhraseTable, starts: list[int] | None = None) -> list[_Hit]:
    """Where the table's phrases stand in the tokens (longest match, left to right);
    ``starts``: ascending indices that include every token opening one of the table's
    phrases (the caller's shortlist; default: every token)."""
    out: list[_Hit] = []
    by_first = table.by_first
    if starts is None:
        starts = [k for k, t in enumerate(tokens) if t.fold in by_first]
    n = len(tokens)
    # only the tokens opening some phrase are tried, left to right (a shortlisted token
    # opening none of the table's is passed over here, not filtered into a new list); one
    # inside an earlier hit (index below ``free``) is skipped, as the scan would have
    # stepped over it
    free = 0
    for k in starts:
        if k < free:
            continue
        entry = by_first.get(tokens[k].fold)
        if entry is None:
            continue
        singles, by_second = entry
        options = by_second.get(tokens[k + 1].fold) if by_second and k + 1 < n else None
        for words in singles if options is None else options:
            m = len(words)
            if k + m <= n and all(tokens[k + x].fold == words[x] for x in range(1, m)):
                out.append(_Hit(tokens[k].start, tokens[k + m - 1].end))
                free = k + m
                break
    return out


def _load_get_speaker_data(lang: str) -> SpeakerData:
    lex = get_lexicon(lang)
    ph = lang_phrases(lang)
    sp = ph.speaker
    markers = _phrase_table(lex.attribution_before)
    after = _phrase_table(lex.attribution_after)
    verbs = _phrase_table([v for v in lex.attribution_verbs if " " not in v or lang == "fr"])
    pronoun_markers = _phrase_table(sp.get("pronoun_markers") or ())
    title_words: set[str] = set()
    for t in lex.titles:
        title_words.update(w.casefold() for w in t.split())
    title_words |= {w.rstrip(".") for w in title_words if w.endswith(".")}
    title_words -= ph.determiners | ph.prepositions | ph.links
    dates = set(weekday_names()) | set(month_names())
    first_words = (
        frozenset(markers.first) | frozenset(after.first) | frozenset(verbs.first)
        | frozenset(pronoun_markers.first)
    )
    return SpeakerData(
        lang=lang,
        phrases=ph,
        markers=markers,
        after=after,
        verbs=verbs,
        pronoun_markers=pronoun_markers,
        first_words=first_words,
        pronouns=_fold_list(lex.pronouns),
        verb_words=_fold_list(w for v in lex.attribution_verbs for w in v.split()),
        title_words=frozenset(title_words),
        title_suffixes=tuple(_fold_list(sp.get("title_suffixes"))),
        particles=_fold_list(sp.get("name_particles")),
        ends_before=_fold_list(sp.get("ends_before")),
        not_names=_fold_list(sp.get("not_names")) | frozenset(dates),
        dates=frozenset(dates),
        group_heads=_fold_list(sp.get("group_heads")),
        group_suffixes=tuple(_fold_list(sp.get("group_suffixes"))),
        passive=_fold_list(sp.get("passive_auxiliaries")),
        plural_pronouns=_fold_list(sp.get("plural_pronouns")),
        anaphoric=_fold_list(sp.get("anaphoric_heads")),
        clause_verbs=_fold_list(sp.get("clause_verbs")),
        noun_verbs=_fold_list(sp.get("noun_verbs")),
        adjective_endings=tuple(_fold_list(sp.get("adjective_endings"))),
        backward_stops=_fold_list(sp.get("backward_stops")),
        coordinators=_fold_list(sp.get("coordinators")),
        first_person=_fold_list(sp.get("first_person")),
        object_first_verbs=_fold_list(sp.get("object_first_verbs")),
        amount_prepositions=_fold_list(sp.get("amount_prepositions")),
        object_heads=tuple(_fold_list(sp.get("object_heads"))),
        relative_words=_fold_list(sp.get("relative_words")),
        inner_words=_fold_list(sp.get("inner_words")),
        source_nouns=_fold_list(sp.get("source_nouns")),
        source_links=_fold_list(sp.get("source_links")),
        first_pairs=_letter_pairs(first_words),
    )


# --- speaker phrases -------------------------------------------------------------------


_GET_SPEAKER_DATA_MEMO: Final[dict[str, SpeakerData]] = {}


def get_speaker_data(lang: str) -> SpeakerData:
    """``_load_get_speaker_data(lang)``, built once and kept in a plain dict: the engine asks for it
    per figure or token, and a compiled caller then pays a native call and a dict lookup
    instead of a ``functools.cache`` wrapper's Python call (about 600 instructions)."""
    found = _GET_SPEAKER_DATA_MEMO.get(lang)
    if found is None:
        found = _GET_SPEAKER_DATA_MEMO[lang] = _load_get_speaker_data(lang)
    return found


def _is_title(tok: Token, d: SpeakerData) -> bool:
    f = tok.fold
    if f in d.title_words:
        return True
    if "-" in f:  # "US-Verteidigungsminister": its last part
        f = f[f.rfind("-") + 1 :]
        if f in d.title_words:
            return True
    return f.endswith(d.title_suffixes)  # False for an empty tuple


def _is_group(tok: Token, d: SpeakerData) -> bool:
    """A body or group of people: "officials", "Bundesagentur", "Kantonspolizei"."""
    f = tok.fold
    return f in d.group_heads or (bool(d.group_suffixes) and f.endswith(d.group_suffixes))


def _is_name_token(tok: Token) -> bool:
    return tok.kind == "abbr" or (tok.kind == "word" and tok.text[:1].isupper())


def _allowed_in_np(
    tok: Token, d: SpeakerData, first: bool, backward: bool = False, prev_hyphen: bool = False
) -> bool:
    """Whether a token may stand inside a speaker phrase."""
    ph = d.phrases
    if backward and not first and tok.kind in WORD_KINDS and tok.fold in ph.prepositions and d.lang != "de":
        return True  # "two sources familiar with the talks"
    if tok.kind == "num":
        return False
    if tok.kind == "punct":
        return tok.text in FORMAT_MARKS or tok.text in ".'\u2019"
    f = tok.fold
    if f in d.pronouns:
        return False
    if f in ph.clause_words:
        return prev_hyphen
    if f in d.verb_words and not first:
        return False
    if tok.text[:1].isupper() or tok.kind in ("abbr", "elided"):
        return True
    if f in ph.determiners or f in ph.links or f in d.particles:
        return True
    if f in ph.stop_words or f in ph.connectors:
        return False
    if d.lang == "de":
        # lowercase in German: adjectives before a noun ("dem ukrainischen Verteidigungsminister")
        return f.endswith(("e", "en", "er", "es", "em")) and len(f) > 3
    return f not in ph.prepositions or f in ("of", "for", "at")


def _strip_parens(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    depth = 0
    for t in tokens:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t)
    return out


def _np_forward(tokens: list[Token], i: int, d: SpeakerData) -> tuple[list[Token], int]:
    """The speaker phrase starting at token ``i``: (tokens, index after it)."""
    ph = d.phrases
    # skip adverbials between a verb and its subject: "a annoncé mardi l'Insee"
    while (
        i < len(tokens)
        and tokens[i].kind in WORD_KINDS
        and (tokens[i].fold in d.not_names or tokens[i].fold in ph.stop_words)
        and tokens[i].fold not in ph.determiners
        and tokens[i].fold not in d.pronouns
        and tokens[i].fold not in ph.prepositions  # "said in its monthly report": no subject
    ):
        i += 1
    out: list[Token] = []
    j = i
    paren = 0
    saw_name = False
    noun_seen = False
    while j < len(tokens) and len(out) < MAX_NP:
        t = tokens[j]
        if t.text == "(":
            paren = j
            k = j + 1
            while k < len(tokens) and tokens[k].text != ")" and k - j < 6:
                k += 1
            if k < len(tokens) and tokens[k].text == ")":
                j = k + 1
                continue
            break
        if _inner_word(tokens, j, out, d):
            out.append(t)  # "Save the Children", "College of Paediatrics and Child Health"
            j += 1
            continue
        if t.kind in WORD_KINDS and out and (t.fold in d.ends_before or _ends_here(tokens, j, d)):
            break
        if t.kind in WORD_KINDS and saw_name and t.fold in ph.determiners and d.lang == "de":
            break  # "sagte Kremlsprecher Dmitri Peskow der Nachrichtenagentur"
        if (
            t.kind in WORD_KINDS
            and noun_seen
            and t.fold in ph.determiners
            and t.fold not in ph.links
            and d.lang == "de"
        ):
            break  # "nach Angaben der Veranstalter mehrere Hundert Teilnehmer"
        if not _allowed_in_np(t, d, not out, prev_hyphen=bool(out) and out[-1].text.endswith("-")):
            break
        lower = t.kind == "word" and not t.text[:1].isupper()
        plain = (
            t.fold not in ph.links and t.fold not in ph.determiners and t.fold not in d.particles
        )
        if lower and plain and out and not _is_title(t, d):
            if d.lang == "de" and noun_seen:
                break  # "… Oleksii Resnikow stehen": adjectives only before their noun
            if (
                ph.participle_endings
                and t.fold.endswith(ph.participle_endings)
                and not (d.adjective_endings and t.fold.endswith(d.adjective_endings))
            ):
                break  # "un sondage Elabe publié jeudi" (but "sources diplomatiques")
        if t.kind in WORD_KINDS and (t.fold in ph.links or t.fold in ph.determiners):
            noun_seen = False
        elif t.kind in WORD_KINDS and t.text[:1].isupper():
            noun_seen = True
        if (
            t.kind == "punct"
            and t.text == "."
            and not (out and out[-1].kind == "word" and len(out[-1].text) == 1)
        ):
            break
        out.append(t)
        if _is_name_token(t) and not _is_title(t, d) and t.fold not in d.group_heads:
            saw_name = True
        j += 1
    _ = paren
    while out and (
        out[-1].kind == "punct"
        or out[-1].fold in ph.links
        or out[-1].fold in ph.determiners
        or out[-1].fold in d.particles
    ):
        out.pop()
        j -= 1
    return out, j


def _inner_word(tokens: list[Token], j: int, run: list[Token], d: SpeakerData) -> bool:
    """Token ``j`` is a small word inside a capitalised name, after ``run``: between name
    tokens; a coordinator only once the name has another inner word ("Royal College of
    Paediatrics and Child Health", not "Peter Mwale and Anna Banda")."""
    t = tokens[j]
    if not (t.kind == "word" and t.fold in d.inner_words and t.text[:1].islower()):
        return False
    if not run or not _is_name_token(run[-1]) or j + 1 >= len(tokens):
        return False
    if not _is_name_token(tokens[j + 1]) or tokens[j + 1].fold in d.inner_words:
        return False
    if t.fold in d.coordinators or t.fold in d.phrases.clause_words:
        return any(x.fold in d.inner_words and x.fold not in d.coordinators for x in run)
    return True


def _ends_here(tokens: list[Token], j: int, d: SpeakerData) -> bool:
    """A multi-word stop ("in a", "der Nachrichtenagentur") starts at token j."""
    if j + 1 >= len(tokens):
        return False
    pair = f"{tokens[j].fold} {tokens[j + 1].fold}"
    return pair in d.ends_before


class _Back:
    """A speaker phrase found backward; a plain class like _Hit."""

    __slots__ = ("span", "why")

    def __init__(self, span: list[Token] | None, why: str) -> None:
        self.span = span
        self.why = why  # what ends the phrase on the left: start, punct, clause, num


def _full_stop(tokens: list[Token], k: int, d: SpeakerData) -> bool:
    """A '.' ending a sentence the splitter left whole ("… at 11 p.m. Party leader …"):
    after a lowercase word, before a capitalised one ("Gen. Dana", "C. McConville" are not)."""
    if k == 0 or k + 1 >= len(tokens):
        return False
    before, after = tokens[k - 1], tokens[k + 1]
    return (
        before.kind == "word"
        and before.text[:1].islower()
        and after.kind == "word"
        and after.text[:1].isupper()
    )


def _name_part(tokens: list[Token], k: int, ph: Phrases) -> bool:
    """A capitalised word after another one where only names are capitalised: the
    surname in "coach Ryan Day said", not the stop word "day"."""
    return (not ph.capitalised_nouns and tokens[k].text[:1].isupper() and k >= 1
            and tokens[k - 1].kind in WORD_KINDS and tokens[k - 1].text[:1].isupper())


def _np_backward(tokens: list[Token], end: int, d: SpeakerData) -> _Back:
    """The speaker phrase ending just before token ``end`` and starting at a boundary."""
    ph = d.phrases
    k = end - 1
    # auxiliaries and dates right before the verb: "has said", "hatte erklärt", "am Montag mitteilte"
    while k >= 0 and tokens[k].kind in WORD_KINDS:
        f = tokens[k].fold
        if f in ph.stop_words and f not in d.pronouns and not _name_part(tokens, k, ph):
            k -= 1
        elif (
            f in d.dates
            and k >= 1
            and tokens[k - 1].kind in WORD_KINDS
            and tokens[k - 1].fold in ph.prepositions
        ):
            k -= 2
        else:
            break
    if k >= 1 and tokens[k].text == "," and tokens[k - 1].kind in WORD_KINDS:
        k -= 1  # "Der Stabschef der US-Armee, James C. McConville, nannte …": the apposition
    stop = k
    why = "start"
    joined = -1  # index of a coordinator joining a name to the phrase
    while k >= 0:
        t = tokens[k]
        if t.text == ")":
            depth = k
            while k >= 0 and tokens[k].text != "(" and depth - k < 8:
                k -= 1
            if k >= 0 and tokens[k].text == "(":
                k -= 1
                continue
            why = "punct"
            break
        if t.kind == "punct" and t.text in BOUNDARY_PUNCT:
            why = "punct"
            break
        if t.kind == "punct" and t.text == "." and _full_stop(tokens, k, d):
            why = "clause"
            break
        if t.kind == "num":
            why = "num"
            break
        if t.kind in WORD_KINDS and t.fold in d.coordinators and k < stop:
            first = _joined_start(tokens, k, d)
            if first >= 0:
                joined = k  # "U.S. and Ukrainian officials", "the Employment and Training …"
                k = first - 1
                why = "start" if k < 0 else "punct"
                break
        if t.kind in WORD_KINDS and (
            (t.fold in ph.clause_words and not (k > 0 and tokens[k - 1].text.endswith("-")))
            or t.fold in d.backward_stops
        ):
            why = "clause"
            break  # "Arbeitsmarkt- und Berufsforschung" is one name
        k -= 1
    span = _strip_parens(tokens[k + 1 : stop + 1])
    while why == "num" and span and span[0].kind == "punct":
        span.pop(0)  # "the 1.8% economists had forecast": the figure's sign is no name
    ends = ph.participle_endings
    while len(span) > 1 and ends and _is_participle(span[-1], d):
        span.pop()  # "A think-tank report published on Wednesday said"
    if not span or len(span) > MAX_NP:
        return _Back(None, why)
    if len(span) == 1 and span[0].fold in d.pronouns:
        return _Back(span, why)
    for idx, t in enumerate(span):
        if joined >= 0 and t is tokens[joined]:
            continue
        hyph = idx > 0 and span[idx - 1].text.endswith("-")
        if not _allowed_in_np(t, d, idx == 0, backward=True, prev_hyphen=hyph):
            return _Back(None, why)
    return _Back(span, why)


def _is_participle(t: Token, d: SpeakerData) -> bool:
    f = t.fold
    return (
        t.kind == "word"
        and t.text[:1].islower()
        and f.endswith(d.phrases.participle_endings)
        and not (d.adjective_endings and f.endswith(d.adjective_endings))
        and not _is_title(t, d)
        and not _is_group(t, d)
    )


def _joined_start(tokens: list[Token], k: int, d: SpeakerData) -> int:
    """Where a name joined by the coordinator at k starts: it runs back from k over names
    and articles to a boundary (", the Employment and Training …"); else -1."""
    if not _is_name_token(tokens[k + 1]) or k < 1 or not _is_name_token(tokens[k - 1]):
        return -1
    j = k - 1
    names = 0
    while j >= 0 and tokens[j].kind in WORD_KINDS:
        t = tokens[j]
        if _is_name_token(t):
            names += 1
        elif t.fold in d.phrases.determiners:
            pass
        elif (
            t.fold in d.inner_words
            and t.fold not in d.coordinators
            and j >= 1
            and _is_name_token(tokens[j - 1])
            and _is_name_token(tokens[j + 1])
        ):
            pass  # "the Royal College of Paediatrics and Child Health"
        else:
            break
        if names > 4:
            return -1
        j -= 1
    if j >= 0 and not (tokens[j].kind == "punct" and tokens[j].text in BOUNDARY_PUNCT):
        return -1
    return j + 1


def _valid(span: list[Token], d: SpeakerData, backward: bool, lone_noun: bool = False) -> bool:
    """Whether ``span`` can name a speaker; ``lone_noun``: a German article and one noun
    will do ("dem Landesforstbetrieb zufolge", "wie der Netzbetreiber sagte")."""
    ph = d.phrases
    words = [t for t in span if t.kind in WORD_KINDS]
    if not words:
        return False
    if all(t.fold in d.not_names or t.fold in ph.determiners for t in words):
        return False
    content = [t for t in words if t.fold not in ph.determiners]
    if not content:
        return False
    if any(_is_group(t, d) or _is_title(t, d) for t in content):
        return True
    if d.lang == "de":
        if backward and words[0].fold in OBJECT_ARTICLES:
            return False  # accusative or dative: an object, not who spoke
        caps = [t for t in content if _is_name_token(t)]
        if any(t.kind == "abbr" or (len(t.text) > 1 and t.text.isupper()) for t in caps):
            return True
        if len(caps) >= 2 and all(_is_name_token(t) for t in content[-2:]):
            return True
        if lone_noun and len(words) == 2 and caps == content == words[1:]:
            return True
        return len(content) == 1 and caps == content and words[0] is content[0]
    return any(_is_name_token(t) for t in content)


def _reduce(span: list[Token], text: str, d: SpeakerData) -> Speaker | None:
    """The speaker's name: a person's name without titles, or the phrase without article."""
    ph = d.phrases
    toks = [t for t in span if not (t.kind == "punct" and t.text in FORMAT_MARKS)]
    while toks and toks[0].kind in WORD_KINDS and toks[0].fold in ph.determiners and len(toks) > 1:
        toks.pop(0)
    if (
        len(toks) > 1
        and toks[0].kind == "word"
        and toks[0].text[:1].islower()
        and toks[0].fold.endswith("'s")
        and _is_name_token(toks[1])
    ):
        toks.pop(0)  # "the department's Bureau of Labor Statistics"
    if (
        len(toks) > 2
        and toks[0].kind in WORD_KINDS
        and toks[0].fold in d.source_nouns
        and toks[1].kind in WORD_KINDS
        and toks[1].fold in ph.links
    ):
        return _reduce(toks[2:], text, d)  # "les calculs de l'OFCE": the OFCE's figures
    if not toks:
        return None
    # the final run of name tokens that are no titles
    k = len(toks)
    while k > 0:
        t = toks[k - 1]
        if (
            _is_name_token(t)
            and not _is_title(t, d)
            and t.fold not in d.group_heads
            and t.fold not in d.not_names
        ):
            k -= 1
            continue
        if t.kind == "punct" and t.text == "." and k - 2 >= 0 and len(toks[k - 2].text) == 1:
            k -= 1
            continue
        if (
            t.kind in WORD_KINDS
            and t.fold in d.particles
            and k - 2 >= 0
            and _is_name_token(toks[k - 2])
            and not _is_title(toks[k - 2], d)  # "Sprecher der Kreisverwaltung" is no "der …"
            and not _is_group(toks[k - 2], d)
            and k < len(toks)
        ):
            k -= 1
            continue
        break
    run = toks[k:]
    prefix = toks[:k]
    if run and prefix and _names_a_person(prefix, d, text):
        name = _render(text, run)
        words = [t for t in prefix if t.kind in WORD_KINDS]
        # "grid operator Red Eléctrica", "Developer Northgate Homes": a body, not a person
        person = any(_is_title(t, d) for t in words) or not any(_is_group(t, d) for t in words)
        return Speaker(name, person) if name else None
    whole = _render(text, toks)
    if not whole:
        return None
    names = [t for t in run if t.kind in WORD_KINDS]
    person = (
        not prefix
        and 2 <= len(names) <= 4
        and not any(
            t.fold in d.group_heads or t.kind == "abbr" or (len(t.text) > 1 and t.text.isupper())
            for t in names
        )
    )
    return Speaker(whole, person)


def _names_a_person(prefix: list[Token], d: SpeakerData, text: str) -> bool:
    """A prefix made only of titles and descriptors: "Defence Minister", "grid operator"."""
    ph = d.phrases
    has_title = False
    for t in prefix:
        if t.kind not in WORD_KINDS:
            if t.kind == "punct" and t.text in ".'\u2019":
                continue
            return False
        f = t.fold
        if f in ph.links or f in ph.prepositions or f in d.particles:
            if f in ("of",) and has_title:
                continue  # "Chief of Staff"
            return False
        if _is_title(t, d):
            has_title = True
    lowercase_descr = all(
        not _is_name_token(t)
        or _is_title(t, d)
        or t.fold.endswith(("'s", "s'"))
        or (d.lang != "de" and _is_group(t, d) and _opens_sentence(text, t))  # "Developer X said"
        for t in prefix
        if t.kind in WORD_KINDS
    )
    return has_title or lowercase_descr


def _opens_sentence(text: str, t: Token) -> bool:
    """Whether ``t`` is capitalised for standing first ("Developer Northgate Homes said")."""
    before = text[max(0, t.start - 3) : t.start].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"\u201c\u201e\u00ab\u2014\u2013-"


PAREN_ASIDE: Final = regex.compile(r"\s*\([^)]{1,30}\)")
"""A short parenthesised aside, with the space before it: dropped from a name."""


def _render(text: str, toks: list[Token]) -> str:
    if not toks:
        return ""
    s = text[toks[0].start : toks[-1].end].replace("**", "")
    if "(" in s:  # the pattern needs a '(': without one the substitution changes nothing
        s = PAREN_ASIDE.sub("", s)
    return " ".join(s.split()).strip(" ,.;:")


# --- cues of one sentence --------------------------------------------------------------



def _index_at(tokens: list[Token], pos: int) -> int:
    """Index of the first token starting at or after ``pos`` (tokens are in order)."""
    return first_starting_at(tokens, pos)


def _prev_sig(tokens: list[Token], k: int) -> Token | None:
    k -= 1
    while k >= 0 and tokens[k].kind == "punct" and tokens[k].text in FORMAT_MARKS:
        k -= 1
    return tokens[k] if k >= 0 else None


class _Cues:
    """The cues find_cues collects for one sentence and the text they take (a class
    rather than closures: compiled, its methods are direct calls)."""

    def __init__(self, text: str, d: SpeakerData) -> None:
        self.text = text
        self.d = d
        self.cues: list[Cue] = []
        self.taken: list[tuple[int, int]] = []

    def free(self, a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in self.taken)

    def add(self, cue: Cue) -> None:
        self.cues.append(cue)
        self.taken.append((cue.start, cue.end))

    def pronoun(self, fold: str, a: int, b: int, level: bool, scope: str = "") -> None:
        self.add(Cue(None, a, b, "pronoun", level, scope, fold in self.d.plural_pronouns))

    def first_person(self, a: int, b: int, level: bool, scope: str = "") -> None:
        """"nous avons compté", "sagen wir": the writer, or a quotation's own speaker."""
        self.add(Cue(None, a, b, "pronoun", level, scope, True))

    def named(self, span: list[Token], a: int, b: int, kind: str, level: bool, scope: str = "") -> None:
        """A cue naming the speaker phrase ``span``; one made of an anaphoric noun alone
        ("des Unternehmens") names nobody."""
        if _anaphoric(span, self.d):
            self.add(Cue(None, a, b, kind, level, scope, True))
            return
        sp = _reduce(span, self.text, self.d)
        if sp:
            self.add(Cue(sp, a, b, kind, level, scope))


def find_cues(
    text: str, sentence: tuple[int, int], lang: str, tokens: list[Token] | None = None
) -> list[Cue]:
    """Every attribution cue of one sentence, in order."""
    d = get_speaker_data(lang)
    s_start, s_end = sentence
    if tokens is None:
        tokens = tokenize(text, s_start, s_end)
    # the phrase hits depend on the tokens alone: found first, so that a sentence whose
    # cue words stand in no phrase (and has no French "-t-il") ends here
    first_words = d.first_words
    starts = _cue_starts(tokens, first_words, d.first_pairs)
    if not starts:
        return []  # no word of the sentence opens any cue phrase
    pronoun_hits = _hits(tokens, d.pronoun_markers, starts)
    marker_hits = _hits(tokens, d.markers, starts)
    after_hits = _hits(tokens, d.after, starts)
    verb_hits = _hits(tokens, d.verbs, starts)
    hyphens = lang == "fr" and text.find("-", s_start, s_end) >= 0  # "a-t-il déclaré"
    if not (pronoun_hits or marker_hits or after_hits or verb_hits or hyphens):
        return []
    ph = d.phrases
    found = _Cues(text, d)
    cues = found.cues
    span: list[Token] | None = None

    for m in pronoun_hits:
        found.pronoun("", m.start, m.end, _sentence_level(tokens, m.start, m.end))
    for m in marker_hits:
        if not found.free(m.start, m.end):
            continue
        i = _index_at(tokens, m.end)
        span, _j = _np_forward(tokens, i, d)
        span = _source_behind(tokens, span, _j, d)
        if span and len(span) == 1 and span[0].fold in d.pronouns:
            end = span[0].end
            found.pronoun(span[0].fold, m.start, end, _sentence_level(tokens, m.start, end))
            continue
        if span and span[0].fold in d.first_person:
            end = span[0].end
            found.first_person(m.start, end, _sentence_level(tokens, m.start, end))
            continue
        if not span or not _valid(span, d, False):
            continue
        end = span[-1].end
        found.named(span, m.start, end, "marker", _sentence_level(tokens, m.start, end))
    for m in after_hits:
        if not found.free(m.start, m.end):
            continue
        k = _index_at(tokens, m.start)
        span = _np_backward(tokens, k, d).span
        if not span or not _valid(span, d, False, lone_noun=True):
            continue
        a = span[0].start
        found.named(span, a, m.end, "marker", _sentence_level(tokens, a, m.end))
    if hyphens:  # inverted pronouns: "a-t-il déclaré", "estime-t-elle"
        for k, t in enumerate(tokens):
            if t.kind == "word" and "-" in t.text:
                parts = t.fold.split("-")
                if parts[-1] in d.pronouns and (
                    parts[0] in d.verb_words or _next_is_verb(tokens, k, d)
                ):
                    found.pronoun(parts[-1], t.start, t.end, True)
    for m in verb_hits:
        if not found.free(m.start, m.end):
            continue
        k = _index_at(tokens, m.start)
        if k >= len(tokens):
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is not None and nxt.kind in WORD_KINDS and lang == "en" and tokens[k].fold == "according":
            continue
        prev = _prev_sig(tokens, k)
        if prev is not None and prev.kind in WORD_KINDS and prev.fold in ph.determiners:
            continue  # "an estimated $2.3bn"
        if prev is not None and prev.kind in WORD_KINDS and prev.fold in d.passive:
            continue  # "once reserves are counted"
        i = _index_at(tokens, m.end)
        verb = " ".join(t.fold for t in tokens[k:i])
        after = _next_sig(tokens, i)
        ends_clause = after is None or (after.kind == "punct" and after.text in CLAUSE_END)
        inverted = prev is None or (
            prev.kind == "punct" and prev.text in BOUNDARY_PUNCT and prev.text != ")"
        )
        if (
            verb in d.clause_verbs
            and not inverted
            and not ends_clause
            and not (after is not None and after.kind in WORD_KINDS and after.fold in ph.clause_words)
        ):
            continue  # "Employers added 210,000 jobs": an object, not a quotation
        if inverted:
            if i < len(tokens) and tokens[i].fold in d.first_person:
                found.first_person(m.start, tokens[i].end, True)
                continue
            if i < len(tokens) and tokens[i].fold in d.pronouns:
                found.pronoun(tokens[i].fold, m.start, tokens[i].end, True)  # "sagte er"
                continue
            span, _j = _np_forward(tokens, i, d)
            if span and len(span) == 1 and span[0].fold in d.pronouns:
                found.pronoun(span[0].fold, m.start, span[0].end, True)
                continue
            if span and _valid(span, d, False):
                apposed = _name_after_title(tokens, span, text, d)
                if apposed is not None:
                    # "a indiqué le procureur de la République de Valence, Thierry Bonnal."
                    found.add(Cue(apposed[0], m.start, apposed[1], "verb", True))
                    continue
                found.named(span, m.start, span[-1].end, "verb", True)
                described = _description_after(tokens, _index_at(tokens, span[-1].end), d)
                if described is not None:
                    # "…, explique Yann Le Goff, patron d'un chalutier de 16 mètres": the
                    # writer's words about the speaker, not the speaker's figure
                    found.add(
                        Cue(None, described.start, described.end, "apposition", False, "clause", True)
                    )
                continue
            if prev is None:
                continue
        back = _np_backward(tokens, k, d)
        span = back.span
        if back.why == "num":
            # "the 550,000 economists had forecast,": the figure is what the verb's subject gave
            if span and ends_clause and _valid(span, d, True) and span[0].fold not in d.pronouns:
                found.named(span, span[0].start, m.end, "verb", False, "gap")
            continue
        if verb in d.object_first_verbs and not inverted and (
            not span or _object_phrase(span, d)
        ):
            # V2 with a fronted object: "Die Kosten des Streiks beziffert die Airline auf …",
            # "Den Schaden allein in Jüterbog schätzt die Forstverwaltung auf …"
            j0 = _index_at(tokens, m.end)
            fwd, j = _np_forward(tokens, j0, d)
            if (
                fwd
                and fwd[0].fold in SUBJECT_ARTICLES
                and j < len(tokens)
                and tokens[j].fold in d.amount_prepositions
                and not _object_phrase(fwd, d)
                and _valid(fwd, d, False, lone_noun=True)
            ):
                found.named(fwd, m.start, fwd[-1].end, "verb", True)
            continue  # what was estimated is never who estimated it
        if not span:
            continue
        if span[0].fold in d.first_person:
            fp_scope = "clause" if back.why == "clause" and not ends_clause else ""
            found.first_person(span[0].start, m.end, not fp_scope, fp_scope)
            continue
        if verb in d.noun_verbs and (
            (
                after is not None
                and after.kind in WORD_KINDS
                and (
                    after.fold in ph.links
                    or after.fold in ph.prepositions
                    or after.fold in ph.connectors
                    or after.fold in d.passive
                )
                and not _noun_object(tokens, i, d)
            )
            or (ends_clause and any(t.kind in WORD_KINDS and t.fold in ph.prepositions for t in span))
        ):
            continue  # "U.S. estimates of …", "broadly in line with U.S. estimates."
        # a subject after a clause word, its verb followed by what it said: that clause only
        # ("… while organisers said 140,000 took part"); "…, wie X mitteilte." governs all
        scope = "clause" if back.why == "clause" and not ends_clause else ""
        level = not scope
        if len(span) == 1 and span[0].fold in d.pronouns:
            found.pronoun(span[0].fold, span[0].start, m.end, level, scope)
            continue
        lone = span[0].fold in SUBJECT_ARTICLES and (
            (back.why == "clause" and ends_clause)
            or (verb in d.object_first_verbs and _object_follows(tokens, m.end, d))
        )  # "Die Airline beziffert die Kosten auf …"
        if not _valid(span, d, True, lone_noun=lone):  # lone: "…, wie der Netzbetreiber sagte."
            if lang == "de" and span[0].fold in OBJECT_ARTICLES:
                # V2 with a fronted object: "Den Sachschaden beziffert der Verband auf …"
                fwd, _j = _np_forward(tokens, _index_at(tokens, m.end), d)
                if fwd and fwd[0].fold in SUBJECT_ARTICLES and _valid(fwd, d, False):
                    found.named(fwd, m.start, fwd[-1].end, "verb", True)
            continue
        person = _apposed_person(tokens, span, text, d)
        if person is not None and not scope:
            # "Gen. Dana Whitlock, the army chief of staff, told …": the name, not the title
            found.add(Cue(person[0], person[1], m.end, "verb", True))
            continue
        found.named(span, span[0].start, m.end, "verb", level, scope)
    for c in list(cues):
        rel = _relative_after_object(tokens, c, d)
        if rel is not None:
            # "…,” she told the meeting, which ran for more than five hours": the writer's
            found.add(Cue(None, rel.start, rel.end, "apposition", False, "clause", True))
    cues.sort(key=lambda c: c.start)
    if text.find(";", s_start, s_end) < 0:
        return cues  # no ';' token (a ';' is always a token of its own): nothing to bound
    return _bounded(cues, tokens)


MAX_OBJECT: Final = 4
"""Most words of a reporting verb's object before a relative clause ("told the meeting")."""


def _relative_after_object(tokens: list[Token], c: Cue, d: SpeakerData) -> Token | None:
    """The relative word opening a clause set off after the object of the reporting verb
    that ends cue ``c`` ("she told the meeting, which …"), or None."""
    if not d.relative_words or c.scope or c.kind not in ("verb", "pronoun"):
        return None
    i = _index_at(tokens, c.end)
    if i == 0 or tokens[i - 1].kind not in WORD_KINDS or tokens[i - 1].fold not in d.verb_words:
        return None  # "said Paul Dent, who …": a clause about the speaker, not this
    j = i
    ph = d.phrases
    while j < len(tokens) and j - i < MAX_OBJECT and tokens[j].kind in WORD_KINDS:
        f = tokens[j].fold
        if f in ph.clause_words or f in d.verb_words:
            return None
        if f in ph.stop_words and f not in ph.determiners:
            return None
        j += 1
    if j == i or j + 1 >= len(tokens) or tokens[j].text != ",":
        return None
    rel = tokens[j + 1]
    return rel if rel.kind in WORD_KINDS and rel.fold in d.relative_words else None


CLAUSE_END: Final = BOUNDARY_PUNCT | frozenset(".")
"""Punctuation after a reporting verb that ends what it governs ("…, wie X mitteilte.")."""


def _noun_object(tokens: list[Token], i: int, d: SpeakerData) -> bool:
    """The word at ``i`` after a reporting verb is a noun with its complement, though it
    may be a verb too ("Deutsche Bank forecast cuts of …"), not the verb of a noun subject
    ("U.S. estimates put …")."""
    ph = d.phrases
    if i + 1 >= len(tokens) or tokens[i].kind not in WORD_KINDS:
        return False
    f, nxt = tokens[i].fold, tokens[i + 1]
    return (
        f in ph.connectors
        and f not in ph.prepositions
        and f not in ph.links
        and f not in d.passive
        and nxt.kind in WORD_KINDS
        and nxt.fold in ph.links
    )


def _next_sig(tokens: list[Token], i: int) -> Token | None:
    while i < len(tokens) and tokens[i].kind == "punct" and tokens[i].text in FORMAT_MARKS:
        i += 1
    return tokens[i] if i < len(tokens) else None


def _name_after_title(
    tokens: list[Token], span: list[Token], text: str, d: SpeakerData
) -> tuple[Speaker, int] | None:
    """(person, end) named after a title set off by a comma at the end of the sentence
    ("…, a indiqué le procureur de la République de Valence, Thierry Bonnal."), or None."""
    if not any(t.kind in WORD_KINDS and _is_title(t, d) for t in span):
        return None
    j = _index_at(tokens, span[-1].end)
    if j >= len(tokens) or tokens[j].text != ",":
        return None
    k = j + 1
    run: list[Token] = []
    while k < len(tokens) and (
        (_is_name_token(tokens[k]) and not _is_title(tokens[k], d) and not _is_group(tokens[k], d))
        or (tokens[k].kind in WORD_KINDS and tokens[k].fold in d.particles and run)
    ):
        run.append(tokens[k])
        k += 1
    if len([t for t in run if _is_name_token(t)]) < 2 or not _is_name_token(run[-1]):
        return None
    if any(t.kind != "punct" or t.text == "," for t in tokens[k:]):
        return None  # the sentence goes on: the name may start another phrase
    sp = _reduce(span, text, d)
    if sp is None or sp.person:
        return None
    return Speaker(_render(text, run), True), run[-1].end


def _description_after(tokens: list[Token], j: int, d: SpeakerData) -> Token | None:
    """The first word of a description set off after a speaker's name (", the agency's
    manager", ", patron d'un chalutier de 16 mètres"), or None.  A relative clause is not
    one: ", qui table sur 3,6 %" may give the speaker's own figure."""
    if j + 1 >= len(tokens) or tokens[j].text != ",":
        return None
    if tokens[j + 1].kind == "num" and j + 3 < len(tokens) and tokens[j + 2].text == ",":
        j += 2  # "said Alberto Manuel, 46, a farmer who had walked …": the age first
    t = tokens[j + 1]
    if t.kind not in WORD_KINDS:
        return None
    if t.fold in d.phrases.determiners or _is_title(t, d):
        return t
    return None


def _source_behind(
    tokens: list[Token], span: list[Token], j: int, d: SpeakerData
) -> list[Token]:
    """For a phrase naming a source's figures ("figures published by Diabetes UK", "modelling
    by the York Health Economics Consortium"), the source after it; else ``span``."""
    content = [t for t in span if t.kind in WORD_KINDS and t.fold not in d.phrases.determiners]
    if not content or any(t.fold not in d.source_nouns for t in content):
        return span
    if j < len(tokens) and _is_participle(tokens[j], d):
        j += 1
    if j >= len(tokens) or tokens[j].fold not in d.source_links:
        return span
    source, _k = _np_forward(tokens, j + 1, d)
    return source if source and _valid(source, d, False) else span


def _object_follows(tokens: list[Token], pos: int, d: SpeakerData) -> bool:
    """An object phrase and the amount's preposition follow ``pos`` ("… die Kosten auf")."""
    fwd, j = _np_forward(tokens, _index_at(tokens, pos), d)
    return (
        bool(fwd)
        and _object_phrase(fwd, d)
        and j < len(tokens)
        and tokens[j].fold in d.amount_prepositions
    )


def _object_phrase(span: list[Token], d: SpeakerData) -> bool:
    """A phrase naming what was put at an amount ("Die Kosten des Streiks", "Den Schaden"):
    it opens with an object article or its head noun is one of ``object_heads``."""
    words = [t for t in span if t.kind in WORD_KINDS]
    if not words:
        return False
    if words[0].fold in OBJECT_ARTICLES:
        return True
    head = next((t for t in words if t.fold not in d.phrases.determiners), None)
    return bool(d.object_heads) and head is not None and head.fold.endswith(d.object_heads)


def _anaphoric(span: list[Token], d: SpeakerData) -> bool:
    """A phrase made of one noun that only stands for a name given before ("the company")."""
    if not d.anaphoric:
        return False
    content = [t for t in span if t.kind in WORD_KINDS and t.fold not in d.phrases.determiners]
    return len(content) == 1 and content[0].fold in d.anaphoric


def _apposed_person(
    tokens: list[Token], span: list[Token], text: str, d: SpeakerData
) -> tuple[Speaker, int] | None:
    """(person, start) when ``span`` is a title set off by commas after a person's name:
    "Gen. Dana Whitlock, the army chief of staff, told" → Dana Whitlock."""
    i0 = _index_at(tokens, span[0].start)
    if i0 < 2 or tokens[i0 - 1].text != ",":
        return None
    if not any(t.kind in WORD_KINDS and _is_title(t, d) for t in span):
        return None
    sp = _reduce(span, text, d)
    if sp is None or sp.person:
        return None
    before = _np_backward(tokens, i0 - 1, d)
    name = before.span
    if not name or before.why == "clause" or not _valid(name, d, True):
        return None
    who = _reduce(name, text, d)
    if who is None or not who.person:
        return None
    return who, name[0].start


def _bounded(cues: list[Cue], tokens: list[Token]) -> list[Cue]:
    """Each cue's reach: a sentence's ';' ends what a cue before it governs and starts
    what one after it governs, unless the cue closes the sentence ("…; …, X said.")."""
    if not cues:
        return cues
    semis = [t.start for t in tokens if t.kind == "punct" and t.text == ";"]
    if not semis:
        return cues
    last = tokens[-1].end
    out = []
    for c in cues:
        closes = all(t.kind == "punct" for t in tokens[_index_at(tokens, c.end) :])
        if closes:
            out.append(c)
            continue
        lo = max((x for x in semis if x < c.start), default=0)
        hi = min((x for x in semis if x >= c.end), default=last + 1)
        out.append(
            Cue(c.speaker, c.start, c.end, c.kind, c.sentence_level, c.scope, c.void, (lo, hi))
        )
    return out


def _next_is_verb(tokens: list[Token], k: int, d: SpeakerData) -> bool:
    return k + 1 < len(tokens) and tokens[k + 1].fold in d.verb_words


def _sentence_level(tokens: list[Token], start: int, end: int) -> bool:
    """A marker governs its whole sentence when it opens it ("According to X, …", "Laut
    X stehen …") or closes it after a comma (", selon la préfecture."); else only its
    segment ("94 000 manifestants selon la police, 250 000 selon les syndicats")."""
    k = _index_at(tokens, start) - 1
    while k >= 0 and tokens[k].kind == "punct" and tokens[k].text in FORMAT_MARKS:
        k -= 1
    prev = tokens[k] if k >= 0 else None
    j = _index_at(tokens, end)
    rest_is_punct = all(t.kind == "punct" for t in tokens[j:])
    opens = prev is None or (prev.kind == "punct" and prev.text in '"\u201e\u201c\u00ab')
    closes = rest_is_punct and prev is not None and prev.text == ","
    return opens or closes


# --- which cue a figure gets ----------------------------------------------------------------


def _segment_of(segments: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in segments:
        if a <= pos < b or pos < a:
            return a, b
    return segments[-1] if segments else (pos, pos)


def _elliptic(tokens: list[Token], seg: tuple[int, int], claim_start: int, lang: str) -> bool:
    """A segment that opens with its own noun phrase right before the figure:
    "…, la police 16 000" (another source, verb left out)."""
    ph = lang_phrases(lang)
    if tokens and seg[0] <= tokens[0].start:
        return False  # the sentence's own start is no ellipsis
    # the tokens starting in [seg[0], claim_start): one slice, as their starts ascend
    inner = [
        t
        for t in tokens[_index_at(tokens, seg[0]) : _index_at(tokens, claim_start)]
        if not (t.kind == "punct" and t.text in FORMAT_MARKS)
    ]
    if not inner:
        return False
    words = [t for t in inner if t.kind in WORD_KINDS]
    if len(words) != len(inner):
        return False
    if any(
        t.fold in ph.prepositions
        or t.fold in ph.connectors
        or t.fold in ph.clause_words
        or t.fold in ph.stop_words
        for t in words
    ):
        return False
    return True


def _comma_set(c: Cue, tokens: list[Token], clause_words: frozenset[str]) -> bool:
    """A marker set off by a comma before it (", selon la CGT", ", according to X"): it
    names the source of the comma-delimited stretch before it."""
    if c.kind != "marker" or c.scope:
        return False
    k = _index_at(tokens, c.start)
    prev = _prev_sig(tokens, k)
    if prev is None or prev.kind != "punct" or prev.text != ",":
        return False
    # "… in 2015 and, according to U.S. intelligence agencies, meddled …": it opens a clause
    before = _prev_sig(tokens, _index_at(tokens, prev.start))
    return before is not None and not (
        before.kind in WORD_KINDS and before.fold in clause_words
    )


def choose(
    cues: list[Cue],
    tokens: list[Token],
    claim_start: int,
    claim_end: int,
    lang: str,
    resolve: Callable[[Cue], Speaker | None],
    segs: list[tuple[int, int]] | None = None,
) -> tuple[bool, Speaker | None]:
    """(decided, speaker) for a figure from its sentence's cues; resolve(cue) names pronouns;
    ``segs``: the tokens' segments (``token_segments``) when the caller keeps them."""
    if not cues:
        return False, None
    if segs is None:
        segs = token_segments(tokens)
    seg = _segment_of(segs, claim_start)
    inside = [c for c in cues if c.start <= claim_start and claim_end <= c.end]
    if inside:
        return True, None  # the figure is part of the speaker phrase ("2 in 3 Americans said")
    for c in cues:
        if c.scope == "gap" and claim_end <= c.start:
            nxt = _index_at(tokens, claim_end)
            if nxt < len(tokens) and tokens[nxt].start == c.start:
                return True, resolve(c)  # "the 550,000 economists had forecast"
    # the segment's own source: a marker in it, or a clause's speaker before the figure
    near: list[tuple[int, Cue]] = []
    for c in cues:
        if not (seg[0] <= c.start < seg[1]):
            continue
        if c.scope == "clause" and c.end <= claim_start:
            near.append((claim_start - c.end, c))
        elif not c.scope and not c.sentence_level and c.kind != "verb":
            near.append((abs(c.start - claim_end), c))
    if near:
        return True, resolve(min(near, key=lambda x: x[0])[1])
    clause_words = lang_phrases(lang).clause_words
    later = [c for c in cues if c.start >= claim_end]
    if later and not any(seg[0] <= c.start < seg[1] for c in cues):
        first = min(later, key=lambda c: c.start)
        if _comma_set(first, tokens, clause_words):
            # "Ils étaient 195 000, dont 24 000 à Paris, selon le ministère, et « plus d'un
            # million », selon la CGT": each set-off marker takes the stretch before it
            return True, resolve(first)
    if any(c.scope and seg[0] <= c.start < seg[1] for c in cues):
        return True, None  # "Police counted 16,000 while organisers said …": another source
    general = [
        c
        for c in cues
        if not c.scope
        and (c.sentence_level or c.kind == "verb")
        and c.reach[0] <= claim_start < c.reach[1]
        and not (c.start >= claim_end and _comma_set(c, tokens, clause_words))  # later stretch
    ]
    if not general:
        return False, None
    cue_segs = {_segment_of(segs, c.start) for c in general}
    if seg not in cue_segs and _elliptic(tokens, seg, claim_start, lang):
        return True, None
    names = {None if (sp := resolve(c)) is None else sp.name for c in general}
    if len(names) == 1:
        only = next(iter(names))
        sp = resolve(general[0])
        return True, sp if only is not None else None
    return True, None


# --- a document's speakers ---------------------------------------------------------------


class SpeakerTracker:
    """Speakers of one document's figures, in any order of calls.

    Knows the sentence spans and languages, caches each sentence's tokens and cues,
    remembers the people named in each sentence (for pronouns) and finds the
    quotation a figure stands in (for quotes spanning several sentences).
    """

    def __init__(
        self,
        text: str,
        spans: list[tuple[int, int]],
        langs: list[str] | dict[tuple[int, int], str] | None = None,
        default_lang: str = "en",
    ) -> None:
        """``spans``: every sentence of the document (also those without figures: they
        may name the person a later pronoun stands for); ``langs``: their languages, as
        a list aligned with ``spans`` or a mapping span → lang for the ones known;
        the others are decided from word evidence, else ``default_lang``."""
        self.text = text
        self.spans = spans
        if isinstance(langs, list) and len(langs) == len(spans):
            self.langs = _Langs(text, spans, dict(zip(spans, langs, strict=True)), default_lang)
        elif isinstance(langs, dict):
            self.langs = _Langs(text, spans, dict(langs), default_lang)
        else:
            self.langs = _Langs(text, spans, {}, default_lang)
        self._index: dict[tuple[int, int], int] | None = None  # span → index, built on first need
        self._starts: list[int] | None = None  # sentence starts, listed on first need
        self._ascending = True  # whether the starts ascend (known once they are listed)
        self._quote_marks: dict[str, list[int]] = {}
        self._cue_spans: dict[int, tuple[tuple[int, int], ...]] = {}
        self._tokens: dict[int, list[Token]] = {}
        self._segments: dict[int, list[tuple[int, int]]] = {}
        self._cues: dict[int, list[Cue]] = {}
        self._people: dict[int, list[str]] = {}
        self._pronouns: dict[tuple[int, int], Speaker | None] = {}
        self._subjects: dict[int, list[tuple[int, str, Subject]]] = {}

    # -- subjects carried to elliptical figures and pronouns
    def remember_subject(self, i: int, claim_start: int, family: str, subject: Subject) -> None:
        self._subjects.setdefault(i, []).append((claim_start, family, subject))

    def carried_subject(
        self, i: int, claim_start: int, family: str, *, pronoun: bool
    ) -> Subject | None:
        """The subject of the previous figure of the same kind in this sentence; for a
        pronoun subject, the last one in the two sentences before."""
        if pronoun:
            for k in range(i - 1, max(-1, i - 3), -1):
                for _pos, fam, subj in reversed(self._subjects.get(k, [])):
                    if fam == family:
                        return Subject(subj.text, subj.concept, subj.start, subj.end, "pronoun")
            return None
        for pos, fam, subj in reversed(self._subjects.get(i, [])):
            if pos < claim_start and fam == family:
                return Subject(subj.text, subj.concept, subj.start, subj.end, "carried")
        return None

    # -- per sentence caches
    def tokens(self, i: int) -> list[Token]:
        toks = self._tokens.get(i)
        if toks is None:
            s, e = self.spans[i]
            toks = tokenize(self.text, s, e)
            self._tokens[i] = toks
        return toks

    def tokens_before(self, i: int, pos: int) -> list[Token]:
        """Sentence i's tokens ending at or before ``pos`` (their ends ascend: one slice)."""
        toks = self.tokens(i)
        return toks[: first_ending_after(toks, pos)]

    def cues(self, i: int) -> list[Cue]:
        cues = self._cues.get(i)
        if cues is None:
            lang = self.langs[i]
            cues = find_cues(self.text, self.spans[i], lang, self.tokens(i))
            self._cues[i] = cues
        return cues

    def cue_spans(self, i: int) -> tuple[tuple[int, int], ...]:
        """Extents of sentence i's cues naming a speaker phrase (no pronouns, appositions)."""
        spans = self._cue_spans.get(i)
        if spans is None:
            spans = tuple(
                (c.start, c.end) for c in self.cues(i) if c.kind not in ("pronoun", "apposition")
            )
            self._cue_spans[i] = spans
        return spans

    def quote_marks(self, lang: str) -> list[int]:
        """Offsets of every quotation mark of ``lang`` in the text, found once per document."""
        marks = self._quote_marks.get(lang)
        if marks is None:
            marks = _quote_marks(self.text, lang)
            self._quote_marks[lang] = marks
        return marks

    def people(self, i: int) -> list[str]:
        """People named in sentence i: person speakers and title + name mentions."""
        ppl = self._people.get(i)
        if ppl is None:
            ppl = []
            for c in self.cues(i):
                if c.speaker is not None and c.speaker.person:
                    ppl.append(c.speaker.name)
            ppl.extend(_title_mentions(self.text, self.tokens(i), self.langs[i]))
            self._people[i] = ppl
        return ppl

    def sentence_index(self, span: tuple[int, int]) -> int:
        """Index of the last sentence equal to ``span``; for a span that is no sentence,
        of the last sentence starting at or before it (0 if none).

        Fast path, exact: where the starts ascend, the sentences equal to ``span`` are
        among those with its start, which stand together and end with the last one
        starting at or before it (every later one starts after it): searched back from
        there, the first equal one is the last.  Where they do not ascend, the span is
        looked up in a mapping of all spans (built then, not per document)."""
        starts = self._starts
        if starts is None:
            starts = self._starts = [a for a, _ in self.spans]
            self._ascending = all(starts[k - 1] <= starts[k] for k in range(1, len(starts)))
        a, b = span
        i = _bisect_right(starts, a) - 1
        if self._ascending:
            k = i
            while k >= 0 and starts[k] == a:
                if self.spans[k][1] == b:
                    return k
                k -= 1
            return max(0, i)
        index = self._index
        if index is None:
            index = self._index = {sp: k for k, sp in enumerate(self.spans)}
        found = index.get(span)
        return max(0, i) if found is None else found

    def resolve_pronoun(self, i: int, before: int) -> Speaker | None:
        """The one person named in the nearest earlier sentence that names people."""
        same = [
            p
            for c in self.cues(i)
            if c.end <= before and c.speaker and c.speaker.person
            for p in [c.speaker.name]
        ]
        same += [
            p
            for p in _title_mentions(
                self.text, self.tokens_before(i, before), self.langs[i]
            )
        ]
        if same:
            return _unique(same)
        for k in range(i - 1, max(-1, i - 1 - PRONOUN_WINDOW), -1):
            ppl = self.people(k)
            if ppl:
                return _unique(ppl)
        return None

    def speaker(
        self, sentence: tuple[int, int], claim_start: int, claim_end: int, lang: str
    ) -> str | None:
        return self.speaker_of(self.sentence_index(sentence), claim_start, claim_end, lang)

    def speaker_of(self, i: int, claim_start: int, claim_end: int, lang: str) -> str | None:
        """``speaker`` of a claim in sentence i (the caller knows the index)."""
        cues = self.cues(i)
        quote = _quote_around(self.text, claim_start, lang, self.quote_marks(lang))
        if quote is not None:
            found, sp = self._quote_speaker(quote, lang)
            if found:
                return sp.name if sp is not None else None
        if not cues:
            return None  # choose decides nothing without cues

        def resolve(c: Cue) -> Speaker | None:
            if c.speaker is not None or c.void:
                return c.speaker
            key = (i, c.start)
            if key not in self._pronouns:  # the sentence's other figures ask again
                self._pronouns[key] = self.resolve_pronoun(i, c.start)
            return self._pronouns[key]

        tokens = self.tokens(i)
        segs = self._segments.get(i)
        if segs is None:
            segs = self._segments[i] = token_segments(tokens)
        decided, sp = choose(cues, tokens, claim_start, claim_end, lang, resolve, segs)
        if decided:
            return sp.name if sp else None
        return None

    def _quote_speaker(self, quote: tuple[int, int], lang: str) -> tuple[bool, Speaker | None]:
        """(found, speaker) of a quotation from the cue right after or before it."""
        qs, qe = quote
        # a cue right after the closing quote: "…,” said X" / "…“, sagte er"
        k = self.sentence_index((qe, qe))
        for c in self.cues(k):
            if qe <= c.start <= qe + 4 + _gap(self.text, qe, c.start):
                return True, self._cue_speaker(k, c)
        # or right before the opening one: "X said: “…”"
        k = self.sentence_index((qs, qs))
        before = [c for c in self.cues(k) if c.end <= qs and c.kind != "marker"]
        gap = self.text[before[-1].end : qs].strip() if before else ""
        if before and len(gap) <= 40 and (gap == "" or gap[-1] in ":,"):
            return True, self._cue_speaker(k, before[-1])
        return False, None

    def _cue_speaker(self, i: int, c: Cue) -> Speaker | None:
        if c.speaker is not None or c.void:
            return c.speaker
        return self.resolve_pronoun(i, c.start)


class _Langs:
    """Language of sentence i: given, or decided from word evidence on first use.  Each
    answer is also kept by index (a list read, not a lookup hashing the span tuple): it
    is the same on every ask, as ``known`` only gains spans and never changes one."""

    def __init__(self, text: str, spans: list[tuple[int, int]], known: dict, default: str) -> None:
        self.text, self.spans, self.known, self.default = text, spans, known, default
        self.by_index: list[str] = [""] * len(spans)  # "": not asked yet

    def __getitem__(self, i: int) -> str:
        lang = self.by_index[i]
        if lang:
            return lang
        span = self.spans[i]
        found = self.known.get(span)
        if found is None:
            from .language import count_evidence, decide

            found = decide(count_evidence(self.text, *span), self.default)
            self.known[span] = found
        self.by_index[i] = found
        return found


def _gap(text: str, a: int, b: int) -> int:
    seg = text[a:b]
    return len(seg) if len(seg) <= 6 and not any(ch.isalnum() for ch in seg) else 0


def _unique(names: list[str]) -> Speaker | None:
    distinct: list[str] = []
    for n in names:
        if any(n == m or n in m or m in n for m in distinct):
            continue
        distinct.append(n)
    if len(distinct) == 1:
        longest = max((n for n in names if n in distinct[0] or distinct[0] in n), key=len)
        return Speaker(longest, True)
    return None


def _title_mentions(text: str, tokens: list[Token], lang: str) -> list[str]:
    """People named after a title anywhere in a sentence ("Russian President Vladimir Putin")."""
    d = get_speaker_data(lang)
    out = []
    k = 0
    n = len(tokens)
    while k < n:
        t = tokens[k]
        if t.kind in WORD_KINDS and _is_title(t, d):
            j = k + 1
            if j < n and tokens[j].text in ",." and tokens[j].start == t.end:
                j += 1
            if j < n and tokens[j].text == ",":
                j += 1
            run: list[Token] = []
            while j < n and (
                (
                    _is_name_token(tokens[j])
                    and (not _is_title(tokens[j], d) or (run and run[-1].fold in d.particles))
                    and tokens[j].fold not in d.group_heads
                    and tokens[j].fold not in d.not_names
                )
                or (tokens[j].text == "." and run and len(run[-1].text) == 1)
                or (
                    tokens[j].fold in d.particles
                    and run
                    and j + 1 < n
                    and _is_name_token(tokens[j + 1])
                )
            ):
                run.append(tokens[j])
                j += 1
            while run and not _is_name_token(run[-1]):
                run.pop()
            if len(run) >= 2 or (run and lang != "de"):
                out.append(_render(text, run))
            k = max(j, k + 1)
            continue
        k += 1
    return out


def _quote_marks(text: str, lang: str) -> list[int]:
    """Offsets of the language's quotation marks (and straight quotes) in ``text``,
    ascending: one ``str.find`` scan per mark.  A '’' between letters is left out:
    an apostrophe ("company’s") that ``_quote_around`` skips in both directions."""
    out: list[int] = []
    chars = OPEN_QUOTES.get(lang, "") + CLOSE_QUOTES.get(lang, "") + STRAIGHT_QUOTE
    for ch in set(chars):
        i = text.find(ch)
        while i >= 0:
            if ch != "\u2019" or not _apostrophe(text, i):
                out.append(i)
            i = text.find(ch, i + 1)
    out.sort()
    return out


def _quote_around(
    text: str, pos: int, lang: str, marks: list[int] | None = None
) -> tuple[int, int] | None:
    """(opening, closing) offsets of the quotation ``pos`` stands in, within its paragraph.
    ``marks``: ``_quote_marks(text, lang)`` (a document's tracker finds them once); the
    ones in a window are the window's quotation marks."""
    if marks is None:
        marks = _quote_marks(text, lang)
    before = _bisect_left(marks, pos, 0, len(marks))
    if before == 0 or marks[before - 1] < pos - QUOTE_REACH:
        return None  # no quotation mark within reach before the figure: it opens no quote
    lo = text.rfind("\n\n", max(0, pos - QUOTE_REACH), pos)
    lo = max(0, pos - QUOTE_REACH) if lo == -1 else lo + 2
    opens, closes = OPEN_QUOTES.get(lang, ""), CLOSE_QUOTES.get(lang, "")
    depth_open = None
    straight_open = None
    for i in marks[_bisect_left(marks, lo, 0, before) : before]:
        ch = text[i]
        if ch in opens and not (ch == "\u2018" and _apostrophe(text, i)):
            depth_open = i
        elif (
            ch in closes
            and depth_open is not None
            and not (ch == "\u2019" and _apostrophe(text, i))
        ):
            depth_open = None
        elif ch == STRAIGHT_QUOTE:
            straight_open = i if straight_open is None else None
    start = depth_open if depth_open is not None else straight_open
    if start is None:
        return None
    hi = text.find("\n\n", pos, pos + QUOTE_REACH)
    hi = min(len(text), pos + QUOTE_REACH) if hi == -1 else hi
    targets = closes if depth_open is not None else STRAIGHT_QUOTE
    for i in marks[before : _bisect_left(marks, hi, before, len(marks))]:
        if text[i] in targets and not (text[i] == "\u2019" and _apostrophe(text, i)):
            return start, i + 1
    return None


def _bisect_right(a: list[int], x: int) -> int:
    """``bisect.bisect_right(a, x)``, compiled."""
    lo = 0
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) >> 1
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _bisect_left(a: list[int], x: int, lo: int, hi: int) -> int:
    """``bisect.bisect_left(a, x, lo, hi)``, compiled (no call into the bisect module)."""
    while lo < hi:
        mid = (lo + hi) >> 1
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


def find_speaker(sentence: str, lang: str) -> str | None:
    """The one speaker a sentence attributes all its figures to, or None (compatibility)."""
    tracker = SpeakerTracker(sentence, [(0, len(sentence))], [lang])
    cues = tracker.cues(0)
    names = {c.speaker.name for c in cues if c.speaker is not None}
    if len(names) == 1 and all(c.speaker is not None for c in cues):
        return next(iter(names))
    return None


# --- subject, concept and speaker of one claim ------------------------------------------------


@dataclass(init=False, unsafe_hash=True)
class Attached:
    subject: str | None
    concept: str | None
    speaker: str | None

    def __init__(self, subject: str | None, concept: str | None, speaker: str | None) -> None:
        self.subject = subject
        self.concept = concept
        self.speaker = speaker


def attach(
    text: str,
    sentence: tuple[int, int],
    claim_start: int,
    claim_end: int,
    lang: str,
    role: str | None,
    unit: str | None,
    context: SpeakerTracker,
    subject_end: int | None = None,
) -> Attached:
    """Subject, concept and speaker of one claim; ``context`` is the document's tracker;
    ``subject_end``: where the subject search starts when the counted noun stands inside
    the claim ("un Français sur cinq": after "un").

    Call it for the claims of a document in document order: an elliptical figure takes
    the subject of the figure before it in its sentence, and a pronoun subject ("sie")
    the last subject of the same kind of figure in the sentences before.
    """
    i = context.sentence_index(sentence)
    family = family_of(unit)
    speakers = context.cue_spans(i)
    found = find_subject(
        text, sentence, claim_start, claim_end if subject_end is None else subject_end, lang, unit,
        context.tokens(i), speakers, role=role
    )
    subject = found if isinstance(found, Subject) else None
    if subject is None:
        subject = context.carried_subject(i, claim_start, family, pronoun=found == "pronoun")
        if subject is not None and subject.via == "carried" and (
                subject.concept == "people" or subject.concept in all_concepts().events):
            event = event_after(context.tokens(i), claim_end, lang, unit)
            if event is not None and event != subject.concept:
                subject = Subject(subject.text, event, subject.start, subject.end, "carried")
    if subject is not None:
        context.remember_subject(i, claim_start, family, subject)
    speaker = context.speaker_of(i, claim_start, claim_end, lang)
    return Attached(
        subject.text if subject else None,
        subject.concept if subject else None,
        speaker,
    )
