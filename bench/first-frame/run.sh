#!/usr/bin/env bash
# First frame benchmark: process start to the first complete frame, course-menu against
# `dialog --menu` with the same number of items: the shipped catalog, 1,000 and 10,000 courses.
# Run by hand (not in CI):  bash bench/first-frame/run.sh [--runs N] [--binary PATH] [--no-image]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if ! command -v dialog >/dev/null 2>&1; then
  apt-get update && apt-get install -y dialog
fi
root="$repo"
source "$repo/bench/pty-setup.sh"

out="$repo/bench/out"
for courses in 1000 10000; do
  directory="$out/catalog-$((courses / 1000))k"
  if [ ! -f "$directory/catalog.toml" ]; then
    mkdir -p "$out"
    python3 "$repo/bench/catalog-load/gen_catalog.py" --courses "$courses" --out "$directory"
  fi
done

exec python3 "$here/first_frame.py" --binary "$binary" --catalog "shipped=$repo/data" \
  --catalog "1k=$out/catalog-1k" --catalog "10k=$out/catalog-10k" "${args[@]}"
