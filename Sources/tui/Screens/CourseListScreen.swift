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

  /// Title takes what hours (up to `200.5`), form (four characters) and kind leave.
  static func columns(width: Int) -> Columns {
    Columns([.flexible, .fixed(5, .trailing), .fixed(8), .fixed(4)], total: width)
  }

  /// For a member, the selected and credited marks come first.
  static func memberColumns(width: Int) -> Columns {
    Columns([.fixed(2), .flexible, .fixed(5, .trailing), .fixed(8), .fixed(4)], total: width)
  }

  private func courses(_ context: ScreenContext) -> ArraySlice<Course> {
    context.catalog.courses(inCategory: categoryID)
  }

  func heading(_ context: ScreenContext) -> String {
    ScreenText.courseListHeading(title, count: list.count)
  }

  func position(_ context: ScreenContext) -> String? {
    list.count == 0 ? nil : ScreenText.position(list.cursor + 1, of: list.count)
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list, back: ScreenText.keyBack)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    switch list.handle(command) {
    case .chosen(let index):
      let courses = courses(context)
      let course = courses[courses.startIndex + index]
      return .push(.courseDetail(CourseDetailScreen(courseID: course.id)))
    case .refused(let message): return .refuse(message)
    case .moved: return .stay
    case .ignored: return command == .back ? .back : .stay
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let courses = courses(context)
    guard !courses.isEmpty else {
      grid.write(ScreenText.noCourses, x: area.x, y: area.y, width: area.width)
      return
    }
    let member = context.member
    let textWidth = area.width - NumberedTable.prefixWidth
    let columns =
      member == nil ? Self.columns(width: textWidth) : Self.memberColumns(width: textWidth)
    let ellipsis = context.glyphs.ellipsis
    let header = columns.row(
      (member == nil ? [] : [""])
        + [
          ScreenText.columnTitle, ScreenText.columnHours, ScreenText.columnForm,
          ScreenText.columnKind,
        ],
      ellipsis: ellipsis)
    table.draw(into: &grid, area: area, header: header, glyphs: context.glyphs) { index in
      let course = courses[courses.startIndex + index]
      let marks = member.map { [$0.marks(for: course.id, glyphs: context.glyphs)] } ?? []
      return columns.row(
        marks + [course.title, course.hours.description, course.form.label, course.kind.label],
        ellipsis: ellipsis)
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
