#!/usr/bin/env python3
"""Write latency of the records store: select and credit, with 1, 16 and 64 concurrent writer
processes, on SQLite and on PostgreSQL side by side in one run, each on a fresh database.

    bash scripts/build-release.sh    # the static release, records-stress beside it
    python3 bench/records/run.py --bin .build/release/course-menu

Every worker is a separate `records-stress bench` process (the test helper built beside
`course-menu`, from Tests/RecordsStress); all start together at a fixed instant, time each
operation (SQLite: one IMMEDIATE transaction committed with synchronous = FULL; PostgreSQL:
one SERIALIZABLE transaction on a throwaway PostgreSQL 15 cluster on 127.0.0.1, fsync on, as
Tests/pg/cluster.py starts it) and report its latency. `sqlite-polling` is SQLite with the writer
queue unavailable (its file is a directory), so its waiting writers poll as they did before
SQLiteWriterQueue: the peer of the queued `sqlite` rows in the same run. Prints a Markdown table with the load
average; the raw figures go to bench/out/records.json.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Tests", "pg"))
from cluster import Cluster  # noqa: E402


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def run(binary, catalog, directory, engine, operation, writers, count, cluster, env):
    if engine.startswith("sqlite"):
        db = os.path.join(directory, f"{engine}-{operation}-{writers}.sqlite")
        if engine == "sqlite-polling":
            # A directory where the writer queue's file would go: SQLiteWriterQueue cannot
            # open it, so these writers wait by polling, as before the queue (the peer).
            os.mkdir(db + "-writers")
    else:
        db = cluster.create_database(f"bench_{operation}_{writers}")
    # Create the schema first (unlocking a number nobody has writes nothing else), so the
    # timing is of steady-state writes.
    subprocess.run([binary, "members", "unlock", "1", "--db", db], capture_output=True, env=env)
    start_at = time.time() + 2.0 + 0.1 * writers
    processes = [
        subprocess.Popen(
            [os.path.join(os.path.dirname(binary), "records-stress"), "bench",
             "--operation", operation, "--count", str(count),
             "--worker", str(worker), "--start-at", str(start_at), "--db", db,
             "--catalog", catalog],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for worker in range(1, writers + 1)
    ]
    latencies = []
    for process in processes:
        out, err = process.communicate(timeout=1800)
        if process.returncode != 0:
            sys.exit(f"worker failed: {err.strip()}")
        latencies += [float(line) for line in out.split()]
    wall = time.time() - start_at
    return {
        "engine": engine, "operation": operation, "writers": writers, "operations": len(latencies),
        "p50_ms": percentile(latencies, 0.50) / 1000,
        "p99_ms": percentile(latencies, 0.99) / 1000,
        "max_ms": max(latencies) / 1000,
        "mean_ms": statistics.mean(latencies) / 1000,
        "throughput_per_s": len(latencies) / wall,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/release/course-menu"))
    parser.add_argument("--catalog", default=os.path.join(ROOT, "data"))
    parser.add_argument("--count", type=int, default=200, help="operations per writer")
    parser.add_argument("--writers", default="1,16,64")
    parser.add_argument("--engines", default="sqlite,sqlite-polling,postgresql",
                        help="sqlite (writers queued), sqlite-polling (no queue file), postgresql")
    parser.add_argument("--dir", default=None,
                        help="where the databases go (default: a temporary directory)")
    options = parser.parse_args()
    binary = os.path.abspath(options.bin)
    results = []
    engines = options.engines.split(",")
    load_before = os.getloadavg()
    cluster = Cluster(fsync=True) if "postgresql" in engines else None
    with tempfile.TemporaryDirectory(prefix="records-bench-", dir=options.dir) as directory:
        try:
            env = cluster.start().environment() if cluster else dict(os.environ)
            for operation in ("select", "credit"):
                for writers in [int(w) for w in options.writers.split(",")]:
                    for engine in engines:
                        results.append(run(binary, os.path.abspath(options.catalog), directory,
                                           engine, operation, writers, options.count, cluster,
                                           env))
                        sys.stderr.write(f"{results[-1]}\n")
        finally:
            if cluster:
                cluster.stop()
    load_after = os.getloadavg()
    print(f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, load average "
          f"{load_before[0]:.1f} before, {load_after[0]:.1f} after; {options.count} operations "
          "per writer")
    print()
    print("| operation | writers | engine | operations | p50 (ms) | p99 (ms) | max (ms) | writes/s |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['operation']} | {r['writers']} | {r['engine']} | {r['operations']} | "
              f"{r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['max_ms']:.1f} | "
              f"{r['throughput_per_s']:.0f} |")
    os.makedirs(os.path.join(ROOT, "bench", "out"), exist_ok=True)
    with open(os.path.join(ROOT, "bench", "out", "records.json"), "w") as file:
        json.dump({"binary": binary, "count": options.count, "load": [load_before, load_after],
                   "results": results}, file, indent=2)


if __name__ == "__main__":
    main()
