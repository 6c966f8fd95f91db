#!/usr/bin/env bash
# The project's test command: format lint, unit tests, the TOML differential test and the
# end-to-end tests against the real binary.
set -euo pipefail
cd "$(dirname "$0")/.."

# The records run on SQLite and on PostgreSQL: unless COURSE_MENU_TEST_PG names a server, the
# whole run happens beside a throwaway PostgreSQL 15 cluster (Tests/pg/cluster.py: initdb and
# pg_ctl as an unprivileged user, 127.0.0.1 and a free port, fsync off as nothing here cuts the
# server's power; stopped and removed whatever happens), which sets COURSE_MENU_TEST_PG for the
# contract tests (swift test) and the multi-process tests (Tests/records).
if [ -z "${COURSE_MENU_TEST_PG:-}" ]; then
  exec python3 Tests/pg/cluster.py run --fsync off -- bash "$0" "$@"
fi

echo "== swift format lint"
swift format lint --strict --recursive Package.swift Sources Tests bench

echo "== swift build"
swift build

echo "== swift test"
swift test

bash scripts/e2e.sh .build/debug/course-menu
