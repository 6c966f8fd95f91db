/// One question of an attempt as it was drawn: which question, and the order its choices
/// were shown in.
public struct DrawnQuestion: Hashable, Sendable {
  /// The question's index in the course's `[[course.question]]` list when it was drawn.
  public var questionIndex: Int
  /// `Question.fingerprint` when it was drawn: the index alone would point at another
  /// question once a curator inserts or removes one.
  public var fingerprint: String
  /// For each choice shown, top to bottom, its index among the question's own choices;
  /// empty for a true/false question (对 always comes first).
  public var choiceOrder: [Int]

  public init(questionIndex: Int, fingerprint: String, choiceOrder: [Int]) {
    self.questionIndex = questionIndex
    self.fingerprint = fingerprint
    self.choiceOrder = choiceOrder
  }
}

/// The questions of one attempt, in the order they are asked, each with its choices shuffled:
/// drawn at random from the course's questions, then stored with the attempt.
public struct QuizDraw: Hashable, Sendable {
  public var questions: [DrawnQuestion]

  public init(questions: [DrawnQuestion]) { self.questions = questions }

  /// Draws `quiz.questionsPerAttempt` different questions in random order and shuffles the
  /// choices of each.
  public static func make(for quiz: Quiz, using random: inout some RandomNumberGenerator)
    -> QuizDraw
  {
    let picked = Array(
      quiz.questions.indices.shuffled(using: &random).prefix(
        quiz.questionsPerAttempt))
    return QuizDraw(
      questions: picked.map { index in
        let question = quiz.questions[index]
        let order =
          question.kind == .trueFalse
          ? [] : Array(question.choices.indices).shuffled(using: &random)
        return DrawnQuestion(
          questionIndex: index, fingerprint: question.fingerprint, choiceOrder: order)
      })
  }

  /// The questions of the draw as `quiz` holds them; nil when any is no longer there as drawn
  /// (the catalog changed since).
  public func questions(in quiz: Quiz) -> [Question]? {
    var found: [Question] = []
    found.reserveCapacity(questions.count)
    for drawn in questions {
      guard quiz.questions.indices.contains(drawn.questionIndex) else { return nil }
      let question = quiz.questions[drawn.questionIndex]
      let expectedOrder = question.kind == .trueFalse ? 0 : question.choices.count
      guard question.fingerprint == drawn.fingerprint,
        drawn.choiceOrder.count == expectedOrder,
        Set(drawn.choiceOrder) == Set(0..<expectedOrder)
      else { return nil }
      found.append(question)
    }
    return found
  }
}
