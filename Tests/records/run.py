#!/usr/bin/env python3
"""Multi-process, crash and command-line tests of the records store.

Runs the real `course-menu` binary, and the `records-stress` helper built beside it (from
Tests/RecordsStress), in separate processes against temporary databases and checks the files
with Python's own sqlite3 module, so nothing here trusts the program's view of itself.

    python3 Tests/records/run.py --bin .build/debug/course-menu

Prints one line per check and a final `N passed, M failed`; exits 1 if any check failed.
"""

import argparse
import datetime
import json
import os
import random
import re
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIRST_DAY = datetime.date(2026, 1, 5)  # RecordsStress.Setup.firstDay


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"ok - {name}")
        else:
            self.failed += 1
            print(f"FAIL - {name}" + (f": {detail}" if detail else ""))
        sys.stdout.flush()
        return condition


class Program:
    """`course-menu ARGS`, or the `records-stress` helper beside it when ARGS start with
    `records-stress`; `--catalog` goes to every command that reads a catalog."""

    def __init__(self, binary, catalog):
        self.binary = binary
        self.stress = os.path.join(os.path.dirname(binary), "records-stress")
        self.catalog = catalog

    def args(self, *args, db=None):
        if args and args[0] == "records-stress":
            command = [self.stress, *args[1:]]
        else:
            command = [self.binary, *args]
        if db is not None:
            command += ["--db", db]
        if args and args[0] != "members":
            command += ["--catalog", self.catalog]
        return command

    def run(self, *args, db=None, stdin=None, env=None, timeout=120):
        return subprocess.run(
            self.args(*args, db=db), input=stdin, capture_output=True, text=True,
            timeout=timeout, env=env, cwd=ROOT)

    def spawn(self, *args, db):
        return subprocess.Popen(
            self.args(*args, db=db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            cwd=ROOT)


def query(db, sql, *params):
    # mode=rw: never create a database the program has not created.
    connection = sqlite3.connect(f"file:{db}?mode=rw", uri=True, timeout=30)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def integrity(db):
    return query(db, "PRAGMA integrity_check")[0][0]


# --- 8 processes x 200 operations on one new database -------------------------------------

def expected_mix(ops):
    """What one `records-stress mix` worker must leave behind (see RecordsStress.Mix)."""
    selected = set()
    newly_selected = dropped = 0
    pairs = set()
    credit_ops = 0
    for index in range(ops):
        step = index // 3
        if index % 3 == 0:
            course = step % 10
            if course not in selected:
                selected.add(course)
                newly_selected += 1
        elif index % 3 == 1:
            course = (step * 7 + 3) % 10
            if course in selected:
                selected.remove(course)
                dropped += 1
        else:
            credit_ops += 1
            pairs.add((step % 4, step % 10))
    return selected, newly_selected, dropped, pairs, credit_ops


def test_concurrent_mix(checks, program, workdir, workers=8, ops=200):
    db = os.path.join(workdir, "mix", "records.sqlite")
    started = time.monotonic()
    processes = [
        program.spawn("records-stress", "mix", "--worker", str(k), "--ops", str(ops), db=db)
        for k in range(1, workers + 1)
    ]
    outputs = [process.communicate(timeout=600) for process in processes]
    elapsed = time.monotonic() - started
    codes = [process.returncode for process in processes]
    checks.check(
        f"mix: {workers} processes x {ops} operations exit 0 ({elapsed:.1f} s)",
        codes == [0] * workers,
        "; ".join(f"worker {k + 1}: {codes[k]} {outputs[k][1].strip()[:300]}"
                  for k in range(workers) if codes[k] != 0))
    if codes != [0] * workers:
        return
    reports = [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]
    selected, newly_selected, dropped, pairs, credit_ops = expected_mix(ops)
    members_per_credit = 5 + 1
    checks.check("mix: integrity_check = ok", integrity(db) == "ok", integrity(db))
    checks.check("mix: foreign_key_check is empty", query(db, "PRAGMA foreign_key_check") == [])
    checks.check(
        "mix: every migration applied exactly once",
        query(db, "SELECT identifier FROM grdb_migrations")
        == [("v1 members, selections, credits",), ("v2 credit reason, audit trail",),
            ("v3 lesson progress, quiz attempts",)])
    checks.check("mix: 5 shared + 8 own members",
                 query(db, "SELECT count(*) FROM member")[0][0] == 5 + workers)
    total_credits = query(db, "SELECT count(*) FROM credit")[0][0]
    checks.check(
        f"mix: {len(pairs) * (5 + workers)} credits, none doubled",
        total_credits == len(pairs) * (5 + workers), f"found {total_credits}")
    checks.check(
        "mix: each credit inserted by exactly one worker",
        sum(r["credited"] for r in reports) == total_credits,
        f"sum {sum(r['credited'] for r in reports)} vs {total_credits}")
    checks.check(
        "mix: every other attempt found the credit already there",
        sum(r["credited"] + r["already"] for r in reports)
        == workers * credit_ops * members_per_credit)
    per_member = dict(query(
        db, "SELECT member_id, count(*) FROM selection GROUP BY member_id"))
    checks.check(
        f"mix: each worker's member ends with {len(selected)} selections",
        all(per_member.get(str(2000 + k), 0) == len(selected) for k in range(1, workers + 1))
        and sum(per_member.values()) == workers * len(selected), str(per_member))
    checks.check(
        "mix: select/drop answers match the sequence",
        all(r["selected"] == newly_selected and r["dropped"] == dropped for r in reports),
        str(reports[:2]))
    shared = query(
        db, "SELECT member_id, count(*) FROM credit WHERE member_id BETWEEN '1001' AND '1005' "
        "GROUP BY member_id")
    checks.check("mix: shared members have one credit per course and day",
                 all(count == len(pairs) for _, count in shared) and len(shared) == 5)


# --- SIGKILL at random moments --------------------------------------------------------------

def test_crash(checks, program, workdir, kills=20, batch_size=20, seed=None):
    rng = random.Random(seed)
    db = os.path.join(workdir, "crash", "records.sqlite")
    next_batch = 0
    committed_all = set()
    problems = []
    killed_before_ready = 0
    early_kills = 0
    for iteration in range(kills):
        process = program.spawn(
            "records-stress", "crash-writer", "--start", str(next_batch),
            "--batch-size", str(batch_size), db=db)
        # Early kills land in opening, migrating or importing; later ones mid-batch.
        delay = rng.uniform(0.0, 0.4) if iteration % 4 == 0 else rng.uniform(0.3, 1.5)
        time.sleep(delay)
        os.kill(process.pid, signal.SIGKILL)
        out, err = process.communicate(timeout=60)
        if process.returncode != -signal.SIGKILL:
            problems.append(f"kill {iteration}: writer ended by itself ({process.returncode}): "
                            f"{err.strip()[:300]}")
        lines = out.splitlines()
        if "ready" not in lines:
            killed_before_ready += 1
        committed = [int(line.split()[1]) for line in lines if line.startswith("committed ")]
        committed_all.update(committed)
        if committed:
            next_batch = max(committed) + 1
        if not os.path.exists(db):
            early_kills += 1
            continue  # killed before it created the file
        result = integrity(db)
        if result != "ok":
            problems.append(f"kill {iteration}: integrity_check = {result}")
        if not query(db, "SELECT 1 FROM sqlite_master WHERE name = 'credit'"):
            early_kills += 1
            continue  # killed before the schema was committed
        groups = query(db, "SELECT course_id, date, count(*) FROM credit GROUP BY course_id, date")
        partial = [group for group in groups if group[2] != batch_size]
        if partial:
            problems.append(f"kill {iteration}: partial batches {partial[:3]}")
    checks.check(f"crash: {kills} SIGKILLs ({killed_before_ready} before the writer was ready, "
                 f"{early_kills} before the schema existed), "
                 "integrity_check = ok after each, no partial batch", not problems,
                 "; ".join(problems[:5]))
    dates = {row[0] for row in query(db, "SELECT DISTINCT date FROM credit")}
    lost = [b for b in sorted(committed_all)
            if (FIRST_DAY + datetime.timedelta(days=b)).isoformat() not in dates]
    checks.check(f"crash: all {len(committed_all)} acknowledged batches are there", not lost,
                 f"lost {lost[:5]}")
    rows = query(db, "SELECT count(*) FROM credit WHERE half_hours <= 0 OR source NOT LIKE "
                 "'crash batch %' OR recorded_at IS NULL OR course_title = ''")
    checks.check("crash: every credit row is complete", rows == [(0,)])
    final = program.run("records-stress", "mix", "--worker", "99", "--ops", "30", db=db)
    checks.check("crash: the database is still writable afterwards", final.returncode == 0,
                 final.stderr.strip()[:300])
    checks.check("crash: integrity_check = ok at the end", integrity(db) == "ok")


# --- lockout across processes ---------------------------------------------------------------

def test_parallel_lockout(checks, program, workdir, processes=8, attempts=2):
    db = os.path.join(workdir, "lockout", "records.sqlite")
    roster = os.path.join(workdir, "lockout.csv")
    with open(roster, "w", encoding="utf-8") as file:
        file.write("id,name,branch,domain,role,joined,pin\n3001,测试,一支部,rural,member,2010-07-01,2468\n")
    result = program.run("members", "import", roster, db=db)
    checks.check("lockout: roster imported", result.returncode == 0, result.stderr)
    spawned = [program.spawn("records-stress", "auth", "--member", "3001", "--pin", "0000",
                             "--attempts", str(attempts), db=db)
               for _ in range(processes)]
    answers = []
    for process in spawned:
        out, _ = process.communicate(timeout=300)
        answers += out.split("\n")
    wrong = sum(1 for answer in answers if answer.startswith("wrong"))
    locked = sum(1 for answer in answers if answer == "locked")
    checks.check(
        f"lockout: {processes} processes x {attempts} wrong PINs: exactly 4 wrong, then locked",
        wrong == 4 and locked == processes * attempts - 4, f"wrong {wrong}, locked {locked}")
    right = program.run("records-stress", "auth", "--member", "3001", "--pin", "2468", db=db)
    checks.check("lockout: the right PIN is refused while locked", right.stdout.strip() == "locked")
    unlock = program.run("members", "unlock", "3001", db=db)
    checks.check("lockout: members unlock", unlock.returncode == 0 and "已解除" in unlock.stdout,
                 unlock.stdout + unlock.stderr)
    right = program.run("records-stress", "auth", "--member", "3001", "--pin", "2468", db=db)
    checks.check("lockout: the right PIN works after unlock", right.stdout.strip() == "ok")


# --- tests of online courses: the daily limit across processes, credit once, quiz report ---

def test_quiz(checks, program, workdir, processes=8, attempts=2):
    db = os.path.join(workdir, "quiz", "records.sqlite")
    course = "online-hours-assessment"
    start_at = f"{time.time() + 1.5:.3f}"
    spawned = [program.spawn("records-stress", "quiz", "--course", course, "--attempts",
                             str(attempts), "--seed", str(k), "--start-at", start_at, db=db)
               for k in range(processes)]
    answers = []
    for process in spawned:
        out, err = process.communicate(timeout=300)
        answers += out.split("\n")
        if process.returncode != 0:
            answers.append(f"error: {err.strip()}")
    started = sorted(answer for answer in answers if answer.startswith("started"))
    refused = sum(1 for answer in answers if answer == "refused")
    checks.check(
        f"quiz: {processes} processes x {attempts} starts on one day: exactly 3 started",
        started == ["started 1", "started 2", "started 3"]
        and refused == processes * attempts - 3, f"{answers}")
    rows = query(db, "SELECT count(*), count(DISTINCT id) FROM quiz_attempt "
                     "WHERE member_id = '3001' AND day = '2026-05-01'")
    checks.check("quiz: the file holds those 3 attempts, each counted once", rows == [(3, 3)],
                 str(rows))

    # Passing in parallel, on other days: one credit for the year, whoever hands in first.
    spawned = [program.spawn("records-stress", "quiz", "--course", course, "--member", "3002",
                             "--day", f"2026-05-{2 + k:02d}", "--finish", "right",
                             "--seed", str(k), "--start-at", f"{time.time() + 1.5:.3f}", db=db)
               for k in range(4)]
    outcomes = [process.communicate(timeout=300)[0].split() for process in spawned]
    said = sorted(word for words in outcomes for word in words if not word.isdigit()
                  and word != "started")
    credits = query(db, "SELECT course_id, form, source, half_hours FROM credit "
                        "WHERE member_id = '3002'")
    checks.check("quiz: 4 passes at once on 4 days: one credited, 3 already credited",
                 said == ["already", "already", "already", "credited"], str(outcomes))
    checks.check("quiz: the credit is online study with the score as its source",
                 len(credits) == 1 and credits[0][:3] == (course, "online", "网络培训测验 100 分"),
                 str(credits))

    # A member who fails: no credit; the report counts attempts, members, passes, questions.
    result = program.run("records-stress", "quiz", "--course", course, "--member", "3003",
                         "--finish", "wrong", db=db)
    checks.check("quiz: an attempt answered wrong fails and credits nothing",
                 result.stdout.split() == ["started", "1", "failed"]
                 and query(db, "SELECT count(*) FROM credit WHERE member_id = '3003'") == [(0,)],
                 result.stdout + result.stderr)
    report = program.run("quiz", "report", "--year", "2026", db=db)
    lines = report.stdout.split("\n")
    checks.check("quiz report: the course with its tally",
                 report.returncode == 0 and any(line.startswith(course) for line in lines)
                 and "测验 8 次（交卷 5 次，未交卷 3 次）；参加 3 人，通过 1 人，通过率 33%；交卷中通过 4 次"
                 in report.stdout, report.stdout + report.stderr)
    items = [line for line in lines if re.match(r"^\s+第 \d+ 题\s", line)]
    answered = sum(int(line.split()[3]) for line in items)
    wrong = sum(int(line.split()[4]) for line in items)
    checks.check("quiz report: every answer of the 5 handed-in attempts in the item analysis",
                 answered == 25 and wrong == 5, "\n".join(items))
    csv = program.run("quiz", "report", "--format", "csv", "--course", course, db=db)
    text = csv.stdout
    checks.check("quiz report --format csv: BOM, header, one row per question",
                 csv.returncode == 0 and text.startswith("\ufeff课程编号,课程名称,测验次数")
                 and len([l for l in text.split("\n") if l.startswith(course)]) == len(items),
                 text[:300] + csv.stderr)
    unknown = program.run("quiz", "report", "--course", "no-such-course", db=db)
    checks.check("quiz report of an unknown course: exit 1 and why",
                 unknown.returncode == 1 and "no-such-course" in unknown.stderr, unknown.stderr)
    checks.check("quiz: integrity_check ok", integrity(db) == "ok")


# --- the administrator commands -------------------------------------------------------------

def write(path, text, encoding="utf-8", bom=False):
    with open(path, "wb") as file:
        file.write((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))


def test_commands(checks, program, workdir):
    db = os.path.join(workdir, "cli", "sub", "records.sqlite")
    roster = os.path.join(workdir, "roster.csv")
    write(roster,
          "编号,姓名,支部,领域,身份,入党日期,流动党员,PIN\r\n"
          "1001,王建国,红旗村党支部,农村,党员,2012-07-01,,1234\r\n"
          "1002,\"李\r\n秀英\",红旗村党支部,rural,书记,2003/6/15,否,\r\n"
          "10x3,张伟,幸福社区党支部,社区,组长,2010-13-01,,12\r\n"
          ",,,,,,,\r\n"
          "1004,陈小红,红旗村党支部,农业,党员,2026-05-04,是,\r\n", bom=True)
    result = program.run("members", "import", roster, db=db)
    lines = result.stderr.strip().splitlines()
    checks.check("import: bad rows refused with exit 1", result.returncode == 1, result.stderr)
    checks.check(
        "import: every bad row reported by its line (after a quoted line break)",
        [line.split("：")[0] for line in lines[:-1]] == [f"{roster} 第 5 行"] * 4
        + [f"{roster} 第 7 行"], "\n".join(lines))
    checks.check("import: nothing written", not os.path.exists(db)
                 or query(db, "SELECT count(*) FROM member") == [(0,)])
    write(roster,
          "编号,姓名,支部,领域,身份,入党日期,流动党员,PIN\r\n"
          "1001,王建国,红旗村党支部,农村,党员,2012-07-01,,1234\r\n"
          "1002,\"李秀英\",红旗村党支部,rural,书记,2003/6/15,否,\r\n"
          "1003,张伟,幸福社区党支部,社区,班子成员,2010-03-01,,\r\n", bom=True)
    result = program.run("members", "import", roster, db=db)
    checks.check("import: a clean roster with BOM, CRLF, Chinese headers and labels",
                 result.returncode == 0 and "新增 3 人" in result.stdout,
                 result.stdout + result.stderr)
    modes = {suffix: stat.S_IMODE(os.stat(db + suffix).st_mode)
             for suffix in ("",) if os.path.exists(db + suffix)}
    checks.check("files: database created group-writable (0664), directory 0775",
                 modes.get("") == 0o664
                 and stat.S_IMODE(os.stat(os.path.dirname(db)).st_mode) == 0o775, str(modes))
    write(roster,
          "id,name,branch,domain,role,joined\n"
          "1003,张伟,幸福社区党支部,community,secretary,2010-03-01\n"
          "1004,陈小红,红旗村党支部,rural,member,2026-05-04\n")
    result = program.run("members", "import", roster, db=db)
    checks.check("import: re-import adds and updates, never duplicates",
                 "新增 1 人，更新 1 人" in result.stdout
                 and query(db, "SELECT count(*) FROM member") == [(4,)], result.stdout)
    gbk = os.path.join(workdir, "gbk.csv")
    write(gbk, "编号,姓名\n1001,王建国\n", encoding="gbk")
    result = program.run("members", "import", gbk, db=db)
    checks.check("import: a GBK file is refused with a hint (exit 2)",
                 result.returncode == 2 and "UTF-8" in result.stderr, result.stderr)

    result = program.run("members", "set-pin", "1003", db=db, stdin="97531\n")
    checks.check("set-pin: PIN read from standard input", result.returncode == 0, result.stderr)
    auth = program.run("records-stress", "auth", "--member", "1003", "--pin", "97531", db=db)
    checks.check("set-pin: the new PIN logs in", auth.stdout.strip() == "ok", auth.stdout)
    result = program.run("members", "set-pin", "1003", db=db, stdin="12\n")
    checks.check("set-pin: a short PIN is refused", result.returncode == 1, result.stderr)
    result = program.run("members", "list", db=db)
    checks.check("members list", result.returncode == 0 and "李秀英" in result.stdout
                 and "共 4 名党员" in result.stdout, result.stdout)

    def credit(*args):
        return program.run("credit", *args, db=db)

    result = credit("ideals-theory", "--date", "2026-03-18", "--members", "1001,1002")
    checks.check("credit: two members credited", result.returncode == 0
                 and "新记入 2 人" in result.stdout, result.stdout + result.stderr)
    result = credit("ideals-theory", "--date", "2026-03-18", "--members", "1001，1003")
    checks.check("credit: idempotent, says what was already there",
                 "新记入 1 人：1003 张伟" in result.stdout
                 and "未重复记入 1 人：1001 王建国" in result.stdout, result.stdout)
    before = query(db, "SELECT count(*) FROM credit")
    result = credit("ideals-theory", "--date", "2026-03-18", "--members", "1001,9998,9999")
    checks.check("credit: an unknown member anywhere writes nothing (exit 1)",
                 result.returncode == 1 and "9998、9999" in result.stderr
                 and query(db, "SELECT count(*) FROM credit") == before, result.stderr)
    result = credit("no-such-course", "--date", "2026-03-19", "--members", "1001")
    checks.check("credit: an unknown course is an error", result.returncode == 1
                 and query(db, "SELECT count(*) FROM credit") == before, result.stderr)
    result = credit("ideals-theory", "--date", "2026-02-30", "--members", "1001")
    checks.check("credit: an invalid date is a usage error", result.returncode != 0
                 and query(db, "SELECT count(*) FROM credit") == before)
    sheet = os.path.join(workdir, "签到表.csv")
    write(sheet, "序号,编号,姓名,签名\n1,1001,王建国,\n2,1004,陈小红,\n3,1002,王建国,\n",
          bom=True)
    result = credit("farm-cooperative", "--date", "2026-12-08", "--sheet", sheet)
    checks.check("credit --sheet: a wrong name is reported by line, nothing written",
                 result.returncode == 1 and "第 4 行" in result.stderr
                 and query(db, "SELECT count(*) FROM credit") == before, result.stderr)
    write(sheet, "序号,编号,姓名,签名\n1,1001,王建国,\n2,1004,陈小红,\n", bom=True)
    result = credit("farm-cooperative", "--date", "2026-12-08", "--sheet", sheet)
    sources = query(db, "SELECT DISTINCT source FROM credit WHERE course_id = 'farm-cooperative'")
    checks.check("credit --sheet: credited with its source", result.returncode == 0
                 and sources == [("批量导入 签到表.csv",)], f"{result.stderr} {sources}")
    sources = query(db, "SELECT DISTINCT source FROM credit WHERE course_id = 'ideals-theory'")
    checks.check("credit --members: source says attendance and day",
                 sources == [("考勤登记 2026-03-18",)], str(sources))

    result = program.run("report", db=db)
    checks.check("report: text", result.returncode == 0 and "共 4 人" in result.stdout
                 and "还需" in result.stdout, result.stdout + result.stderr)
    result = subprocess.run(program.args("report", "--format", "csv", db=db),
                            capture_output=True, cwd=ROOT)
    text = result.stdout.decode("utf-8")
    rows = [line.split(",") for line in text.lstrip("\ufeff").strip("\r\n").split("\r\n")]
    checks.check("report: CSV starts with a BOM and has one row per member",
                 result.stdout.startswith(b"\xef\xbb\xbf") and len(rows) == 5
                 and rows[0][0] == "编号", text[:200])
    result = program.run("report", "--branch", "幸福社区党支部", "--format", "csv",
                         "--rules", os.path.join(program.catalog, "rules-quanzhou-2010.toml"),
                         db=db)
    checks.check("report: --branch and other rules", result.returncode == 0
                 and len(result.stdout.strip().splitlines()) == 2
                 and "农村和社区党员年度教育培训" in result.stdout, result.stdout + result.stderr)

    # Default location: COURSE_MENU_DB, then XDG_DATA_HOME.
    environment = dict(os.environ, XDG_DATA_HOME=os.path.join(workdir, "xdg"))
    environment.pop("COURSE_MENU_DB", None)
    result = program.run("members", "import", roster, env=environment)
    checks.check("location: $XDG_DATA_HOME/course-menu/records.sqlite",
                 result.returncode == 0 and os.path.exists(
                     os.path.join(workdir, "xdg", "course-menu", "records.sqlite")),
                 result.stderr)
    environment["COURSE_MENU_DB"] = os.path.join(workdir, "env.sqlite")
    result = program.run("members", "list", env=environment)
    checks.check("location: COURSE_MENU_DB wins over XDG_DATA_HOME",
                 os.path.exists(environment["COURSE_MENU_DB"]) and "没有党员记录" in result.stdout,
                 result.stdout + result.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/course-menu"))
    parser.add_argument("--catalog", default=os.path.join(ROOT, "data"))
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--only", choices=["mix", "crash", "lockout", "commands", "quiz"])
    options = parser.parse_args()
    program = Program(os.path.abspath(options.bin), os.path.abspath(options.catalog))
    checks = Checks()
    seed = options.seed if options.seed is not None else random.randrange(1 << 30)
    print(f"# records tests with {program.binary}, crash seed {seed}")
    with tempfile.TemporaryDirectory(prefix="records-tests-") as workdir:
        if options.only in (None, "commands"):
            test_commands(checks, program, workdir)
        if options.only in (None, "mix"):
            test_concurrent_mix(checks, program, workdir)
        if options.only in (None, "lockout"):
            test_parallel_lockout(checks, program, workdir)
        if options.only in (None, "quiz"):
            test_quiz(checks, program, workdir)
        if options.only in (None, "crash"):
            test_crash(checks, program, workdir, kills=options.kills, seed=seed)
    print(f"{checks.passed} passed, {checks.failed} failed")
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
