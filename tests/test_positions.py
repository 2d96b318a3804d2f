"""Line and column of a text offset: the forward count (claims in document order) and
the bisection it falls back to must agree with counting from the start every time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.positions import LineIndex


def reference(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def test_positions_in_order():
    text = "first line\nsecond 94,000\n\nfourth: 1.5 Mrd.\n"
    index = LineIndex(text)
    for offset in (0, 3, 11, 18, 25, 26, 27, 40, len(text)):
        assert index.position(offset) == reference(text, offset)


def test_position_asked_twice_and_backwards():
    text = "a\nb\nc\nd"
    index = LineIndex(text)
    assert index.position(6) == (4, 1)
    assert index.position(6) == (4, 1)
    assert index.position(2) == (2, 1)  # out of order: the bisection from here on
    assert index.position(0) == (1, 1)
    assert index.position(5) == (3, 2)


@given(st.text(alphabet="ab\n\r ", max_size=60), st.lists(st.integers(0, 60), max_size=12), st.booleans())
def test_any_offsets_in_any_order(text, offsets, ordered):
    offsets = [o for o in offsets if o <= len(text)]
    if ordered:
        offsets.sort()
    index = LineIndex(text)
    for offset in offsets:
        assert index.position(offset) == reference(text, offset)
