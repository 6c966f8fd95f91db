/// A run of text in one style.
struct Span: Hashable, Sendable {
  var text: String
  var style: CellStyle

  init(_ text: String, _ style: CellStyle = .plain) {
    self.text = text
    self.style = style
  }
}

/// One line of a document made of styled runs.
typealias StyledLine = [Span]

extension Grid {
  /// Writes the runs of `line` one after another from column `x`, clipped to `width` columns;
  /// the run that crosses the edge ends in `ellipsis`.
  mutating func write(line: StyledLine, x: Int, y: Int, width: Int, ellipsis: String?) {
    var column = x
    for span in line {
      let room = x + width - column
      guard room > 0 else { return }
      column += write(
        span.text, x: column, y: y, width: room, style: span.style, ellipsis: ellipsis)
    }
  }
}

/// Label-and-value paragraphs, the shape of every field in the course detail and previews.
enum LabeledText {
  /// `label` then `value` wrapped to `width`, continuation lines indented under the value.
  static func lines(label: String, value: String, width: Int) -> [StyledLine] {
    let indent = DisplayWidth.of(label)
    let wrapped = TextWrap.lines(value, width: max(1, width - indent))
    let padding = String(repeating: " ", count: indent)
    return wrapped.enumerated().map { index, text in
      index == 0 ? [Span(label, .emphasis), Span(text)] : [Span(padding), Span(text)]
    }
  }
}
