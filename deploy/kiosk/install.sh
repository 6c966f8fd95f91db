#!/usr/bin/env bash
# 在一台 Debian 12 站点电脑上安装 course-menu 站点终端（以 root 运行）：
#
#   sudo bash deploy/kiosk/install.sh S01 [/path/to/course-menu] /path/to/data
#
# S01 是站点编号（先在数据库中用 course-menu stations add 登记），其后是编译好的程序
# （scripts/build-release.sh 编译的静态链接版本；不写时由本脚本调用它编译）和课程目录。可以重复运行：
# 已装好的部分保持不变，程序和课程目录换成新的。详见同目录 README.md。
set -euo pipefail

if [ $# -ne 2 ] && [ $# -ne 3 ]; then
  echo "用法：sudo bash $0 站点编号 [course-menu程序] 课程目录" >&2
  exit 2
fi
station=$1
binary=""
[ $# -eq 3 ] && binary=$2
catalog=${!#}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../release-binary.sh"

if [ "$(id -u)" -ne 0 ]; then
  echo "请用 root 运行（sudo bash $0 …）" >&2
  exit 2
fi
if ! [[ $station =~ ^[A-Za-z0-9_-]{1,32}$ ]]; then
  echo "站点编号 \"$station\" 无效：只能是 1 到 32 位英文字母、数字、- 或 _" >&2
  exit 2
fi
release_binary "$binary"
if [ ! -x "$binary" ] || [ ! -f "$catalog/catalog.toml" ]; then
  echo "找不到程序 $binary 或课程目录 $catalog/catalog.toml" >&2
  exit 2
fi

echo "== 1. 软件包：kmscon（能显示中文的控制台）、思源等宽中文字体、ncurses"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq kmscon fonts-noto-cjk libncursesw6 ncurses-base

echo "== 2. 用户和目录：程序以 course-menu 用户运行；数据库目录归 course-menu 组"
getent group course-menu >/dev/null || groupadd --system course-menu
getent passwd course-menu >/dev/null \
  || useradd --system --gid course-menu --home-dir /var/lib/course-menu \
       --shell /usr/sbin/nologin --comment "course-menu kiosk" course-menu
# setgid: files made here belong to the group; the program makes them group-writable.
install -d -o root -g course-menu -m 2775 /var/lib/course-menu

echo "== 3. 程序、课程目录、说明"
install -m 0755 "$binary" /usr/local/bin/course-menu
rm -rf /usr/local/share/course-menu/data.new
mkdir -p /usr/local/share/course-menu
cp -r "$catalog" /usr/local/share/course-menu/data.new
rm -rf /usr/local/share/course-menu/data
mv /usr/local/share/course-menu/data.new /usr/local/share/course-menu/data
install -D -m 0644 "$here/README.md" /usr/local/share/doc/course-menu/kiosk/README.md
/usr/local/bin/course-menu check /usr/local/share/course-menu/data >/dev/null \
  || echo "注意：课程目录有错误，请用 course-menu check 查看" >&2

echo "== 4. 站点终端服务，关掉 tty1 的登录提示、其他终端、Ctrl+Alt+Del 和 SysRq"
install -m 0644 "$here/course-menu-kiosk@.service" /etc/systemd/system/
install -D -m 0644 "$here/logind-kiosk.conf" /etc/systemd/logind.conf.d/course-menu-kiosk.conf
install -D -m 0644 "$here/sysctl-kiosk.conf" /etc/sysctl.d/90-course-menu-kiosk.conf
sysctl -q --system || true
systemctl mask ctrl-alt-del.target
systemctl disable getty@tty1.service 2>/dev/null || true
systemctl daemon-reload
systemctl enable "course-menu-kiosk@$station.service"

echo "== 完成。请检查站点 $station 是否已登记（course-menu stations list --db /var/lib/course-menu/records.sqlite），"
echo "   然后重启电脑，或运行：systemctl restart systemd-logind && systemctl start course-menu-kiosk@$station"
