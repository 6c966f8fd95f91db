# Sourced by deploy/kiosk/install.sh and deploy/ssh/install.sh: the program a deployment
# installs is the static release build (scripts/build-release.sh: the Swift runtime linked in,
# so that a start loads no Swift library and every SSH session starts as fast as the kiosk).
#
#   release_binary [PATH]    # sets `binary`
#
# Without PATH it builds that release here (as the user who ran sudo, so the checkout's
# .build stays theirs) and uses it; with PATH it uses PATH, after a warning when PATH loads
# the Swift runtime as a shared library (a debug or plain `swift build -c release` build:
# it works, but starts several times slower).

release_binary() {
  binary=${1:-}
  if [ -z "$binary" ]; then
    local repo
    repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    echo "== 编译静态链接的程序（scripts/build-release.sh）"
    if [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
      binary=$(runuser -u "$SUDO_USER" -- env "PATH=$PATH" bash "$repo/scripts/build-release.sh")
    else
      binary=$(bash "$repo/scripts/build-release.sh")
    fi
  elif [ -x "$binary" ] && ldd "$binary" 2>/dev/null | grep -q 'libswiftCore'; then
    echo "注意：$binary 动态加载 Swift 运行库，启动较慢；部署请用 scripts/build-release.sh 编译的静态版本。" >&2
  fi
}
