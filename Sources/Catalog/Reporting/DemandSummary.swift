/// `report demand`: what members want to learn (the needs survey's counts) beside what they
/// chose (electives selected), per category and course, so the county sees what to schedule
/// (seed 002: 为制定党员教育培训规划和年度工作计划提供参考).
///
/// Selections counted are those of elective courses of the catalog made on a day of the
/// training year, one per member and course (a selection is kept until dropped).
public struct DemandSummary: Sendable {
  /// A topic's votes, and their share of the respondents.
  public struct TopicVotes: Hashable, Sendable {
    public var topic: SurveyTopic
    public var votes: Int
  }

  /// An elective course: members who selected it, its sessions in the training year and their
  /// seats (nil when a session has no capacity written).
  public struct CourseDemand: Sendable {
    public var course: Course
    public var selected: Int
    public var sessions: Int
    public var seats: Int?
  }

  /// A category: the survey's votes for its topics, its electives' selections in all, and each
  /// elective.
  public struct CategoryDemand: Sendable {
    public var category: Category
    public var topicVotes: Int
    public var selected: Int
    public var courses: [CourseDemand]
  }

  public let year: TrainingYear
  public let branch: String?
  /// Nil without `survey.toml`.
  public let survey: Survey?
  public let tally: SurveyTally
  /// In the survey's order.
  public let topics: [TopicVotes]
  /// The forms offered, in order, then "either" (nil); empty when the survey asks none.
  public let forms: [(form: CourseForm?, votes: Int)]
  public let seasons: [(season: TrainingSeason?, votes: Int)]
  /// The catalog's categories in menu order; electives by selections, most first, then in
  /// menu order.
  public let categories: [CategoryDemand]

  /// `selections` are every selection of the members counted (one branch's, with `branch`),
  /// with the local day each was made.
  public init(
    year: TrainingYear, branch: String? = nil, catalog: Catalog, tally: SurveyTally,
    selections: [(courseID: String, day: LocalDate)]
  ) {
    self.year = year
    self.branch = branch
    let survey = catalog.survey
    self.survey = survey
    self.tally = tally
    topics = (survey?.topics ?? []).map { TopicVotes(topic: $0, votes: tally.topics[$0.id] ?? 0) }
    forms =
      (survey?.forms ?? []).isEmpty
      ? []
      : survey!.forms.map { ($0, tally.forms[$0.rawValue] ?? 0) }
        + [(nil, tally.forms[SurveyTally.eitherChoice] ?? 0)]
    seasons =
      (survey?.seasons ?? []).isEmpty
      ? []
      : survey!.seasons.map { ($0, tally.seasons[$0.rawValue] ?? 0) }
        + [(nil, tally.seasons[SurveyTally.eitherChoice] ?? 0)]

    var selected: [String: Int] = [:]
    for selection in selections where year.contains(selection.day) {
      selected[selection.courseID, default: 0] += 1
    }
    let topics = self.topics
    categories = catalog.categories.map { category in
      let courses = Self.electives(catalog.courses(inCategory: category.id), year, selected)
      let votes = topics.filter { $0.topic.categoryID == category.id }.reduce(0) { $0 + $1.votes }
      return CategoryDemand(
        category: category, topicVotes: votes, selected: courses.reduce(0) { $0 + $1.selected },
        courses: courses)
    }
  }

  /// A category's electives, most selected first, equals in menu order.
  private static func electives(
    _ courses: some Collection<Course>, _ year: TrainingYear, _ selected: [String: Int]
  ) -> [CourseDemand] {
    var demands: [(place: Int, demand: CourseDemand)] = []
    for (place, course) in courses.enumerated() where course.kind == .elective {
      let sessions = course.sessions.filter { year.contains($0.date) }
      var seats: Int? = 0
      for session in sessions {
        seats = seats.flatMap { total in session.capacity.map { total + $0 } }
      }
      demands.append(
        (
          place,
          CourseDemand(
            course: course, selected: selected[course.id] ?? 0, sessions: sessions.count,
            seats: seats)
        ))
    }
    demands.sort { lhs, rhs in
      lhs.demand.selected != rhs.demand.selected
        ? lhs.demand.selected > rhs.demand.selected : lhs.place < rhs.place
    }
    return demands.map(\.demand)
  }
}
