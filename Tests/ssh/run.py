#!/usr/bin/env python3
"""The program behind a real OpenSSH server, as deploy/ssh installs it, driven by a real ssh
client on a pty (tmux for screens, pexpect for the rest).

Everything lives in one temporary directory (under /opt: sshd requires every directory above
AuthorizedKeysCommand to be root-owned and not world-writable, which /tmp is not) and on
127.0.0.1 at a free port: its own host key, its own sshd_config that includes the project's
drop-in as deploy/ssh/install.sh renders it (paths and account names pointing into the
temporary directory), its own accounts and group (random names), its own records. sshd is
started by absolute path (`/usr/sbin/sshd -D -f CONFIG -E LOG`) and stopped at the end,
whatever happened; the accounts and the group are removed, and the test checks that no
process of theirs is left.

Checks:
- login by key lands in the program as that member; the shared account's password, then
  number and PIN; a client that sends no locale still gets the Unicode frame (SetEnv LANG);
  an unknown TERM gets a fallback with a notice; LC_ALL=C keeps the ASCII frame;
- `ssh host /bin/sh`, `ssh host CMD`, `ssh -T`, `-L`/`-R`/`-D` forwarding, sftp, scp (both
  protocols) and SetEnv LD_PRELOAD give nothing but the program or a refusal, for both
  accounts; `ssh -t host CMD` runs the program and only logs CMD;
- 30 concurrent key sessions each select a different elective; every selection is there;
- killing the client ends the server-side program (and its sshd processes) within 2 s;
  a program killed outright leaves a row that does not block the member's next login;
- a second login of the same member offers to replace the first; the first says why it
  ended; 0 leaves the first alone;
- the session audit has all of it (`report sessions`), the idle timeout ends a session.

    python3 Tests/ssh/run.py [--binary PATH]

Needs root (accounts, sshd). Installs openssh-server from Debian when /usr/sbin/sshd is
missing. Prints one line per check and, last, exactly `N passed, M failed`.
"""

import argparse
import csv
import io
import os
import pwd
import re
import secrets
import shlex
import shutil
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time

import pexpect

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "e2e"))
from tui_e2e import REPO, Results, Tmux, expect, past_feedback  # noqa: E402
from records_e2e import load_catalog  # noqa: E402

SSHD = "/usr/sbin/sshd"
SLOW = 30.0  # a debug build starting under load, PIN checks slow on purpose
IDLE_TIMEOUT = 75  # seconds; one session is left idle to see it end
PASSWORD = "study-" + secrets.token_hex(4)
CONCURRENT = 30
REFUSAL = "需要交互式终端"
# A command meant to act on whoever reads the audit: set the window title, reverse the text.
HOSTILE = "echo \x1b]0;pwned\x07\x1b[2J \u202etxt.exe"


class Deployment:
    """The temporary installation: accounts, files, sshd."""

    def __init__(self, binary, idle_timeout=IDLE_TIMEOUT, extra_config=""):
        tag = "cmt" + secrets.token_hex(3)
        self.idle_timeout = idle_timeout
        self.extra_config = extra_config
        self.group = tag
        self.study = f"{tag}-study"
        self.keyed = f"{tag}-key"
        self.keys_user = f"{tag}-keys"
        self.accounts = [self.study, self.keyed, self.keys_user]
        self.root = tempfile.mkdtemp(prefix="course-menu-ssh-test.", dir="/opt")
        os.chmod(self.root, 0o755)
        self.binary = binary
        self.etc = os.path.join(self.root, "etc")
        self.program = os.path.join(self.root, "prefix", "bin", "course-menu")
        self.catalog = os.path.join(self.root, "prefix", "share", "course-menu", "data")
        self.database = os.path.join(self.root, "state", "records", "records.sqlite")
        self.log = os.path.join(self.root, "sshd.log")
        self.port = free_port()
        self.sshd = None
        self.created_accounts = False

    def install(self):
        os.makedirs(os.path.join(self.etc, "sshd_config.d"))
        os.makedirs("/run/sshd", exist_ok=True)  # sshd's privilege separation directory
        key = os.path.join(self.etc, "host_ed25519")
        run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key])
        with open(os.path.join(self.etc, "sshd_config"), "w") as config:
            config.write(f"""\
Include {self.etc}/sshd_config.d/*.conf
Port {self.port}
ListenAddress 127.0.0.1
HostKey {key}
PidFile {self.root}/sshd.pid
UsePAM no
LogLevel VERBOSE
# As Debian's own sshd_config, so the drop-in is tried against what a server has.
KbdInteractiveAuthentication no
X11Forwarding yes
PrintMotd no
AcceptEnv LANG LC_*
Subsystem sftp /usr/lib/openssh/sftp-server
{self.extra_config}""")
        self.created_accounts = True
        env = dict(os.environ, PREFIX=os.path.join(self.root, "prefix"),
                   STATE_DIR=os.path.join(self.root, "state"),
                   SSHD_CONFIG=os.path.join(self.etc, "sshd_config"),
                   DROPIN_DIR=os.path.join(self.etc, "sshd_config.d"), GROUP=self.group,
                   STUDY_ACCOUNT=self.study, KEY_ACCOUNT=self.keyed, KEYS_USER=self.keys_user,
                   IDLE_TIMEOUT=str(self.idle_timeout), STUDY_PASSWORD=PASSWORD, RELOAD="no")
        result = subprocess.run(
            ["bash", os.path.join(REPO, "deploy", "ssh", "install.sh"), "--binary", self.binary,
             "--catalog", os.path.join(REPO, "data")], env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"install.sh failed:\n{result.stdout}{result.stderr}")
        return result

    def course_menu(self, *args, check=True):
        result = subprocess.run([self.program, *args, "--db", self.database], capture_output=True,
                                text=True)
        if check and result.returncode != 0:
            raise RuntimeError(f"course-menu {' '.join(args)}: {result.stderr}")
        return result

    def start_sshd(self):
        config = os.path.join(self.etc, "sshd_config")
        run([SSHD, "-t", "-f", config])
        self.sshd = subprocess.Popen([SSHD, "-D", "-f", config, "-E", self.log])
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            if self.sshd.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError(f"sshd did not start:\n{read(self.log)}")

    def uids(self):
        uids = set()
        for name in self.accounts:
            try:
                uids.add(pwd.getpwnam(name).pw_uid)
            except KeyError:
                pass
        return uids

    def processes(self):
        """Processes of the test accounts, and sshd processes serving them: (pid, command)."""
        uids = self.uids()
        found = []
        for pid in pids():
            try:
                uid = os.stat(f"/proc/{pid}").st_uid
                command = read(f"/proc/{pid}/cmdline").replace("\0", " ").strip()
            except (FileNotFoundError, ProcessLookupError):
                continue
            if uid in uids or any(f"sshd: {name}" in command for name in self.accounts) \
                    or self.root in command:
                found.append((pid, command))
        return found

    def tear_down(self, results):
        if self.sshd and self.sshd.poll() is None:
            self.sshd.terminate()
            try:
                self.sshd.wait(5)
            except subprocess.TimeoutExpired:
                self.sshd.kill()
                self.sshd.wait()
        # Sessions end when their clients are gone (the tmux servers are killed first); give
        # them a moment, then end whatever is left, by pid, and say so.
        deadline = time.monotonic() + 5
        while self.processes() and time.monotonic() < deadline:
            time.sleep(0.1)
        left = self.processes()
        for pid, _ in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        results.check("cleanup: no process of the test accounts or their sshd left", not left,
                      "; ".join(f"{pid} {command}" for pid, command in left))
        if self.created_accounts:
            for name in self.accounts:
                subprocess.run(["userdel", name], capture_output=True)
            subprocess.run(["groupdel", self.group], capture_output=True)
        gone = all(not account_exists(name) for name in self.accounts)
        results.check("cleanup: the test accounts are removed", gone)
        shutil.rmtree(self.root, ignore_errors=True)


def run(argv):
    subprocess.run(argv, check=True, capture_output=True)


def read(path):
    try:
        with open(path, errors="replace") as file:
            return file.read()
    except OSError:
        return ""


def pids():
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def account_exists(name):
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_sshd():
    if os.access(SSHD, os.X_OK):
        return
    print("Installing openssh-server from Debian")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "openssh-server"], check=True, env=env)


class Client:
    """ssh, sftp and scp as a member's device runs them."""

    def __init__(self, deployment):
        self.d = deployment
        self.keys = os.path.join(deployment.root, "client-keys")
        os.makedirs(self.keys, mode=0o700)

    def key(self, name):
        path = os.path.join(self.keys, name)
        if not os.path.exists(path):
            run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"{name}@phone", "-f",
                 path])
        return path

    def options(self, key=None):
        options = ["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                   "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10"]
        if key:
            options += ["-i", key, "-o", "IdentitiesOnly=yes", "-o", "PasswordAuthentication=no"]
        else:
            options += ["-o", "PubkeyAuthentication=no", "-o", "IdentitiesOnly=yes"]
        return options

    def ssh_argv(self, account, key=None, extra=(), command=None):
        argv = ["ssh", *self.options(key), "-p", str(self.d.port), *extra,
                f"{account}@127.0.0.1"]
        return argv + ([command] if command else [])

    def spawn(self, argv, password=None, timeout=30, commands=None):
        """Runs a client to its end on a pty, typing the password when asked (and `commands`
        at an sftp prompt, should one ever come): (exit status, output)."""
        child = pexpect.spawn(argv[0], argv[1:], encoding="utf-8", codec_errors="replace",
                              timeout=timeout, env=dict(os.environ, LANG="C.UTF-8"))
        output = ""
        try:
            while True:
                index = child.expect([r"[Pp]assword:", r"sftp> ", pexpect.EOF])
                output += child.before + (child.after if index == 1 else "")
                if index == 2:
                    break
                if index == 1:
                    child.send(commands or "bye\n")
                    commands = "bye\n"
                else:
                    child.sendline(password or "")
        except pexpect.TIMEOUT:
            output += child.before or ""
            child.terminate(force=True)
            return None, output
        child.close()
        return child.exitstatus, output

    def shell_command(self, argv, env=""):
        return f"clear; {env} {' '.join(shlex.quote(a) for a in argv)}; echo SSH-EXIT=$?"


PANES = []


def open_session(client, account, key=None, env="", extra=(), command=None, size=(80, 24)):
    """A tmux pane running ssh into the program; for the shared account the password is
    typed. Returns the Tmux (killed at the end of the run in any case)."""
    tmux = Tmux(*size)
    PANES.append(tmux)
    tmux.run(client.shell_command(client.ssh_argv(account, key, extra, command), env))
    if key is None:
        tmux.wait_for(lambda s: "password:" in s, "the password prompt", timeout=SLOW)
        tmux.type(PASSWORD)
        tmux.enter()
    return tmux


def main_menu_of(name):
    return lambda s: f"{name}（编号" in s and "主菜单" in s


def log_in_with_pin(tmux, number, pin):
    tmux.wait_for(lambda s: "党员登录" in s, "the start screen", timeout=SLOW)
    tmux.type("1")
    tmux.wait_for(lambda s: "请输入党员编号" in s, "the login screen")
    tmux.type(number)
    tmux.enter()
    tmux.wait_for(lambda s: "PIN" in s and "*" not in s, "the PIN prompt")
    tmux.type(pin)
    tmux.enter()


def server_programs(deployment, member=None):
    """pids of the program running for the test accounts (for one member's key, if given)."""
    found = []
    for pid, command in deployment.processes():
        if command.startswith(deployment.program + " ssh session"):
            if member is None or f"--member {member} " in command + " ":
                found.append(pid)
    return found


def ancestors(pid):
    chain = []
    while pid > 1:
        try:
            stat = read(f"/proc/{pid}/stat")
            pid = int(stat.rsplit(")", 1)[1].split()[1])
        except (IndexError, ValueError):
            break
        chain.append(pid)
    return chain


def sessions(deployment):
    with sqlite3.connect(f"file:{deployment.database}?mode=ro", uri=True) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute("SELECT * FROM session ORDER BY id")]


def wait_until(predicate, timeout, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


# ---- the checks ----

def check_install(deployment, results, output):
    home = os.path.join(deployment.root, "state", "home")
    records = os.path.dirname(deployment.database)
    st_home, st_records = os.stat(home), os.stat(records)
    results.check("install: home is root's, 0755, and empty",
                  st_home.st_uid == 0 and st_home.st_mode & 0o777 == 0o755
                  and not os.listdir(home), oct(st_home.st_mode))
    group = deployment.group
    import grp
    results.check("install: records directory writable by the group only (2770 root:group)",
                  st_records.st_uid == 0 and grp.getgrgid(st_records.st_gid).gr_name == group
                  and st_records.st_mode & 0o7777 == 0o2770, oct(st_records.st_mode))
    entry = pwd.getpwnam(deployment.keyed)
    results.check("install: the login accounts use /bin/sh and the root-owned home",
                  entry.pw_shell == "/bin/sh" and entry.pw_dir == home)
    dropin = read(os.path.join(deployment.etc, "sshd_config.d", "course-menu.conf"))
    results.check("install: the drop-in is rendered, no @…@ left",
                  "@" not in re.sub(r"#.*", "", dropin) and deployment.program in dropin)
    # A drop-in sshd refuses is not installed.
    broken = dict(os.environ, PREFIX=os.path.join(deployment.root, "prefix"),
                  STATE_DIR=os.path.join(deployment.root, "state"),
                  SSHD_CONFIG=os.path.join(deployment.etc, "missing_config"),
                  DROPIN_DIR=os.path.join(deployment.etc, "sshd_config.d"),
                  GROUP=deployment.group, STUDY_ACCOUNT=deployment.study,
                  KEY_ACCOUNT=deployment.keyed, KEYS_USER=deployment.keys_user, RELOAD="no")
    result = subprocess.run(
        ["bash", os.path.join(REPO, "deploy", "ssh", "install.sh"), "--binary",
         deployment.binary, "--catalog", os.path.join(REPO, "data")], env=broken,
        capture_output=True, text=True)
    results.check("install: a configuration sshd -t rejects is rolled back",
                  result.returncode != 0 and "sshd -t" in result.stderr
                  and read(os.path.join(deployment.etc, "sshd_config.d", "course-menu.conf"))
                  == dropin, result.stderr[-300:])


def check_key_commands(deployment, client, results):
    """The key commands as an administrator and sshd run them."""
    private = client.key("m1001")
    result = deployment.course_menu("members", "add-key", "1002", private, check=False)
    results.check("keys: a private key is refused, saying so",
                  result.returncode == 1 and "这是私钥" in result.stderr, result.stderr)
    result = deployment.course_menu("members", "add-key", "1002", private + ".pub", check=False)
    results.check("keys: a key of another member is refused",
                  result.returncode == 1 and "已登记给党员 1001" in result.stderr, result.stderr)
    kind, body = read(private + ".pub").split()[:2]
    lookup = [deployment.program, "ssh", "authorized-keys", "--db", deployment.database,
              "--account", deployment.keyed]
    result = subprocess.run(lookup + [deployment.keyed, kind, body], capture_output=True,
                            text=True)
    results.check("keys: a registered key gives one restrict,pty,command= line for its member",
                  result.returncode == 0 and result.stdout.count("\n") == 1
                  and result.stdout.startswith('restrict,pty,command="')
                  and "--member 1001 " in result.stdout and body in result.stdout,
                  result.stdout + result.stderr)
    unknown = read(client.key("stranger") + ".pub").split()[1]
    for what, argv in [("an unregistered key", [deployment.keyed, kind, unknown]),
                       ("another account", [deployment.study, kind, body])]:
        result = subprocess.run(lookup + argv, capture_output=True, text=True)
        results.check(f"keys: {what} gives nothing", result.returncode == 0
                      and result.stdout == "", result.stdout + result.stderr)
    result = subprocess.run(lookup + [deployment.keyed, kind, body[:-12]], capture_output=True,
                            text=True)
    results.check("keys: a malformed key is refused with a message, nothing printed",
                  result.returncode == 1 and result.stdout == "" and "拒绝" in result.stderr,
                  result.stdout + result.stderr)


def check_key_login(client, results):
    tmux = open_session(client, client.d.keyed, client.key("m1001"), env="env -u LANG -u LC_ALL")
    past_feedback(tmux, SLOW)
    screen = expect(tmux, results, "key: lands in the program as member 1001, no PIN",
                    main_menu_of("王建国"), lambda s: s, timeout=SLOW)
    results.check("key: no locale sent, still the Unicode frame (SetEnv LANG=C.UTF-8)",
                  "────" in screen and "?" * 4 not in screen, screen[:300])
    results.check("key: 0 quits (no start screen to log out to)", " 0  退出" in screen, screen)
    tmux.kill()


def check_pin_login(client, results):
    tmux = open_session(client, client.d.study, env="env -u LANG -u LC_ALL")
    log_in_with_pin(tmux, "1002", "2222")
    past_feedback(tmux, SLOW)
    expect(tmux, results, "shared account: password, then number and PIN, lands as 1002",
           main_menu_of("李秀英"), lambda s: s, timeout=SLOW)
    return tmux


def check_terminals(client, results):
    tmux = open_session(client, client.d.keyed, client.key("m1003"),
                        env="TERM=no-such-terminal-2049")
    past_feedback(tmux, SLOW)
    expect(tmux, results, "unknown TERM: falls back with a one-line notice",
           lambda s: "不认识终端类型 no-such-terminal-2049" in s and "张伟（编号" in s,
           lambda s: s, timeout=SLOW)
    tmux.kill()
    tmux = open_session(client, client.d.keyed, client.key("m1003"), env="env -u LANG -u LC_ALL",
                        extra=["-o", "SetEnv=LC_ALL=C"])
    expect(tmux, results, "LC_ALL=C from the client: the ASCII frame",
           lambda s: re.search(r"^-{20,}", s, re.M) and "────" not in s, lambda s: s,
           timeout=SLOW)
    tmux.kill()


def check_refusals(client, deployment, results):
    accounts = [("key", deployment.keyed, client.key("m1001"), None),
                ("shared", deployment.study, None, PASSWORD)]
    for label, account, key, password in accounts:
        for what, extra, command in [("ssh host /bin/sh", [], "/bin/sh"),
                                     ("ssh host 'echo SHELL-RAN'", [], "echo SHELL-RAN"),
                                     ("ssh host with escape sequences", [], HOSTILE),
                                     ("ssh -T", ["-T"], None)]:
            status, output = client.spawn(client.ssh_argv(account, key, extra, command), password)
            results.check(f"{label}: {what} is refused with one line, status 1",
                          status == 1 and REFUSAL in output and "SHELL-RAN" not in output
                          and "$ " not in output, f"status {status}: {output[-300:]!r}")
        # sftp and scp, both protocols: nothing is copied.
        target = os.path.join(deployment.root, f"copied-{label}")
        sftp_options = client.options(key)
        status, output = client.spawn(["sftp", *sftp_options, "-P", str(deployment.port),
                                       f"{account}@127.0.0.1"], password,
                                      commands=f"get /etc/hostname {target}\nbye\n")
        results.check(f"{label}: sftp gets nothing",
                      status != 0 and "sftp>" not in output and not os.path.exists(target),
                      f"status {status}: {output[-200:]!r}")
        for protocol in ([], ["-O"]):
            status, output = client.spawn(
                ["scp", *protocol, *sftp_options, "-P", str(deployment.port),
                 f"{account}@127.0.0.1:/etc/hostname", target], password)
            results.check(f"{label}: scp {' '.join(protocol) or '(sftp protocol)'} copies nothing",
                          status != 0 and not os.path.exists(target),
                          f"status {status}: {output[-200:]!r}")
        check_forwarding(client, deployment, results, label, account, key, password)


def check_forwarding(client, deployment, results, label, account, key, password):
    local, remote, socks = free_port(), free_port(), free_port()
    # -L: the tunnel opens on this side, but sshd refuses every channel through it.
    forward = pexpect.spawn("ssh", client.ssh_argv(
        account, key, ["-N", "-L", f"127.0.0.1:{local}:127.0.0.1:{deployment.port}"])[1:],
        encoding="utf-8", timeout=20)
    if password:
        forward.expect(r"[Pp]assword:")
        forward.sendline(password)
    banner, listening = b"", wait_until(lambda: port_open(local), 10)
    if listening:
        with socket.create_connection(("127.0.0.1", local), timeout=5) as connection:
            try:
                banner = connection.recv(100)
            except OSError:
                pass
    results.check(f"{label}: ssh -L listens here but forwards nothing",
                  listening and not banner.startswith(b"SSH-"), f"{listening} {banner!r}")
    # -D: a SOCKS request through it is refused.
    forward_d = pexpect.spawn("ssh", client.ssh_argv(
        account, key, ["-N", "-D", f"127.0.0.1:{socks}"])[1:], encoding="utf-8", timeout=20)
    if password:
        forward_d.expect(r"[Pp]assword:")
        forward_d.sendline(password)
    greeting, reply = b"", b""
    if wait_until(lambda: port_open(socks), 10):
        with socket.create_connection(("127.0.0.1", socks), timeout=5) as connection:
            try:
                connection.sendall(b"\x05\x01\x00")
                greeting = connection.recv(2)
                connection.sendall(b"\x05\x01\x00\x01" + socket.inet_aton("127.0.0.1")
                                   + struct.pack(">H", deployment.port))
                reply = connection.recv(10)
            except OSError:
                pass
    # The client's SOCKS server answers; the connection it asks sshd for is refused.
    results.check(f"{label}: ssh -D answers here but connects nowhere",
                  greeting == b"\x05\x00" and (len(reply) < 2 or reply[1] != 0),
                  f"{greeting!r} {reply!r}")
    for child in (forward, forward_d):
        child.terminate(force=True)
    # -R: sshd refuses to listen; the client says so and gives up.
    status, output = client.spawn(client.ssh_argv(
        account, key, ["-N", "-o", "ExitOnForwardFailure=yes", "-R",
                       f"127.0.0.1:{remote}:127.0.0.1:{deployment.port}"]), password, timeout=20)
    results.check(f"{label}: ssh -R is refused",
                  status not in (0, None) and "forwarding failed" in output
                  and not port_open(remote), f"status {status}: {output[-200:]!r}")


def port_open(port):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def check_environment(client, deployment, results):
    tmux = open_session(client, deployment.keyed, client.key("m1004"),
                        extra=["-t", "-o", "SetEnv=LD_PRELOAD=/nonexistent/evil.so",
                               "-o", "SetEnv=COURSE_MENU_DB=/tmp/other.sqlite",
                               "-o", "SetEnv=LANG=zh_CN.GB2312"], command="/bin/sh")
    past_feedback(tmux, SLOW)
    expect(tmux, results, "ssh -t host /bin/sh with SetEnv LD_PRELOAD: only the program",
           lambda s: "陈小红（编号" in s and "ld.so" not in s, lambda s: s, timeout=SLOW)
    program = server_programs(deployment, "1004")
    environment = read(f"/proc/{program[0]}/environ").split("\0") if program else []
    results.check("environment: LD_PRELOAD and COURSE_MENU_DB dropped, LANG=C.UTF-8 set",
                  program and not any(v.startswith(("LD_PRELOAD=", "COURSE_MENU_DB="))
                                      for v in environment) and "LANG=C.UTF-8" in environment,
                  " ".join(v for v in environment if "=" in v and not v.startswith("SSH_")))
    tmux.kill()
    rows = [row for row in sessions(deployment) if row["member_id"] == "1004"]
    results.check("environment: the command asked for is only logged in the session row",
                  any(row["command"] == "/bin/sh" for row in rows), str(rows))


def check_concurrent(client, deployment, results, electives):
    members = [str(2001 + index) for index in range(CONCURRENT)]
    panes = {}
    try:
        for member in members:
            panes[member] = open_session(client, deployment.keyed, client.key(f"m{member}"))
        for member in members:
            try:
                past_feedback(panes[member], SLOW)
            except AssertionError:
                pass  # counted below
        arrived = [m for m in members
                   if panes[m].settled(lambda s: "主菜单" in s and f"编号 {m}" in s, SLOW)[0]]
        results.check(f"concurrent: {CONCURRENT} key sessions in the program at once",
                      len(arrived) == CONCURRENT, f"{len(arrived)} arrived")
        chosen = dict(zip(members, electives))
        for member in members:
            panes[member].type("/")
        for member in members:
            panes[member].wait_for(lambda s: "搜索" in s, "the search screen", timeout=SLOW)
            panes[member].type(chosen[member][0])
        for member in members:
            panes[member].settled(lambda s: chosen[member][0][:12] in s, SLOW)
            panes[member].enter()
        opened = [m for m in members
                  if panes[m].settled(lambda s, m=m: f"课程名称：{chosen[m][1][:6]}" in s
                                      and "未选学" in s, SLOW)[0]]
        results.check("concurrent: each session opened its own elective", len(opened) == CONCURRENT,
                      f"{len(opened)}: {sorted(set(members) - set(opened))}")
        for member in opened:
            panes[member].type("1")
        for member in opened:
            panes[member].wait_for(lambda s: "确认选学" in s, "the confirmation", timeout=SLOW)
        # Every confirmation at once: 30 writers.
        for member in opened:
            panes[member].type("1")
        done = [m for m in opened
                if panes[m].settled(lambda s: "✓ 已选学" in s, SLOW)[0]]
        results.check("concurrent: every session saw its selection saved",
                      len(done) == CONCURRENT, f"{len(done)} of {CONCURRENT}")
        with sqlite3.connect(f"file:{deployment.database}?mode=ro", uri=True) as db:
            stored = set(db.execute("SELECT member_id, course_id FROM selection"))
        wanted = {(member, chosen[member][0]) for member in members}
        results.check("concurrent: every selection is in the records",
                      wanted <= stored, str(sorted(wanted - stored)))
    finally:
        for tmux in panes.values():
            tmux.kill()


def check_hangup(client, deployment, results):
    tmux = open_session(client, deployment.keyed, client.key("m1005"))
    past_feedback(tmux, SLOW)
    tmux.wait_for(main_menu_of("赵明"), "member 1005's main menu", timeout=SLOW)
    programs = server_programs(deployment, "1005")
    # The program's sshd processes: its parents up to the listening sshd.
    serving = []
    for pid in ancestors(programs[0]) if programs else []:
        if pid == deployment.sshd.pid:
            break
        serving.append(pid)
    ssh_client = [pid for pid in pids() if read(f"/proc/{pid}/cmdline").startswith("ssh\0")
                  and "m1005" in read(f"/proc/{pid}/cmdline")]
    results.check("hang-up: the server-side program and its sshd processes are found",
                  len(programs) == 1 and serving and len(ssh_client) == 1,
                  f"{programs} {serving} {ssh_client}")
    started = time.monotonic()
    for pid in ssh_client:
        os.kill(pid, signal.SIGKILL)
    gone = wait_until(lambda: not any(os.path.exists(f"/proc/{pid}") and
                                      read(f"/proc/{pid}/stat").split(") ")[-1][:1] != "Z"
                                      for pid in programs + serving), 5)
    elapsed = time.monotonic() - started
    results.check("hang-up: killing the client ends the program and its sshd within 2 s",
                  gone and elapsed <= 2.0, f"{elapsed:.2f} s")
    rows = [row for row in sessions(deployment) if row["member_id"] == "1005"]
    results.check("hang-up: the session row says 断线 (hangup)",
                  rows and rows[-1]["end_reason"] == "hangup", str(rows[-1:]))
    tmux.kill()


def check_killed(client, deployment, results):
    """A session whose program was killed (no row ended) does not stand in the way."""
    tmux = open_session(client, deployment.keyed, client.key("m1003"))
    past_feedback(tmux, SLOW)
    tmux.wait_for(main_menu_of("张伟"), "member 1003's main menu", timeout=SLOW)
    programs = server_programs(deployment, "1003")
    for pid in programs:
        os.kill(pid, signal.SIGKILL)
    tmux.wait_for(lambda s: "SSH-EXIT=" in s, "the client after the kill", timeout=SLOW)
    tmux.kill()
    again = open_session(client, deployment.keyed, client.key("m1003"))
    expect(again, results, "killed: a row left by a killed program does not block the next login",
           main_menu_of("张伟"), lambda s: s, timeout=SLOW)
    again.kill()
    rows = [row for row in sessions(deployment) if row["member_id"] == "1003"]
    killed = [row for row in rows if row["pid"] in programs]
    results.check("killed: its row is ended as lost (进程已不在)",
                  len(programs) == 1 and len(killed) == 1 and killed[0]["end_reason"] == "lost",
                  str(rows))


def check_replace(client, deployment, results):
    first = open_session(client, deployment.keyed, client.key("m1001"))
    past_feedback(first, SLOW)
    first.wait_for(main_menu_of("王建国"), "member 1001's main menu", timeout=SLOW)
    second = open_session(client, deployment.study)
    log_in_with_pin(second, "1001", "1111")
    expect(second, results, "replace: a second login of 1001 offers to end the first",
           lambda s: "已在别处登录" in s and "钥匙登录" in s and "结束那边的会话" in s,
           lambda s: s, timeout=SLOW)
    second.type("0")
    expect(second, results, "replace: 0 goes back, not logged in",
           lambda s: "党员登录" in s and "党员：" not in s, lambda s: s)
    expect(first, results, "replace: after 0 the first session goes on",
           main_menu_of("王建国"), lambda s: s)
    log_in_with_pin(second, "1001", "1111")
    second.wait_for(lambda s: "已在别处登录" in s, "the offer again", timeout=SLOW)
    second.type("1")
    expect(second, results, "replace: 1 ends the first and logs in here",
           main_menu_of("王建国"), lambda s: s, timeout=SLOW)
    expect(first, results, "replace: the first says why it ended",
           lambda s: "会话已结束" in s and "编号和 PIN 登录" in s, lambda s: s, timeout=10)
    first.type("x")
    expect(first, results, "replace: a key ends the first program, and its ssh",
           lambda s: "SSH-EXIT=0" in s and "已在另一处登录" in s, lambda s: s, timeout=10)
    rows = [row for row in sessions(deployment) if row["member_id"] == "1001"]
    replaced = [row for row in rows if row["end_reason"] == "replaced"]
    live = [row for row in rows if row["ended_at"] is None]
    results.check("replace: the first row ended as replaced, by the second",
                  len(replaced) == 1 and len(live) == 1
                  and replaced[0]["replaced_by"] == live[0]["id"] and live[0]["via"] == "pin",
                  str(rows))
    second.kill()
    first.kill()


def check_audit(deployment, results, idle):
    expect(idle, results, "idle: the session ends by itself, saying why",
           lambda s: "没有按键，已自动退出" in s and "SSH-EXIT=" in s, lambda s: s,
           timeout=IDLE_TIMEOUT + 30)
    idle.kill()
    rows = sessions(deployment)
    results.check("audit: the idle session ended as idle",
                  any(r["member_id"] == "1006" and r["end_reason"] == "idle" for r in rows),
                  str([r for r in rows if r["member_id"] == "1006"]))
    refused = [r for r in rows if r["end_reason"] == "no-terminal"]
    results.check("audit: refused sessions are logged with the command asked for",
                  any(r["command"] == "echo SHELL-RAN" for r in refused)
                  and all(r["client"] == "127.0.0.1" for r in refused), str(refused[:3]))
    text = deployment.course_menu("report", "sessions").stdout
    results.check("audit: a command with escape sequences is listed visibly and inert",
                  "echo ␛]0;pwned␇␛[2J <U+202E>txt.exe" in text
                  and not any(c in text for c in "\x1b\x07\u202e"),
                  repr([line for line in text.splitlines() if "pwned" in line]))
    text = deployment.course_menu("report", "sessions", "--member", "1001").stdout
    listed = text.splitlines()[1:-1]
    mine = [row for row in rows if row["member_id"] == "1001"]
    results.check("audit: report sessions --member lists 1001's sessions and only them",
                  len(listed) == len(mine) and all("1001 王建国" in line for line in listed)
                  and "被另一处登录结束" in text and "钥匙登录" in text and "编号和 PIN 登录" in text,
                  f"{len(listed)} listed, {len(mine)} rows: {text[-600:]}")
    data = subprocess.run([deployment.program, "report", "sessions", "--format", "csv", "--db",
                           deployment.database], capture_output=True).stdout
    table = [row for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) if row]
    results.check("audit: report sessions --format csv has a row per session",
                  len(table) == len(rows) + 1 and table[0][0] == "开始",
                  f"{len(table)} rows for {len(rows)} sessions")


def prepare_records(deployment, client):
    roster = os.path.join(deployment.root, "roster.csv")
    names = ["王建国", "李秀英", "张伟", "陈小红", "赵明", "孙丽"]
    with open(roster, "w") as file:
        file.write("id,name,branch,domain,role,joined,floating,pin\n")
        for index, name in enumerate(names):
            file.write(f"{1001 + index},{name},红旗村党支部,rural,member,2015-07-01,否,"
                       f"{str(index + 1) * 4}\n")
        for index in range(CONCURRENT):
            file.write(f"{2001 + index},学员{index + 1:02d},幸福社区党支部,community,member,"
                       "2016-07-01,否,\n")
    deployment.course_menu("members", "import", roster)
    for member in ["1001", "1003", "1004", "1005", "1006"] + [str(2001 + i)
                                                               for i in range(CONCURRENT)]:
        deployment.course_menu("members", "add-key", member, client.key(f"m{member}") + ".pub")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.environ.get(
        "COURSE_MENU_BIN", os.path.join(REPO, ".build", "debug", "course-menu")))
    args = parser.parse_args()
    results = Results()
    if os.geteuid() != 0:
        print("FAIL this test needs root (accounts and sshd)")
        print("0 passed, 1 failed")
        return 1
    ensure_sshd()
    _, courses, _ = load_catalog()
    # Found by typing the id into the search: no id may be the start of another.
    ids = [c["id"] for c in courses]
    electives = [(c["id"], c["title"]) for c in courses if c["kind"] in ("elective", "选修")
                 and not any(other != c["id"] and other.startswith(c["id"]) for other in ids)]
    deployment = Deployment(os.path.abspath(args.binary))
    started = time.monotonic()
    try:
        output = deployment.install()
        check_install(deployment, results, output)
        client = Client(deployment)
        prepare_records(deployment, client)
        deployment.start_sshd()
        # Left alone from the start; checked last.
        idle = open_session(client, deployment.keyed, client.key("m1006"))
        check_key_commands(deployment, client, results)
        check_key_login(client, results)
        check_pin_login(client, results).kill()
        check_terminals(client, results)
        check_refusals(client, deployment, results)
        check_environment(client, deployment, results)
        check_concurrent(client, deployment, results, electives)
        check_hangup(client, deployment, results)
        check_killed(client, deployment, results)
        check_replace(client, deployment, results)
        check_audit(deployment, results, idle)
    except Exception as error:  # a setup step or a wait that failed: one failure, then clean up
        results.check("the run went through", False, f"{type(error).__name__}: {error}")
        if deployment.sshd:
            print(read(deployment.log)[-2000:])
    finally:
        for tmux in PANES:
            tmux.kill()
        deployment.tear_down(results)
    print(f"({time.monotonic() - started:.0f} s)")
    print(f"{results.passed} passed, {results.failed} failed")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
