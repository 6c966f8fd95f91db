#!/usr/bin/env python3
"""Time from process start to the first complete frame, on a pseudo-terminal.

For each catalog, course-menu and `dialog --menu` holding the same number of items (the
catalog's course titles) are started alternately on an 80x24 pty (pexpect) and timed until
the last thing each draws on its first screen has arrived: course-menu's key line ends in
"打开" (the start screen's last hint), dialog's frame ends with its Cancel button. Both are
then stopped the same way. Medians, 90th percentiles and the ratio are printed, with the
budget of DESIGN.md section 8 and issue 16: course-menu's median no slower than dialog's.

course-menu runs with a cache and records of its own (a temporary directory), so its first,
untimed start compiles each catalog (the image a server keeps between sessions) and the timed
starts read it, as every start after the first does; `--no-image` points the cache at an
unwritable place instead, so every start parses the TOML files.
"""

import argparse
import glob
import os
import shutil
import signal
import statistics
import tempfile
import time
import tomllib

import pexpect

ENV = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
ENV.pop("NO_COLOR", None)


def course_titles(directory):
    titles = []
    for path in sorted(glob.glob(os.path.join(directory, "courses", "*.toml"))):
        with open(path, "rb") as file:
            titles += [course["title"] for course in tomllib.load(file).get("course", [])]
    return titles


def time_first_frame(command, args, marker, env=ENV, timeout=20):
    started = time.perf_counter()
    child = pexpect.spawn(command, args, dimensions=(24, 80), env=env, timeout=timeout)
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
    parser.add_argument("--catalog", action="append", required=True, metavar="NAME=DIR",
                        help="a catalog to measure, e.g. shipped=data (repeatable)")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-image", action="store_true",
                        help="keep course-menu from compiling the catalogs (parse TOML every start)")
    args = parser.parse_args()

    place = tempfile.mkdtemp(prefix="first-frame-")
    try:
        return measure(args, place)
    finally:
        shutil.rmtree(place, ignore_errors=True)


def measure(args, place):
    env = dict(ENV, XDG_CACHE_HOME=os.path.join(place, "cache"))
    if args.no_image:
        # A file where the cache directory would be, and records in a directory that cannot
        # hold one: no image can be written anywhere.
        open(os.path.join(place, "cache"), "w").close()
        env["XDG_CACHE_HOME"] = os.path.join(place, "cache", "x")
    records = os.path.join(place, "records", "records.sqlite")
    os.makedirs(os.path.dirname(records))
    if args.no_image:
        open(os.path.join(place, "records", "catalog-image"), "w").close()

    rows = []
    for entry in args.catalog:
        name, directory = entry.split("=", 1)
        titles = course_titles(directory)
        ours_args = ["--catalog", directory, "--db", records]
        ours, theirs = [], []
        # One untimed start of each warms the page cache for both (and compiles the catalog).
        time_first_frame(args.binary, ours_args, "打开".encode(), env)
        time_first_frame("dialog", dialog_args(titles), "Cancel")
        for _ in range(args.runs):
            ours.append(time_first_frame(args.binary, ours_args, "打开".encode(), env))
            theirs.append(time_first_frame("dialog", dialog_args(titles), "Cancel"))
        rows.append((name, len(titles), summary(ours), summary(theirs)))

    images = sorted(glob.glob(os.path.join(place, "cache", "course-menu", "*.image"))
                    + glob.glob(os.path.join(place, "records", "catalog-image", "*.image")))
    print(f"first complete frame on an 80x24 pty, {args.runs} runs each, alternating; "
          f"{len(images)} compiled catalog image(s) in use")
    print(f"{'catalog':<8} {'items':>6}  {'course-menu median/p90':>23}  "
          f"{'dialog median/p90':>19}  {'ratio':>5}  budget: median <= dialog's")
    failed = False
    for name, items, (ours_median, ours_p90), (dialog_median, dialog_p90) in rows:
        verdict = "ok" if ours_median <= dialog_median else "OVER"
        failed |= verdict != "ok"
        print(f"{name:<8} {items:>6}  {ours_median:>10.1f} / {ours_p90:>6.1f} ms  "
              f"{dialog_median:>8.1f} / {dialog_p90:>6.1f} ms  "
              f"{ours_median / dialog_median:>5.2f}  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
