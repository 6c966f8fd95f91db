import Catalog

/// Asked when a member opens a course's lessons again without having finished them: go on
/// from the page reached, or start over.
struct LessonResumeScreen: Screen {
  let courseID: String
  /// The page the member left the lessons at, 0-based.
  let page: Int
  private(set) var list = NumberedList(count: 2)

  init(courseID: String, page: Int) {
    self.courseID = courseID
    self.page = page
  }

  /// Where 学习课件 leads: this question when the member left the lessons past the first page,
  /// else the reader at the first page.
  static func offer(_ courseID: String, _ context: ScreenContext) -> Navigation {
    let count = context.catalog.course(id: courseID)?.lessons.count ?? 0
    guard count > 0 else { return .refuse(StudyText.noLessons) }
    if let page = context.member?.lessonPage(of: courseID), page > 0, page < count {
      return .push(.lessonResume(LessonResumeScreen(courseID: courseID, page: page)))
    }
    return .push(.lessonReader(LessonReaderScreen(courseID: courseID)))
  }

  private func introduction(_ context: ScreenContext) -> [StyledLine] {
    guard let course = context.catalog.course(id: courseID) else { return [] }
    let width = context.body.width
    var lines = LabeledText.lines(label: ScreenText.detailTitle, value: course.title, width: width)
    lines.append([])
    let title = course.lessons.indices.contains(page) ? course.lessons[page].title : ""
    lines += TextWrap.lines(
      StudyText.resumeNote(page: page + 1, of: course.lessons.count, title: title), width: width
    ).map { [Span($0, .emphasis)] }
    lines.append([])
    return lines
  }

  private func table(_ context: ScreenContext) -> NumberedTable {
    NumberedTable(list: list, firstItemRow: introduction(context).count)
  }

  func heading(_ context: ScreenContext) -> String { StudyText.resumeHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list, back: StudyText.resumeBack)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    list.navigation(for: command) { [courseID, page] index in
      .replace(.lessonReader(LessonReaderScreen(courseID: courseID, page: index == 0 ? page : 0)))
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    for (offset, line) in introduction(context).enumerated() where offset < area.height {
      grid.write(line: line, x: area.x, y: area.y + offset, width: area.width, ellipsis: ellipsis)
    }
    let table = table(context)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { index in
      index == 0 ? StudyText.resumeContinue(page + 1) : StudyText.resumeFromStart
    }
    table.drawBackItem(StudyText.resumeBack, into: &grid, area: area)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(context).command(forClickAt: x, row: row, backItem: true)
  }
}
