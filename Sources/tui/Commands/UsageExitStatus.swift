import ArgumentParser

#if canImport(Glibc)
  import Glibc
#endif

extension CourseMenu {
  /// Runs the command like ArgumentParser's own `main`, except that usage errors exit with
  /// status 2 (the documented contract: 0 fine, 1 catalog errors, 2 usage or I/O) rather than
  /// ArgumentParser's 64.
  static func main() {
    BacktracePolicy.enforce()
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      // A plain start of the member UI, without ArgumentParser (see `BrowseStart`).
      if let start = BrowseStart(plainArguments: arguments), (try? start.validate()) != nil {
        try start.run()
        return
      }
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        for line in fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
        {
          printError(String(line))
        }
        Glibc.exit(2)
      }
      exit(withError: error)
    }
  }
}
