import Catalog

/// 评学: the evaluation's questions about one course credited to the member, one at a time,
/// each answered by the digit of its labelled answer (1 worst … 5 best). After the last
/// answer the rating is kept at once; 0 on the first question skips the course for good
/// (never asked again this year), on a later one goes back a question; with more courses
/// waiting, 9 on the first question skips them all. Asked at login only.
struct RatingScreen: Screen {
  let courseID: String
  private(set) var question = 0
  /// Question id → the answer given.
  private(set) var answers: [String: Int] = [:]
  private(set) var phase = FeedbackPhase.answering
  private(set) var list: NumberedList

  init(courseID: String, evaluation: Evaluation) {
    self.courseID = courseID
    list = NumberedList(count: evaluation.questions.first?.scale ?? 0)
  }

  var pending: FeedbackRequest? { phase.pending }

  mutating func failed(_ message: String) { phase.fail(message) }

  private func shown(_ context: ScreenContext) -> EvaluationQuestion? {
    guard let questions = context.catalog.evaluation?.questions,
      questions.indices.contains(question)
    else { return nil }
    return questions[question]
  }

  // MARK: Keys

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    if let navigation = phase.waiting(command, context) { return navigation }
    guard let evaluation = context.catalog.evaluation, let current = shown(context) else {
      return .back
    }
    if command == .digit(Self.skipAllDigit), question == 0 {
      let courses = waiting(context)
      guard courses.count > 1 else {
        return .refuse(ScreenText.noSuchItem(9, available: 1...list.count))
      }
      return send(.declineRatings(courseIDs: courses), context)
    }
    if command == .back {
      guard question > 0 else { return send(.declineRating(courseID: courseID), context) }
      question -= 1
      let previous = evaluation.questions[question]
      list = NumberedList(count: previous.scale, cursor: (answers[previous.id] ?? 1) - 1)
      return .stay
    }
    switch list.handle(command) {
    case .chosen(let index):
      answers[current.id] = index + 1
      guard question + 1 < evaluation.questions.count else {
        return send(.rate(courseID: courseID, answers: answers), context)
      }
      question += 1
      let next = evaluation.questions[question]
      list = NumberedList(count: next.scale, cursor: (answers[next.id] ?? 1) - 1)
      return .stay
    case .refused(let message): return .refuse(message)
    case .moved, .ignored: return .stay
    }
  }

  /// 全部跳过: a digit no question's answers reach (`Evaluation.answerLimits`).
  static let skipAllDigit = 9

  /// The courses still to rate, this one first.
  private func waiting(_ context: ScreenContext) -> [String] {
    let others = (context.member?.feedbackPrompts ?? []).compactMap { prompt -> String? in
      guard case .rate(let id) = prompt, id != courseID else { return nil }
      return id
    }
    return [courseID] + others
  }

  /// 9 全部跳过 is offered on the first question when other courses wait too.
  private func offersSkipAll(_ context: ScreenContext) -> Bool {
    question == 0 && phase == .answering && waiting(context).count > 1
  }

  private mutating func send(_ request: FeedbackRequest, _ context: ScreenContext) -> Navigation {
    phase.send(request, context)
  }

  // MARK: Drawing

  func heading(_ context: ScreenContext) -> String {
    FeedbackText.ratingHeading(courses: waiting(context).count)
  }

  func position(_ context: ScreenContext) -> String? {
    guard let count = context.catalog.evaluation?.questions.count else { return nil }
    return FeedbackText.questionPosition(question + 1, of: count)
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    if let hints = phase.waitingHints { return hints }
    let back = KeyHint("0", question == 0 ? FeedbackText.keySkip : FeedbackText.keyPrevious)
    let skipAll =
      offersSkipAll(context) ? [KeyHint(String(Self.skipAllDigit), FeedbackText.keySkipAll)] : []
    return NumberedTable.digitHints(for: list, action: FeedbackText.keyAnswer) + [back] + skipAll
      + [
        KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp),
        KeyHint(ScreenText.keyNameArrows, ScreenText.keyMove),
        KeyHint(ScreenText.keyNameEnter, MemberText.keyConfirm),
      ]
  }

  /// The course, the evaluation's line, the question: the rows above the answers. The
  /// evaluation's line gives way when the body lacks room for it and every answer.
  private func header(_ context: ScreenContext) -> [StyledLine] {
    let width = context.body.width
    var title: [StyledLine] = []
    if let course = context.catalog.course(id: courseID) {
      title = LabeledText.lines(label: ScreenText.detailTitle, value: course.title, width: width)
    }
    let intro = context.catalog.evaluation?.intro ?? FeedbackText.anonymous
    let introLines = TextWrap.lines(intro, width: width).map { [Span($0)] }
    var questionLines: [StyledLine] = [[]]
    if let current = shown(context) {
      questionLines += TextWrap.lines(current.text, width: width).map { [Span($0, .emphasis)] }
    }
    // The answers, the 0 line and the blank above them must fit.
    let skipAll = offersSkipAll(context) ? 1 : 0
    let room = context.body.height - list.count - 2 - skipAll - title.count - questionLines.count
    return title + (introLines.count <= room ? introLines : []) + questionLines
  }

  private func table(_ context: ScreenContext) -> NumberedTable {
    NumberedTable(list: list, firstItemRow: header(context).count + 1)
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    let table = table(context)
    for (offset, line) in header(context).enumerated() where offset < area.height {
      grid.write(line: line, x: area.x, y: area.y + offset, width: area.width, ellipsis: ellipsis)
    }
    if let current = shown(context) {
      table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { index in
        current.answers[index]
      }
    }
    let back =
      phase.isFailed
      ? FeedbackText.keyLater
      : question == 0 ? FeedbackText.skipCourse : FeedbackText.previousQuestion
    table.drawBackItem(back, into: &grid, area: area)
    var below = table.endRow + 1
    if offersSkipAll(context), below < area.height {
      NumberedTable.drawNumber(Self.skipAllDigit, into: &grid, x: area.x, y: area.y + below)
      grid.write(
        FeedbackText.skipAll(waiting(context).count), x: area.x + NumberedTable.prefixWidth,
        y: area.y + below, width: area.width - NumberedTable.prefixWidth, ellipsis: ellipsis)
      below += 1
    }
    phase.drawStatus(into: &grid, area: area, top: below + 1, glyphs: context.glyphs)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    let table = table(context)
    if offersSkipAll(context), row == table.endRow + 1 { return .digit(Self.skipAllDigit) }
    return table.command(forClickAt: x, row: row, backItem: true)
  }
}
