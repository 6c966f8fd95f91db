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

import os
import re
import shlex
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tui_e2e import (REPO, Tmux, digit_of, expect, quit_from_start_screen,  # noqa: E402
                     run_tests, start_ui, terminal_restored)

ESC = "\x1b"


def result_rows(screen):
    """The numbered result rows of a list screen: (digit, text after the number)."""
    rows = []
    for line in screen.split("\n"):
        match = re.match(r"^\s*>?\s*([1-9])\s{2}(.*)$", line)
        if match:
            rows.append((match.group(1), match.group(2)))
    return rows


def first_result(screen):
    """(digit, text) of the first result row; two empty strings when there is none."""
    return (result_rows(screen) or [("", "")])[0]


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


def title_line(screen):
    """The detail's line with 课程名称：, or "" when there is none."""
    return next((line for line in screen.split("\n") if "课程名称：" in line), "")


def wait_rows(tmux, predicate, what):
    return tmux.wait_for(lambda s: predicate(s, result_rows(s)), what)


def test_search(binary, results):
    tmux = Tmux(80, 24)
    try:
        start_ui(tmux, binary)
        tmux.type("/")
        tmux.wait_for(lambda s: "搜索：" in s, "the search screen")
        expect(tmux, results, "/ on the main menu opens 搜索课程",
               lambda s: "搜索课程" in s.split("\n")[1])

        for letter in "lxxn":  # one key at a time, as a member types
            tmux.type(letter)
        wait_rows(tmux, lambda s, rows: "搜索：lxxn" in s and rows, "results for lxxn")
        expect(tmux, results, "lxxn lists results numbered from 1",
               lambda s: first_result(s)[0] == "1", lambda s: str(result_rows(s)[:2]))
        expect(tmux, results, "lxxn finds a 理想信念 course",
               lambda s: any("理想信念" in text for _, text in result_rows(s)),
               lambda s: str(result_rows(s)))
        screen = expect(tmux, results, "the first result has 理想信念 in its title",
                        lambda s: "理想信念" in row_title(first_result(s)[1]),
                        lambda s: first_result(s)[1])
        rows = result_rows(screen)

        def first_row(styled):
            return next((line for line in styled.split("\n")
                         if "理想信念" in line and re.search(r">", line)), "")

        expect(tmux, results, "the matched 理想信念 is underlined",
               lambda s: underlined_text(first_row(s)) == "理想信念",
               lambda s: repr(underlined_text(first_row(s))), styled=True)
        expect(tmux, results, "the key line names the search keys",
               lambda s: "退格" in s.split("\n")[-2] or "退格" in s, lambda s: s.split("\n")[-2])

        title = row_title(rows[0][1])
        tmux.enter()
        tmux.wait_for(lambda s: "课程名称：" in s, "the course detail after Enter")
        expect(tmux, results, "Enter opens the top result",
               lambda s: title in title_line(s), lambda s: f"{title!r} not in {title_line(s)!r}")

        tmux.type("0")
        expect(tmux, results, "0 from the course comes back to the search, query kept",
               lambda s: "搜索：lxxn" in s and "课程名称：" not in s)

        for _ in range(4):
            tmux.tmux("send-keys", "-t", tmux.target, "BSpace")
        tmux.wait_for(lambda s: re.search(r"搜索：\s*$", s, re.M) is not None
                      and "输入课程名称" in s, "the empty search box")
        expect(tmux, results, "Backspace edits the query down to nothing",
               lambda s: not result_rows(s))

        tmux.type("温室")  # UTF-8, as an input method over SSH sends it
        wait_rows(tmux, lambda s, rows: "搜索：温室" in s and rows, "results for 温室")
        screen = expect(tmux, results, "Chinese typed through the terminal finds 温室 courses",
                        lambda s: all("温室" in text for _, text in result_rows(s)[:2])
                        and len(result_rows(s)) >= 2, lambda s: str(result_rows(s)))
        rows = result_rows(screen)
        expect(tmux, results, "results are numbered 1-N on the key line",
               lambda s: re.search(r"1-\d 打开", s) is not None, lambda s: s.split("\n")[-2])

        second = row_title(rows[1][1])
        tmux.type("2")
        tmux.wait_for(lambda s: "课程名称：" in s, "the course detail after 2")
        expect(tmux, results, "a digit opens that result",
               lambda s: second in title_line(s), lambda s: f"{second!r} not in {title_line(s)!r}")

        tmux.type("0")
        tmux.wait_for(lambda s: "搜索：温室" in s, "the search after 0")
        tmux.tmux("send-keys", "-t", tmux.target, "Escape")
        tmux.wait_for(lambda s: "请按数字键选择" in s, "the main menu after Esc")
        screen = expect(tmux, results, "Esc leaves the search", lambda s: "搜索：" not in s)

        digit = digit_of(screen.split("\n"), "搜索课程")
        results.check("the main menu lists 搜索课程", digit is not None)
        tmux.type(digit or "2")
        screen = tmux.wait_for(lambda s: "搜索：" in s, "the search from the menu item")
        tmux.type("wenshi")
        wait_rows(tmux, lambda s, rows: "搜索：wenshi" in s and rows, "results for wenshi")
        expect(tmux, results, "wenshi finds 温室 courses",
               lambda s: any("温室" in text for _, text in result_rows(s)))
        tmux.type("0")  # clears the box
        tmux.wait_for(lambda s: "输入课程名称" in s, "the cleared box")
        tmux.type("0")  # leaves
        tmux.wait_for(lambda s: "请按数字键选择" in s, "the main menu after 0 0")
        tmux.type("0")
        tmux.wait_for(lambda s: "党员登录" in s, "the start screen")
        quit_from_start_screen(tmux)
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
        tmux.wait_for(lambda s: "推荐理由：" in s, "the recommendations")

        def first_text(screen):
            rows = result_rows(screen)
            return rows[0][1] if rows else None

        def reason(screen):
            return next((line for line in screen.split("\n") if "推荐理由：" in line), "")

        expect(tmux, results, "a secretary without concentrated training sees 集中培训 first",
               lambda s: first_text(s) is not None and "集中培训" in first_text(s)
               and "补集中培训" in first_text(s), lambda s: first_text(s) or s)
        expect(tmux, results, "the highlighted course says why",
               lambda s: "还需参加 1 次集中培训" in reason(s), reason)
        tmux.type("1")
        tmux.wait_for(lambda s: "课程名称：" in s, "the recommended course")
        expect(tmux, results, "a digit opens the recommended course", lambda s: "集中培训" in s)
        for expected in ["推荐理由：", "请按数字键选择", "党员登录"]:
            tmux.type("0")
            tmux.wait_for(lambda s, e=expected: e in s and "课程名称：" not in s, expected)
        quit_from_start_screen(tmux)
        terminal_restored(tmux, results, "为我推荐: quit with 0", 0)
    finally:
        tmux.kill()


def main():
    return run_tests(__doc__.split("\n")[0], [test_search, test_recommendations])


if __name__ == "__main__":
    sys.exit(main())
