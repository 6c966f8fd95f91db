import Testing

@testable import Catalog

@Suite struct DemoDataTests {
  @Test func demoMembersShowEveryState() throws {
    let catalog = try ShippedRules.load()
    let today = day("2026-11-21")
    let demo = try DemoData.makeDatabase(catalog: catalog, today: today)
    defer { demo.remove() }
    let store = demo.store
    let members = DemoData.members(today: today)
    #expect(members.map(\.member.id) == ["1001", "1002", "1003", "1004", "1005"])
    #expect(members.map(\.pin) == ["1111", "2222", "3333", "4444", "5555"])
    for member in members {
      guard case .ok(let stored) = try store.authenticate(member: member.member.id, pin: member.pin)
      else {
        Issue.record("\(member.member.id) cannot log in with \(member.pin)")
        continue
      }
      #expect(stored.name == member.member.name)
    }
    let year = catalog.rules.trainingYear(catalog.year)
    func progress(_ id: String) throws -> YearProgress {
      try store.progress(of: id, year: year, rules: catalog.rules)
    }
    let first = try progress("1001")
    #expect(first.creditedHours >= StudyHours(20) && first.creditedHours < StudyHours(32))
    #expect(!first.isComplete)
    let secretary = try progress("1002")
    #expect(secretary.requirements.contains { $0.missing.contains("还需参加 1 次集中培训") })
    #expect(try progress("1003").isComplete)
    let newcomer = try progress("1004")
    #expect(newcomer.requirements.contains { $0.requirement.newMember && !$0.isMet })
    #expect(try progress("1005").creditedHours == .zero)
    // 1005 studies online: part-way through one course's lessons, one failed test yesterday.
    #expect(
      try store.lessonPages(of: "1005")
        == [DemoData.lessonCourseID: DemoData.lessonPageReached])
    let attempts = try store.quizAttempts(of: "1005")
    #expect(attempts.count == 1)
    #expect(attempts.first?.courseID == DemoData.quizCourseID)
    #expect(attempts.first?.state == .finished && attempts.first?.passed == false)
    #expect(attempts.first?.day == today.adding(days: -1))
    #expect((attempts.first?.score ?? 100) < 80)
    #expect(try store.selections(of: "1001").count == 3)
    // 1001 has a record over two years: last year's requirements met.
    let lastYear = catalog.rules.trainingYear(catalog.year - 1)
    #expect(try store.progress(of: "1001", year: lastYear, rules: catalog.rules).isComplete)
    for member in members {
      for credit in try store.credits(of: member.member.id) {
        #expect(credit.date <= today)
        #expect(
          year.contains(credit.date)
            || (member.member.id == "1001" && lastYear.contains(credit.date)))
        #expect(credit.source == RecordsText.demoSource)
        #expect(credit.date >= member.member.joined)
      }
    }
  }
}
