#!/usr/bin/env python3
"""End-to-end tests of hours as the plan means them: the real binary, its commands and tmux.

On a database made with `members import` and `credit` (--db) over the shipped catalog:
1. Commands: `check` is clean under both rules files; `credit` on a day that is not the first
   day of a session fails (exit 1, the scheduled days listed, a multi-day one as its span) and
   succeeds with `--unscheduled --reason`, the reason kept; `credit --undo` removes exactly the
   named credits and leaves an audit entry (`audit`); an unknown member or a missing credit
   writes nothing; `report` under the Quanzhou rules gives a teacher 24 and a floating member
   16, and a retired member 无适用要求, counted apart; `report --member` lists every year.
2. Screens at 80x24: a secretary with only self-study and a 集体学习 course sees 1.5/56, the
   self-study marked 不计入 and the concentrated training still missing; 1 shows last year,
   2 comes back; a multi-day session shows its span in the course detail; a retired member
   under the Quanzhou rules is told no requirement applies.

    python3 Tests/e2e/hours_e2e.py [--binary PATH]

The binary defaults to $COURSE_MENU_BIN, then .build/debug/course-menu. Prints one line per
check and, last, exactly `N passed, M failed`; exits 1 when anything failed.
"""

import getpass
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from records_e2e import (DATA, SLOW, key_line, log_in, log_out_and_quit,  # noqa: E402
                         main_menu_item, my_hours_pages, run_ui)
from tui_e2e import (Tmux, digit_of, expect, past_feedback, quit_from_start_screen,  # noqa: E402
                     run_tests, terminal_restored)

QUANZHOU = os.path.join(DATA, "rules-quanzhou-2010.toml")
ROSTER = """id,name,branch,domain,role,joined,floating,pin
5001,测试书记,测试村党支部,rural,secretary,2003-06-15,否,2468
5002,测试党员,测试村党支部,rural,member,2012-07-01,否,1357
5003,测试教师,实验小学党支部,school,member,2010-09-01,否,1122
5004,测试流动,测试村党支部,private,member,2016-09-01,是,3344
5005,测试老党员,老干部党支部,retired,member,1975-07-01,否,5566
"""


class Records:
    """A temporary directory with the test database, removed by `remove()`."""

    def __init__(self, binary, roster_text=ROSTER):
        self.binary = binary
        self.directory = tempfile.mkdtemp(prefix="course-menu-e2e-hours-")
        self.db = os.path.join(self.directory, "records.sqlite")
        roster = os.path.join(self.directory, "roster.csv")
        with open(roster, "w", encoding="utf-8") as file:
            file.write(roster_text)
        self.run("members", "import", roster, check=True)

    def run(self, *args, rules=None, check=False):
        command = [self.binary, *args, "--db", self.db]
        if args[0] in ("credit", "report"):
            command += ["--catalog", DATA]
        if rules:
            command += ["--rules", rules]
        return subprocess.run(command, capture_output=True, text=True, check=check)

    def query(self, sql, *params):
        connection = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()

    def counts(self):
        return (self.query("SELECT count(*) FROM credit")[0][0],
                self.query("SELECT count(*) FROM audit")[0][0])

    def remove(self):
        shutil.rmtree(self.directory, ignore_errors=True)


def test_commands(binary, results, records):
    for rules in [None, QUANZHOU]:
        result = subprocess.run([binary, "check", *(["--rules", rules] if rules else []), DATA],
                                capture_output=True, text=True)
        label = os.path.basename(rules) if rules else "rules.toml"
        results.check(f"check ({label}): no errors, no warnings",
                      result.returncode == 0 and "检查完成：0 个错误，0 个警告" in result.stdout,
                      result.stdout[-300:])

    # The secretary: self-study, a 集体学习 course on its day, and last year's hours.
    for course, date in [("disc-constitution-read", "2026-02-01"),
                         ("farm-tech-handbook", "2026-02-02"),
                         ("disc-theme-day", "2026-05-05"), ("farm-remote-tech", "2025-05-01")]:
        records.run("credit", course, "--date", date, "--members", "5001", check=True)

    before = records.counts()
    result = records.run("credit", "ideals-theory", "--date", "2026-03-19", "--members", "5002")
    results.check("credit on a day with no session starting: exit 1, nothing written",
                  result.returncode == 1 and records.counts() == before, result.stderr)
    results.check("credit on a wrong day lists the scheduled days and says how to make up",
                  "2026-03-18" in result.stderr and "2026-09-16" in result.stderr
                  and "--unscheduled --reason" in result.stderr, result.stderr)
    result = records.run("credit", "ideals-new-member", "--date", "2026-05-13", "--members",
                         "5002")
    results.check("a multi-day session is named by its span, its second day refused",
                  result.returncode == 1 and "2026-05-12 至 05-14" in result.stderr, result.stderr)
    result = records.run("credit", "ideals-theory", "--date", "2026-03-19", "--members", "5002",
                         "--unscheduled", "--reason", "生病缺席，补学")
    rows = records.query("SELECT source, reason FROM credit WHERE member_id = '5002'")
    results.check("--unscheduled --reason credits the make-up with its reason",
                  result.returncode == 0 and rows == [("补学登记 2026-03-19", "生病缺席，补学")],
                  f"{result.stdout}{result.stderr} {rows}")
    result = records.run("credit", "ideals-theory", "--date", "2026-03-19", "--members", "5003",
                         "--unscheduled")
    results.check("--unscheduled without --reason is a usage error",
                  result.returncode != 0 and "--reason" in result.stderr, result.stderr)

    # Undo: exactly the named credits go, with an audit entry.
    records.run("credit", "ideals-theory", "--date", "2026-03-18", "--members", "5003,5004",
                check=True)
    records.run("credit", "service-retired", "--date", "2026-10-16", "--members", "5005",
                check=True)
    before = records.counts()
    result = records.run("credit", "--undo", "ideals-theory", "--date", "2026-03-18",
                         "--members", "5003,5005", "--reason", "登记错了")
    results.check("--undo of a credit that does not exist: exit 1, nothing removed or audited",
                  result.returncode == 1 and records.counts() == before
                  and "5005" in result.stderr, result.stderr)
    result = records.run("credit", "--undo", "ideals-theory", "--date", "2026-03-18",
                         "--members", "5003,9999", "--reason", "登记错了")
    results.check("--undo naming an unknown member: exit 1, nothing removed or audited",
                  result.returncode == 1 and records.counts() == before
                  and "9999" in result.stderr, result.stderr)
    result = records.run("credit", "--undo", "ideals-theory", "--date", "2026-03-18",
                         "--members", "5003", "--reason", "登记错了：未参加")
    left = records.query("SELECT member_id FROM credit WHERE course_id = 'ideals-theory' "
                         "AND date = '2026-03-18' ORDER BY member_id")
    results.check("--undo removes exactly the named credit",
                  result.returncode == 0 and left == [("5004",)]
                  and records.counts()[0] == before[0] - 1, f"{result.stderr} {left}")
    audit = records.run("audit")
    user = getpass.getuser()
    line = next((l for l in audit.stdout.split("\n") if "撤销学时" in l), "")
    results.check("audit lists the removal: who, the member, the reason and what was removed",
                  user in line and "5003 测试教师" in line and "登记错了：未参加" in line
                  and "ideals-theory" in line and "2026-03-18 3 学时 集中培训" in line
                  and "考勤登记 2026-03-18" in line, audit.stdout + audit.stderr)
    results.check("audit lists the make-up with its reason",
                  re.search(r"补学登记\s+5002 测试党员\s+生病缺席，补学", audit.stdout) is not None,
                  audit.stdout)
    only = records.run("audit", "--member", "5004")
    results.check("audit --member shows only that member's entries",
                  only.returncode == 0 and only.stdout.strip() == "没有审计记录", only.stdout)
    later = records.run("audit", "--since", "2999-01-01")
    results.check("audit --since a later day shows none", later.stdout.strip() == "没有审计记录",
                  later.stdout)

    # Reports: seed 002's targets; no requirement is its own status, counted apart.
    report = records.run("report", rules=QUANZHOU)

    def row(member):
        return next((l for l in report.stdout.split("\n") if l.startswith(member)), "")

    results.check("Quanzhou: the teacher's target is 事业单位's 24",
                  re.search(r"\s0/24\s", row("5003")) is not None, row("5003"))
    results.check("Quanzhou: the floating member's target is 16",
                  re.search(r"\s3/16\s", row("5004")) is not None, row("5004"))
    results.check("Quanzhou: the retired member is reported as 无适用要求",
                  row("5005").rstrip().endswith("无适用要求"), row("5005"))
    results.check("Quanzhou: the tally counts 无适用要求 apart from 全部达到 and 未达到",
                  "共 5 人：全部达到 0 人，未达到 4 人，无适用要求 1 人" in report.stdout,
                  report.stdout[-200:])
    csv = records.run("report", "--format", "csv", rules=QUANZHOU)
    lines = csv.stdout.lstrip("\ufeff").splitlines()
    header = lines[0].split(",") if lines else []
    retired = next((l for l in lines if l.startswith("5005,")), "").split(",")
    status = header.index("达到情况") if "达到情况" in header else -1
    results.check("Quanzhou CSV: 无适用要求 in the status column",
                  status >= 0 and len(retired) > status and retired[status] == "无适用要求",
                  f"{header} {retired}")

    archive = records.run("report", "--member", "5001")
    text = archive.stdout
    results.check("report --member: every year of the record",
                  re.search(r"^2025 年度（2025-01-01 至 2025-12-31）：已记 1.5 学时", text, re.M)
                  and re.search(r"^2026 年度（2026-01-01 至 2026-12-31）：已记 6.5 学时，"
                                r"计入 1.5/56 学时 —— 未达到", text, re.M), text)
    results.check("report --member: each credit with its source, self-study marked 不计入",
                  re.search(r"2025-05-01\s+1.5\s+远教课堂.*远程教育\s+考勤登记 2025-05-01", text)
                  and re.search(r"2026-02-01\s+4\s+党章原文逐章自学\s+自学\s+考勤登记 2026-02-01"
                                r"\s+不计入", text), text)
    results.check("report --member: the requirements met or not, the concentrated one missing",
                  "✗ 未达到  基层党组织书记和班子成员年度集中学习培训：还需 54.5 学时（不计自学），"
                  "还需参加 1 次集中培训" in text, text)
    made_up = records.run("report", "--member", "5002").stdout
    results.check("report --member: a make-up shows its reason",
                  re.search(r"补学登记 2026-03-19\s+补学：生病缺席，补学", made_up) is not None, made_up)


def logged_in(tmux, results, binary, records, member, pin, progress, rules=None):
    """The program on the test database, logged in as `member`: the main menu's line of
    hours must read `progress`."""
    args = f"--db {shlex.quote(records.db)}" + (f" --rules {shlex.quote(rules)}" if rules else "")
    run_ui(tmux, binary, args)
    log_in(tmux, member, pin)
    past_feedback(tmux, SLOW)
    expect(tmux, results, f"{member}: the main menu says {progress}",
           lambda s: progress in s, timeout=SLOW)


def test_secretary_screens(binary, results, records):
    tmux = Tmux(80, 24)
    try:
        # Self-study does not count: 1.5 of 56.
        logged_in(tmux, results, binary, records, "5001", "2468",
                  "2026 年度已计 1.5/56 学时，还需 54.5 学时。")
        tmux.type(main_menu_item(tmux, "我的学时") or "4")
        text = "\n".join(my_hours_pages(tmux))
        results.check("我的学时: self-study listed as 不计入",
                      re.search(r"自学（不计入）\s+5 学时", text) is not None
                      and "自学 5 学时不计入" in text, text)
        results.check("我的学时: the 集体学习 course counts hours but is no 集中培训",
                      re.search(r"集体学习\s+1.5 学时", text) is not None
                      and "还需参加 1 次集中培训" in text and "已参加 0 次" in text, text)
        screen = tmux.screen()
        results.check("我的学时: the key line offers 1 上一年度",
                      "1 上一年度" in key_line(screen), key_line(screen))
        tmux.type("1")
        screen = tmux.wait_for(lambda s: "我的学时（2025 年度）" in s, "last year")
        last_year = "\n".join(my_hours_pages(tmux))
        results.check("1 shows last year's credit",
                      re.search(r"2025-05-01\s+1.5\s+远教课堂", last_year) is not None, last_year)
        results.check("历年记录 lists both years, last year marked",
                      re.search(r">\s+2025 年度\s+已计 1.5/56 学时\s+未达到", last_year)
                      and re.search(r"2026 年度\s+已计 1.5/56 学时\s+未达到", last_year), last_year)
        results.check("last year: the key line offers 2 下一年度",
                      "2 下一年度" in key_line(screen) and "1 上一年度" not in key_line(screen),
                      key_line(screen))
        tmux.type("1")
        expect(tmux, results, "1 again: no earlier year, said in words",
               lambda s: "没有更早年度的学时记录" in s)
        tmux.type("2")
        expect(tmux, results, "2 comes back to this year", lambda s: "我的学时（2026 年度）" in s)

        # The three-day class for new members: its sessions as spans.
        tmux.type("0")
        tmux.type(main_menu_item(tmux, "课程目录") or "1")
        screen = tmux.wait_for(lambda s: "理想信念" in s and "课程数" in s, "the categories")
        tmux.type(digit_of(screen.split("\n"), "理想信念") or "1")
        screen = tmux.wait_for(lambda s: "理想信念（" in s, "the ideals courses")
        for _ in range(3):
            if digit_of(screen.split("\n"), "新党员入党后一年内集中培训班"):
                break
            tmux.type("9")
            screen = tmux.wait_for(lambda s, before=screen: s != before, "the next page")
        tmux.type(digit_of(screen.split("\n"), "新党员入党后一年内集中培训班") or "6")
        tmux.wait_for(lambda s: "课程名称：新党员" in s, "the course detail")
        for _ in range(4):
            if "培训安排：" in tmux.screen() and "11-12" in tmux.screen():
                break
            tmux.type("9")
            tmux.settled()
        expect(tmux, results, "a multi-day session shows its span in the course detail",
               lambda s: re.search(r"2026-05-12 至 05-14\s+08:30-17:30\s+乡镇党校", s)
               and "2026-11-10 至 11-12" in s)
        for _ in range(4):
            tmux.type("0")
        tmux.wait_for(lambda s: "党员登录" in s and "党员：" not in s, "logged out")
        quit_from_start_screen(tmux)
        terminal_restored(tmux, results, "secretary", 0)
    finally:
        tmux.kill()


def test_no_requirement_screen(binary, results, records):
    tmux = Tmux(80, 24)
    try:
        # Quanzhou, a retired member: no requirement applies, said so.
        logged_in(tmux, results, binary, records, "5005", "5566",
                  "2026 年度已计 2 学时，本年度没有适用的学时要求。", rules=QUANZHOU)
        tmux.type(main_menu_item(tmux, "我的学时") or "4")
        expect(tmux, results, "Quanzhou, retired: 我的学时 says 本年度没有适用的学时要求",
               lambda s: "本年度没有适用的学时要求" in s and "已计 2 学时（无适用要求）" in s
               and "█" not in s)
        tmux.type("0")
        log_out_and_quit(tmux, results, "retired")
    finally:
        tmux.kill()


def main():
    state = {}

    def records(binary):
        if "records" not in state:
            state["records"] = Records(binary)
        return state["records"]

    def commands(binary, results):
        test_commands(binary, results, records(binary))

    def secretary_screens(binary, results):
        test_secretary_screens(binary, results, records(binary))

    def no_requirement_screen(binary, results):
        test_no_requirement_screen(binary, results, records(binary))

    try:
        return run_tests(__doc__.split("\n")[0],
                         [commands, secretary_screens, no_requirement_screen])
    finally:
        if "records" in state:
            state["records"].remove()


if __name__ == "__main__":
    sys.exit(main())
