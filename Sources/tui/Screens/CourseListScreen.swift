import Catalog

/// The courses of one category: title, hours, form and kind, fitted to the width.
struct CourseListScreen: Screen {
  let categoryID: String
  let title: String
  private(set) var list: NumberedList

  init(categoryID: String, title: String, courseCount: Int) {
    self.categoryID = categoryID
    self.title = title
    list = NumberedList(count: courseCount)
  }

  /// The column header is the first body row.
  private var table: NumberedTable { NumberedTable(list: list, firstItemRow: 1) }

  private func courses(_ context: ScreenContext) -> Slice<CourseList> {
    context.catalog.courses(inCategory: categoryID)
  }

  func heading(_ context: ScreenContext) -> String {
    ScreenText.courseListHeading(title, count: list.count)
  }

  func position(_ context: ScreenContext) -> String? {
    list.position
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list, back: ScreenText.keyBack)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    let courses = courses(context)
    return list.navigation(for: command) { index in
      .push(.courseDetail(CourseDetailScreen(courseID: courses[courses.startIndex + index].id)))
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let courses = courses(context)
    guard !courses.isEmpty else {
      grid.write(ScreenText.noCourses, x: area.x, y: area.y, width: area.width)
      return
    }
    let member = context.member
    // The kind, in four columns, comes last.
    let columns = CourseColumns(
      width: area.width - NumberedTable.prefixWidth, last: .fixed(4), member: member,
      glyphs: context.glyphs)
    let header = columns.header(last: ScreenText.columnKind)
    table.draw(into: &grid, area: area, header: header, glyphs: context.glyphs) { index in
      let course = courses[courses.startIndex + index]
      return columns.row(course, last: course.kind.label)
    }
    let highlighted = courses[courses.startIndex + list.cursor]
    // A member sees what the marks mean on the last row, under the summary.
    var previewArea = area
    if member != nil {
      previewArea = MarksLegend.draw(into: &grid, area: area, glyphs: context.glyphs)
    }
    Preview.draw(
      label: ScreenText.previewLabel, text: highlighted.summary, into: &grid, area: previewArea,
      fromRow: table.endRow + 1, glyphs: context.glyphs)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table.command(forClickAt: x, row: row)
  }
}
