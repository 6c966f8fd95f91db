import Catalog

/// 学习课件: a course's lessons one page at a time, the text wrapped by the rules of Chinese
/// line-breaking. 9 (PgDn, space) reads on a screenful and, at the end of a page, turns to the
/// next; 8 (PgUp) goes back the same way; Enter turns the page at once. For a member, every
/// page turned is kept in the records, so the next visit can go on from there.
struct LessonReaderScreen: Screen {
  let courseID: String
  /// The lesson shown, 0-based.
  private(set) var page: Int
  private(set) var scroll = ScrollPosition()

  /// On the course detail and here: 3 opens the test.
  static let quizDigit = 3

  init(courseID: String, page: Int = 0) {
    self.courseID = courseID
    self.page = max(0, page)
  }

  private func lessons(_ context: ScreenContext) -> [Lesson] {
    context.catalog.course(id: courseID)?.lessons ?? []
  }

  /// The page shown, clamped to the lessons there are.
  private func shownPage(_ context: ScreenContext) -> Int {
    min(page, max(0, lessons(context).count - 1))
  }

  /// The page's title and text at the body's width, and a line saying the page ends.
  func document(_ context: ScreenContext) -> DocumentView {
    let lessons = lessons(context)
    guard !lessons.isEmpty else {
      return DocumentView(lines: [], scroll: scroll, height: context.body.height)
    }
    let index = shownPage(context)
    let width = context.body.width
    var lines: [StyledLine] = TextWrap.lines(lessons[index].title, width: width).map {
      [Span($0, .heading)]
    }
    lines.append([])
    lines += TextWrap.lines(lessons[index].text.trimmingBlankLines, width: width).map {
      [Span($0)]
    }
    lines.append([])
    lines.append([Span(StudyText.pageEnd(index + 1, of: lessons.count), .emphasis)])
    if index + 1 == lessons.count, context.catalog.course(id: courseID)?.quiz != nil {
      lines += TextWrap.lines(StudyText.quizAfterLessons, width: width).map { [Span($0)] }
    }
    return DocumentView(lines: lines, scroll: scroll, height: context.body.height)
  }

  func heading(_ context: ScreenContext) -> String {
    StudyText.readerHeading(context.catalog.course(id: courseID)?.title ?? courseID)
  }

  func position(_ context: ScreenContext) -> String? {
    let count = lessons(context).count
    return count == 0 ? nil : StudyText.page(shownPage(context) + 1, of: count)
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    let view = document(context)
    let index = shownPage(context)
    let count = lessons(context).count
    let atBottom = view.top + view.height >= view.lines.count
    var hints: [KeyHint] = []
    if !atBottom {
      hints.append(KeyHint(String(NumberedList.nextPageDigit), StudyText.keyForward))
    } else if index + 1 < count {
      hints.append(KeyHint(String(NumberedList.nextPageDigit), StudyText.keyNextPage))
    }
    if view.top > 0 {
      hints.append(KeyHint(String(NumberedList.previousPageDigit), StudyText.keyBackward))
    } else if index > 0 {
      hints.append(KeyHint(String(NumberedList.previousPageDigit), StudyText.keyPreviousPage))
    }
    if context.catalog.course(id: courseID)?.quiz != nil {
      hints.append(KeyHint(String(Self.quizDigit), StudyText.keyQuiz))
    }
    hints.append(KeyHint("0", ScreenText.keyBack))
    hints.append(KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp))
    if view.isScrollable {
      hints.append(KeyHint(ScreenText.keyNameArrows, ScreenText.keyScrollLines))
    }
    return hints
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    let view = document(context)
    let count = lessons(context).count
    let index = shownPage(context)
    let atTop = view.top == 0
    let atBottom = view.top + view.height >= view.lines.count
    switch command {
    case .digit(NumberedList.nextPageDigit), .pageDown:
      guard atBottom else { return scrolled(.pageDown, view) }
      return turn(to: index + 1, count: count, context)
    case .digit(NumberedList.previousPageDigit), .pageUp:
      guard atTop else { return scrolled(.pageUp, view) }
      return turn(to: index - 1, count: count, context)
    case .open:
      return turn(to: index + 1, count: count, context)
    case .digit(Self.quizDigit):
      return QuizIntroScreen.open(courseID, context)
    default:
      return scrolled(command, view)
    }
  }

  private mutating func scrolled(_ command: Command, _ view: DocumentView) -> Navigation {
    DocumentView.update(&scroll, command, lineCount: view.lines.count, height: view.height)
  }

  /// Shows another page from its top; for a member the records keep it.
  private mutating func turn(to target: Int, count: Int, _ context: ScreenContext) -> Navigation {
    guard target >= 0 else { return .refuse(StudyText.firstPage) }
    guard target < count else { return .refuse(StudyText.lastPage) }
    page = target
    scroll = ScrollPosition()
    guard let member = context.member else { return .stay }
    return .ask(.saveLessonPage(courseID: courseID, memberID: member.member.id, page: target))
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    document(context).render(into: &grid, area: area, glyphs: context.glyphs)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? { nil }
}

extension String {
  /// Without the blank lines a multi-line TOML string starts or ends with.
  var trimmingBlankLines: String {
    var lines = split(separator: "\n", omittingEmptySubsequences: false)
    while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
    while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}
