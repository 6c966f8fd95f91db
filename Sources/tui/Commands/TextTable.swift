/// Plain-text tables for the administrator commands, aligned by terminal columns (a CJK
/// character takes two, as `DisplayWidth` counts them on screen).
struct TextTable {
  var header: [String]
  var rows: [[String]] = []

  var rendered: String {
    let all = [header] + rows
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
      return line
    }.joined(separator: "\n")
  }
}
