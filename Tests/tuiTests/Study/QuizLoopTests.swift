import Catalog
import Testing

@testable import tui

/// The whole way through the app loop, on a records store in a temporary file, the draw
/// seeded: read a lesson, fail a test, pass the next, and find the hours in 我的学时; the
/// page reached is there for the next session; the day's last attempt is refused.
@Suite struct QuizLoopTests {
  static let seed: UInt64 = 9

  /// The keys that answer `draw` (or, for the positions in `wrong`, answer it wrongly).
  static func keys(for draw: QuizDraw, wrong: Set<Int> = []) -> [Event] {
    var events: [Event] = []
    for (position, drawn) in draw.questions.enumerated() {
      let question = StudyFixtures.quiz.questions[drawn.questionIndex]
      var right: [Int]
      switch question.answer {
      case .single(let index): right = [index]
      case .all(let indexes): right = indexes
      case .trueFalse(let truth):
        let correct = truth ? "1" : "2"
        events += Event.typing(wrong.contains(position) ? (truth ? "2" : "1") : correct)
        continue
      }
      if wrong.contains(position) { right = [(right.max()! + 1) % question.choices.count] }
      let places = right.compactMap { drawn.choiceOrder.firstIndex(of: $0) }
      events += Event.typing(places.map { String($0 + 1) }.joined())
      if question.kind == .all { events.append(.enter) }
    }
    return events
  }

  func runner(_ records: TemporaryRecords) -> RecordsRunner {
    RecordsRunner(
      store: records.store, catalog: StudyFixtures.catalog, random: SeededRandom(seed: Self.seed))
  }

  @Test func readFailPassAndSeeTheHours() throws {
    let records = try TemporaryRecords()
    defer { records.remove() }
    let runner = runner(records)
    // The same draws the runner will make.
    var random = SeededRandom(seed: Self.seed)
    let firstDraw = QuizDraw.make(for: StudyFixtures.quiz, using: &random)
    let secondDraw = QuizDraw.make(for: StudyFixtures.quiz, using: &random)
    let start = MemberFixtures.state(catalog: StudyFixtures.catalog)
    // Log in, 课程目录 → 理想信念 → the third course; 2 reads, 9 turns to page 2, 0 goes back.
    let toCourse = Event.logIn("2001", pin: "1234") + Event.typing("113")
    let reading = toCourse + Event.typing("29") + Event.typing("0")
    // 3, 1: the first attempt, two answers wrong.
    let failing = Event.typing("31") + Self.keys(for: firstDraw, wrong: [0, 1])
    let (failed, _) = AppLoop.running(start, reading + failing, runner: runner)
    guard case .quizResult(let result) = failed.top else {
      Issue.record("expected the results, got \(failed.top.kind)")
      return
    }
    #expect(!result.finish.result.passed)
    #expect(try records.store.lessonPages(of: "2001") == [StudyFixtures.courseID: 1])
    #expect(try records.store.credits(of: "2001").isEmpty)

    // 0 to the course, 3, 1: the second attempt, all right; then to 我的学时.
    let passing = Event.typing("031") + Self.keys(for: secondDraw)
    let (passed, _) = AppLoop.running(failed, passing, runner: runner)
    guard case .quizResult(let second) = passed.top else {
      Issue.record("expected the results, got \(passed.top.kind)")
      return
    }
    guard case .credited(let credit) = second.finish.credit else {
      Issue.record("expected a credit, got \(second.finish.credit)")
      return
    }
    #expect(credit.source == "网络培训测验 100 分")
    #expect(render(passed).lines.contains { $0.contains("已计入 2 学时（网络培训，2026-03-01") })
    let stored = try records.store.credits(of: "2001")
    #expect(stored.map(\.courseID) == [StudyFixtures.courseID])
    let toHours = Event.typing("0000") + Event.typing(MemberFixtures.myHours)
    let (hours, _) = AppLoop.running(passed, toHours, runner: runner)
    #expect(hours.top.kind == "myHours")
    #expect(
      render(hours).lines.contains {
        $0.contains("2026-03-01") && $0.contains("网络培训") && $0.contains("网络培训测验 100 分")
      })

    // A new session (the same file): the reader offers page 2, and the third attempt of the
    // day is the last; left at once (0 twice), the fourth is refused.
    let again = RecordsRunner(store: records.store, catalog: StudyFixtures.catalog)
    let (offered, _) = AppLoop.running(
      start, toCourse + Event.typing("2"), runner: again)
    #expect(offered.top.kind == "lessonResume")
    #expect(render(offered).lines.contains { $0.contains("从第 2 页接着学") })
    let (refused, _) = AppLoop.running(
      offered, Event.typing("0") + Event.typing("3100") + Event.typing("31"), runner: again)
    #expect(refused.top.kind == "quizIntro")
    #expect(
      render(refused).lines.contains {
        $0.contains("今天已经参加了 3 次这门课程的测验（每天最多 3 次），请明天再来。")
      })
    let attempts = try records.store.quizAttempts(of: "2001")
    #expect(attempts.map(\.state) == [.finished, .finished, .abandoned])
  }
}
