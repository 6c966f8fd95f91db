#!/usr/bin/env python3
"""End-to-end tests of what an attack on the release binary found (issue 9): the real binary in
tmux at 80x24.

1. Keys are keys: Ctrl-C, Ctrl-Z, Ctrl-\\ and Ctrl-S on the start screen, the login screen and a
   course list leave the program running on a sane screen (Ctrl-C goes back like Esc; the
   others do nothing: no stop at a shell prompt, no crash handler, no frozen output); quitting
   from the start screen asks first; the runtime's crash handler is switched off.
2. Backspace on an empty member number stays on the login screen (typing 10 and Backspace four
   times dropped to the shell).
3. A broken course file published while the program is not running: the next start serves the
   last good catalog, says so on the start screen and on standard error; without a good
   catalog ever loaded it refuses as before.
4. Catalog files that are not files: a FIFO and a link to /dev/zero are diagnostics for `check`
   and no hang for the UI.
5. A member name holding an escape sequence never retitles the terminal, in `members list` or
   in the UI; `members import` shows a progress bar with rows done and time left.

    python3 Tests/e2e/hardening_e2e.py [--binary PATH]

The binary defaults to $COURSE_MENU_BIN, then .build/debug/course-menu. Prints one line per
check and, last, exactly `N passed, M failed`; exits 1 when anything failed.
"""

import contextlib
import os
import re
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tui_e2e import (REPO, Tmux, alive, child_pid, expect, past_feedback,  # noqa: E402
                     quit_from_start_screen,
                     run_tests, terminal_restored)

DATA = os.path.join(REPO, "data")
SLOW = 20.0  # PIN checks are slow on purpose, and debug builds are slower still.
HOSTILE = "\x1b]0;PWNED\x07\x1b[31m王建国"


def key(tmux, name):
    """Sends one key by tmux's name for it: C-c, C-z, C-\\, C-s, BSpace, Escape."""
    tmux.tmux("send-keys", "-t", tmux.target, name)


def stopped(pid):
    """True when the process is stopped (what Ctrl-Z did in cbreak mode)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("T", "t")
    except FileNotFoundError:
        return False


def course_count():
    """The courses of the shipped catalog, as tomllib reads them."""
    count = 0
    for name in os.listdir(os.path.join(DATA, "courses")):
        if name.endswith(".toml"):
            with open(os.path.join(DATA, "courses", name), "rb") as file:
                count += len(tomllib.load(file).get("course", []))
    return count


class Place:
    """A temporary catalog copy and records directory, removed afterwards."""

    def __init__(self):
        self.directory = tempfile.mkdtemp(prefix="course-menu-hardening-")
        self.catalog = os.path.join(self.directory, "data")
        shutil.copytree(DATA, self.catalog)
        self.db = os.path.join(self.directory, "records", "records.sqlite")

    def command(self, binary, *args):
        # The members commands read no catalog; the UI and the others do.
        catalog = "" if args[:1] == ("members",) else f" --catalog {shlex.quote(self.catalog)}"
        return (f"{shlex.quote(binary)} {' '.join(shlex.quote(a) for a in args)}"
                f"{catalog} --db {shlex.quote(self.db)}")

    def remove(self):
        shutil.rmtree(self.directory, ignore_errors=True)


@contextlib.contextmanager
def session():
    """A Place and an 80x24 tmux, both gone afterwards whatever happens."""
    place = Place()
    tmux = Tmux(80, 24)
    try:
        yield place, tmux
    finally:
        tmux.kill()
        place.remove()


def start(tmux, binary, place, prefix="clear; "):
    tmux.run(prefix + place.command(binary) + "; echo EXIT=$?")
    return tmux.wait_for(lambda s: "党员登录（" in s and "不登录，直接浏览课程" in s, "the start screen",
                         timeout=SLOW)


def test_the_runtimes_crash_handler_is_off(binary, results):
    """A crash (SIGSEGV) with nothing about backtraces in the environment: the program ends
    with the terminal restored, and the runtime says nothing: no "Program crashed" report, no
    offer of a debugger, not even that it cannot find its backtracer (what the static build
    says when backtraces are on: swift-backtrace is not installed beside it). (A
    build on the shared runtime re-executes itself with SWIFT_BACKTRACE=enable=no; the static
    build sets it before the runtime starts, which /proc/PID/environ does not show.)"""
    with session() as (place, tmux):
        start(tmux, binary, place,
              prefix="clear; unset SWIFT_BACKTRACE COURSE_MENU_BACKTRACE; ")
        pid = child_pid(int(tmux.pane("pane_pid")))
        results.check("crash: program found", pid is not None)
        os.kill(pid, signal.SIGSEGV)
        screen = tmux.wait_for(lambda s: re.search(r"EXIT=\d+", s), "the exit after SIGSEGV",
                               timeout=SLOW)
        results.check("crash: the runtime's crash handler is off (no report, no debugger)",
                      not any(word in screen.lower()
                              for word in ("crashed", "backtrac", "swift runtime", "lldb",
                                           "interact")), screen)
        results.check("crash: exit status 139, the main screen back",
                      "EXIT=139" in screen and tmux.pane("alternate_on") == "0", screen)


def test_keys_are_keys(binary, results):
    with session() as (place, tmux):
        start(tmux, binary, place)
        pid = child_pid(int(tmux.pane("pane_pid")))
        results.check("keys: program found", pid is not None)

        def inert_keys(screen_name, still):
            """Ctrl-Z, Ctrl-\\ and Ctrl-S change nothing; the program still answers keys."""
            before = tmux.screen()
            for name, label in [("C-z", "Ctrl-Z"), ("C-\\", "Ctrl-\\"), ("C-s", "Ctrl-S")]:
                key(tmux, name)
                screen = tmux.screen()
                results.check(
                    f"keys: {label} on the {screen_name} does nothing",
                    alive(pid) and not stopped(pid) and screen == before
                    and "crashed" not in screen and "Stopped" not in screen,
                    screen)
            results.check(f"keys: the {screen_name} is still there", still(tmux.screen()))

        inert_keys("start screen", lambda s: "不登录，直接浏览课程" in s)
        # Ctrl-S did not freeze the output: the next key is drawn.
        tmux.type("1")
        tmux.wait_for(lambda s: "请输入党员编号" in s, "the login screen after Ctrl-S")
        inert_keys("login screen", lambda s: "请输入党员编号" in s)
        key(tmux, "C-c")
        expect(tmux, results, "keys: Ctrl-C on the login screen goes back like Esc",
               lambda s: "不登录，直接浏览课程" in s and "请输入党员编号" not in s)

        # Backspace on an empty number stays: the attack typed 10 and Backspace four times.
        tmux.type("1")
        tmux.wait_for(lambda s: "请输入党员编号" in s, "the login screen")
        tmux.type("10")
        tmux.wait_for(lambda s: "党员编号：10_" in s, "10 typed")
        for _ in range(4):
            key(tmux, "BSpace")
        expect(tmux, results, "keys: Backspace on an empty number stays on the login screen",
               lambda s: "请输入党员编号" in s and "党员编号：_" in s and "按 Esc 键" in s)
        results.check("keys: ... and the program is still running", alive(pid))
        key(tmux, "Escape")
        tmux.wait_for(lambda s: "不登录，直接浏览课程" in s, "the start screen")

        # A course list: 2 (guest), 1 (catalog), 1 (first category).
        tmux.type("2")
        tmux.wait_for(lambda s: "请按数字键选择" in s, "the main menu")
        tmux.type("1")
        tmux.wait_for(lambda s: "课程数" in s, "the categories")
        tmux.type("1")
        tmux.wait_for(lambda s: re.search(r"（\d+ 门课程）", s), "a course list")
        inert_keys("course list", lambda s: re.search(r"（\d+ 门课程）", s) is not None)
        key(tmux, "C-c")
        expect(tmux, results, "keys: Ctrl-C on a course list goes back to the categories",
               lambda s: "课程数" in s)
        key(tmux, "C-c")
        key(tmux, "C-c")
        tmux.wait_for(lambda s: "不登录，直接浏览课程" in s, "the start screen")

        # Quitting from the start screen asks; every way back returns to it.
        for name in ["C-c", "Escape", "BSpace", "0"]:
            if name == "0":
                tmux.type("0")
            else:
                key(tmux, name)
            expect(tmux, results, f"keys: {name} on the start screen asks before quitting",
                   lambda s: "确定要退出程序吗？" in s and "1  确定退出" in s)
            results.check(f"keys: ... and the program is still running ({name})", alive(pid))
            tmux.type("0")
            tmux.wait_for(lambda s: "不登录，直接浏览课程" in s, "back on the start screen")
        quit_from_start_screen(tmux)
        terminal_restored(tmux, results, "keys: quit confirmed", 0)


def break_a_course(place):
    """hours = "2" in the first course of law.toml: a type error (C003)."""
    path = os.path.join(place.catalog, "courses", "law.toml")
    with open(path, encoding="utf-8") as file:
        text = file.read()
    with open(path, "w", encoding="utf-8") as file:
        file.write(re.sub(r"^hours = \S+$", 'hours = "2"', text, count=1, flags=re.M))


def test_last_good_catalog(binary, results):
    courses = course_count()
    with session() as (place, tmux):
        start(tmux, binary, place)
        quit_from_start_screen(tmux)
        terminal_restored(tmux, results, "last good: first start", 0)
        # Published at night while nothing runs: a type error in a course file.
        break_a_course(place)
        check = subprocess.run([binary, "check", place.catalog], capture_output=True, text=True)
        results.check("last good: check is as strict as ever", check.returncode == 1
                      and "error[C003]" in check.stderr, check.stderr)
        screen = start(tmux, binary, place)
        warning = re.search(r"目录有错误，正在使用 (\d{4}-\d\d-\d\d) 的目录", screen)
        results.check("last good: the start screen says which catalog is served, in one line",
                      warning is not None, screen)
        tmux.type("2")
        expect(tmux, results, "last good: members see the whole good catalog",
               lambda s: f"{courses} 门课程" in s, lambda s: s)
        tmux.type("0")
        tmux.wait_for(lambda s: "不登录，直接浏览课程" in s, "the start screen")
        quit_from_start_screen(tmux)
        screen = tmux.wait_for(lambda s: "EXIT=" in s, "the exit")
        results.check("last good: administrators read it on standard error too",
                      "law.toml:" in screen and "error[C003]" in screen
                      and "目录有错误，正在使用" in screen, screen)
        terminal_restored(tmux, results, "last good: second start", 0)
    # Never a good load: refused as before.
    place = Place()
    try:
        break_a_course(place)
        result = subprocess.run([binary, "--catalog", place.catalog, "--db", place.db],
                                capture_output=True, text=True, stdin=subprocess.DEVNULL)
        results.check("last good: without any good catalog the UI refuses as before",
                      result.returncode == 1 and "error[C003]" in result.stderr, result.stderr)
    finally:
        place.remove()


def test_files_that_are_not_files(binary, results):
    with session() as (place, tmux):
        courses = os.path.join(place.catalog, "courses")
        # A good start first, so that the UI has a catalog to serve.
        subprocess.run([binary, "--catalog", place.catalog, "--db", place.db],
                       capture_output=True, stdin=subprocess.DEVNULL, timeout=60)
        os.mkfifo(os.path.join(courses, "x.toml"))
        os.symlink("/dev/zero", os.path.join(courses, "z.toml"))
        try:
            check = subprocess.run([binary, "check", place.catalog], capture_output=True,
                                   text=True, timeout=20)
            results.check("files: a FIFO and a link to /dev/zero are diagnostics, not a hang",
                          check.returncode == 2
                          and "x.toml: error[F001]: 无法读取：不是普通文件（是命名管道 FIFO），没有读取" in check.stderr
                          and "z.toml: error[F001]: 无法读取：不是普通文件（是字符设备），没有读取" in check.stderr,
                          check.stderr)
        except subprocess.TimeoutExpired:
            results.check("files: a FIFO and a link to /dev/zero are diagnostics, not a hang",
                          False, "check hung")
        screen = start(tmux, binary, place)
        results.check("files: the UI starts (serving the last good catalog), no blank screen",
                      "目录有错误，正在使用" in screen, screen)
        quit_from_start_screen(tmux)
        terminal_restored(tmux, results, "files", 0)


def test_hostile_name_and_progress(binary, results):
    with session() as (place, tmux):
        roster = os.path.join(place.directory, "roster.csv")
        with open(roster, "w", encoding="utf-8") as file:
            file.write("id,name,branch,domain,role,joined,pin\n")
            for k in range(40):
                file.write(f"{6000 + k},党员{k},一支部,rural,member,2012-07-01,{3000 + k}\n")
        tmux.run("clear; " + place.command(binary, "members", "import", roster) + "; echo EXIT=$?")
        screen = tmux.wait_for(lambda s: "EXIT=" in s, "the import", timeout=120)
        results.check("progress: members import shows rows done and the end on a terminal",
                      re.search(r"\[#{30}\] 40/40 行  完成", screen) is not None
                      and "新增 40 人" in screen, screen)
        connection = sqlite3.connect(place.db)
        # The last member: its row is still on the screen after the list.
        connection.execute("UPDATE member SET name = ? WHERE id = '6039'", (HOSTILE,))
        connection.commit()
        connection.close()
        title = tmux.pane("pane_title")
        tmux.run("clear; " + place.command(binary, "members", "list"))
        screen = tmux.wait_for(lambda s: "共 40 名党员" in s, "the list")
        results.check("inert: members list shows the escape and does not retitle the terminal",
                      "␛]0;PWNED␇␛[31m王建国" in screen and "PWNED" not in tmux.pane("pane_title")
                      and tmux.pane("pane_title") == title, tmux.pane("pane_title"))
        start(tmux, binary, place)
        tmux.type("1")
        tmux.wait_for(lambda s: "请输入党员编号" in s, "the login screen")
        tmux.type("6039")
        tmux.enter()
        tmux.type("3039")
        tmux.enter()
        past_feedback(tmux, SLOW)
        expect(tmux, results, "inert: the member's name shows without its escapes in the UI",
               lambda s: "王建国（编号 6039" in s and "PWNED" in s, timeout=SLOW)
        results.check("inert: ... and the terminal keeps its title",
                      "PWNED" not in tmux.pane("pane_title"), tmux.pane("pane_title"))
        tmux.type("0")
        tmux.wait_for(lambda s: "不登录，直接浏览课程" in s, "logged out")
        quit_from_start_screen(tmux)
        terminal_restored(tmux, results, "inert", 0)


def main():
    return run_tests(__doc__.split("\n")[0], [
        test_the_runtimes_crash_handler_is_off, test_keys_are_keys, test_last_good_catalog,
        test_files_that_are_not_files,
        test_hostile_name_and_progress])


if __name__ == "__main__":
    sys.exit(main())
