#!/usr/bin/env python3
"""Time from process start to the first complete frame, on a pseudo-terminal.

For each catalog, course-menu and `dialog --menu` holding the same number of items (the
catalog's course titles) are started alternately on an 80x24 pty (pexpect) and timed until
the last thing each draws on its first screen has arrived: course-menu's key line ends in
"打开" (the main menu's last hint), dialog's frame ends with its Cancel button. Both are
then stopped the same way. Medians, 90th percentiles and the ratio are printed, with the
budgets of DESIGN.md section 8.
"""

import argparse
import glob
import os
import signal
import statistics
import time
import tomllib

import pexpect

BUDGET_MS = {"shipped": 50.0, "10k": 250.0}
ENV = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
ENV.pop("NO_COLOR", None)


def course_titles(directory):
    titles = []
    for path in sorted(glob.glob(os.path.join(directory, "courses", "*.toml"))):
        with open(path, "rb") as file:
            titles += [course["title"] for course in tomllib.load(file).get("course", [])]
    return titles


def time_first_frame(command, args, marker, timeout=20):
    started = time.perf_counter()
    child = pexpect.spawn(command, args, dimensions=(24, 80), env=ENV, timeout=timeout)
    try:
        child.expect(marker)
        elapsed = (time.perf_counter() - started) * 1000
    finally:
        child.kill(signal.SIGTERM)
        child.close(force=True)
    return elapsed


def dialog_args(titles):
    args = ["--menu", "党员教育培训课程目录", "24", "80", "16"]
    for index, title in enumerate(titles, 1):
        args += [str(index), title]
    return args


def summary(samples):
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.9 * (len(ordered) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--shipped", required=True, help="the shipped catalog directory")
    parser.add_argument("--large", required=True, help="the generated 10,000-course catalog")
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()

    rows = []
    for name, directory in [("shipped", args.shipped), ("10k", args.large)]:
        titles = course_titles(directory)
        ours, theirs = [], []
        # One untimed start of each warms the page cache for both.
        time_first_frame(args.binary, ["--catalog", directory], "打开".encode())
        time_first_frame("dialog", dialog_args(titles), "Cancel")
        for _ in range(args.runs):
            ours.append(time_first_frame(args.binary, ["--catalog", directory], "打开".encode()))
            theirs.append(time_first_frame("dialog", dialog_args(titles), "Cancel"))
        rows.append((name, len(titles), summary(ours), summary(theirs)))

    print(f"first complete frame on an 80x24 pty, {args.runs} runs each, alternating")
    print(f"{'catalog':<8} {'items':>6}  {'course-menu median/p90':>23}  "
          f"{'dialog median/p90':>19}  {'ratio':>5}  budget")
    failed = False
    for name, items, (ours_median, ours_p90), (dialog_median, dialog_p90) in rows:
        budget = BUDGET_MS[name]
        verdict = "ok" if ours_median <= budget else "OVER"
        failed |= verdict != "ok"
        print(f"{name:<8} {items:>6}  {ours_median:>10.1f} / {ours_p90:>6.1f} ms  "
              f"{dialog_median:>8.1f} / {dialog_p90:>6.1f} ms  "
              f"{ours_median / dialog_median:>5.2f}  <= {budget:.0f} ms {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
