import ArgumentParser

#if canImport(Glibc)
  import Glibc
#endif

extension CourseMenu {
  /// Runs the command like ArgumentParser's own `main`, except that usage errors exit with
  /// status 2 (the documented contract: 0 fine, 1 catalog errors, 2 usage or I/O) rather than
  /// ArgumentParser's 64, and their message is in Chinese (`UsageErrorText`).
  static func main() {
    BacktracePolicy.enforce()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        for line in fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
        {
          printError(UsageErrorText.line(String(line)))
        }
        Glibc.exit(2)
      }
      exit(withError: error)
    }
  }
}
