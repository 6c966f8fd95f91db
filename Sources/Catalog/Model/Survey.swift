/// The catalog's yearly needs survey (需求调研, `survey.toml`): what members want to learn, in
/// which form and in which season, asked once a year, so training is planned by need (seed
/// 002: 健全党员培训需求调研制度; seed 003: 按需施教).
///
/// Three steps, each answered by digits: up to `maxTopics` of the `topics`; one preferred form
/// of `forms` or "either"; one preferred season of `seasons` or "either". An empty `forms` or
/// `seasons` leaves that step out.
public struct Survey: Hashable, Sendable {
  /// How many topics a survey lists: digits 1-8 mark them, 9 goes on.
  public static let topicLimits = 2...8
  /// The most topics a member may choose when `max_topics` is not written.
  public static let defaultMaxTopics = 3

  public var title: String
  public var intro: String?
  public var maxTopics: Int
  public var topics: [SurveyTopic]
  /// The forms offered as the preferred form, in this order.
  public var forms: [CourseForm]
  /// The seasons offered as the preferred season, in this order.
  public var seasons: [TrainingSeason]

  public init(
    title: String, intro: String? = nil, maxTopics: Int = Survey.defaultMaxTopics,
    topics: [SurveyTopic], forms: [CourseForm] = Survey.defaultForms,
    seasons: [TrainingSeason] = TrainingSeason.allCases
  ) {
    self.title = title
    self.intro = intro
    self.maxTopics = maxTopics
    self.topics = topics
    self.forms = forms
    self.seasons = seasons
  }

  /// Every form but self-study, which nobody needs organised: what `forms` is when not written.
  public static let defaultForms = CourseForm.allCases.filter { $0 != .selfstudy }

  public func topic(id: String) -> SurveyTopic? { topics.first { $0.id == id } }
}

/// One thing members may want to learn, optionally tied to a catalog category so the demand
/// report sets the votes beside that category's electives.
public struct SurveyTopic: Hashable, Sendable {
  public var id: String
  public var title: String
  public var categoryID: String?

  public init(id: String, title: String, categoryID: String? = nil) {
    self.id = id
    self.title = title
    self.categoryID = categoryID
  }
}

/// A member's answers to the survey: the topics chosen (ids), the preferred form and season
/// (nil: either, or the step was not asked).
public struct SurveyAnswers: Hashable, Sendable {
  public var topics: [String]
  public var form: CourseForm?
  public var season: TrainingSeason?

  public init(topics: [String], form: CourseForm? = nil, season: TrainingSeason? = nil) {
    self.topics = topics
    self.form = form
    self.season = season
  }
}
