/// One yearly condition a member must meet, as written in `rules.toml`.
public struct Requirement: Hashable, Sendable, Identifiable {
  public var id: String
  public var title: String
  /// Roles it applies to; empty means every role.
  public var roles: [MemberRole]
  /// Domains it applies to; empty means every domain.
  public var domains: [MemberDomain]
  /// Applies only within 365 days of joining the Party.
  public var newMember: Bool
  /// Applies only to floating members (true), never to them (false), or regardless (nil).
  public var floating: Bool?
  public var minHours: StudyHours?
  /// How many credited concentrated courses are needed.
  public var minConcentrated: Int?
  /// Which forms count toward `minHours`; empty means all.
  public var forms: [CourseForm]
  /// A citation shown to the member.
  public var source: String?
  public var location: SourceLocation

  public init(
    id: String, title: String, roles: [MemberRole] = [], domains: [MemberDomain] = [],
    newMember: Bool = false, floating: Bool? = nil, minHours: StudyHours? = nil,
    minConcentrated: Int? = nil, forms: [CourseForm] = [], source: String? = nil,
    location: SourceLocation
  ) {
    self.id = id
    self.title = title
    self.roles = roles
    self.domains = domains
    self.newMember = newMember
    self.floating = floating
    self.minHours = minHours
    self.minConcentrated = minConcentrated
    self.forms = forms
    self.source = source
    self.location = location
  }
}

/// The requirements in force and when the training year turns.
public struct Rules: Hashable, Sendable {
  /// Month and day the training year starts (`01-01` by default).
  public var yearStartMonth: Int
  public var yearStartDay: Int
  public var requirements: [Requirement]
  /// The rules file as given to the loader.
  public var path: String

  public init(
    yearStartMonth: Int = 1, yearStartDay: Int = 1, requirements: [Requirement], path: String
  ) {
    self.yearStartMonth = yearStartMonth
    self.yearStartDay = yearStartDay
    self.requirements = requirements
    self.path = path
  }
}
