#!/usr/bin/env python3
"""End-to-end tests of self-study that earns hours: the real binary in tmux.

On a database made with `members import` (--db), a member of the demo roster (1005 赵明,
PIN 5555) finds an online course with the search, reads its lessons to page 3, fails a test
(every answer wrong), passes the next (every answer right: the questions and choices are read
off the screen and looked up in data/courses/online.toml, since each attempt draws and shuffles
them anew), and finds the hours in 我的学时 with their origin (网络培训, 网络培训测验 100 分).
After a restart the reader offers to go on from page 3; a third attempt is cut off by a
hang-up (it ends unscored and counts); after another restart the fourth attempt of the day is
refused with the reason. The records are checked with Python's sqlite3 throughout. Last, the
demo (--demo) shows its member part-way through a course's lessons with a failed test.

    python3 Tests/e2e/quiz_e2e.py [--binary PATH]

The binary defaults to $COURSE_MENU_BIN, then .build/debug/course-menu. Prints one line per
check and, last, exactly `N passed, M failed`; exits 1 when anything failed.
"""

import os
import re
import shutil
import signal
import sys
import tempfile
import time
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hours_e2e import Records  # noqa: E402
from records_e2e import (DATA, SLOW, log_in, log_out_and_quit, main_menu_item,  # noqa: E402
                         my_hours_pages, run_ui)
from tui_e2e import Tmux, alive, child_pid, expect, run_tests  # noqa: E402

COURSE = "online-hours-assessment"
SEARCH = "xueshi"  # pinyin of 学时, in the course's title
ROSTER = """id,name,branch,domain,role,joined,floating,pin
1005,赵明,红旗村党支部,private,member,2016-09-01,是,5555
"""


def load_course():
    with open(os.path.join(DATA, "courses", "online.toml"), "rb") as file:
        return next(c for c in tomllib.load(file)["course"] if c["id"] == COURSE)


def plain(text):
    """Text as compared across wrapped lines: without any whitespace."""
    return re.sub(r"\s+", "", text)


def question_on(screen):
    """(number, kind, text, [(digit, choice text)]) of the question shown, or None."""
    lines = screen.split("\n")
    label = next((i for i, line in enumerate(lines)
                  if re.match(r"^\s*第 \d+ 题  (单选题|多选题|判断题)\s*$", line)), None)
    if label is None:
        return None
    number, kind = re.match(r"^\s*第 (\d+) 题  (\S+)", lines[label]).groups()
    row = label + 1
    text = []
    while row < len(lines) and lines[row].strip():
        text.append(lines[row])
        row += 1
    choices = []
    for line in lines[row + 1:]:
        match = re.match(r"^\s*>?\s*(\d)  (?:\[.\] )?(.*)$", line)
        if match:
            choices.append([match.group(1), match.group(2)])
        elif line.strip() and choices:
            choices[-1][1] += line  # a long choice wrapped under its text
        else:
            break
    return int(number), kind, plain("".join(text)), [
        (digit, plain(re.sub(r"^[A-F]\. ", "", choice.strip()))) for digit, choice in choices]


def keys_for(question, course, right):
    """The keys that answer the question shown rightly (or wrongly), and whether Enter must
    follow (a choose-all question)."""
    number, kind, text, shown = question
    found = next((q for q in course["question"] if plain(q["text"]) == text), None)
    if found is None:
        raise AssertionError(f"question {number} not in {COURSE}: {text}")
    if kind == "判断题":
        truth = found["answer"] if right else not found["answer"]
        return ("1" if truth else "2"), False
    by_text = {plain(choice): index for index, choice in enumerate(found["choices"])}
    correct = {"ABCDEF".index(letter) for letter in found["answer"]}
    digits = [digit for digit, choice in shown if (by_text[choice] in correct) == right]
    if not right:
        digits = digits[:1]  # one wrong choice alone is wrong for every kind
    return "".join(digits), kind == "多选题"


def take_test(tmux, course, right):
    """Answers every question of the attempt shown; returns the results screen."""
    for _ in range(20):
        screen = tmux.wait_for(lambda s: question_on(s) or "测验结果：" in s, "a question")
        if "测验结果：" in screen:
            return screen
        question = question_on(screen)
        keys, enter = keys_for(question, course, right)
        tmux.type(keys)
        if enter:
            tmux.enter()
        tmux.wait_for(lambda s, n=question[0]: "测验结果：" in s
                      or (question_on(s) and question_on(s)[0] == n + 1), "the next question",
                      timeout=SLOW)
    raise AssertionError("the test did not end")


def open_course(tmux, title, search=SEARCH):
    """From the member's main menu: the search, pinyin from the course's title, its digit."""
    tmux.type("/")
    tmux.type(search)
    listed = title[:14]  # a long title is cut in the list
    screen = tmux.wait_for(lambda s: listed in s and f"搜索：{search}" in s, "the search result")
    digit = next((m.group(1) for line in screen.split("\n")
                  if listed in line and (m := re.match(r"^\s*>?\s*(\d)\s", line))), "1")
    tmux.type(digit)
    tmux.wait_for(lambda s: f"课程名称：{title}" in s, "the course detail")


def start_attempt(tmux):
    tmux.type("3")
    tmux.wait_for(lambda s: "开始测验" in s and "今天已参加" in s, "the test's rules",
                  timeout=SLOW)
    tmux.type("1")


def test_read_fail_pass_and_restart(binary, results):
    course = load_course()
    title = course["title"]
    records = Records(binary, roster_text=ROSTER)
    tmux = Tmux(80, 24)
    args = f"--db {records.db}"
    try:
        run_ui(tmux, binary, args)
        log_in(tmux, "1005", "5555")
        main_menu_item(tmux, "我的学时")
        open_course(tmux, title)
        expect(tmux, results, "the course detail offers 2 学习课件 and 3 参加测验",
               lambda s: "2 学习课件" in s and "3 参加测验" in s
               and "学习进度：还没有学习课件" in s)

        # Read: page 1, then 9 until page 3 (a page longer than the screen scrolls first).
        tmux.type("2")
        expect(tmux, results, "2 opens the lessons at page 1 of 5",
               lambda s: "第 1/5 页" in s and course["lesson"][0]["title"] in s)
        for _ in range(12):
            if "第 3/5 页" in tmux.screen():
                break
            tmux.type("9")
            tmux.settled()
        expect(tmux, results, "9 reads on to page 3", lambda s: "第 3/5 页" in s)
        kept = records.query("SELECT page_index, page_count FROM lesson_progress "
                             "WHERE member_id = '1005' AND course_id = ?", COURSE)
        results.check("the records keep page 3 of 5", kept == [(2, 5)], str(kept))
        tmux.type("0")
        expect(tmux, results, "the detail says where the member is",
               lambda s: "学习进度：上次学到第 3 页（共 5 页）" in s)

        # A test failed: every answer wrong.
        start_attempt(tmux)
        screen = take_test(tmux, course, right=False)
        results.check("every answer wrong: 0 points, not passed, the wrong answers listed",
                      "得分：0 分（5 题答对 0 题），80 分及格：未通过" in screen
                      and "答错的题（5 道）" in screen and "正确答案：" in screen, screen)
        results.check("not passed: two more attempts today",
                      "今天还可以再参加 2 次（每天最多 3 次）" in screen, screen)
        results.check("no credit for a failed test",
                      records.query("SELECT count(*) FROM credit") == [(0,)])

        # The next one passed: every answer right.
        tmux.type("0")
        tmux.wait_for(lambda s: f"课程名称：{title}" in s or "我的状态" in s, "the course")
        start_attempt(tmux)
        screen = take_test(tmux, course, right=True)
        results.check("every answer right: 100 points, passed, the hours credited",
                      "得分：100 分（5 题答对 5 题）" in screen and "通过" in screen
                      and "已计入 1 学时（网络培训" in screen and "全部答对！" in screen, screen)
        credits = records.query("SELECT course_id, form, source, half_hours FROM credit "
                                "WHERE member_id = '1005'")
        results.check("one credit: the course, online, from the test with its score",
                      credits == [(COURSE, "online", "网络培训测验 100 分", 2)], str(credits))

        # 我的学时 lists it with its origin.
        tmux.type("0")
        tmux.wait_for(lambda s: "我的状态" in s, "the course")
        tmux.type("0")
        tmux.wait_for(lambda s: "搜索：" in s, "the search")
        tmux.tmux("send-keys", "-t", tmux.target, "Escape")
        tmux.type(main_menu_item(tmux, "我的学时") or "4")
        text = "\n".join(my_hours_pages(tmux))
        results.check("我的学时 lists the credit: date, 1 学时, the course, 网络培训, its source",
                      re.search(r"\d{4}-\d\d-\d\d\s+1\s+党员教育培训学时制度和考核\s+网络培训\s+"
                                r"网络培训测验 100 分", text) is not None, text)
        tmux.type("0")
        log_out_and_quit(tmux, results, "after passing")

        # A restart: the reader offers to go on at page 3.
        run_ui(tmux, binary, args)
        log_in(tmux, "1005", "5555")
        main_menu_item(tmux, "我的学时")
        open_course(tmux, title)
        tmux.type("2")
        expect(tmux, results, "after a restart, 2 offers to go on from page 3",
               lambda s: "上次学到第 3 页（共 5 页）" in s and "从第 3 页接着学" in s)
        tmux.type("1")
        expect(tmux, results, "1 goes on at page 3", lambda s: "第 3/5 页" in s)
        tmux.type("0")

        # The third attempt: the link drops mid-test. It ends unscored, and it counts.
        tmux.wait_for(lambda s: "我的状态" in s, "the course")
        start_attempt(tmux)
        tmux.wait_for(question_on, "the first question")
        pid = child_pid(int(tmux.pane("pane_pid")))
        results.check("the program found", pid is not None)
        if pid:
            os.kill(pid, signal.SIGHUP)
            deadline = time.monotonic() + 5
            while alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            results.check("a hang-up mid-test ends the program", not alive(pid))
        states = [row[0] for row in records.query(
            "SELECT state FROM quiz_attempt WHERE member_id = '1005' ORDER BY id")]
        results.check("the attempt cut off is recorded as left (abandoned), unscored",
                      states == ["finished", "finished", "abandoned"], str(states))
        tmux.run("clear")

        # Another restart: the fourth attempt of the day is refused, with the reason.
        run_ui(tmux, binary, args)
        log_in(tmux, "1005", "5555")
        main_menu_item(tmux, "我的学时")
        open_course(tmux, title)
        expect(tmux, results, "the detail says today's attempts are used up",
               lambda s: "今天的 3 次已用完" in s)
        start_attempt(tmux)
        expect(tmux, results, "a fourth attempt the same day is refused with the reason",
               lambda s: "今天已经参加了 3 次这门课程的测验（每天最多 3 次），请明天再来。" in s,
               timeout=SLOW)
        results.check("no fourth attempt in the records",
                      records.query("SELECT count(*) FROM quiz_attempt") == [(3,)])
        for _ in range(3):
            tmux.type("0")
            tmux.settled()
        tmux.tmux("send-keys", "-t", tmux.target, "Escape")
        log_out_and_quit(tmux, results, "after the refusal")
    finally:
        tmux.kill()
        records.remove()


def test_demo_member_studies_online(binary, results):
    home = tempfile.mkdtemp(prefix="course-menu-e2e-home-")
    tmux = Tmux(80, 24)
    try:
        run_ui(tmux, binary, "--demo", env=f"HOME={home} XDG_DATA_HOME={home}/data")
        log_in(tmux, "1005", "5555")
        main_menu_item(tmux, "我的学时")
        open_course(tmux, load_course()["title"])
        expect(tmux, results, "demo: 1005 is part-way through the lessons (page 3)",
               lambda s: "学习进度：上次学到第 3 页（共 5 页）" in s)
        tmux.type("2")
        expect(tmux, results, "demo: 2 offers to go on from page 3",
               lambda s: "从第 3 页接着学" in s)
        for key in ["0", "0", "0"]:
            tmux.type(key)
            tmux.settled()
        open_course(tmux, "全国党员教育培训工作规划导读：总体要求和目标任务", search="daodu")
        expect(tmux, results, "demo: 1005 has failed the test of another course once",
               lambda s: "测验情况：本年度参加 1 次，还没有通过" in s)
    finally:
        tmux.kill()
        shutil.rmtree(home, ignore_errors=True)


def main():
    return run_tests(__doc__.split("\n")[0],
                     [test_read_fail_pass_and_restart, test_demo_member_studies_online])


if __name__ == "__main__":
    sys.exit(main())
