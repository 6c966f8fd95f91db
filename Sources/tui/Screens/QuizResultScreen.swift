import Catalog

/// After handing in: the score, passed or not, what it did for the member's hours, and every
/// wrong answer with the right one and the explanation. It scrolls like the course detail; 0
/// goes back to the course.
struct QuizResultScreen: DocumentScreen {
  let ticket: QuizTicket
  let responses: [QuizResponse]
  let finish: QuizFinish
  var scroll = ScrollPosition()

  init(ticket: QuizTicket, responses: [QuizResponse], finish: QuizFinish) {
    self.ticket = ticket
    self.responses = responses
    self.finish = finish
  }

  func document(_ context: ScreenContext) -> DocumentView {
    DocumentView(
      lines: lines(context), scroll: scroll, height: context.body.height)
  }

  private func lines(_ context: ScreenContext) -> [StyledLine] {
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
        label: StudyText.yourAnswer, value: given.map { Self.text(of: $0, question, drawn) } ?? "",
        width: width)
      lines += LabeledText.lines(
        label: StudyText.rightAnswer,
        value: Self.text(of: question.answer.response, question, drawn), width: width)
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
