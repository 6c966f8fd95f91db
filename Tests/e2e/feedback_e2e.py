#!/usr/bin/env python3
"""End-to-end test of 评学 and 需求调研: the real binary, its commands and tmux.

On a database made with `members import` and `credit` (--db) over the shipped catalog (which
has evaluation.toml and survey.toml):
1. Five members are credited 红色教育基地现场教学 (onsite, rated). Each logs in at 80x24 and is
   asked, before the main menu, to rate it: three questions answered by digits, thanks, then
   the year's survey — the first member answers it (two topics, a form, a season), the others
   skip it with 0.
2. After four ratings `report ratings` hides the course (fewer than 5); after the fifth it
   shows it with 5 ratings and the averages of the answers given (worked out below).
3. The first member logs in again and lands on the main menu: nothing is asked twice.
4. The answers' tables hold no member id (their columns are read from the database), and
   `report demand` counts one survey answered and four skipped.

    python3 Tests/e2e/feedback_e2e.py [--binary PATH]

Prints one line per check and, last, exactly `N passed, M failed`; exits 1 when anything
failed.
"""

import csv
import io
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hours_e2e import Records  # noqa: E402
from records_e2e import SLOW, log_in, log_out_and_quit, run_ui  # noqa: E402
from tui_e2e import Tmux, expect, heading_of, run_tests  # noqa: E402

COURSE = "ideals-red-base"
TITLE = "红色教育基地现场教学：革命历史与党性教育"
DAY = "2026-04-03"
ROSTER = """id,name,branch,domain,role,joined,floating,pin
7001,评学甲,测试村党支部,rural,member,2012-07-01,否,1111
7002,评学乙,测试村党支部,rural,member,2013-07-01,否,2222
7003,评学丙,测试村党支部,rural,member,2014-07-01,否,3333
7004,评学丁,实验小学党支部,school,member,2015-07-01,否,4444
7005,评学戊,实验小学党支部,school,member,2016-07-01,否,5555
"""
# Answers to 有用 / 联系实际 / 生动好懂, each 1-5.
ANSWERS = {"7001": "545", "7002": "443", "7003": "554", "7004": "344", "7005": "434"}
# Averages over the five: 有用 (5+4+5+3+4)/5 = 4.20; 联系实际 (4+4+5+4+3)/5 = 4.00;
# 生动好懂 (5+3+4+4+4)/5 = 4.00.
AVERAGES = ["4.20", "4.00", "4.00"]


def csv_rows(text):
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def rate_at_login(tmux, records, results, member, pin, survey):
    """Logs `member` in, answers the rating and, with `survey`, the survey; else skips it."""
    run_ui(tmux, records.binary, f"--db {records.db}")
    log_in(tmux, member, pin)
    screen = expect(tmux, results, f"{member}: asked at login to rate the course credited",
                    lambda s: heading_of(s).startswith("课程评价") and TITLE in s
                    and "1  没用" in s and "0  跳过这门课" in s, lambda s: s, timeout=SLOW)
    for number, digit in enumerate(ANSWERS[member]):
        tmux.wait_for(lambda s: f"第 {number + 1}/3 题" in s, f"question {number + 1}")
        tmux.type(digit)
    screen = expect(tmux, results, f"{member}: thanked, then the year's survey",
                    lambda s: f"谢谢您对“{TITLE}”的评价" in s and heading_of(s).startswith("需求调研")
                    and "最多选 3 项" in s, lambda s: s, timeout=SLOW)
    if survey:
        tmux.type("1")
        tmux.type("3")
        screen = tmux.wait_for(lambda s: "已选 2 项" in s, "two topics marked")
        done = re.search(r"(\d)  选好了，下一步", screen)
        tmux.type(done.group(1) if done else "9")
        screen = tmux.wait_for(lambda s: "您喜欢哪种学习形式" in s, "the form step")
        tmux.type("3")  # the third form listed
        tmux.wait_for(lambda s: "您希望什么时候参加培训" in s, "the season step")
        tmux.type("2")  # 冬训
        expect(tmux, results, f"{member}: the survey is answered, then the main menu",
               lambda s: "谢谢您参加需求调研" in s and heading_of(s).startswith("主菜单"),
               lambda s: s, timeout=SLOW)
    else:
        tmux.type("0")
        expect(tmux, results, f"{member}: 0 skips the survey; the main menu still offers it",
               lambda s: heading_of(s).startswith("主菜单") and "需求调研（想学什么）" in s,
               lambda s: s, timeout=SLOW)
    log_out_and_quit(tmux, results, f"{member}: logged out")


def ratings_report(records):
    result = records.run("report", "ratings", "--format", "csv", check=True)
    return csv_rows(result.stdout)


def test_ratings(binary, results):
    records = Records(binary, roster_text=ROSTER)
    tmux = Tmux(80, 24)
    try:
        records.run("credit", COURSE, "--date", DAY, "--members", ",".join(ANSWERS), check=True)
        for member, pin in [("7001", "1111"), ("7002", "2222"), ("7003", "3333"),
                            ("7004", "4444")]:
            rate_at_login(tmux, records, results, member, pin, survey=member == "7001")
        rows = ratings_report(records)
        results.check("after four ratings the course is hidden, and the report says so",
                      not any(COURSE in row for row in rows)
                      and any("1 门" in cell and "5" in cell for row in rows for cell in row),
                      str(rows))
        rate_at_login(tmux, records, results, "7005", "5555", survey=False)
        rows = ratings_report(records)
        course = [row for row in rows if row[:1] == [COURSE]]
        results.check("after five ratings `report ratings` shows it: 5 ratings, the averages",
                      len(course) == 1 and course[0][4] == "5" and course[0][5:8] == AVERAGES,
                      str(course or rows))
        text = records.run("report", "ratings", check=True).stdout
        results.check("the text report shows the same figures",
                      re.search(rf"{COURSE}\s+{TITLE}.*\s5\s+4\.20\s+4\.00\s+4\.00", text)
                      is not None, text)

        # Asked once: the next login goes straight to the main menu.
        run_ui(tmux, binary, f"--db {records.db}")
        log_in(tmux, "7001", "1111")
        expect(tmux, results, "asked once: 7001's next login lands on the main menu",
               lambda s: heading_of(s).startswith("主菜单") and "评学甲（编号 7001" in s
               and "需求调研（今年已填写）" in s, lambda s: s, timeout=SLOW)
        log_out_and_quit(tmux, results, "7001 again")

        tables = {"rating_course", "rating_tally", "survey_tally"}
        columns = {table: [row[1] for row in records.query(f"PRAGMA table_info({table})")]
                   for table in tables}
        results.check("the answers' tables have no member column",
                      all(columns[t] and not any("member" in c for c in columns[t])
                          for t in tables), str(columns))
        asked = records.query("SELECT * FROM rating_prompt ORDER BY member_id")
        results.check("rating_prompt says only who was asked about which course and year",
                      [row[0] for row in asked] == list(ANSWERS)
                      and all(len(row) == 3 for row in asked), str(asked))

        rows = csv_rows(records.run("report", "demand", "--format", "csv", check=True).stdout)
        results.check("report demand: one survey answered, four skipped",
                      ["填写人数", "1"] in rows and ["跳过（尚未填写）人数", "4"] in rows, str(rows[:8]))
    finally:
        tmux.kill()
        records.remove()


if __name__ == "__main__":
    sys.exit(run_tests(__doc__.split("\n")[0], [test_ratings]))
