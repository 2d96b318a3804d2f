"""Throughput of `extract` in MB/s per language, and peak memory as the input grows.

Run: ``nox -s bench`` or ``python tests/bench_throughput.py [--mb 3]``.  Two corpora per
language, each repeated with its figures varied until it reaches the size asked for:
``news`` (fixtures/bench/: wire and press articles at a realistic figure density, about
one figure per 350–600 characters) and ``dense`` (fixtures/articles/: test articles
packed with figures and traps, about one per 80 characters).  Reports MB/s (CPU time of
this process, best of two runs, so a busy machine distorts it less) and claims per MB;
asserts nothing about time.

Memory: extracting document by document (as the CLI does for csv/jsonl) keeps peak
memory flat; the second table compares peak traced memory for 1x and 10x the input.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
import tracemalloc
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
try:
    import claimcheck  # the installed build: compiled (pip install .) or pure (-e .)
except ImportError:  # run from a checkout without an install
    sys.path.insert(0, str(ROOT))
    import claimcheck

from claimcheck.model import Document  # noqa: E402
from claimcheck.pipeline import extract_document  # noqa: E402

DIGIT_RE = regex.compile(r"[1-9]")


CORPORA = {"news": "bench", "dense": "articles"}


def corpus(lang: str, megabytes: float, seed: int = 7, kind: str = "dense") -> list[str]:
    """Articles of ``lang`` repeated (digits varied) to about ``megabytes`` MB."""
    files = sorted((ROOT / "fixtures" / CORPORA[kind] / lang).glob("*.*"))
    texts = [f.read_text(encoding="utf-8") for f in files if f.suffix in (".txt", ".md")]
    rnd = random.Random(seed)
    out: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        t = rnd.choice(texts)
        t = DIGIT_RE.sub(lambda m: str(rnd.randint(1, 9)), t)
        out.append(t)
        size += len(t.encode("utf-8"))
    return out


def throughput(lang: str, megabytes: float, kind: str) -> tuple[float, int, float]:
    docs = corpus(lang, megabytes, kind=kind)
    nbytes = sum(len(t.encode("utf-8")) for t in docs)
    for t in docs[:5]:
        extract_document(Document("warmup", t))  # compile patterns, load rules and lemmas
    best = float("inf")
    n = 0
    for _ in range(2):
        gc.collect()
        t0 = time.process_time()
        n = 0
        for i, t in enumerate(docs):
            n += len(extract_document(Document(f"doc{i}", t)))
        best = min(best, time.process_time() - t0)
    return nbytes / best / 1e6, n, best


def peak_memory(lang: str, megabytes: float) -> float:
    docs = corpus(lang, megabytes, kind="news")
    gc.collect()
    tracemalloc.start()
    count = 0
    for i, t in enumerate(docs):
        count += len(extract_document(Document(f"doc{i}", t)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del docs
    return peak / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=3.0, help="MB of text per language")
    ap.add_argument("--langs", default="de,en,fr")
    ap.add_argument("--corpus", default="news,dense", help="news, dense or both")
    args = ap.parse_args()
    build = "compiled (mypyc)" if claimcheck.compiled() else "pure Python"
    print(f"extract throughput, one process on one core ({args.mb:g} MB per language and corpus; "
          f"{build} build)")
    print(f"{'corpus':<8}{'lang':<6}{'MB/s':>8}{'claims/MB':>11}{'us/claim':>10}{'seconds':>10}")
    for kind in args.corpus.split(","):
        for lang in args.langs.split(","):
            mbps, n, dt = throughput(lang, args.mb, kind)
            print(f"{kind:<8}{lang:<6}{mbps:>8.2f}{n / args.mb:>11.0f}{dt / n * 1e6:>10.0f}{dt:>10.2f}")
    small = max(0.5, args.mb / 6)
    print("\npeak traced memory while extracting (input held as documents)")
    for lang in args.langs.split(",")[:1]:
        a = peak_memory(lang, small)
        b = peak_memory(lang, small * 10)
        print(f"{lang}: {small:g} MB -> {a:.1f} MB peak; {small * 10:g} MB -> {b:.1f} MB peak")


if __name__ == "__main__":
    main()
