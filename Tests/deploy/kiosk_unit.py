#!/usr/bin/env python3
"""Checks of the kiosk's deployment files (deploy/kiosk/) that can run on any machine.

1. `systemd-analyze verify` on the service unit, as instance `course-menu-kiosk@S01.service`,
   prints nothing and succeeds. kmscon is a station's package, not this machine's: in a copy
   of the unit its path is a stub (verify insists that the program exists); nothing else is
   changed.
2. The unit keeps what a kiosk needs: restart on any exit, never giving up, the Swift runtime's
   crash handler off, tty1 taken from getty.
3. The course-menu command line inside ExecStart (station from the instance name) is one the
   real binary accepts: run with the test's catalog and database, without a terminal, it
   prints the catalog summary and exits 0.
4. install.sh passes `bash -n`.

    python3 Tests/deploy/kiosk_unit.py --binary .build/debug/course-menu

Prints one line per check and, last, exactly `N passed, M failed`; exits 1 when anything failed.
"""

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "Tests", "e2e"))
from tui_e2e import Results  # noqa: E402

KIOSK = os.path.join(REPO, "deploy", "kiosk")
UNIT = "course-menu-kiosk@.service"


def service_settings(text):
    """{key: [values]} of the [Service] section."""
    settings, section = {}, None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            settings.setdefault(key, []).append(value)
    return settings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(REPO, ".build", "debug", "course-menu"))
    binary = os.path.abspath(parser.parse_args().binary)
    results = Results()
    with open(os.path.join(KIOSK, UNIT), encoding="utf-8") as file:
        unit = file.read()
    settings = service_settings(unit)
    exec_start = settings.get("ExecStart", [""])[0]

    with tempfile.TemporaryDirectory(prefix="kiosk-unit-") as work:
        stub = os.path.join(work, "kmscon")
        with open(stub, "w") as file:
            file.write("#!/bin/sh\nexit 0\n")
        os.chmod(stub, 0o755)
        with open(os.path.join(work, UNIT), "w", encoding="utf-8") as file:
            file.write(unit.replace("/usr/bin/kmscon ", stub + " "))
        verify = subprocess.run(
            ["systemd-analyze", "verify", os.path.join(work, "course-menu-kiosk@S01.service")],
            capture_output=True, text=True)
        results.check("systemd-analyze verify: no warning, no error",
                      verify.returncode == 0 and not verify.stdout.strip()
                      and not verify.stderr.strip(), verify.stdout + verify.stderr)

        results.check("the unit restarts the program on any exit, and never gives up",
                      settings.get("Restart") == ["always"]
                      and "StartLimitIntervalSec=0" in unit, str(settings.get("Restart")))
        results.check("the unit turns the Swift crash handler off (SWIFT_BACKTRACE=enable=no)",
                      "SWIFT_BACKTRACE=enable=no" in settings.get("Environment", [])
                      and "SWIFT_BACKTRACE=enable=no" in exec_start, exec_start)
        results.check("tty1 is the kiosk's: getty@tty1 conflicts",
                      re.search(r"^Conflicts=.*getty@tty1\.service", unit, re.M) is not None)

        words = shlex.split(exec_start.replace("%i", "S01"))
        program = words.index("/usr/local/bin/course-menu") if "/usr/local/bin/course-menu" in words else -1
        arguments = words[program + 1:] if program >= 0 else []
        results.check("ExecStart runs course-menu --kiosk for the instance's station",
                      arguments[:3] == ["--kiosk", "--station", "S01"], str(arguments))
        replaced = {"--db": os.path.join(work, "records.sqlite"),
                    "--catalog": os.path.join(REPO, "data")}
        for index, word in enumerate(arguments[:-1]):
            if word in replaced:
                arguments[index + 1] = replaced[word]
        run = subprocess.run([binary] + arguments, capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, timeout=60)
        results.check("the binary accepts that command line (no terminal: the catalog summary)",
                      run.returncode == 0 and "门课程" in run.stdout, run.stdout + run.stderr)

    syntax = subprocess.run(["bash", "-n", os.path.join(KIOSK, "install.sh")],
                            capture_output=True, text=True)
    results.check("install.sh: bash -n", syntax.returncode == 0, syntax.stderr)
    results.check("README.md in Chinese is there",
                  os.path.exists(os.path.join(KIOSK, "README.md")))
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    shutil.which("systemd-analyze") or print("systemd-analyze is missing (.ci/run installs it)")
    sys.exit(main())
