/// A frame: every cell of the terminal, built by the pure renderer and handed to a backend.
///
/// Like ratatui's Buffer, it clips and pads by columns, so text written into it can never
/// spill into a neighbour or leave half of a wide character behind; tests read it back as
/// literal lines.
struct Grid: Equatable, Sendable {
  let size: Size
  private(set) var cells: [Cell]

  init(size: Size) {
    self.size = Size(width: max(0, size.width), height: max(0, size.height))
    cells = Array(repeating: .blank, count: self.size.width * self.size.height)
  }

  subscript(x: Int, y: Int) -> Cell { cells[y * size.width + x] }

  /// Writes `text` from column `x` of row `y` within `width` columns (to the right edge when
  /// nil). Text that does not fit is cut before the first character that would cross the
  /// limit, ending in `ellipsis` when one is given. Returns the columns written.
  @discardableResult
  mutating func write(
    _ text: String, x: Int, y: Int, width: Int? = nil, style: CellStyle = .plain,
    ellipsis: String? = nil
  ) -> Int {
    guard y >= 0, y < size.height, x >= 0, x < size.width else { return 0 }
    let limit = min(width ?? (size.width - x), size.width - x)
    guard limit > 0 else { return 0 }
    let fitted = TextFit.truncated(text, width: limit, ellipsis: ellipsis)
    var column = x
    for character in fitted.text {
      let columns = DisplayWidth.of(character)
      guard columns > 0 else { continue }
      place(Cell(text: String(character), style: style), atColumn: column, row: y)
      if columns == 2 { place(.continuation(style), atColumn: column + 1, row: y) }
      column += columns
    }
    return column - x
  }

  /// Paints `width` columns of row `y` with one narrow character, for bars and rules.
  mutating func fill(
    row y: Int, x: Int = 0, width: Int? = nil, with character: String = " ",
    style: CellStyle = .plain
  ) {
    guard y >= 0, y < size.height, x >= 0 else { return }
    let end = min(size.width, x + (width ?? size.width))
    var column = x
    while column < end {
      place(Cell(text: character, style: style), atColumn: column, row: y)
      column += 1
    }
  }

  /// Gives every cell of row `y` in `columns` the style, keeping the characters.
  mutating func restyle(row y: Int, columns: Range<Int>, style: CellStyle) {
    guard y >= 0, y < size.height else { return }
    for column in max(0, columns.lowerBound)..<min(size.width, columns.upperBound) {
      cells[y * size.width + column].style = style
    }
  }

  /// The rows as text, a wide character once for its two cells.
  var lines: [String] {
    (0..<size.height).map { line($0) }
  }

  func line(_ y: Int) -> String {
    var text = ""
    for x in 0..<size.width { text += self[x, y].text }
    return text
  }

  /// Sets one cell and blanks the other half of any wide character it cuts through.
  private mutating func place(_ cell: Cell, atColumn x: Int, row y: Int) {
    guard x < size.width else { return }
    let index = y * size.width + x
    // A continuation is only ever placed right after its own new head.
    if cells[index].isContinuation, x > 0, !cell.isContinuation {
      cells[index - 1].text = " "
    }
    if !cells[index].isContinuation, x + 1 < size.width, cells[index + 1].isContinuation {
      cells[index + 1].text = " "
    }
    cells[index] = cell
  }
}
