#!/usr/bin/env python3
"""A throwaway PostgreSQL 15 cluster for the tests and the benchmark.

Debian's own server binaries (/usr/lib/postgresql/15/bin: initdb, pg_ctl), started the real
way: as an unprivileged user (PostgreSQL refuses root; as root this runs them as the
`postgres` system user, created if missing), in a new temporary directory, listening on
127.0.0.1 and a free port only (and a Unix socket inside that directory), with password
(SCRAM) authentication. The password is written to a pgpass file in the directory, which
PGPASSFILE names: nothing puts it on a command line. Whatever happens, the server is stopped,
its processes are checked gone, and the directory is removed.

    python3 Tests/pg/cluster.py run [--fsync on|off] -- COMMAND ARGS...

runs COMMAND with COURSE_MENU_TEST_PG (a postgresql:// URL of the `postgres` database,
without password), PGPASSFILE and PGUSER set, and returns its exit status. As a module:

    with Cluster(fsync=True) as cluster:
        cluster.url("records")      # postgresql://postgres@127.0.0.1:PORT/records
        cluster.create_database("records")
"""
import argparse
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

BIN = "/usr/lib/postgresql/15/bin"
SUPERUSER = "postgres"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_account():
    """The unprivileged account the server runs as: ourselves unless we are root."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
             "postgres"], check=True)
        return pwd.getpwnam("postgres")


class Cluster:
    def __init__(self, fsync=True, max_connections=300):
        self.fsync = fsync
        self.max_connections = max_connections
        self.directory = None
        self.port = None
        self.password = secrets.token_hex(16)
        self.account = None
        self.postmaster_pid = None

    # The server's side: commands run as the unprivileged account.
    def _as_server(self, command, **kwargs):
        if self.account is not None:
            command = ["runuser", "-u", self.account.pw_name, "--"] + command
        return subprocess.run(command, **kwargs)

    def start(self):
        if not os.path.exists(os.path.join(BIN, "initdb")):
            raise SystemExit(f"PostgreSQL 15 is not installed ({BIN}): apt-get install postgresql")
        self.account = server_account()
        self.directory = tempfile.mkdtemp(prefix="course-menu-pg-")
        os.chmod(self.directory, 0o755)
        data = os.path.join(self.directory, "data")
        pwfile = os.path.join(self.directory, "pwfile")
        with open(os.open(pwfile, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
            f.write(self.password + "\n")
        if self.account is not None:
            os.chown(self.directory, self.account.pw_uid, self.account.pw_gid)
            os.chown(pwfile, self.account.pw_uid, self.account.pw_gid)
        self._as_server(
            [f"{BIN}/initdb", "-D", data, "-U", SUPERUSER, "--auth=scram-sha-256",
             f"--pwfile={pwfile}", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
            check=True, stdout=subprocess.DEVNULL)
        os.remove(pwfile)
        self.port = free_port()
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.directory} "
            f"-c max_connections={self.max_connections} -c fsync={'on' if self.fsync else 'off'} "
            "-c shared_buffers=128MB -c max_pred_locks_per_transaction=256")
        log = os.path.join(self.directory, "server.log")
        self._as_server(
            [f"{BIN}/pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"],
            check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(data, "postmaster.pid")) as f:
            self.postmaster_pid = int(f.readline())
        # The client's side: a pgpass file only its owner reads.
        self.pgpass = os.path.join(self.directory, "pgpass")
        with open(os.open(self.pgpass, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
            f.write(f"127.0.0.1:{self.port}:*:{SUPERUSER}:{self.password}\n")
        return self

    def url(self, database="postgres"):
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}?sslmode=disable"

    def environment(self):
        env = dict(os.environ)
        env["COURSE_MENU_TEST_PG"] = self.url()
        env["PGPASSFILE"] = self.pgpass
        env["PGUSER"] = SUPERUSER
        return env

    def psql(self, sql, database="postgres"):
        """Runs SQL with Debian's psql client, as the client would (pgpass, TCP)."""
        return subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
             str(self.port), "-U", SUPERUSER, "-d", database, "-At", "-c", sql],
            env=self.environment(), check=True, capture_output=True, text=True).stdout

    def create_database(self, name):
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self):
        if self.directory is None:
            return
        data = os.path.join(self.directory, "data")
        try:
            if os.path.exists(os.path.join(data, "postmaster.pid")):
                self._as_server(
                    [f"{BIN}/pg_ctl", "-D", data, "-m", "immediate", "-w", "-t", "30", "stop"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self._check_gone()
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None

    def _check_gone(self):
        """No server process may outlive the cluster: wait for the postmaster and its
        children, then kill, by process id, any still there and say so."""
        if self.postmaster_pid is None:
            return
        deadline = time.time() + 10
        while time.time() < deadline and self._children_alive():
            time.sleep(0.05)
        left = self._children_alive()
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if left:
            raise RuntimeError(f"PostgreSQL processes left behind and killed: {left}")

    def _children_alive(self):
        """The postmaster, and processes whose command line names our data directory or
        whose parent is the postmaster."""
        alive = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            pid = int(entry)
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                state, parent = fields[0], int(fields[1])
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            if state == "Z":
                continue
            if pid == self.postmaster_pid or parent == self.postmaster_pid:
                alive.append(pid)
        return alive

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="verb", required=True)
    run = sub.add_parser("run", help="run a command with a throwaway cluster")
    run.add_argument("--fsync", choices=["on", "off"], default="on")
    run.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command")
    cluster = Cluster(fsync=args.fsync == "on")
    status = 1
    # SIGTERM (CI's timeout) ends the command and still stops the cluster.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        cluster.start()
        print(f"== PostgreSQL 15 throwaway cluster on 127.0.0.1:{cluster.port} "
              f"({cluster.directory}, fsync {args.fsync})", flush=True)
        status = subprocess.run(command, env=cluster.environment()).returncode
    except KeyboardInterrupt:
        status = 130
    finally:
        cluster.stop()
        print("== PostgreSQL cluster stopped and removed; no server process left", flush=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
