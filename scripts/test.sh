#!/usr/bin/env bash
# The project's test command: format lint, unit tests, the TOML differential test and the
# end-to-end tests against the real binary.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== swift format lint"
swift format lint --strict --recursive Package.swift Sources Tests bench

echo "== swift build"
swift build

echo "== swift test"
swift test

bash scripts/e2e.sh .build/debug/course-menu
