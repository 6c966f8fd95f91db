import Catalog

/// The top of the catalog: every category with its course count and total hours.
struct CategoriesScreen: Screen {
  /// One category as listed, counted once when the screen opens.
  struct Row: Hashable, Sendable {
    var id: String
    var title: String
    var summary: String?
    var courseCount: Int
    var totalHours: StudyHours
  }

  let rows: [Row]
  private(set) var list: NumberedList

  init(catalog: Catalog) {
    rows = catalog.categories.map { category in
      Row(
        id: category.id, title: category.title, summary: category.summary,
        courseCount: catalog.courses(inCategory: category.id).count,
        totalHours: catalog.totalHours(inCategory: category.id))
    }
    list = NumberedList(count: rows.count)
  }

  /// The column header is the first body row.
  private var table: NumberedTable { NumberedTable(list: list, firstItemRow: 1) }

  private func columns(width: Int) -> Columns {
    Columns([.flexible, .fixed(8, .trailing), .fixed(12, .trailing)], total: width)
  }

  func heading(_ context: ScreenContext) -> String { ScreenText.categoriesHeading }

  func position(_ context: ScreenContext) -> String? {
    list.position
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list, back: ScreenText.keyBack)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    list.navigation(for: command) { [rows] index in
      let row = rows[index]
      return .push(
        .courseList(
          CourseListScreen(categoryID: row.id, title: row.title, courseCount: row.courseCount)))
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    guard !rows.isEmpty else {
      grid.write(ScreenText.noCategories, x: area.x, y: area.y, width: area.width)
      return
    }
    let columns = columns(width: area.width - NumberedTable.prefixWidth)
    let ellipsis = context.glyphs.ellipsis
    let header = columns.row(
      [ScreenText.columnCategory, ScreenText.columnCourseCount, ScreenText.columnTotalHours],
      ellipsis: ellipsis)
    table.draw(into: &grid, area: area, header: header, glyphs: context.glyphs) { index in
      let row = rows[index]
      return columns.row(
        [
          row.title, ScreenText.categoryCourseCount(row.courseCount),
          ScreenText.categoryTotalHours(row.totalHours),
        ], ellipsis: ellipsis)
    }
    if let summary = rows[list.cursor].summary {
      Preview.draw(
        label: ScreenText.previewLabel, text: summary, into: &grid, area: area,
        fromRow: table.endRow + 1, glyphs: context.glyphs)
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table.command(forClickAt: x, row: row)
  }
}
