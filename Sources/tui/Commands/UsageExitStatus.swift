import ArgumentParser

#if canImport(Glibc)
  import Glibc
#endif

extension CourseMenu {
  /// Runs the command like ArgumentParser's own `main`, except that usage errors exit with
  /// status 2 (the documented contract: 0 fine, 1 catalog errors, 2 usage or I/O) rather than
  /// ArgumentParser's 64, and their message (and `--help`'s headings) is in Chinese
  /// (`UsageErrorText`).
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
          printError(UsageErrorText.line(String(line)))
        }
        Glibc.exit(2)
      }
      // --help and `help`: the library's headings in Chinese too.
      if exitCode(for: error) == .success {
        let help = fullMessage(for: error)
        if !help.isEmpty {
          printOutput(
            lines: help.split(separator: "\n", omittingEmptySubsequences: false).map {
              UsageErrorText.helpLine(String($0))
            })
        }
        Glibc.exit(0)
      }
      exit(withError: error)
    }
  }
}
