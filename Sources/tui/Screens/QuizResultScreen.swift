import Catalog

/// After handing in: the score, passed or not, what it did for the member's hours, and every
/// wrong answer with the right one and the explanation. It scrolls like the course detail; 0
/// goes back to the course.
struct QuizResultScreen: DocumentScreen {
  let ticket: QuizTicket
  let responses: [QuizResponse]
  let finish: QuizFinish
  var scroll = ScrollPosition()
  /// The lines as laid out when the screen was made, and for what: a test of hundreds of
  /// questions has hundreds of wrong answers to wrap, too many to wrap again on every key.
  private let laidOut: (lines: [StyledLine], width: Int, glyphs: Glyphs)

  init(
    ticket: QuizTicket, responses: [QuizResponse], finish: QuizFinish, context: ScreenContext
  ) {
    self.ticket = ticket
    self.responses = responses
    self.finish = finish
    laidOut = (
      Self.lines(ticket: ticket, responses: responses, finish: finish, context),
      context.body.width, context.glyphs
    )
  }

  static func == (lhs: QuizResultScreen, rhs: QuizResultScreen) -> Bool {
    lhs.ticket == rhs.ticket && lhs.responses == rhs.responses && lhs.finish == rhs.finish
      && lhs.scroll == rhs.scroll
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(ticket.attemptID)
    hasher.combine(scroll)
  }

  func document(_ context: ScreenContext) -> DocumentView {
    let fits = laidOut.width == context.body.width && laidOut.glyphs == context.glyphs
    return DocumentView(
      lines: fits
        ? laidOut.lines
        : Self.lines(ticket: ticket, responses: responses, finish: finish, context),
      scroll: scroll, height: context.body.height)
  }

  private static func lines(
    ticket: QuizTicket, responses: [QuizResponse], finish: QuizFinish, _ context: ScreenContext
  ) -> [StyledLine] {
    guard let quiz = context.catalog.course(id: ticket.courseID)?.quiz else { return [] }
    let width = context.body.width
    let result = finish.result
    var lines: [StyledLine] = []
    func paragraph(_ text: String, _ style: CellStyle = .plain) {
      lines += TextWrap.lines(text, width: width).map { [Span($0, style)] }
    }
    paragraph(
      StudyText.score(result, passPercent: quiz.passPercent, mark: context.glyphs.creditedMark),
      .emphasis)
    switch finish.credit {
    case .credited(let credit): paragraph(StudyText.credited(credit), .emphasis)
    case .alreadyCredited(let credit): paragraph(StudyText.alreadyCredited(credit))
    case .notPassed:
      paragraph(StudyText.tryAgain(left: ticket.limit - ticket.number, limit: ticket.limit))
    }
    lines.append([])
    let wrong = result.correct.indices.filter { !result.correct[$0] }
    guard !wrong.isEmpty else {
      paragraph(StudyText.allCorrect, .emphasis)
      return lines
    }
    paragraph(StudyText.wrongAnswers(wrong.count), .emphasis)
    for position in wrong where ticket.draw.questions.indices.contains(position) {
      let drawn = ticket.draw.questions[position]
      guard quiz.questions.indices.contains(drawn.questionIndex) else { continue }
      let question = quiz.questions[drawn.questionIndex]
      lines.append([])
      lines.append([
        Span(StudyText.questionLabel(position + 1, kind: question.kind), .emphasis)
      ])
      paragraph(question.text)
      let given = responses.indices.contains(position) ? responses[position] : nil
      lines += LabeledText.lines(
        label: StudyText.yourAnswer, value: given.map { text(of: $0, question, drawn) } ?? "",
        width: width)
      lines += LabeledText.lines(
        label: StudyText.rightAnswer,
        value: text(of: question.answer.response, question, drawn), width: width)
      if let explanation = question.explanation {
        lines += LabeledText.lines(label: StudyText.explanation, value: explanation, width: width)
      }
    }
    return lines
  }

  /// An answer in the words the member saw: the choices with the letters they had on screen
  /// in this attempt, in screen order; 对 or 错.
  static func text(of response: QuizResponse, _ question: Question, _ drawn: DrawnQuestion)
    -> String
  {
    switch response {
    case .truth(let truth):
      return StudyText.truthLabels[truth ? 0 : 1]
    case .choices(let marked):
      let places = marked.compactMap { drawn.choiceOrder.firstIndex(of: $0) }.sorted()
      return places.map { place in
        StudyText.choice(place, question.choices[drawn.choiceOrder[place]])
      }.joined(separator: "；")
    }
  }

  func heading(_ context: ScreenContext) -> String {
    StudyText.resultHeading(context.catalog.course(id: ticket.courseID)?.title ?? ticket.courseID)
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    document(context).keyHints().map {
      $0.key == "0" ? KeyHint("0", StudyText.keyBackToCourse) : $0
    }
  }
}
