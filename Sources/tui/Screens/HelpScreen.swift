/// Every key in plain words, reachable by `?` anywhere and from the main menu.
struct HelpScreen: DocumentScreen {
  var scroll = ScrollPosition()

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

  func document(_ context: ScreenContext) -> DocumentView {
    DocumentView(
      lines: Self.lines(width: context.body.width), scroll: scroll, height: context.body.height)
  }

  func heading(_ context: ScreenContext) -> String { ScreenText.helpHeading }
}
