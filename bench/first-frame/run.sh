#!/usr/bin/env bash
# First frame benchmark: process start to the first complete frame, course-menu against
# `dialog --menu` with the same number of items, shipped catalog and 10,000 courses.
# Run by hand (not in CI):  bash bench/first-frame/run.sh [--runs N] [--binary PATH]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if ! command -v dialog >/dev/null 2>&1; then
  apt-get update && apt-get install -y dialog
fi
root="$repo"
source "$repo/bench/pty-setup.sh"

out="$repo/bench/out"
if [ ! -f "$out/catalog-10k/catalog.toml" ]; then
  mkdir -p "$out"
  if [ -f "$repo/bench/catalog-load/gen_catalog.py" ]; then
    python3 "$repo/bench/catalog-load/gen_catalog.py" --courses 10000 --out "$out/catalog-10k"
  else
    echo "bench/catalog-load/gen_catalog.py is missing: cannot generate the 10k catalog" >&2
    exit 2
  fi
fi

exec python3 "$here/first_frame.py" --binary "$binary" --shipped "$repo/data" \
  --large "$out/catalog-10k" "${args[@]}"
