/// A screen that shows one long text a screenful at a time (help, a course's detail,
/// 我的学时). Each has its own text; the scrolling keys, the position, the drawing and the
/// lack of clickable rows are the same for all, so they are written once here.
protocol DocumentScreen: Screen {
  var scroll: ScrollPosition { get set }
  /// The screen's text at the body's width, scrolled to `scroll`.
  func document(_ context: ScreenContext) -> DocumentView
}

extension DocumentScreen {
  func position(_ context: ScreenContext) -> String? { document(context).position }

  func keyHints(_ context: ScreenContext) -> [KeyHint] { document(context).keyHints() }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    scrollDocument(command, context)
  }

  /// Applies a scrolling command to the text; back and help go to the caller.
  mutating func scrollDocument(_ command: Command, _ context: ScreenContext) -> Navigation {
    let lineCount = document(context).lines.count
    return DocumentView.update(
      &scroll, command, lineCount: lineCount, height: context.body.height)
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    document(context).render(into: &grid, area: area, glyphs: context.glyphs)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? { nil }
}
