import Catalog

/// Before a test: its rules, what the member has used of the day's attempts, what passing will
/// credit, and that leaving counts. 1 asks the records to draw the questions and start the
/// attempt (counted from then on); the answer replaces this screen with the first question.
struct QuizIntroScreen: Screen {
  let courseID: String
  /// The start has been asked for and the answer is awaited.
  private(set) var waiting = false
  /// Why the last start was refused or failed.
  private(set) var problem: String?
  private(set) var list = NumberedList(count: 1)

  init(courseID: String) {
    self.courseID = courseID
  }

  /// Where 参加测验 leads: this screen, for a member and a course with a test.
  static func open(_ courseID: String, _ context: ScreenContext) -> Navigation {
    guard context.catalog.course(id: courseID)?.quiz != nil else {
      return .refuse(StudyText.noQuiz)
    }
    guard context.member != nil else { return .refuse(StudyText.guestCannotTakeQuiz) }
    return .push(.quizIntro(QuizIntroScreen(courseID: courseID)))
  }

  /// The course's title above the items; the rules, the day's attempts and what passing
  /// credits below them, so the items stay in sight on the smallest terminal.
  private func header(_ context: ScreenContext) -> [StyledLine] {
    guard let course = context.catalog.course(id: courseID) else { return [] }
    return LabeledText.lines(
      label: ScreenText.detailTitle, value: course.title, width: context.body.width) + [[]]
  }

  private func rules(_ context: ScreenContext) -> [StyledLine] {
    guard let course = context.catalog.course(id: courseID), let quiz = course.quiz else {
      return []
    }
    let width = context.body.width
    var paragraphs = [StudyText.introRules(quiz)]
    if let member = context.member {
      let used = member.quizAttempts(of: courseID).filter { $0.day == member.today }.count
      paragraphs.append(StudyText.introToday(used: used, limit: quiz.attemptsPerDay))
      let year = context.catalog.rules.trainingYear(containing: member.today)
      let credited = member.records.credits.first {
        $0.courseID == courseID && year.contains($0.date)
      }
      paragraphs.append(StudyText.introCredit(course, creditedOn: credited?.date))
    }
    var lines = paragraphs.flatMap { TextWrap.lines($0, width: width).map { [Span($0)] } }
    lines += TextWrap.lines(StudyText.introLeaving, width: width).map { [Span($0, .emphasis)] }
    return lines
  }

  private func table(_ context: ScreenContext) -> NumberedTable {
    NumberedTable(list: list, firstItemRow: header(context).count)
  }

  func heading(_ context: ScreenContext) -> String { StudyText.introHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    [
      KeyHint("1", StudyText.introStart), KeyHint("0", ScreenText.keyBack),
      KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp),
    ]
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    var list = list
    defer { self.list = list }
    return list.navigation(for: command) { _ in start(context) }
  }

  /// 1: the attempt is asked for, once.
  private mutating func start(_ context: ScreenContext) -> Navigation {
    guard !waiting else { return .stay }
    guard let member = context.member else { return .refuse(StudyText.guestCannotTakeQuiz) }
    waiting = true
    problem = nil
    return .ask(.startQuiz(courseID: courseID, memberID: member.member.id, day: member.today))
  }

  /// No attempt started: say why; 1 may try again (a refusal stands until tomorrow).
  mutating func refused(_ message: String) {
    waiting = false
    problem = message
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    let table = table(context)
    var lines = header(context)
    lines += Array(repeating: [], count: table.endRow + 2 - lines.count)
    // Said once the start has taken long enough to notice (`RecordsTraffic.busyDelay`).
    let status = waiting && context.recordsBusy == .saving ? StudyText.drawing : problem
    if let status {
      lines += TextWrap.lines(status, width: area.width).map { [Span($0, .notice)] }
      lines.append([])
    }
    lines += rules(context)
    for (offset, line) in lines.enumerated() where offset < area.height {
      grid.write(line: line, x: area.x, y: area.y + offset, width: area.width, ellipsis: ellipsis)
    }
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { _ in
      StudyText.introStart
    }
    table.drawBackItem(StudyText.introBack, into: &grid, area: area)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(context).command(forClickAt: x, row: row, backItem: true)
  }
}
