"""Round 9b fast paths of the sentence, date and language scans, each against its slow path."""

from __future__ import annotations

import random

from claimcheck.segment import _space_before_letters


def _slow_space_before_letters(text: str, lo: int, stop: int) -> int:
    space = text.rfind(" ", lo, stop)
    return space if space >= 0 and text[space + 1 : stop].isalpha() else -1


def test_space_before_letters_every_character() -> None:
    for c in range(0x300):
        for text in (f"ab {chr(c)}.", f"ab x{chr(c)}y.", f"{chr(c)}.", f" {chr(c)}{chr(c)}."):
            stop = len(text) - 1
            for lo in range(stop + 1):
                assert _space_before_letters(text, lo, stop) == _slow_space_before_letters(text, lo, stop)


def test_space_before_letters_random() -> None:
    rng = random.Random(9)
    alphabet = "ab Zé’«\u00a0.1-ßΩ\u00d7\u00b5 "
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        for stop in range(len(text) + 1):
            lo = rng.randint(0, stop)
            assert _space_before_letters(text, lo, stop) == _slow_space_before_letters(text, lo, stop)


def _slow_fold(text: str, start: int, end: int) -> str:
    chunk = text[start:end]
    return chunk.lower() if chunk.isascii() else chunk.casefold()


def test_folded_span_per_document_memo() -> None:
    from claimcheck.language import folded_span

    rng = random.Random(9)
    alphabet = "aZ ÉéßK\u212a’ſİΣ."
    texts = ["".join(rng.choice(alphabet) for _ in range(30)) for _ in range(40)]
    for _ in range(3000):
        text = rng.choice(texts)  # documents come and go: the same offsets, other characters
        start = rng.randint(-3, 32)
        end = rng.randint(-3, 33)
        assert folded_span(text, start, end) == _slow_fold(text, start, end)
    text = texts[0]
    assert folded_span(text, 0, 2**32) == _slow_fold(text, 0, 2**32)


def test_stem_places_against_find_loops() -> None:
    from claimcheck.dates import _month_stems, _stem_pair_table, _stem_places

    pairs, thirds = _stem_pair_table()
    assert pairs  # the stems are three Latin-1 characters
    stems = _month_stems()
    rng = random.Random(9)
    pieces = [*stems, "a", "é", "ä", "û", "z", " ", "Ā", "m", "ju", "de", "\u0101pr"]
    for _ in range(5000):
        chunk = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        slow: set[int] = set()
        for stem in stems:
            i = chunk.find(stem)
            while i >= 0:
                slow.add(7 + i)
                i = chunk.find(stem, i + 1)
        fast: set[int] = set()
        assert _stem_places(chunk, 7, pairs, thirds, fast) == bool(slow)
        assert fast == slow


def test_strip_marks_is_strip() -> None:
    from claimcheck.language import STRIP, _strip_marks

    rng = random.Random(9)
    alphabet = STRIP + "aé1 \u00a0Ω"
    for _ in range(20000):
        token = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 7)))
        assert _strip_marks(token) == token.strip(STRIP)


def test_month_starts_same_on_both_paths(monkeypatch) -> None:
    """_month_starts finds the stems by _stem_places (compiled) or by one ``in`` test per
    stem (pure build): the same starts.  Switching the flag takes effect in the pure
    build; compiled, both calls take the native path."""
    from examples import fixture_texts

    from claimcheck import dates
    from claimcheck.segment import split_sentences

    seen = 0
    for text in fixture_texts()[:60]:
        for s, e in split_sentences(text)[:40]:
            monkeypatch.setattr(dates, "INTERPRETED", True)
            slow = dates._month_starts(text, s, e)
            monkeypatch.setattr(dates, "INTERPRETED", False)
            fast = dates._month_starts(text, s, e)
            assert fast == slow, text[s:e]
            seen += bool(fast)
    assert seen > 20
