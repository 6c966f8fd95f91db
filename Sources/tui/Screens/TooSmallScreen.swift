/// What a terminal below the minimum size shows instead of the frame: a centred request to
/// enlarge the window, which gives way to the screen as soon as it is large enough.
struct TooSmallScreen: Hashable, Sendable {
  let size: Size
  let minimum: Size

  func render(into grid: inout Grid) {
    let lines = [
      (ScreenText.tooSmall, CellStyle.notice),
      (ScreenText.tooSmallDetail(current: size, minimum: minimum), CellStyle.plain),
    ]
    let top = max(0, (size.height - lines.count) / 2)
    for (offset, (text, style)) in lines.enumerated() {
      let x = max(0, (size.width - DisplayWidth.of(text)) / 2)
      grid.write(text, x: x, y: top + offset, style: style)
    }
  }
}
