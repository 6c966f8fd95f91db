#!/usr/bin/env bash
# Keystroke to updated screen in a test of 200 questions, in the real UI on an 80x24 pty
# (pexpect, the screen kept with pyte), beside a shipped 5-question test. Run by hand:
#
#   bench/quiz/run.sh [--rounds N] [--binary PATH]
#
# Builds the release binary unless --binary is given, makes the catalog with
# gen_quiz_catalog.py, installs pexpect and pyte (pip) when missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

source "$root/bench/pty-setup.sh"

catalog="$root/bench/out/quiz-200"
mkdir -p "$root/bench/out"
python3 "$here/gen_quiz_catalog.py" --out "$catalog"

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
exec python3 "$here/keystroke_quiz.py" --binary "$binary" --catalog "$catalog" "${args[@]}"
