#!/usr/bin/env bash
# Runs a libFuzzer campaign on one target for N minutes (see fuzz/README.md).
#
#   bash fuzz/run.sh TARGET MINUTES        # TARGET: toml, catalog or roster
#
# Builds fuzz/ in release with -sanitize=fuzzer,address (lld: gold fails on this link), then
# fuzzes from the seeds in fuzz/corpus/TARGET (and, for toml, Tests/toml/corpus). New inputs
# go to fuzz/out/TARGET/corpus, anything that crashes, leaks, hangs (over 10 s) or breaks an
# invariant to fuzz/out/TARGET/findings; libFuzzer's final statistics (executions, coverage)
# are printed last and kept in fuzz/out/TARGET/log.
set -euo pipefail
cd "$(dirname "$0")"

target=${1:?usage: bash fuzz/run.sh toml|catalog|roster|image MINUTES}
minutes=${2:?usage: bash fuzz/run.sh toml|catalog|roster|image MINUTES}
case "$target" in toml | catalog | roster | image) ;; *) echo "unknown target: $target" >&2; exit 2 ;; esac

swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2
binary=.build/release/course-menu-fuzz

out=out/$target
mkdir -p "$out/corpus" "$out/findings"
seeds=(corpus/"$target")
if [ "$target" = toml ]; then seeds+=(../Tests/toml/corpus/valid ../Tests/toml/corpus/invalid); fi

echo "fuzzing $target for $minutes minutes; log in fuzz/$out/log" >&2
status=0
FUZZ_TARGET=$target "$binary" "$out/corpus" "${seeds[@]}" \
  -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$out/findings/" -print_final_stats=1 >"$out/log" 2>&1 || status=$?
grep -E '^(stat::|#[0-9]+ +DONE|==[0-9]+==ERROR|SUMMARY|Done)' "$out/log" || true
ls "$out/findings"
exit $status
