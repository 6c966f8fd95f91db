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
        widths[index] = max(widths[index], TextTable.columns(cell))
      }
    }
    return all.map { row in
      var line = ""
      for (index, cell) in row.enumerated() {
        let last = index == row.count - 1
        line += cell
        if !last {
          line += String(repeating: " ", count: widths[index] - TextTable.columns(cell) + 2)
        }
      }
      return line
    }
  }

  /// Terminal columns of a text: two for East Asian wide and fullwidth characters.
  static func columns(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
      let value = scalar.value
      if scalar.properties.generalCategory == .nonspacingMark || value == 0x200B { return total }
      let wide =
        (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value)
        || (0x3041...0x33FF).contains(value) || (0x3400...0x4DBF).contains(value)
        || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA4CF).contains(value)
        || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
        || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
        || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
      return total + (wide ? 2 : 1)
    }
  }
}
