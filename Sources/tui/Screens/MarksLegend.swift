/// What the ✓/★ marks mean, on the last row of every screen that lists courses with a
/// member's marks (the course lists, search, 为我推荐, 我的选课): one place draws it, so it
/// reads and sits alike on all of them.
enum MarksLegend {
  /// Draws the legend on the last row of `area`; returns the rows above it.
  @discardableResult
  static func draw(into grid: inout Grid, area: Rect, glyphs: Glyphs) -> Rect {
    grid.write(
      MemberText.legend(glyphs), x: area.x, y: area.maxY - 1, width: area.width,
      ellipsis: glyphs.ellipsis)
    var above = area
    above.height -= 1
    return above
  }
}
