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
