#!/usr/bin/env bash
# The release build that is deployed and benchmarked: the Swift runtime, Foundation and every
# Swift library linked into the program (--static-swift-stdlib), so a start loads no Swift
# library; ncursesw and SQLite stay the system's. Builds every product (course-menu and
# records-stress), checks with ldd that the program loads ncursesw and SQLite from the system
# and nothing of Swift, and prints the program's path on standard output.
#
#   bash scripts/build-release.sh            # then: $(bash scripts/build-release.sh) --help
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

swift build -c release --static-swift-stdlib >&2
binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/course-menu"

libraries="$(ldd "$binary")"
fail() {
  echo "build-release.sh: $1" >&2
  echo "$libraries" >&2
  exit 1
}
if grep -Eq 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libicu' <<<"$libraries"; then
  fail "$binary loads a Swift library at run time; it must be linked in (--static-swift-stdlib)"
fi
grep -Eq 'libncursesw\.so.* => /(usr/)?lib/' <<<"$libraries" || fail "ncursesw does not come from the system"
grep -Eq 'libsqlite3\.so.* => /(usr/)?lib/' <<<"$libraries" || fail "SQLite does not come from the system"
if grep -q 'not found' <<<"$libraries"; then fail "a library is missing"; fi
echo "$binary"
