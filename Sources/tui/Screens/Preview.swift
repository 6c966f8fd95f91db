/// The summary of the highlighted item, shown under a list when rows are left over.
enum Preview {
  /// Draws `label` and `text` wrapped from body row `fromRow` to the bottom of `area`; when
  /// the text does not fit, its last visible line ends in an ellipsis.
  static func draw(
    label: String, text: String, into grid: inout Grid, area: Rect, fromRow: Int, glyphs: Glyphs
  ) {
    let rows = area.height - fromRow
    guard rows > 0 else { return }
    let valueWidth = area.width - DisplayWidth.of(label)
    let lines = LabeledText.lines(label: label, value: text, width: area.width)
    for (offset, line) in lines.prefix(rows).enumerated() {
      var line = line
      if offset == rows - 1, lines.count > rows, let last = line.last {
        line[line.count - 1].text = TextFit.markedAsCut(
          last.text, width: valueWidth, ellipsis: glyphs.ellipsis)
      }
      grid.write(
        line: line, x: area.x, y: area.y + fromRow + offset, width: area.width,
        ellipsis: glyphs.ellipsis)
    }
  }
}
