import CCrashPolicy

#if canImport(Glibc)
  import Glibc
#endif

/// The program's own crash policy: the Swift runtime's crash handler is never offered to a
/// user.
///
/// On Linux the runtime answers a crash by printing "Program crashed" over the screen and, on
/// a terminal, offering an interactive debugger with memory inspection. It reads its settings
/// from `SWIFT_BACKTRACE` once, in an initializer of its own. The static build sets the
/// variable in a C constructor that runs before that initializer (`CCrashPolicy`); a build on
/// the shared runtime, whose initializers ran first, re-executes itself with
/// `SWIFT_BACKTRACE=enable=no` (nothing else changes: same binary, arguments, descriptors and
/// unread input). A crash then only restores the terminal (`TerminalGuard`) and ends.
///
/// Developers opt in with `COURSE_MENU_BACKTRACE`, whose value becomes `SWIFT_BACKTRACE`, e.g.
/// `COURSE_MENU_BACKTRACE=enable=yes,interactive=no swift run course-menu`. Never let a
/// member's session set it (OpenSSH passes only the variables `AcceptEnv` lists).
enum BacktracePolicy {
  static let runtimeVariable = "SWIFT_BACKTRACE"

  /// Returns when the runtime runs with the wanted settings (`COURSE_MENU_BACKTRACE`, else
  /// `enable=no`); otherwise sets them and re-executes the program, and returns only if that
  /// failed.
  static func enforce() {
    #if os(Linux)
      guard course_menu_crash_policy_settled() == 0 else { return }
      setenv(runtimeVariable, course_menu_crash_policy_wanted(), 1)
      execv("/proc/self/exe", CommandLine.unsafeArgv)
    #endif
  }
}
