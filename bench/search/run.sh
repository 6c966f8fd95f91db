#!/usr/bin/env bash
# Search benchmark: at 10,000 courses, the search index's build time and its
# per-keystroke latency for queries of 1-6 letters typed one letter at a time (p50, p99),
# side by side in the same run with `fzf --filter` over the same titles with their pinyin.
#
#   bench/search/run.sh                        # COURSES=10000 ROUNDS=30 FZF_ROUNDS=5
#   ROUNDS=100 FZF_ROUNDS=10 bench/search/run.sh
#
# The catalog comes from bench/catalog-load/gen_catalog.py (shared with the load benchmark)
# when it is there, else from gen_fallback_catalog.py here. fzf is installed from Debian's
# packages when missing. Output: a table on stdout and bench/out/search.tsv.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/bench/out"
courses="${COURSES:-10000}"
rounds="${ROUNDS:-30}"
fzf_rounds="${FZF_ROUNDS:-5}"
mkdir -p "$out"

if ! command -v fzf >/dev/null; then
  echo "== installing fzf"
  apt-get update >/dev/null && apt-get install -y fzf >/dev/null
fi

shared="$root/bench/catalog-load/gen_catalog.py"
if [[ -f "$shared" ]]; then
  catalog="$out/catalog-$((courses / 1000))k"
  echo "== generating $courses courses with bench/catalog-load/gen_catalog.py"
  python3 "$shared" --courses "$courses" --out "$catalog"
else
  catalog="$out/search-catalog-$((courses / 1000))k"
  echo "== generating $courses courses with bench/search/gen_fallback_catalog.py"
  python3 "$here/gen_fallback_catalog.py" --courses "$courses" --out "$catalog"
fi

echo "== building search-bench (release)"
if ! swift build -c release --package-path "$here" --scratch-path "$here/.build" \
  --product search-bench >"$out/search-build.log" 2>&1; then
  cat "$out/search-build.log" >&2
  echo "run.sh: build failed" >&2
  exit 1
fi
tail -n 1 "$out/search-build.log"

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $(swift --version 2>/dev/null | head -1); $(fzf --version)"
"$here/.build/release/search-bench" --rounds "$rounds" --fzf-rounds "$fzf_rounds" \
  --tsv "$out/search.tsv" "$catalog"
