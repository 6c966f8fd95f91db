import Catalog

/// A test in progress: one question a screen, in the order drawn, its choices in the order
/// drawn. Digits (or the letters A-F) answer a single-choice question and go on at once; on a
/// choose-all question they mark and unmark, and Enter hands the marks in; a true/false
/// question takes 1 for 对 and 2 for 错. An answer given stays. After the last one the attempt
/// is handed in to the records, which grade it and credit the hours on the year's first pass.
///
/// 0 asks once whether to leave; a second 0 leaves, and the attempt ends unscored (it counts
/// toward the day's attempts all the same). `update` tells the records whenever an open
/// attempt's screen goes away, however it went.
struct QuizScreen: Screen {
  enum Phase: Hashable, Sendable {
    case answering
    /// 0 was pressed once: a second 0 leaves, any other key goes on.
    case confirmingLeave
    /// The answers are on their way to the records.
    case handingIn
    /// Handing in failed (the message says why): 1 tries again, 0 leaves.
    case failed(String)
    /// The program is leaving with the attempt unfinished; the records have been told.
    case left
  }

  let ticket: QuizTicket
  let memberID: String
  /// The answers given, one per question asked so far.
  private(set) var responses: [QuizResponse] = []
  /// The choices marked on a choose-all question, by their place on screen (0 at the top).
  private(set) var marks: Set<Int> = []
  /// The choice under the cursor, by its place on screen.
  private(set) var cursor = 0
  private(set) var phase = Phase.answering

  /// The most choices a question has, and so the letters A-F that answer.
  static let letterCount = Question.choiceLimits.upperBound

  init(ticket: QuizTicket, memberID: String) {
    self.ticket = ticket
    self.memberID = memberID
  }

  /// The attempt, while it is still open: neither handed in nor left.
  var openAttemptID: Int64? {
    switch phase {
    case .answering, .confirmingLeave, .failed: ticket.attemptID
    case .handingIn, .left: nil
    }
  }

  /// The records know the attempt is over: the screen holds nothing open any more.
  mutating func leave() { phase = .left }

  var questionCount: Int { ticket.draw.questions.count }
  /// The question shown, 0-based (the last one while handing in).
  var number: Int { min(responses.count, questionCount - 1) }

  /// The question shown and its choices as shown (对 and 错 for true/false).
  func shown(_ context: ScreenContext) -> (question: Question, choices: [String])? {
    guard let quiz = context.catalog.course(id: ticket.courseID)?.quiz,
      ticket.draw.questions.indices.contains(number)
    else { return nil }
    let drawn = ticket.draw.questions[number]
    guard quiz.questions.indices.contains(drawn.questionIndex) else { return nil }
    let question = quiz.questions[drawn.questionIndex]
    let choices =
      question.kind == .trueFalse
      ? StudyText.truthLabels
      : drawn.choiceOrder.map { question.choices.indices.contains($0) ? question.choices[$0] : "" }
    return (question, choices)
  }

  // MARK: Keys

  /// Letters A-F answer like the digits 1-6; space marks on a choose-all question; `/` is
  /// refused (a search would leave the test). Other keys go to the key table.
  mutating func input(_ key: Key, _ context: ScreenContext) -> Navigation? {
    guard case .character(let character) = key, let scalar = character.unicodeScalars.first,
      character.unicodeScalars.count == 1
    else { return nil }
    if character == "/" { return .refuse(StudyText.searchDuringQuiz) }
    if character == " ", phase == .answering, shown(context)?.question.kind == .all {
      return toggle(cursor)
    }
    guard let letter = Question.letterIndex(scalar), letter < Self.letterCount else {
      return nil
    }
    guard phase == .answering || phase == .confirmingLeave else { return .stay }
    phase = .answering
    guard let current = shown(context) else { return .stay }
    guard current.question.kind != .trueFalse else { return .refuse(StudyText.noLetterForTruth) }
    guard letter < current.choices.count else {
      return .refuse(ScreenText.noSuchItem(letter + 1, available: 1...current.choices.count))
    }
    return choose(letter, context)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    switch phase {
    case .left, .handingIn:
      return .stay
    case .failed:
      switch command {
      case .digit(1), .open: return handIn(context)
      case .back: return .back
      default: return .stay
      }
    case .confirmingLeave:
      if command == .back { return .back }
      phase = .answering
      return .stay
    case .answering:
      break
    }
    guard let current = shown(context) else { return command == .back ? .back : .stay }
    let count = current.choices.count
    switch command {
    case .back:
      phase = .confirmingLeave
      return .stay
    case .digit(let digit):
      guard (1...count).contains(digit) else {
        return .refuse(ScreenText.noSuchItem(digit, available: 1...count))
      }
      return choose(digit - 1, context)
    case .open:
      return current.question.kind == .all ? submitMarks(context) : choose(cursor, context)
    case .up: cursor = max(0, cursor - 1)
    case .down: cursor = min(count - 1, cursor + 1)
    case .home, .pageUp: cursor = 0
    case .end, .pageDown: cursor = count - 1
    case .help, .search: break
    }
    return .stay
  }

  /// The choice at `place` on screen: the answer to a single-choice or true/false question, a
  /// mark on a choose-all one.
  private mutating func choose(_ place: Int, _ context: ScreenContext) -> Navigation {
    guard let kind = shown(context)?.question.kind else { return .stay }
    cursor = place
    switch kind {
    case .single:
      return answer(.choices([ticket.draw.questions[number].choiceOrder[place]]), context)
    case .trueFalse:
      return answer(.truth(place == 0), context)
    case .all:
      return toggle(place)
    }
  }

  private mutating func toggle(_ place: Int) -> Navigation {
    cursor = place
    if marks.contains(place) { marks.remove(place) } else { marks.insert(place) }
    return .stay
  }

  private mutating func submitMarks(_ context: ScreenContext) -> Navigation {
    guard !marks.isEmpty else { return .refuse(StudyText.markAtLeastOne) }
    let order = ticket.draw.questions[number].choiceOrder
    return answer(.marked(marks, order: order), context)
  }

  /// Keeps the answer and shows the next question; after the last, hands the attempt in.
  private mutating func answer(_ response: QuizResponse, _ context: ScreenContext) -> Navigation {
    responses.append(response)
    marks = []
    cursor = 0
    return responses.count == questionCount ? handIn(context) : .stay
  }

  private mutating func handIn(_ context: ScreenContext) -> Navigation {
    guard let member = context.member else { return .stay }
    phase = .handingIn
    return .ask(.finishQuiz(ticket, memberID: memberID, responses: responses, day: member.today))
  }

  /// Handing in failed: the answers stay, and 1 tries again.
  mutating func failed(_ message: String) { phase = .failed(StudyText.handInFailed(message)) }

  // MARK: Drawing

  func heading(_ context: ScreenContext) -> String {
    StudyText.quizHeading(context.catalog.course(id: ticket.courseID)?.title ?? ticket.courseID)
  }

  func position(_ context: ScreenContext) -> String? {
    StudyText.questionPosition(number + 1, of: questionCount)
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    let back = KeyHint("0", StudyText.keyLeave)
    let help = KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp)
    switch phase {
    case .handingIn, .left: return [help]
    case .failed: return [KeyHint("1", StudyText.keyRetry), back, help]
    case .answering, .confirmingLeave: break
    }
    guard let current = shown(context) else { return [back, help] }
    let digits = "1-\(current.choices.count)"
    let move = KeyHint(ScreenText.keyNameArrows, ScreenText.keyMove)
    switch current.question.kind {
    case .single:
      return [
        KeyHint(digits, StudyText.keyAnswer), back, help, move,
        KeyHint(ScreenText.keyNameEnter, MemberText.keyConfirm),
      ]
    case .all:
      return [
        KeyHint(digits, StudyText.keyToggle),
        KeyHint(ScreenText.keyNameEnter, StudyText.keySubmit), back, help, move,
      ]
    case .trueFalse:
      return [KeyHint("1", StudyText.keyTrue), KeyHint("2", StudyText.keyFalse), back, help]
    }
  }

  /// The question's lines and the choices (each wrapped under its own text); `choiceRows`
  /// gives each choice's lines.
  private func content(_ context: ScreenContext) -> (lines: [StyledLine], choiceRows: [Range<Int>])
  {
    guard let current = shown(context) else { return ([], []) }
    let width = context.body.width
    let glyphs = context.glyphs
    let kind = current.question.kind
    var lines: [StyledLine] = [[Span(StudyText.questionLabel(number + 1, kind: kind), .emphasis)]]
    lines += TextWrap.lines(current.question.text, width: width).map { [Span($0)] }
    lines.append([])
    var rows: [Range<Int>] = []
    for (place, choice) in current.choices.enumerated() {
      let selected = place == cursor
      let digit = TextFit.padded(String(place + 1), width: 3, alignment: .trailing)
      var prefix = [Span(selected ? glyphs.cursor : " "), Span(digit, .keyName), Span("  ")]
      if kind == .all {
        prefix.append(Span(marks.contains(place) ? "[\(glyphs.selectedMark)] " : "[ ] "))
      }
      let indent = prefix.reduce(0) { $0 + DisplayWidth.of($1.text) }
      let text = kind == .trueFalse ? choice : StudyText.choice(place, choice)
      let first = lines.count
      for (index, part) in TextWrap.lines(text, width: max(1, width - indent)).enumerated() {
        let lead = index == 0 ? prefix : [Span(String(repeating: " ", count: indent))]
        let line = lead + [Span(part)]
        lines.append(selected ? line.map { Span($0.text, .selected) } : line)
      }
      rows.append(first..<lines.count)
    }
    return (lines, rows)
  }

  /// Below the choices: what to press, or what is happening. A notice (leaving, handing in,
  /// a failure) always finds room; the instructions give way on a small terminal, where the
  /// key line says the same.
  private func status(_ context: ScreenContext) -> (lines: [StyledLine], essential: Bool) {
    guard let current = shown(context) else { return ([], false) }
    let text: String
    let essential: Bool
    switch phase {
    case .confirmingLeave: (text, essential) = (StudyText.confirmLeaving(), true)
    case .handingIn: (text, essential) = (StudyText.handingIn, true)
    case .failed(let message): (text, essential) = (message, true)
    case .answering, .left:
      (text, essential) = (
        StudyText.instructions(current.question.kind, count: current.choices.count), false
      )
    }
    let style: CellStyle = essential ? .notice : .plain
    return (TextWrap.lines(text, width: context.body.width).map { [Span($0, style)] }, essential)
  }

  /// The content's first line shown, and the rows it has: everything from the top when it
  /// fits, else scrolled just enough to show the choice under the cursor (a long question
  /// scrolls up as the cursor goes down) above the status.
  private func window(_ context: ScreenContext, height: Int) -> (
    content: (lines: [StyledLine], choiceRows: [Range<Int>]), top: Int, rows: Int,
    status: [StyledLine]
  ) {
    let content = content(context)
    let status = status(context)
    if content.lines.count + 1 + status.lines.count <= height {
      return (content, 0, content.lines.count, [[]] + status.lines)
    }
    let shownStatus = status.essential ? Array(status.lines.prefix(max(0, height - 1))) : []
    let rows = max(1, height - shownStatus.count)
    guard content.lines.count > rows, content.choiceRows.indices.contains(cursor) else {
      return (content, 0, rows, shownStatus)
    }
    let focus = content.choiceRows[cursor]
    let top = max(0, min(focus.upperBound - rows, focus.lowerBound))
    return (content, top, rows, shownStatus)
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let shown = window(context, height: area.height)
    let visible = shown.content.lines.dropFirst(shown.top).prefix(shown.rows)
    for (offset, line) in (Array(visible) + shown.status).prefix(area.height).enumerated() {
      let y = area.y + offset
      grid.write(line: line, x: area.x, y: y, width: area.width, ellipsis: context.glyphs.ellipsis)
      if offset < visible.count, line.first?.style == .selected {
        grid.restyle(row: y, columns: area.x..<(area.x + area.width), style: .selected)
      }
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    let shown = window(context, height: context.body.height)
    guard row < shown.rows else { return nil }
    let line = row + shown.top
    guard let place = shown.content.choiceRows.firstIndex(where: { $0.contains(line) }) else {
      return nil
    }
    return .digit(place + 1)
  }
}
