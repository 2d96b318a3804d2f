"""Fast paths of the whole-document passes against the plain code they replace.

Each reference below is the straightforward version (a regex ``finditer`` over the
whole text, a loop over every token); the fast path must give exactly its result on
the bench corpus's kind of text and on random strings of the characters that matter.
"""

from __future__ import annotations

import random

import pytest

from claimcheck import segment
from claimcheck.segment import BOUNDARY_RE, split_sentences

ALPHABET = (
    "aAbZé3 5 7  \t\n\n\r.,.!?\u2026\"'\u201c\u201d\u2019\u00bb\u00ab\u201e)]([-\u2013*#"
    "\u00a0\u202f" + "Mr. Dr. z. B. Jan. 3. März U.S. 1.5 " * 2
)


def _reference_split(text: str) -> list[tuple[int, int]]:
    """``split_sentences`` as a scan of ``BOUNDARY_RE.finditer`` over the text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in BOUNDARY_RE.finditer(text):
        if m.group("stop") is not None:
            if segment._is_false_stop(text, m.start("stop"), m.end()):
                continue
            end = m.end("stop")
        elif m.group("line") is not None:
            if not segment._line_is_boundary(text, m.start(), m.end()):
                continue
            end = m.start()
        else:
            end = m.start()
        segment._push(text, spans, start, end)
        start = m.end()
    segment._push(text, spans, start, len(text))
    return spans


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        n = rng.randint(0, 80)
        out.append("".join(rng.choice(ALPHABET) for _ in range(n)))
    return out


SAMPLES = [
    "He left.  She came. \u201cYes.\u201d Then 3 more.\nHeadline\nBody text goes on.",
    "Um 3. Dezember kam er. Der 2. Weltkrieg endete.\n\n\n  Neu: z. B. hier. Ende...Nein... Ja!",
    "Il a dit : \u00ab C'est fini. \u00bb Puis\u2026 rien. Mr. Smith et al. 1.5 m.",
    "- item one\n- item two\n1. first\n# Heading\nwrapped line said on\nMonday it rained.",
    "",
    ".",
    "\n",
    "a.\n",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_split_sentences_as_finditer(text: str) -> None:
    assert split_sentences(text) == _reference_split(text)


@pytest.mark.parametrize("seed", range(8))
def test_split_sentences_as_finditer_random(seed: int) -> None:
    for text in _random_texts(seed, 400):
        assert split_sentences(text) == _reference_split(text), text
