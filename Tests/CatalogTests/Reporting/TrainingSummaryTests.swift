import Foundation
import Testing

@testable import Catalog

/// `report summary`'s figures on a fixture small enough to work out by hand; every total below
/// is derived in the comments from the members and credits listed here.
@Suite struct TrainingSummaryTests {
  static let here = SourceLocation(path: "t.toml", line: 1, column: 1)
  static let organised = CourseForm.allCases.filter { $0 != .selfstudy }

  /// R1: members in rural or community domains, 8 hours (self-study not counted).
  /// R2: their secretaries and committee members, 10 hours and one concentrated training.
  /// R3: new members, one concentrated training in their first 365 days.
  /// A retired member has no requirement.
  static let rules = Rules(
    requirements: [
      Requirement(
        id: "r1", title: "党员", roles: [.member], domains: [.rural, .community],
        minHours: StudyHours(8), forms: organised, location: here),
      Requirement(
        id: "r2", title: "书记和班子成员", roles: [.secretary, .committee],
        domains: [.rural, .community], minHours: StudyHours(10), minConcentrated: 1,
        forms: organised, location: here),
      Requirement(id: "r3", title: "新党员", newMember: true, minConcentrated: 1, location: here),
    ], path: "rules.toml")

  static func course(
    _ id: String, _ form: CourseForm, hours halves: Int, _ category: String
  ) -> Course {
    Course(
      id: id, title: "课程\(id)", categoryID: category, hours: StudyHours(halves: halves),
      kind: .elective, form: form, summary: "简介", location: here)
  }

  /// c1 onsite 2 h and c2 concentrated 4 h and c5 online 1 h (ideals); c3 remote 1.5 h and c4
  /// self-study 3 h (farming).
  static let catalog = Catalog(
    title: "目录", issuer: "县委组织部", year: 2026,
    categories: [
      Category(id: "ideals", title: "理想信念", order: 1, location: here),
      Category(id: "farming", title: "农业实用技术", order: 2, location: here),
    ],
    courses: [
      course("c1", .onsite, hours: 4, "ideals"), course("c2", .concentrated, hours: 8, "ideals"),
      course("c5", .online, hours: 2, "ideals"), course("c3", .remote, hours: 3, "farming"),
      course("c4", .selfstudy, hours: 6, "farming"),
    ], rules: rules)

  static func credit(_ id: String, _ date: String, reason: String? = nil) -> Credit {
    Credit(course: catalog.course(id: id)!, date: day(date), source: "考勤登记", reason: reason)
  }

  static func member(
    _ id: String, _ branch: String, _ domain: MemberDomain, _ role: MemberRole, joined: String,
    floating: Bool = false, _ credits: [Credit]
  ) -> MemberCredits {
    MemberCredits(
      member: Member(
        id: id, name: "党员\(id)", branch: branch, domain: domain, role: role, joined: day(joined),
        floating: floating),
      credits: credits)
  }

  /// - 1001 一支部 rural member: c1 03-05, c3 03-05, c4 04-01 (self-study), c5 05-10 (online),
  ///   c2 06-01: 5 credits, 11.5 h of which 3 self-study; 8.5 counted ≥ 8: met.
  /// - 1002 一支部 rural secretary: c1 03-05, c2 06-01, c3 09-09 as a make-up: 3 credits, 7.5 h
  ///   < 10: unmet.
  /// - 1003 一支部 rural member, floating, joined 2026-02-01 (a new member): c3 03-05: 1 credit,
  ///   1.5 h < 8 and no concentrated training: unmet.
  /// - 1004 二支部 community committee member: c2 06-01, c2 11-11, c1 11-11: 3 credits, 10 h
  ///   ≥ 10 with c2 concentrated: met.
  /// - 1005 二支部 retired: nothing, no requirement. 1006 二支部 community member: nothing,
  ///   unmet. 1008 一支部 rural member: only a 2025 credit, so nothing this year, unmet.
  /// - 1007 joined in 2027: not a member during 2026, left out.
  static let members = [
    member(
      "1001", "一支部", .rural, .member, joined: "2010-07-01",
      [
        credit("c1", "2026-03-05"), credit("c3", "2026-03-05"), credit("c4", "2026-04-01"),
        credit("c5", "2026-05-10"), credit("c2", "2026-06-01"),
      ]),
    member(
      "1002", "一支部", .rural, .secretary, joined: "2000-07-01",
      [
        credit("c1", "2026-03-05"), credit("c2", "2026-06-01"),
        credit("c3", "2026-09-09", reason: "补学"),
      ]),
    member(
      "1003", "一支部", .rural, .member, joined: "2026-02-01", floating: true,
      [credit("c3", "2026-03-05")]),
    member(
      "1004", "二支部", .community, .committee, joined: "2005-07-01",
      [credit("c2", "2026-06-01"), credit("c2", "2026-11-11"), credit("c1", "2026-11-11")]),
    member("1005", "二支部", .retired, .member, joined: "1970-07-01", []),
    member("1006", "二支部", .community, .member, joined: "2012-07-01", []),
    member("1007", "二支部", .rural, .member, joined: "2027-01-05", []),
    member("1008", "一支部", .rural, .member, joined: "2010-07-01", [credit("c1", "2025-07-01")]),
  ]

  /// c1 on 03-05 was signed in at a station too (the same session); c2 on 08-08 was closed
  /// with nobody on its list; a course since removed was shown on 10-10; c3 on 2025-12-12 is
  /// last year's.
  static let showings = [
    TrainingSummary.ClosedShowing(courseID: "c1", courseTitle: "课程c1", date: day("2026-03-05")),
    TrainingSummary.ClosedShowing(courseID: "c2", courseTitle: "课程c2", date: day("2026-08-08")),
    TrainingSummary.ClosedShowing(courseID: "gone", courseTitle: "已删除的课程", date: day("2026-10-10")),
    TrainingSummary.ClosedShowing(courseID: "c3", courseTitle: "课程c3", date: day("2025-12-12")),
  ]

  static func summary(branch: String? = nil) -> TrainingSummary {
    let year = rules.trainingYear(2026)
    return TrainingSummary(
      year: year, branch: branch,
      members: members.filter { branch == nil || $0.member.branch == branch },
      showings: showings, catalog: catalog)
  }

  static func figures(
    members: Int, reached: Int, attendances: Int, hours: Int, selfStudy: Int = 0, met: Int,
    unmet: Int, none: Int = 0
  ) -> TrainingSummary.Figures {
    var figures = TrainingSummary.Figures()
    figures.members = members
    figures.reached = reached
    figures.attendances = attendances
    figures.hours = StudyHours(halves: hours)
    figures.selfStudyHours = StudyHours(halves: selfStudy)
    figures.met = met
    figures.unmet = unmet
    figures.noRequirement = none
    return figures
  }

  /// Sessions held: from credits (not make-ups, not online or self-study) (c1, 03-05),
  /// (c3, 03-05), (c2, 06-01), (c2, 11-11), (c1, 11-11); from the stations (c2, 08-08) and the
  /// removed course's (10-10); (c1, 03-05) again and last year's are not new. 7 in all.
  @Test func sessionsHeld() {
    let sessions = Self.summary().sessions
    #expect(
      sessions.map { "\($0.courseID) \($0.date)" } == [
        "c1 2026-03-05", "c3 2026-03-05", "c2 2026-06-01", "c2 2026-08-08", "gone 2026-10-10",
        "c1 2026-11-11", "c2 2026-11-11",
      ])
    #expect(sessions[4].title == "已删除的课程" && sessions[4].form == nil)
  }

  /// Members 7 (1007 left out); reached 4 (1001-1004); 人次 5+3+1+3 = 12; hours 11.5 + 7.5 +
  /// 1.5 + 10 = 30.5, self-study 3; met 1001 and 1004, no requirement 1005, unmet the other
  /// four: 2 of 6, 33.3%.
  @Test func totals() {
    let total = Self.summary().total
    #expect(
      total
        == Self.figures(
          members: 7, reached: 4, attendances: 12, hours: 61, selfStudy: 6, met: 2, unmet: 4,
          none: 1))
    #expect(total.hoursExceptSelfStudy == StudyHours(halves: 55))
    #expect(total.coveragePermille == 333)
  }

  /// 一支部 (1001, 1002, 1003, 1008): 4 members, 3 reached, 5+3+1 = 9 credits, 20.5 h with 3
  /// self-study, met 1 of 4 (25.0%). 二支部 (1004, 1005, 1006): 3 members, 1 reached, 3
  /// credits, 10 h, met 1, unmet 1 (1006), no requirement 1 (1005): 50.0%.
  @Test func byBranch() {
    let branches = Self.summary().branches
    #expect(branches.map(\.branch) == ["一支部", "二支部"])
    #expect(
      branches[0].figures
        == Self.figures(
          members: 4, reached: 3, attendances: 9, hours: 41, selfStudy: 6, met: 1, unmet: 3))
    #expect(
      branches[1].figures
        == Self.figures(
          members: 3, reached: 1, attendances: 3, hours: 20, met: 1, unmet: 1, none: 1))
    #expect(branches.map(\.figures.coveragePermille) == [250, 500])
  }

  /// Members 1001, 1003, 1005, 1006, 1008: 5, reached 2, 5+1 = 6 credits, 11.5 + 1.5 = 13 h
  /// (3 self-study), met 1, unmet 3, none 1 (25.0%). The secretary 1002: 3 credits, 7.5 h,
  /// unmet (0.0%). The committee member 1004: 3 credits, 10 h, met (100.0%). Together the
  /// leaders (书记培训覆盖): 2, 6 credits, 17.5 h, 1 of 2 (50.0%).
  @Test func byRoleWithTheLeadersTogether() {
    let summary = Self.summary()
    #expect(summary.roles.map(\.role) == [.member, .secretary, .committee])
    #expect(
      summary.roles.map(\.figures) == [
        Self.figures(
          members: 5, reached: 2, attendances: 6, hours: 26, selfStudy: 6, met: 1, unmet: 3,
          none: 1),
        Self.figures(members: 1, reached: 1, attendances: 3, hours: 15, met: 0, unmet: 1),
        Self.figures(members: 1, reached: 1, attendances: 3, hours: 20, met: 1, unmet: 0),
      ])
    #expect(
      summary.leaders
        == Self.figures(members: 2, reached: 2, attendances: 6, hours: 35, met: 1, unmet: 1))
    #expect(summary.roles.map(\.figures.coveragePermille) == [250, 0, 1000])
  }

  /// Rural: the same four as 一支部. Community: 1004 and 1006 (3 credits, 10 h, 1 met, 1
  /// unmet). Retired: 1005 alone, no requirement (no share). Domains nobody is in are left out.
  @Test func byDomain() {
    let domains = Self.summary().domains
    #expect(domains.map(\.domain) == [.rural, .community, .retired])
    #expect(
      domains.map(\.figures) == [
        Self.figures(
          members: 4, reached: 3, attendances: 9, hours: 41, selfStudy: 6, met: 1, unmet: 3),
        Self.figures(members: 2, reached: 1, attendances: 3, hours: 20, met: 1, unmet: 1),
        Self.figures(members: 1, reached: 0, attendances: 0, hours: 0, met: 0, unmet: 0, none: 1),
      ])
    #expect(domains[2].figures.coveragePermille == nil)
  }

  /// The floating member and the new member are both 1003: 1 credit, 1.5 h, unmet.
  @Test func floatingAndNewMembersOnTheirOwnLines() {
    let summary = Self.summary()
    let expected = Self.figures(members: 1, reached: 1, attendances: 1, hours: 3, met: 0, unmet: 1)
    #expect(summary.floating == expected)
    #expect(summary.newMembers == expected)
  }

  /// By form, credits: onsite c1 ×3 (6 h), remote c3 ×3 (4.5 h, the make-up included),
  /// concentrated c2 ×4 (16 h), online 1 (1 h), self-study 1 (3 h): 12 and 30.5 h. Sessions:
  /// onsite 2, remote 1, concentrated 3 (06-01, 08-08, 11-11), and the removed course's 1
  /// under an unknown form.
  @Test func byForm() {
    let forms = Self.summary().forms
    #expect(forms.map(\.form) == CourseForm.allCases.map { $0 } + [nil])
    #expect(forms.map(\.delivery.sessions) == [3, 0, 1, 2, 0, 0, 0, 1])
    #expect(forms.map(\.delivery.attendances) == [4, 0, 3, 3, 0, 1, 1, 0])
    #expect(forms.map(\.delivery.hours.halves) == [32, 0, 9, 12, 0, 2, 6, 0])
    #expect(forms.map(\.delivery.selfStudyHours.halves) == [0, 0, 0, 0, 0, 0, 6, 0])
  }

  /// By category: ideals c1 ×3, c2 ×4, c5 ×1 = 8 credits, 6 + 16 + 1 = 23 h, sessions 2 + 3 =
  /// 5; farming c3 ×3, c4 ×1 = 4 credits, 7.5 h, 1 session; the removed course's session
  /// under an unknown category.
  @Test func byCategory() {
    let categories = Self.summary().categories
    #expect(categories.map(\.categoryID) == ["ideals", "farming", nil])
    #expect(categories.map(\.delivery.sessions) == [5, 1, 1])
    #expect(categories.map(\.delivery.attendances) == [8, 4, 0])
    #expect(categories.map(\.delivery.hours.halves) == [46, 15, 0])
    // farming's 7.5 h hold c4's 3 h of self-study.
    #expect(categories.map(\.delivery.selfStudyHours.halves) == [0, 6, 0])
    #expect(TrainingSummary.Delivery(adding: categories.map(\.delivery)).hours.halves == 61)
  }

  /// March 2, June 1, August 1, October 1, November 2: 7.
  @Test func sessionsByMonth() {
    let months = Self.summary().sessionsByMonth
    #expect(months.map(\.month.month) == Array(1...12))
    #expect(months.map(\.sessions) == [0, 0, 2, 0, 0, 1, 0, 1, 0, 1, 2, 0])
  }

  /// 1008 (一支部), then 1005 and 1006 (二支部).
  @Test func membersWithoutHours() {
    let without = Self.summary().withoutHours
    #expect(without.map(\.member.id) == ["1008", "1005", "1006"])
    #expect(without.map(\.standing) == [.unmet, .noRequirement, .unmet])
  }

  /// One branch: its members only, and sessions through their credits alone (a station's
  /// sign-in belongs to no branch): 二支部 held c2 on 06-01 and 11-11 and c1 on 11-11.
  @Test func oneBranch() {
    let summary = Self.summary(branch: "二支部")
    #expect(summary.total.members == 3)
    #expect(
      summary.sessions.map { "\($0.courseID) \($0.date)" } == [
        "c2 2026-06-01", "c1 2026-11-11", "c2 2026-11-11",
      ])
    #expect(summary.branches.map(\.branch) == ["二支部"])
  }

  /// A training year that starts in September runs its months from September.
  @Test func monthsFollowTheTrainingYear() {
    var rules = Self.rules
    rules.yearStartMonth = 9
    let year = TrainingYear(2026, rules: rules)
    let summary = TrainingSummary(year: year, members: [], catalog: Self.catalog)
    #expect(summary.sessionsByMonth.map { "\($0.month)" }.first == "2026-09-01")
    #expect(summary.sessionsByMonth.map { "\($0.month)" }.last == "2027-08-01")
    #expect(summary.total == TrainingSummary.Figures())
  }
}
