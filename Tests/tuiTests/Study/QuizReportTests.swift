import Catalog
import Testing

@testable import tui

/// `quiz report` as text and CSV, from statistics written out in code.
@Suite struct QuizReportTests {
  static let questions = StudyFixtures.questions

  static func statistics() -> QuizStatistics {
    QuizStatistics(
      courseID: StudyFixtures.courseID, courseTitle: "旧的课程名称", attempts: 7, finished: 5,
      abandoned: 1, open: 1, passedAttempts: 3, members: 4, passedMembers: 3,
      questions: [
        QuestionStatistics(
          fingerprint: questions[2].fingerprint, text: questions[2].text, lastIndex: 2,
          answered: 5, wrong: 1),
        QuestionStatistics(
          fingerprint: "0000000000000000", text: "=改过之前的题", lastIndex: 1, answered: 2,
          wrong: 2),
        QuestionStatistics(
          fingerprint: questions[0].fingerprint, text: questions[0].text, lastIndex: 0,
          answered: 4, wrong: 3),
      ])
  }

  static let report = QuizReport(
    year: StudyFixtures.catalog.rules.trainingYear(2026), courseID: nil,
    statistics: [statistics()], catalog: StudyFixtures.catalog)

  /// In the catalog's order, a question no longer there as it was asked last, marked so; the
  /// title as the catalog has it now; the question most often answered wrong named.
  @Test func textListsTheCoursesAndTheirQuestions() {
    #expect(
      Self.report.text == """
        测验统计：2026 培训年度（2026-01-01 至 2026-12-31）

        online-hours  党员教育培训学时制度
          测验 7 次（交卷 5 次，中途离开 1 次，未交卷 1 次）；参加 4 人，通过 3 人，通过率 75%；交卷中通过 3 次
          题号     作答  答错  答错比例  试题
          第 1 题  4     3     75%       按照规划，党员每年集中学习培训时间一般不少于多少学时？
          第 3 题  5     1     20%       基层党组织书记和班子成员每年至少参加1次集中培训。
          已改动   2     2     100%      =改过之前的题
          答错比例最高：已改动（100%），请核对题意和答案。

        """)
  }

  @Test func csvHasOneRowPerQuestionAndNothingRunsAsAFormula() throws {
    #expect(Self.report.csvHeader.count == Self.report.csvRows[0].count)
    #expect(Self.report.csvRows.count == 3)
    #expect(
      Self.report.csvRows[0] == [
        "online-hours", "党员教育培训学时制度", "7", "5", "1", "1", "4", "3", "75%", "第 1 题",
        Self.questions[0].text, "4", "3", "75%",
      ])
    #expect(Self.report.csvRows[2][10] == "=改过之前的题")
    let document = try CSVFile.document(header: Self.report.csvHeader, rows: Self.report.csvRows)
    #expect(String(decoding: document, as: UTF8.self).contains(",'=改过之前的题,"))
  }

  /// Passes whose credit `credit --undo` took back stay passes, and the tally says how many.
  @Test func withdrawnCreditsAreCountedInTheTally() {
    var statistics = Self.statistics()
    statistics.withdrawnCredits = 1
    #expect(
      QuizReportText.tally(statistics)
        == "  测验 7 次（交卷 5 次，中途离开 1 次，未交卷 1 次）；参加 4 人，通过 3 人，通过率 75%；交卷中通过 3 次（其中 1 次所计学时已撤销）"
    )
  }

  /// The course screen's line for the member: a pass whose credit was taken back no longer
  /// holds the year's credit, and says so.
  @Test func theCourseScreenSaysAPassWhoseCreditWasWithdrawnNoLongerCounts() {
    let day = LocalDate(year: 2026, month: 3, day: 1)
    let attempts = [
      QuizAttemptSummary(
        id: 1, courseID: StudyFixtures.courseID, trainingYear: 2026, day: day, state: .finished,
        score: 100, passed: true, creditWithdrawn: true)
    ]
    func record(credited: Bool) -> String {
      StudyText.quizRecord(
        attempts: attempts, today: day, year: 2026, limit: 3, credited: credited, mark: "★")
    }
    #expect(record(credited: false) == "本年度参加 1 次，通过所计的学时已撤销，再次通过可重新计入；今天还可参加 2 次")
    #expect(record(credited: true) == "★ 本年度已通过（最高 100 分）；今天还可参加 2 次")
  }

  @Test func aYearWithoutAttemptsSaysSo() {
    let empty = QuizReport(
      year: StudyFixtures.catalog.rules.trainingYear(2025), courseID: "online-hours",
      statistics: [], catalog: StudyFixtures.catalog)
    #expect(
      empty.text == """
        测验统计：2025 培训年度（2025-01-01 至 2025-12-31），课程 online-hours

        2025 培训年度还没有人参加测验。
        """)
    #expect(empty.csvRows.isEmpty)
  }
}
