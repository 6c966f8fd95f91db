import Foundation

/// A course and training year a member has been asked to rate (评学), whether they answered
/// or declined: they are never asked about it again.
public struct RatedCourse: Hashable, Sendable {
  public var courseID: String
  public var year: Int

  public init(courseID: String, year: Int) {
    self.courseID = courseID
    self.year = year
  }
}

/// Where a member stands with a year's needs survey (需求调研).
public enum SurveyState: String, Hashable, Sendable {
  /// Declined when it was offered at login: not offered at login again that year, still open
  /// from the main menu.
  case declined
  /// Answered: done for the year.
  case answered
}

/// What the records keep of a member's ratings and surveys: what they were asked and how far
/// they got — never what they answered.
public struct FeedbackState: Hashable, Sendable {
  public var ratedCourses: Set<RatedCourse>
  public var surveys: [Int: SurveyState]

  public init(ratedCourses: Set<RatedCourse> = [], surveys: [Int: SurveyState] = [:]) {
    self.ratedCourses = ratedCourses
    self.surveys = surveys
  }
}

/// The ratings of one course in one training year, as counts: nothing in it tells one
/// member's answers from another's.
public struct CourseRatings: Hashable, Sendable {
  public var courseID: String
  public var year: Int
  /// The course as it was when last rated.
  public var title: String
  public var provider: String?
  public var instructor: String?
  /// How many members rated it.
  public var ratings: Int
  /// By question id: how many members gave each answer (1 = worst).
  public var counts: [String: [Int: Int]]

  public init(
    courseID: String, year: Int, title: String, provider: String? = nil,
    instructor: String? = nil, ratings: Int, counts: [String: [Int: Int]]
  ) {
    self.courseID = courseID
    self.year = year
    self.title = title
    self.provider = provider
    self.instructor = instructor
    self.ratings = ratings
    self.counts = counts
  }
}

/// The needs survey's answers of a year (one branch's, or everyone's), as counts.
public struct SurveyTally: Hashable, Sendable {
  /// The survey's steps as the records name them.
  public enum Question: String, Hashable, Sendable {
    case respondents, topic, form, season
  }

  /// The choice kept when a member chose "either" for the form or the season.
  public static let eitherChoice = "any"

  /// Members who answered.
  public var respondents: Int
  /// Members who declined at login and have not answered since.
  public var declined: Int
  /// By topic id: how many chose it.
  public var topics: [String: Int]
  /// By form id, or `eitherChoice`.
  public var forms: [String: Int]
  /// By season id, or `eitherChoice`.
  public var seasons: [String: Int]

  public init(
    respondents: Int = 0, declined: Int = 0, topics: [String: Int] = [:],
    forms: [String: Int] = [:], seasons: [String: Int] = [:]
  ) {
    self.respondents = respondents
    self.declined = declined
    self.topics = topics
    self.forms = forms
    self.seasons = seasons
  }
}

/// A course a member has selected (选学), with their branch, for the demand report.
public struct SelectionRecord: Hashable, Sendable {
  public var memberID: String
  public var branch: String
  public var courseID: String
  public var selectedAt: Date

  public init(memberID: String, branch: String, courseID: String, selectedAt: Date) {
    self.memberID = memberID
    self.branch = branch
    self.courseID = courseID
    self.selectedAt = selectedAt
  }
}
