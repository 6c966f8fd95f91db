#!/usr/bin/env python3
"""Page faults and CPU time (task clock) from exec to the first complete frame, by `perf stat`.

Each program given, and `dialog --menu` with the shipped catalog's course titles, is started
alternately on an 80x24 pty under `perf stat -e page-faults,task-clock` and killed (SIGKILL)
as soon as its first screen is complete, as first_frame.py waits for it; the counts are then
those of the start alone. Medians are printed. Needs perf (linux-perf) and pexpect; run by
hand, e.g. to compare two builds:

    python3 bench/first-frame/perf_stat.py --binary before/course-menu --binary after/course-menu
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import tempfile

import pexpect

from first_frame import ENV, course_titles, dialog_args

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def counts(command, marker, env, place):
    """Page faults and task clock (ms) of one start of `command` up to `marker`."""
    output = os.path.join(place, "perf.csv")
    child = pexpect.spawn(
        "perf", ["stat", "-x", ",", "-e", "page-faults,task-clock", "-o", output, "--"] + command,
        dimensions=(24, 80), env=env, timeout=20)
    try:
        child.expect(marker)
        # perf's child is the program: kill it where it stands, at its first frame.
        for pid in subprocess.run(["pgrep", "-P", str(child.pid)], capture_output=True,
                                  text=True).stdout.split():
            os.kill(int(pid), signal.SIGKILL)
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    values = {}
    with open(output) as lines:
        for line in lines:
            fields = line.strip().split(",")
            if len(fields) > 2 and fields[0][:1].isdigit():
                values[fields[2]] = float(fields[0])
    return values["page-faults"], values["task-clock"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", action="append", required=True,
                        help="a course-menu program to measure (repeatable)")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    data = os.path.join(REPO, "data")
    dialog = ["dialog"] + dialog_args(course_titles(data))
    place = tempfile.mkdtemp(prefix="first-frame-perf-")
    try:
        # A cache and records per program: each keeps its own compiled catalog (an image
        # written by another build is never used, and would be replaced at every start).
        envs = [dict(ENV, XDG_CACHE_HOME=os.path.join(place, str(index), "cache"))
                for index in range(len(args.binary))]
        ours = [[binary, "--catalog", data,
                 "--db", os.path.join(place, str(index), "records.sqlite")]
                for index, binary in enumerate(args.binary)]
        for index in range(len(args.binary)):
            os.makedirs(os.path.join(place, str(index)))
        samples = {index: [] for index in range(len(ours) + 1)}
        # One untimed start of each: the catalog compiled, the page cache warm.
        for command, env in zip(ours, envs):
            counts(command, "打开".encode(), env, place)
        counts(dialog, "Cancel", ENV, place)
        for _ in range(args.runs):
            for index, (command, env) in enumerate(zip(ours, envs)):
                samples[index].append(counts(command, "打开".encode(), env, place))
            samples[len(ours)].append(counts(dialog, "Cancel", ENV, place))
    finally:
        shutil.rmtree(place, ignore_errors=True)
    print(f"exec to the first complete frame, perf stat, {args.runs} runs each, alternating; "
          "medians")
    for index, name in enumerate(args.binary + ["dialog --menu"]):
        faults = statistics.median(sample[0] for sample in samples[index])
        clock = statistics.median(sample[1] for sample in samples[index])
        print(f"{name:<50} {faults:6.0f} page faults  {clock:5.2f} ms task clock")


if __name__ == "__main__":
    main()
