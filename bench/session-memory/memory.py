#!/usr/bin/env python3
"""Private memory per member session: N sessions of course-menu open at once on one catalog,
each gone on as a guest and searched once, as on an SSH server where every member's session is
its own process.

Each session runs on an 80x24 pty (pexpect) with the same catalog, records and cache (a
temporary directory): start screen, 2 (a guest), `/`, a query typed one letter at a time until
the screen shows its results. With every session still open, each one's
/proc/PID/smaps_rollup is read: Private_Dirty (what the session alone holds and must keep:
its heap, its stacks, the data the loader relocated), Pss and Rss. The catalog is compiled
by one untimed start before the sessions (the image a server keeps between sessions).

Prints the median and largest per session, and the budget of issue 16 (Private_Dirty <= 12 MB
per session with 10,000 courses).
"""

import argparse
import os
import re
import select
import shutil
import signal
import statistics
import tempfile
import time

import pexpect
import pyte

ENV = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
ENV.pop("NO_COLOR", None)
BUDGET_MB = 12.0


class Session:
    """One course-menu on a pty, with the screen it shows."""

    def __init__(self, binary, catalog, database, env):
        self.child = pexpect.spawn(binary, ["--catalog", catalog, "--db", database],
                                   dimensions=(24, 80), env=env, timeout=120)
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    def wait_for(self, text, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if any(text in line for line in self.screen.display):
                return
            ready, _, _ = select.select([self.child.child_fd], [], [], 0.05)
            if ready:
                try:
                    self.stream.feed(os.read(self.child.child_fd, 65536))
                except OSError:
                    break
        raise TimeoutError(f"the screen never showed {text!r}")

    def type(self, key, expect):
        os.write(self.child.child_fd, key.encode())
        self.wait_for(expect)

    def memory(self):
        """Private_Dirty, Pss and Rss in kB."""
        values = {}
        with open(f"/proc/{self.child.pid}/smaps_rollup") as rollup:
            for line in rollup:
                match = re.match(r"(\w+):\s+(\d+) kB", line)
                if match:
                    values[match.group(1)] = int(match.group(2))
        return values

    def close(self):
        self.child.kill(signal.SIGTERM)
        self.child.close(force=True)


def measure(binary, catalog, sessions, query, place):
    env = dict(ENV, XDG_CACHE_HOME=os.path.join(place, "cache"))
    database = os.path.join(place, "records.sqlite")
    warm = Session(binary, catalog, database, env)
    try:
        warm.wait_for("打开")
    finally:
        warm.close()
    opened = []
    try:
        for _ in range(sessions):
            session = Session(binary, catalog, database, env)
            opened.append(session)
            session.wait_for("打开")
            session.type("2", "请按数字键选择")  # go on as a guest
            session.type("/", "搜索：")
            for length in range(1, len(query) + 1):
                session.type(query[length - 1], "搜索：" + query[:length])
            session.wait_for("1")  # a numbered result
        time.sleep(0.5)
        return [session.memory() for session in opened]
    finally:
        for session in opened:
            session.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", action="append", required=True, metavar="NAME=PATH",
                        help="a program to measure, e.g. after=.build/release/course-menu")
    parser.add_argument("--catalog", required=True)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--query", default="wenshi")
    args = parser.parse_args()

    print(f"{args.sessions} sessions open at once on {args.catalog}, each a guest who searched "
          f"{args.query!r} once; load average {open('/proc/loadavg').read().split()[0]}")
    print(f"{'program':<10} {'Private_Dirty median/max':>25} {'Pss median':>11} "
          f"{'Rss median':>11}  budget <= {BUDGET_MB:.0f} MB")
    failed = False
    for entry in args.binary:
        name, binary = entry.split("=", 1)
        place = tempfile.mkdtemp(prefix="session-memory-")
        try:
            rows = measure(binary, args.catalog, args.sessions, args.query, place)
        finally:
            shutil.rmtree(place, ignore_errors=True)
        dirty = sorted(row["Private_Dirty"] / 1024 for row in rows)
        pss = statistics.median(row["Pss"] / 1024 for row in rows)
        rss = statistics.median(row["Rss"] / 1024 for row in rows)
        verdict = "ok" if statistics.median(dirty) <= BUDGET_MB and dirty[-1] <= BUDGET_MB \
            else "OVER"
        failed |= verdict != "ok"
        print(f"{name:<10} {statistics.median(dirty):>12.1f} / {dirty[-1]:>6.1f} MB "
              f"{pss:>8.1f} MB {rss:>8.1f} MB  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
