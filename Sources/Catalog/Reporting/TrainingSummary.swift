/// The figures a Party organisation reports upward each year (seed 003: 每年要向上级党组织报告
/// 党员教育培训工作情况; seeds 001 and 004 report 举办培训班 N 期, 培训 N 人次, 书记培训全覆盖):
/// worked out here, once, from the members, their credits, the stations' closed showings and
/// the catalog, so every format prints the same numbers. Pure: no records, no clock.
///
/// Which members: those of the records (one branch's, with `branch`) who had joined before the
/// training year ended. Which credits: those dated in the training year.
///
/// - A session held (期数) is a distinct (course, day) in the year on which the course was
///   held for a group: a credit that is neither a make-up (补学, credited with a reason) nor of
///   an individual form (网络培训 and 自学 are studied alone, on any day), or a station's
///   closed sign-in (even one nobody signed in to). A sign-in belongs to a station, not a
///   branch, so a branch's summary counts sessions through its members' credits only.
/// - 人次 (attendances) is the number of credits: one member credited one course on one day.
/// - Members reached (参训人数) are the members with at least one credit in the year.
/// - Hours are credited hours; 自学 hours are always shown apart from the rest.
/// - Coverage is the hour accounting's standing (`YearStanding`): met every applicable
///   requirement, did not, or no requirement applied — that last never counted as met, and
///   the share (覆盖率) is met ÷ (met + unmet).
/// - New members (新党员) are those whose first 365 days after joining overlap the year, as for
///   `new_member` requirements; floating members (流动党员) carry the flag.
public struct TrainingSummary: Sendable {
  /// A day on which a course was held, and what it was.
  public struct HeldSession: Hashable, Sendable {
    public var courseID: String
    public var date: LocalDate
    public var title: String
    /// From a credit of the day, else the catalog; nil for a sign-in of a course the catalog no
    /// longer has, nobody credited.
    public var categoryID: String?
    public var form: CourseForm?
  }

  /// A sign-in a station closed: a session held, whoever was credited.
  public struct ClosedShowing: Hashable, Sendable {
    public var courseID: String
    public var courseTitle: String
    public var date: LocalDate

    public init(courseID: String, courseTitle: String, date: LocalDate) {
      self.courseID = courseID
      self.courseTitle = courseTitle
      self.date = date
    }
  }

  /// The figures of a group of members.
  public struct Figures: Hashable, Sendable {
    /// 人数.
    public var members = 0
    /// 参训人数: members with a credit in the year.
    public var reached = 0
    /// 人次: credits in the year.
    public var attendances = 0
    /// Every credited hour of the year.
    public var hours = StudyHours.zero
    /// The 自学 part of `hours`.
    public var selfStudyHours = StudyHours.zero
    /// Members who met every applicable requirement.
    public var met = 0
    /// Members who did not meet some applicable requirement.
    public var unmet = 0
    /// Members to whom no requirement applied: neither met nor unmet.
    public var noRequirement = 0

    public init() {}

    /// `hours` without self-study.
    public var hoursExceptSelfStudy: StudyHours { hours - selfStudyHours }

    /// met ÷ (met + unmet), in tenths of a percent rounded half up; nil when nobody had a
    /// requirement.
    public var coveragePermille: Int? {
      let counted = met + unmet
      guard counted > 0 else { return nil }
      return (met * 2000 + counted) / (counted * 2)
    }

    mutating func add(_ member: MemberYear) {
      members += 1
      if !member.credits.isEmpty { reached += 1 }
      attendances += member.credits.count
      hours += member.progress.creditedHours
      selfStudyHours += member.progress.hoursByForm[.selfstudy] ?? .zero
      switch member.progress.standing {
      case .met: met += 1
      case .unmet: unmet += 1
      case .noRequirement: noRequirement += 1
      }
    }
  }

  /// What was delivered in one form or category: sessions held, attendances, hours (the
  /// self-study part apart).
  public struct Delivery: Hashable, Sendable {
    public var sessions = 0
    public var attendances = 0
    public var hours = StudyHours.zero
    public var selfStudyHours = StudyHours.zero

    public init() {}

    public var hoursExceptSelfStudy: StudyHours { hours - selfStudyHours }

    mutating func add(_ credit: Credit) {
      attendances += 1
      hours += credit.hours
      if credit.form == .selfstudy { selfStudyHours += credit.hours }
    }

    /// The sum of `parts`.
    public init(adding parts: [Delivery]) {
      for part in parts {
        sessions += part.sessions
        attendances += part.attendances
        hours += part.hours
        selfStudyHours += part.selfStudyHours
      }
    }
  }

  /// A member with what the year made of them.
  struct MemberYear {
    var member: Member
    var credits: [Credit]
    var progress: YearProgress
  }

  public let year: TrainingYear
  public let branch: String?
  /// Every session held, by day, then course id.
  public let sessions: [HeldSession]
  /// Everyone in the summary.
  public let total: Figures
  public let branches: [(branch: String, figures: Figures)]
  /// Every role, in `MemberRole` order, even one nobody has.
  public let roles: [(role: MemberRole, figures: Figures)]
  /// Secretaries and committee members together (书记培训覆盖).
  public let leaders: Figures
  /// The domains some member is in, in `MemberDomain` order.
  public let domains: [(domain: MemberDomain, figures: Figures)]
  public let floating: Figures
  public let newMembers: Figures
  /// Every form, in `CourseForm` order; sessions of a course the catalog lost are under nil,
  /// listed only when there are some.
  public let forms: [(form: CourseForm?, delivery: Delivery)]
  /// The catalog's categories in menu order, then any other category credits name (an id the
  /// catalog no longer has), then nil for sessions whose category is unknown, when any.
  public let categories: [(categoryID: String?, delivery: Delivery)]
  /// Sessions held in each month of the training year, from its first month.
  public let sessionsByMonth: [(month: LocalDate, sessions: Int)]
  /// Members with no credit at all in the year, by branch and number, with their standing.
  public let withoutHours: [(member: Member, standing: YearStanding)]

  /// The summary of `members` (already those of `branch`, when given) in `year`. `showings`
  /// are the stations' closed sign-ins; they count only without `branch`.
  public init(
    year: TrainingYear, branch: String? = nil, members: [MemberCredits],
    showings: [ClosedShowing] = [], catalog: Catalog
  ) {
    self.year = year
    self.branch = branch
    let rules = catalog.rules
    let people = members.filter { $0.member.joined < year.end }.sorted {
      ($0.member.branch, $0.member.id.count, $0.member.id)
        < ($1.member.branch, $1.member.id.count, $1.member.id)
    }.map { entry in
      let progress = rules.progress(of: entry.member.profile, credits: entry.credits, in: year)
      return MemberYear(member: entry.member, credits: progress.credits, progress: progress)
    }

    var total = Figures()
    var byBranch: [String: Figures] = [:]
    var byRole: [MemberRole: Figures] = [:]
    var byDomain: [MemberDomain: Figures] = [:]
    var leaders = Figures()
    var floating = Figures()
    var newMembers = Figures()
    var withoutHours: [(Member, YearStanding)] = []
    for person in people {
      let member = person.member
      total.add(person)
      byBranch[member.branch, default: Figures()].add(person)
      byRole[member.role, default: Figures()].add(person)
      byDomain[member.domain, default: Figures()].add(person)
      if member.role != .member { leaders.add(person) }
      if member.floating { floating.add(person) }
      if HourAccounting.newMemberPeriod(of: member.profile).overlaps(year.span) {
        newMembers.add(person)
      }
      if person.credits.isEmpty { withoutHours.append((member, person.progress.standing)) }
    }
    self.total = total
    self.branches = byBranch.keys.sorted().map { ($0, byBranch[$0]!) }
    self.roles = MemberRole.allCases.map { ($0, byRole[$0] ?? Figures()) }
    self.leaders = leaders
    self.domains = MemberDomain.allCases.compactMap { domain in
      byDomain[domain].map { (domain, $0) }
    }
    self.floating = floating
    self.newMembers = newMembers
    self.withoutHours = withoutHours

    let credits = people.flatMap(\.credits)
    let sessions = Self.sessionsHeld(
      credits: credits, showings: branch == nil ? showings : [], year: year, catalog: catalog)
    self.sessions = sessions

    var formDelivery: [CourseForm?: Delivery] = [:]
    var categoryDelivery: [String?: Delivery] = [:]
    for credit in credits {
      formDelivery[credit.form, default: Delivery()].add(credit)
      categoryDelivery[credit.categoryID, default: Delivery()].add(credit)
    }
    var monthly: [LocalDate: Int] = [:]
    for session in sessions {
      formDelivery[session.form, default: Delivery()].sessions += 1
      categoryDelivery[session.categoryID, default: Delivery()].sessions += 1
      monthly[LocalDate(year: session.date.year, month: session.date.month, day: 1), default: 0] +=
        1
    }
    var forms: [(CourseForm?, Delivery)] = CourseForm.allCases.map {
      ($0, formDelivery[$0] ?? Delivery())
    }
    if let unknown = formDelivery[nil] { forms.append((nil, unknown)) }
    self.forms = forms

    let known = catalog.categories.map(\.id)
    var categories: [(String?, Delivery)] = known.map { ($0, categoryDelivery[$0] ?? Delivery()) }
    let others = categoryDelivery.keys.compactMap { $0 }.filter { !known.contains($0) }.sorted()
    categories += others.map { ($0, categoryDelivery[$0]!) }
    if let unknown = categoryDelivery[nil] { categories.append((nil, unknown)) }
    self.categories = categories

    let first = LocalDate(year: year.start.year, month: year.start.month, day: 1)
    self.sessionsByMonth = (0..<12).map { offset in
      let index = first.month - 1 + offset
      let month = LocalDate(year: first.year + index / 12, month: index % 12 + 1, day: 1)
      return (month, monthly[month] ?? 0)
    }
  }

  /// The distinct (course, day) pairs held for a group in the year (see the type's comment).
  static func sessionsHeld(
    credits: [Credit], showings: [ClosedShowing], year: TrainingYear, catalog: Catalog
  ) -> [HeldSession] {
    struct Key: Hashable {
      var courseID: String
      var date: LocalDate
    }
    var held: [Key: HeldSession] = [:]
    for credit in credits
    where year.contains(credit.date) && credit.reason == nil && credit.form.isHeldForAGroup {
      let key = Key(courseID: credit.courseID, date: credit.date)
      if held[key] == nil {
        held[key] = HeldSession(
          courseID: credit.courseID, date: credit.date, title: credit.courseTitle,
          categoryID: credit.categoryID, form: credit.form)
      }
    }
    for showing in showings where year.contains(showing.date) {
      let key = Key(courseID: showing.courseID, date: showing.date)
      guard held[key] == nil else { continue }
      let course = catalog.course(id: showing.courseID)
      held[key] = HeldSession(
        courseID: showing.courseID, date: showing.date, title: course?.title ?? showing.courseTitle,
        categoryID: course?.categoryID, form: course?.form)
    }
    return held.values.sorted { ($0.date, $0.courseID) < ($1.date, $1.courseID) }
  }
}

extension CourseForm {
  /// Whether a course of this form is held for a group on a day (a session that counts as
  /// 期数); 网络培训 and 自学 are studied by each member alone.
  public var isHeldForAGroup: Bool { self != .online && self != .selfstudy }
}

extension TrainingSummary.ClosedShowing {
  /// A closed sign-in of the station's log; nil for one open or cancelled.
  public init?(_ logged: LoggedShowing) {
    guard logged.showing.state == .closed else { return nil }
    self.init(
      courseID: logged.showing.courseID, courseTitle: logged.showing.courseTitle,
      date: logged.showing.date)
  }
}
