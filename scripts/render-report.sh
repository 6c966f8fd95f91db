#!/usr/bin/env bash
# Renders an HTML report (`course-menu report summary --format html > report.html`) to PDF
# (A4, as the page's print CSS lays it out) and to a PNG of the whole page, with Debian's
# headless Chromium, for a person to look at. Installs `chromium` with apt when it is missing.
#
#     scripts/render-report.sh report.html [OUTPUT-PREFIX]   # writes PREFIX.pdf and PREFIX.png
#
# Chromium runs with a throwaway profile, no network (a proxy that does not exist) and no
# extensions; what it says on stderr is kept in PREFIX.log. Exits non-zero when a file is not
# written.
set -euo pipefail

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
  echo "用法：scripts/render-report.sh 报告.html [输出文件名前缀]" >&2
  exit 2
fi
html=$(realpath "$1")
prefix=${2:-${html%.html}}
width=${REPORT_PNG_WIDTH:-794}    # A4's 210 mm at 96 dpi
height=${REPORT_PNG_HEIGHT:-4200} # tall enough for the whole page

if ! command -v chromium >/dev/null; then
  echo "没有找到 chromium，正在用 apt 安装……" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  fi
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --disable-gpu --no-first-run --no-default-browser-check --disable-extensions
  --disable-background-networking --disable-sync --proxy-server=127.0.0.1:9
  --user-data-dir="$profile" --hide-scrollbars)
# Chromium's sandbox refuses to start as root (a CI container).
if [ "$(id -u)" -eq 0 ]; then flags+=(--no-sandbox); fi

rm -f "$prefix.pdf" "$prefix.png"
{
  chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$prefix.pdf" "file://$html"
  chromium "${flags[@]}" --window-size="$width,$height" --screenshot="$prefix.png" "file://$html"
} >"$prefix.log" 2>&1 || true

status=0
for file in "$prefix.pdf" "$prefix.png"; do
  if [ -s "$file" ]; then
    echo "已生成 $file"
  else
    echo "没有生成 $file（Chromium 的输出见 $prefix.log）" >&2
    status=1
  fi
done
exit $status
