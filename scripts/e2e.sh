#!/usr/bin/env bash
# Every test that drives the real program from outside, against the binary given: the TOML
# differential test, the records' process tests, the end-to-end tests in tmux, the kiosk's
# deployment checks and the SSH tests behind a real sshd. scripts/test.sh runs them against
# the debug build; scripts/test-release.sh against the static release build that is deployed.
#
#   bash scripts/e2e.sh BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:?usage: bash scripts/e2e.sh BINARY}

echo "== TOML differential test (course-menu toml-json vs Python tomllib)"
python3 Tests/toml/difftest.py --bin "$binary"

echo "== records: multi-process, crash and command-line tests (SQLite, and PostgreSQL when COURSE_MENU_TEST_PG is set), records copy"
python3 Tests/records/run.py --bin "$binary"
python3 Tests/records/stations.py --bin "$binary"

echo "== reports: report summary as text, CSV and HTML (the page parsed and checked against the CSV)"
python3 Tests/reports/summary_report.py --binary "$binary"

echo "== end-to-end tests: the real binary in tmux"
python3 Tests/e2e/tui_e2e.py --binary "$binary"
python3 Tests/e2e/records_e2e.py --binary "$binary"
python3 Tests/e2e/search_e2e.py --binary "$binary"
python3 Tests/e2e/hours_e2e.py --binary "$binary"
python3 Tests/e2e/loop_e2e.py --binary "$binary"
python3 Tests/e2e/hardening_e2e.py --binary "$binary"
python3 Tests/e2e/quiz_e2e.py --binary "$binary"
python3 Tests/e2e/kiosk_e2e.py --binary "$binary"
python3 Tests/e2e/feedback_e2e.py --binary "$binary"
python3 Tests/e2e/image_e2e.py --binary "$binary"

echo "== deployment: the kiosk's systemd unit"
python3 Tests/deploy/kiosk_unit.py --binary "$binary"

echo "== SSH: the program behind a real OpenSSH server (accounts, keys, refusals, 30 sessions)"
python3 Tests/ssh/run.py --binary "$binary"
