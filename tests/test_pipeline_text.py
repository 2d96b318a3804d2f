"""The sentence text a claim carries: whitespace normalised exactly as
``" ".join(s.split())`` does, by a fast path for sentences already normal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.pipeline import normalise_space


@pytest.mark.parametrize("raw, expected", [
    ("More than 94,000 soldiers.", "More than 94,000 soldiers."),
    ("Mehr als 94.000\nSoldaten.", "Mehr als 94.000 Soldaten."),
    ("94\u202f000 soldats", "94 000 soldats"),
    ("  leading and trailing  ", "leading and trailing"),
    ("two  spaces", "two spaces"),
    ("tab\there", "tab here"),
    ("line\u2028separator", "line separator"),
    ("thin\u2009space", "thin space"),
    ("ideographic\u3000space", "ideographic space"),
    ("", ""),
    (" ", ""),
])
def test_normalise_space(raw, expected):
    assert normalise_space(raw) == expected


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(" \t\n\u00a0\u202f\u2009\x1c\x85")))
def test_normalise_space_is_split_and_join(s):
    assert normalise_space(s) == " ".join(s.split())
