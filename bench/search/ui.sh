#!/usr/bin/env bash
# Keystroke to updated screen in the real UI at 10,000 courses: course-menu on an 80x24 pty
# (pexpect), the screen kept with pyte, search typed a letter at a time. Run by hand:
#
#   bench/search/ui.sh [--rounds N] [--binary PATH]
#
# Builds the release binary unless --binary is given, generates the 10,000-course catalog
# with bench/catalog-load/gen_catalog.py when it is missing, installs pexpect and pyte (pip)
# when missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

source "$root/bench/pty-setup.sh"

catalog="$root/bench/out/catalog-10k"
if [ ! -f "$catalog/catalog.toml" ]; then
  mkdir -p "$root/bench/out"
  python3 "$root/bench/catalog-load/gen_catalog.py" --courses 10000 --out "$catalog"
fi

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
exec python3 "$here/keystroke_ui.py" --binary "$binary" --catalog "$catalog" "${args[@]}"
