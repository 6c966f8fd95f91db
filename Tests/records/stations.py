#!/usr/bin/env python3
"""Multi-process and command-line tests of the station's records: sign-ups, sign-ins, the log.

1. 40 processes (`records-stress signup`) sign 40 members up at the same instant for a session
   with 30 seats: exactly 30 get one, and the database holds exactly 30 sign-ups. On SQLite,
   and on PostgreSQL when COURSE_MENU_TEST_PG is set (see run.py).
3. Hostile data (escape sequences, bidirectional overrides, formulas) in station, administrator,
   member and course names, through every station command that prints: nothing raw.
2. The commands: `stations`, `admins` (PIN from standard input), `signin open` (one at a time
   per station, the credit rules for the day), members signing in as the kiosk does
   (`records-stress signin`), `signin list/remove/cancel/close` (credits once each, through the
   credit path, audited), `signups` and `report stations`, checked against the file with
   Python's sqlite3.

    python3 Tests/records/stations.py --bin .build/debug/course-menu

Prints one line per check and a final `N passed, M failed`; exits 1 if any check failed.
"""

import argparse
import datetime
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import (HOSTILE, RAW, ROOT, Checks, Program, hostile_catalog, integrity,  # noqa: E402
                 new_database, query, write)

SEATS, CANDIDATES = 30, 40


def test_parallel_signups(checks, program, workdir, engine):
    db = new_database(workdir, "signups", engine)
    # One process first creates the file (a session without seats takes nobody), so the 40
    # race only for seats.
    setup = program.run("records-stress", "signup", "--member", "4000", "--capacity", "0", db=db)
    checks.check("signups: setup", setup.stdout.strip() == "full", setup.stdout + setup.stderr)
    start = time.time() + 3.0
    spawned = [program.spawn("records-stress", "signup", "--member", str(4001 + index),
                             "--capacity", str(SEATS), "--start-at", f"{start:.3f}", db=db)
               for index in range(CANDIDATES)]
    answers = []
    for process in spawned:
        out, err = process.communicate(timeout=300)
        answers.append(out.strip() or err.strip())
    taken = answers.count("signed-up")
    checks.check(f"signups ({engine}): {CANDIDATES} processes at once for {SEATS} seats: exactly {SEATS} "
                 f"signed up, {CANDIDATES - SEATS} told it is full",
                 taken == SEATS and answers.count("full") == CANDIDATES - SEATS,
                 f"answers {sorted(set(answers))}: {taken} signed up")
    rows = query(db, "SELECT count(*), count(DISTINCT member_id) FROM signup")
    checks.check(f"signups ({engine}): the database holds exactly {SEATS} sign-ups, one per member",
                 rows == [(SEATS, SEATS)], str(rows))
    checks.check(f"signups ({engine}): the database is intact", integrity(db) == "ok")


def test_station_commands(checks, program, workdir):
    db = os.path.join(workdir, "stations", "records.sqlite")
    today = datetime.date.today().isoformat()
    roster = os.path.join(workdir, "station-roster.csv")
    write(roster, "id,name,branch,domain,role,joined,pin\n"
                  "1001,王建国,红旗村党支部,rural,member,2012-07-01,1111\n"
                  "1002,李秀英,红旗村党支部,rural,secretary,2003-06-15,2222\n"
                  "1003,张伟,红旗村党支部,rural,member,2010-03-01,3333\n")
    result = program.run("members", "import", roster, db=db)
    checks.check("roster imported", result.returncode == 0, result.stderr)

    def run(*args, stdin=None):
        return program.run(*args, db=db, stdin=stdin)

    result = run("stations", "add", "S01", "--name", "红旗村远教站点", "--place", "村党员活动室")
    checks.check("stations add", result.returncode == 0 and "已登记站点 S01" in result.stdout,
                 result.stdout + result.stderr)
    result = run("stations", "add", "站点", "--name", "x")
    checks.check("stations add: an invalid id is a usage error (exit 2)", result.returncode == 2,
                 result.stderr)
    result = run("admins", "add", "9001", "--name", "张站长", "--station", "S01")
    checks.check("admins add", result.returncode == 0 and "admins set-pin 9001" in result.stdout,
                 result.stdout + result.stderr)
    result = run("admins", "add", "9002", "--name", "李干事", "--station", "S09")
    checks.check("admins add: an unknown station is refused (exit 1)",
                 result.returncode == 1 and "S09" in result.stderr, result.stderr)
    result = run("admins", "set-pin", "9001", stdin="246810\n")
    checks.check("admins set-pin: from standard input", result.returncode == 0, result.stderr)
    rows = query(db, "SELECT pin_key IS NOT NULL, length(pin_salt), pin_rounds FROM administrator")
    checks.check("admins set-pin: a salted PBKDF2 hash, never the PIN",
                 rows == [(1, 16, 210000)], str(rows))
    result = run("admins", "list")
    checks.check("admins list", "9001  张站长  S01 红旗村远教站点  已设置" in result.stdout,
                 result.stdout)
    result = run("stations", "list")
    checks.check("stations list names the administrator",
                 "S01   红旗村远教站点  村党员活动室  9001 张站长" in result.stdout, result.stdout)

    # A course with sessions needs the day of one, or --unscheduled for a broadcast.
    result = run("signin", "open", "farm-cooperative", "--station", "S01", "--date", today)
    checks.check("signin open: a course not scheduled today is refused, listing its sessions",
                 result.returncode == 1 and "--unscheduled" in result.stderr
                 and query(db, "SELECT count(*) FROM showing") == [(0,)], result.stderr)
    result = run("signin", "open", "ideals-red-films", "--station", "S01")
    checks.check("signin open: a broadcast (集中收看) today",
                 result.returncode == 0 and "集中收看" in result.stdout, result.stdout + result.stderr)
    result = run("signin", "open", "ideals-core-values", "--station", "S01")
    checks.check("signin open: a second one says which is open (exit 1)",
                 result.returncode == 1 and "红色主旋律影片集中收看" in result.stderr
                 and query(db, "SELECT count(*) FROM showing") == [(1,)], result.stderr)

    def sign_in(member, pin):
        return program.run("records-stress", "signin", "--station", "S01", "--member", member,
                           "--pin", pin, db=db).stdout.strip()

    answers = [sign_in("1001", "1111"), sign_in("1002", "0000"), sign_in("1002", "2222"),
               sign_in("1001", "1111"), sign_in("1003", "3333")]
    checks.check("members sign in; twice is harmless; a wrong PIN signs nobody in",
                 answers == ["signed-in", "refused", "signed-in", "already", "signed-in"],
                 str(answers))
    result = run("signin", "remove", "1003", "--station", "S01", "--reason", "代签")
    checks.check("signin remove: with a reason", result.returncode == 0 and "代签" in result.stdout,
                 result.stdout + result.stderr)
    result = run("signin", "list", "--station", "S01")
    checks.check("signin list: names, and the removed one marked",
                 "已签到 2 人（另除名 1 人）" in result.stdout and "已除名（代签）" in result.stdout,
                 result.stdout)
    result = subprocess_run(program, "signin", "close", "--station", "S01", "--format", "csv",
                            db=db)
    text = result.stdout.decode("utf-8")
    lines = text.lstrip("\ufeff").strip("\r\n").split("\r\n")
    checks.check("signin close --format csv: BOM, header and one row per name",
                 result.stdout.startswith(b"\xef\xbb\xbf") and len(lines) == 4
                 and lines[0] == "序号,编号,姓名,支部,签到时间,状态", text)
    credits = query(db, "SELECT member_id, source, count(*) FROM credit GROUP BY member_id "
                        "ORDER BY member_id")
    checks.check("signin close: the two on the list credited once each, source 站点签到",
                 credits == [("1001", f"站点签到 红旗村远教站点 {today}（集中收看）", 1),
                             ("1002", f"站点签到 红旗村远教站点 {today}（集中收看）", 1)],
                 str(credits))
    audit = query(db, "SELECT action, actor FROM audit ORDER BY id")
    checks.check("audit: the removal and the closing",
                 [row[0] for row in audit] == ["signin-name-removed", "signin-closed"], str(audit))
    result = run("signin", "close", "--station", "S01")
    checks.check("signin close: nothing open any more (exit 1), nothing credited twice",
                 result.returncode == 1 and query(db, "SELECT count(*) FROM credit") == [(2,)],
                 result.stderr)

    result = run("signin", "open", "ideals-theory", "--station", "S01", "--unscheduled")
    checks.check("signin open --unscheduled: a course with sessions, as a broadcast",
                 result.returncode == 0 and "集中收看" in result.stdout, result.stdout + result.stderr)
    sign_in("1003", "3333")
    result = run("signin", "cancel", "--station", "S01", "--reason", "停电")
    checks.check("signin cancel: nobody credited, audited",
                 result.returncode == 0 and query(db, "SELECT count(*) FROM credit") == [(2,)]
                 and query(db, "SELECT action, reason FROM audit ORDER BY id DESC LIMIT 1")
                 == [("signin-cancelled", "停电")], result.stdout + result.stderr)
    result = run("audit")
    checks.check("audit lists the sign-ins in words",
                 "结束签到" in result.stdout and "取消签到" in result.stdout
                 and "记入 2 人" in result.stdout, result.stdout)

    year = datetime.date.today().year
    result = run("report", "stations", "--year", str(year), "--station", "S01")
    month = datetime.date.today().strftime("%Y-%m")
    row = next((line.split() for line in result.stdout.splitlines() if line.startswith(month)), [])
    checks.check("report stations: this month 1 showing, 2 hours, 2 attendances, 2 members, 2.0",
                 row == [month, "1", "2", "2", "2", "2.0"], result.stdout + result.stderr)
    checks.check("report stations: the cancelled one counted apart",
                 "另有取消的签到 1 次" in result.stdout, result.stdout)

    result = run("stations", "log", "--station", "S01", "--year", str(year))
    lines = result.stdout.splitlines()
    checks.check("stations log: both sign-ins, closed and cancelled, with who and how many",
                 len(lines) == 4 and "已结束" in lines[1] and "已取消" in lines[2]
                 and lines[1].split()[-1] == "2" and "共 2 次签到" in lines[3],
                 result.stdout + result.stderr)

    result = run("signups", "--course", "farm-cooperative", "--date", "2026-12-08")
    checks.check("signups: an empty list with the seats",
                 result.returncode == 0 and "已报名 0 人" in result.stdout,
                 result.stdout + result.stderr)
    result = run("admins", "remove", "9001")
    checks.check("admins remove: gone, audited", result.returncode == 0
                 and query(db, "SELECT count(*) FROM administrator") == [(0,)]
                 and query(db, "SELECT action FROM audit ORDER BY id DESC LIMIT 1")
                 == [("administrator-removed",)], result.stdout + result.stderr)


def test_hostile_station_data(checks, program, workdir):
    catalog, course_id = hostile_catalog(program, workdir)
    hostile = Program(program.binary, catalog)
    db = os.path.join(workdir, "hostile-station", "records.sqlite")
    roster = os.path.join(workdir, "hostile-station.csv")
    write(roster, "id,name,branch,domain,role,joined,pin\n1001,王建国,一支部,rural,member,2012-07-01,1234\n")
    for args in (["members", "import", roster], ["stations", "add", "S01", "--name", "站点"],
                 ["admins", "add", "9001", "--name", "站长", "--station", "S01"],
                 ["signin", "open", course_id, "--station", "S01", "--unscheduled"]):
        result = hostile.run(*args, db=db)
        checks.check(f"hostile stations: setup {args[0]} {args[1]}", result.returncode == 0,
                     result.stdout + result.stderr)
    hostile.run("records-stress", "signin", "--station", "S01", "--member", "1001", "--pin", "1234",
                db=db)
    connection = sqlite3.connect(db)
    for sql in ("UPDATE member SET name = ?, branch = ?", "UPDATE station SET name = ?, place = ?",
                "UPDATE administrator SET name = ?, name = ?"):
        connection.execute(sql, (HOSTILE, HOSTILE))
    connection.commit()
    connection.close()
    year = str(datetime.date.today().year)
    runs = {
        "stations list": ["stations", "list"], "admins list": ["admins", "list"],
        "signin list": ["signin", "list", "--station", "S01"],
        "signin close --format csv": ["signin", "close", "--station", "S01", "--format", "csv"],
        "stations log": ["stations", "log", "--year", year],
        "report stations": ["report", "stations", "--year", year],
        "report stations --format csv": ["report", "stations", "--year", year, "--format", "csv"],
        "audit": ["audit"],
    }
    for name, args in runs.items():
        result = subprocess.run(hostile.args(*args, db=db), capture_output=True, timeout=120,
                                cwd=ROOT)
        output = result.stdout + result.stderr
        raw = [repr(sequence) for sequence in RAW if sequence in output]
        checks.check(f"hostile stations: {name} prints nothing raw, escapes shown visibly",
                     not raw and result.returncode == 0 and "␛]0;PWNED".encode() in output,
                     f"{raw} exit {result.returncode} {output.decode('utf-8', 'replace')[-300:]}")


def subprocess_run(program, *args, db):
    """`program ARGS` with standard output as bytes (a CSV with its BOM)."""
    return subprocess.run(program.args(*args, db=db), capture_output=True, cwd=ROOT, timeout=120)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/course-menu"))
    parser.add_argument("--catalog", default=os.path.join(ROOT, "data"))
    options = parser.parse_args()
    program = Program(os.path.abspath(options.bin), os.path.abspath(options.catalog))
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="station-tests-") as workdir:
        for engine in ["sqlite"] + (["postgresql"] if os.environ.get("COURSE_MENU_TEST_PG") else []):
            test_parallel_signups(checks, program, workdir, engine)
        test_station_commands(checks, program, workdir)
        test_hostile_station_data(checks, program, workdir)
    print(f"{checks.passed} passed, {checks.failed} failed")
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
