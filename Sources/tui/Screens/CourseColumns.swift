import Catalog

/// The columns of a table of courses: for a member the ✓/★ marks first, then title, hours
/// and form, and last a column each table fills its own way (the kind, why a search result
/// matched, why a course is recommended). The course lists, search and 为我推荐 share it, so
/// their rows line up and read alike.
struct CourseColumns {
  private let columns: Columns
  /// Whose marks lead each row; nil for a guest, whose tables have no marks column.
  let member: MemberSession?
  let glyphs: Glyphs

  /// The title takes what the marks, hours (up to `200.5`), form (four characters) and
  /// `last` leave of `width`.
  init(width: Int, last: Column, member: MemberSession?, glyphs: Glyphs) {
    let marks: [Column] = member == nil ? [] : [.fixed(2)]
    columns = Columns(marks + [.flexible, .fixed(5, .trailing), .fixed(8), last], total: width)
    self.member = member
    self.glyphs = glyphs
  }

  private var titleColumn: Int { member == nil ? 0 : 1 }

  /// Where the title column starts in the row text, and how wide it is (search marks the
  /// matched characters there).
  var titleOffset: Int { columns.offset(of: titleColumn) }
  var titleWidth: Int { columns.widths[titleColumn] }

  /// The column header; `last` names the last column.
  func header(last: String) -> String {
    columns.row(
      (member == nil ? [] : [""])
        + [ScreenText.columnTitle, ScreenText.columnHours, ScreenText.columnForm, last],
      ellipsis: glyphs.ellipsis)
  }

  /// The row of `course`, with `last` in the last column.
  func row(_ course: Course, last: String) -> String {
    let marks = member.map { [$0.marks(for: course.id, glyphs: glyphs)] } ?? []
    return columns.row(
      marks + [course.title, course.hours.description, course.form.label, last],
      ellipsis: glyphs.ellipsis)
  }
}
