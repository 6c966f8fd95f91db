import Testing

@testable import Catalog

/// Every requirement of `data/rules.toml` and `data/rules-quanzhou-2010.toml`, met and unmet.
@Suite struct ShippedRulesTests {
  static let veteran = day("2005-07-01")
  static let newcomer = day("2026-04-01")

  func progress(
    _ rules: Rules, _ role: MemberRole, _ domain: MemberDomain, joined: LocalDate = veteran,
    floating: Bool = false, _ credits: [Credit] = []
  ) -> YearProgress {
    rules.progress(
      of: MemberProfile(role: role, domain: domain, joined: joined, floating: floating),
      credits: credits, in: rules.trainingYear(2026))
  }

  func status(_ progress: YearProgress, _ id: String) -> RequirementStatus? {
    progress.requirements.first { $0.requirement.id == id }
  }

  /// Credits that exactly meet a requirement: its hours in the first form it counts, plus its
  /// concentrated courses, dated inside its period.
  func meeting(_ requirement: Requirement, from start: LocalDate) -> [Credit] {
    var credits: [Credit] = []
    for index in 0..<(requirement.minConcentrated ?? 0) {
      credits.append(
        Credit(
          courseID: "meet-concentrated-\(index)", courseTitle: "集中", categoryID: "c",
          date: start.adding(days: 10 + index), hours: StudyHours(halves: 1),
          form: .concentrated, source: "test"))
    }
    let counted = credits.filter {
      requirement.forms.isEmpty || requirement.forms.contains($0.form)
    }
    .reduce(StudyHours.zero) { $0 + $1.hours }
    if let minimum = requirement.minHours, counted < minimum {
      credits.append(
        Credit(
          courseID: "meet-hours", courseTitle: "学时", categoryID: "c", date: start.adding(days: 5),
          hours: minimum - counted, form: requirement.forms.first ?? .selfstudy, source: "test"))
    }
    return credits
  }

  @Test(arguments: [nil, "rules-quanzhou-2010.toml"])
  func everyRequirementAppliesToItsMembersAndIsMetExactly(file: String?) throws {
    let rules = try ShippedRules.load(file).rules
    #expect(!rules.requirements.isEmpty)
    for requirement in rules.requirements {
      let role = requirement.roles.first ?? .member
      let domain = requirement.domains.first ?? .rural
      let joined = requirement.newMember ? Self.newcomer : Self.veteran
      let floating = requirement.floating ?? false
      func progress(
        _ rules: Rules, _ role: MemberRole, _ domain: MemberDomain, joined: LocalDate,
        _ credits: [Credit] = []
      ) -> YearProgress {
        self.progress(rules, role, domain, joined: joined, floating: floating, credits)
      }
      let nothing = progress(rules, role, domain, joined: joined)
      let unmet = try #require(status(nothing, requirement.id), "\(requirement.id)")
      #expect(!unmet.isMet, "\(requirement.id)")
      #expect(!unmet.missing.isEmpty, "\(requirement.id)")
      if let minimum = requirement.minHours {
        #expect(unmet.missingHours == minimum, "\(requirement.id)")
        #expect(unmet.missing[0].hasPrefix("还需 \(minimum) 学时"), "\(requirement.id)")
      }
      if let count = requirement.minConcentrated, count > 0 {
        #expect(unmet.missing.last == "还需参加 \(count) 次集中培训", "\(requirement.id)")
      }
      let start = requirement.newMember ? joined : rules.trainingYear(2026).start
      let met = progress(rules, role, domain, joined: joined, meeting(requirement, from: start))
      #expect(status(met, requirement.id)?.isMet == true, "\(requirement.id)")
      // Half an hour short.
      if let minimum = requirement.minHours {
        var short = meeting(requirement, from: start)
        if let index = short.firstIndex(where: { $0.courseID == "meet-hours" }) {
          short[index].hours = short[index].hours - StudyHours(halves: 1)
        }
        let almost = progress(rules, role, domain, joined: joined, short)
        #expect(status(almost, requirement.id)?.missingHours == StudyHours(halves: 1))
        #expect(status(almost, requirement.id)?.countedHours == minimum - StudyHours(halves: 1))
      }
      // Other roles and domains do not get it.
      for other in MemberRole.allCases where !requirement.roles.isEmpty {
        if !requirement.roles.contains(other) {
          #expect(status(progress(rules, other, domain, joined: joined), requirement.id) == nil)
        }
      }
      for other in MemberDomain.allCases where !requirement.domains.isEmpty {
        if !requirement.domains.contains(other) {
          #expect(status(progress(rules, role, other, joined: joined), requirement.id) == nil)
        }
      }
      if requirement.newMember {
        #expect(status(progress(rules, role, domain, joined: Self.veteran), requirement.id) == nil)
      }
      if let floating = requirement.floating {
        let other = self.progress(rules, role, domain, joined: joined, floating: !floating)
        #expect(status(other, requirement.id) == nil, "\(requirement.id)")
      }
      // Forms it does not count leave its hours short.
      if let minimum = requirement.minHours, !requirement.forms.isEmpty,
        let excluded = CourseForm.allCases.first(where: { !requirement.forms.contains($0) })
      {
        let wrongForm = [
          Credit(
            courseID: "wrong-form", courseTitle: "x", categoryID: "c", date: start.adding(days: 3),
            hours: minimum, form: excluded, source: "test")
        ]
        let status = status(
          progress(rules, role, domain, joined: joined, wrongForm), requirement.id)
        #expect(status?.countedHours == .zero, "\(requirement.id)")
      }
    }
  }

  // MARK: data/rules.toml (2014-2018 national plan)

  @Test func nationalPlanMember() throws {
    let rules = try ShippedRules.load().rules
    let member = progress(
      rules, .member, .rural,
      [credit("a", "2026-03-01", 20, .remote), credit("b", "2026-05-01", 4, .selfstudy)])
    #expect(member.requirements.map(\.requirement.id) == ["member-annual"])
    #expect(member.target == StudyHours(32))
    #expect(member.creditedHours == StudyHours(24))
    #expect(member.countedHours == StudyHours(20))
    #expect(member.requirements[0].missing == ["还需 12 学时（不计自学）"])
    #expect(member.missingSummary == "党员年度集中学习培训：还需 12 学时（不计自学）")
    #expect(member.uncountedHoursByForm.map(\.form) == [.selfstudy])
  }

  /// The plan's 32 and 56 are 集中学习培训 hours: every organised form counts, individual
  /// self-study does not (it is recorded and shown apart).
  @Test func nationalPlanCountsEveryOrganisedFormButSelfStudy() throws {
    let rules = try ShippedRules.load().rules
    for form in CourseForm.allCases {
      let member = progress(rules, .member, .rural, [credit("a", "2026-03-01", 32, form)])
      #expect(member.isComplete == (form != .selfstudy), "\(form)")
    }
  }

  @Test func nationalPlanSecretaryWithOnlySelfStudyCountsNothingToward56() throws {
    let rules = try ShippedRules.load().rules
    let secretary = progress(
      rules, .secretary, .rural,
      [credit("read", "2026-03-01", 4, .selfstudy), credit("notes", "2026-04-01", 3, .selfstudy)])
    #expect(secretary.creditedHours == StudyHours(7))
    #expect(secretary.target == StudyHours(56))
    #expect(secretary.countedHours == .zero)
    #expect(secretary.hoursToTarget == StudyHours(56))
    #expect(
      status(secretary, "leader-annual")?.missing == ["还需 56 学时（不计自学）", "还需参加 1 次集中培训"])
    #expect(secretary.standing == .unmet)
  }

  /// A branch activity (集体学习, such as 主题党日) is not 至少参加1次集中培训.
  @Test func nationalPlanGroupStudyIsNotAConcentratedTraining() throws {
    let rules = try ShippedRules.load().rules
    let credits = [
      credit("remote", "2026-02-01", 50, .remote),
      credit("theme-day", "2026-05-05", 1.5, .group), credit("micro", "2026-06-01", 1, .group),
      credit("lecture", "2026-07-01", 2, .group), credit("oath", "2026-07-01", 1.5, .group),
    ]
    let leader = progress(rules, .committee, .community, credits)
    #expect(leader.countedHours == StudyHours(56))
    #expect(status(leader, "leader-annual")?.concentratedCourses == 0)
    #expect(status(leader, "leader-annual")?.missing == ["还需参加 1 次集中培训"])
    #expect(!leader.isComplete)
    let trained = progress(
      rules, .committee, .community, credits + [credit("school", "2026-09-16", 3, .concentrated)])
    #expect(trained.isComplete)
  }

  @Test func nationalPlanSecretaryNeeds56AndOneConcentratedTraining() throws {
    let rules = try ShippedRules.load().rules
    for role in [MemberRole.secretary, .committee] {
      let leader = progress(rules, role, .community, [credit("a", "2026-03-01", 56, .remote)])
      #expect(leader.requirements.map(\.requirement.id) == ["member-annual", "leader-annual"])
      #expect(leader.target == StudyHours(56))
      #expect(status(leader, "member-annual")?.isMet == true)
      #expect(status(leader, "leader-annual")?.missing == ["还需参加 1 次集中培训"])
      let done = progress(
        rules, role, .community,
        [credit("a", "2026-03-01", 54, .remote), credit("b", "2026-04-01", 2, .concentrated)])
      #expect(done.isComplete)
    }
  }

  @Test func nationalPlanNewMemberNeedsOneConcentratedTrainingInTheFirstYear() throws {
    let rules = try ShippedRules.load().rules
    let fresh = progress(
      rules, .member, .student, joined: day("2026-04-01"), [credit("a", "2026-05-01", 32, .remote)])
    #expect(fresh.requirements.map(\.requirement.id) == ["member-annual", "new-member"])
    #expect(fresh.target == StudyHours(32))
    #expect(status(fresh, "new-member")?.missing == ["还需参加 1 次集中培训"])
    #expect(fresh.missingSummary == "新党员入党后一年内集中培训：还需参加 1 次集中培训")
    // A concentrated course before joining does not count.
    let early = progress(
      rules, .member, .student, joined: day("2026-04-01"),
      [credit("a", "2026-05-01", 32, .remote), credit("b", "2026-03-31", 2, .concentrated)])
    #expect(status(early, "new-member")?.isMet == false)
  }

  // MARK: data/rules-quanzhou-2010.toml

  @Test func quanzhouTargetsByDomainAndRole() throws {
    let rules = try ShippedRules.load("rules-quanzhou-2010.toml").rules
    let expected: [(MemberRole, MemberDomain, Int?)] = [
      (.member, .rural, 16), (.member, .community, 16), (.committee, .rural, 24),
      (.secretary, .rural, 56), (.secretary, .community, 56),
      (.member, .government, 24), (.member, .institution, 24), (.committee, .government, 40),
      (.secretary, .institution, 40), (.member, .soe, 24), (.committee, .soe, 40),
      (.member, .private, 16), (.member, .social, 16), (.committee, .private, 24),
      (.secretary, .social, 40), (.member, .student, 16), (.member, .school, 24),
      (.committee, .school, 40), (.member, .retired, nil), (.secretary, .retired, nil),
    ]
    for (role, domain, target) in expected {
      #expect(
        progress(rules, role, domain).target == target.map { StudyHours($0) },
        "\(role) \(domain)")
    }
    // Floating members: their own minimums, whatever domain they are registered in.
    for domain in MemberDomain.allCases {
      #expect(progress(rules, .member, domain, floating: true).target == StudyHours(16))
      #expect(progress(rules, .committee, domain, floating: true).target == StudyHours(24))
      #expect(progress(rules, .secretary, domain, floating: true).target == StudyHours(24))
    }
  }

  /// Seed 002: teachers are staff of 事业单位 (24, leadership 40); floating members 16
  /// (their committee members 24), counted apart from their domain.
  @Test func quanzhouTeacherAndFloatingMemberGetTheirSeedTargets() throws {
    let rules = try ShippedRules.load("rules-quanzhou-2010.toml").rules
    let teacher = progress(rules, .member, .school)
    #expect(teacher.requirements.map(\.requirement.id) == ["government-institution-member"])
    #expect(teacher.target == StudyHours(24))
    let headmaster = progress(rules, .secretary, .school)
    #expect(headmaster.target == StudyHours(40))
    let floating = progress(rules, .member, .private, floating: true)
    #expect(floating.requirements.map(\.requirement.id) == ["floating-member"])
    #expect(floating.target == StudyHours(16))
    let floatingCommittee = progress(rules, .committee, .rural, floating: true)
    #expect(
      floatingCommittee.requirements.map(\.requirement.id) == [
        "floating-member", "floating-committee",
      ])
    #expect(floatingCommittee.target == StudyHours(24))
    let met = progress(
      rules, .member, .private, floating: true, [credit("a", "2026-02-24", 16, .online)])
    #expect(met.standing == .met)
    // A new floating member also has the first-year training.
    let newcomer = progress(rules, .member, .private, joined: day("2026-03-01"), floating: true)
    #expect(newcomer.requirements.map(\.requirement.id) == ["floating-member", "new-member"])
  }

  /// Seed 002 sets no hours for retired members: nothing applies, and that is not 达到.
  @Test func quanzhouRetiredMemberHasNoApplicableRequirement() throws {
    let rules = try ShippedRules.load("rules-quanzhou-2010.toml").rules
    let retired = progress(rules, .member, .retired, [credit("a", "2026-10-16", 2, .group)])
    #expect(retired.requirements.isEmpty)
    #expect(retired.standing == .noRequirement)
    #expect(!retired.isComplete)
    #expect(retired.creditedHours == StudyHours(2))
  }

  @Test func quanzhouVillageSecretaryCountsOnlyConcentratedHoursFor56() throws {
    let rules = try ShippedRules.load("rules-quanzhou-2010.toml").rules
    let secretary = progress(
      rules, .secretary, .rural,
      [
        credit("remote", "2026-02-01", 30, .remote),
        credit("school", "2026-11-01", 16, .concentrated),
      ])
    #expect(
      secretary.requirements.map(\.requirement.id) == [
        "rural-community-member", "rural-community-committee", "rural-community-secretary",
      ])
    #expect(secretary.creditedHours == StudyHours(46))
    #expect(secretary.countedHours == StudyHours(16))
    #expect(status(secretary, "rural-community-member")?.isMet == true)
    #expect(status(secretary, "rural-community-committee")?.isMet == true)
    #expect(status(secretary, "rural-community-secretary")?.missing == ["还需 40 学时（只计集中培训）"])
  }

  @Test func quanzhouTwoNewSecretaryNeeds40ConcentratedAndOneTraining() throws {
    let rules = try ShippedRules.load("rules-quanzhou-2010.toml").rules
    let nothing = progress(rules, .secretary, .private)
    #expect(
      status(nothing, "twonew-secretary")?.missing == ["还需 40 学时（只计集中培训）", "还需参加 1 次集中培训"])
    let done = progress(rules, .secretary, .private, [credit("a", "2026-06-01", 40, .concentrated)])
    #expect(done.isComplete)
  }

  @Test func quanzhouNewMemberNeeds24ConcentratedHours() throws {
    let rules = try ShippedRules.load("rules-quanzhou-2010.toml").rules
    let fresh = progress(
      rules, .member, .rural, joined: day("2026-09-01"),
      [credit("a", "2026-10-01", 8, .concentrated), credit("b", "2026-10-02", 20, .remote)])
    #expect(fresh.target == StudyHours(24))
    #expect(fresh.countedHours == StudyHours(8))
    #expect(status(fresh, "rural-community-member")?.isMet == true)
    #expect(status(fresh, "new-member")?.missing == ["还需 16 学时（只计集中培训）"])
    // The first year runs on into 2027: a training there completes it, in the 2027 report too.
    let next = rules.progress(
      of: MemberProfile(role: .member, domain: .rural, joined: day("2026-09-01")),
      credits: [
        credit("a", "2026-10-01", 8, .concentrated), credit("c", "2027-03-01", 16, .concentrated),
      ],
      in: rules.trainingYear(2027))
    #expect(next.requirements.first { $0.requirement.id == "new-member" }?.isMet == true)
  }
}
