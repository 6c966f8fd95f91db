#!/usr/bin/env bash
# Catalog load benchmark: generate a 10,000-course catalog into bench/out/, build
# the Swift bench in release, time our loader and reader, TOMLKit (toml++) and Python's
# tomllib over it and over the shipped catalog in data/, and print one table.
#
#   bench/catalog-load/run.sh            # RUNS=7 COURSES=10000 by default
#   RUNS=11 bench/catalog-load/run.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/bench/out"
runs="${RUNS:-7}"
courses="${COURSES:-10000}"
catalog="$out/catalog-$((courses / 1000))k"

mkdir -p "$out"
echo "== generating $courses courses"
python3 "$here/gen_catalog.py" --courses "$courses" --out "$catalog"

echo "== building catalog-load-bench (release)"
if ! swift build -c release --package-path "$here" --scratch-path "$here/.build" \
  --product catalog-load-bench >"$out/build.log" 2>&1; then
  cat "$out/build.log" >&2
  echo "run.sh: build failed" >&2
  exit 1
fi
tail -n 1 "$out/build.log"
bin="$here/.build/release/catalog-load-bench"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== Swift: ours and TOMLKit, $runs runs"
"$bin" --runs "$runs" --tsv "$out/swift.tsv" "$catalog" "$root/data"
echo "== Python: tomllib, $runs runs"
python3 "$here/tomllib_bench.py" --runs "$runs" --tsv "$out/python.tsv" "$catalog" "$root/data"

echo
echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m), $(swift --version 2>/dev/null | head -1)"
echo "   load average before the runs: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   (wall-clock figures need an otherwise idle machine; CPU and profile.sh's counts are steadier)"
python3 "$here/report.py" "$out/swift.tsv" "$out/python.tsv"
