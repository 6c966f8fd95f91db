#!/usr/bin/env python3
"""End-to-end tests of search and 为我推荐: the real binary in tmux at 80x24.

On the shipped catalog (data/), as a guest: `/` from the main menu, type `lxxn` one key at a
time and see a 理想信念 course with the matched characters underlined, open it with Enter,
come back, edit with Backspace, type Chinese as an input method over SSH sends it (UTF-8
through tmux send-keys), open a result with a digit, leave with Esc, and reach search from
the main-menu item 搜索课程 too. Then with --demo, log in as the village secretary who has no
concentrated training yet and see 为我推荐 put concentrated courses first.

    python3 Tests/e2e/search_e2e.py [--binary PATH]

The binary defaults to $COURSE_MENU_BIN, then .build/debug/course-menu. Prints one line per
check and, last, exactly `N passed, M failed`; exits 1 when anything failed.
"""

import argparse
import os
import re
import shlex
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tui_e2e import REPO, Results, Tmux, digit_of, start_ui, terminal_restored  # noqa: E402

ESC = "\x1b"


def result_rows(screen):
    """The numbered result rows of a list screen: (digit, text after the number)."""
    rows = []
    for line in screen.split("\n"):
        match = re.match(r"^\s*>?\s*([1-9])\s{2}(.*)$", line)
        if match:
            rows.append((match.group(1), match.group(2)))
    return rows


def row_title(text):
    """The title column of a result row: up to the first run of 2+ spaces."""
    return re.split(r"\s{2,}", text.strip())[0].rstrip("…")


def underlined_text(line):
    """The characters of an escape-laden capture line drawn with underline (SGR 4) on."""
    underlined = ""
    on = False
    for part in re.split(r"(\x1b\[[0-9;]*m)", line):
        if part.startswith(ESC):
            codes = part[2:-1].split(";") if part[2:-1] else ["0"]
            for code in codes:
                if code in ("0", ""):
                    on = False
                elif code == "4":
                    on = True
                elif code == "24":
                    on = False
        elif on:
            underlined += part
    return underlined


def wait_rows(tmux, predicate, what):
    return tmux.wait_for(lambda s: predicate(s, result_rows(s)), what)


def test_search(binary, results):
    tmux = Tmux(80, 24)
    try:
        start_ui(tmux, binary)
        tmux.type("/")
        screen = tmux.wait_for(lambda s: "搜索：" in s, "the search screen")
        results.check("/ on the main menu opens 搜索课程", "搜索课程" in screen.split("\n")[1])

        for letter in "lxxn":  # one key at a time, as a member types
            tmux.type(letter)
        screen = wait_rows(tmux, lambda s, rows: "搜索：lxxn" in s and rows, "results for lxxn")
        rows = result_rows(screen)
        results.check("lxxn lists results numbered from 1", rows[0][0] == "1", str(rows[:2]))
        results.check("lxxn finds a 理想信念 course", any("理想信念" in text for _, text in rows),
                      str(rows))
        results.check("the first result has 理想信念 in its title", "理想信念" in row_title(rows[0][1]),
                      rows[0][1])
        styled = tmux.tmux("capture-pane", "-p", "-e", "-t", tmux.target).split("\n")
        first_row = next((line for line in styled if "理想信念" in line and re.search(r">", line)), "")
        results.check("the matched 理想信念 is underlined", underlined_text(first_row) == "理想信念",
                      repr(underlined_text(first_row)))
        results.check("the key line names the search keys",
                      "退格" in screen.split("\n")[-2] or "退格" in screen, screen.split("\n")[-2])

        title = row_title(rows[0][1])
        tmux.enter()
        screen = tmux.wait_for(lambda s: "课程名称：" in s, "the course detail after Enter")
        shown = next(line for line in screen.split("\n") if "课程名称：" in line)
        results.check("Enter opens the top result", title in shown, f"{title!r} not in {shown!r}")

        tmux.type("0")
        screen = tmux.wait_for(lambda s: "搜索：lxxn" in s, "the search again")
        results.check("0 from the course comes back to the search, query kept", True)

        for _ in range(4):
            tmux.tmux("send-keys", "-t", tmux.target, "BSpace")
        screen = tmux.wait_for(lambda s: re.search(r"搜索：\s*$", s, re.M) is not None
                               and "输入课程名称" in s, "the empty search box")
        results.check("Backspace edits the query down to nothing", not result_rows(screen))

        tmux.type("温室")  # UTF-8, as an input method over SSH sends it
        screen = wait_rows(tmux, lambda s, rows: "搜索：温室" in s and rows, "results for 温室")
        rows = result_rows(screen)
        results.check("Chinese typed through the terminal finds 温室 courses",
                      all("温室" in text for _, text in rows[:2]) and len(rows) >= 2, str(rows))
        results.check("results are numbered 1-N on the key line",
                      re.search(r"1-\d 打开", screen) is not None, screen.split("\n")[-2])

        second = row_title(rows[1][1])
        tmux.type("2")
        screen = tmux.wait_for(lambda s: "课程名称：" in s, "the course detail after 2")
        shown = next(line for line in screen.split("\n") if "课程名称：" in line)
        results.check("a digit opens that result", second in shown, f"{second!r} not in {shown!r}")

        tmux.type("0")
        tmux.wait_for(lambda s: "搜索：温室" in s, "the search after 0")
        tmux.tmux("send-keys", "-t", tmux.target, "Escape")
        screen = tmux.wait_for(lambda s: "请按数字键选择" in s, "the main menu after Esc")
        results.check("Esc leaves the search", "搜索：" not in screen)

        digit = digit_of(screen.split("\n"), "搜索课程")
        results.check("the main menu lists 搜索课程", digit is not None)
        tmux.type(digit or "2")
        screen = tmux.wait_for(lambda s: "搜索：" in s, "the search from the menu item")
        tmux.type("wenshi")
        screen = wait_rows(tmux, lambda s, rows: "搜索：wenshi" in s and rows, "results for wenshi")
        results.check("wenshi finds 温室 courses",
                      any("温室" in text for _, text in result_rows(screen)))
        tmux.type("0")  # clears the box
        tmux.wait_for(lambda s: "输入课程名称" in s, "the cleared box")
        tmux.type("0")  # leaves
        tmux.wait_for(lambda s: "请按数字键选择" in s, "the main menu after 0 0")
        tmux.type("0")
        tmux.wait_for(lambda s: "党员登录" in s, "the start screen")
        tmux.type("0")
        terminal_restored(tmux, results, "search: quit with 0", 0)
    finally:
        tmux.kill()


def test_recommendations(binary, results):
    tmux = Tmux(80, 24)
    try:
        tmux.run(f"clear; {shlex.quote(binary)} --catalog {shlex.quote(os.path.join(REPO, 'data'))}"
                 " --demo; echo EXIT=$?")
        tmux.wait_for(lambda s: "1002" in s and "党员登录" in s, "the demo start screen")
        tmux.type("1")
        tmux.wait_for(lambda s: "党员编号：" in s, "the login screen")
        tmux.type("1002")
        tmux.enter()
        tmux.wait_for(lambda s: "PIN 密码：" in s, "the PIN prompt")
        tmux.type("2222")
        tmux.enter()
        screen = tmux.wait_for(lambda s: "为我推荐" in s, "the member's main menu", timeout=20)
        digit = digit_of(screen.split("\n"), "为我推荐")
        results.check("a member's main menu lists 为我推荐", digit is not None)
        tmux.type(digit or "5")
        screen = tmux.wait_for(lambda s: "推荐理由：" in s, "the recommendations")
        rows = result_rows(screen)
        results.check("a secretary without concentrated training sees 集中培训 first",
                      bool(rows) and "集中培训" in rows[0][1] and "补集中培训" in rows[0][1],
                      rows[0][1] if rows else screen)
        reason = next(line for line in screen.split("\n") if "推荐理由：" in line)
        results.check("the highlighted course says why", "还需参加 1 次集中培训" in reason, reason)
        tmux.type("1")
        screen = tmux.wait_for(lambda s: "课程名称：" in s, "the recommended course")
        results.check("a digit opens the recommended course", "集中培训" in screen)
        for expected in ["推荐理由：", "请按数字键选择", "党员登录"]:
            tmux.type("0")
            tmux.wait_for(lambda s, e=expected: e in s and "课程名称：" not in s, expected)
        tmux.type("0")
        terminal_restored(tmux, results, "为我推荐: quit with 0", 0)
    finally:
        tmux.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.environ.get("COURSE_MENU_BIN"))
    args = parser.parse_args()
    binary = args.binary or os.path.join(REPO, ".build", "debug", "course-menu")
    binary = os.path.abspath(binary)
    results = Results()
    if not os.access(binary, os.X_OK):
        results.check("binary exists", False, binary)
    else:
        for test in [test_search, test_recommendations]:
            try:
                test(binary, results)
            except (AssertionError, StopIteration) as error:
                results.check(test.__name__, False, str(error))
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
