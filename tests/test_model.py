"""The claim record: ``seal(ClaimRecord(...))`` is the extractor's cheap way to build a
Claim; it must give exactly what ``Claim(...)`` gives, frozen."""

from __future__ import annotations

import dataclasses
import pickle
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model import Claim, ClaimRecord, NumberFormat, Qualifier, Reading, Role, seal
from claimcheck.pipeline import CLAIM_FIELDS

PIPELINE = Path(__file__).resolve().parent.parent / "claimcheck" / "pipeline.py"

BASE = dict(
    source="wire.txt", line=3, column=7, start=120, end=134, text="more than 94,000",
    value=None, low=Decimal("94000"), high=None, qualifier=Qualifier.MORE_THAN, unit="soldier",
    role=Role.LEVEL, period="2024", subject="soldiers", concept="troops", speaker=None, lang="en",
    number_format=NumberFormat.EN, ambiguous=False, sentence="More than 94,000 soldiers took part.",
)


def test_record_has_the_claims_fields_in_order():
    assert [(f.name, f.default) for f in dataclasses.fields(ClaimRecord)] == [
        (f.name, f.default) for f in dataclasses.fields(Claim)
    ]


def test_extractor_passes_the_fields_in_claims_order():
    """extract_document builds its ClaimRecord positionally, one argument a line, each line
    ending in a comment naming its field: names and order must be Claim's."""
    assert CLAIM_FIELDS == tuple(f.name for f in dataclasses.fields(Claim))
    source = PIPELINE.read_text(encoding="utf-8")
    call = source[source.index("seal(ClaimRecord("):]
    call = call[:call.index(")))")]
    named = re.findall(r",  # (\w+)\n", call)
    assert tuple(named) == CLAIM_FIELDS


@pytest.mark.parametrize("extra", [
    {},
    {"alternatives": (Reading(NumberFormat.DE, Decimal("94")),), "published": "2024-05-01"},
    {"inverted": True, "speaker": "the ministry", "value": Decimal("1.5E9")},
])
def test_sealed_record_is_the_claim(extra):
    fields = {**BASE, **extra}
    sealed = seal(ClaimRecord(**fields))
    built = Claim(**fields)
    assert type(sealed) is Claim
    assert sealed == built and hash(sealed) == hash(built)
    assert dataclasses.asdict(sealed) == dataclasses.asdict(built)
    assert pickle.loads(pickle.dumps(sealed)) == built
    assert dataclasses.replace(sealed, line=9) == dataclasses.replace(built, line=9)


def test_sealed_claim_is_frozen():
    sealed = seal(ClaimRecord(**BASE))
    with pytest.raises(dataclasses.FrozenInstanceError):
        sealed.line = 4  # type: ignore[misc]


def test_seal_takes_only_records():
    with pytest.raises((AssertionError, TypeError)):
        seal(Claim(**BASE))


@given(st.integers(0, 10**6), st.text(max_size=30), st.none() | st.text(max_size=10), st.booleans())
def test_any_fields_seal_to_the_same_claim(line, text, speaker, ambiguous):
    fields = {**BASE, "line": line, "text": text, "speaker": speaker, "ambiguous": ambiguous}
    assert seal(ClaimRecord(**fields)) == Claim(**fields)
