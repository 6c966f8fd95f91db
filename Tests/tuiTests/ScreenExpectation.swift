import Testing

@testable import tui

/// Checks a whole rendered screen against literal lines, like ratatui's buffer tests:
/// trailing spaces and empty rows at the bottom are left out of the literal, and every row
/// must be exactly as wide as the terminal.
func expectScreen(
  _ state: AppState, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let grid = render(state)
  var lines = grid.trimmedLines
  while lines.last == "" { lines.removeLast() }
  #expect(grid.lines.count == state.size.height, sourceLocation: sourceLocation)
  #expect(lines.joined(separator: "\n") == expected, sourceLocation: sourceLocation)
  for line in grid.lines {
    #expect(DisplayWidth.of(line) == state.size.width, sourceLocation: sourceLocation)
  }
}
