#!/usr/bin/env bash
# Instruction counts of one pass over a catalog, under valgrind's callgrind: deterministic,
# and unaffected by whatever else the machine is doing (wall-clock figures are not).
#
#   bench/catalog-load/profile.sh [CATALOG_DIR]     # default: bench/out/catalog-10k
#
# Prints instructions (Ir) and Ir per byte for ours-full, ours-parse and TOMLKit, and
# leaves the callgrind files in bench/out/profile/ for callgrind_annotate. Takes a few
# minutes. The bench is built with DWARF 4: valgrind 3.19 cannot read Swift's DWARF 5.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
catalog="${1:-$root/bench/out/catalog-10k}"
out="$root/bench/out/profile"
mkdir -p "$out"
[ -d "$catalog" ] || python3 "$here/gen_catalog.py" --out "$catalog"

echo "== building catalog-load-bench (release, DWARF 4)"
swift build -c release --package-path "$here" --scratch-path "$here/.build/prof" \
  --product catalog-load-bench -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4 -Xcxx -gdwarf-4 \
  >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
bin="$here/.build/prof/release/catalog-load-bench"
bytes=$(cat "$catalog"/catalog.toml "$catalog"/rules.toml "$catalog"/courses/*.toml | wc -c)

# collected NAME TOGGLE RUNS: Ir collected inside TOGGLE (all of the run when empty).
collected() {
  local toggle=()
  [ -n "$2" ] && toggle=(--toggle-collect="$2")
  valgrind --tool=callgrind --callgrind-out-file="$out/$1.callgrind" "${toggle[@]}" \
    "$bin" --only "${1%-r*}" --runs "$3" --min-bytes 1 --no-warm-up "$catalog" \
    2>&1 | sed -n 's/.*Collected : //p'
}

echo "== callgrind over $catalog ($bytes bytes)"
# The parsers run on the calling thread: count inside their timing functions only.
kit=$(collected tomlkit '*TOMLKitParser*timeParse*' 1)
parse=$(collected ours-parse '*4OursO9timeParse*' 1)
# The loader parses on worker threads too, so count whole runs of one and two timed loads
# and take the difference: exactly one load.
full1=$(collected ours-full-r1 '' 1)
full2=$(collected ours-full-r2 '' 2)
full=$((full2 - full1))

printf '%-12s %16s %10s %12s\n' implementation instructions Ir/byte "vs TOMLKit"
for row in "ours-full $full" "ours-parse $parse" "tomlkit $kit"; do
  set -- $row
  awk -v n="$1" -v ir="$2" -v b="$bytes" -v k="$kit" \
    'BEGIN { printf "%-12s %16.0f %10.1f %11.2fx\n", n, ir, ir / b, ir / k }'
done
echo "(lower is better; ratio = instructions / TOMLKit's)"
echo "Hot spots: callgrind_annotate --auto=no $out/ours-parse.callgrind | head -40"
