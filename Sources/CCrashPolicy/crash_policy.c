// The crash policy applied before the Swift runtime starts (see Sources/tui/BacktracePolicy.swift):
// the runtime reads SWIFT_BACKTRACE in one of its own initializers. In the static build that
// initializer is part of this program, and a constructor of priority 101 runs before every
// constructor of default priority, so setting the variable here is in time and the program
// needs no second exec. With a shared runtime (debug builds), libswiftCore.so was initialized
// before this program's constructors; then only a re-exec applies the setting.
#define _GNU_SOURCE
#include "CCrashPolicy.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

static int settled;

const char *course_menu_crash_policy_wanted(void) {
  const char *developer = getenv("COURSE_MENU_BACKTRACE");
  return developer != NULL && developer[0] != '\0' ? developer : "enable=no";
}

__attribute__((constructor(101))) static void course_menu_apply_crash_policy(void) {
  const char *wanted = course_menu_crash_policy_wanted();
  const char *current = getenv("SWIFT_BACKTRACE");
  if (current != NULL && strcmp(current, wanted) == 0) {
    settled = 1;
    return;
  }
  void *shared_runtime = dlopen("libswiftCore.so", RTLD_NOLOAD | RTLD_LAZY);
  if (shared_runtime != NULL) {
    dlclose(shared_runtime);
    return;
  }
  if (setenv("SWIFT_BACKTRACE", wanted, 1) == 0) settled = 1;
}

int course_menu_crash_policy_settled(void) { return settled; }
