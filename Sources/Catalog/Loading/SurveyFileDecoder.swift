/// `survey.toml` (optional): the yearly needs survey (需求调研) — a `[survey]` table (title,
/// intro, max_topics, forms, seasons) and two to eight `[[topic]]` tables, each with a stable
/// `id`, a `title` and optionally the catalog `category` it belongs to.
struct SurveyFileDecoder {
  static let topLevelKeys = ["survey", "topic"]
  static let surveyKeys = ["title", "intro", "max_topics", "forms", "seasons"]
  static let topicKeys = ["id", "title", "category"]

  /// What the cross-file check needs: each topic's category and where it was written.
  struct CategoryReference: Sendable {
    var id: String
    var location: SourceLocation
  }

  let file: SourceFile

  /// The survey when everything was written without error, and the categories its topics
  /// name (checked against catalog.toml by the loader).
  func decode(_ root: TOMLTable) -> (survey: Survey?, categories: [CategoryReference]) {
    let top = EntryReader(table: root, file: file, kind: .surveyFile)
    top.rejectUnknownKeys(
      Self.topLevelKeys, elsewhere: [("[survey]", Self.surveyKeys), ("[[topic]]", Self.topicKeys)])
    let settings = top.subtable("survey", required: true).map(decodeSettings)
    let tables = top.tables("topic")
    let decoded = tables.map(decodeTopic)
    file.reportRepeats(
      decoded.compactMap { $0.map { ($0.topic.id, $0.topic.idLocation) } }, kind: .surveyTopic)
    if !Survey.topicLimits.contains(tables.count) {
      let offset =
        tables.count > Survey.topicLimits.upperBound
        ? tables[Survey.topicLimits.upperBound].offset : root.offset
      file.report(
        .countOutOfRange(kind: .surveyTopic, count: tables.count, allowed: Survey.topicLimits),
        at: offset)
    }
    // Checked against a number of topics that is itself right, so one mistake is one report.
    if let settings, let maxTopics = settings.maxTopics, Survey.topicLimits.contains(tables.count),
      !(1...tables.count).contains(maxTopics.value)
    {
      file.report(
        .invalidValue(
          key: "max_topics", value: String(maxTopics.value),
          rule: .maxTopics(topicCount: tables.count)),
        at: maxTopics.offset)
    }
    let categories = decoded.compactMap { $0?.category }
    let topics = decoded.compactMap { $0?.topic.value }
    guard let settings, let title = settings.title, topics.count == tables.count,
      Survey.topicLimits.contains(topics.count)
    else { return (nil, categories) }
    let maxTopics = settings.maxTopics?.value ?? min(Survey.defaultMaxTopics, topics.count)
    guard (1...topics.count).contains(maxTopics) else { return (nil, categories) }
    return (
      Survey(
        title: title, intro: settings.intro, maxTopics: maxTopics, topics: topics,
        forms: settings.forms ?? Survey.defaultForms,
        seasons: settings.seasons ?? TrainingSeason.allCases),
      categories
    )
  }

  private struct Settings {
    var title: String?
    var intro: String?
    var maxTopics: (value: Int, offset: Int)?
    /// Nil when not written (the default applies).
    var forms: [CourseForm]?
    var seasons: [TrainingSeason]?
  }

  private func decodeSettings(_ table: TOMLTable) -> Settings {
    let reader = EntryReader(table: table, file: file, kind: .surveyTable)
    reader.rejectUnknownKeys(Self.surveyKeys, elsewhere: [("[[topic]]", Self.topicKeys)])
    var settings = Settings()
    settings.title = reader.text("title", required: true)
    settings.intro = reader.text("intro")
    settings.maxTopics = reader.integer("max_topics").map { ($0, reader.offset(of: "max_topics")) }
    if table["forms"] != nil {
      settings.forms = reader.distinctEnumerations("forms")
    }
    if table["seasons"] != nil {
      settings.seasons = reader.distinctEnumerations("seasons")
    }
    return settings
  }

  private func decodeTopic(_ table: TOMLTable) -> (
    topic: Decoded<SurveyTopic>, category: CategoryReference?
  )? {
    let reader = EntryReader(table: table, file: file, kind: .surveyTopic)
    reader.rejectUnknownKeys(Self.topicKeys, elsewhere: [("[survey]", Self.surveyKeys)])
    let id = reader.identifier("id")
    let title = reader.text("title", required: true)
    let categoryWritten = table["category"] != nil
    let category = reader.identifier("category", required: false)
    guard let id else { return nil }
    let reference = category.map {
      CategoryReference(id: $0, location: file.location(of: reader.offset(of: "category")))
    }
    var topic: SurveyTopic?
    if let title, !categoryWritten || category != nil {
      topic = SurveyTopic(id: id, title: title, categoryID: category)
    }
    return (
      Decoded(
        id: id, idLocation: file.location(of: reader.offset(of: "id")),
        location: file.location(of: table.offset), value: topic),
      reference
    )
  }
}
