#!/usr/bin/env python3
"""Merge the Swift and Python results (TSV) into one table, file sets side by side.

    python3 report.py swift.tsv python.tsv
"""

from __future__ import annotations

import csv
import os
import sys

LABELS = [
    ("ours-full", "ours: CatalogLoader.load() (read+parse+validate)"),
    ("ours-parse", "ours: TOMLDocument(bytes:) parse only"),
    ("tomlkit", "TOMLKit 0.6 / toml++ 3.4 parse only"),
    ("tomllib", "Python tomllib.loads"),
    ("read-only", "(reading the files: the I/O in ours-full)"),
]


def main() -> int:
    rows = []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as file:
            rows.extend(csv.DictReader(file, delimiter="\t"))
    sets: list[str] = []
    table: dict[tuple[str, str], dict] = {}
    for row in rows:
        row["set"] = os.path.realpath(row["set"])
        if row["set"] not in sets:
            sets.append(row["set"])
        table[(row["set"], row["implementation"])] = row
    names = [os.path.basename(os.path.normpath(s)) for s in sets]

    def number(row, key):
        return float(row[key]) if row and row.get(key) else None

    width = max(len(label) for _, label in LABELS)
    cell_width = 36
    head1 = " " * width + "".join(f" | {name:^{cell_width}}" for name in names)
    columns = f"{'MB/s median':>11}{'best':>7}{'CPU':>6}  {'vs TOMLKit':>10}"
    head2 = f"{'implementation':<{width}}" + f" | {columns}" * len(sets)
    print(head1)
    print(head2)
    print("-" * len(head2))
    for key, label in LABELS:
        line = f"{label:<{width}}"
        for s in sets:
            row = table.get((s, key))
            median, best = number(row, "median_mb_s"), number(row, "best_mb_s")
            cpu = number(row, "cpu_mb_s")
            kit = number(table.get((s, "tomlkit")), "median_mb_s")
            ratio = f"{median / kit:.2f}x" if median and kit and key != "read-only" else ""
            cell = (f"{median:11.1f}{best:7.1f}{cpu:6.0f}  {ratio:>10}" if median is not None
                    else f"{'n/a':>11}")
            line += f" | {cell:<{cell_width}}"
        print(line)
    print()
    for s, name in zip(sets, names):
        kit = table.get((s, "tomlkit"))
        size = int(kit["bytes"]) if kit else 0
        notes = [f"{r['implementation']}: {r['status']}" for (t, _), r in table.items()
                 if t == s and r["status"] and r["implementation"] != "read-only"]
        print(f"{name}: {size / 1e6:.2f} MB of TOML; " + "; ".join(notes))
    print("MB = 1,000,000 bytes. MB/s from the median and the best wall time of the runs; CPU: MB per")
    print("second of process CPU time (median), which the loader spends on 2 threads; ratio = median")
    print("wall MB/s / TOMLKit's.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
