/// One entry of the menu: what a member reads, selects and is credited for.
public struct Course: Hashable, Sendable, Identifiable {
  public var id: String
  public var title: String
  public var categoryID: String
  public var hours: StudyHours
  public var kind: CourseKind
  public var form: CourseForm
  public var summary: String
  public var description: String?
  public var instructor: String?
  public var provider: String?
  /// Domains the course is meant for; empty means everyone.
  public var audience: [MemberDomain]
  /// Roles the course is meant for; empty means everyone.
  public var roles: [MemberRole]
  public var keywords: [String]
  /// A curator's pinyin for the title, overriding the character table (polyphonic titles).
  public var pinyin: String?
  public var seasons: [TrainingSeason]
  public var prerequisites: [String]
  public var sessions: [CourseSession]
  /// Pages of study, in order (format 1.1); empty for a course studied elsewhere.
  public var lessons: [Lesson]
  /// The course's test (format 1.1); nil when it has no questions.
  public var quiz: Quiz?
  /// Where the `[[course]]` header stands.
  public var location: SourceLocation

  public init(
    id: String, title: String, categoryID: String, hours: StudyHours, kind: CourseKind,
    form: CourseForm, summary: String, description: String? = nil, instructor: String? = nil,
    provider: String? = nil, audience: [MemberDomain] = [], roles: [MemberRole] = [],
    keywords: [String] = [], pinyin: String? = nil, seasons: [TrainingSeason] = [],
    prerequisites: [String] = [], sessions: [CourseSession] = [], lessons: [Lesson] = [],
    quiz: Quiz? = nil, location: SourceLocation
  ) {
    self.id = id
    self.title = title
    self.categoryID = categoryID
    self.hours = hours
    self.kind = kind
    self.form = form
    self.summary = summary
    self.description = description
    self.instructor = instructor
    self.provider = provider
    self.audience = audience
    self.roles = roles
    self.keywords = keywords
    self.pinyin = pinyin
    self.seasons = seasons
    self.prerequisites = prerequisites
    self.sessions = sessions
    self.lessons = lessons
    self.quiz = quiz
    self.location = location
  }
}

/// A scheduled, in-person meeting of a course: one day, or several in a row (a three-day
/// class is one session from `date` to `endDate`, attended whole).
public struct CourseSession: Hashable, Sendable {
  /// The first day.
  public var date: LocalDate
  /// The last day of a session over several days; nil for one day.
  public var endDate: LocalDate?
  /// Free text such as `09:00-12:00`.
  public var time: String?
  public var place: String
  public var capacity: Int?
  public var location: SourceLocation

  public init(
    date: LocalDate, endDate: LocalDate? = nil, time: String? = nil, place: String,
    capacity: Int? = nil, location: SourceLocation
  ) {
    self.date = date
    self.endDate = endDate
    self.time = time
    self.place = place
    self.capacity = capacity
    self.location = location
  }

  /// The last day: `endDate`, or `date` for a one-day session.
  public var lastDay: LocalDate { endDate ?? date }

  /// How many days it runs, both ends included.
  public var dayCount: Int { lastDay.daysSinceEpoch - date.daysSinceEpoch + 1 }

  /// The most hours a course may carry per scheduled day before the checker warns (W005).
  public static let maximumHoursPerDay = StudyHours(8)
}

extension Course {
  /// The session whose first day is `date`, if any: attendance is recorded on that day.
  public func session(startingOn date: LocalDate) -> CourseSession? {
    sessions.first { $0.date == date }
  }
}
