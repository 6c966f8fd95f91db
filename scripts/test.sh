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

echo "== TOML differential test (course-menu toml-json vs Python tomllib)"
python3 Tests/toml/difftest.py --bin .build/debug/course-menu

echo "== records: multi-process, crash and command-line tests"
python3 Tests/records/run.py --bin .build/debug/course-menu
python3 Tests/records/stations.py --bin .build/debug/course-menu

echo "== end-to-end tests: the real binary in tmux"
python3 Tests/e2e/tui_e2e.py --binary .build/debug/course-menu
python3 Tests/e2e/records_e2e.py --binary .build/debug/course-menu
python3 Tests/e2e/search_e2e.py --binary .build/debug/course-menu
python3 Tests/e2e/hours_e2e.py --binary .build/debug/course-menu
python3 Tests/e2e/loop_e2e.py --binary .build/debug/course-menu
python3 Tests/e2e/hardening_e2e.py --binary .build/debug/course-menu
python3 Tests/e2e/quiz_e2e.py --binary .build/debug/course-menu
python3 Tests/e2e/kiosk_e2e.py --binary .build/debug/course-menu

echo "== deployment: the kiosk's systemd unit"
python3 Tests/deploy/kiosk_unit.py --binary .build/debug/course-menu

echo "== SSH: the program behind a real OpenSSH server (accounts, keys, refusals, 30 sessions)"
python3 Tests/ssh/run.py --binary .build/debug/course-menu
