import Testing

@testable import Catalog

/// Drawing an attempt's questions, and grading every kind of answer.
@Suite struct QuizDrawTests {
  @Test func aDrawHasDifferentQuestionsEachWithItsChoicesShuffled() {
    let quiz = QuizFixture.quiz(perAttempt: 4)
    var random = SeededRandom(seed: 7)
    let draw = QuizDraw.make(for: quiz, using: &random)
    #expect(draw.questions.count == 4)
    #expect(Set(draw.questions.map(\.questionIndex)).count == 4)
    for drawn in draw.questions {
      let question = quiz.questions[drawn.questionIndex]
      #expect(drawn.fingerprint == question.fingerprint)
      if question.kind == .trueFalse {
        #expect(drawn.choiceOrder.isEmpty)
      } else {
        #expect(drawn.choiceOrder.sorted() == Array(question.choices.indices))
      }
    }
    #expect(draw.questions(in: quiz) == draw.questions.map { quiz.questions[$0.questionIndex] })
  }

  @Test func theSameSeedDrawsTheSameAndOtherSeedsDrawOtherwise() {
    let quiz = QuizFixture.quiz()
    func draw(_ seed: UInt64) -> QuizDraw {
      var random = SeededRandom(seed: seed)
      return QuizDraw.make(for: quiz, using: &random)
    }
    #expect(draw(42) == draw(42))
    let draws = Set((0..<20).map { draw($0) })
    #expect(draws.count > 10)
    // Every question comes first in some draw, and the choices of the first question are
    // not always in the curator's order.
    #expect(Set((0..<40).map { draw($0).questions[0].questionIndex }) == Set(0..<5))
    let firstOrders = (0..<40).compactMap { seed in
      draw(seed).questions.first { $0.questionIndex == 0 }?.choiceOrder
    }
    #expect(Set(firstOrders).count > 1)
  }

  @Test func theDefaultIsEveryQuestionAndNeverMoreThanThereAre() {
    #expect(QuizFixture.quiz().questionsPerAttempt == 5)
    #expect(QuizFixture.quiz(perAttempt: 9).questionsPerAttempt == 5)
    var random = SeededRandom(seed: 1)
    #expect(QuizDraw.make(for: QuizFixture.quiz(), using: &random).questions.count == 5)
  }

  /// FNV-1a over the text and the choices: the same in every process (Swift's own hashing is
  /// seeded per process) and every version, or stored attempts would lose their questions.
  @Test func fingerprintsAreStable() {
    let plain = Question(text: "a", answer: .trueFalse(true), location: QuizFixture.here)
    #expect(plain.fingerprint == "af63dc4c8601ec8c")
    let first = QuizFixture.questions[0]
    var reworded = first
    reworded.text += "（修改）"
    var rechosen = first
    rechosen.choices[3] = "72 学时"
    var explained = first
    explained.explanation = "另一个解析"
    #expect(reworded.fingerprint != first.fingerprint)
    #expect(rechosen.fingerprint != first.fingerprint)
    #expect(explained.fingerprint == first.fingerprint)
  }

  /// A draw points at questions by index and fingerprint: after a curator inserts a question
  /// before it, or rewords it, the draw no longer matches the quiz.
  @Test func aDrawNoLongerMatchesAnEditedQuiz() {
    let quiz = QuizFixture.quiz()
    var random = SeededRandom(seed: 3)
    let draw = QuizDraw.make(for: quiz, using: &random)
    var inserted = QuizFixture.questions
    inserted.insert(
      Question(text: "新加的题", answer: .trueFalse(true), location: QuizFixture.here), at: 0)
    #expect(draw.questions(in: QuizFixture.quiz(questions: inserted)) == nil)
    var reworded = QuizFixture.questions
    reworded[draw.questions[0].questionIndex].text += "？"
    #expect(draw.questions(in: QuizFixture.quiz(questions: reworded)) == nil)
    #expect(QuizResult.grade(draw, responses: [], quiz: quiz) == nil)
  }

  // MARK: Scoring

  @Test func singleChoiceIsRightOnlyWithTheRightChoice() {
    let answer = Question.Answer.single(1)
    #expect(QuizResponse.choices([1]).isCorrect(for: answer))
    #expect(!QuizResponse.choices([0]).isCorrect(for: answer))
    #expect(!QuizResponse.choices([0, 1]).isCorrect(for: answer))
    #expect(!QuizResponse.truth(true).isCorrect(for: answer))
  }

  @Test func chooseAllIsRightOnlyWithExactlyTheRightChoices() {
    let answer = Question.Answer.all([0, 2])
    #expect(QuizResponse.choices([0, 2]).isCorrect(for: answer))
    #expect(!QuizResponse.choices([0]).isCorrect(for: answer))
    #expect(!QuizResponse.choices([0, 1, 2]).isCorrect(for: answer))
    #expect(!QuizResponse.choices([1, 3]).isCorrect(for: answer))
    // Marks are given as places on screen and turned into the question's own choices.
    #expect(QuizResponse.marked([1, 3], order: [3, 0, 1, 2]) == .choices([0, 2]))
  }

  @Test func trueFalseIsRightWithTheRightValue() {
    #expect(QuizResponse.truth(false).isCorrect(for: .trueFalse(false)))
    #expect(!QuizResponse.truth(true).isCorrect(for: .trueFalse(false)))
    #expect(!QuizResponse.choices([0]).isCorrect(for: .trueFalse(true)))
  }

  /// The pass mark is compared exactly: 2 of 3 is 66.7%, shown as 67, and does not pass at 67.
  @Test func scoresAreRoundedButPassingIsExact() {
    let fourOfFive = QuizResult(correct: [true, true, true, true, false], passPercent: 80)
    #expect(fourOfFive.score == 80 && fourOfFive.passed)
    #expect(fourOfFive.correctCount == 4 && fourOfFive.questionCount == 5)
    let threeOfFive = QuizResult(correct: [true, true, true, false, false], passPercent: 80)
    #expect(threeOfFive.score == 60 && !threeOfFive.passed)
    let twoOfThree = QuizResult(correct: [true, true, false], passPercent: 67)
    #expect(twoOfThree.score == 67 && !twoOfThree.passed)
    #expect(QuizResult(correct: [true, true, false], passPercent: 66).passed)
    #expect(QuizResult(correct: [true, false], passPercent: 50).passed)
    #expect(
      QuizResult(correct: [false, false, false, false, false, false, true, true], passPercent: 1)
        .passed)
    #expect(QuizFixture.quiz(passPercent: 80).passMark(of: 5) == 4)
    #expect(QuizFixture.quiz(passPercent: 67).passMark(of: 3) == 3)
    #expect(QuizFixture.quiz(passPercent: 60).passMark(of: 3) == 2)
  }

  @Test func gradingADrawOfEveryKind() throws {
    let quiz = QuizFixture.quiz()
    var random = SeededRandom(seed: 11)
    let draw = QuizDraw.make(for: quiz, using: &random)
    let right = QuizFixture.responses(for: draw, quiz: quiz)
    let all = try #require(QuizResult.grade(draw, responses: right, quiz: quiz))
    #expect(all.correct == [true, true, true, true, true] && all.score == 100 && all.passed)
    let two = QuizFixture.responses(for: draw, quiz: quiz, wrong: [1, 3])
    let graded = try #require(QuizResult.grade(draw, responses: two, quiz: quiz))
    #expect(graded.correct == [true, false, true, false, true])
    #expect(graded.score == 60 && !graded.passed)
    // Too few responses: no grade.
    #expect(QuizResult.grade(draw, responses: Array(right.prefix(4)), quiz: quiz) == nil)
  }
}
