#!/usr/bin/env python3
"""End-to-end tests of the kiosk (`--kiosk --station S01`): the real binary in tmux at 80x24.

1. Keys: 0, q, Esc, Ctrl-C, Ctrl-Z, Ctrl-\\ and Ctrl-S on the start screen leave the program
   running and on the same screen; an administrator (number and PIN) quits it, and the
   terminal is as it was.
2. `--idle-timeout 3`: a member left alone is logged out and the kiosk is back on its start
   screen, saying why.
3. A kill (SIGTERM) or a crash (SIGSEGV) of the kiosk leaves the terminal usable, for the
   service unit to start the program again.
4. A sign-in opened from a shell (`signin open`) appears on the kiosk with no key pressed;
   three members sign in at the kiosk (one twice, one with a wrong PIN first); it is closed
   from a shell (`signin close`): the list, the database and `report` show exactly those
   three credited, once each.

    python3 Tests/e2e/kiosk_e2e.py [--binary PATH]

The binary defaults to $COURSE_MENU_BIN, then .build/debug/course-menu. Prints one line per
check and, last, exactly `N passed, M failed`; exits 1 when anything failed.
"""

import csv
import datetime
import io
import os
import shlex
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from records_e2e import DATA, SLOW, log_in  # noqa: E402
from tui_e2e import Tmux, alive, child_pid, expect, run_tests, terminal_restored  # noqa: E402

STATION = "S01"
ADMIN, ADMIN_PIN = "9001", "246810"
MEMBERS = [("4001", "测试党员甲", "1111"), ("4002", "测试党员乙", "2222"),
           ("4003", "测试党员丙", "3333"), ("4004", "测试党员丁", "4444")]
COURSE = "ideals-red-films"  # a remote broadcast without sessions: a 集中收看 any day
CONTROL_KEYS = {"Ctrl-C": "C-c", "Ctrl-Z": "C-z", "Ctrl-\\": "C-\\", "Ctrl-S": "C-s"}


class Station:
    """A database with station S01, its administrator and four members, in a temporary
    directory removed on the way out."""

    def __init__(self, binary):
        self.binary = binary
        self.directory = tempfile.mkdtemp(prefix="course-menu-e2e-kiosk-")
        self.database = os.path.join(self.directory, "records.sqlite")

    def __enter__(self):
        roster = os.path.join(self.directory, "roster.csv")
        with open(roster, "w", encoding="utf-8") as file:
            file.write("id,name,branch,domain,role,joined,pin\n")
            for number, name, pin in MEMBERS:
                file.write(f"{number},{name},测试村党支部,rural,member,2015-07-01,{pin}\n")
        self.command("members", "import", roster)
        self.command("stations", "add", STATION, "--name", "测试村远教站点")
        self.command("admins", "add", ADMIN, "--name", "测试站长", "--station", STATION)
        self.command("admins", "set-pin", ADMIN, stdin=ADMIN_PIN + "\n")
        return self

    def command(self, *args, stdin=None, check=True, catalog=False):
        arguments = [self.binary, *args, "--db", self.database]
        if catalog:
            arguments += ["--catalog", DATA]
        result = subprocess.run(arguments, input=stdin, capture_output=True, text=True,
                                timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"{' '.join(args)} failed: {result.stdout}{result.stderr}")
        return result

    def start_kiosk(self, tmux, extra="", env=""):
        tmux.run(f"clear; {env} {shlex.quote(self.binary)} --kiosk --station {STATION} "
                 f"--catalog {shlex.quote(DATA)} --db {shlex.quote(self.database)} {extra}"
                 "; echo EXIT=$?")
        tmux.wait_for(lambda s: "欢迎使用 · 测试村远教站点" in s and "管理员" in s,
                      "the kiosk's start screen", timeout=SLOW)

    def __exit__(self, *exception):
        subprocess.run(["rm", "-rf", self.directory])
        return False


def start_line(screen):
    """The heading line of the screen."""
    lines = screen.split("\n")
    return lines[1] if len(lines) > 1 else ""


def digit_for(screen, title):
    for line in screen.split("\n"):
        stripped = line.strip().lstrip(">").strip()
        if stripped[:1].isdigit() and title in stripped:
            return stripped[0]
    return None


def administrator_quits(tmux, results, label):
    log_in(tmux, ADMIN, ADMIN_PIN, digit=digit_for(tmux.screen(), "管理员") or "3",
           prompt="请输入管理员编号")
    screen = tmux.wait_for(lambda s: "管理员菜单" in s and "退出程序" in s, "the administrator's menu",
                           timeout=SLOW)
    tmux.type(digit_for(screen, "退出程序") or "2")
    tmux.wait_for(lambda s: "确认退出程序" in s, "the quit confirmation")
    tmux.type("1")
    terminal_restored(tmux, results, label, 0)


def test_keys_and_quitting(binary, results):
    with Station(binary) as station:
        tmux = Tmux(80, 24)
        try:
            station.start_kiosk(tmux)
            pid = child_pid(int(tmux.pane("pane_pid")))
            before = tmux.screen()
            tmux.type("0")
            expect(tmux, results, "keys: 0 says that quitting needs an administrator",
                   lambda s: "退出程序需要管理员的编号和 PIN" in s, lambda s: s)
            for name, key in [("0", "0"), ("q", "q"), ("Esc", "Escape")] + list(
                    CONTROL_KEYS.items()):
                tmux.tmux("send-keys", "-t", tmux.target, key)
                time.sleep(0.3)
                screen = tmux.screen()
                results.check(f"keys: {name} on the start screen: still running, same screen",
                              pid is not None and alive(pid)
                              and start_line(screen) == start_line(before)
                              and "1  党员登录" in screen, screen)
            # Ctrl-S froze nothing: keys still work.
            tmux.type("2")
            expect(tmux, results, "keys: after Ctrl-S the keys still work (2: browse)",
                   lambda s: "主菜单" in start_line(s))
            tmux.type("0")
            tmux.wait_for(lambda s: "欢迎使用" in start_line(s), "back on the start screen")
            administrator_quits(tmux, results, "kiosk quit by the administrator")
        finally:
            tmux.kill()


def test_idle_member_logged_out(binary, results):
    with Station(binary) as station:
        tmux = Tmux(80, 24)
        try:
            station.start_kiosk(tmux, "--idle-timeout 3")
            log_in(tmux, "4001", "1111", digit=digit_for(tmux.screen(), "党员登录") or "1")
            tmux.wait_for(lambda s: "党员：测试党员甲" in s.split("\n")[0], "the member logged in",
                          timeout=SLOW)
            expect(tmux, results, "idle: a member left alone is logged out, back on the start",
                   lambda s: "已自动退出登录（3 秒没有按键）" in s and "欢迎使用" in start_line(s)
                   and "党员：" not in s.split("\n")[0], lambda s: s, timeout=10)
            administrator_quits(tmux, results, "idle")
        finally:
            tmux.kill()


def test_kill_and_crash_leave_the_terminal_usable(binary, results):
    with Station(binary) as station:
        for name, number, status in [("SIGTERM", signal.SIGTERM, 143),
                                     ("SIGSEGV", signal.SIGSEGV, 139)]:
            tmux = Tmux(80, 24)
            try:
                # As the service unit runs it: no Swift crash handler in the way.
                station.start_kiosk(tmux, env="SWIFT_BACKTRACE=enable=no")
                pid = child_pid(int(tmux.pane("pane_pid")))
                results.check(f"{name}: the kiosk is running", pid is not None and alive(pid))
                if pid:
                    os.kill(pid, number)
                terminal_restored(tmux, results, f"kiosk {name}", status)
            finally:
                tmux.kill()


def credits(database):
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    try:
        return connection.execute(
            "SELECT member_id, count(*) FROM credit WHERE course_id = ? GROUP BY member_id "
            "ORDER BY member_id", (COURSE,)).fetchall()
    finally:
        connection.close()


def sign_in(tmux, number, pin, expected):
    """From the kiosk's start screen: 1 签到, number, PIN; waits for what is `expected`."""
    tmux.wait_for(lambda s: "正在签到" in s and "1  签到" in s, "签到 as the first choice")
    log_in(tmux, number, pin)
    return tmux.wait_for(expected, f"the answer to {number}", timeout=SLOW)


def test_sign_in_from_a_shell(binary, results):
    with Station(binary) as station:
        tmux = Tmux(80, 24)
        try:
            station.start_kiosk(tmux)
            opened = station.command("signin", "open", COURSE, "--station", STATION,
                                     catalog=True)
            results.check("signin open from a shell", "已开启签到" in opened.stdout, opened.stdout)
            expect(tmux, results, "the kiosk shows the sign-in within seconds, no key pressed",
                   lambda s: "正在签到：红色主旋律影片集中收看" in s and "已签到 0 人" in s
                   and "1  签到" in s, lambda s: s, timeout=10)

            screen = sign_in(tmux, "4001", "1111", lambda s: "签到成功！" in s)
            results.check("member 1 signs in: 签到成功 with the name", "测试党员甲（编号 4001）" in screen,
                          screen)
            tmux.enter()  # ready for the next person at once
            screen = sign_in(tmux, "4002", "9999", lambda s: "PIN 不正确" in s or "不正确" in s)
            results.check("member 2 with a wrong PIN first: refused, asked again",
                          "签到成功" not in screen, screen)
            tmux.type("2222")
            tmux.enter()
            screen = tmux.wait_for(lambda s: "签到成功！" in s, "member 2 signed in", timeout=SLOW)
            results.check("member 2 then signs in", "测试党员乙（编号 4002）" in screen, screen)
            tmux.enter()
            screen = sign_in(tmux, "4003", "3333", lambda s: "签到成功！" in s)
            results.check("member 3 signs in", "测试党员丙" in screen, screen)
            expect(tmux, results, "签到成功 goes by itself after a few seconds",
                   lambda s: "欢迎使用" in start_line(s) and "已签到 3 人" in s, lambda s: s,
                   timeout=10)
            screen = sign_in(tmux, "4001", "1111", lambda s: "签到成功" in s)
            results.check("member 1 again: harmless, and says so",
                          "已经签到过了" in screen, screen)
            tmux.enter()
            expect(tmux, results, "still three signed in", lambda s: "已签到 3 人" in s)

            closed = station.command("signin", "close", "--station", STATION, catalog=True)
            results.check("signin close from a shell lists the three, credited",
                          all(name in closed.stdout for _, name, _ in MEMBERS[:3])
                          and "测试党员丁" not in closed.stdout
                          and "新记入 3 人" in closed.stdout, closed.stdout + closed.stderr)
            results.check("the database: exactly those three credited, once each",
                          credits(station.database) == [("4001", 1), ("4002", 1), ("4003", 1)],
                          str(credits(station.database)))
            report = station.command("report", "--year", str(datetime.date.today().year),
                                     "--format", "csv", catalog=True)
            rows = list(csv.reader(io.StringIO(report.stdout.lstrip("\ufeff"))))
            hours = {row[0]: row[6] for row in rows[1:]}
            results.check("report: the three have the course's 2 hours, the fourth none",
                          hours == {"4001": "2", "4002": "2", "4003": "2", "4004": "0"},
                          str(hours))
            expect(tmux, results, "the kiosk sees the sign-in closed, no key pressed",
                   lambda s: "正在签到" not in s and "1  党员登录" in s, lambda s: s, timeout=10)
            administrator_quits(tmux, results, "sign-in")
        finally:
            tmux.kill()


def main():
    return run_tests(__doc__.split("\n")[0],
                     [test_keys_and_quitting, test_idle_member_logged_out,
                      test_kill_and_crash_leave_the_terminal_usable, test_sign_in_from_a_shell])


if __name__ == "__main__":
    sys.exit(main())
