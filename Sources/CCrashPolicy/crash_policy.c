// The crash policy applied before the Swift runtime starts (see Sources/tui/BacktracePolicy.swift):
// the runtime reads SWIFT_BACKTRACE in one of its own initializers. In the static build that
// initializer is part of this program, and a constructor of priority 101 runs before every
// constructor of default priority, so setting the variable here is in time and the program
// needs no second exec. With a shared runtime (debug builds), libswiftCore.so was initialized
// before this program's constructors; then only a re-exec applies the setting.
#define _GNU_SOURCE
#include "CCrashPolicy.h"

#include <link.h>
#include <stdlib.h>
#include <string.h>

// The runtime finds the command line by walking back from `environ` on the initial stack
// (stdlib/public/CommandLineSupport/CommandLine.cpp); setenv moves `environ` to the heap, so
// the arguments are handed to it directly. The runtime exports this for its interpreter; weak,
// so that a toolchain without it still links, and the program then re-executes instead.
extern void _swift_stdlib_overrideUnsafeArgvArgc(char **argv, int argc)
    __attribute__((swiftcall, weak));

static int settled;

static int is_swift_runtime(struct dl_phdr_info *info, size_t size, void *context) {
  (void)size;
  (void)context;
  return info->dlpi_name != NULL && strstr(info->dlpi_name, "libswiftCore.so") != NULL;
}

const char *course_menu_crash_policy_wanted(void) {
  const char *developer = getenv("COURSE_MENU_BACKTRACE");
  return developer != NULL && developer[0] != '\0' ? developer : "enable=no";
}

// glibc passes constructors the program's arguments.
__attribute__((constructor(101))) static void course_menu_apply_crash_policy(
    int argc, char **argv, char **envp) {
  (void)envp;
  const char *wanted = course_menu_crash_policy_wanted();
  const char *current = getenv("SWIFT_BACKTRACE");
  if (current != NULL && strcmp(current, wanted) == 0) {
    settled = 1;
    return;
  }
  if (dl_iterate_phdr(is_swift_runtime, NULL) != 0) return;  // a shared runtime: read already
  if (_swift_stdlib_overrideUnsafeArgvArgc == NULL || argv == NULL) return;
  if (setenv("SWIFT_BACKTRACE", wanted, 1) != 0) return;
  _swift_stdlib_overrideUnsafeArgvArgc(argv, argc);
  settled = 1;
}

int course_menu_crash_policy_settled(void) { return settled; }
