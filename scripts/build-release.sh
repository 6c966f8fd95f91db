#!/usr/bin/env bash
# The release build that is deployed and benchmarked: the Swift runtime, Foundation and every
# Swift library linked into the program (--static-swift-stdlib), so a start loads no Swift
# library; the C++ runtime (libstdc++, libgcc) that the Swift runtime needs is linked in too,
# which spares every start the loader's work on two more libraries (about 70 page faults and
# half a millisecond: bench/first-frame/README.md); ncursesw and SQLite stay the system's.
# Builds every product (course-menu and records-stress), checks with ldd that the program
# loads ncursesw and SQLite from the system and nothing of Swift or C++, and prints the
# program's path on standard output.
#
#   bash scripts/build-release.sh            # then: $(bash scripts/build-release.sh) --help
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The toolchain asks for -lstdc++ and -lgcc_s itself; a directory holding only static archives
# under those names, searched before the system's, makes the linker take them (libgcc_eh.a is
# what -static-libgcc links in place of libgcc_s). The debug build is left as it is.
static_cxx="$root/.build/static-libstdc++"
mkdir -p "$static_cxx"
ln -sf "$(clang -print-file-name=libstdc++.a)" "$static_cxx/libstdc++.a"
ln -sf "$(clang -print-file-name=libgcc_eh.a)" "$static_cxx/libgcc_s.a"
flags=(-c release --static-swift-stdlib --disable-local-rpath -Xlinker -L"$static_cxx")
swift build "${flags[@]}" >&2
binary="$(swift build "${flags[@]}" --show-bin-path)/course-menu"

libraries="$(ldd "$binary")"
fail() {
  echo "build-release.sh: $1" >&2
  echo "$libraries" >&2
  exit 1
}
if grep -Eq 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libicu' <<<"$libraries"; then
  fail "$binary loads a Swift library at run time; it must be linked in (--static-swift-stdlib)"
fi
if grep -Eq 'libstdc\+\+|libgcc_s' <<<"$libraries"; then
  fail "$binary loads the C++ runtime at run time; it must be linked in (libstdc++.a, -static-libgcc)"
fi
grep -Eq 'libncursesw\.so.* => /(usr/)?lib/' <<<"$libraries" || fail "ncursesw does not come from the system"
grep -Eq 'libsqlite3\.so.* => /(usr/)?lib/' <<<"$libraries" || fail "SQLite does not come from the system"
if grep -q 'not found' <<<"$libraries"; then fail "a library is missing"; fi
echo "$binary"
