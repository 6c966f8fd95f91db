import Foundation
import GRDB
import Testing

@testable import Catalog

/// Make-ups with their reason, credits taken back with an audit entry, the audit trail, and
/// the schema step that added them.
@Suite struct CreditCorrectionTests {
  @Test(arguments: RecordsEngineKind.all)
  func aMakeUpKeepsItsReasonAndIsAudited(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1"), draft("2")])
    let outcome = try store.credit(
      course: course("c", hours: 3), date: day("2026-03-19"), rules: testRules,
      memberIDs: ["1", "2"],
      source: "补学登记 2026-03-19", reason: "生病缺席", recordedBy: "admin")
    #expect(outcome.credited == ["1", "2"])
    let credit = try #require(try store.credits(of: "1").first)
    #expect(credit.reason == "生病缺席")
    #expect(credit.source == "补学登记 2026-03-19")
    let entries = try store.auditEntries()
    #expect(entries.map(\.action) == [.makeUpCredited, .makeUpCredited])
    #expect(entries.map(\.memberID) == ["1", "2"])
    #expect(entries.map(\.reason) == ["生病缺席", "生病缺席"])
    #expect(entries.map(\.actor) == ["admin", "admin"])
    #expect(entries[0].credit?.courseID == "c")
    #expect(entries[0].credit?.hours == StudyHours(3))
    #expect(entries[0].credit?.reason == "生病缺席")
    // Again: already there, nothing new credited or audited.
    _ = try store.credit(
      course: course("c", hours: 3), date: day("2026-03-19"), rules: testRules, memberIDs: ["1"],
      source: "s",
      reason: "又一次")
    #expect(try store.auditEntries().count == 2)
    // Ordinary attendance keeps no reason and is not audited.
    _ = try store.credit(
      course: course("d"), date: day("2026-04-01"), rules: testRules, memberIDs: ["1"], source: "s")
    #expect(try store.credits(of: "1").last?.reason == nil)
    #expect(try store.auditEntries().count == 2)
    #expect(throws: RecordsError.reasonRequired) {
      _ = try store.credit(
        course: course("e"), date: day("2026-04-01"), rules: testRules, memberIDs: ["1"],
        source: "s", reason: " ")
    }
  }

  @Test(arguments: RecordsEngineKind.all)
  func undoRemovesExactlyTheNamedCreditsAndLeavesAnAuditEntryEach(_ engine: RecordsEngineKind)
    throws
  {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1"), draft("2"), draft("3")])
    _ = try store.credit(
      course: course("c", hours: 3, form: .concentrated), date: day("2026-03-18"),
      rules: testRules, memberIDs: ["1", "2", "3"], source: "考勤登记 2026-03-18", recordedBy: "clerk")
    _ = try store.credit(
      course: course("c", hours: 3), date: day("2026-09-16"), rules: testRules, memberIDs: ["1"],
      source: "s")
    _ = try store.credit(
      course: course("other"), date: day("2026-03-18"), rules: testRules, memberIDs: ["1"],
      source: "s")
    temporary.clock.advance(by: 60)
    let removed = try store.removeCredits(
      courseID: "c", date: day("2026-03-18"), memberIDs: ["2", "1", "2"], reason: "登记错了",
      actor: "admin")
    #expect(removed.map(\.memberID) == ["2", "1"])
    #expect(removed.map(\.credit.source) == ["考勤登记 2026-03-18", "考勤登记 2026-03-18"])
    // Exactly those: member 1 keeps the other day and the other course, 3 keeps its credit.
    #expect(
      try store.credits(of: "1").map { "\($0.courseID) \($0.date)" } == [
        "other 2026-03-18", "c 2026-09-16",
      ])
    #expect(try store.credits(of: "2").isEmpty)
    #expect(try store.credits(of: "3").count == 1)
    let entries = try store.auditEntries()
    #expect(entries.map(\.action) == [.creditRemoved, .creditRemoved])
    #expect(entries.map(\.memberID) == ["2", "1"])
    #expect(entries.map(\.actor) == ["admin", "admin"])
    #expect(entries.map(\.reason) == ["登记错了", "登记错了"])
    let content = try #require(entries[0].credit)
    #expect(content.courseID == "c")
    #expect(content.courseTitle == "课程c")
    #expect(content.date == day("2026-03-18"))
    #expect(content.hours == StudyHours(3))
    #expect(content.form == .concentrated)
    #expect(content.recordedBy == "clerk")
    #expect(content.recordedAt != nil)
    #expect(entries[0].detail.contains("\"course_id\":\"c\""))
    #expect(try store.auditEntries(memberID: "1").count == 1)
    #expect(try store.auditEntries(memberID: "3").isEmpty)
    // The credit can be recorded again afterwards.
    let again = try store.credit(
      course: course("c", hours: 3), date: day("2026-03-18"), rules: testRules, memberIDs: ["2"],
      source: "s")
    #expect(again.credited == ["2"])
  }

  @Test(arguments: RecordsEngineKind.all)
  func undoOfAnUnknownMemberOrAMissingCreditWritesNothing(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1"), draft("2")])
    _ = try store.credit(
      course: course("c"), date: day("2026-03-18"), rules: testRules, memberIDs: ["1"], source: "s")
    #expect(throws: RecordsError.unknownMembers(["9"])) {
      _ = try store.removeCredits(
        courseID: "c", date: day("2026-03-18"), memberIDs: ["1", "9"], reason: "r")
    }
    #expect(
      throws: RecordsError.noSuchCredits(courseID: "c", date: day("2026-03-18"), memberIDs: ["2"])
    ) {
      _ = try store.removeCredits(
        courseID: "c", date: day("2026-03-18"), memberIDs: ["1", "2"], reason: "r")
    }
    #expect(
      throws: RecordsError.noSuchCredits(courseID: "c", date: day("2026-03-19"), memberIDs: ["1"])
    ) {
      _ = try store.removeCredits(
        courseID: "c", date: day("2026-03-19"), memberIDs: ["1"], reason: "r")
    }
    #expect(throws: RecordsError.reasonRequired) {
      _ = try store.removeCredits(
        courseID: "c", date: day("2026-03-18"), memberIDs: ["1"], reason: "")
    }
    #expect(try store.credits(of: "1").count == 1)
    #expect(try store.auditEntries().isEmpty)
  }

  @Test(arguments: RecordsEngineKind.all)
  func auditSinceAMoment(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1")])
    for date in ["2026-03-01", "2026-03-02"] {
      _ = try store.credit(
        course: course("c"), date: day(date), rules: testRules, memberIDs: ["1"], source: "s",
        reason: "补 \(date)")
      temporary.clock.advance(by: 86_400)
    }
    let middle = temporary.clock.now.addingTimeInterval(-86_400 - 1)
    #expect(try store.auditEntries(since: middle).map(\.reason) == ["补 2026-03-02"])
    #expect(try store.auditEntries(since: temporary.clock.now).isEmpty)
    #expect(try store.auditEntries(memberID: "1", since: middle).count == 1)
  }

  @Test func anActionFromANewerProgramIsKeptAsWritten() {
    let entry = AuditEntry(
      at: Date(timeIntervalSince1970: 0), actor: nil,
      action: AuditAction(identifier: "action-of-a-newer-program"),
      memberID: nil, reason: nil, detail: "{\"session\":\"2026-05-12\"}")
    #expect(entry.action == .other("action-of-a-newer-program"))
    #expect(entry.action.identifier == "action-of-a-newer-program")
    #expect(entry.credit == nil)
    #expect(AuditAction(identifier: "credit-removed") == .creditRemoved)
    #expect(AuditAction(identifier: "makeup-credited") == .makeUpCredited)
  }

  /// A database written by the first version gains the reason column and the audit table;
  /// its credits stay as they were.
  @Test func aVersionOneDatabaseIsMigrated() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("records-v1-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("records.sqlite").path
    do {
      let queue = try DatabaseQueue(path: path)
      try SQLiteEngine.migrator.migrate(queue, upTo: "v1 members, selections, credits")
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO member (id, name, branch, domain, role, joined, created_at, updated_at)
            VALUES ('1', '张三', '一支部', 'rural', 'member', '2010-07-01', 'x', 'x');
            INSERT INTO credit (member_id, course_id, course_title, category_id, date,
              half_hours, form, source, recorded_at, recorded_by)
            VALUES ('1', 'c', '课程', 'ideals', '2025-05-01', 4, 'remote', '考勤登记 2025-05-01',
              '2025-05-01T08:00:00.000Z', 'clerk');
            """)
      }
      try queue.close()
    }
    let store = try RecordsStore(path: path)
    defer { try? store.close() }
    let credit = try #require(try store.credits(of: "1").first)
    #expect(credit.reason == nil)
    #expect(credit.hours == StudyHours(2))
    _ = try store.removeCredits(
      courseID: "c", date: day("2025-05-01"), memberIDs: ["1"], reason: "重复登记")
    #expect(try store.credits(of: "1").isEmpty)
    #expect(try store.auditEntries().first?.credit?.source == "考勤登记 2025-05-01")
  }
}
