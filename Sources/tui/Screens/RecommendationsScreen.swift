import Catalog

/// 为我推荐: courses that fit the member logged in and have no credit this training year,
/// those that help an unmet requirement first, each with its reason (`Recommender`). A digit
/// opens the course, where it can be selected.
///
/// The list is the session's (`MemberSession.recommendations`), worked out once each time the
/// records or the day change, so it follows the member's records (a selection made from here
/// shows its mark when the member comes back) without being worked out again for every frame.
struct RecommendationsScreen: Screen {
  /// The cursor; the count follows the recommendations, which change with the records.
  private(set) var cursor = 0

  static func recommendations(_ context: ScreenContext) -> [Recommendation] {
    context.member?.recommendations ?? []
  }

  private func list(count: Int) -> NumberedList { NumberedList(count: count, cursor: cursor) }

  /// The intro line, a blank line, the column header, then the items; without the blank
  /// line when nine items would not fit (16 rows).
  private func table(count: Int, height: Int) -> NumberedTable {
    let firstItemRow = height >= 3 + NumberedList.singlePageLimit ? 3 : 2
    return NumberedTable(list: list(count: count), firstItemRow: firstItemRow)
  }

  func heading(_ context: ScreenContext) -> String {
    ScreenText.recommendHeading(Self.recommendations(context).count)
  }

  func position(_ context: ScreenContext) -> String? {
    list(count: Self.recommendations(context).count).position
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(
      for: list(count: Self.recommendations(context).count), back: ScreenText.keyBack)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    let recommendations = Self.recommendations(context)
    var list = list(count: recommendations.count)
    defer { cursor = list.cursor }
    return list.navigation(for: command) { index in
      .push(.courseDetail(CourseDetailScreen(courseID: recommendations[index].courseID)))
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    guard let member = context.member else {
      grid.write(ScreenText.recommendNotLoggedIn, x: area.x, y: area.y, width: area.width)
      return
    }
    let recommendations = Self.recommendations(context)
    grid.write(
      ScreenText.recommendIntro(member.progress), x: area.x, y: area.y, width: area.width,
      ellipsis: ellipsis)
    guard !recommendations.isEmpty else {
      grid.write(ScreenText.recommendNone, x: area.x, y: area.y + 2, width: area.width)
      return
    }
    let table = table(count: recommendations.count, height: area.height)
    // The reason, in a few characters, comes last.
    let columns = CourseColumns(
      width: area.width - NumberedTable.prefixWidth, last: .fixed(12), member: member,
      glyphs: context.glyphs)
    let header = columns.header(last: ScreenText.columnReason)
    let courses = context.catalog.courses
    table.draw(into: &grid, area: area, header: header, glyphs: context.glyphs) { index in
      let recommendation = recommendations[index]
      return columns.row(
        courses[recommendation.courseIndex],
        last: ScreenText.recommendTag(recommendation.reason))
    }
    let highlighted = recommendations[table.list.cursor]
    var lines = LabeledText.lines(
      label: ScreenText.recommendReasonLabel, value: highlighted.text, width: area.width)
    if let next = highlighted.nextSession {
      lines += LabeledText.lines(
        label: ScreenText.recommendNextLabel, value: MemberText.sessionLine(next),
        width: area.width)
    }
    // What the marks mean on the last row, as in the course lists, when the list leaves it.
    var previewArea = area
    if table.endRow < area.height {
      previewArea = MarksLegend.draw(into: &grid, area: area, glyphs: context.glyphs)
    }
    let firstRow = table.endRow + 1
    for (offset, line) in lines.enumerated() where firstRow + offset < previewArea.height {
      grid.write(
        line: line, x: area.x, y: area.y + firstRow + offset, width: area.width,
        ellipsis: ellipsis)
    }
    Preview.draw(
      label: ScreenText.previewLabel, text: courses[highlighted.courseIndex].summary,
      into: &grid, area: previewArea, fromRow: firstRow + lines.count, glyphs: context.glyphs)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(count: Self.recommendations(context).count, height: context.body.height)
      .command(forClickAt: x, row: row)
  }
}
