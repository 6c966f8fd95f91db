import Catalog

/// Diagnostics go to standard error, one per line, in reading order.
enum DiagnosticPrinter {
  static func printAll(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics.sortedForReading() {
      printError(diagnostic.description)
    }
  }
}
