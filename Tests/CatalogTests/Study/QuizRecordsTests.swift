import Dispatch
import Foundation
import Testing

@testable import Catalog

/// Lesson progress and test attempts in the records: the daily limit, even under parallel
/// writers; the result and the credit in one transaction; credit once per training year; the
/// item analysis by question fingerprint.
@Suite struct QuizRecordsTests {
  static let rules = Rules(requirements: [], path: "rules.toml")
  static let year = rules.trainingYear(2026)
  static let today = day("2026-03-10")

  /// A store with members 1001 and 1002.
  static func store(_ engine: RecordsEngineKind = .sqlite) throws -> TemporaryStore {
    let temporary = try TemporaryStore(engine)
    _ = try temporary.store.importMembers([draft("1001"), draft("1002")])
    return temporary
  }

  static func draw(_ quiz: Quiz, seed: UInt64 = 5) -> QuizDraw {
    var random = SeededRandom(seed: seed)
    return QuizDraw.make(for: quiz, using: &random)
  }

  /// Starts an attempt on `day`; fails the test unless it started.
  static func start(
    _ store: RecordsStore, _ course: Course, member: String = "1001", on day: LocalDate = today,
    seed: UInt64 = 5
  ) throws -> QuizTicket {
    let start = try store.startQuizAttempt(
      course: course, draw: draw(course.quiz!, seed: seed), memberID: member, day: day,
      year: rules.trainingYear(containing: day))
    guard case .started(let ticket) = start else {
      throw RecordsError.database("expected the attempt to start, got \(start)")
    }
    return ticket
  }

  static func finish(
    _ store: RecordsStore, _ ticket: QuizTicket, _ course: Course, member: String = "1001",
    wrong: Set<Int> = [], on day: LocalDate = today
  ) throws -> QuizFinish {
    try store.finishQuizAttempt(
      ticket,
      responses: QuizFixture.responses(for: ticket.draw, quiz: course.quiz!, wrong: wrong),
      course: course, memberID: member, day: day, rules: rules, recordedBy: "tester")
  }

  // MARK: Lessons

  @Test(arguments: RecordsEngineKind.all)
  func theLessonPageReachedIsKeptPerMemberAndCourse(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let course = QuizFixture.course()
    #expect(try store.lessonPages(of: "1001").isEmpty)
    try store.saveLessonPage(2, of: course, for: "1001")
    try store.saveLessonPage(1, of: course, for: "1001")
    try store.saveLessonPage(2, of: QuizFixture.course(id: "other"), for: "1001")
    #expect(try store.lessonPages(of: "1001") == ["online-hours": 1, "other": 2])
    #expect(try store.lessonPages(of: "1002").isEmpty)
    #expect(throws: RecordsError.noSuchLessonPage(courseID: "online-hours", page: 4)) {
      try store.saveLessonPage(3, of: course, for: "1001")
    }
    #expect(throws: RecordsError.unknownMember("9999")) {
      try store.saveLessonPage(0, of: course, for: "9999")
    }
  }

  // MARK: The daily limit

  @Test(arguments: RecordsEngineKind.all)
  func theDayAllowsAttemptsPerDayAndTheNextDayAllowsThemAgain(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let course = QuizFixture.course(quiz: QuizFixture.quiz(perDay: 3))
    let first = try Self.start(store, course)
    #expect(first.number == 1 && first.limit == 3)
    // An abandoned attempt and one never handed in count all the same.
    try store.abandonQuizAttempt(id: first.attemptID, memberID: "1001")
    _ = try Self.start(store, course)
    let third = try Self.start(store, course)
    #expect(third.number == 3)
    let fourth = try store.startQuizAttempt(
      course: course, draw: Self.draw(course.quiz!), memberID: "1001", day: Self.today,
      year: Self.year)
    #expect(fourth == .limitReached(limit: 3))
    // Another member, another day: not counted together.
    #expect(try Self.start(store, course, member: "1002").number == 1)
    #expect(try Self.start(store, course, on: Self.today.adding(days: 1)).number == 1)
    let states = try store.quizAttempts(of: "1001").map(\.state)
    #expect(states == [.abandoned, .open, .open, .open])
  }

  /// Sessions of one member starting attempts at once, each on its own connection (as
  /// separate processes have): never more than the limit. (Tests/records does the same with
  /// processes.)
  @Test(arguments: RecordsEngineKind.all)
  func parallelStartsNeverPassTheLimit(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let course = QuizFixture.course(quiz: QuizFixture.quiz(perDay: 3))
    let sessions = try (0..<8).map { _ in try temporary.another() }
    defer { for session in sessions { try? session.close() } }
    let outcomes = Outcomes<QuizStart>()
    DispatchQueue.concurrentPerform(iterations: sessions.count * 2) { index in
      let store = sessions[index % sessions.count]
      outcomes.append(
        Result {
          try store.startQuizAttempt(
            course: course, draw: Self.draw(course.quiz!, seed: UInt64(index)),
            memberID: "1001", day: Self.today, year: Self.year)
        })
    }
    let all = try outcomes.all.map { try $0.get() }
    let started = all.compactMap { outcome -> Int? in
      guard case .started(let ticket) = outcome else { return nil }
      return ticket.number
    }
    #expect(started.sorted() == [1, 2, 3])
    #expect(all.filter { $0 == .limitReached(limit: 3) }.count == 13)
    #expect(try temporary.store.quizAttempts(of: "1001").count == 3)
  }

  // MARK: Handing in

  @Test(arguments: RecordsEngineKind.all)
  func theFirstPassOfTheYearCreditsTheHoursWithTheResult(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let course = QuizFixture.course(hours: 2)
    let failed = try Self.finish(store, try Self.start(store, course), course, wrong: [0, 1])
    #expect(failed.result.score == 60 && !failed.result.passed)
    #expect(failed.credit == .notPassed)
    #expect(try store.credits(of: "1001").isEmpty)

    let ticket = try Self.start(store, course)
    let passed = try Self.finish(store, ticket, course, wrong: [2])
    #expect(passed.result.score == 80 && passed.result.passed)
    guard case .credited(let credit) = passed.credit else {
      Issue.record("expected a credit, got \(passed.credit)")
      return
    }
    #expect(credit.source == "网络培训测验 80 分")
    let stored = try store.credits(of: "1001")
    #expect(stored.count == 1)
    #expect(stored[0].courseID == course.id && stored[0].date == Self.today)
    #expect(stored[0].hours == StudyHours(2) && stored[0].form == .online)
    #expect(stored[0].source == "网络培训测验 80 分" && stored[0].recordedBy == "tester")
    // The attempt, its answers and its credit are one record.
    let row = try store.engine.read { db in
      try SQLRow.fetchOne(
        db,
        sql: """
          SELECT state, score, passed, correct_count, credit_id,
            (SELECT count(*) FROM quiz_answer WHERE attempt_id = ? AND correct = 1) AS right,
            (SELECT id FROM credit) AS credit
          FROM quiz_attempt WHERE id = ?
          """, arguments: [ticket.attemptID, ticket.attemptID])
    }
    let state: String? = row?["state"]
    let score: Int? = row?["score"]
    let passedFlag: Bool? = row?["passed"]
    let correctCount: Int? = row?["correct_count"]
    let right: Int? = row?["right"]
    let creditID: Int64? = row?["credit_id"]
    let creditRow: Int64? = row?["credit"]
    #expect(state == "finished" && score == 80 && passedFlag == true)
    #expect(correctCount == 4 && right == 4)
    #expect(creditID != nil && creditID == creditRow)

    // Later passes this year: nothing more, and said so.
    let again = try Self.finish(store, try Self.start(store, course), course)
    #expect(again.result.score == 100)
    #expect(again.credit == .alreadyCredited(stored[0]))
    #expect(try store.credits(of: "1001").count == 1)
    // The next training year: credited again.
    let nextYear = day("2027-01-04")
    let next = try Self.finish(
      store, try Self.start(store, course, on: nextYear), course, on: nextYear)
    guard case .credited = next.credit else {
      Issue.record("expected a credit in 2027, got \(next.credit)")
      return
    }
    #expect(try store.credits(of: "1001").map(\.date) == [Self.today, nextYear])
  }

  /// `credit --undo` of a credit a pass earned (review 1, finding 2: the attempt's link to
  /// the credit refused the removal): the attempt keeps its score and says its credit was
  /// withdrawn, the removal is audited, and the member may earn the year's credit again.
  @Test func aCreditAPassEarnedCanBeTakenBackAndEarnedAgain() throws {
    let temporary = try Self.store()
    defer { temporary.remove() }
    let store = temporary.store
    let course = QuizFixture.course()
    let ticket = try Self.start(store, course)
    guard case .credited = try Self.finish(store, ticket, course).credit else {
      Issue.record("expected the first pass to credit")
      return
    }
    let removed = try store.removeCredits(
      courseID: course.id, date: Self.today, memberIDs: ["1001"], reason: "测验时由他人代答",
      actor: "admin")
    #expect(removed.map(\.credit.source) == ["网络培训测验 100 分"])
    #expect(try store.credits(of: "1001").isEmpty)
    let entries = try store.auditEntries(memberID: "1001")
    #expect(entries.map(\.action) == [.creditRemoved])
    #expect(entries.first?.reason == "测验时由他人代答")
    #expect(entries.first?.credit?.source == "网络培训测验 100 分")
    let attempt = try store.engine.read { db in
      try SQLRow.fetchOne(
        db, sql: "SELECT score, passed, credit_id, credit_withdrawn_at FROM quiz_attempt")
    }
    let score: Int? = attempt?["score"]
    let creditID: Int64? = attempt?["credit_id"]
    let withdrawnAt: String? = attempt?["credit_withdrawn_at"]
    #expect(score == 100 && creditID == nil && withdrawnAt != nil)
    #expect(
      try store.quizAttempts(of: "1001").map { [$0.passed, $0.creditWithdrawn] } == [[true, true]]
    )
    var statistics = try #require(try store.quizStatistics(year: 2026).first)
    #expect(statistics.passedAttempts == 1 && statistics.withdrawnCredits == 1)

    // The year's credit is gone: the next pass earns it again.
    let again = try Self.finish(store, try Self.start(store, course), course)
    guard case .credited(let credit) = again.credit else {
      Issue.record("expected the pass after the undo to credit, got \(again.credit)")
      return
    }
    let stored = try store.credits(of: "1001")
    #expect(stored.map(\.source) == [credit.source] && stored.map(\.date) == [Self.today])
    statistics = try #require(try store.quizStatistics(year: 2026).first)
    #expect(statistics.passedAttempts == 2 && statistics.withdrawnCredits == 1)
    #expect(try store.quizAttempts(of: "1001").map(\.creditWithdrawn) == [true, false])
  }

  /// A credit an administrator entered for the course this year counts as the year's credit.
  @Test(arguments: RecordsEngineKind.all)
  func aPassAfterAnAttendanceCreditCreditsNothing(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let course = QuizFixture.course()
    _ = try store.credit(
      course: course, date: day("2026-02-01"), rules: Self.rules, memberIDs: ["1001"],
      source: "考勤登记 2026-02-01")
    let finish = try Self.finish(store, try Self.start(store, course), course)
    guard case .alreadyCredited(let credit) = finish.credit else {
      Issue.record("expected the earlier credit, got \(finish.credit)")
      return
    }
    #expect(credit.source == "考勤登记 2026-02-01")
    #expect(try store.credits(of: "1001").count == 1)
  }

  /// The other way round (review 1, finding 3: `credit` wrote a second credit of the year on
  /// another day): an online course already credited in the training year, by its test or by
  /// `credit`, is listed as already credited and not written; another year is credited.
  @Test func creditAfterAPassOfTheYearCreditsNothing() throws {
    let temporary = try Self.store()
    defer { temporary.remove() }
    let store = temporary.store
    let course = QuizFixture.course()
    _ = try Self.finish(store, try Self.start(store, course), course)
    let outcome = try store.credit(
      course: course, date: Self.today.adding(days: -1), rules: Self.rules,
      memberIDs: ["1001", "1002"], source: "考勤登记")
    #expect(outcome == CreditOutcome(credited: ["1002"], alreadyCredited: ["1001"]))
    #expect(try store.credits(of: "1001").map(\.date) == [Self.today])
    // 1002 again, on another day of the year: the same.
    let again = try store.credit(
      course: course, date: day("2026-12-31"), rules: Self.rules, memberIDs: ["1002"],
      source: "考勤登记")
    #expect(again == CreditOutcome(alreadyCredited: ["1002"]))
    let nextYear = try store.credit(
      course: course, date: day("2027-01-01"), rules: Self.rules, memberIDs: ["1001", "1002"],
      source: "考勤登记")
    #expect(nextYear == CreditOutcome(credited: ["1001", "1002"]))
  }

  /// The training year is the rules' own: from 09-01, 08-31 and 09-01 are two years.
  @Test func anOnlineCourseIsCreditedOncePerTrainingYearOfTheRules() throws {
    let temporary = try Self.store()
    defer { temporary.remove() }
    let store = temporary.store
    let rules = Rules(yearStartMonth: 9, yearStartDay: 1, requirements: [], path: "rules.toml")
    let online = QuizFixture.course()
    for (date, expected) in [
      ("2026-08-31", ["1001"]), ("2026-09-01", ["1001"]), ("2027-08-31", []),
      ("2027-09-01", ["1001"]),
    ] {
      let outcome = try store.credit(
        course: online, date: day(date), rules: rules, memberIDs: ["1001"], source: "s")
      #expect(outcome.credited == expected, "\(date)")
    }
    // A course of another form may be credited on every day it is attended.
    let remote = course("remote-course", form: .remote)
    for date in ["2026-09-01", "2026-09-02"] {
      let outcome = try store.credit(
        course: remote, date: day(date), rules: rules, memberIDs: ["1001"], source: "s")
      #expect(outcome.credited == ["1001"])
    }
  }

  /// Two sessions handing in passing attempts at once: one credit.
  @Test(arguments: RecordsEngineKind.all)
  func parallelPassesCreditOnce(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let course = QuizFixture.course(quiz: QuizFixture.quiz(perDay: 6))
    let tickets = try (0..<6).map { try Self.start(temporary.store, course, seed: UInt64($0)) }
    let sessions = try tickets.map { _ in try temporary.another() }
    defer { for session in sessions { try? session.close() } }
    let outcomes = Outcomes<QuizFinish>()
    DispatchQueue.concurrentPerform(iterations: tickets.count) { index in
      outcomes.append(Result { try Self.finish(sessions[index], tickets[index], course) })
    }
    let finishes = try outcomes.all.map { try $0.get() }
    let credited = finishes.filter {
      if case .credited = $0.credit { return true }
      return false
    }
    #expect(credited.count == 1)
    #expect(try temporary.store.credits(of: "1001").count == 1)
  }

  @Test(arguments: RecordsEngineKind.all)
  func onlyAnOpenAttemptOfTheMemberCanBeHandedIn(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let course = QuizFixture.course()
    let left = try Self.start(store, course)
    #expect(try store.abandonQuizAttempt(id: left.attemptID, memberID: "1001"))
    #expect(try !store.abandonQuizAttempt(id: left.attemptID, memberID: "1001"))
    #expect(throws: RecordsError.attemptNotOpen) { try Self.finish(store, left, course) }
    let ticket = try Self.start(store, course)
    #expect(throws: RecordsError.attemptNotOpen) {
      try Self.finish(store, ticket, course, member: "1002")
    }
    #expect(try !store.abandonQuizAttempt(id: ticket.attemptID, memberID: "1002"))
    _ = try Self.finish(store, ticket, course)
    #expect(throws: RecordsError.attemptNotOpen) { try Self.finish(store, ticket, course) }
    #expect(try !store.abandonQuizAttempt(id: ticket.attemptID, memberID: "1001"))
    #expect(try store.quizAttempts(of: "1001").map(\.state) == [.abandoned, .finished])
  }

  /// A catalog edited between the start and the hand-in: refused, never graded against
  /// other questions.
  @Test(arguments: RecordsEngineKind.all)
  func anAttemptOnQuestionsSinceChangedIsNotGraded(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let course = QuizFixture.course()
    let ticket = try Self.start(store, course)
    var edited = QuizFixture.questions
    edited[ticket.draw.questions[0].questionIndex].text += "（改）"
    let changed = QuizFixture.course(quiz: QuizFixture.quiz(questions: edited))
    #expect(throws: RecordsError.quizChanged(courseID: course.id)) {
      try store.finishQuizAttempt(
        ticket, responses: QuizFixture.responses(for: ticket.draw, quiz: course.quiz!),
        course: changed, memberID: "1001", day: Self.today, rules: Self.rules)
    }
    // A ticket whose draw is not the stored one.
    var forged = ticket
    forged.draw = Self.draw(course.quiz!, seed: 99)
    #expect(forged.draw != ticket.draw)
    #expect(throws: RecordsError.quizChanged(courseID: course.id)) {
      try Self.finish(store, forged, course)
    }
    #expect(try store.quizAttempts(of: "1001").map(\.state) == [.open])
  }

  // MARK: Item analysis

  /// Answers are counted per question by fingerprint: a question moved to another place in
  /// the file keeps its count, a reworded one starts a new one, never mixed.
  @Test(arguments: RecordsEngineKind.all)
  func itemAnalysisFollowsQuestionsAcrossEdits(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let quiz = QuizFixture.quiz()
    let course = QuizFixture.course(quiz: quiz)
    // First version: question 0 answered wrong by 1001, right by 1002.
    for (member, wrongFirst) in [("1001", true), ("1002", false)] {
      let ticket = try Self.start(store, course, member: member)
      let position = ticket.draw.questions.firstIndex { $0.questionIndex == 0 }!
      _ = try Self.finish(
        store, ticket, course, member: member, wrong: wrongFirst ? [position] : [])
    }
    // The curator inserts a question at the top and rewords another.
    var edited = QuizFixture.questions
    edited[4].text = "规划是由哪个机关印发的？"
    edited.insert(
      Question(text: "新加的题", answer: .trueFalse(false), location: QuizFixture.here), at: 0)
    let newCourse = QuizFixture.course(quiz: QuizFixture.quiz(questions: edited))
    let ticket = try Self.start(store, newCourse, member: "1001")
    let moved = ticket.draw.questions.firstIndex { $0.questionIndex == 1 }!
    _ = try Self.finish(store, ticket, newCourse, wrong: [moved])
    // And one attempt left unfinished.
    _ = try Self.start(store, newCourse, member: "1002")

    let statistics = try #require(try store.quizStatistics(year: 2026).first)
    #expect(statistics.attempts == 4 && statistics.finished == 3 && statistics.open == 1)
    #expect(statistics.members == 2 && statistics.passedMembers == 2)
    #expect(statistics.passRate == 100)
    let byText = Dictionary(uniqueKeysWithValues: statistics.questions.map { ($0.text, $0) })
    let first = try #require(byText[QuizFixture.questions[0].text])
    #expect(first.answered == 3 && first.wrong == 2 && first.wrongRate == 67)
    #expect(first.lastIndex == 1)
    #expect(byText[QuizFixture.questions[4].text]?.answered == 2)
    #expect(byText["规划是由哪个机关印发的？"]?.answered == 1)
    #expect(byText["新加的题"]?.answered == 1)
    #expect(statistics.questions.count == 7)
    #expect(try store.quizStatistics(year: 2027).isEmpty)
    #expect(try store.quizStatistics(year: 2026, courseID: "other").isEmpty)
  }

  /// A course whose every attempt was left before the end (review 1, finding 1: the sum of
  /// `passed` over such attempts is NULL, and reading it as a number stopped the program):
  /// reported with its attempts, no pass and no item analysis.
  @Test func aCourseWhoseAttemptsWereAllLeftHasNoPasses() throws {
    let temporary = try Self.store()
    defer { temporary.remove() }
    let store = temporary.store
    let course = QuizFixture.course()
    let left = try Self.start(store, course)
    try store.abandonQuizAttempt(id: left.attemptID, memberID: "1001")
    _ = try Self.start(store, course, member: "1002")
    let statistics = try store.quizStatistics(year: 2026)
    #expect(
      statistics == [
        QuizStatistics(
          courseID: course.id, courseTitle: course.title, attempts: 2, finished: 0, abandoned: 1,
          open: 1, passedAttempts: 0, members: 2, passedMembers: 0, questions: [])
      ])
    #expect(statistics.first?.passRate == 0)
  }
}
