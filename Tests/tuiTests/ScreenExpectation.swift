import Testing

@testable import tui

/// Checks a whole rendered screen against literal lines, like ratatui's buffer tests:
/// trailing spaces and empty rows at the bottom are left out of the literal, and every row
/// must be exactly as wide as the terminal. With `styles`, the cells' styles are checked too,
/// as ratatui's `assert_buffer` does, so a lost underline or reverse video fails: one line a
/// row, one `CellStyle.code` a column (a wide character has two), plain cells at the end of a
/// line and plain rows at the bottom left out.
func expectScreen(
  _ state: AppState, _ expected: String, styles: String? = nil,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let grid = render(state)
  var lines = grid.trimmedLines
  while lines.last == "" { lines.removeLast() }
  #expect(grid.lines.count == state.size.height, sourceLocation: sourceLocation)
  #expect(lines.joined(separator: "\n") == expected, sourceLocation: sourceLocation)
  for line in grid.lines {
    #expect(DisplayWidth.of(line) == state.size.width, sourceLocation: sourceLocation)
  }
  if let styles {
    #expect(grid.styleLines.joined(separator: "\n") == styles, sourceLocation: sourceLocation)
  }
}

extension CellStyle {
  /// One character for the style in literal style expectations.
  var code: Character {
    switch self {
    case .plain: " "
    case .titleBar: "T"
    case .heading: "H"
    case .columnHeader: "C"
    case .selected: "S"
    case .keyBar: "K"
    case .keyName: "N"
    case .notice: "!"
    case .emphasis: "E"
    case .match: "M"
    case .selectedMatch: "m"
    }
  }
}

extension Grid {
  /// Each row's styles as codes, one a column; plain cells at the end of a row and plain rows
  /// at the bottom left out.
  var styleLines: [String] {
    var lines = (0..<size.height).map { y in
      var line = String((0..<size.width).map { self[$0, y].style.code })
      while line.last == " " { line.removeLast() }
      return line
    }
    while lines.last == "" { lines.removeLast() }
    return lines
  }
}
