#!/usr/bin/env python3
"""End-to-end tests of the member terminal UI: the real binary in tmux.

Starts `course-menu` on the shipped catalog (data/) in a detached tmux session at 80x24,
drives it with digits only, reads the screen with capture-pane (only once it has settled:
unchanged for SETTLE seconds with nothing in the pane running), resizes the window, and
checks that every way out (0, SIGTERM, hang-up, a crash signal, the ASCII fallback) leaves
the terminal as it was.

    python3 Tests/e2e/tui_e2e.py [--binary PATH]

The binary defaults to $COURSE_MENU_BIN, then .build/debug/course-menu. Prints one line per
check and, last, exactly `N passed, M failed`; exits 1 when anything failed.
"""

import argparse
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
import uuid

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROMPT = "E2E-PROMPT$ "
TIMEOUT = 10.0  # the longest any wait for the screen lasts, generous for a loaded machine
SETTLE = 0.15  # a frame counts as drawn once capture-pane has shown it unchanged this long
POLL = 0.03


def stat_fields(path):
    """The fields of a /proc stat file after the command name: state, parent pid, ..."""
    with open(path) as stat:
        return stat.read().rsplit(")", 1)[1].split()


def parents():
    """{pid: parent pid} of every process."""
    table = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                table[int(name)] = int(stat_fields(f"/proc/{name}/stat")[1])
            except (FileNotFoundError, ProcessLookupError, IndexError):
                pass  # ended meanwhile
    return table


def running(pid):
    """True when a thread of the process is running or waiting on a disk."""
    try:
        return any(stat_fields(f"/proc/{pid}/task/{task}/stat")[0] in ("R", "D")
                   for task in os.listdir(f"/proc/{pid}/task"))
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False  # ended meanwhile


def remove_tmux_socket(name):
    """tmux leaves its socket file behind after kill-server: remove it, so no test leaves
    anything in the tmux directory."""
    directory = os.path.join(os.environ.get("TMUX_TMPDIR", "/tmp"), f"tmux-{os.getuid()}")
    try:
        os.unlink(os.path.join(directory, name))
    except FileNotFoundError:
        pass


class Tmux:
    """One private tmux server (its own socket) running an interactive shell in one pane.

    Every read of the screen waits for it to settle (see `settled`): a program draws a frame
    with several writes, and tmux shows whatever has arrived, so a screen read as soon as
    something changed can be half the old frame and half the new one.
    """

    def __init__(self, width=80, height=24):
        self.socket = f"course-menu-e2e-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.target = "e2e"
        env = dict(os.environ)
        env.pop("TMUX", None)
        shell = (f"env PS1={shlex.quote(PROMPT)} LANG=C.UTF-8 LC_ALL=C.UTF-8 "
                 "bash --norc --noprofile -i")
        subprocess.run(
            self.base() + ["new-session", "-d", "-s", self.target, "-x", str(width),
                           "-y", str(height), shell],
            check=True, env=env)
        self.shell_pid = int(self.pane("pane_pid"))
        self.wait_for(lambda screen: PROMPT.strip() in screen, "the shell prompt")

    def base(self):
        return ["tmux", "-L", self.socket, "-f", "/dev/null"]

    def tmux(self, *args):
        return subprocess.run(self.base() + list(args), check=True, capture_output=True,
                              text=True).stdout

    def capture(self, styled=False):
        """The pane's text as it is this instant (with -e: with its escape sequences)."""
        return self.tmux("capture-pane", "-p", *(["-e"] if styled else []), "-t", self.target)

    def screen(self, styled=False):
        """The screen once settled."""
        return self.settled(styled=styled)[1]

    def lines(self):
        return self.screen().split("\n")

    def type(self, text):
        self.tmux("send-keys", "-t", self.target, "-l", text)

    def enter(self):
        self.tmux("send-keys", "-t", self.target, "Enter")

    def run(self, command):
        self.type(command)
        self.enter()

    def resize(self, width, height):
        self.tmux("resize-window", "-t", self.target, "-x", str(width), "-y", str(height))

    def pane(self, variable):
        return self.tmux("display-message", "-p", "-t", self.target, "#{%s}" % variable).strip()

    def quiet(self):
        """True when nothing in the pane runs: the shell and whatever it started (the program)
        are all asleep, waiting for a key or for a child, so no more output is on its way."""
        table = parents()
        pids, tree = [self.shell_pid], []
        while pids:
            pid = pids.pop()
            tree.append(pid)
            pids += [child for child, parent in table.items() if parent == pid]
        return not any(running(pid) for pid in tree)

    def settled(self, predicate=lambda screen: True, timeout=TIMEOUT, styled=False):
        """(True, screen) for the first settled screen on which predicate holds, polling
        capture-pane for up to timeout seconds; (False, the last screen) if none came.

        Settled: capture-pane has given the same text for at least SETTLE seconds (three reads
        or more), and nothing in the pane is running. Only then is a frame judged, so a check
        never sees one still being drawn, however loaded the machine.
        """
        deadline = time.monotonic() + timeout
        last, since, reads = None, 0.0, 0
        while True:
            before = time.monotonic()
            screen = self.capture(styled)
            if screen != last:
                last, since, reads = screen, time.monotonic(), 1
            else:
                reads += 1
                if (reads >= 3 and before - since >= SETTLE and self.quiet()
                        and predicate(screen)):
                    return True, screen
            if before >= deadline:
                return False, screen
            time.sleep(POLL)

    def wait_for(self, predicate, what, timeout=TIMEOUT, styled=False):
        """The first settled screen on which predicate holds; fails after timeout seconds."""
        found, screen = self.settled(predicate, timeout, styled)
        if not found:
            raise AssertionError(f"timed out waiting for {what}; screen was:\n{screen}")
        return screen

    def kill(self):
        subprocess.run(self.base() + ["kill-server"], capture_output=True)
        remove_tmux_socket(self.socket)


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"PASS {name}")
        else:
            self.failed += 1
            print(f"FAIL {name}{': ' + detail if detail else ''}")
        return condition


def expect(tmux, results, name, condition, detail=lambda screen: "", timeout=TIMEOUT,
           styled=False):
    """A check on what the screen shows: waits up to timeout for a settled screen on which
    condition holds and records a pass; if none comes, a failure, with detail(last screen).
    Returns that screen."""
    found, screen = tmux.settled(condition, timeout, styled)
    results.check(name, found, "" if found else detail(screen))
    return screen


def child_pid(shell_pid):
    """The pid of the program the pane's shell is running, or None."""
    out = subprocess.run(["pgrep", "-P", str(shell_pid)], capture_output=True, text=True).stdout
    pids = [int(p) for p in out.split()]
    return pids[0] if pids else None


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone as far as the terminal is concerned.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def start_ui(tmux, binary, env=""):
    """Starts the program and goes on from the start screen as a guest (2) to the main menu."""
    tmux.run(f"clear; {env} {shlex.quote(binary)} --catalog {shlex.quote(os.path.join(REPO, 'data'))}"
             "; echo EXIT=$?")
    tmux.wait_for(lambda s: re.search(r"^\s*2\s", s, re.M)
                  and ("党员登录" in s or "locale is not UTF-8" in s), "the start screen")
    tmux.type("2")
    tmux.wait_for(lambda s: re.search(r"^\s*>?\s*3\s", s, re.M), "the main menu")


def heading_of(screen):
    """The heading line of a frame (the row under the title bar)."""
    lines = screen.split("\n")
    return lines[1].strip() if len(lines) > 1 else ""


def asks_feedback(screen):
    """Whether the frame is a question asked at login: a rating (评学) or the survey (需求调研)."""
    return heading_of(screen).startswith(("课程评价", "需求调研"))


def past_feedback(tmux, timeout=TIMEOUT):
    """After a member's login, for tests about something else: declines what is asked at login
    (9 skips every course to rate, 0 one course or the survey) until the member's main menu,
    whose screen it returns."""
    while True:
        screen = tmux.wait_for(
            lambda s: heading_of(s).startswith("主菜单")
            or (asks_feedback(s) and "正在保存" not in s),
            "the main menu or a question asked at login", timeout)
        if not asks_feedback(screen):
            return screen
        tmux.type("9" if "9  全部跳过" in screen else "0")
        tmux.wait_for(lambda s: s != screen, "the answer to skipping", timeout)


def quit_from_start_screen(tmux, question=True):
    """0 on the start screen asks first (确定要退出程序吗？, unreadable in ASCII: question=False
    only types); 1 quits."""
    tmux.type("0")
    if question:
        tmux.wait_for(lambda s: "确定要退出程序吗" in s, "the quit question")
    tmux.type("1")


def quit_from_main_menu(tmux, question=True):
    """0 on a guest's main menu goes back to the start screen, where 0 asks and 1 quits."""
    tmux.type("0")
    tmux.wait_for(lambda s: not re.search(r"^\s*>?\s*3\s", s, re.M), "the start screen")
    quit_from_start_screen(tmux, question)


def terminal_restored(tmux, results, label, exit_status):
    """After the program ended: its exit status, the main screen, the cursor, the tty mode."""
    screen = tmux.wait_for(lambda s: re.search(r"EXIT=\d+", s), f"the exit status ({label})")
    status = re.search(r"EXIT=(\d+)", screen).group(1)
    results.check(f"{label}: exit status {exit_status}", status == str(exit_status),
                  f"got {status}")
    results.check(f"{label}: alternate screen left", tmux.pane("alternate_on") == "0")
    results.check(f"{label}: cursor visible", tmux.pane("cursor_flag") == "1")
    tmux.run("clear; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(echo|icanon|icrnl)$' | tr '\\n' ' '; echo")
    screen = tmux.wait_for(lambda s: "icanon" in s and s.rstrip().endswith(PROMPT.strip()),
                           f"stty output ({label})")
    modes = screen.split()
    results.check(f"{label}: tty echo and line mode back",
                  all(m in modes for m in ["echo", "icanon", "icrnl"]), " ".join(modes[:6]))


def first_farming_course():
    """The first course of 农业实用技术 as the catalog files say (file order)."""
    with open(os.path.join(REPO, "data", "courses", "farming.toml"), "rb") as file:
        course = tomllib.load(file)["course"][0]
    hours = course["hours"]
    return course["title"], str(int(hours)) if float(hours).is_integer() else str(hours)


def digit_of(lines, title):
    """The number shown beside a list row that contains `title`."""
    for line in lines:
        match = re.match(r"^\s*>?\s*(\d)\s+(.*)$", line)
        if match and title in match.group(2):
            return match.group(1)
    return None


def text_after(screen, label):
    """What follows `label` on the first line that has it, stripped; None if no line has it."""
    line = next((line for line in screen.split("\n") if label in line), None)
    return line.split(label, 1)[1].strip() if line is not None else None


def test_browse_resize_quit(binary, results):
    tmux = Tmux(80, 24)
    try:
        start_ui(tmux, binary)
        expect(tmux, results, "main menu shows 1 课程目录 and 0 返回开始屏幕",
               lambda s: re.search(r"1\s+课程目录", s) and re.search(r"0\s+返回开始屏幕", s))
        expect(tmux, results, "title bar shows the catalog title",
               lambda s: "党员教育培训课程目录" in s.split("\n")[0])

        tmux.type("1")
        screen = tmux.wait_for(lambda s: "农业实用技术" in s, "the categories")
        digit = digit_of(screen.split("\n"), "农业实用技术")
        results.check("categories list 农业实用技术 with a number", digit is not None)

        tmux.type(digit or "6")
        tmux.wait_for(lambda s: "农业实用技术（" in s, "the farming course list")
        hours_form_kind = r"\s(\d+(\.5)?)\s+\S+\s+(必修|选修)\s*$"

        def first_row(screen):
            return next((line for line in screen.split("\n") if re.match(r"^\s*>\s*1\s", line)), "")

        screen = expect(tmux, results, "course list shows item 1 with hours, form and kind",
                        lambda s: re.search(hours_form_kind, first_row(s)) is not None, first_row)
        row = first_row(screen)
        expect(tmux, results, "course list shows a page indicator",
               lambda s: re.search(r"第 1/\d+ 页", s) is not None)
        expect(tmux, results, "course list shows the position 1/N",
               lambda s: re.search(r"\s1/\d+\s*$", s.split("\n")[1]) is not None,
               lambda s: s.split("\n")[1])

        tmux.type("1")
        tmux.wait_for(lambda s: "课程名称：" in s, "the course detail")
        title, hours = first_farming_course()
        expect(tmux, results, "detail shows the course title",
               lambda s: text_after(s, "课程名称：") == title,
               lambda s: f"{text_after(s, '课程名称：')!r} != {title!r}")

        def hours_line(screen):
            return next((line for line in screen.split("\n") if "学　　时：" in line), "")

        expect(tmux, results, "detail shows the course hours",
               lambda s: f"学　　时：{hours} 学时" in hours_line(s), hours_line)
        list_hours = re.search(hours_form_kind, row)
        results.check("list and detail agree on the hours",
                      list_hours is not None and list_hours.group(1) == hours)

        tmux.resize(40, 10)
        expect(tmux, results, "40x10 shows 终端太小，请放大窗口", lambda s: "终端太小，请放大窗口" in s)

        def message_row(screen):
            return next((i for i, l in enumerate(screen.split("\n")) if "终端太小" in l), None)

        expect(tmux, results, "the message is centred vertically",
               lambda s: message_row(s) is not None and 3 <= message_row(s) <= 5,
               lambda s: str(message_row(s)))

        tmux.resize(80, 24)
        tmux.wait_for(lambda s: "课程名称：" in s, "the detail after enlarging")
        expect(tmux, results, "80x24 again shows the course", lambda s: title in s)
        expect(tmux, results, "no too-small message left behind", lambda s: "终端太小" not in s)

        # Each wait is for a screen the one before does not match.
        for expected, unexpected in [("农业实用技术（", "课程名称："), ("农业实用技术", "农业实用技术（"),
                                     ("请按数字键选择", "农业实用技术")]:
            tmux.type("0")
            tmux.wait_for(lambda s, e=expected, u=unexpected: e in s and u not in s, expected)
        quit_from_main_menu(tmux)
        terminal_restored(tmux, results, "quit with 0", 0)
    finally:
        tmux.kill()


def test_signal_exits(binary, results):
    """SIGTERM and a crash signal restore the terminal; a hang-up ends the program."""
    for name, number, status in [("SIGTERM", signal.SIGTERM, 143),
                                 ("SIGSEGV", signal.SIGSEGV, 139)]:
        tmux = Tmux(80, 24)
        try:
            # The Swift runtime's backtracer follows our handler on a crash; keep it out of
            # the way of the exit status.
            start_ui(tmux, binary, env="SWIFT_BACKTRACE=enable=no")
            pid = child_pid(int(tmux.pane("pane_pid")))
            results.check(f"{name}: program found", pid is not None)
            if pid is None:
                continue
            results.check(f"{name}: alternate screen in use", tmux.pane("alternate_on") == "1")
            os.kill(pid, number)
            terminal_restored(tmux, results, name, status)
        finally:
            tmux.kill()

    tmux = Tmux(80, 24)
    try:
        start_ui(tmux, binary)
        pid = child_pid(int(tmux.pane("pane_pid")))
        tmux.kill()  # the terminal goes away: SIGHUP, then end of input
        deadline = time.monotonic() + 1.0
        while pid and alive(pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        results.check("hang-up: the program ends within a second", pid and not alive(pid))
        if pid and alive(pid):
            os.kill(pid, signal.SIGKILL)
    finally:
        tmux.kill()


def test_ascii_fallback(binary, results):
    tmux = Tmux(80, 24)
    try:
        start_ui(tmux, binary, env="LC_ALL=C LANG=C")
        expect(tmux, results, "C locale: a one-line notice",
               lambda s: sum("locale is not UTF-8" in line for line in s.split("\n")) == 1,
               lambda s: s)
        expect(tmux, results, "C locale: an ASCII frame", lambda s: "-" * 40 in s and "─" not in s)
        expect(tmux, results, "C locale: digits still shown",
               lambda s: re.search(r"1\s+\?\?", s) is not None)
        quit_from_main_menu(tmux, question=False)
        terminal_restored(tmux, results, "C locale", 0)
    finally:
        tmux.kill()


def run_tests(description, tests):
    """The scripts' common main: --binary, each test(binary, results), the closing line."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--binary", default=os.environ.get("COURSE_MENU_BIN"))
    args = parser.parse_args()
    binary = args.binary or os.path.join(REPO, ".build", "debug", "course-menu")
    binary = os.path.abspath(binary)
    results = Results()
    # Compiled catalogs go to a cache of the run's own, never the user's, and go with it.
    cache = tempfile.mkdtemp(prefix="course-menu-e2e-cache-")
    os.environ["XDG_CACHE_HOME"] = cache
    try:
        if not os.access(binary, os.X_OK):
            results.check("binary exists", False, binary)
        else:
            for test in tests:
                try:
                    test(binary, results)
                except (AssertionError, StopIteration) as error:
                    results.check(test.__name__, False, str(error))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


def main():
    return run_tests(__doc__.split("\n")[0],
                     [test_browse_resize_quit, test_signal_exits, test_ascii_fallback])


if __name__ == "__main__":
    sys.exit(main())
