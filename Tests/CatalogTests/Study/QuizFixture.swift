@testable import Catalog

/// A course with lessons and a test of every kind of question, written out in code.
enum QuizFixture {
  static let here = SourceLocation(path: "online.toml", line: 1, column: 1)

  static let questions = [
    Question(
      text: "党员每年集中学习培训时间一般不少于多少学时？", choices: ["16 学时", "32 学时", "56 学时", "64 学时"],
      answer: .single(1), explanation: "见第1页。", location: here),
    Question(
      text: "考核评估有哪些做法？", choices: ["述学", "考学", "评学", "不考核"], answer: .all([0, 1, 2]),
      location: here),
    Question(text: "新党员应在入党后一年内参加一次集中培训。", answer: .trueFalse(true), location: here),
    Question(text: "普通党员每年一律不少于56学时。", answer: .trueFalse(false), location: here),
    Question(
      text: "规划由哪个机关颁布？", choices: ["中共中央办公厅", "县委组织部"], answer: .single(0), location: here),
  ]

  static func quiz(
    passPercent: Int = 80, perAttempt: Int? = nil, perDay: Int = 3,
    questions: [Question] = questions
  ) -> Quiz {
    Quiz(
      questions: questions, passPercent: passPercent, questionsPerAttempt: perAttempt,
      attemptsPerDay: perDay)
  }

  static func course(id: String = "online-hours", quiz: Quiz? = quiz(), hours: Int = 2) -> Course {
    Course(
      id: id, title: "学时制度\(id)", categoryID: "ideals", hours: StudyHours(hours),
      kind: .elective, form: .online, summary: "学习学时制度。",
      lessons: [
        Lesson(title: "学时制度", text: "一般不少于32学时。", location: here),
        Lesson(title: "考核", text: "述学、考学、评学。", location: here),
        Lesson(title: "新党员", text: "入党后一年内集中培训一次。", location: here),
      ], quiz: quiz, location: here)
  }

  /// The responses that answer every drawn question right (or, with `wrong`, these wrong).
  static func responses(
    for draw: QuizDraw, quiz: Quiz, wrong: Set<Int> = []
  ) -> [QuizResponse] {
    draw.questions.enumerated().map { position, drawn in
      let answer = quiz.questions[drawn.questionIndex].answer
      return wrong.contains(position) ? answer.wrongResponse : answer.response
    }
  }
}
