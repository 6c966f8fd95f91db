#!/usr/bin/env bash
# 安装 course-menu 的 SSH 远程学习（以 root 运行）。说明见同目录的 README.md。
#
#   sudo bash deploy/ssh/install.sh --catalog data [--binary 程序]
#
# 不写 --binary 时先用 scripts/build-release.sh 编译静态链接的程序（部署用的版本）。
# 做的事（可以重复运行，已有的不会重建，只会改正权限）：
#   1. 程序装到 $PREFIX/bin/course-menu，课程目录装到 $PREFIX/share/course-menu/data（都属 root）；
#   2. 建组 $GROUP，建两个登录账户（共用学习账户、个人钥匙账户）和一个查钥匙用的无登录账户；
#   3. 账户主目录 $STATE_DIR/home 属 root、里面没有任何文件（没有可写的 .profile、.ssh）；
#   4. 记录库目录 $STATE_DIR/records 属 root:$GROUP，只有本组可写（2770）；
#   5. 生成 sshd 配置片段，放进 $DROPIN_DIR；sshd -t 检查不通过就恢复原样并退出。
#
# 可用环境变量改变的默认值（测试时指向临时目录）：
#   PREFIX=/usr/local  STATE_DIR=/var/lib/course-menu
#   SSHD=/usr/sbin/sshd  SSHD_CONFIG=/etc/ssh/sshd_config  DROPIN_DIR=/etc/ssh/sshd_config.d
#   GROUP=course-menu  STUDY_ACCOUNT=xuexi  KEY_ACCOUNT=dangyuan  KEYS_USER=course-menu-keys
#   IDLE_TIMEOUT=900（秒）  STUDY_PASSWORD=（不设则不改共用账户的密码）  RELOAD=yes
set -euo pipefail

binary=""
catalog=""
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --catalog) catalog=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "不认识的参数：$1（用 --help 查看用法）" >&2; exit 2 ;;
  esac
done

PREFIX=${PREFIX:-/usr/local}
STATE_DIR=${STATE_DIR:-/var/lib/course-menu}
SSHD=${SSHD:-/usr/sbin/sshd}
SSHD_CONFIG=${SSHD_CONFIG:-/etc/ssh/sshd_config}
DROPIN_DIR=${DROPIN_DIR:-/etc/ssh/sshd_config.d}
GROUP=${GROUP:-course-menu}
STUDY_ACCOUNT=${STUDY_ACCOUNT:-xuexi}
KEY_ACCOUNT=${KEY_ACCOUNT:-dangyuan}
KEYS_USER=${KEYS_USER:-course-menu-keys}
IDLE_TIMEOUT=${IDLE_TIMEOUT:-900}
RELOAD=${RELOAD:-yes}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../release-binary.sh"

fail() { echo "安装失败：$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "请用 root 运行（sudo bash $0 …）"
[ -n "$catalog" ] && [ -f "$catalog/catalog.toml" ] || fail "用 --catalog 指明课程目录（含 catalog.toml 的目录）"
[ -x "$SSHD" ] || fail "没有 $SSHD：请先安装 OpenSSH 服务器（apt-get install openssh-server）"
case "$IDLE_TIMEOUT" in ''|*[!0-9]*) fail "IDLE_TIMEOUT 应为秒数" ;; esac
release_binary "$binary"
[ -n "$binary" ] && [ -x "$binary" ] || fail "找不到程序 $binary（不写 --binary 时由 scripts/build-release.sh 编译）"

program=$PREFIX/bin/course-menu
data=$PREFIX/share/course-menu/data
records=$STATE_DIR/records
database=$records/records.sqlite
home=$STATE_DIR/home

# sshd 运行 AuthorizedKeysCommand 前要求程序及其所在的每一级目录都属 root、组和其他人不可写；
# 写进 command= 的路径也不能有空格或引号。
for path in "$program" "$database" "$data"; do
  case "$path" in *[!A-Za-z0-9/._+-]*) fail "路径 $path 只能含字母、数字和 / . _ + -" ;; esac
done

echo "== 程序和课程目录"
install -d -o root -g root -m 0755 "$PREFIX/bin" "$PREFIX/share/course-menu"
install -o root -g root -m 0755 "$binary" "$program"
rm -rf "$data.new"
cp -R "$catalog" "$data.new"
chown -R root:root "$data.new"
chmod -R u=rwX,go=rX "$data.new"
rm -rf "$data"
mv "$data.new" "$data"
"$program" check --catalog "$data" >/dev/null || fail "课程目录有错误：$program check --catalog $data"

echo "== 组和账户"
getent group "$GROUP" >/dev/null || groupadd --system "$GROUP"
install -d -o root -g root -m 0755 "$STATE_DIR" "$home"
# 主目录里不留任何文件：没有 .profile、.bashrc、.ssh 可以改。
find "$home" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
install -d -o root -g "$GROUP" -m 2770 "$records"
add_account() { # name shell
  if ! id "$1" >/dev/null 2>&1; then
    useradd --system --gid "$GROUP" --home-dir "$home" --no-create-home --shell "$2" "$1"
  else
    usermod --gid "$GROUP" --home "$home" --shell "$2" "$1"
  fi
}
# ForceCommand 和钥匙的 command= 都由账户的 shell 以 -c 运行，所以登录账户要用 /bin/sh。
add_account "$STUDY_ACCOUNT" /bin/sh
add_account "$KEY_ACCOUNT" /bin/sh
add_account "$KEYS_USER" /usr/sbin/nologin
# 钥匙账户不用密码：'*' 表示“没有密码可用”，但账户不算锁定（锁定的 '!' 会让 sshd 拒绝钥匙登录）。
usermod -p '*' "$KEY_ACCOUNT"
usermod -p '*' "$KEYS_USER"
if [ -n "${STUDY_PASSWORD:-}" ]; then
  echo "$STUDY_ACCOUNT:$STUDY_PASSWORD" | chpasswd
elif [ "$(getent shadow "$STUDY_ACCOUNT" | cut -d: -f2)" = "!" ] || [ "$(getent shadow "$STUDY_ACCOUNT" | cut -d: -f2)" = "!*" ]; then
  echo "提示：共用学习账户 $STUDY_ACCOUNT 还没有密码，请运行 passwd $STUDY_ACCOUNT 设置后向党员公告。"
fi

echo "== sshd 配置片段"
install -d -o root -g root -m 0755 "$DROPIN_DIR"
target=$DROPIN_DIR/course-menu.conf
sed -e "s|@PROGRAM@|$program|g" -e "s|@DATABASE@|$database|g" -e "s|@CATALOG@|$data|g" \
  -e "s|@STUDY_ACCOUNT@|$STUDY_ACCOUNT|g" -e "s|@KEY_ACCOUNT@|$KEY_ACCOUNT|g" \
  -e "s|@KEYS_USER@|$KEYS_USER|g" -e "s|@IDLE_TIMEOUT@|$IDLE_TIMEOUT|g" \
  "$here/course-menu.conf.in" > "$target.new"
chmod 0644 "$target.new"
had_old=no
if [ -f "$target" ]; then cp -p "$target" "$target.old"; had_old=yes; fi
mv "$target.new" "$target"
if ! "$SSHD" -t -f "$SSHD_CONFIG"; then
  if [ "$had_old" = yes ]; then mv "$target.old" "$target"; else rm -f "$target"; fi
  fail "sshd -t 不接受新的配置，已恢复原样（见上面 sshd 的说明）"
fi
rm -f "$target.old"

if [ "$RELOAD" = yes ]; then
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet ssh; then
    systemctl reload ssh
    echo "sshd 已重新读取配置。"
  else
    echo "提示：sshd 没有在 systemd 下运行，请自行让它重新读取配置（kill -HUP sshd 的进程号）。"
  fi
fi

echo "安装完成：共用学习账户 $STUDY_ACCOUNT，个人钥匙账户 $KEY_ACCOUNT，记录库 $database。"
echo "登记党员和钥匙：$program members import --db $database 名单.csv"
echo "                $program members add-key --db $database 党员编号 公钥文件"
