/// Every key in plain words, reachable by `?` anywhere and from the main menu.
struct HelpScreen: Screen {
  private(set) var scroll = ScrollPosition()

  /// Key names in one column, as wide as the widest, descriptions wrapped beside them.
  static func lines(width: Int) -> [StyledLine] {
    let keyWidth =
      ScreenText.helpSections.flatMap(\.keys).map { DisplayWidth.of($0.key) }.max() ?? 0
    var lines: [StyledLine] = []
    for section in ScreenText.helpSections {
      lines.append([Span(section.title, .heading)])
      for entry in section.keys {
        let label = "  " + TextFit.padded(entry.key, width: keyWidth) + "  "
        lines += LabeledText.lines(label: label, value: entry.action, width: width)
      }
      lines.append([])
    }
    lines += TextWrap.lines(ScreenText.helpNotes, width: width).map { [Span($0)] }
    return lines
  }

  private func document(_ context: ScreenContext) -> DocumentView {
    DocumentView(
      lines: Self.lines(width: context.body.width), scroll: scroll, height: context.body.height)
  }

  func heading(_ context: ScreenContext) -> String { ScreenText.helpHeading }

  func position(_ context: ScreenContext) -> String? { document(context).position }

  func keyHints(_ context: ScreenContext) -> [KeyHint] { document(context).keyHints() }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    let lineCount = document(context).lines.count
    return DocumentView.update(
      &scroll, command, lineCount: lineCount, height: context.body.height)
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    document(context).render(into: &grid, area: area, glyphs: context.glyphs)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? { nil }
}
