#!/usr/bin/env python3
"""Writes Sources/tui/start-order.txt: the program's functions that a start of the member UI
runs up to its first frame, which the release link places side by side (Package.swift,
`--symbol-ordering-file`), so that a start touches a few dozen pages of code instead of a
hundred scattered ones (bench/first-frame/README.md).

Run by hand after changes to the start path (needs valgrind and pexpect):

    python3 scripts/start-order.py

It builds the release program (scripts/build-release.sh), starts it once to compile the
shipped catalog into a temporary cache, then starts it again under callgrind on an 80x24
pseudo-terminal, stops it once the first screen is complete and keeps the names of the
functions of the program itself that ran, in the order callgrind lists them. A stale list
costs only speed: functions it does not name are placed as the linker places them anyway.
"""

import os
import shutil
import signal
import subprocess
import tempfile

import pexpect

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Sources", "tui", "start-order.txt")
MARKER = "打开".encode()  # the start screen's last hint, as bench/first-frame waits for it


def start(command, env):
    child = pexpect.spawn(command[0], command[1:], dimensions=(24, 80), env=env, timeout=300)
    child.expect(MARKER)
    child.kill(signal.SIGTERM)
    child.expect(pexpect.EOF)
    child.close()


def functions(profile, program):
    """The functions of `program` named in a callgrind profile, each once, in order."""
    names, seen = [], set()
    current, callee = None, None
    with open(profile, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            key, _, value = line.rstrip("\n").partition("=")
            if key == "ob":
                current = value
            elif key == "cob":
                callee = value
            elif key in ("fn", "cfn"):
                owner = (callee or current) if key == "cfn" else current
                callee = None
                if owner and owner.endswith(program) and not value.startswith("0x"):
                    name = value.split("'")[0]
                    if name not in seen:
                        seen.add(name)
                        names.append(name)
    return names


def main():
    binary = subprocess.run(
        ["bash", os.path.join(ROOT, "scripts", "build-release.sh")],
        check=True, capture_output=True, text=True).stdout.strip()
    place = tempfile.mkdtemp(prefix="start-order-")
    try:
        # valgrind cannot read the program's debug information; the symbols are enough.
        program = os.path.join(place, "course-menu")
        subprocess.run(["strip", "--strip-debug", "-o", program, binary], check=True)
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8",
                   XDG_CACHE_HOME=os.path.join(place, "cache"))
        arguments = ["--catalog", os.path.join(ROOT, "data"),
                     "--db", os.path.join(place, "records.sqlite")]
        start([program] + arguments, env)
        profile = os.path.join(place, "callgrind.out")
        start(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + profile,
               "--dump-instr=no", "--compress-strings=no", "--compress-pos=no",
               "--demangle=no", program] + arguments, env)
        names = functions(profile, "/course-menu")
    finally:
        shutil.rmtree(place, ignore_errors=True)
    with open(OUTPUT, "w", encoding="utf-8") as output:
        output.write("\n".join(names) + "\n")
    # SwiftPM does not know the link reads the list: without the program, the next build
    # links it again, in the new order.
    os.remove(binary)
    print(f"{OUTPUT}: {len(names)} functions")


if __name__ == "__main__":
    main()
