import Catalog

/// Everything the catalog says about one course, wrapped to the width and scrollable.
struct CourseDetailScreen: DocumentScreen {
  let courseID: String
  var scroll = ScrollPosition()

  init(courseID: String) {
    self.courseID = courseID
  }

  func document(_ context: ScreenContext) -> DocumentView {
    let lines =
      context.catalog.course(id: courseID).map {
        memberLines(context)
          + Self.lines(
            for: $0, catalog: context.catalog, width: context.body.width, glyphs: context.glyphs)
      } ?? []
    return DocumentView(lines: lines, scroll: scroll, height: context.body.height)
  }

  /// For a member, first: selected or not, and any hours credited for the course this year.
  private func memberLines(_ context: ScreenContext) -> [StyledLine] {
    guard let member = context.member else { return [] }
    let glyphs = context.glyphs
    var status =
      member.selection(of: courseID).map {
        MemberText.selectedOn($0.day, mark: glyphs.selectedMark)
      } ?? MemberText.notSelected
    let credits = member.credits(of: courseID)
    if !credits.isEmpty {
      status += "；" + MemberText.credited(credits, mark: glyphs.creditedMark)
    }
    let width = context.body.width
    var lines = LabeledText.lines(label: MemberText.detailStatus, value: status, width: width)
    guard let course = context.catalog.course(id: courseID) else { return lines }
    if !course.lessons.isEmpty {
      lines += LabeledText.lines(
        label: StudyText.detailStudyProgress,
        value: StudyText.studyProgress(
          page: member.lessonPage(of: courseID), of: course.lessons.count), width: width)
    }
    if let quiz = course.quiz {
      let record = StudyText.quizRecord(
        attempts: member.quizAttempts(of: courseID), today: member.today,
        year: context.catalog.rules.trainingYear(containing: member.today).year,
        limit: quiz.attemptsPerDay, credited: !credits.isEmpty, mark: glyphs.creditedMark)
      lines += LabeledText.lines(label: StudyText.detailQuizRecord, value: record, width: width)
    }
    return lines
  }

  /// 2 opens the lessons, 3 the test, on this screen and in the reader.
  static let studyDigit = 2
  static let quizDigit = LessonReaderScreen.quizDigit

  /// What 1 does here for a member: 选学, or 退选 once selected (nil for a required course).
  private func memberAction(_ context: ScreenContext) -> ConfirmScreen.Action? {
    guard let member = context.member else { return nil }
    guard member.isSelected(courseID) else { return .select }
    return context.catalog.course(id: courseID)?.kind == .required ? nil : .drop
  }

  /// The course as labelled fields, long text wrapped, sessions as a table.
  static func lines(for course: Course, catalog: Catalog, width: Int, glyphs: Glyphs)
    -> [StyledLine]
  {
    var lines: [StyledLine] = []
    func field(_ label: String, _ value: String?) {
      guard let value, !value.isEmpty else { return }
      lines += LabeledText.lines(label: label, value: value, width: width)
    }
    func list(_ values: [String], or fallback: String?) -> String? {
      values.isEmpty ? fallback : values.joined(separator: ScreenText.listSeparator)
    }
    field(ScreenText.detailTitle, course.title)
    field(ScreenText.detailCategory, catalog.category(id: course.categoryID)?.title)
    field(ScreenText.detailHours, ScreenText.hoursValue(course.hours))
    field(ScreenText.detailKind, course.kind.label)
    field(ScreenText.detailForm, course.form.label)
    field(ScreenText.detailSummary, course.summary)
    field(ScreenText.detailDescription, course.description)
    field(ScreenText.detailInstructor, course.instructor)
    field(ScreenText.detailProvider, course.provider)
    field(ScreenText.detailAudience, list(course.audience.map(\.label), or: ScreenText.everyone))
    field(ScreenText.detailRoles, list(course.roles.map(\.label), or: ScreenText.anyRole))
    field(ScreenText.detailSeasons, list(course.seasons.map(\.label), or: ScreenText.anySeason))
    field(ScreenText.detailKeywords, list(course.keywords, or: nil))
    field(ScreenText.detailPinyin, course.pinyin)
    let prerequisites = course.prerequisites.map {
      ScreenText.prerequisite(title: catalog.course(id: $0)?.title, id: $0)
    }
    field(ScreenText.detailPrerequisites, list(prerequisites, or: nil))
    field(ScreenText.detailID, course.id)
    if !course.lessons.isEmpty {
      field(StudyText.detailLessons, StudyText.lessonsValue(course.lessons.count, key: studyDigit))
    }
    if let quiz = course.quiz {
      field(StudyText.detailQuiz, StudyText.quizValue(quiz, key: quizDigit))
    }
    if course.sessions.isEmpty {
      field(ScreenText.detailSessions, ScreenText.noSessions)
    } else {
      lines.append([Span(ScreenText.detailSessions, .emphasis)])
      lines += sessionTable(course.sessions, width: width, glyphs: glyphs)
    }
    return lines
  }

  /// Days, time, place and capacity, indented under the label, with a ruled header.
  private static func sessionTable(_ sessions: [CourseSession], width: Int, glyphs: Glyphs)
    -> [StyledLine]
  {
    let indent = "  "
    let timeWidth = max(
      DisplayWidth.of(ScreenText.sessionTime),
      sessions.map { DisplayWidth.of($0.time ?? "") }.max() ?? 0)
    let daysWidth = sessions.map { DisplayWidth.of(ScreenText.sessionDays($0)) }.max() ?? 10
    let columns = Columns(
      [.fixed(daysWidth), .fixed(timeWidth), .flexible, .fixed(4, .trailing)],
      total: width - indent.count)
    let header = columns.row(
      [
        ScreenText.sessionDate, ScreenText.sessionTime, ScreenText.sessionPlace,
        ScreenText.sessionCapacity,
      ], ellipsis: glyphs.ellipsis)
    let rule = columns.row(
      columns.widths.map { String(repeating: glyphs.horizontalRule, count: $0) }, ellipsis: nil)
    var lines: [StyledLine] = [
      [Span(indent), Span(header, .columnHeader)], [Span(indent), Span(rule)],
    ]
    for session in sessions {
      let row = columns.row(
        [
          ScreenText.sessionDays(session), session.time ?? ScreenText.sessionNoValue,
          session.place,
          session.capacity.map(String.init) ?? ScreenText.sessionNoValue,
        ], ellipsis: glyphs.ellipsis)
      lines.append([Span(indent), Span(row)])
    }
    return lines
  }

  func heading(_ context: ScreenContext) -> String {
    context.catalog.course(id: courseID)?.title ?? courseID
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    var hints =
      memberAction(context).map {
        [KeyHint("1", $0 == .select ? MemberText.keySelect : MemberText.keyDrop)]
      } ?? []
    let course = context.catalog.course(id: courseID)
    if course?.lessons.isEmpty == false {
      hints.append(KeyHint(String(Self.studyDigit), StudyText.keyStudy))
    }
    if course?.quiz != nil, context.member != nil {
      hints.append(KeyHint(String(Self.quizDigit), StudyText.keyQuiz))
    }
    return hints + document(context).keyHints()
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    if command == .digit(1) {
      guard context.member != nil else { return .refuse(MemberText.guestCannotSelect) }
      guard let action = memberAction(context) else {
        let title = context.catalog.course(id: courseID)?.title ?? courseID
        return .refuse(MemberText.requiredCannotBeDropped(title))
      }
      return .push(.confirm(ConfirmScreen(action: action, courseID: courseID)))
    }
    if command == .digit(Self.studyDigit) { return LessonResumeScreen.offer(courseID, context) }
    if command == .digit(Self.quizDigit) { return QuizIntroScreen.open(courseID, context) }
    return scrollDocument(command, context)
  }
}
