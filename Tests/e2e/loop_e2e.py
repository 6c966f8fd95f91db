#!/usr/bin/env python3
"""End-to-end tests of the app loop's time and waiting: the real binary in tmux at 80x24.

1. Another process holds the records database with `BEGIN EXCLUSIVE` (Python's sqlite3) for
   5 seconds while a member selects an elective: keys still open help and move the cursor
   within half a second each, the screen says it is saving, and once the lock is released the
   selection is in the database exactly once.
2. Quitting while that write waits: the program stays (saying it saves first) until the lock
   is released, then ends with the selection written and the terminal restored.
3. `--idle-timeout 3`: a member who presses nothing sees the countdown and is back on the
   start screen; a key during the countdown cancels it.

    python3 Tests/e2e/loop_e2e.py [--binary PATH]

The binary defaults to $COURSE_MENU_BIN, then .build/debug/course-menu. Prints one line per
check and, last, exactly `N passed, M failed`; exits 1 when anything failed.
"""

import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from records_e2e import (DATA, SLOW, log_in, log_out_and_quit, main_menu_item,  # noqa: E402
                         run_ui)
from tui_e2e import (Tmux, alive, child_pid, digit_of, expect, past_feedback,  # noqa: E402
                     quit_from_start_screen, run_tests, terminal_restored)

LOCK_SECONDS = 5.0
PROMPT_LATENCY = 0.5  # how soon a key must show on screen while the write waits
MEMBER, PIN = "3001", "2468"
SAVING = "正在保存…"


def make_database(binary, directory):
    """A database with one member who has a PIN."""
    database = os.path.join(directory, "records.sqlite")
    roster = os.path.join(directory, "roster.csv")
    with open(roster, "w", encoding="utf-8") as file:
        file.write(f"id,name,branch,domain,role,joined,pin\n"
                   f"{MEMBER},测试党员甲,测试村党支部,rural,member,2015-07-01,{PIN}\n")
    subprocess.run([binary, "members", "import", roster, "--db", database],
                   check=True, capture_output=True)
    return database


class ExclusiveLock:
    """Another process holding the database with BEGIN EXCLUSIVE until `release()`."""

    def __init__(self, database):
        script = ("import sqlite3, sys\n"
                  "connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)\n"
                  "connection.execute('BEGIN EXCLUSIVE')\n"
                  "print('locked', flush=True)\n"
                  "sys.stdin.readline()\n"
                  "connection.execute('COMMIT')\n")
        self.process = subprocess.Popen([sys.executable, "-c", script, database],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline().strip()
        if line != "locked":
            raise AssertionError(f"the locking process said {line!r}")
        self.since = time.monotonic()

    def release(self):
        if self.process.poll() is None:
            self.process.stdin.write("\n")
            self.process.stdin.flush()
            self.process.wait(timeout=10)

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def latency(tmux, send, condition, timeout=3.0):
    """Seconds from `send()` until the pane shows what `condition` asks (not waiting for it
    to settle: this measures when it appears), or None after `timeout` seconds."""
    started = time.monotonic()
    send()
    while time.monotonic() - started < timeout:
        if condition(tmux.capture()):
            return time.monotonic() - started
        time.sleep(0.01)
    return None


def selections(database, course_id):
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    try:
        return connection.execute(
            "SELECT COUNT(*) FROM selection WHERE member_id = ? AND course_id = ?",
            (MEMBER, course_id)).fetchone()[0]
    finally:
        connection.close()


def course_by_title(shown):
    """(id, title) of the course whose title is `shown`, or starts with it when the list cut
    it (ending in …)."""
    prefix = shown.rstrip("…")
    for name in sorted(os.listdir(os.path.join(DATA, "courses"))):
        if name.endswith(".toml"):
            with open(os.path.join(DATA, "courses", name), "rb") as file:
                for course in tomllib.load(file).get("course", []):
                    if course["title"] == shown or (prefix != shown
                                                    and course["title"].startswith(prefix)):
                        return course["id"], course["title"]
    return "", shown


def status_line(screen):
    """The line above the keys."""
    lines = screen.split("\n")
    return lines[22] if len(lines) > 22 else ""


def open_unselected_elective(binary, database, tmux, results, label):
    """Starts the program on `database`, logs the member in and goes to the confirmation of an
    unselected farming elective; returns its id, its title and the digit of its row in the
    list."""
    run_ui(tmux, binary, f"--db {database}")
    log_in(tmux, MEMBER, PIN)
    past_feedback(tmux, SLOW)
    tmux.wait_for(lambda s: "测试党员甲（编号" in s, "the member's main menu", timeout=SLOW)
    tmux.type(main_menu_item(tmux, "课程目录") or "1")
    screen = tmux.wait_for(lambda s: "农业实用技术" in s and "课程数" in s, "the categories")
    tmux.type(digit_of(screen.split("\n"), "农业实用技术") or "6")
    screen = tmux.wait_for(lambda s: "农业实用技术（" in s, "the farming courses")
    row = next((line for line in screen.split("\n")
                if re.match(r"^\s*>?\s*\d\s{2}\s\s", line) and line.rstrip().endswith("选修")), None)
    results.check(f"{label}: an unselected elective is listed", row is not None, screen)
    digit = re.match(r"^\s*>?\s*(\d)", row).group(1) if row else "2"
    shown = re.split(r"\s{2,}", row.strip().lstrip(">").strip())[1] if row else ""
    course_id, title = course_by_title(shown)
    results.check(f"{label}: the elective is found in the catalog files", course_id != "", shown)
    tmux.type(digit)
    tmux.wait_for(lambda s: "我的状态：未选学" in s, "the course detail")
    tmux.type("1")
    tmux.wait_for(lambda s: "确认选学" in s and "1  确定选学" in s, "the confirmation")
    return course_id, title, digit


class Confirming:
    """A member on the confirmation of an unselected elective, on a database of their own,
    ready for another process to lock it (`lock()`); everything is undone on the way out."""

    def __init__(self, binary, results, label):
        self.binary, self.results, self.label = binary, results, label
        self.directory = tempfile.mkdtemp(prefix="course-menu-e2e-loop-")
        self.tmux = None
        self.held = None

    def __enter__(self):
        try:
            self.tmux = Tmux(80, 24)
            self.database = make_database(self.binary, self.directory)
            self.course_id, self.title, self.digit = open_unselected_elective(
                self.binary, self.database, self.tmux, self.results, self.label)
        except BaseException:
            self.__exit__()
            raise
        return self

    def lock(self):
        self.held = ExclusiveLock(self.database)
        return self.held

    def __exit__(self, *exception):
        if self.held:
            self.held.kill()
        if self.tmux:
            self.tmux.kill()
        subprocess.run(["rm", "-rf", self.directory])
        return False


def test_exclusive_lock(binary, results):
    with Confirming(binary, results, "lock") as scene:
        tmux, database = scene.tmux, scene.database
        course_id, title, digit = scene.course_id, scene.title, scene.digit
        lock = scene.lock()
        seconds = latency(tmux, lambda: tmux.type("1"), lambda s: SAVING in status_line(s))
        results.check("lock: 1 on the confirmation: the screen says 正在保存…",
                      seconds is not None, tmux.capture())
        seconds = latency(tmux, lambda: tmux.type("?"),
                          lambda s: "使用帮助" in s.split("\n")[1] and SAVING in status_line(s))
        results.check(f"lock: ? opens help within {PROMPT_LATENCY} s while saving",
                      seconds is not None and seconds < PROMPT_LATENCY, f"{seconds}")
        # Out of help, the confirmation, the course: back on the list, the cursor on row 1.
        for wanted in ["确认选学", "我的状态：", "农业实用技术（"]:
            seconds = latency(tmux, lambda: tmux.type("0"), lambda s, w=wanted: w in s.split("\n")[1]
                              or (w == "我的状态：" and w in s))
            results.check(f"lock: 0 back to {wanted} within {PROMPT_LATENCY} s while saving",
                          seconds is not None and seconds < PROMPT_LATENCY, f"{seconds}")
        cursor_row = rf"^\s*>\s*{int(digit) % 7 + 1}\s"
        seconds = latency(tmux, lambda: tmux.tmux("send-keys", "-t", tmux.target, "Down"),
                          lambda s: re.search(cursor_row, s, re.M) is not None)
        results.check(f"lock: the arrow moves the cursor within {PROMPT_LATENCY} s while saving",
                      seconds is not None and seconds < PROMPT_LATENCY, f"{seconds}")
        expect(tmux, results, "lock: still saving while the lock is held",
               lambda s: SAVING in status_line(s), lambda s: s)
        results.check("lock: the keys were tried while the lock was still held",
                      lock.process.poll() is None
                      and time.monotonic() - lock.since < LOCK_SECONDS,
                      f"{time.monotonic() - lock.since:.1f} s")
        results.check("lock: nothing is written while the lock is held",
                      selections(database, course_id) == 0)

        time.sleep(max(0.0, LOCK_SECONDS - (time.monotonic() - lock.since)))
        lock.release()
        expect(tmux, results, "lock: once released, the selection is confirmed in words",
               lambda s: f"已选学“{title}”" in s and SAVING not in s, lambda s: s, timeout=SLOW)
        results.check("lock: the selection is in the database exactly once",
                      selections(database, course_id) == 1, course_id)
        expect(tmux, results, "lock: the list marks it selected",
               lambda s: re.search(rf"✓.\s+{re.escape(title[:6])}", s) is not None, lambda s: s)
        tmux.type("00")
        log_out_and_quit(tmux, results, "lock")


def test_quit_waits_for_the_write(binary, results):
    with Confirming(binary, results, "quit") as scene:
        tmux = scene.tmux
        pid = child_pid(int(tmux.pane("pane_pid")))
        lock = scene.lock()
        tmux.type("1")
        tmux.wait_for(lambda s: SAVING in status_line(s), "正在保存…")
        # Back to the start screen (logged out) and 0: quit, with the write still waiting.
        tmux.type("00000")
        tmux.wait_for(lambda s: "党员登录" in s, "the start screen")
        quit_from_start_screen(tmux)
        expect(tmux, results, "quit: says it saves first, and stays",
               lambda s: "正在保存，保存完毕后退出" in s, lambda s: s)
        results.check("quit: the program waits while the write cannot commit",
                      pid is not None and alive(pid))
        time.sleep(max(0.0, LOCK_SECONDS - (time.monotonic() - lock.since)))
        lock.release()
        terminal_restored(tmux, results, "quit while saving", 0)
        results.check("quit: the selection was written exactly once",
                      selections(scene.database, scene.course_id) == 1, scene.course_id)


def test_idle_timeout(binary, results):
    tmux = Tmux(80, 24)
    try:
        run_ui(tmux, binary, "--demo --idle-timeout 3")
        log_in(tmux, "1001", "1111")

        def counting(screen):
            return ("党员：王建国" in screen.split("\n")[0]
                    and re.search(r"\d 秒后自动退出登录", status_line(screen)) is not None)

        # Read as it comes (not once settled): three seconds leave no time to spare.
        seconds = latency(tmux, lambda: None, counting, timeout=SLOW)
        results.check("idle: logged in, the countdown shows", seconds is not None,
                      tmux.capture())
        # A key during the countdown (the last half of 3 s) cancels it: the member stays.
        seconds = latency(tmux, lambda: tmux.tmux("send-keys", "-t", tmux.target, "Down"),
                          lambda s: "党员：王建国" in s.split("\n")[0]
                          and "自动退出登录" not in status_line(s))
        pressed = time.monotonic()
        results.check("idle: a key cancels the countdown, the member stays logged in",
                      seconds is not None, tmux.capture())
        expect(tmux, results, "idle: back on the start screen, logged out, saying why",
               lambda s: "已自动退出登录（3 秒没有按键）" in s and "党员登录" in s
               and "党员：" not in s.split("\n")[0], lambda s: s, timeout=10)
        waited = time.monotonic() - pressed
        results.check("idle: logged out about 3 s after the last key", 2.5 < waited < 5.0,
                      f"{waited:.1f} s")
        quit_from_start_screen(tmux)
        terminal_restored(tmux, results, "idle", 0)
    finally:
        tmux.kill()


def main():
    return run_tests(__doc__.split("\n")[0],
                     [test_exclusive_lock, test_quit_waits_for_the_write, test_idle_timeout])


if __name__ == "__main__":
    sys.exit(main())
