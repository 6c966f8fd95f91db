#!/usr/bin/env bash
# The tests that drive the real program (scripts/e2e.sh), run against the static release build
# that the benchmarks and deploy/ use (scripts/build-release.sh, which also checks with ldd that
# ncursesw and SQLite come from the system and nothing of Swift is loaded at run time): the
# same behaviour as the debug build that scripts/test.sh tests. Run by hand, after the release
# build's few minutes; the SSH tests in it need root, as in scripts/test.sh.
#
#   bash scripts/test-release.sh
set -euo pipefail
cd "$(dirname "$0")/.."
binary="$(bash scripts/build-release.sh)"
echo "== the static release build: $binary"
ldd "$binary"
bash scripts/e2e.sh "$binary"
