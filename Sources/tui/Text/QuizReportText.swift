import Catalog

/// The Chinese text of `course-menu quiz report`, beside `AdminText`.
enum QuizReportText {
  static let quizAbstract = "网络培训测验：统计参加、通过和每道题的答错情况。"
  static let reportAbstract = "测验统计：每门课程的测验次数、通过人数、通过率，以及每道题的答错比例（试题分析）。"
  static let reportDiscussion = """
    每门课程列出：测验次数（交卷、中途离开、未交卷）、参加人数、通过人数和通过率（通过人数 ÷ 参加人数）；
    再按题号列出每道题在已交卷的测验中被作答的次数、答错次数和答错比例，答错比例高的题可能题意不清或答案有误。
    试题按题目文字和选项识别：题目在文件中移动了位置仍算同一道题；题目或选项改过后算新题，旧题标为“已改动”。
    --format csv 输出 UTF-8（带 BOM）的 CSV，每道题一行，可用 Excel 打开。
    """
  static let courseHelp = "只统计这门课程（课程编号）。"
  static let yearHelp = "培训年度（默认为课程目录的年度）。"
  static let formatHelp = "输出格式：text（默认）或 csv。"

  static func title(_ year: TrainingYear, course: String?) -> String {
    let scope = course.map { "，课程 \($0)" } ?? ""
    return "测验统计：\(year.year) 培训年度（\(year.start) 至 \(year.span.lastDay)）\(scope)"
  }

  static func noAttempts(_ year: Int) -> String { "\(year) 培训年度还没有人参加测验。" }

  static func courseLine(_ statistics: QuizStatistics, title: String) -> String {
    "\(statistics.courseID)  \(title)"
  }

  static func tally(_ statistics: QuizStatistics) -> String {
    var attempts = "测验 \(statistics.attempts) 次（交卷 \(statistics.finished) 次"
    if statistics.abandoned > 0 { attempts += "，中途离开 \(statistics.abandoned) 次" }
    if statistics.open > 0 { attempts += "，未交卷 \(statistics.open) 次" }
    attempts += "）"
    let rate = statistics.passRate.map { "\($0)%" } ?? "-"
    let withdrawn =
      statistics.withdrawnCredits > 0
      ? "（其中 \(statistics.withdrawnCredits) 次所计学时已撤销）" : ""
    return
      "  \(attempts)；参加 \(statistics.members) 人，通过 \(statistics.passedMembers) 人，通过率 \(rate)；交卷中通过 \(statistics.passedAttempts) 次\(withdrawn)"
  }

  static let itemHeader = ["题号", "作答", "答错", "答错比例", "试题"]
  static let noAnswers = "  还没有交卷的测验，没有试题分析。"
  static func number(_ index: Int?) -> String { index.map { "第 \($0 + 1) 题" } ?? "已改动" }
  static func percent(_ value: Int) -> String { "\(value)%" }
  static func hardest(_ number: String, rate: Int) -> String {
    "  答错比例最高：\(number)（\(rate)%），请核对题意和答案。"
  }

  static let csvHeader = [
    "课程编号", "课程名称", "测验次数", "交卷次数", "中途离开", "未交卷", "参加人数", "通过人数", "通过率", "题号",
    "试题", "作答次数", "答错次数", "答错比例",
  ]

  static func unknownCourse(_ id: String, year: Int) -> String {
    "课程目录中没有编号为 \(id) 的课程，\(year) 培训年度的记录中也没有"
  }
}
