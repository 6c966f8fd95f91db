import Catalog

#if canImport(Glibc)
  import Glibc
#endif

/// Diagnostics go to standard error, one per line, in reading order.
enum DiagnosticPrinter {
  static func printAll(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics.sortedForReading() {
      printError(diagnostic.description)
    }
  }
}

/// Writes one line to standard error (unbuffered, so it interleaves correctly with stdout).
func printError(_ line: String) {
  var text = line
  text.append("\n")
  text.withCString { pointer in _ = write(2, pointer, strlen(pointer)) }
}
