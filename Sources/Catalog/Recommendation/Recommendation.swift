/// Why a course is recommended to a member, most pressing first: `Recommender` lists every
/// `concentratedMissing` course before every `hoursMissing` one, and so on.
public enum RecommendationReason: Hashable, Sendable {
  /// A concentrated course (集中培训) while an applicable requirement still needs `missing`
  /// of them (`min_concentrated`).
  case concentratedMissing(requirement: String, missing: Int)
  /// The course's form counts toward an applicable requirement's `min_hours`, which still
  /// needs `missingHours`; the requirement missing the most hours is named.
  case hoursMissing(requirement: String, missingHours: StudyHours)
  /// No requirement needs it (they are met, or none counts its form), but it is a
  /// required course (必修) for the member.
  case required
  /// Meant for the member's role (书记, 班子成员) in particular.
  case forRole(MemberRole)
  /// Meant for the member's domain (农村, 社区 …) in particular.
  case forDomain(MemberDomain)
  /// Open to every member.
  case general

  /// The group it ranks in: 0 helps a concentrated-training requirement, 1 an hours
  /// requirement, 2 anything else.
  public var tier: Int {
    switch self {
    case .concentratedMissing: 0
    case .hoursMissing: 1
    case .required, .forRole, .forDomain, .general: 2
    }
  }

  /// The one-line reason in Chinese (`RecommendationText`).
  public var text: String { RecommendationText.reason(self) }
}

/// One course recommended to a member, with its reason.
public struct Recommendation: Hashable, Sendable {
  /// Index into `Catalog.courses` (menu order).
  public var courseIndex: Int
  public var courseID: String
  public var reason: RecommendationReason
  /// The member selected it already (选学) but has no credit for it yet.
  public var isSelected: Bool
  /// The first scheduled session on or after the day asked about; nil when the course has
  /// no sessions ahead (or no day was given).
  public var nextSession: CourseSession?

  public init(
    courseIndex: Int, courseID: String, reason: RecommendationReason, isSelected: Bool = false,
    nextSession: CourseSession? = nil
  ) {
    self.courseIndex = courseIndex
    self.courseID = courseID
    self.reason = reason
    self.isSelected = isSelected
    self.nextSession = nextSession
  }

  /// The one-line reason in Chinese.
  public var text: String { reason.text }
}
