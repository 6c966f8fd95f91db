#!/usr/bin/env python3
"""End-to-end tests of the member screens on the records: the real binary in tmux at 80x24.

1. `course-menu --demo`: log in as demo member 1001, check 我的学时 adds up (the progress line,
   the total and every credit line agree), select an elective from the catalog, see it under
   我的选课, log out; the demo database is deleted at exit and the real one never touched.
2. A database made with `members import` and `credit` (--db): log in, and 我的学时 shows exactly
   the hours credited — target, what is missing, by category, by form, each credit with its
   date and source.
3. Wrong PINs spread over two program runs on the same database (one with --db, one with
   COURSE_MENU_DB): two are free, the third costs a wait that even the right PIN must keep, a
   number nobody has gets the same answer, and `members list` shows the count and the wait.

    python3 Tests/e2e/records_e2e.py [--binary PATH]

The binary defaults to $COURSE_MENU_BIN, then .build/debug/course-menu. Prints one line per
check and, last, exactly `N passed, M failed`; exits 1 when anything failed.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tui_e2e import (REPO, Results, Tmux, child_pid, digit_of, expect, past_feedback,  # noqa: E402
                     quit_from_start_screen, terminal_restored)

DATA = os.path.join(REPO, "data")
FORMS = {"concentrated": "集中培训", "group": "集体学习", "remote": "远程教育", "onsite": "现场教学",
         "mobile": "流动课堂", "online": "网络培训", "selfstudy": "自学"}
FORM_LABELS = "|".join(FORMS.values())
SLOW = 20.0  # PIN checks are slow on purpose (PBKDF2), and debug builds are slower still.


def hours_text(value):
    """StudyHours as the program prints it: 4, 1.5."""
    value = float(value)
    return str(int(value)) if value.is_integer() else str(value)


def load_catalog():
    with open(os.path.join(DATA, "catalog.toml"), "rb") as file:
        catalog = tomllib.load(file)
    courses = []
    for name in sorted(os.listdir(os.path.join(DATA, "courses"))):
        if name.endswith(".toml"):
            with open(os.path.join(DATA, "courses", name), "rb") as file:
                document = tomllib.load(file)
            for course in document.get("course", []):
                course.setdefault("category", document.get("category"))
                courses.append(course)
    with open(os.path.join(DATA, "rules.toml"), "rb") as file:
        rules = tomllib.load(file)
    return catalog, courses, rules


def run_ui(tmux, binary, args, env=""):
    tmux.run(f"clear; {env} {shlex.quote(binary)} --catalog {shlex.quote(DATA)} {args}"
             "; echo EXIT=$?")
    return tmux.wait_for(lambda s: "党员登录" in s, "the start screen", timeout=SLOW)


def log_in(tmux, number, pin, digit="1", prompt="请输入党员编号"):
    """From the start screen: `digit`, the number, Enter, the PIN, Enter."""
    tmux.type(digit)
    tmux.wait_for(lambda s: prompt in s, "the login screen")
    tmux.type(number)
    tmux.enter()
    tmux.wait_for(lambda s: "请输入 PIN" in s, "the PIN prompt")
    tmux.type(pin)
    tmux.wait_for(lambda s: "*" * len(pin) + "_" in s, "the masked PIN")
    tmux.enter()


def main_menu_item(tmux, title):
    past_feedback(tmux, SLOW)
    screen = tmux.wait_for(lambda s: "退出登录" in s and title in s, f"the main menu ({title})")
    return digit_of(screen.split("\n"), title)


def my_hours_pages(tmux):
    """Every line of 我的学时 once, paging with 9 until the last line is shown."""
    lines = []
    while True:
        screen = tmux.wait_for(lambda s: "我的学时（" in s, "我的学时")
        rows = screen.split("\n")
        body = rows[3:3 + 19]  # the body of an 80x24 frame
        match = re.search(r"第 (\d+)-(\d+) 行，共 (\d+) 行", rows[1])
        if not match:
            return lines + body
        first, last, count = (int(group) for group in match.groups())
        # Lines first..last are shown; keep those not seen on the page before.
        lines += body[len(lines) - (first - 1):last - first + 1]
        if last == count:
            return lines
        tmux.type("9")
        tmux.wait_for(lambda s, shown=last: re.search(rf"第 \d+-(?!{shown} )\d+ 行", s),
                      "the next page")


def log_out_and_quit(tmux, results, label):
    """From a member's main menu: 0 logs out to the start screen, where 0 asks and 1 quits;
    then the terminal must be as it was."""
    main_menu_item(tmux, "我的学时")
    tmux.type("0")
    tmux.wait_for(lambda s: "党员登录" in s and "党员：" not in s, "logged out")
    quit_from_start_screen(tmux)
    terminal_restored(tmux, results, label, 0)


def key_line(screen):
    """The bottom line with the keys."""
    return [line for line in screen.split("\n") if line.strip()][-1]


def credit_rows(lines):
    """(date, hours, form, source) of each credit line of 我的学时, once each."""
    rows = []
    for line in lines:
        match = re.match(rf"^\s+(\d{{4}}-\d\d-\d\d)\s+(\d+(?:\.5)?)\s+.*?\s({FORM_LABELS})"
                         r"\s+(\S.*?)\s*$", line)
        if match and match.groups() not in rows:
            rows.append(match.groups())
    return rows


def test_demo_member(binary, results):
    home = tempfile.mkdtemp(prefix="course-menu-e2e-home-")
    real_db = os.path.join(home, "real.sqlite")
    tmux = Tmux(80, 24)
    try:
        env = (f"HOME={shlex.quote(home)} XDG_DATA_HOME={shlex.quote(home)}/data "
               f"COURSE_MENU_DB={shlex.quote(real_db)}")
        run_ui(tmux, binary, "--demo", env=env)
        expect(tmux, results, "demo: start screen lists member 1001 with PIN 1111",
               lambda s: re.search(r"1001\s+1111\s+王建国", s) is not None)
        pid = child_pid(int(tmux.pane("pane_pid")))
        demo_files = []
        if pid:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                target = os.path.realpath(f"/proc/{pid}/fd/{fd}")
                if target.endswith("records.sqlite") or "course-menu-demo" in target:
                    demo_files.append(target)
        demo_dirs = {os.path.dirname(f) for f in demo_files if "course-menu-demo" in f}
        results.check("demo: a temporary database is open", len(demo_dirs) == 1, str(demo_files))

        log_in(tmux, "1001", "1111")
        tmux.wait_for(lambda s: "王建国（编号 1001" in s, "the member's main menu", timeout=SLOW)
        expect(tmux, results, "demo: title bar names the member",
               lambda s: "党员：王建国" in s.split("\n")[0])
        progress_line = r"(\d{4}) 年度已计 (\d+(?:\.5)?)/(\d+) 学时"
        screen = expect(tmux, results, "demo: main menu shows hours against the target",
                        lambda s: re.search(progress_line, s) is not None)
        progress = re.search(progress_line, screen)
        counted, target = (progress.group(2), progress.group(3)) if progress else ("?", "?")

        tmux.type(main_menu_item(tmux, "我的学时") or "4")
        lines = my_hours_pages(tmux)
        text = "\n".join(lines)
        results.check("demo: 我的学时 shows the same figures and a bar",
                      re.search(rf"完成情况：\[█+░*\] {re.escape(counted)}/{target} 学时", text)
                      is not None, text[:400])
        total = re.search(r"学时明细（共 (\d+) 条，合计 (\d+(?:\.5)?) 学时）", text)
        rows = credit_rows(lines)
        results.check("demo: every credit line is listed", total is not None
                      and int(total.group(1)) == len(rows), f"{total and total.group(0)} {len(rows)}")
        summed = sum(float(row[1]) for row in rows)
        # Self-study is listed but does not count toward the target (不计入).
        uncounted = sum(float(row[1]) for row in rows if row[2] == "自学")
        results.check("demo: credit lines add up to the total, self-study apart",
                      total is not None and hours_text(summed) == total.group(2)
                      and hours_text(summed - uncounted) == counted,
                      f"{summed} {uncounted} {total and total.group(2)} {counted}")
        results.check("demo: each credit has a date and its source",
                      rows and all(row[3] == "演示数据" for row in rows))
        missing = float(target) - float(counted)
        results.check("demo: the unmet requirement says what is missing",
                      f"未达到  党员年度集中学习培训：还需 {hours_text(missing)} 学时" in text)
        by_form = sum(float(h) for h in re.findall(
            rf"(?:{FORM_LABELS})\s+(\d+(?:\.5)?) 学时(?!不计入)", text))
        results.check("demo: hours by form add up to those counted",
                      hours_text(by_form) == counted, hours_text(by_form))

        # Select an elective from 农业实用技术 that is not selected yet.
        tmux.type("0")
        tmux.type(main_menu_item(tmux, "课程目录") or "1")
        screen = tmux.wait_for(lambda s: "农业实用技术" in s and "课程数" in s, "the categories")
        tmux.type(digit_of(screen.split("\n"), "农业实用技术") or "6")
        tmux.wait_for(lambda s: "农业实用技术（" in s, "the farming courses")

        def unselected_elective(screen):
            return next((line for line in screen.split("\n")
                         if re.match(r"^\s*>?\s*\d\s{2}\s\s", line)
                         and line.rstrip().endswith("选修")), None)

        screen = expect(tmux, results, "demo: an unselected elective is listed without marks",
                        lambda s: unselected_elective(s) is not None)
        row = unselected_elective(screen)
        digit = re.match(r"^\s*>?\s*(\d)", row).group(1) if row else "2"
        title = re.split(r"\s{2,}", row.strip().lstrip(">").strip())[1] if row else ""
        tmux.type(digit)
        tmux.wait_for(lambda s: "我的状态：" in s, "the course detail")
        expect(tmux, results, "demo: detail says 未选学 and offers 1 选学",
               lambda s: "我的状态：未选学" in s and "1 选学" in key_line(s))
        tmux.type("1")
        tmux.wait_for(lambda s: "确认选学" in s, "the confirmation")
        expect(tmux, results, "demo: 选学 asks for confirmation", lambda s: "1  确定选学" in s)
        tmux.type("1")
        tmux.wait_for(lambda s: "我的状态：✓ 已选学" in s, "the selection", timeout=SLOW)
        expect(tmux, results, "demo: the selection is confirmed in words",
               lambda s: f"已选学“{title}”" in s, lambda s: title)
        expect(tmux, results, "demo: the key line now offers 退选",
               lambda s: "1 退选" in key_line(s))

        for _ in range(3):
            tmux.type("0")
        tmux.type(main_menu_item(tmux, "我的选课") or "3")
        tmux.wait_for(lambda s: "我的选课（" in s and "最近安排" in s, "我的选课")
        expect(tmux, results, "demo: 我的选课 lists the new selection with ✓",
               lambda s: re.search(rf"✓.\s+{re.escape(title[:8])}", s) is not None,
               lambda s: title)
        expect(tmux, results, "demo: 我的选课 counts four courses", lambda s: "我的选课（4 门）" in s)

        tmux.type("0")
        main_menu_item(tmux, "我的学时")
        tmux.type("0")
        expect(tmux, results, "demo: 0 on the main menu logs out to the start screen",
               lambda s: "党员登录" in s and "党员：" not in s)
        quit_from_start_screen(tmux)
        terminal_restored(tmux, results, "demo", 0)
        results.check("demo: the temporary database is deleted at exit",
                      demo_dirs and not any(os.path.exists(d) for d in demo_dirs), str(demo_dirs))
        results.check("demo: the real database is never touched",
                      not os.path.exists(real_db) and not os.path.exists(os.path.join(home, "data")))
    finally:
        tmux.kill()
        subprocess.run(["rm", "-rf", home])


def make_database(binary, directory, catalog, courses):
    """Two members with PINs, and two credits for the first; returns what was credited."""
    database = os.path.join(directory, "records.sqlite")
    roster = os.path.join(directory, "roster.csv")
    with open(roster, "w", encoding="utf-8") as file:
        file.write("id,name,branch,domain,role,joined,pin\n"
                   "3001,测试党员甲,测试村党支部,rural,member,2015-07-01,2468\n"
                   "3002,测试党员乙,测试村党支部,rural,member,2016-07-01,1357\n")
    subprocess.run([binary, "members", "import", roster, "--db", database],
                   check=True, capture_output=True)
    onsite = next(c for c in courses if c["category"] == "farming" and c["kind"] == "elective"
                  and c["form"] == "onsite")
    remote = next(c for c in courses if c["category"] == "ideals" and c["form"] == "remote")
    year = catalog["catalog"]["year"]

    def attendance_day(course, fallback):
        """A course with sessions is credited on the first day of one of them."""
        sessions = course.get("session", [])
        return sessions[0]["date"].isoformat() if sessions else fallback

    credited = [(onsite, attendance_day(onsite, f"{year}-03-05")),
                (remote, attendance_day(remote, f"{year}-04-10"))]
    for course, date in credited:
        subprocess.run([binary, "credit", course["id"], "--date", date, "--members", "3001",
                        "--db", database, "--catalog", DATA], check=True, capture_output=True)
    return database, credited


def test_exact_hours(binary, database, credited, catalog, rules, results):
    tmux = Tmux(80, 24)
    try:
        run_ui(tmux, binary, f"--db {shlex.quote(database)}")
        log_in(tmux, "3001", "2468")
        tmux.type(main_menu_item(tmux, "我的学时") or "4")
        text = "\n".join(my_hours_pages(tmux))
        total = sum(float(course["hours"]) for course, _ in credited)
        target = max(r.get("min_hours", 0) for r in rules["requirement"]
                     if not r.get("roles") or "member" in r["roles"])
        percent = int(total * 100 // target)
        results.check("hours: credited/target and percent",
                      f"{hours_text(total)}/{hours_text(target)} 学时（{percent}%）" in text, text[:300])
        results.check("hours: what is missing, in words",
                      f"还需 {hours_text(target - total)} 学时" in text)
        titles = {c["id"]: c["title"] for c in catalog["category"]}
        for course, date in credited:
            category = titles[course["category"]]
            results.check(f"hours: by category {category}",
                          re.search(rf"{category}\s+{hours_text(course['hours'])} 学时", text)
                          is not None)
            results.check(f"hours: by form {FORMS[course['form']]}",
                          re.search(rf"{FORMS[course['form']]}\s+{hours_text(course['hours'])} 学时",
                                    text) is not None)
            results.check(f"hours: credit of {date} with hours, form and source",
                          re.search(rf"{date}\s+{hours_text(course['hours'])}\s.*"
                                    rf"{FORMS[course['form']]}\s+考勤登记 {date}", text) is not None)
        results.check("hours: two credit lines, total",
                      f"学时明细（共 2 条，合计 {hours_text(total)} 学时）" in text)
        tmux.type("0")
        log_out_and_quit(tmux, results, "hours")
    finally:
        tmux.kill()


def answer(tmux, what):
    """After a PIN was sent: the settled answer (the check is slow on purpose)."""
    return tmux.wait_for(lambda s: ("不正确" in s or "再试" in s) and "正在核对" not in s, what,
                         timeout=SLOW)


def try_pin(tmux, pin, expected, what):
    """Types a PIN and Enter; waits for the expected answer."""
    tmux.type(pin)
    tmux.enter()
    return tmux.wait_for(lambda s: expected in s and "正在核对" not in s, what, timeout=SLOW)


def leave_login(tmux):
    """Esc back to the start screen, and 0 and 1 to quit."""
    tmux.tmux("send-keys", "-t", tmux.target, "Escape")
    tmux.wait_for(lambda s: "党员登录（" in s, "the start screen")
    quit_from_start_screen(tmux)


def test_throttle_two_sessions(binary, database, results):
    """Wrong PINs cost a wait, not a lockout, counted across two runs on one database; a number
    nobody has gets the very same answer as a wrong PIN."""
    # First run, with --db: a number nobody has, then two wrong PINs for 3002.
    tmux = Tmux(80, 24)
    try:
        run_ui(tmux, binary, f"--db {shlex.quote(database)}")
        log_in(tmux, "9999", "0000")
        unknown = answer(tmux, "the answer for a number nobody has")
        tmux.tmux("send-keys", "-t", tmux.target, "Escape")
        tmux.wait_for(lambda s: "党员登录（" in s, "the start screen")
        log_in(tmux, "3002", "0000")
        wrong = answer(tmux, "the first answer")
        said = "编号或 PIN 不正确。请重新输入 PIN；编号输错了，先按退格键删掉 PIN 再改编号。再输错 2 次以后"
        results.check("throttle: a wrong PIN says only 编号或 PIN 不正确, with the attempts left",
                      said in wrong.replace("\n ", ""), wrong)
        message = [line for line in unknown.split("\n") if "编号或" in line or "以后" in line]
        results.check("throttle: a number nobody has gets the same answer, without the number",
                      said in unknown.replace("\n ", "") and "9999" not in "".join(message),
                      unknown)
        try_pin(tmux, "1111", "输错 1 次以后", "the second answer")
        leave_login(tmux)
        terminal_restored(tmux, results, "throttle, first run", 0)
    finally:
        tmux.kill()
    # Second run, on the same file through COURSE_MENU_DB: the count goes on, the 3rd waits.
    tmux = Tmux(80, 24)
    try:
        run_ui(tmux, binary, "", env=f"COURSE_MENU_DB={shlex.quote(database)}")
        log_in(tmux, "3002", "2222")
        screen = answer(tmux, "the third answer")
        results.check("throttle: the third wrong PIN, in another run, costs a wait of seconds",
                      re.search(r"编号或 PIN 不正确。这个编号输错的次数较多，请 (\d+) 秒后再试。", screen)
                      is not None, screen)
        tmux.type("1357")
        tmux.wait_for(lambda s: "****_" in s, "the masked PIN")
        tmux.enter()
        screen = tmux.wait_for(lambda s: "请" in s and "秒后再试" in s and "正在核对" not in s
                               and "编号或" not in s, "the wait again", timeout=SLOW)
        expect(tmux, results, "throttle: even the right PIN waits, and nobody is locked out",
               lambda s: "这个编号输错的次数较多，请" in s and "退出登录" not in s)
        leave_login(tmux)
        terminal_restored(tmux, results, "throttle, second run", 0)
    finally:
        tmux.kill()
    listing = subprocess.run([binary, "members", "list", "--db", database],
                             capture_output=True, text=True).stdout
    line = next((l for l in listing.split("\n") if l.strip().startswith("3002")), "")
    results.check("throttle: members list shows 3002's wrong PINs and the wait",
                  re.search(r"PIN 连续错误 3 次，\d\d:\d\d 前不能登录", line) is not None, line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.environ.get("COURSE_MENU_BIN"))
    args = parser.parse_args()
    binary = os.path.abspath(args.binary or os.path.join(REPO, ".build", "debug", "course-menu"))
    results = Results()
    if not os.access(binary, os.X_OK):
        results.check("binary exists", False, binary)
    else:
        catalog, courses, rules = load_catalog()
        directory = tempfile.mkdtemp(prefix="course-menu-e2e-records-")
        try:
            database, credited = make_database(binary, directory, catalog, courses)
            tests = [
                lambda: test_demo_member(binary, results),
                lambda: test_exact_hours(binary, database, credited, catalog, rules, results),
                lambda: test_throttle_two_sessions(binary, database, results),
            ]
            for name, test in zip(["demo member", "exact hours", "throttle"], tests):
                try:
                    test()
                except AssertionError as error:
                    results.check(name, False, str(error))
        finally:
            subprocess.run(["rm", "-rf", directory])
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
