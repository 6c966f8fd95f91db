import Catalog

/// 我的选课: the member's selections, oldest first, each with its next session; the
/// highlighted one's sessions below. A digit opens the course, where it can be dropped.
struct MyCoursesScreen: Screen {
  /// The cursor; the count follows the selections, which change under the screen.
  private(set) var cursor = 0

  private func list(_ context: ScreenContext) -> NumberedList {
    NumberedList(count: context.member?.selections.count ?? 0, cursor: cursor)
  }

  /// The column header is the first body row.
  private func table(_ context: ScreenContext) -> NumberedTable {
    NumberedTable(list: list(context), firstItemRow: 1)
  }

  /// Marks, title, hours, next session.
  static func columns(width: Int) -> Columns {
    Columns([.fixed(2), .flexible, .fixed(5, .trailing), .fixed(24)], total: width)
  }

  func heading(_ context: ScreenContext) -> String {
    MemberText.myCoursesHeading(context.member?.selections.count ?? 0)
  }

  func position(_ context: ScreenContext) -> String? {
    list(context).position
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list(context), back: ScreenText.keyBack)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    var list = list(context)
    defer { cursor = list.cursor }
    return list.navigation(for: command) { index in
      guard let selection = context.member?.selections[index] else { return .stay }
      return .push(.courseDetail(CourseDetailScreen(courseID: selection.courseID)))
    }
  }

  /// The first session not over by today (one under way included); else when the last one
  /// was; else that there is none.
  static func nextSession(of course: Course?, today: LocalDate) -> String {
    let sessions = course?.sessions ?? []
    if let next = sessions.filter({ $0.lastDay >= today }).min(by: { $0.date < $1.date }) {
      return MemberText.nextSession(next)
    }
    if let last = sessions.max(by: { $0.lastDay < $1.lastDay }) {
      return MemberText.lastSession(last)
    }
    return MemberText.noUpcomingSession
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    guard let member = context.member, !member.selections.isEmpty else {
      for (offset, line) in TextWrap.lines(MemberText.noSelections, width: area.width)
        .enumerated() where offset < area.height
      {
        grid.write(line, x: area.x, y: area.y + offset, width: area.width)
      }
      return
    }
    let glyphs = context.glyphs
    let catalog = context.catalog
    let list = list(context)
    let table = table(context)
    let columns = Self.columns(width: area.width - NumberedTable.prefixWidth)
    let header = columns.row(
      [
        "", ScreenText.columnTitle, ScreenText.columnHours, MemberText.columnNextSession,
      ], ellipsis: glyphs.ellipsis)
    table.draw(into: &grid, area: area, header: header, glyphs: glyphs) { index in
      let selection = member.selections[index]
      let course = catalog.course(id: selection.courseID)
      return columns.row(
        [
          member.marks(for: selection.courseID, glyphs: glyphs),
          course?.title ?? selection.courseID, course?.hours.description ?? "",
          Self.nextSession(of: course, today: member.today),
        ], ellipsis: glyphs.ellipsis)
    }
    // Below: the highlighted course's sessions and the day it was selected; the legend last.
    let legendRow = MarksLegend.draw(into: &grid, area: area, glyphs: glyphs).height
    let selection = member.selections[list.cursor]
    let sessions = catalog.course(id: selection.courseID)?.sessions ?? []
    var lines = LabeledText.lines(
      label: MemberText.sessionsLabel,
      value: sessions.isEmpty
        ? ScreenText.noSessions : sessions.map(MemberText.sessionLine).joined(separator: "\n"),
      width: area.width)
    lines += LabeledText.lines(
      label: MemberText.selectedAtLabel, value: selection.day.description, width: area.width)
    let firstRow = table.endRow + 1
    for (offset, line) in lines.enumerated() where firstRow + offset < legendRow - 1 {
      grid.write(
        line: line, x: area.x, y: area.y + firstRow + offset, width: area.width,
        ellipsis: glyphs.ellipsis)
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(context).command(forClickAt: x, row: row)
  }
}
