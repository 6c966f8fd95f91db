#!/usr/bin/env python3
"""Multi-process, crash, fault and command-line tests of the records store (issues 4, 9, 15).

Runs the real `course-menu` binary, and the `records-stress` helper built beside it (from
Tests/RecordsStress), in separate processes against temporary databases and checks the files
with Python's own sqlite3 module, so nothing here trusts the program's view of itself.

The multi-process tests (8 x 200 mixed operations, 20 SIGKILLs mid-write, parallel wrong PINs,
parallel test attempts) run on both engines: on SQLite files, and on PostgreSQL databases
created on the server COURSE_MENU_TEST_PG names (scripts/test.sh starts a throwaway cluster,
Tests/pg/cluster.py), checked there with Debian's own `psql` and `pg_amcheck`.

    python3 Tests/records/run.py --bin .build/debug/course-menu [--engine sqlite|postgresql]

Prints one line per check and a final `N passed, M failed`; exits 1 if any check failed.
"""

import argparse
import csv
import datetime
import hashlib
import io
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import urllib.parse

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


# The commands that take --catalog (records-stress modes all do).
WITHOUT_CATALOG = {("members",), ("stations",), ("admins",), ("audit",), ("signin", "list"),
                   ("signin", "remove"), ("signin", "cancel")}


def reads_catalog(args):
    return bool(args) and tuple(args[:1]) not in WITHOUT_CATALOG \
        and tuple(args[:2]) not in WITHOUT_CATALOG


class Program:
    """`course-menu ARGS`, or the `records-stress` helper beside it when ARGS start with
    `records-stress`; `--catalog` goes to every command that reads a catalog."""

    def __init__(self, binary, catalog):
        self.binary = binary
        self.stress = os.path.join(os.path.dirname(binary), "records-stress")
        self.catalog = catalog

    def args(self, *args, db=None, catalog=True):
        if args and args[0] == "records-stress":
            command = [self.stress, *args[1:]]
        else:
            command = [self.binary, *args]
        if db is not None:
            command += ["--db", location(db)]
        if catalog and reads_catalog(args):
            command += ["--catalog", self.catalog]
        return command

    def run(self, *args, db=None, stdin=None, env=None, timeout=120, catalog=True):
        return subprocess.run(
            self.args(*args, db=db, catalog=catalog), input=stdin, capture_output=True,
            text=True, timeout=timeout, env=env, cwd=ROOT)

    def spawn(self, *args, db, catalog=True):
        return subprocess.Popen(
            self.args(*args, db=db, catalog=catalog), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, cwd=ROOT)


class PostgresDatabase:
    """A database of its own on the test server, read with Debian's psql (not the program)."""

    BIN = "/usr/lib/postgresql/15/bin"

    def __init__(self, name):
        server = os.environ["COURSE_MENU_TEST_PG"]
        self.name = name
        self.server = server
        self.location = urllib.parse.urlsplit(server)._replace(path="/" + name).geturl()
        psql(server, f'CREATE DATABASE "{name}"')

    def query(self, sql, *params):
        for value in params:
            literal = ("NULL" if value is None else str(value) if isinstance(value, (int, float))
                       else "'" + str(value).replace("'", "''") + "'")
            sql = sql.replace("?", literal, 1)
        return psql(self.location, sql)

    def integrity(self):
        """pg_amcheck: every table's heap and every B-tree index checked; "ok" when clean."""
        server = urllib.parse.urlsplit(self.server)
        result = subprocess.run(
            [f"{self.BIN}/pg_amcheck", "--install-missing", "--heapallindexed",
             "-h", server.hostname, "-p", str(server.port), "-U", server.username,
             self.name], capture_output=True, text=True)
        return "ok" if result.returncode == 0 and not result.stdout.strip() else \
            (result.stdout + result.stderr).strip()[:500]


def psql(url, sql):
    """Rows of `sql` as tuples, typed as the server typed them (text stays text, numbers are
    numbers, NULL is None): a query's rows come back through json_agg; other statements run
    as they are and give no rows."""
    query_like = re.match(r"\s*(SELECT|WITH|VALUES)\b", sql, re.IGNORECASE)
    text = f"SELECT coalesce(json_agg(to_json(q.*)), '[]') FROM ({sql}) q" if query_like else sql
    result = subprocess.run(
        ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", text],
        capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"psql: {result.stderr.strip()}")
    if not query_like:
        return []
    # Each row is a JSON object (json, not jsonb: the select list's order, and columns of the
    # same name, count(*) twice, both kept), read as its list of pairs.
    return [tuple(value for _, value in row)
            for row in json.loads(result.stdout, object_pairs_hook=list)]


def location(db):
    return db.location if isinstance(db, PostgresDatabase) else db


def query(db, sql, *params):
    if isinstance(db, PostgresDatabase):
        return db.query(sql, *params)
    # mode=rw: never create a database the program has not created.
    connection = sqlite3.connect(f"file:{db}?mode=rw", uri=True, timeout=30)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def integrity(db):
    if isinstance(db, PostgresDatabase):
        return db.integrity()
    return query(db, "PRAGMA integrity_check")[0][0]


def foreign_key_problems(db):
    """SQLite's foreign_key_check; PostgreSQL checks every foreign key at each write."""
    if isinstance(db, PostgresDatabase):
        return []
    return query(db, "PRAGMA foreign_key_check")


def applied_migrations(db):
    """The migrations applied, oldest first, and the schema version the database says."""
    if isinstance(db, PostgresDatabase):
        names = [row[0] for row in query(db, "SELECT identifier FROM course_menu_migrations "
                                             "ORDER BY applied_at, identifier")]
        return names, len(names)
    names = [row[0] for row in query(db, "SELECT identifier FROM grdb_migrations")]
    return names, query(db, "PRAGMA user_version")[0][0]


def has_table(db, table):
    if isinstance(db, PostgresDatabase):
        return bool(query(db, "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() "
                              "AND tablename = ?", table))
    return os.path.exists(db) and bool(
        query(db, "SELECT 1 FROM sqlite_master WHERE name = ?", table))


ENGINES = ["sqlite", "postgresql"]


def new_database(workdir, name, engine):
    """A new, empty place for records on `engine`: a path in its own directory (the program
    creates the file), or a new database on the test server."""
    if engine == "postgresql":
        return PostgresDatabase(f"records_{name.replace('-', '_')}_{os.getpid()}")
    return os.path.join(workdir, name, "records.sqlite")


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


def test_concurrent_mix(checks, program, workdir, engine="sqlite", workers=8, ops=200):
    db = new_database(workdir, "mix", engine)
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
    checks.check("mix: foreign_key_check is empty", foreign_key_problems(db) == [])
    migrations, version = applied_migrations(db)
    checks.check(
        "mix: every migration applied exactly once, and the schema version counts them",
        migrations[:1] == ["v1 members, selections, credits"]
        and len(migrations) == len(set(migrations)) and version == len(migrations),
        str(migrations))
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

def test_crash(checks, program, workdir, engine="sqlite", kills=20, batch_size=20, seed=None):
    rng = random.Random(seed)
    db = new_database(workdir, "crash", engine)
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
        if engine == "sqlite" and not os.path.exists(db):
            early_kills += 1
            continue  # killed before it created the file
        # pg_amcheck takes a while: after every fourth kill and the last on PostgreSQL.
        if engine == "sqlite" or iteration % 4 == 3 or iteration == kills - 1:
            result = integrity(db)
            if result != "ok":
                problems.append(f"kill {iteration}: integrity check = {result}")
        if not has_table(db, "credit"):
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


# --- PIN throttling across processes ---------------------------------------------------------

def auth(program, db, number, pin, attempts=1, spawn=False):
    args = ["records-stress", "auth", "--member", number, "--pin", pin, "--attempts", str(attempts)]
    if spawn:
        return program.spawn(*args, db=db, catalog=False)
    return program.run(*args, db=db, catalog=False).stdout.split("\n")[:-1]


def test_parallel_throttle(checks, program, workdir, engine="sqlite", processes=8, attempts=2):
    """Wrong PINs from several processes share one count per typed number: the first three are
    judged, the third starts a wait that every other attempt must keep (the old rule locked the
    member for 15 minutes after five). A number nobody has is treated exactly alike."""
    db = new_database(workdir, "lockout", engine)
    roster = os.path.join(workdir, "lockout.csv")
    with open(roster, "w", encoding="utf-8") as file:
        file.write("id,name,branch,domain,role,joined,pin\n3001,测试,一支部,rural,member,2010-07-01,2468\n")
    result = program.run("members", "import", roster, db=db)
    checks.check("throttle: roster imported", result.returncode == 0, result.stderr)
    for number in ("3001", "9999"):
        spawned = [auth(program, db, number, "0000", attempts, spawn=True) for _ in range(processes)]
        answers, errors = [], []
        for process in spawned:
            out, err = process.communicate(timeout=300)
            answers += [line for line in out.split("\n") if line]
            if process.returncode != 0:
                errors.append(f"exit {process.returncode}: {err.strip()[:200]}")
        refused = sorted(a for a in answers if a.startswith("refused"))
        waits = [a for a in answers if a.startswith("wait")]
        checks.check(
            f"throttle {number}: {processes} processes x {attempts} wrong PINs: exactly 3 judged, "
            "the rest wait",
            not errors and len(waits) == processes * attempts - 3
            and refused == ["refused 0 wait 30", "refused 1", "refused 2"],
            f"{refused} {len(waits)} waits {errors}")
        row = query(db, "SELECT failures, next_attempt - last_failure FROM login_throttle "
                    "WHERE number = ?", number)
        checks.check(f"throttle {number}: 3 failures and a 30 s wait kept in the database",
                     row == [(3, 30.0)], str(row))
    checks.check("throttle: the right PIN is not even checked during the wait",
                 auth(program, db, "3001", "2468")[0].startswith("wait"))
    unlock = program.run("members", "unlock", "3001", db=db)
    checks.check("throttle: members unlock clears the count",
                 unlock.returncode == 0 and "已清除 3001 测试 的 3 次 PIN 错误记录" in unlock.stdout,
                 unlock.stdout + unlock.stderr)
    checks.check("throttle: the right PIN works after unlock",
                 auth(program, db, "3001", "2468") == ["ok"])
    unlock = program.run("members", "unlock", "9999", db=db)
    checks.check("throttle: a stranger's count on a number nobody has can be cleared too",
                 unlock.returncode == 0 and "编号 9999（不是已登记的党员）" in unlock.stdout,
                 unlock.stdout + unlock.stderr)


# --- rosters and sheets read strictly ----------------------------------------------------------

def test_strict_rosters(checks, program, workdir):
    """The attack's rosters: each is refused with its line, and nothing is imported."""
    db = os.path.join(workdir, "strict", "records.sqlite")
    header = "id,name,branch,domain,role,joined,floating,pin\n"
    roster = os.path.join(workdir, "quoted.csv")
    write(roster, header
          + '1004,"陈小红,红旗村党支部,rural,member,2026-03-01,,4444\n'
          + '1005,赵明",红旗村党支部,rural,member,2020-01-01,,5555\n'
          + "1006,孙丽,红旗村党支部,rural,member,2020-01-01,,6666\n")
    result = program.run("members", "import", roster, db=db)
    members = query(db, "SELECT count(*) FROM member")[0][0] if os.path.exists(db) else 0
    checks.check("strict: an unbalanced quote is refused at the line where it opens, nothing "
                 "imported", result.returncode == 1 and f"{roster} 第 2 行：第 2 列（name）的引号在本行没有结束"
                 in result.stderr and members == 0, result.stdout + result.stderr)
    write(roster, header + "1004,陈小\x00红,一支部,rural,member,2020-01-01,,\n"
          + "1005,\x1b[31m赵明,一支部,rural,member,2020-01-01,,\n")
    result = program.run("members", "import", roster, db=db)
    checks.check("strict: NUL and escape in a name are refused by line and column",
                 result.returncode == 1 and "第 2 行：第 2 列（name）含有控制字符 U+0000" in result.stderr
                 and "第 3 行：第 2 列（name）含有控制字符 U+001B" in result.stderr, result.stderr)
    write(roster, header + "1004,陈小红,一支部,rural,member,2020-01-01,,\n")
    program.run("members", "import", roster, db=db)
    write(roster, header + "01004,陈小红,一支部,rural,member,2020-01-01,,\n")
    result = program.run("members", "import", roster, db=db)
    checks.check("strict: 01004 beside a stored 1004 is refused, not a second member",
                 result.returncode == 1 and "与已有的编号 1004 只差开头的 0" in result.stderr
                 and query(db, "SELECT id FROM member") == [("1004",)], result.stderr)
    write(roster, "\n\n" + header + "1007,李,一支部,rural,member,2020-01-01,,\n")
    result = program.run("members", "import", roster, db=db)
    checks.check("strict: blank lines before the header are skipped",
                 result.returncode == 0 and "新增 1 人" in result.stdout, result.stderr)
    utf16 = os.path.join(workdir, "utf16.csv")
    with open(utf16, "wb") as file:
        file.write((header + "1008,李,一支部,rural,member,2020-01-01,,\n").encode("utf-16"))
    result = program.run("members", "import", utf16, db=db)
    checks.check("strict: UTF-16 is called UTF-16, not GBK",
                 result.returncode == 2 and "UTF-16" in result.stderr and "GBK" not in result.stderr,
                 result.stderr)
    result = program.run("credit", "ideals-theory", "--date", "2026-03-18", "--sheet", workdir,
                         db=db)
    checks.check("strict: a directory given as --sheet is called a directory",
                 result.returncode == 2 and "这是目录，不是文件" in result.stderr, result.stderr)
    fifo = os.path.join(workdir, "sheet.csv")
    os.mkfifo(fifo)
    try:
        result = program.run("credit", "ideals-theory", "--date", "2026-03-18", "--sheet", fifo,
                             db=db, timeout=20)
        checks.check("strict: a FIFO given as --sheet is refused, not waited on",
                     result.returncode == 2 and "命名管道" in result.stderr, result.stderr)
    except subprocess.TimeoutExpired:
        checks.check("strict: a FIFO given as --sheet is refused, not waited on", False, "hung")
    pins = os.path.join(workdir, "pins.csv")
    write(pins, header + "".join(f"{7000 + k},党员{k},一支部,rural,member,2020-01-01,,{2000 + k}\n"
                                 for k in range(24)))
    result = program.run("members", "import", pins, db=db)
    checks.check("progress: no bar when standard error is not a terminal",
                 result.returncode == 0 and "\r" not in result.stderr and "新增 24 人" in result.stdout,
                 repr(result.stderr[-200:]))


# --- database faults ---------------------------------------------------------------------------

NOBODY = 65534


def sha256(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def test_database_faults(checks, program, workdir):
    """A user who may not write, stale -shm files, newer, foreign and broken files. As root the
    other user is nobody (root ignores permissions); otherwise the files are made read-only."""
    base = os.path.join(workdir, "faults")
    os.makedirs(base)
    os.chmod(workdir, 0o755)
    os.chmod(base, 0o755)
    root = os.geteuid() == 0
    other = program
    prefix = []
    if root:
        binary = os.path.join(base, "course-menu")
        shutil.copy2(program.binary, binary)
        catalog = os.path.join(base, "data")
        shutil.copytree(program.catalog, catalog)
        for directory, _, files in os.walk(catalog):
            os.chmod(directory, 0o755)
            for name in files:
                os.chmod(os.path.join(directory, name), 0o644)
        other = Program(binary, catalog)
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]

    def run_other(*args, db):
        return subprocess.run(prefix + other.args(*args, db=db), capture_output=True, text=True,
                              timeout=120, cwd=base)

    roster = os.path.join(base, "roster.csv")
    write(roster, "id,name,branch,domain,role,joined\n1001,王建国,一支部,rural,member,2012-07-01\n")
    os.chmod(roster, 0o644)

    # A user who may read the records but not write them.
    directory = os.path.join(base, "read-only")
    db = os.path.join(directory, "records.sqlite")
    program.run("members", "import", roster, db=db)
    os.chmod(db, 0o644 if root else 0o444)
    os.chmod(directory, 0o755 if root else 0o555)
    before, digest = sorted(os.listdir(directory)), sha256(db)
    for args in (("members", "list"), ("report",)):
        result = run_other(*args, db=db)
        checks.check(f"faults: {' '.join(args)} works for a user who may not write",
                     result.returncode == 0 and "王建国" in result.stdout,
                     result.stdout[-300:] + result.stderr)
    checks.check("faults: reading leaves no -wal or -shm and changes nothing",
                 sorted(os.listdir(directory)) == before and sha256(db) == digest,
                 str(os.listdir(directory)))
    result = run_other("members", "import", roster, db=db)
    checks.check("faults: a write without permission is refused in Chinese, creating nothing",
                 result.returncode == 2 and "没有写入权限" in result.stderr
                 and sorted(os.listdir(directory)) == before, result.stderr)
    os.chmod(directory, 0o755)

    # A read-only database in the user's own directory, and a 0444 -shm an older version left.
    directory = os.path.join(base, "own")
    os.makedirs(directory)
    if root:
        os.chown(directory, NOBODY, NOBODY)
    db = os.path.join(directory, "records.sqlite")
    result = run_other("members", "import", roster, db=db)
    os.chmod(db, 0o444)
    # The import closed cleanly (no -wal, no -shm) and left the writers' queue file, which holds
    # nothing and stays.
    before = sorted(os.listdir(directory))
    result = run_other("members", "list", db=db)
    checks.check("faults: listing a 0444 database creates no 0444 -shm",
                 result.returncode == 0 and before == ["records.sqlite", "records.sqlite-writers"]
                 and sorted(os.listdir(directory)) == before,
                 str(os.listdir(directory)) + result.stderr)
    shm = db + "-shm"
    with open(shm, "wb"):
        pass
    if root:
        os.chown(shm, NOBODY, NOBODY)
    os.chmod(shm, 0o444)
    os.chmod(db, 0o664)
    result = run_other("members", "import", roster, db=db)
    mode = stat.S_IMODE(os.stat(shm).st_mode) if os.path.exists(shm) else None
    checks.check("faults: a stale 0444 -shm no longer fails once the database is writable",
                 result.returncode == 0 and mode in (None, 0o664), f"{mode} {result.stderr}")

    # Written by a newer program: refused before anything is written.
    db = os.path.join(base, "newer.sqlite")
    program.run("members", "import", roster, db=db)
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    before, digest = sorted(os.listdir(base)), sha256(db)
    for args in (("members", "import", roster), ("members", "list")):
        result = program.run(*args, db=db)
        checks.check(f"faults: a newer database refuses {' '.join(args[:2])}, untouched",
                     result.returncode == 2 and "由更新版本的 course-menu 写入（数据库版本 99" in result.stderr
                     and sha256(db) == digest and sorted(os.listdir(base)) == before, result.stderr)

    # Another application's database, and a file that is no database.
    db = os.path.join(base, "contacts.sqlite")
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()
    digest = sha256(db)
    result = program.run("members", "import", roster, db=db)
    checks.check("faults: another application's database is refused, untouched",
                 result.returncode == 2 and "是别的程序的 SQLite 数据库（其中有表 contacts）" in result.stderr
                 and sha256(db) == digest
                 and query(db, "SELECT name FROM sqlite_master") == [("contacts",)], result.stderr)
    db = os.path.join(base, "notes.txt")
    write(db, "这不是数据库\n")
    result = program.run("members", "list", db=db)
    checks.check("faults: a file that is no database is refused",
                 result.returncode == 2 and "不是 SQLite 数据库文件" in result.stderr, result.stderr)

    # A damaged database: Chinese first, SQLite's own words after.
    db = os.path.join(base, "damaged.sqlite")
    program.run("members", "import", roster, db=db)
    with open(db, "r+b") as file:
        page_size = int.from_bytes(file.read(18)[16:18], "big")
        file.seek(page_size)
        file.write(b"\xff" * page_size * 2)
    result = program.run("members", "list", db=db)
    checks.check("faults: a damaged file says so in Chinese, SQLite's text after it",
                 result.returncode in (1, 2) and re.search(
                     r"数据库文件已损坏（SQLite：[^）]*malformed", result.stderr) is not None,
                 result.stderr)


# --- hostile data through every printing command ------------------------------------------

HOSTILE = "\x1b]0;PWNED\x07\x1b[31m王\u202e建国"
RAW = [b"\x1b", b"\x07", "\u202e".encode()]


def hostile_catalog(program, workdir):
    """A copy of the catalog with escape sequences in a category's and a course's title and a
    formula in a rule's title; returns its directory and that course's id."""
    catalog = os.path.join(workdir, "hostile-data")
    if os.path.exists(catalog):
        shutil.rmtree(catalog)
    shutil.copytree(program.catalog, catalog)
    rules = os.path.join(catalog, "rules.toml")
    with open(rules, encoding="utf-8") as file:
        text = file.read()
    title = re.search(r'^title = "(.*)"$', text, re.M).group(1)
    text = text.replace(f'title = "{title}"', 'title = "=HYPERLINK(\\"http://x\\",\\"点击\\")"', 1)
    write(rules, text)
    farming = os.path.join(catalog, "courses", "farming.toml")
    with open(farming, encoding="utf-8") as file:
        text = file.read()
    course_id = re.search(r'^id = "(.*)"$', text, re.M).group(1)
    course_title = re.search(r'^title = "(.*)"$', text, re.M).group(1)
    text = text.replace(f'title = "{course_title}"', 'title = "\\u001B]0;PWNED\\u0007课程"', 1)
    write(farming, text)
    catalog_file = os.path.join(catalog, "catalog.toml")
    with open(catalog_file, encoding="utf-8") as file:
        text = file.read()
    text = re.sub(r'^(\[\[category\]\]\nid = "[^"]*"\ntitle = ")', r"\1\\u001B]0;PWNED\\u0007\\u202E",
                  text, count=1, flags=re.M)
    write(catalog_file, text)
    return catalog, course_id


def test_hostile_data(checks, program, workdir):
    """Escape sequences and formulas from the records and from the catalog, through every
    command that prints: nothing reaches the terminal raw, no CSV cell runs as a formula."""
    catalog, course_id = hostile_catalog(program, workdir)
    hostile = Program(program.binary, catalog)
    db = os.path.join(workdir, "hostile", "records.sqlite")
    roster = os.path.join(workdir, "hostile.csv")
    write(roster, "id,name,branch,domain,role,joined,pin\n1001,王建国,一支部,rural,member,2012-07-01,1234\n")
    hostile.run("members", "import", roster, db=db)
    connection = sqlite3.connect(db)
    connection.execute("UPDATE member SET name = ?, branch = ? WHERE id = '1001'", (HOSTILE, HOSTILE))
    connection.commit()
    connection.close()
    write(roster, f"id,name,branch,domain,role,joined\n1002,{HOSTILE},一支部,rural,member,2012-07-01\n")
    runs = {
        "members list": (["members", "list"], None),
        "report": (["report"], None),
        "report --format csv": (["report", "--format", "csv"], None),
        "credit": (["credit", course_id, "--date", "2026-03-05", "--members", "1001"], None),
        "members set-pin": (["members", "set-pin", "1001"], b"2468\n"),
        "members unlock": (["members", "unlock", "1001"], None),
        "members import": (["members", "import", roster], None),
        "check": (["check", catalog], None),
        "browse (not a terminal)": ([], None),
    }
    for name, (args, stdin) in runs.items():
        command = hostile.args(*args, db=db if args[:1] != ["check"] else None, catalog=False)
        if args[:1] not in (["check"], ["members"]):
            command += ["--catalog", catalog]
        result = subprocess.run(command, input=stdin or b"", capture_output=True, timeout=120,
                                cwd=ROOT)
        output = result.stdout + result.stderr
        raw = [repr(sequence) for sequence in RAW if sequence in output]
        checks.check(f"hostile: {name} prints nothing raw", not raw and result.returncode in (0, 1),
                     f"{raw} exit {result.returncode}")
        shown = ["␛]0;PWNED".encode() in output] if name != "members import" else []
        checks.check(f"hostile: {name} shows the escapes visibly", all(shown) and len(output) > 0,
                     output.decode("utf-8", "replace")[-300:])
        if name == "report --format csv":
            cells = [cell for row in csv.reader(io.StringIO(result.stdout.decode("utf-8-sig")))
                     for cell in row]
            running = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
            checks.check("hostile: no CSV cell runs as a formula, catalog text included",
                         not running and "'=HYPERLINK(\"http://x\",\"点击\")" in cells, str(running))


# --- tests of online courses: the daily limit across processes, credit once, quiz report ---

def test_quiz(checks, program, workdir, engine="sqlite", processes=8, attempts=2):
    db = new_database(workdir, "quiz", engine)
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
    # A course whose only attempt was left before the end (review 1, finding 1: the report
    # stopped the program): listed with its attempt and no pass.
    left = program.run("records-stress", "quiz", "--course", "online-plan-overview",
                       "--member", "3004", "--finish", "leave", db=db)
    report = program.run("quiz", "report", "--year", "2026", "--course", "online-plan-overview",
                         db=db)
    checks.check("quiz report: a course whose attempts were all left, with 0 passes",
                 left.stdout.split() == ["started", "1", "left"] and report.returncode == 0
                 and "测验 1 次（交卷 0 次，中途离开 1 次）；参加 1 人，通过 0 人，通过率 0%；交卷中通过 0 次"
                 in report.stdout and "还没有交卷的测验，没有试题分析。" in report.stdout,
                 left.stdout + left.stderr + report.stdout + report.stderr)
    csv = program.run("quiz", "report", "--format", "csv", db=db)
    checks.check("quiz report --format csv: the left course among the others",
                 csv.returncode == 0 and "\nonline-plan-overview," in csv.stdout, csv.stderr)
    # The credit a pass earned, taken back (review 1, finding 2: the attempt's link to it
    # refused the removal): the attempt keeps its score, the report says so, and the member
    # earns it again with the next pass.
    (date,) = query(db, "SELECT date FROM credit WHERE member_id = '3002'")[0]
    undo = program.run("credit", "--undo", course, "--date", date, "--members", "3002",
                       "--reason", "测验时由他人代答", db=db)
    attempts = query(db, "SELECT score, passed, credit_id, credit_withdrawn_at IS NOT NULL "
                         "FROM quiz_attempt WHERE member_id = '3002' AND credit_withdrawn_at "
                         "IS NOT NULL")
    checks.check("credit --undo of a credit a pass earned: removed, the attempt keeps its score",
                 undo.returncode == 0 and "已撤销 1 条学时记录" in undo.stdout
                 and query(db, "SELECT count(*) FROM credit WHERE member_id = '3002'") == [(0,)]
                 and attempts == [(100, 1, None, 1)]
                 and query(db, "SELECT action, reason FROM audit WHERE member_id = '3002'")
                 == [("credit-removed", "测验时由他人代答")],
                 undo.stdout + undo.stderr + str(attempts))
    report = program.run("quiz", "report", "--course", course, db=db)
    checks.check("quiz report: the pass whose credit was withdrawn still counts, marked so",
                 "交卷中通过 4 次（其中 1 次所计学时已撤销）" in report.stdout,
                 report.stdout + report.stderr)
    again = program.run("records-stress", "quiz", "--course", course, "--member", "3002",
                        "--day", "2026-05-20", "--finish", "right", db=db)
    checks.check("quiz: after the undo, the next pass credits the year's hours again",
                 again.stdout.split() == ["started", "1", "credited"]
                 and query(db, "SELECT date FROM credit WHERE member_id = '3002'")
                 == [("2026-05-20",)], again.stdout + again.stderr)
    # And the other way round (review 1, finding 3): `credit` of an online course the member
    # has this training year, on another day, writes nothing and says why.
    result = program.run("credit", course, "--date", "2026-05-19", "--members", "3002", db=db)
    checks.check("credit of an online course credited this year: listed as already credited",
                 result.returncode == 0 and "新记入 0 人" in result.stdout
                 and "已有记录、未重复记入 1 人（网络培训课程每个培训年度只计一次）：3002" in result.stdout
                 and query(db, "SELECT date FROM credit WHERE member_id = '3002'")
                 == [("2026-05-20",)], result.stdout + result.stderr)
    unknown = program.run("quiz", "report", "--course", "no-such-course", db=db)
    checks.check("quiz report of an unknown course: exit 1 and why",
                 unknown.returncode == 1 and "no-such-course" in unknown.stderr, unknown.stderr)
    checks.check("quiz: integrity check ok", integrity(db) == "ok")


# --- records copy: SQLite to PostgreSQL and back ----------------------------------------------

COPIED_TABLES = ["station", "member", "administrator", "login_throttle", "selection", "credit",
                 "lesson_progress", "quiz_question", "quiz_attempt", "quiz_answer", "member_key",
                 "session", "showing", "attendance", "signup", "rating_prompt", "rating_course",
                 "rating_tally", "survey_status", "survey_tally", "audit"]


def counts(db):
    return {table: query(db, f"SELECT count(*) FROM {table}")[0][0] for table in COPIED_TABLES}


def credit_rows(db):
    return sorted(query(db, "SELECT member_id, course_id, date, half_hours, form, source, reason "
                            "FROM credit"))


def test_copy(checks, program, workdir):
    """A station's SQLite records into PostgreSQL and back: everything arrives, a second run
    doubles nothing, a conflict is reported and not overwritten."""
    station = os.path.join(workdir, "copy", "station.sqlite")
    roster = os.path.join(workdir, "copy-roster.csv")
    write(roster, "id,name,branch,domain,role,joined,pin\n"
                  "1001,王建国,红旗村党支部,rural,member,2012-07-01,1111\n"
                  "1002,李秀英,红旗村党支部,rural,secretary,2003-06-15,2222\n")
    key = os.path.join(workdir, "copy-key.pub")
    write(key, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOh3Hw5UhiibNd6tGdjs/yxzvXtZWNGpf9xPcxWoI0eY "
               "wang@phone\n")
    steps = [
        ("members", "import", roster),
        ("members", "add-key", "1001", key),
        ("records-stress", "study", "--member", "1001"),
        ("records-stress", "mix", "--worker", "1", "--ops", "30"),
        ("records-stress", "quiz", "--course", "online-hours-assessment", "--member", "1001",
         "--finish", "right"),
        ("records-stress", "quiz", "--course", "online-hours-assessment", "--member", "1002"),
        ("records-stress", "auth", "--member", "1002", "--pin", "0000"),
        ("credit", "farm-greenhouse-veg", "--date", "2026-11-24", "--unscheduled", "--reason",
         "补学", "--members", "1001,1002"),
        ("credit", "--undo", "farm-greenhouse-veg", "--date", "2026-11-24", "--members", "1002",
         "--reason", "登记错了"),
        ("stations", "add", "S01", "--name", "红旗村远教站点", "--place", "村党员活动室"),
        ("admins", "add", "9001", "--name", "张站长", "--station", "S01"),
        ("signin", "open", "ideals-red-films", "--station", "S01", "--unscheduled"),
        ("records-stress", "signin", "--station", "S01", "--member", "1001", "--pin", "1111"),
        ("signin", "close", "--station", "S01"),
        ("records-stress", "signup", "--member", "1002", "--capacity", "5"),
    ]
    problems = []
    for step in steps:
        result = program.run(*step, db=station,
                             catalog=step[0] not in ("members", "stations", "admins"))
        if result.returncode != 0:
            problems.append(f"{' '.join(step[:3])}: {result.returncode} {result.stderr.strip()[:200]}")
    before = counts(station)
    checks.check("copy: a station's records with something in every table",
                 not problems and all(before[table] > 0 for table in COPIED_TABLES),
                 "; ".join(problems) + " " + str(before))
    county = new_database(workdir, "county", "postgresql")
    result = program.run("records", "copy", "--from", station, "--to", county.location,
                         catalog=False)
    checks.check("copy SQLite -> PostgreSQL: exit 0, every row there",
                 result.returncode == 0 and counts(county) == before,
                 f"{result.stdout}{result.stderr} {counts(county)}")
    checks.check("copy SQLite -> PostgreSQL: the credits are the same rows",
                 credit_rows(county) == credit_rows(station))
    pins = query(county, "SELECT id, encode(pin_salt, 'hex'), encode(pin_key, 'hex'), pin_rounds "
                         "FROM member WHERE pin_key IS NOT NULL ORDER BY id")
    checks.check("copy: PIN hashes arrive byte for byte",
                 len(pins) == 2
                 and pins == query(station, "SELECT id, lower(hex(pin_salt)), lower(hex(pin_key)), "
                                            "pin_rounds FROM member WHERE pin_key IS NOT NULL "
                                            "ORDER BY id"), str(pins))
    login = program.run("records-stress", "auth", "--member", "1001", "--pin", "1111",
                        db=county, catalog=False)
    checks.check("copy: a copied member logs in on PostgreSQL with the station's PIN",
                 login.stdout.split() == ["ok"], login.stdout + login.stderr)
    again = program.run("records", "copy", "--from", station, "--to", county.location,
                        catalog=False)
    checks.check("copy again: nothing doubles (新复制 0)",
                 again.returncode == 0 and "共新复制 0 条" in again.stdout
                 and counts(county) == before, again.stdout + again.stderr)
    # The county renames a member; the station still has the old name: a conflict, reported.
    query(county, "UPDATE member SET name = '王建民' WHERE id = '1001'")
    conflict = program.run("records", "copy", "--from", station, "--to", county.location,
                           catalog=False)
    checks.check("copy: a conflict is reported (exit 1) and not overwritten",
                 conflict.returncode == 1 and "冲突：党员 id=1001" in conflict.stdout
                 and "name" in conflict.stdout
                 and query(county, "SELECT name FROM member WHERE id = '1001'") == [("王建民",)]
                 and counts(county) == before, conflict.stdout + conflict.stderr)
    # And back: PostgreSQL into a new SQLite file, then into the station it came from.
    back = os.path.join(workdir, "copy", "back.sqlite")
    result = program.run("records", "copy", "--from", county.location, "--to", back,
                         catalog=False)
    checks.check("copy PostgreSQL -> SQLite: exit 0, every row there, the same credits",
                 result.returncode == 0 and counts(back) == before
                 and credit_rows(back) == credit_rows(county),
                 f"{result.stdout}{result.stderr} {counts(back)}")
    result = program.run("records", "copy", "--from", county.location, "--to", back,
                         catalog=False)
    checks.check("copy PostgreSQL -> SQLite again: nothing doubles",
                 result.returncode == 0 and "共新复制 0 条" in result.stdout
                 and counts(back) == before, result.stdout + result.stderr)
    home = program.run("records", "copy", "--from", county.location, "--to", station,
                       catalog=False)
    checks.check("copy back into the station it came from: its own rows are found, nothing "
                 "doubles, the renamed member is the one conflict",
                 home.returncode == 1 and counts(station) == before
                 and home.stdout.count("冲突：") == 1 and "共新复制 0 条" in home.stdout,
                 home.stdout + home.stderr)
    checks.check("copy: both databases intact", integrity(station) == "ok"
                 and integrity(county) == "ok" and integrity(back) == "ok")
    refused = program.run("records", "copy", "--from", station, "--to",
                          county.location.replace("postgres@", "postgres:secret@"), catalog=False)
    checks.check("copy: a URL with a password is refused, saying where it goes",
                 refused.returncode == 2 and "PGPASSWORD" in refused.stderr
                 and "~/.pgpass" in refused.stderr, refused.stderr)


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
        "import: every bad row reported by its line; a line break inside quotes is an open "
        "quote on its line and swallows nothing",
        [line.split("：")[0] for line in lines[:-1]] == [f"{roster} 第 3 行", f"{roster} 第 4 行"]
        + [f"{roster} 第 5 行"] * 4 + [f"{roster} 第 7 行"], "\n".join(lines))
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
    checks.check("set-pin: the new PIN logs in", auth(program, db, "1003", "97531") == ["ok"])
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
    result = credit("farm-demo-household", "--date", "2026-06-04", "--sheet", sheet)
    checks.check("credit --sheet: a wrong name is reported by line, nothing written",
                 result.returncode == 1 and "第 4 行" in result.stderr
                 and query(db, "SELECT count(*) FROM credit") == before, result.stderr)
    write(sheet, "序号,编号,姓名,签名\n1,1001,王建国,\n2,1004,陈小红,\n", bom=True)
    result = credit("farm-demo-household", "--date", "2026-06-04", "--sheet", sheet)
    sources = query(db, "SELECT DISTINCT source FROM credit WHERE course_id = 'farm-demo-household'")
    checks.check("credit --sheet: credited with its source", result.returncode == 0
                 and sources == [("批量导入 签到表.csv",)], f"{result.stderr} {sources}")
    # The same sheet takes them back (review 1: --undo refused --sheet), all or nothing; then
    # it credits them again for the checks below.
    undone = credit("farm-demo-household", "--date", "2026-06-04", "--sheet", sheet, "--undo",
                    "--reason", "日期登记错了")
    left = query(db, "SELECT count(*) FROM credit WHERE course_id = 'farm-demo-household'")
    checks.check("credit --undo --sheet: every member of the sheet's credit removed",
                 undone.returncode == 0 and "已撤销 2 条学时记录" in undone.stdout
                 and left == [(0,)], f"{undone.stdout} {undone.stderr} {left}")
    redone = credit("farm-demo-household", "--date", "2026-06-04", "--sheet", sheet)
    checks.check("credit --sheet after the undo: credited again", redone.returncode == 0
                 and query(db, "SELECT count(*) FROM credit WHERE course_id = "
                           "'farm-demo-household'") == [(2,)], redone.stdout + redone.stderr)
    # Dates that cannot be right (review 1, finding 5): refused with the members named,
    # nothing written, make-ups included.
    later = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    before = query(db, "SELECT count(*) FROM credit")
    result = credit("law-rural-policy", "--date", later, "--unscheduled", "--reason", "补学",
                    "--members", "1001")
    checks.check("credit: a date after today is refused (exit 1), make-ups too",
                 result.returncode == 1 and f"日期 {later} 晚于今天" in result.stderr
                 and "没有记入任何学时" in result.stderr
                 and query(db, "SELECT count(*) FROM credit") == before, result.stderr)
    result = credit("ideals-micro-lesson", "--date", "1026-04-10", "--members", "1001,1004")
    checks.check("credit: a date before members joined is refused, naming each (exit 1)",
                 result.returncode == 1
                 and "以下党员在 1026-04-10 还没有入党，不能登记这一天的学时（请核对日期）："
                 "1001 王建国（2012-07-01 入党）、1004 陈小红（2026-05-04 入党）" in result.stderr
                 and query(db, "SELECT count(*) FROM credit") == before, result.stderr)
    write(sheet, "序号,编号,姓名,签名\n1,1001,王建国,\n2,1004,陈小红,\n", bom=True)
    result = credit("ideals-micro-lesson", "--date", "2026-03-05", "--unscheduled", "--reason",
                    "补学", "--sheet", sheet)
    checks.check("credit --sheet --unscheduled: one member not yet joined, nothing written",
                 result.returncode == 1 and "1004 陈小红（2026-05-04 入党）" in result.stderr
                 and "1001 王建国" not in result.stderr
                 and query(db, "SELECT count(*) FROM credit") == before, result.stderr)
    sources = query(db, "SELECT DISTINCT source FROM credit WHERE course_id = 'ideals-theory'")
    checks.check("credit --members: source says attendance and day",
                 sources == [("考勤登记 2026-03-18",)], str(sources))

    result = program.run("report", db=db)
    checks.check("report: text", result.returncode == 0 and "共 4 人" in result.stdout
                 and "还需" in result.stdout, result.stdout + result.stderr)
    # 1004 joined 2026-05-04: not in 2025's report at all (review 1, finding 4).
    result = program.run("report", "--year", "2025", db=db)
    csv_2025 = program.run("report", "--year", "2025", "--format", "csv", db=db)
    checks.check("report --year 2025: a member who joined in 2026 is neither listed nor counted",
                 result.returncode == 0 and "共 3 人" in result.stdout
                 and "统计 2025-12-31 及以前入党的党员" in result.stdout
                 and "陈小红" not in result.stdout and "陈小红" not in csv_2025.stdout
                 and len(csv_2025.stdout.strip().splitlines()) == 4,
                 result.stdout + csv_2025.stdout + result.stderr)
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
    checks.check("location: COURSE_MENU_DB wins over XDG_DATA_HOME, and listing creates nothing",
                 not os.path.exists(environment["COURSE_MENU_DB"])
                 and f"没有党员记录（数据库 {environment['COURSE_MENU_DB']}）" in result.stdout,
                 result.stdout + result.stderr)


# The multi-process tests, run on every engine; the others are about SQLite files and the
# command line.
BOTH_ENGINES = {"mix", "crash", "lockout", "quiz"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/course-menu"))
    parser.add_argument("--catalog", default=os.path.join(ROOT, "data"))
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None)
    tests = {
        "commands": test_commands, "mix": test_concurrent_mix, "lockout": test_parallel_throttle,
        "strict": test_strict_rosters, "faults": test_database_faults,
        "hostile": test_hostile_data, "quiz": test_quiz, "crash": None, "copy": test_copy,
    }
    parser.add_argument("--only", choices=list(tests))
    parser.add_argument(
        "--engine", choices=ENGINES, action="append",
        help="run the multi-process tests on this engine (default: SQLite, and PostgreSQL "
             "when COURSE_MENU_TEST_PG is set)")
    options = parser.parse_args()
    engines = options.engine or (ENGINES if os.environ.get("COURSE_MENU_TEST_PG") else ["sqlite"])
    if "postgresql" in engines and not os.environ.get("COURSE_MENU_TEST_PG"):
        parser.error("--engine postgresql needs COURSE_MENU_TEST_PG (Tests/pg/cluster.py run)")
    program = Program(os.path.abspath(options.bin), os.path.abspath(options.catalog))
    checks = Checks()
    seed = options.seed if options.seed is not None else random.randrange(1 << 30)
    print(f"# records tests with {program.binary}, crash seed {seed}")
    with tempfile.TemporaryDirectory(prefix="records-tests-") as workdir:
        for name, test in tests.items():
            if options.only not in (None, name):
                continue
            if name in BOTH_ENGINES:
                for engine in engines:
                    print(f"# {name} on {engine}")
                    sys.stdout.flush()
                    if test is None:
                        test_crash(checks, program, workdir, engine, kills=options.kills, seed=seed)
                    else:
                        test(checks, program, workdir, engine)
            elif name == "copy":
                if "postgresql" in engines:
                    test(checks, program, workdir)
            elif "sqlite" in engines:
                test(checks, program, workdir)
    print(f"{checks.passed} passed, {checks.failed} failed")
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
