#!/usr/bin/env python3
"""CPU used by an idle `course-menu`: nobody presses a key for SECONDS on a screen, and the
process's user + system time (/proc/PID/stat, every thread) and the wake-ups of its main
thread (voluntary context switches) are read before and after.

    python3 bench/idle-cpu/run.py [--bin .build/debug/course-menu] [--seconds 60]

Scenarios, each in a private tmux server at 80x24 on the demo database:
- guest: the guest's main menu, which holds no deadline but midnight;
- member: a member logged in with the default --idle-timeout 900, whose next deadline (the
  countdown) is 885 s away;
- countdown: a member logged in with --idle-timeout 30, measured over the last 15 s, while
  the countdown redraws once a second (15 ticks), up to the logout;
- ssh member: `ssh session --member` (as a key login runs it, on a records file made with
  `members import`), which also listens for a nudge and checks its session row every 30 s;
- kiosk: `--kiosk --station S01` on its start screen with a sign-in open (made with the
  commands on a temporary database), reading the station's state every 3 s.

Prints a Markdown table; nothing is written.
"""

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Tests", "e2e"))
from tui_e2e import remove_tmux_socket  # noqa: E402
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def wakeups(pid, thread):
    try:
        for line in open(f"/proc/{pid}/task/{thread}/status"):
            if line.startswith("voluntary_ctxt_switches:"):
                return int(line.split()[1])
    except FileNotFoundError:
        pass  # the thread has ended
    return 0


def wakes(pid):
    """(wake-ups of the main thread, of all the others)."""
    threads = [int(t) for t in os.listdir(f"/proc/{pid}/task")]
    main = wakeups(pid, pid)
    return main, sum(wakeups(pid, t) for t in threads if t != pid)


class Pane:
    def __init__(self, command):
        self.socket = f"idle-cpu-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.pop("TMUX", None)
        self.tmux("new-session", "-d", "-s", "bench", "-x", "80", "-y", "24", command, env=env)
        self.pid = int(self.tmux("display-message", "-p", "-t", "bench", "#{pane_pid}").strip())

    def tmux(self, *args, env=None):
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args], check=True,
                              capture_output=True, text=True, env=env).stdout

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "bench")

    def wait_for(self, text, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.screen():
                return
            time.sleep(0.05)
        sys.exit(f"timed out waiting for {text!r}:\n{self.screen()}")

    def keys(self, *keys):
        for key in keys:
            self.tmux("send-keys", "-t", "bench", *(["-l", key] if key not in ("Enter",) else [key]))

    def kill(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        remove_tmux_socket(self.socket)


def start(binary, idle_timeout, member):
    pane = Pane(f"exec {shlex.quote(binary)} --catalog {shlex.quote(os.path.join(ROOT, 'data'))}"
                f" --demo --idle-timeout {idle_timeout}")
    pane.wait_for("党员登录")
    if member:
        pane.keys("1")
        pane.wait_for("请输入党员编号")
        pane.keys("1001", "Enter")
        pane.wait_for("请输入 PIN")
        pane.keys("1111", "Enter")
        pane.wait_for("党员：王建国")
    else:
        pane.keys("2")
        pane.wait_for("返回开始屏幕")
    return pane


def start_ssh_member(binary, directory):
    """The program as a member's key runs it over SSH, on a records file of its own."""
    database = os.path.join(directory, "records.sqlite")
    roster = os.path.join(directory, "roster.csv")
    with open(roster, "w") as file:
        file.write("id,name,branch,domain,role,joined\n1001,王建国,红旗村党支部,rural,member,2015-07-01\n")
    subprocess.run([binary, "members", "import", "--db", database, roster], check=True,
                   capture_output=True)
    pane = Pane(f"SSH_CONNECTION='192.0.2.1 50000 127.0.0.1 22' exec {shlex.quote(binary)} ssh "
                f"session --db {shlex.quote(database)} "
                f"--catalog {shlex.quote(os.path.join(ROOT, 'data'))} --member 1001")
    pane.wait_for("党员：王建国")
    return pane


def start_kiosk(binary, directory):
    """A kiosk at station S01 with a sign-in open, on a database in `directory`."""
    database = os.path.join(directory, "records.sqlite")
    catalog = os.path.join(ROOT, "data")
    for args in (["stations", "add", "S01", "--name", "测试站点"],
                 ["signin", "open", "ideals-red-films", "--station", "S01", "--catalog", catalog]):
        subprocess.run([binary, *args, "--db", database], check=True, capture_output=True)
    pane = Pane(f"exec {shlex.quote(binary)} --catalog {shlex.quote(catalog)} --kiosk"
                f" --station S01 --db {shlex.quote(database)}")
    pane.wait_for("已签到 0 人")
    return pane


def measure(pane, until):
    """(seconds, CPU seconds, main-thread wake-ups, other threads' wake-ups) until `until()`
    returns."""
    cpu, (main, others), started = cpu_seconds(pane.pid), wakes(pane.pid), time.monotonic()
    until()
    main_after, others_after = wakes(pane.pid)
    return (time.monotonic() - started, cpu_seconds(pane.pid) - cpu, main_after - main,
            others_after - others)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/course-menu"))
    parser.add_argument("--seconds", type=float, default=60.0)
    options = parser.parse_args()
    binary = os.path.abspath(options.bin)
    rows = []
    for name, idle_timeout, member in [("guest", 900, False), ("member", 900, True)]:
        pane = start(binary, idle_timeout, member)
        try:
            time.sleep(1.0)  # let the last frame and the login's work settle
            rows.append((name, *measure(pane, lambda: time.sleep(options.seconds))))
        finally:
            pane.kill()
    pane = start(binary, 30, True)
    try:
        pane.wait_for("秒后自动退出登录", timeout=40)
        rows.append(("countdown", *measure(pane, lambda: pane.wait_for("已自动退出登录", 40))))
    finally:
        pane.kill()
    directory = tempfile.mkdtemp(prefix="idle-cpu-ssh-")
    pane = start_ssh_member(binary, directory)
    try:
        time.sleep(1.0)
        rows.append(("ssh member", *measure(pane, lambda: time.sleep(options.seconds))))
    finally:
        pane.kill()
        shutil.rmtree(directory, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="idle-cpu-kiosk-") as directory:
        pane = start_kiosk(binary, directory)
        try:
            time.sleep(1.0)
            rows.append(("kiosk", *measure(pane, lambda: time.sleep(options.seconds))))
        finally:
            pane.kill()
    load = open("/proc/loadavg").read().split()[:3]
    print(f"binary {binary}, load average {' '.join(load)}, {os.cpu_count()} cores\n")
    print("| screen | seconds idle | CPU (user+system) | main-thread wake-ups "
          "| other threads' wake-ups |")
    print("|---|---|---|---|---|")
    for name, seconds, cpu, main, others in rows:
        print(f"| {name} | {seconds:.1f} | {cpu * 1000:.0f} ms | {main} | {others} |")


if __name__ == "__main__":
    main()
