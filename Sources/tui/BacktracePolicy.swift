#if canImport(Glibc)
  import Glibc
#endif

/// The program's own crash policy: the Swift runtime's crash handler is never offered to a
/// user.
///
/// On Linux the runtime answers a crash by printing "Program crashed" over the screen and, on
/// a terminal, offering an interactive debugger with memory inspection. It reads its settings
/// from `SWIFT_BACKTRACE` once, before any of our code runs, so the program re-executes itself
/// with `SWIFT_BACKTRACE=enable=no` (nothing else changes: same binary, arguments, descriptors
/// and unread input). A crash then only restores the terminal (`TerminalGuard`) and ends.
///
/// Developers opt in with `COURSE_MENU_BACKTRACE`, whose value becomes `SWIFT_BACKTRACE`, e.g.
/// `COURSE_MENU_BACKTRACE=enable=yes,interactive=no swift run course-menu`. Never let a
/// member's session set it (OpenSSH passes only the variables `AcceptEnv` lists).
enum BacktracePolicy {
  static let runtimeVariable = "SWIFT_BACKTRACE"
  static let developerVariable = "COURSE_MENU_BACKTRACE"
  static let disabled = "enable=no"

  /// The runtime settings this process must run with.
  static func wanted(developerSetting: String?) -> String {
    guard let developerSetting, !developerSetting.isEmpty else { return disabled }
    return developerSetting
  }

  /// Returns when the process runs with the wanted settings; otherwise sets them and
  /// re-executes the program, and returns only if that failed.
  static func enforce() {
    #if os(Linux)
      let wanted = wanted(developerSetting: getenv(developerVariable).map { String(cString: $0) })
      if let current = getenv(runtimeVariable), String(cString: current) == wanted { return }
      setenv(runtimeVariable, wanted, 1)
      execv("/proc/self/exe", CommandLine.unsafeArgv)
    #endif
  }
}
