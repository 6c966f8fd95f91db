#!/usr/bin/env bash
# Private memory per member session: 20 sessions of course-menu open at once on the
# 10,000-course catalog, each having searched once (see memory.py and README.md).
# Run by hand (not in CI):
#   bash bench/session-memory/run.sh [--binary NAME=PATH ...] [--sessions N] [--catalog DIR]
# Without --binary it builds and measures the static release (scripts/build-release.sh);
# several --binary are measured one after the other, e.g. --binary before=PATH --binary after=PATH.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
root="$repo"
given=("$@")
if [[ " ${given[*]} " == *" --binary "* ]]; then
  source "$repo/bench/pty-setup.sh" --binary given
  measured=("${given[@]}")
else
  source "$repo/bench/pty-setup.sh"
  measured=(--binary "after=$binary" "${given[@]}")
fi

catalog="$repo/bench/out/catalog-10k"
if [ ! -f "$catalog/catalog.toml" ]; then
  mkdir -p "$repo/bench/out"
  python3 "$repo/bench/catalog-load/gen_catalog.py" --courses 10000 --out "$catalog"
fi
if [[ " ${given[*]} " != *" --catalog "* ]]; then measured+=(--catalog "$catalog"); fi
exec python3 "$here/memory.py" "${measured[@]}"
