import Foundation
import Testing

@testable import Catalog

/// The shipped rules, loaded as the program loads them.
enum ShippedRules {
  static let dataDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data").path

  static func load(_ file: String? = nil) throws -> Catalog {
    let result = CatalogLoader(
      directory: dataDirectory, rulesPath: file.map { dataDirectory + "/" + $0 }
    ).load()
    return try #require(result.catalog)
  }
}

func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

func credit(
  _ course: String, _ date: String, _ hours: Double, _ form: CourseForm, category: String = "c"
) -> Credit {
  Credit(
    courseID: course, courseTitle: course, categoryID: category, date: day(date),
    hours: StudyHours(exactly: hours)!, form: form, source: "test")
}

@Suite struct HourAccountingTests {
  static let veteran = day("2000-07-01")

  func rules(_ requirements: [Requirement], start: (Int, Int) = (1, 1)) -> Rules {
    Rules(
      yearStartMonth: start.0, yearStartDay: start.1, requirements: requirements, path: "r.toml")
  }

  func requirement(
    _ id: String, roles: [MemberRole] = [], domains: [MemberDomain] = [],
    newMember: Bool = false, floating: Bool? = nil, minHours: Int? = nil,
    minConcentrated: Int? = nil, forms: [CourseForm] = []
  ) -> Requirement {
    Requirement(
      id: id, title: "要求\(id)", roles: roles, domains: domains, newMember: newMember,
      floating: floating, minHours: minHours.map { StudyHours($0) },
      minConcentrated: minConcentrated, forms: forms,
      location: SourceLocation(path: "r.toml", line: 1, column: 1))
  }

  // MARK: Training years

  @Test func calendarTrainingYear() {
    let year = rules([]).trainingYear(2026)
    #expect(year.start == day("2026-01-01"))
    #expect(year.end == day("2027-01-01"))
    #expect(year.span.lastDay == day("2026-12-31"))
    #expect(rules([]).trainingYear(containing: day("2026-12-31")).year == 2026)
    #expect(rules([]).trainingYear(containing: day("2027-01-01")).year == 2027)
  }

  @Test func trainingYearStartingInSeptember() {
    let september = rules([], start: (9, 1))
    #expect(september.trainingYear(2026).start == day("2026-09-01"))
    #expect(september.trainingYear(2026).span.lastDay == day("2027-08-31"))
    #expect(september.trainingYear(containing: day("2027-08-31")).year == 2026)
    #expect(september.trainingYear(containing: day("2026-08-31")).year == 2025)
    let member = MemberProfile(role: .member, domain: .rural, joined: Self.veteran)
    let progress = september.progress(
      of: member,
      credits: [credit("a", "2026-08-31", 4, .remote), credit("b", "2026-09-01", 2, .remote)],
      in: september.trainingYear(2026))
    #expect(progress.creditedHours == StudyHours(2))
    #expect(progress.credits.map(\.courseID) == ["b"])
  }

  // MARK: Filters

  @Test func rolesAndDomainsFilter() {
    let leaders = requirement("x", roles: [.secretary, .committee], domains: [.rural], minHours: 1)
    let year = rules([]).trainingYear(2026)
    func applies(_ role: MemberRole, _ domain: MemberDomain) -> Bool {
      HourAccounting.applies(
        leaders, to: MemberProfile(role: role, domain: domain, joined: Self.veteran), in: year)
    }
    #expect(applies(.secretary, .rural))
    #expect(applies(.committee, .rural))
    #expect(!applies(.member, .rural))
    #expect(!applies(.secretary, .community))
    let everyone = requirement("y", minHours: 1)
    #expect(
      HourAccounting.applies(
        everyone, to: MemberProfile(role: .member, domain: .retired, joined: Self.veteran),
        in: year))
  }

  @Test func floatingFiltersOnTheMembersFlag() {
    let all = rules([
      requirement("everyone", minHours: 8),
      requirement("settled", domains: [.private], floating: false, minHours: 16),
      requirement("floating", floating: true, minHours: 16),
      requirement("floating-leaders", roles: [.committee], floating: true, minHours: 24),
    ])
    let year = all.trainingYear(2026)
    func applying(_ role: MemberRole, floating: Bool) -> [String] {
      let member = MemberProfile(
        role: role, domain: .private, joined: Self.veteran, floating: floating)
      return all.progress(of: member, credits: [], in: year).requirements.map(\.requirement.id)
    }
    #expect(applying(.member, floating: false) == ["everyone", "settled"])
    #expect(applying(.member, floating: true) == ["everyone", "floating"])
    #expect(applying(.committee, floating: true) == ["everyone", "floating", "floating-leaders"])
    #expect(applying(.committee, floating: false) == ["everyone", "settled"])
  }

  @Test func newMemberAppliesWithinTheFirst365Days() {
    let newcomer = requirement("n", newMember: true, minConcentrated: 1)
    let year = rules([]).trainingYear(2026)
    func applies(joined: String) -> Bool {
      HourAccounting.applies(
        newcomer, to: MemberProfile(role: .member, domain: .rural, joined: day(joined)), in: year)
    }
    #expect(applies(joined: "2026-06-01"))
    #expect(applies(joined: "2026-12-31"))
    // Joined 2025-01-02: the 365th day is 2026-01-01, inside 2026.
    #expect(applies(joined: "2025-01-02"))
    // Joined 2025-01-01: 365 days end with 2025-12-31.
    #expect(!applies(joined: "2025-01-01"))
    #expect(!applies(joined: "2010-07-01"))
    #expect(!applies(joined: "2027-01-01"))
  }

  @Test func newMemberCountsTheFirstYearAcrossTrainingYears() {
    let newcomer = requirement("n", newMember: true, minHours: 24, forms: [.concentrated])
    let member = MemberProfile(role: .member, domain: .rural, joined: day("2025-10-01"))
    let credits = [
      credit("before-joining", "2025-09-30", 8, .concentrated),
      credit("autumn", "2025-11-01", 16, .concentrated),
      credit("spring", "2026-03-01", 4, .concentrated),
      credit("after-first-year", "2026-10-01", 8, .concentrated),
    ]
    let status = HourAccounting.status(
      of: newcomer, for: member, credits: credits, in: rules([]).trainingYear(2026))
    #expect(status.period == DateSpan(start: day("2025-10-01"), end: day("2026-10-01")))
    #expect(status.countedHours == StudyHours(20))
    #expect(status.missing == ["还需 4 学时（只计集中培训）"])
  }

  // MARK: Conditions

  @Test func minHoursCountsOnlyTheListedForms() {
    let concentratedOnly = requirement("c", minHours: 10, forms: [.concentrated, .onsite])
    let member = MemberProfile(role: .member, domain: .rural, joined: Self.veteran)
    let status = HourAccounting.status(
      of: concentratedOnly, for: member,
      credits: [
        credit("a", "2026-02-01", 4, .concentrated), credit("b", "2026-03-01", 3, .onsite),
        credit("c", "2026-04-01", 20, .remote), credit("d", "2025-12-31", 9, .concentrated),
      ],
      in: rules([]).trainingYear(2026))
    #expect(status.countedHours == StudyHours(7))
    #expect(status.missingHours == StudyHours(3))
    #expect(status.missing == ["还需 3 学时（只计集中培训、现场教学）"])
    #expect(!status.isMet)
  }

  @Test func missingHoursNameTheShorterOfWhatCountsAndWhatDoesNot() {
    let member = MemberProfile(role: .member, domain: .rural, joined: Self.veteran)
    let year = rules([]).trainingYear(2026)
    func missing(_ forms: [CourseForm]) -> [String] {
      HourAccounting.status(
        of: requirement("x", minHours: 4, forms: forms), for: member, credits: [], in: year
      ).missing
    }
    #expect(missing([.concentrated]) == ["还需 4 学时（只计集中培训）"])
    #expect(missing(CourseForm.allCases.filter { $0 != .selfstudy }) == ["还需 4 学时（不计自学）"])
    #expect(
      missing([.concentrated, .group, .remote, .onsite])
        == ["还需 4 学时（不计流动课堂、网络培训、自学）"])
    #expect(missing([.concentrated, .group, .remote]) == ["还需 4 学时（只计集中培训、集体学习、远程教育）"])
    #expect(missing([]) == ["还需 4 学时"])
  }

  @Test func selfStudyIsRecordedAndShownButDoesNotCountWhereFormsLeaveItOut() {
    let plan = rules([
      requirement(
        "leaders", roles: [.secretary], minHours: 56, minConcentrated: 1,
        forms: CourseForm.allCases.filter { $0 != .selfstudy })
    ])
    let secretary = MemberProfile(role: .secretary, domain: .rural, joined: Self.veteran)
    let progress = plan.progress(
      of: secretary, credits: [credit("read", "2026-03-01", 7, .selfstudy)],
      in: plan.trainingYear(2026))
    #expect(progress.creditedHours == StudyHours(7))
    #expect(progress.countedHours == .zero)
    #expect(progress.hoursByForm == [.selfstudy: StudyHours(7)])
    #expect(progress.uncountedHoursByForm.map(\.form) == [.selfstudy])
    #expect(progress.uncountedHoursByForm.map(\.hours) == [StudyHours(7)])
    #expect(progress.targetStatus?.requirement.id == "leaders")
    #expect(progress.standing == .unmet)
  }

  @Test func onlyConcentratedCoursesCountAsAConcentratedTraining() {
    let once = requirement("once", minConcentrated: 1)
    let member = MemberProfile(role: .secretary, domain: .rural, joined: Self.veteran)
    let year = rules([]).trainingYear(2026)
    for form in CourseForm.allCases where form != .concentrated {
      let status = HourAccounting.status(
        of: once, for: member, credits: [credit("branch", "2026-05-05", 8, form)], in: year)
      #expect(status.concentratedCourses == 0, "\(form)")
      #expect(status.missing == ["还需参加 1 次集中培训"], "\(form)")
    }
    let trained = HourAccounting.status(
      of: once, for: member, credits: [credit("school", "2026-05-05", 2, .concentrated)], in: year)
    #expect(trained.isMet)
  }

  @Test func everyFormListedMeansNoQualifier() {
    let all = requirement("a", minHours: 10, forms: CourseForm.allCases)
    let status = HourAccounting.status(
      of: all, for: MemberProfile(role: .member, domain: .rural, joined: Self.veteran),
      credits: [credit("a", "2026-02-01", 1.5, .selfstudy)], in: rules([]).trainingYear(2026))
    #expect(status.missing == ["还需 8.5 学时"])
    #expect(status.countedForms == nil)
  }

  @Test func minConcentratedCountsDistinctCourses() {
    let twice = requirement("t", minConcentrated: 2)
    let member = MemberProfile(role: .secretary, domain: .rural, joined: Self.veteran)
    let year = rules([]).trainingYear(2026)
    let oneCourseTwoDays = [
      credit("school", "2026-03-01", 8, .concentrated),
      credit("school", "2026-03-02", 8, .concentrated),
      credit("field", "2026-03-03", 8, .onsite),
    ]
    let status = HourAccounting.status(
      of: twice, for: member, credits: oneCourseTwoDays, in: year)
    #expect(status.concentratedCourses == 1)
    #expect(status.missing == ["还需参加 1 次集中培训"])
    let met = HourAccounting.status(
      of: twice, for: member,
      credits: oneCourseTwoDays + [credit("other", "2026-05-01", 2, .concentrated)], in: year)
    #expect(met.isMet)
    #expect(met.missing.isEmpty)
  }

  @Test func targetIsTheLargestMinimumAndCountedHoursFollowIt() {
    let quanzhouLike = rules([
      requirement("all", minHours: 16),
      requirement("leaders", roles: [.secretary], minHours: 24),
      requirement("school", roles: [.secretary], minHours: 56, forms: [.concentrated]),
      requirement("count-only", roles: [.secretary], minConcentrated: 1),
    ])
    let secretary = MemberProfile(role: .secretary, domain: .rural, joined: Self.veteran)
    let progress = quanzhouLike.progress(
      of: secretary,
      credits: [
        credit("a", "2026-02-01", 30, .remote, category: "ideals"),
        credit("b", "2026-03-01", 10, .concentrated, category: "farming"),
        credit("c", "2026-04-01", 2, .remote, category: "farming"),
      ],
      in: quanzhouLike.trainingYear(2026))
    #expect(progress.target == StudyHours(56))
    #expect(progress.creditedHours == StudyHours(42))
    #expect(progress.countedHours == StudyHours(10))
    #expect(progress.hoursToTarget == StudyHours(46))
    #expect(progress.requirements.map(\.isMet) == [true, true, false, true])
    #expect(progress.hoursByForm == [.remote: StudyHours(32), .concentrated: StudyHours(10)])
    #expect(progress.hoursByCategory == ["ideals": StudyHours(30), "farming": StudyHours(12)])
    #expect(progress.missingSummary == "要求school：还需 46 学时（只计集中培训）")
    #expect(!progress.isComplete)
  }

  @Test func noApplicableRequirementMeansNoTarget() {
    let onlyRural = rules([requirement("rural", domains: [.rural], minHours: 16)])
    let retired = MemberProfile(role: .member, domain: .retired, joined: Self.veteran)
    let progress = onlyRural.progress(
      of: retired, credits: [credit("a", "2026-02-01", 3, .remote)],
      in: onlyRural.trainingYear(2026))
    #expect(progress.target == nil)
    #expect(progress.requirements.isEmpty)
    // Nothing applies: its own state, never counted as met.
    #expect(progress.standing == .noRequirement)
    #expect(!progress.isComplete)
    #expect(progress.unmet.isEmpty)
    #expect(progress.countedHours == StudyHours(3))
    #expect(progress.missingSummary == "")
    #expect(progress.targetStatus == nil)
    #expect(progress.uncountedHoursByForm.isEmpty)
  }

  @Test func standingOfARequirementWithoutHours() {
    let once = rules([requirement("once", minConcentrated: 1)])
    let member = MemberProfile(role: .member, domain: .rural, joined: Self.veteran)
    let year = once.trainingYear(2026)
    #expect(once.progress(of: member, credits: [], in: year).standing == .unmet)
    let met = once.progress(
      of: member, credits: [credit("a", "2026-02-01", 2, .concentrated)], in: year)
    #expect(met.standing == .met)
    #expect(met.isComplete)
    #expect(met.target == nil)
  }

  @Test func recordYearsRunFromTheFirstCreditToTheLastAndIncludeTheCurrentYear() {
    let plain = rules([])
    let longAgo = day("2000-07-01")
    #expect(
      HourAccounting.recordYears(of: [], joined: longAgo, rules: plain, current: 2026)
        == 2026...2026)
    let credits = [
      credit("a", "2023-05-01", 1, .remote), credit("b", "2025-12-31", 1, .remote),
    ]
    #expect(
      HourAccounting.recordYears(of: credits, joined: longAgo, rules: plain, current: 2026)
        == 2023...2026)
    #expect(
      HourAccounting.recordYears(
        of: [credit("c", "2027-02-01", 1, .remote)], joined: longAgo, rules: plain, current: 2026)
        == 2026...2027)
    // A training year from September: 2026-03-01 belongs to training year 2025.
    #expect(
      HourAccounting.recordYears(
        of: [credit("d", "2026-03-01", 1, .remote)], joined: longAgo,
        rules: rules([], start: (9, 1)), current: 2026) == 2025...2026)
  }

  /// Never before the year the member joined (review 1, findings 4 and 5: a credit typed as
  /// 1026 made a record of a thousand years, all 未达到).
  @Test func recordYearsStartNoEarlierThanTheYearTheMemberJoined() {
    let plain = rules([])
    let typo = [credit("a", "1026-04-10", 1, .remote), credit("b", "2026-04-10", 1, .remote)]
    #expect(
      HourAccounting.recordYears(of: typo, joined: day("2015-03-01"), rules: plain, current: 2026)
        == 2026...2026)
    #expect(
      HourAccounting.recordYears(of: [], joined: day("2026-02-01"), rules: plain, current: 2026)
        == 2026...2026)
    // Joined after the year asked for as current: their record starts when they joined.
    #expect(
      HourAccounting.recordYears(of: [], joined: day("2027-01-03"), rules: plain, current: 2026)
        == 2027...2027)
    // Joined 2026-08-01 under a September year: training year 2025, credited then.
    #expect(
      HourAccounting.recordYears(
        of: [credit("c", "2024-10-01", 1, .remote), credit("d", "2026-08-20", 1, .remote)],
        joined: day("2026-08-01"), rules: rules([], start: (9, 1)), current: 2026)
        == 2025...2026)
  }

  @Test func summaryListsEveryUnmetRequirement() {
    let both = rules([
      requirement("a", minHours: 32),
      requirement("b", roles: [.committee], minHours: 56, minConcentrated: 1),
    ])
    let progress = both.progress(
      of: MemberProfile(role: .committee, domain: .community, joined: Self.veteran),
      credits: [credit("x", "2026-06-01", 24, .remote)], in: both.trainingYear(2026))
    #expect(progress.missingSummary == "要求a：还需 8 学时；要求b：还需 32 学时，还需参加 1 次集中培训")
  }
}
