#!/usr/bin/env python3
"""Throughput of Python's tomllib.loads over the same files the Swift bench reads.

For each catalog directory: catalog.toml, rules.toml and courses/*.toml (sorted), read and
decoded to str before timing; each sample parses all of them, repeated until at least
--min-bytes are covered; median and best wall time of --runs samples, and median process
CPU time, in MB/s (MB = 1,000,000 bytes).

    python3 tomllib_bench.py [--runs N] [--min-bytes B] [--tsv FILE] DIR [DIR ...]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
import tomllib


def catalog_files(directory: str) -> list[str]:
    paths = [os.path.join(directory, name) for name in ("catalog.toml", "rules.toml")]
    courses = os.path.join(directory, "courses")
    if os.path.isdir(courses):
        paths += [os.path.join(courses, name) for name in sorted(os.listdir(courses))
                  if name.endswith(".toml")]
    return [path for path in paths if os.path.isfile(path)]


def time_parse(texts: list[str], reps: int) -> tuple[float, float]:
    """Wall and process CPU seconds for `reps` passes over every file."""
    kept = []
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(reps):
        for text in texts:
            kept.append(tomllib.loads(text))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    del kept  # freed after the clock stops, as in the Swift bench
    return elapsed, cpu


def bench(directory: str, runs: int, min_bytes: int) -> dict:
    paths = catalog_files(directory)
    if not paths:
        sys.exit(f"tomllib_bench: no catalog files in {directory}")
    texts = []
    total = 0
    for path in paths:
        with open(path, "rb") as file:
            data = file.read()
        total += len(data)
        texts.append(data.decode("utf-8"))
    reps = max(1, -(-min_bytes // total))
    time_parse(texts, 1)  # warm-up, and proof that every file parses
    samples = [time_parse(texts, reps) for _ in range(runs)]
    walls = [wall for wall, _ in samples]
    rate = lambda seconds: total * reps / seconds / 1e6
    result = {
        "set": directory, "implementation": "tomllib", "bytes": total, "runs": runs,
        "reps": reps, "median": rate(statistics.median(walls)), "best": rate(min(walls)),
        "cpu": rate(statistics.median([cpu for _, cpu in samples])),
        "status": f"ok (CPython {platform.python_version()})",
    }
    print(f"\n== {directory}: {len(paths)} files, {total} bytes ({total / 1e6:.2f} MB); "
          f"{runs} runs of {reps} repetition{'s' if reps != 1 else ''}")
    print(f"  tomllib   median {result['median']:.1f} MB/s, best {result['best']:.1f} MB/s, "
          f"{result['cpu']:.1f} MB/CPU-s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directories", nargs="+", metavar="DIR")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--min-bytes", type=int, default=4_000_000)
    parser.add_argument("--tsv", help="write results here as tab-separated values")
    args = parser.parse_args()
    results = [bench(directory, args.runs, args.min_bytes) for directory in args.directories]
    if args.tsv:
        with open(args.tsv, "w", encoding="utf-8") as file:
            file.write("set\timplementation\tbytes\truns\treps\tmedian_mb_s\tbest_mb_s\tcpu_mb_s"
                       "\tstatus\n")
            for r in results:
                file.write(f"{r['set']}\t{r['implementation']}\t{r['bytes']}\t{r['runs']}\t"
                           f"{r['reps']}\t{r['median']:.2f}\t{r['best']:.2f}\t{r['cpu']:.2f}\t"
                           f"{r['status']}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
