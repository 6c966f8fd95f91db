import Catalog
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// The only ways the commands print. Every line passes through `ControlCharacters.shown`, so a
// name, a title or any catalog text holding an escape sequence or a bidirectional override
// is shown inert, whichever command prints it (tests check that nothing else prints).

/// Writes lines to standard output; a line break inside a line is shown, not obeyed.
func printOutput(_ lines: String...) {
  printOutput(lines: lines)
}

func printOutput(lines: [String]) {
  var text = ""
  for line in lines {
    text += ControlCharacters.shown(line)
    text += "\n"
  }
  write(text, to: 1)
}

/// Writes one line to standard error (unbuffered, so it interleaves correctly with stdout).
func printError(_ line: String) {
  write(ControlCharacters.shown(line) + "\n", to: 2)
}

/// Writes a document made inert where it was made (`CSVFile.document`) to standard output.
func writeOutput(_ document: Data) {
  FileHandle.standardOutput.write(document)
}

private func write(_ text: String, to descriptor: Int32) {
  // Whatever went through `print` before stays ahead of this.
  fflush(nil)
  let bytes = Array(text.utf8)
  var written = 0
  while written < bytes.count {
    let count = bytes.withUnsafeBytes { buffer in
      Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
    }
    if count < 0, errno == EINTR { continue }
    guard count > 0 else { return }
    written += count
  }
}
