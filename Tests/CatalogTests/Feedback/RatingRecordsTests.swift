import Foundation
import GRDB
import Testing

@testable import Catalog

/// 评学 in the records: counted once per member, course and year, only for a credited course,
/// and anonymous by construction — no member id, no time and no order on the answers' side,
/// down to the bytes of the file.
@Suite struct RatingRecordsTests {
  static let evaluation = Evaluation(
    forms: [.onsite, .remote],
    questions: [
      EvaluationQuestion(id: "useful", text: "有用吗？", answers: ["没用", "用处不大", "一般", "有用", "很有用"]),
      EvaluationQuestion(id: "lively", text: "好懂吗？", answers: ["难懂", "一般", "好懂"]),
    ])
  static let year = TrainingYear(2026, rules: Rules(requirements: [], path: "rules.toml"))
  static let oath = course("ideals-oath", form: .onsite)

  /// Members 1-4 of one branch, each credited the oath course on 2026-07-01.
  static func store(_ engine: RecordsEngineKind = .sqlite) throws -> TemporaryStore {
    let temporary = try TemporaryStore(engine)
    _ = try temporary.store.importMembers((1...4).map { draft(String($0)) })
    _ = try temporary.store.credit(
      course: oath, date: day("2026-07-01"), rules: Rules(requirements: [], path: "rules.toml"),
      memberIDs: ["1", "2", "3", "4"], source: "考勤登记")
    return temporary
  }

  func rate(_ store: RecordsStore, _ member: String, useful: Int, lively: Int) throws -> Bool {
    try store.rate(
      course: Self.oath, answers: ["useful": useful, "lively": lively],
      evaluation: Self.evaluation, year: Self.year, memberID: member)
  }

  @Test(arguments: RecordsEngineKind.all)
  func aRatingIsCountedOnceAndReadBackAsCounts(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let store = temporary.store
    #expect(try rate(store, "1", useful: 5, lively: 3))
    #expect(try rate(store, "2", useful: 4, lively: 3))
    // Asked once: a second rating, or declining afterwards, changes nothing.
    #expect(try !rate(store, "1", useful: 1, lively: 1))
    #expect(try !store.declineRating(courseID: "ideals-oath", year: Self.year, memberID: "2"))
    #expect(try store.declineRating(courseID: "ideals-oath", year: Self.year, memberID: "3"))
    let ratings = try store.courseRatings(year: 2026)
    #expect(
      ratings == [
        CourseRatings(
          courseID: "ideals-oath", year: 2026, title: "课程ideals-oath", ratings: 2,
          counts: ["useful": [5: 1, 4: 1], "lively": [3: 2]])
      ])
    #expect(try store.courseRatings(year: 2025).isEmpty)
    let state = try store.feedbackState(of: "1")
    #expect(state.ratedCourses == [RatedCourse(courseID: "ideals-oath", year: 2026)])
    #expect(try store.feedbackState(of: "4").ratedCourses.isEmpty)
  }

  @Test(arguments: RecordsEngineKind.all)
  func onlyACreditedCourseOfTheYearWithFittingAnswersIsRated(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let other = course("ideals-history", form: .remote)
    #expect(throws: RecordsError.notCredited(courseID: "ideals-history", year: 2026)) {
      try store.rate(
        course: other, answers: ["useful": 5, "lively": 3], evaluation: Self.evaluation,
        year: Self.year, memberID: "1")
    }
    let lastYear = TrainingYear(2025, rules: Rules(requirements: [], path: "rules.toml"))
    #expect(throws: RecordsError.notCredited(courseID: "ideals-oath", year: 2025)) {
      try store.declineRating(courseID: "ideals-oath", year: lastYear, memberID: "1")
    }
    for answers in [["useful": 5], ["useful": 6, "lively": 3], ["useful": 5, "lively": 0]] {
      #expect(throws: RecordsError.ratingDoesNotFit) {
        try store.rate(
          course: Self.oath, answers: answers, evaluation: Self.evaluation, year: Self.year,
          memberID: "1")
      }
    }
    // A self-study course is not rated under these questions.
    #expect(throws: RecordsError.ratingDoesNotFit) {
      try store.rate(
        course: course("ideals-read", form: .selfstudy), answers: ["useful": 5, "lively": 3],
        evaluation: Self.evaluation, year: Self.year, memberID: "1")
    }
    #expect(throws: RecordsError.unknownMember("9")) {
      try store.declineRating(courseID: "ideals-oath", year: Self.year, memberID: "9")
    }
    #expect(try store.courseRatings(year: 2026).isEmpty)
    #expect(try store.feedbackState(of: "1").ratedCourses.isEmpty)
  }

  /// The answers' tables hold no member, no time and no row number; the one table with a
  /// member holds nothing but who was asked.
  @Test func theAnswersTablesHoldNothingThatLeadsToAMember() throws {
    let temporary = try Self.store()
    defer { temporary.remove() }
    _ = try rate(temporary.store, "1", useful: 5, lively: 3)
    let columns = try temporary.sqlite.pool.read { db in
      try ["rating_tally", "rating_course", "rating_prompt", "survey_tally", "survey_status"].map {
        table in
        (
          table,
          try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
        )
      }
    }
    #expect(
      columns.map(\.1) == [
        ["course_id", "training_year", "question_id", "value", "total"],
        ["course_id", "training_year", "course_title", "provider", "instructor", "ratings"],
        ["member_id", "course_id", "training_year"],
        ["training_year", "branch", "question", "choice", "total"],
        ["member_id", "training_year", "state"],
      ])
    // WITHOUT ROWID: no hidden row number that grows with each answer.
    for table in ["rating_tally", "rating_course", "rating_prompt", "survey_tally"] {
      #expect(throws: (any Error).self) {
        try temporary.sqlite.pool.read { try Row.fetchAll($0, sql: "SELECT rowid FROM \(table)") }
      }
    }
  }

  /// Who gave which answer, and who answered rather than declined, cannot be told from the
  /// records: members 1 and 2 swapping their answers (and member 3 declining where member 4
  /// answers), in the same order of events with time passing between them, leave every table
  /// the same and the database file byte for byte the same.
  @Test func swappingWhoAnsweredWhatLeavesTheSameFile() throws {
    func run(_ answers: [(String, (Int, Int)?)]) throws -> (dump: [String], bytes: Data) {
      let temporary = try Self.store()
      defer { temporary.remove() }
      // Each database has a random identity (`records copy`): the same one in every run here.
      try temporary.store.engine.write { db in
        try db.execute(sql: "UPDATE records_meta SET value = 'test' WHERE key = 'identity'")
      }
      for (member, answer) in answers {
        temporary.clock.advance(by: 3_600)
        if let (useful, lively) = answer {
          _ = try rate(temporary.store, member, useful: useful, lively: lively)
        } else {
          _ = try temporary.store.declineRating(
            courseID: "ideals-oath", year: Self.year, memberID: member)
        }
        // The log is emptied after each answer: it keeps no commit to compare.
        let wal = try? FileManager.default.attributesOfItem(atPath: temporary.path + "-wal")
        if answer != nil { #expect((wal?[.size] as? Int ?? 0) == 0) }
      }
      let dump = try temporary.sqlite.pool.read { db in
        try String.fetchAll(
          db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ).filter { !["member", "credit", "grdb_migrations", "records_meta"].contains($0) }.flatMap {
          table in
          try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2, 3").map {
            "\(table) \($0)"
          }
        }
      }
      try temporary.store.close()
      return (dump, try Data(contentsOf: URL(fileURLWithPath: temporary.path)))
    }
    // Each run makes its members and credits at the same moments, so only the answers differ.
    let first = try run([("1", (5, 3)), ("2", (1, 1)), ("3", nil), ("4", (4, 2))])
    let swapped = try run([("1", (1, 1)), ("2", (5, 3)), ("3", (4, 2)), ("4", nil)])
    #expect(first.dump == swapped.dump)
    #expect(
      first.dump.contains(
        "rating_course [course_id:\"ideals-oath\" training_year:2026 "
          + "course_title:\"课程ideals-oath\" provider:NULL instructor:NULL ratings:\"000000003\"]"))
    #expect(first.bytes == swapped.bytes)
    // The check can fail: different answers do change the file.
    let other = try run([("1", (5, 3)), ("2", (5, 3)), ("3", nil), ("4", (4, 2))])
    #expect(other.bytes != first.bytes)
  }
}
