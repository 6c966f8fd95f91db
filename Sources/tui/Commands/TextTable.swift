import Catalog

/// Plain-text tables for the administrator commands, aligned by terminal columns (a CJK
/// character takes two). Every cell is shown inert (`ControlCharacters.shown`), whatever it
/// holds, so no data in a table acts on the terminal.
struct TextTable {
  var header: [String]
  var rows: [[String]] = []

  var rendered: String { lines.joined(separator: "\n") }

  var lines: [String] {
    let all = ([header] + rows).map { $0.map(ControlCharacters.shown) }
    var widths = [Int](repeating: 0, count: header.count)
    for row in all {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(cell))
      }
    }
    return all.map { row in
      var line = ""
      for (index, cell) in row.enumerated() {
        let last = index == row.count - 1
        line += cell
        if !last {
          line += String(repeating: " ", count: widths[index] - DisplayWidth.of(cell) + 2)
        }
      }
      // Empty last cells leave no padding behind.
      while line.last == " " { line.removeLast() }
      return line
    }
  }
}
