import Testing

@testable import Catalog

/// 为我推荐: fit, credited courses left out, unmet requirements first, reasons in words.
@Suite struct RecommenderTests {
  static let here = SourceLocation(path: "t.toml", line: 1, column: 1)
  static let veteran = day("2005-07-01")

  static func course(
    _ id: String, _ form: CourseForm, hours: Int = 2, kind: CourseKind = .elective,
    audience: [MemberDomain] = [], roles: [MemberRole] = [], sessions: [String] = []
  ) -> Course {
    Course(
      id: id, title: "课程\(id)", categoryID: "c", hours: StudyHours(hours), kind: kind,
      form: form, summary: "简介", audience: audience, roles: roles,
      sessions: sessions.map { CourseSession(date: day($0), place: "村部", location: here) },
      location: here)
  }

  static func requirement(
    _ id: String, roles: [MemberRole] = [], minHours: Int? = nil, minConcentrated: Int? = nil,
    forms: [CourseForm] = []
  ) -> Requirement {
    Requirement(
      id: id, title: "要求\(id)", roles: roles, minHours: minHours.map { StudyHours($0) },
      minConcentrated: minConcentrated, forms: forms, location: here)
  }

  /// Members need 32 hours of any form; secretaries 56 and one concentrated course.
  static let rules = Rules(
    requirements: [
      requirement("member", minHours: 32),
      requirement("leader", roles: [.secretary, .committee], minHours: 56, minConcentrated: 1),
    ], path: "r.toml")

  static let courses = [
    course("remote", .remote),
    course("rural-only", .selfstudy, audience: [.rural]),
    course("city-only", .selfstudy, audience: [.community]),
    course("leaders", .onsite, roles: [.secretary, .committee]),
    course("camp", .concentrated, sessions: ["2026-10-01"]),
    course("oath", .onsite, kind: .required),
    course("past", .concentrated, sessions: ["2026-01-05"]),
  ]

  static func catalog(rules: Rules = rules, courses: [Course] = courses) -> Catalog {
    Catalog(
      title: "目录", issuer: "县委组织部", year: 2026,
      categories: [Category(id: "c", title: "类别", location: here)], courses: courses,
      rules: rules)
  }

  func recommend(
    _ role: MemberRole, _ domain: MemberDomain, credits: [Credit] = [], rules: Rules = rules,
    courses: [Course] = courses, selected: Set<String> = [], today: LocalDate? = day("2026-03-01")
  ) -> [Recommendation] {
    let catalog = Self.catalog(rules: rules, courses: courses)
    let progress = rules.progress(
      of: MemberProfile(role: role, domain: domain, joined: Self.veteran), credits: credits,
      in: rules.trainingYear(2026))
    return Recommender.recommendations(
      for: progress, catalog: catalog, selected: selected, today: today)
  }

  @Test func onlyCoursesForTheMembersDomainAndRole() {
    let ids = recommend(.member, .rural).map(\.courseID)
    #expect(ids.contains("rural-only"))
    #expect(!ids.contains("city-only"))
    #expect(!ids.contains("leaders"))
    let secretary = recommend(.secretary, .community).map(\.courseID)
    #expect(secretary.contains("leaders"))
    #expect(secretary.contains("city-only"))
    #expect(!secretary.contains("rural-only"))
  }

  @Test func creditedCoursesAreLeftOutButSelectedOnesAreMarked() {
    let credits = [credit("remote", "2026-02-01", 2, .remote)]
    let list = recommend(.member, .rural, credits: credits, selected: ["oath"])
    #expect(!list.map(\.courseID).contains("remote"))
    #expect(list.first { $0.courseID == "oath" }?.isSelected == true)
    #expect(list.first { $0.courseID == "camp" }?.isSelected == false)
    // A credit from an earlier training year does not count as done this year.
    let lastYear = [credit("remote", "2025-06-01", 2, .remote)]
    #expect(recommend(.member, .rural, credits: lastYear).map(\.courseID).contains("remote"))
  }

  @Test func aCourseWhoseSessionsAreAllOverIsLeftOut() {
    let ids = recommend(.member, .rural).map(\.courseID)
    #expect(!ids.contains("past"))
    #expect(
      recommend(.member, .rural).first { $0.courseID == "camp" }?.nextSession?.date
        == day("2026-10-01"))
    #expect(recommend(.member, .rural, today: nil).map(\.courseID).contains("past"))
  }

  @Test func aConcentratedCourseComesFirstWhileOneIsMissing() {
    let list = recommend(.secretary, .rural)
    #expect(list.first?.courseID == "camp")
    #expect(list.first?.reason == .concentratedMissing(requirement: "要求leader", missing: 1))
    #expect(list.first?.text == "集中培训：还需参加 1 次集中培训（要求leader）")
    // Then the hours: required before elective, meant for the member before general, then
    // menu order.
    #expect(list.dropFirst().map(\.courseID) == ["oath", "rural-only", "leaders", "remote"])
    #expect(
      list[1].reason == .hoursMissing(requirement: "要求leader", missingHours: StudyHours(56)))
    #expect(list[1].text == "学时计入“要求leader”，还差 56 学时")
  }

  @Test func withTheConcentratedCourseDoneOnlyHoursRemain() {
    let credits = [credit("past", "2026-01-05", 8, .concentrated)]
    let list = recommend(.secretary, .rural, credits: credits)
    #expect(list.allSatisfy { $0.reason.tier == 1 })
    #expect(
      list.first?.reason == .hoursMissing(requirement: "要求leader", missingHours: StudyHours(48)))
  }

  @Test func formsThatCountTowardAnUnmetMinimumComeFirst() {
    let rules = Rules(
      requirements: [Self.requirement("onsite-only", minHours: 8, forms: [.onsite])],
      path: "r.toml")
    let list = recommend(.member, .rural, rules: rules)
    #expect(list.first?.courseID == "oath")
    #expect(list.filter { $0.reason.tier == 1 }.map(\.courseID) == ["oath"])
    // The others have no requirement to help; they say why they fit.
    #expect(list.first { $0.courseID == "rural-only" }?.reason == .forDomain(.rural))
    #expect(list.first { $0.courseID == "rural-only" }?.text == "专为农村党员开设")
    #expect(list.first { $0.courseID == "remote" }?.reason == .general)
  }

  @Test func onceEveryRequirementIsMetTheRestStillFitWithTheirReasons() {
    let credits = [
      credit("x1", "2026-01-10", 56, .remote), credit("x2", "2026-01-11", 1, .concentrated),
    ]
    let list = recommend(.secretary, .rural, credits: credits)
    #expect(list.allSatisfy { $0.reason.tier == 2 })
    #expect(list.first?.courseID == "oath")
    #expect(list.first?.reason == .required)
    #expect(list.first { $0.courseID == "leaders" }?.reason == .forRole(.secretary))
    #expect(list.first { $0.courseID == "leaders" }?.text == "专为书记开设")
  }

  @Test func theShippedCatalogRecommendsAConcentratedCourseToASecretaryFirst() throws {
    let catalog = try ShippedRules.load()
    let secretary = MemberProfile(role: .secretary, domain: .rural, joined: Self.veteran)
    let progress = catalog.rules.progress(
      of: secretary, credits: [], in: catalog.rules.trainingYear(catalog.year))
    let list = Recommender.recommendations(
      for: progress, catalog: catalog, today: LocalDate(year: catalog.year, month: 1, day: 1))
    let first = try #require(list.first)
    #expect(catalog.courses[first.courseIndex].form == .concentrated)
    #expect(first.courseID == catalog.courses[first.courseIndex].id)
    guard case .concentratedMissing = first.reason else {
      Issue.record("expected a concentrated course first, got \(first.reason)")
      return
    }
    for recommendation in list {
      let course = catalog.courses[recommendation.courseIndex]
      #expect(Recommender.fits(course, secretary))
    }
    // A student member never sees a course meant only for rural members.
    let student = MemberProfile(role: .member, domain: .student, joined: Self.veteran)
    let studentList = Recommender.recommendations(
      for: catalog.rules.progress(
        of: student, credits: [], in: catalog.rules.trainingYear(catalog.year)),
      catalog: catalog)
    #expect(
      studentList.allSatisfy {
        let audience = catalog.courses[$0.courseIndex].audience
        return audience.isEmpty || audience.contains(.student)
      })
    #expect(!studentList.isEmpty)
  }
}
