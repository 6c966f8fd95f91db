/// Every key in plain words, reachable by `?` anywhere and from the main menu.
struct HelpScreen: Screen {
  private(set) var scroll = ScrollPosition()

  private func document(_ context: ScreenContext) -> DocumentView {
    let lines = TextWrap.lines(ScreenText.helpText, width: context.body.width).map { [Span($0)] }
    return DocumentView(lines: lines, scroll: scroll, height: context.body.height)
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
