/// Format 1.1 in a course: its lessons (`[[course.lesson]]`), its test settings
/// (`[course.quiz]`) and its questions (`[[course.question]]`).
extension CourseFileDecoder {
  static let lessonKeys = ["title", "text", "file"]
  static let quizKeys = ["pass_percent", "questions_per_attempt", "attempts_per_day"]
  static let questionKeys = ["text", "choices", "answer", "explanation"]

  /// The tables a key may belong to, for "written under the wrong header" messages.
  static var studyTables: [(table: String, keys: [String])] {
    [
      ("[[course.lesson]]", lessonKeys), ("[course.quiz]", quizKeys),
      ("[[course.question]]", questionKeys),
    ]
  }

  /// A reader of one of the study tables, its unknown keys reported (with the table where a
  /// key would belong).
  private func studyReader(_ table: TOMLTable, _ kind: CatalogEntryKind, keys: [String])
    -> EntryReader
  {
    let reader = EntryReader(table: table, file: file, kind: kind)
    reader.rejectUnknownKeys(keys, elsewhere: [("[[course]]", Self.courseKeys)] + Self.studyTables)
    return reader
  }

  /// What the course's study tables hold, as far as they were written without error.
  struct Study {
    var lessons: [Lesson] = []
    var quiz: Quiz?
  }

  /// Reads and checks the course's lessons, quiz and questions.
  func decodeStudy(_ reader: EntryReader, courseID: String?, form: CourseForm?) -> Study {
    let lessonTables = reader.tables("lesson")
    let lessons = lessonTables.compactMap(decodeLesson)
    let quizTable = reader.subtable("quiz", required: false)
    let questionTables = reader.tables("question")
    let questions = distinctQuestions(questionTables)
    let course = courseID ?? ""
    if !questionTables.isEmpty, lessonTables.isEmpty {
      file.report(.questionsWithoutLesson(course: course), at: reader.table.offset)
    }
    if let form, form != .online, quizTable != nil || !questionTables.isEmpty {
      file.report(
        .quizOnOfflineCourse(course: course, form: form), at: reader.offset(of: "form"))
    }
    let settings = quizTable.map { decodeQuizSettings($0, questionCount: questionTables.count) }
    guard !questionTables.isEmpty else { return Study(lessons: lessons) }
    let quiz = Quiz(
      questions: questions, passPercent: settings?.passPercent ?? Quiz.defaultPassPercent,
      questionsPerAttempt: settings?.perAttempt,
      attemptsPerDay: settings?.perDay ?? Quiz.defaultAttemptsPerDay)
    return Study(lessons: lessons, quiz: quiz)
  }

  private func decodeLesson(_ table: TOMLTable) -> Lesson? {
    let reader = studyReader(table, .lesson, keys: Self.lessonKeys)
    let title = reader.text("title", required: true)
    let inline = reader.text("text")
    let written = reader.text("file")
    switch (table["text"] != nil, table["file"] != nil) {
    case (true, true):
      file.report(.lessonContent(both: true), at: reader.offset(of: "file"))
      return nil
    case (false, false):
      file.report(.lessonContent(both: false), at: table.offset)
      return nil
    default:
      break
    }
    var text = inline
    if let written {
      switch LessonFile.read(written, catalogDirectory: catalogDirectory) {
      case .success(let read):
        text = read.text
        file.attach(
          written, path: join(catalogDirectory, written), bytes: read.bytes, stamp: read.stamp)
      case .failure(let problem):
        file.report(.lessonFile(path: written, problem), at: reader.offset(of: "file"))
        return nil
      }
    }
    guard let title, let text else { return nil }
    return Lesson(
      title: title, text: text, file: written, location: file.location(of: table.offset))
  }

  /// The settings written without error; nil for one absent or wrong (the default applies).
  private func decodeQuizSettings(_ table: TOMLTable, questionCount: Int) -> (
    passPercent: Int?, perAttempt: Int?, perDay: Int?
  ) {
    let reader = studyReader(table, .quiz, keys: Self.quizKeys)
    func number(_ key: String, rule: ValueRule, valid: (Int) -> Bool) -> Int? {
      guard let value = reader.integer(key) else { return nil }
      guard valid(value) else {
        file.report(
          .invalidValue(key: key, value: String(value), rule: rule), at: reader.offset(of: key))
        return nil
      }
      return value
    }
    let passPercent = number("pass_percent", rule: .percent) { (1...100).contains($0) }
    let perAttempt = number("questions_per_attempt", rule: .positiveCount) { $0 > 0 }
    let perDay = number("attempts_per_day", rule: .positiveCount) { $0 > 0 }
    if questionCount == 0 {
      file.report(.tooFewQuestions(asked: nil, available: 0), at: table.offset)
    } else if let perAttempt, perAttempt > questionCount {
      file.report(
        .tooFewQuestions(asked: perAttempt, available: questionCount),
        at: reader.offset(of: "questions_per_attempt"))
    }
    return (passPercent, perAttempt, perDay)
  }

  /// The questions written without error, each reported (C021) and left out when it reads
  /// the same as an earlier one: its fingerprint would be theirs.
  private func distinctQuestions(_ tables: [TOMLTable]) -> [Question] {
    var first: [String: SourceLocation] = [:]
    var questions: [Question] = []
    for table in tables {
      guard let question = decodeQuestion(table) else { continue }
      if let earlier = first[question.fingerprint] {
        file.report(.duplicateQuestion(first: earlier), at: table.offset)
        continue
      }
      first[question.fingerprint] = question.location
      questions.append(question)
    }
    return questions
  }

  private func decodeQuestion(_ table: TOMLTable) -> Question? {
    let reader = studyReader(table, .question, keys: Self.questionKeys)
    let text = reader.text("text", required: true)
    let explanation = reader.text("explanation")
    let hasChoices = table["choices"] != nil
    let (choices, allDistinct) = reader.distinctTexts("choices")
    var choicesValid = allDistinct
    if hasChoices, !Question.choiceLimits.contains(choices.count) {
      file.report(
        .invalidValue(key: "choices", value: "\(choices.count) 个选项", rule: .choiceCount),
        at: reader.offset(of: "choices"))
      choicesValid = false
    }
    guard let value = reader.value("answer", required: true) else { return nil }
    let answer: Question.Answer?
    switch value.kind {
    case .bool(let truth):
      if hasChoices {
        file.report(
          .invalidValue(key: "answer", value: String(truth), rule: .trueFalseWithChoices),
          at: value.offset)
        answer = nil
      } else {
        answer = .trueFalse(truth)
      }
    case .string(let letters):
      if letters.isBlank {
        file.report(.emptyText(key: "answer"), at: value.offset)
        answer = nil
      } else if !hasChoices, let truth = Question.truthWord(letters) {
        file.report(.quotedTrueFalse(written: letters, truth: truth), at: value.offset)
        answer = nil
      } else if !hasChoices {
        file.report(.missingField(field: "choices", entry: .question), at: table.offset)
        answer = nil
      } else if choicesValid {
        answer = decodeLetters(letters, choiceCount: choices.count, at: value.offset)
      } else {
        answer = nil
      }
    default:
      reader.wrongType("answer", value, expected: ValueTypeLabel.answer)
      answer = nil
    }
    guard let text, let answer, choicesValid else { return nil }
    return Question(
      text: text, choices: choices, answer: answer, explanation: explanation,
      location: file.location(of: table.offset))
  }

  /// `"B"`: single choice; `"AC"`: choose all that apply. Lowercase letters are accepted.
  private func decodeLetters(_ letters: String, choiceCount: Int, at offset: Int)
    -> Question.Answer?
  {
    var indexes: [Int] = []
    for character in letters {
      guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
        let index = Question.letterIndex(scalar), index < choiceCount
      else {
        file.report(.answerNotAChoice(answer: letters, choiceCount: choiceCount), at: offset)
        return nil
      }
      guard !indexes.contains(index) else {
        file.report(
          .answerLetterRepeated(answer: letters, letter: Character(character.uppercased())),
          at: offset)
        return nil
      }
      indexes.append(index)
    }
    return indexes.count == 1 ? .single(indexes[0]) : .all(indexes.sorted())
  }
}
