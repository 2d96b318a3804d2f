"""Speed of `compare` beyond extraction: 10,000 claims from 1,000 documents.

Run: ``pytest tests/bench_compare.py --benchmark-only`` (pytest-benchmark statistics) or
``python tests/bench_compare.py`` (median of a few runs, one line). The claim frame is
synthetic (CLAIM_SCHEMA): 1,000 documents x 10 claims over 400 concepts in counts,
percent, km/miles and EUR/USD, a third with a period, figures around a per-concept
centre (most agree, some round differently, one in twenty is far off). Reports
figures; asserts nothing about time (the machine is shared).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

import polars as pl
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.compare import compare_claims  # noqa: E402
from claimcheck.table import CLAIM_SCHEMA  # noqa: E402

DOCUMENTS = 1_000
CLAIMS_PER_DOCUMENT = 10
CONCEPTS = 400
UNIT_SETS = (("dimensionless",), ("percent",), ("kilometer", "mile"), ("EUR", "USD"))
PERIODS = (None, None, "2021", "2022", "im November", "2021-11")
QUALIFIERS = ("exact", "approx", "more_than", "range", "at_most")


def synthetic_frame(documents: int = DOCUMENTS, per_doc: int = CLAIMS_PER_DOCUMENT,
                    seed: int = 11) -> pl.DataFrame:
    rnd = random.Random(seed)
    centres = {f"concept_{k}": 10 ** rnd.uniform(1, 7) for k in range(CONCEPTS)}
    units = {c: UNIT_SETS[k % len(UNIT_SETS)] for k, c in enumerate(centres)}
    rows = []
    for d in range(documents):
        for j in range(per_doc):
            concept = rnd.choice(list(centres))
            unit = rnd.choice(units[concept])
            # most sources agree, a few round differently, one in twenty is far off
            drift = rnd.choice((0.0, 0.0, 0.0, 0.0, 0.0, 0.004, 0.01, 0.03)) \
                if rnd.random() > 0.05 else rnd.uniform(0.3, 1.0)
            x = round(centres[concept] * (1 + drift), 1)
            qualifier = rnd.choice(QUALIFIERS)
            low: float | None = x
            high: float | None = x
            if qualifier == "approx":
                low, high = x * 0.99, x * 1.01
            elif qualifier == "more_than":
                high = None
            elif qualifier == "at_most":
                low = None
            elif qualifier == "range":
                high = x * 1.05
            rows.append({
                "source": f"doc-{d:04d}", "line": j + 1, "column": 1, "start": j * 80,
                "end": j * 80 + 6, "text": f"{x:,}", "value": x if low == high else None,
                "low": low, "high": high, "qualifier": qualifier, "unit": unit,
                "role": rnd.choice(("level", "level", "level", "increase")),
                "period": rnd.choice(PERIODS), "subject": None,
                "concept": concept if rnd.random() > 0.05 else None,
                "speaker": rnd.choice((None, "A. Speaker")), "lang": "en",
                "number_format": "en", "ambiguous": False,
                "sentence": f"Sentence {j} of document {d} says {x:,}.",
            })
    return pl.DataFrame(rows, schema=CLAIM_SCHEMA)


@pytest.fixture(scope="module")
def claims() -> pl.DataFrame:
    return synthetic_frame()


@pytest.mark.bench
def test_bench_compare_10000_claims(benchmark, claims):
    result = benchmark(compare_claims, claims)
    assert claims.height == DOCUMENTS * CLAIMS_PER_DOCUMENT
    assert result.detail.height + sum(result.left_out.values()) == claims.height
    assert {"conflict", "consistent"} <= set(result.groups["verdict"])


def main() -> None:
    frame = synthetic_frame()
    compare_claims(frame)  # warm the unit and settings caches
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        result = compare_claims(frame)
        times.append(time.perf_counter() - t0)
    print(f"compare: {frame.height:,} claims from {DOCUMENTS:,} documents into "
          f"{result.groups.height:,} groups: median {statistics.median(times) * 1000:.0f} ms, "
          f"best {min(times) * 1000:.0f} ms (5 runs)")


if __name__ == "__main__":
    main()
