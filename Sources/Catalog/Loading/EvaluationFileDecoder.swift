/// `evaluation.toml` (optional): the rating questions (评学) — an optional `intro`, the `forms`
/// of the courses rated, and two to four `[[question]]` tables, each with a stable `id`, its
/// `text` and its `answers` from worst to best.
struct EvaluationFileDecoder {
  static let topLevelKeys = ["intro", "forms", "question"]
  static let questionKeys = ["id", "text", "answers"]

  let file: SourceFile

  /// The questions when every one was written without error; diagnostics go to the file.
  func decode(_ root: TOMLTable) -> Evaluation? {
    let top = EntryReader(table: root, file: file, kind: .evaluationFile)
    top.rejectUnknownKeys(Self.topLevelKeys, elsewhere: [("[[question]]", Self.questionKeys)])
    let intro = top.text("intro")
    let forms: [CourseForm] = top.enumerationList("forms")
    if case .array(let items)? = root["forms"]?.kind, items.isEmpty {
      file.report(
        .invalidValue(key: "forms", value: "[]", rule: .nonEmptyList), at: top.offset(of: "forms"))
    }
    let tables = top.tables("question")
    let decoded = tables.map(decodeQuestion)
    file.reportRepeats(
      decoded.compactMap { $0.map { ($0.id, $0.idLocation) } }, kind: .evaluationQuestion)
    if !Evaluation.questionLimits.contains(tables.count) {
      let offset =
        tables.count > Evaluation.questionLimits.upperBound
        ? tables[Evaluation.questionLimits.upperBound].offset : root.offset
      file.report(
        .countOutOfRange(
          kind: .evaluationQuestion, count: tables.count, allowed: Evaluation.questionLimits),
        at: offset)
    }
    let questions = decoded.compactMap { $0?.value }
    guard questions.count == tables.count else { return nil }
    return Evaluation(intro: intro, forms: forms, questions: questions)
  }

  private func decodeQuestion(_ table: TOMLTable) -> Decoded<EvaluationQuestion>? {
    let reader = EntryReader(table: table, file: file, kind: .evaluationQuestion)
    reader.rejectUnknownKeys(
      Self.questionKeys, elsewhere: [("evaluation.toml 最外层", ["intro", "forms"])])
    let id = reader.identifier("id")
    let text = reader.text("text", required: true)
    var answers: [String]?
    if let value = reader.value("answers", required: true) {
      if case .array = value.kind {
        let (texts, valid) = reader.distinctTexts("answers")
        if !Evaluation.answerLimits.contains(texts.count) {
          file.report(
            .invalidValue(key: "answers", value: "\(texts.count) 个答案", rule: .ratingScale),
            at: value.offset)
        } else if valid {
          answers = texts
        }
      } else {
        reader.wrongType("answers", value, expected: ValueTypeLabel.array)
      }
    }
    guard let id else { return nil }
    var question: EvaluationQuestion?
    if let text, let answers {
      question = EvaluationQuestion(id: id, text: text, answers: answers)
    }
    return Decoded(
      id: id, idLocation: file.location(of: reader.offset(of: "id")),
      location: file.location(of: table.offset), value: question)
  }
}
