"""Parallel extract: MB/s with --jobs 1 and --jobs N, the speedup, and peak memory.

Run: ``python tests/bench_parallel.py [--mb 20] [--jobs 1,2] [--memory 100,400]``.

- Throughput: a generated corpus of news-density articles (fixtures/bench/, figures
  varied by ``bench_throughput.corpus``) written as one file per article into a temp
  folder, then ``claimcheck extract DIR --format csv -o FILE --jobs N`` run as a
  subprocess; wall time, MB/s and the speedup over ``--jobs 1``.  Each run's output is
  compared with the ``--jobs 1`` output byte for byte.  The runs share a start-up cache
  of their own (:mod:`claimcheck.warmcache`, in the temp folder): the first row is
  ``--jobs 1`` with that cache empty, as on a machine's first run; the rows after it
  find it filled, as every later run does.
- The machine's own ceiling (``--ceiling MB``): two corpora of MB/2 each, extracted by two
  independent ``--jobs 1`` runs one after the other, then by the same two runs side by
  side, then by one ``--jobs 2`` run over both.  Side by side over one after the other is
  what two cores give two processes that share nothing (memory bandwidth and caches are
  shared on a real machine); ``--jobs 2`` is measured against the same sequential time.
- Memory (``--memory``): peak resident memory of the whole process tree (parent plus
  workers, summed; sampled every 0.1 s from /proc) while extracting corpora of the given
  sizes in MB with the default --jobs, writing csv and parquet.

Also used by the tests: :func:`make_corpus` writes a corpus folder (optionally with
broken files among the articles).  Asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_throughput import corpus  # noqa: E402

LANGS = ("de", "en", "fr")
BROKEN = {
    "broken/binary.txt": b"\x00\x01\x02\x03PK\x03\x04" * 64,
    "broken/empty.txt": b"",
    "broken/nested.html": b"<div>" * 20000 + b"Rund 3.000 Menschen." + b"</div>" * 20000,
    "broken/bad-quoting.csv": b'source,text\na,"Rund 3.000 Menschen\nb,"x""y\n',
    "broken/no-text-column.csv": b"source,body\na,Rund 3.000 Menschen.\n",
    "broken/latin1.txt": "Rund 3.000 Menschen, sagte der Bürgermeister.".encode("latin-1"),
}
"""Broken files mixed into a corpus: each gives one error line (latin1: a warning)."""


def make_corpus(folder: Path, megabytes: float, *, seed: int = 7, broken: bool = False,
                per_folder: int = 500) -> list[Path]:
    """News articles of every language, one file each, about ``megabytes`` MB in all."""
    files: list[Path] = []
    share = megabytes / len(LANGS)
    for lang in LANGS:
        for i, text in enumerate(corpus(lang, share, seed=seed, kind="news")):
            path = folder / lang / f"{i // per_folder:04d}" / f"{i:06d}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            files.append(path)
    if broken:
        for name, data in BROKEN.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            files.append(path)
    return files


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and every descendant (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        p = int(entry)
        children.setdefault(int(fields[1]), []).append(p)
        rss[p] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, ()))
    return total


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str], sample: bool = False,
        env: dict[str, str] | None = None) -> tuple[float, int, int, float]:
    """Run ``claimcheck ARGS`` → (wall seconds, peak tree RSS bytes, exit code, CPU seconds
    of the run and its workers)."""
    cpu0 = cpu_of_children()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "claimcheck", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})})
    peak = 0
    stop = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.1)

    watcher = threading.Thread(target=watch, daemon=True)
    if sample:
        watcher.start()
    _, err = proc.communicate()
    stop.set()
    if sample:
        watcher.join()
    if proc.returncode not in (0, 2):
        sys.stderr.write(err.decode(errors="replace"))
    return time.perf_counter() - t0, peak, proc.returncode, cpu_of_children() - cpu0


def ceiling(tmp: Path, megabytes: float, cache: dict[str, str]) -> None:
    """Two independent --jobs 1 runs one after the other, side by side, and --jobs 2."""
    halves = [tmp / f"half-{k}" for k in (1, 2)]
    for k, folder in enumerate(halves):
        make_corpus(folder, megabytes / 2, seed=11 + k)
    outs = [tmp / f"half-{k}.csv" for k in (1, 2)]
    commands = [[sys.executable, "-m", "claimcheck", "extract", str(folder), "--format", "csv",
                 "-o", str(out), "--jobs", "1"] for folder, out in zip(halves, outs, strict=True)]
    env = {**os.environ, **cache}
    for round_ in (1, 2, 3):  # a shared host drifts: three rounds, each self-contained
        t0 = time.perf_counter()
        for cmd in commands:
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=False)
        sequential = time.perf_counter() - t0
        t0 = time.perf_counter()
        procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL) for cmd in commands]
        for proc in procs:
            proc.wait()
        side_by_side = time.perf_counter() - t0
        dt, _, _, _ = run(["extract", *map(str, halves), "--format", "csv", "-o",
                           str(tmp / "both.csv"), "--jobs", "2"], env=cache)
        print(f"ceiling {round_}: two {megabytes / 2:g} MB corpora; two --jobs 1 runs one after "
              f"the other {sequential:.1f} s, side by side {side_by_side:.1f} s "
              f"({sequential / side_by_side:.2f}x: what two cores give here); one --jobs 2 "
              f"run over both {dt:.1f} s ({sequential / dt:.2f}x)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size for the throughput runs")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--memory", default="", help="corpus sizes in MB for peak memory, e.g. 100,400")
    ap.add_argument("--tmp", default=None, help="folder for the generated corpora")
    ap.add_argument("--ceiling", type=float, default=0.0,
                    help="MB for the two-independent-runs comparison (0: skip)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        folder = Path(tmp) / "corpus"
        files = make_corpus(folder, args.mb)
        nbytes = sum(f.stat().st_size for f in files)
        print(f"parallel extract: {len(files)} files, {nbytes / 1e6:.1f} MB of news text "
              f"(de/en/fr), {os.cpu_count()} cores")
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        print(f"{'jobs':>6}{'seconds':>9}{'MB/s':>8}{'speedup':>9}{'CPU s':>8}"
              f"{'MB/CPU-s':>10}  same output as --jobs 1")
        cache = {"CLAIMCHECK_CACHE": str(Path(tmp) / "cache")}
        base = None
        reference = None
        runs = [("1 cold", 1)] + [(j, int(j)) for j in args.jobs.split(",")]
        for label, jobs in runs:
            out = Path(tmp) / f"claims-{jobs}.csv"
            dt, _, _, cpu = run(["extract", str(folder), "--format", "csv", "-o", str(out),
                                 "--jobs", str(jobs)], env=cache)
            if label != "1 cold":
                base = base or dt
            data = out.read_bytes()
            reference = reference or data
            speedup = f"{base / dt:>9.2f}" if base else f"{'':>9}"
            print(f"{label:>6}{dt:>9.1f}{nbytes / dt / 1e6:>8.2f}{speedup}"
                  f"{cpu:>8.1f}{nbytes / cpu / 1e6:>10.2f}  {data == reference}")
        if args.ceiling:
            ceiling(Path(tmp), args.ceiling, cache)
        for mb in (float(m) for m in args.memory.split(",") if m):
            big = Path(tmp) / f"corpus-{mb:g}"
            files = make_corpus(big, mb)
            size = sum(f.stat().st_size for f in files)
            for fmt in ("csv", "parquet"):
                out = Path(tmp) / f"big.{fmt}"
                dt, peak, _, cpu = run(["extract", str(big), "--format", fmt, "-o", str(out)],
                                       sample=True, env=cache)
                print(f"memory: {size / 1e6:.0f} MB corpus ({len(files)} files) → {fmt}: "
                      f"peak RSS of all processes {peak / 1e6:.0f} MB, {dt:.0f} s "
                      f"({cpu:.0f} CPU s), "
                      f"output {out.stat().st_size / 1e6:.1f} MB")
                out.unlink()


if __name__ == "__main__":
    main()
