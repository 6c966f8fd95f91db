/// What a member answered to one question, in the question's own terms: the indexes of the
/// choices marked, as the curator wrote them (not as shuffled on screen), or 对 / 错.
public enum QuizResponse: Hashable, Sendable {
  /// The choices marked, ascending: one for a single-choice question.
  case choices([Int])
  case truth(Bool)

  /// Marks given as shown on screen (0 is the top choice), through the draw's order.
  public static func marked(_ shown: Set<Int>, order: [Int]) -> QuizResponse {
    .choices(shown.map { order[$0] }.sorted())
  }

  /// Whether this is the right answer: exactly the right choices, or the right truth value.
  public func isCorrect(for answer: Question.Answer) -> Bool {
    switch (self, answer) {
    case (.choices(let marked), .single(let right)): marked == [right]
    case (.choices(let marked), .all(let right)): marked == right
    case (.truth(let said), .trueFalse(let right)): said == right
    default: false
    }
  }
}

extension Question.Answer {
  /// The right answer, as a member would give it.
  public var response: QuizResponse {
    switch self {
    case .single(let index): .choices([index])
    case .all(let indexes): .choices(indexes)
    case .trueFalse(let truth): .truth(truth)
    }
  }

  /// An answer that is not right: another choice, one mark short, the other truth value
  /// (for the demo records and tests).
  public var wrongResponse: QuizResponse {
    switch self {
    case .single(let right): .choices([right == 0 ? 1 : 0])
    case .all(let right): .choices(Array(right.dropLast()))
    case .trueFalse(let truth): .truth(!truth)
    }
  }
}

/// A finished attempt's grade: which answers were right, the score and whether it passed.
public struct QuizResult: Hashable, Sendable {
  /// For each question in the order asked, whether it was answered right.
  public var correct: [Bool]
  /// The share of right answers as a whole percent, rounded half up.
  public var score: Int
  public var passed: Bool

  public var questionCount: Int { correct.count }
  public var correctCount: Int { correct.filter { $0 }.count }

  public init(correct: [Bool], passPercent: Int) {
    self.correct = correct
    let right = correct.filter { $0 }.count
    let count = correct.count
    score = count == 0 ? 0 : (right * 200 + count) / (count * 2)
    // Compared exactly, never through the rounded score: 79.5% must not pass at 80.
    passed = count > 0 && right * 100 >= passPercent * count
  }

  /// Grades `responses` (one per drawn question, in order) against the quiz; nil when the
  /// draw no longer matches the quiz or the responses do not match the draw.
  public static func grade(_ draw: QuizDraw, responses: [QuizResponse], quiz: Quiz)
    -> QuizResult?
  {
    guard responses.count == draw.questions.count, let questions = draw.questions(in: quiz)
    else { return nil }
    let correct = zip(responses, questions).map { $0.isCorrect(for: $1.answer) }
    return QuizResult(correct: correct, passPercent: quiz.passPercent)
  }
}
