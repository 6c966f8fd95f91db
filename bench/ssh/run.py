#!/usr/bin/env python3
"""N concurrent sessions through a real sshd: course-menu against `dialog --menu`.

The deployment is the one Tests/ssh checks (deploy/ssh/install.sh into a temporary directory
under /opt, its own sshd on 127.0.0.1 and a free port, temporary accounts), plus an account
whose ForceCommand is `dialog --menu` with the same items as the member's main menu. For each
N (default 10, 50, 100) and each program, N ssh clients on 80x24 ptys, driven from this one
process:

- first frame: bytes the client receives from connecting until the menu is complete (ours:
  the key line's last hint 打开; dialog: its Cancel button), then 300 ms without a byte;
- idle: CPU (user + system) of each server-side program over --idle-seconds (default 60)
  with nobody typing, from /proc/PID/stat; the sshd processes of a session apart;
- memory: PSS of each server-side program (/proc/PID/smaps_rollup), the sshd processes of a
  session apart;
- keys: every session presses Down, then Up, then Down … once a second, the sessions spread
  evenly over the second, for --key-seconds (default 20); a key's latency is from writing it
  to the last byte of the screen's answer (the bytes before the session's next key), and its
  bytes are those bytes.

    python3 bench/ssh/run.py [--binary .build/release/course-menu] [--sessions 10,50,100]

Needs root (accounts, sshd) and `dialog` (installed with apt-get when missing). Cleans up as
Tests/ssh does: sshd stopped, accounts removed, no process left.
"""

import argparse
import fcntl
import os
import pty
import pwd
import selectors
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "Tests", "ssh"))
from run import Client, Deployment, Results, read  # noqa: E402

ITEMS = ["课程目录", "搜索课程", "我的选课（0 门）", "我的学时", "为我推荐", "使用帮助"]
# Application cursor keys: what a terminal sends once curses has turned keypad mode on (smkx).
DOWN, UP = b"\x1bOB", b"\x1bOA"
QUIET = 0.3
TICK = os.sysconf("SC_CLK_TCK")


class Session:
    """One ssh client on a pty of its own, its output kept with arrival times."""

    def __init__(self, argv, marker):
        self.marker = marker
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execvpe(argv[0], argv, dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8"))
        os.set_blocking(self.fd, False)
        self.started = time.monotonic()
        self.chunks = []  # (time, byte count)
        self.text = b""
        self.framed_at = None

    def take(self, now):
        try:
            data = os.read(self.fd, 65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            return
        self.chunks.append((now, len(data)))
        if self.framed_at is None:
            self.text += data
            if self.marker in self.text:
                self.framed_at = now

    def framed(self, now):
        """The first frame is complete: the marker came, and QUIET seconds without a byte."""
        return self.framed_at is not None and now - self.chunks[-1][0] >= QUIET

    def bytes_until(self, moment):
        return sum(count for at, count in self.chunks if at <= moment)

    def close(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


class Pump:
    """Reads every session's pty as bytes arrive."""

    def __init__(self):
        self.selector = selectors.DefaultSelector()
        self.sessions = []

    def add(self, session):
        self.sessions.append(session)
        self.selector.register(session.fd, selectors.EVENT_READ, session)

    def remove_all(self):
        for session in self.sessions:
            self.selector.unregister(session.fd)
            session.close()
        self.sessions = []

    def run(self, seconds, until=None):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for key, _ in self.selector.select(timeout=0.01):
                key.data.take(time.monotonic())
            if until and until():
                return True
        return False


def cpu_ms(pid):
    fields = read(f"/proc/{pid}/stat").rsplit(")", 1)[-1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / TICK if len(fields) > 12 else 0.0


def pss_kb(pid):
    for line in read(f"/proc/{pid}/smaps_rollup").splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def server_processes(deployment, account, program_name):
    """(program pids, sshd pids) serving `account`'s sessions."""
    uid = pwd.getpwnam(account).pw_uid
    programs, sshds = [], []
    for pid, command in deployment.processes():
        if command.startswith(f"sshd: {account}"):
            sshds.append(pid)
        elif os.stat(f"/proc/{pid}").st_uid == uid and os.path.basename(
                read(f"/proc/{pid}/cmdline").split("\0")[0]) == program_name:
            programs.append(pid)
    return programs, sshds


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def measure(deployment, client, label, argv_for, marker, account, program_name, count, args):
    pump = Pump()
    try:
        # Connect in batches of ten: each batch's first frames complete before the next.
        for start in range(0, count, 10):
            batch = [Session(argv_for(index), marker) for index in range(start,
                                                                          min(count, start + 10))]
            for session in batch:
                pump.add(session)
            pump.run(120, until=lambda: all(s.framed(time.monotonic()) for s in batch))
        framed = [s for s in pump.sessions if s.framed_at is not None]
        first_frame = [s.bytes_until(s.framed_at + QUIET) for s in framed]
        programs, sshds = server_processes(deployment, account, program_name)

        # Idle: nobody types.
        before = {pid: cpu_ms(pid) for pid in programs + sshds}
        pump.run(args.idle_seconds)
        idle = {pid: cpu_ms(pid) - before[pid] for pid in before if os.path.exists(f"/proc/{pid}")}
        memory = {pid: pss_kb(pid) for pid in programs + sshds}

        # Keys: Down, Up, … once a second per session, spread over the second.
        for session in pump.sessions:
            session.chunks = []
        sends = {id(s): [] for s in pump.sessions}
        began = time.monotonic() + 0.5
        plan = []
        for index, session in enumerate(pump.sessions):
            offset = index / max(1, len(pump.sessions))
            for second in range(args.key_seconds):
                plan.append((began + second + offset, session, DOWN if second % 2 == 0 else UP))
        plan.sort(key=lambda item: item[0])
        for at, session, key in plan:
            while time.monotonic() < at:
                pump.run(min(0.005, max(0.0, at - time.monotonic())))
            os.write(session.fd, key)
            sends[id(session)].append(time.monotonic())
        pump.run(2.0)
        latencies, moves = [], []
        for session in pump.sessions:
            times = sends[id(session)]
            for index, sent in enumerate(times):
                end = times[index + 1] if index + 1 < len(times) else float("inf")
                answer = [(at, n) for at, n in session.chunks if sent <= at < end]
                if answer:
                    latencies.append((answer[-1][0] - sent) * 1000)
                    moves.append(sum(n for _, n in answer))
        return {
            "label": label, "count": count, "connected": len(framed),
            "first_frame": statistics.median(first_frame) if first_frame else float("nan"),
            "cpu": [idle[p] for p in programs if p in idle],
            "sshd_cpu": sum(idle[p] for p in sshds if p in idle) / max(1, len(programs)),
            "pss": [memory[p] for p in programs],
            "sshd_pss": sum(memory[p] for p in sshds) / max(1, len(programs)),
            "latencies": latencies, "moves": moves, "keys": sum(len(t) for t in sends.values()),
        }
    finally:
        pump.remove_all()
        # Wait for the server side to be gone before the next run.
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(
                server_processes(deployment, account, program_name)):
            time.sleep(0.2)


def report(row):
    latencies, cpu, pss = row["latencies"], row["cpu"], row["pss"]
    return (f"| {row['count']:>3} | {row['label']:<11} | {row['connected']:>3} "
            f"| {percentile(latencies, 0.5):6.1f} | {percentile(latencies, 0.99):6.1f} "
            f"| {len(latencies)}/{row['keys']} "
            f"| {statistics.mean(cpu) if cpu else float('nan'):5.1f} | {row['sshd_cpu']:5.1f} "
            f"| {statistics.mean(pss) / 1024 if pss else float('nan'):5.2f} "
            f"| {row['sshd_pss'] / 1024:5.2f} "
            f"| {statistics.median(row['moves']) if row['moves'] else float('nan'):5.0f} "
            f"| {row['first_frame']:6.0f} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "course-menu"))
    parser.add_argument("--sessions", default="10,50,100")
    parser.add_argument("--idle-seconds", type=int, default=60)
    parser.add_argument("--key-seconds", type=int, default=20)
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("needs root (accounts and sshd)")
    if not os.access("/usr/bin/dialog", os.X_OK):
        subprocess.run(["apt-get", "install", "-y", "-qq", "dialog"], check=True)
    counts = [int(n) for n in args.sessions.split(",")]
    results = Results()
    # No session idles out during the run; no last-login line in the first frame.
    deployment = Deployment(os.path.abspath(args.binary), idle_timeout=7200,
                            extra_config="PrintLastLog no\nMaxStartups 100:30:300\n")
    dialog_account = deployment.group + "-dialog"
    rows = []
    try:
        deployment.install()
        deployment.accounts.append(dialog_account)
        home = os.path.join(deployment.root, "state", "home")
        subprocess.run(["useradd", "--system", "--gid", deployment.group, "--home-dir", home,
                        "--no-create-home", "--shell", "/bin/sh", dialog_account], check=True)
        subprocess.run(["usermod", "-p", "*", dialog_account], check=True)
        client = Client(deployment)
        keys = os.path.join(deployment.etc, "dialog_keys")
        with open(keys, "w") as file:
            file.write(read(client.key("dialog") + ".pub"))
        menu = os.path.join(deployment.etc, "dialog-menu")
        with open(menu, "w") as file:
            file.write("#!/bin/sh\nexec /usr/bin/dialog --menu '请按数字键选择：' 24 80 16 "
                       + " ".join(f"{i} '{t}'" for i, t in enumerate(ITEMS, 1)) + "\n")
        os.chmod(menu, 0o755)
        with open(os.path.join(deployment.etc, "sshd_config.d", "zz-bench-dialog.conf"),
                  "w") as file:
            file.write(f"""Match User {dialog_account}
    ForceCommand {menu}
    AuthorizedKeysFile {keys}
    AuthenticationMethods publickey
    DisableForwarding yes
    PermitTTY yes
    AcceptEnv LANG LC_*
    SetEnv LANG=C.UTF-8
    ClientAliveInterval 30
    ClientAliveCountMax 4
    MaxSessions 1
""")
        roster = os.path.join(deployment.root, "roster.csv")
        with open(roster, "w") as file:
            file.write("id,name,branch,domain,role,joined\n")
            for index in range(max(counts)):
                file.write(f"{3001 + index},学员{index:03d},幸福社区党支部,community,member,2016-07-01\n")
        deployment.course_menu("members", "import", roster)
        for index in range(max(counts)):
            deployment.course_menu("members", "add-key", str(3001 + index),
                                   client.key(f"b{index}") + ".pub")
        deployment.start_sshd()

        def ours(index):
            return client.ssh_argv(deployment.keyed, client.key(f"b{index}"))

        def dialog(index):
            return client.ssh_argv(dialog_account, client.key("dialog"))

        load = os.getloadavg()
        for count in counts:
            rows.append(measure(deployment, client, "course-menu", ours, "打开".encode(),
                                deployment.keyed, "course-menu", count, args))
            print(report(rows[-1]), flush=True)
            rows.append(measure(deployment, client, "dialog", dialog, b"Cancel", dialog_account,
                                "dialog", count, args))
            print(report(rows[-1]), flush=True)
    finally:
        deployment.tear_down(results)
    print()
    print(f"{time.strftime('%Y-%m-%d')}, {args.binary}, load average before "
          f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}, after "
          + " / ".join(f"{v:.2f}" for v in os.getloadavg()))
    print("|   N | program     | in  | p50 ms | p99 ms | answered/keys | idle CPU ms/60 s "
          "| sshd idle CPU | PSS MB | sshd PSS MB | bytes/move | bytes first frame |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(report(row))
    return 0 if results.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
