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
  /// How far the question (label, text, choices, instructions) is scrolled: each question
  /// opens at its top, and a long one scrolls like any long text.
  private(set) var scroll = ScrollPosition()
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
    let view = window(context, height: context.body.height)
    switch command {
    case .back:
      phase = .confirmingLeave
      return .stay
    case .digit(let digit) where (1...count).contains(digit):
      return choose(digit - 1, context)
    case .digit(let digit):
      let pageDigits = [NumberedList.previousPageDigit, NumberedList.nextPageDigit]
      guard view.isScrollable, pageDigits.contains(digit) else {
        return .refuse(ScreenText.noSuchItem(digit, available: 1...count))
      }
      page(command, view)
    case .open:
      // Enter answers only a choice in sight: on a long question it first shows the cursor's.
      guard view.shows(choice: cursor) else {
        reveal(cursor, view)
        return .stay
      }
      return current.question.kind == .all ? submitMarks(context) : choose(cursor, context)
    case .up:
      if cursor > 0, view.shows(choice: cursor) {
        cursor -= 1
        reveal(cursor, view)
      } else {
        page(.up, view)
      }
    case .down:
      if cursor < count - 1, view.shows(choice: cursor) {
        cursor += 1
        reveal(cursor, view)
      } else {
        page(.down, view)
      }
    case .pageUp, .pageDown: page(command, view)
    case .home:
      _ = scroll.handle(.home, lineCount: view.lineCount, height: view.rows)
      cursor = 0
    case .end:
      _ = scroll.handle(.end, lineCount: view.lineCount, height: view.rows)
      cursor = count - 1
    case .help, .search: break
    }
    return .stay
  }

  /// Scrolls the question by a line or a page; the cursor follows onto a choice in sight.
  private mutating func page(_ command: Command, _ view: Window) {
    _ = scroll.handle(command, lineCount: view.lineCount, height: view.rows)
    let moved = window(scrolledTo: scroll, from: view)
    guard !moved.shows(choice: cursor),
      let nearest = moved.choiceRows.indices.filter(moved.shows(choice:)).min(by: {
        abs($0 - cursor) < abs($1 - cursor)
      })
    else { return }
    cursor = nearest
  }

  /// Scrolls just enough to show the choice at `place`.
  private mutating func reveal(_ place: Int, _ view: Window) {
    guard view.choiceRows.indices.contains(place) else { return }
    scroll.reveal(view.choiceRows[place], lineCount: view.lineCount, height: view.rows)
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

  /// Keeps the answer and shows the next question, from its top; after the last, hands the
  /// attempt in.
  private mutating func answer(_ response: QuizResponse, _ context: ScreenContext) -> Navigation {
    responses.append(response)
    marks = []
    cursor = 0
    scroll = ScrollPosition()
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
    let view = window(context, height: context.body.height)
    return StudyText.questionPosition(
      number + 1, of: questionCount,
      lines: view.isScrollable ? (view.top + 1, view.top + view.rows, view.lineCount) : nil)
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
    // On a question longer than the screen, 8 and 9 say there is more above or below.
    let view = window(context, height: context.body.height)
    var pages: [KeyHint] = []
    if view.isScrollable, view.top > 0 {
      pages.append(KeyHint(String(NumberedList.previousPageDigit), ScreenText.keyPreviousPage))
    }
    if view.isScrollable, view.top + view.rows < view.lineCount {
      pages.append(KeyHint(String(NumberedList.nextPageDigit), ScreenText.keyNextPage))
    }
    switch current.question.kind {
    case .single:
      return [KeyHint(digits, StudyText.keyAnswer)] + pages + [
        back, help, move, KeyHint(ScreenText.keyNameEnter, MemberText.keyConfirm),
      ]
    case .all:
      return [
        KeyHint(digits, StudyText.keyToggle),
        KeyHint(ScreenText.keyNameEnter, StudyText.keySubmit),
      ] + pages + [back, help, move]
    case .trueFalse:
      return [KeyHint("1", StudyText.keyTrue), KeyHint("2", StudyText.keyFalse)] + pages + [
        back, help,
      ]
    }
  }

  /// The question's lines: its label, text and choices (each wrapped under its own text),
  /// and while answering the instructions below them; `choiceRows` gives each choice's lines.
  private func body(_ context: ScreenContext) -> (lines: [StyledLine], choiceRows: [Range<Int>]) {
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
    if phase == .answering || phase == .left {
      lines.append([])
      lines += TextWrap.lines(
        StudyText.instructions(kind, count: current.choices.count), width: width
      ).map { [Span($0)] }
    }
    return (lines, rows)
  }

  /// What is happening instead of answering (leaving, handing in, a failure): always in sight.
  private func notice(_ context: ScreenContext) -> [StyledLine] {
    let text: String
    switch phase {
    case .confirmingLeave: text = StudyText.confirmLeaving()
    case .handingIn: text = StudyText.handingIn
    case .failed(let message): text = message
    case .answering, .left: return []
    }
    return TextWrap.lines(text, width: context.body.width).map { [Span($0, .notice)] }
  }

  /// The question as scrolled: its lines, the first one shown and the rows they have, and
  /// the notice under them (after a blank line when there is room, else at the bottom).
  struct Window {
    var lines: [StyledLine]
    var choiceRows: [Range<Int>]
    var top: Int
    var rows: Int
    var notice: [StyledLine]
    var lineCount: Int { lines.count }
    var isScrollable: Bool { lines.count > rows }

    /// Every line of the choice at `place` is in sight.
    func shows(choice place: Int) -> Bool {
      guard choiceRows.indices.contains(place) else { return false }
      let range = choiceRows[place]
      return range.lowerBound >= top && range.upperBound <= top + rows
    }
  }

  private func window(_ context: ScreenContext, height: Int) -> Window {
    let body = body(context)
    var notice = notice(context)
    if body.lines.count + 1 + notice.count <= height {
      if !notice.isEmpty { notice.insert([], at: 0) }
    } else {
      notice = Array(notice.prefix(max(0, height - 1)))
    }
    let rows = max(1, height - notice.count)
    return Window(
      lines: body.lines, choiceRows: body.choiceRows,
      top: scroll.clampedTop(lineCount: body.lines.count, height: rows), rows: rows,
      notice: notice)
  }

  /// `view` scrolled to `position`.
  private func window(scrolledTo position: ScrollPosition, from view: Window) -> Window {
    var moved = view
    moved.top = position.clampedTop(lineCount: view.lineCount, height: view.rows)
    return moved
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let view = window(context, height: area.height)
    let visible = Array(view.lines.dropFirst(view.top).prefix(view.rows))
    for (offset, line) in (visible + view.notice).prefix(area.height).enumerated() {
      let y = area.y + offset
      grid.write(line: line, x: area.x, y: y, width: area.width, ellipsis: context.glyphs.ellipsis)
      if offset < visible.count, line.first?.style == .selected {
        grid.restyle(row: y, columns: area.x..<(area.x + area.width), style: .selected)
      }
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    let view = window(context, height: context.body.height)
    guard row < view.rows else { return nil }
    let line = row + view.top
    guard let place = view.choiceRows.firstIndex(where: { $0.contains(line) }) else {
      return nil
    }
    return .digit(place + 1)
  }
}
