import Catalog

/// The Chinese text of the reports upward: `report summary`, `report ratings`, `report demand`.
enum ReportText {
  // MARK: Shared

  static let total = "合计"
  static let notApplicable = "—"
  static let unknown = "（目录中已没有）"
  static let notes = "说明"
  static let formatHelp = "输出格式：text（默认）或 csv。"

  /// `33.3%` from tenths of a percent; `—` when there is nothing to divide by.
  static func percent(permille: Int?) -> String {
    guard let permille else { return notApplicable }
    return "\(permille / 10).\(permille % 10)%"
  }

  /// `part` of `whole` as a percentage with one decimal, rounded half up.
  static func share(_ part: Int, of whole: Int) -> String {
    guard whole > 0 else { return notApplicable }
    return percent(permille: (part * 2000 + whole) / (whole * 2))
  }

  /// `4.20` from hundredths.
  static func average(hundredths: Int?) -> String {
    guard let hundredths else { return notApplicable }
    let cents = hundredths % 100
    return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)"
  }

  static func scope(_ year: TrainingYear, branch: String?) -> String {
    "\(year.year) 年度（\(year.start) 至 \(year.span.lastDay)）\(branch.map { "，\($0)" } ?? "，全部支部")"
  }

  static func month(_ first: LocalDate) -> String { "\(first.year) 年 \(first.month) 月" }

  static func categoryTitle(_ id: String?, in catalog: Catalog) -> String {
    guard let id else { return unknown }
    return catalog.category(id: id)?.title ?? id
  }

  static func formLabel(_ form: CourseForm?) -> String { form?.label ?? unknown }

  // MARK: report summary

  static let summaryAbstract = "向上级报告的年度汇总：举办期数、培训人次、参训人数、学时和覆盖率。"
  static let summaryDiscussion = """
    各项数字的含义（同一份数据，text、csv、html 三种格式的数字完全相同）：
    · 统计对象：名册中入党日期早于年度结束的党员（用 --branch 时只统计这个支部）；统计的学时记录是日期在这一培训年度内的。
    · 举办期数：年度内不同的（课程，日期）的个数，且这一天这门课办给了一群人——有一条不是补学（--unscheduled --reason 登记的）的学时记录，且课程形式不是网络培训或自学（个人学习，随时学，不算期数）；或者站点有一次已结束的签到（即使没有人签到）。站点签到不属于任何支部，所以用 --branch 时只按这个支部党员的学时记录计算期数。
    · 培训人次：学时记录的条数（一名党员一天参加一门课记一次）。
    · 参训人数：年度内至少有一条学时记录的党员人数。
    · 学时：登记的学时；自学学时总是单独列出，不并入其他学时。
    · 达到、未达到、无适用要求：与学时报告相同，按 rules.toml 中适用于本人的全部要求计算；无适用要求的党员单独列出，不算达到。覆盖率 = 达到人数 ÷（达到 + 未达到）人数。
    · 书记和班子成员：书记与班子成员合计一行（书记培训覆盖）。流动党员、新党员（入党后 365 天内的日子与本年度有重叠，与 new_member 要求相同）各占一行。
    · 本年度没有学时的党员：年度内一条学时记录也没有的党员，逐一列出。
    例：course-menu report summary --format html > 汇总.html（用浏览器打开后打印，或用 scripts/render-report.sh 转成 PDF）
    """
  static let summaryFormatHelp = "输出格式：text（默认）、csv 或 html（可打印的网页，A4）。"

  static func summaryTitle(_ year: TrainingYear, branch: String?) -> String {
    "党员教育培训情况汇总：\(scope(year, branch: branch))"
  }

  static func summaryIssuer(_ catalog: Catalog, rules: String) -> String {
    "\(catalog.issuer) · 课程目录 \(catalog.title) · 规则 \(rules)"
  }

  static let overviewTitle = "一、总体情况"
  static let overviewHeader = ["项目", "数值"]
  static let membersCount = "党员人数"
  static let reachedCount = "参训人数（本年度有学时记录）"
  static let sessionsCount = "举办培训期数"
  static let attendancesCount = "培训人次"
  static let hoursExceptSelfStudy = "学时（不含自学）"
  static let selfStudyHours = "自学学时（单独列出）"
  static let metCount = "达到全部适用要求（人）"
  static let unmetCount = "未达到（人）"
  static let noRequirementCount = "无适用要求（人，单独列出，不计入覆盖率）"
  static let coverage = "覆盖率（达到 ÷ 有适用要求的人数）"
  static let withoutHoursCount = "本年度没有学时的党员（人）"

  /// The columns of a group of members, after the group's name.
  static let figuresHeader = [
    "人数", "参训人数", "人次", "学时（不含自学）", "自学学时", "达到", "未达到", "无适用要求", "覆盖率",
  ]
  static let branchesTitle = "二、按支部"
  static let branchColumn = "支部"
  static let rolesTitle = "三、按身份（书记培训覆盖）"
  static let roleColumn = "身份"
  static let leaders = "书记和班子成员合计"
  static let domainsTitle = "四、按领域（分类施教）"
  static let domainColumn = "领域"
  static let groupsTitle = "五、流动党员和新党员"
  static let groupColumn = "人员"
  static let floating = "流动党员"
  static let newMembers = "新党员（入党一年内）"

  static let deliveryHeader = ["期数", "人次", "学时（不含自学）", "自学学时"]
  static let formsTitle = "六、按教学形式"
  static let formColumn = "教学形式"
  static let formsNote = "网络培训和自学是个人学习，不计期数（表中为 —）。"
  static let categoriesTitle = "七、按类别"
  static let categoryColumn = "类别"
  static let monthsTitle = "八、各月举办期数"
  static let monthsHeader = ["月份", "期数"]
  static let withoutHoursTitle = "九、本年度没有学时的党员"
  static let withoutHoursHeader = ["编号", "姓名", "支部", "达到情况"]
  static let nobodyWithoutHours = "没有：每名党员本年度都有学时记录。"
  static let sessionsTitle = "十、举办的培训（期数明细）"
  static let sessionsHeader = ["日期", "课程编号", "课程", "教学形式", "类别"]
  static let noSessions = "本年度没有举办培训。"

  /// The definitions, printed with every format of the summary.
  static let definitions = [
    "统计对象：名册中入党日期早于年度结束的党员；学时记录按日期计入所在培训年度。",
    "举办期数：不同的（课程，日期）个数，这一天这门课有非补学的学时记录（网络培训、自学除外），或站点有已结束的签到；按支部统计时只看本支部党员的学时记录。",
    "培训人次：学时记录条数；参训人数：有学时记录的党员人数。",
    "达到、未达到、无适用要求按 rules.toml 计算；覆盖率 = 达到 ÷（达到 + 未达到）；无适用要求的党员不算达到。",
    "新党员：入党后 365 天内与本年度有重叠；流动党员按名册标记。",
  ]

  // Charts (HTML)
  static let coverageChart = "各支部覆盖率"
  static let hoursChart = "各教学形式学时"
  static let monthsChart = "各月举办期数"
  static let printedOn = "统计日期"

  // MARK: report ratings

  static let ratingsAbstract = "评学：党员对课程的评价，按课程、提供单位和授课人统计平均分。"
  static let ratingsDiscussion = """
    党员的课程登记学时后，下次登录时请他为这门课打分（问题在目录的 evaluation.toml 中，可跳过，每门课每年只问一次）。
    评价不记姓名和编号，只按答案累计人数。一门课评价少于 5 份时不显示这门课；提供单位和授课人只合计显示出来的课程，
    以免从合计中减去已显示的课程而推算出未显示课程的评价。
    """

  static func ratingsTitle(_ year: Int) -> String { "\(year) 年度课程评价（评学）" }

  static func questionLegend(_ number: Int, _ text: String?, id: String, answers: [String]?)
    -> String
  {
    let scale = answers.map { "（1 \($0.first ?? "") … \($0.count) \($0.last ?? "")）" } ?? ""
    return "问题\(number)：\(text ?? "（已从 evaluation.toml 删去：\(id)）")\(scale)"
  }

  static func questionColumn(_ number: Int) -> String { "问题\(number)平均分" }

  static let coursesTitle = "按课程"
  static let coursesHeader = ["课程编号", "课程", "提供单位", "授课", "评价人数"]
  static let providersTitle = "按提供单位（只合计上面显示的课程）"
  static let providerColumn = "提供单位"
  static let instructorsTitle = "按授课人（只合计上面显示的课程）"
  static let instructorColumn = "授课"
  static let ratingsColumn = "评价人数"

  static func hiddenCourses(_ count: Int) -> String {
    "另有 \(count) 门课程评价不足 \(RatingSummary.minimumRatings) 份，不显示。"
  }

  /// Under a provider's or instructor's table when no course is shown.
  static let nothingShown = "没有显示的课程，不统计。"

  static func noRatings(_ year: Int) -> String {
    "\(year) 年度没有评价不少于 \(RatingSummary.minimumRatings) 份的课程。"
  }

  static let noEvaluation = "（课程目录没有 evaluation.toml：不请党员评价课程）"

  // MARK: report demand

  static let demandAbstract = "需求调研：党员想学什么、喜欢的形式和时间，与各类别、各课程的选学人数对照。"
  static let demandDiscussion = """
    需求调研的问题在目录的 survey.toml 中，每名党员每年登录时填写一次（可跳过，以后从主菜单填写）。
    选学人数：本年度内选学各门选修课的党员人数（同一人同一门课只算一次）。本年度课次和名额取自课程目录。
    """

  static func demandTitle(_ year: TrainingYear, branch: String?) -> String {
    "党员学习需求：\(scope(year, branch: branch))"
  }

  static let participationTitle = "调研情况"
  static let respondents = "填写人数"
  static let declined = "跳过（尚未填写）人数"
  static func topicsTitle(_ maxTopics: Int) -> String { "想学的内容（每人最多选 \(maxTopics) 项）" }
  static let topicsHeader = ["内容", "所属类别", "人数", "占填写人数"]
  static let formsPreferredTitle = "喜欢的学习形式"
  static let seasonsPreferredTitle = "喜欢的培训时间"
  static let votesHeader = ["人数", "占填写人数"]
  static let seasonColumn = "培训时间"
  static let either = "都可以"
  static let categoryDemandTitle = "按类别对照"
  static let categoryDemandHeader = ["类别", "调研选择人次", "选修课选学人数", "选修课门数"]
  static let courseDemandTitle = "选修课选学情况（按选学人数排列）"
  static let courseDemandHeader = ["类别", "课程编号", "课程", "选学人数", "本年度课次", "名额"]
  static let seatsUnknown = "未定"
  static let noSurvey = "（课程目录没有 survey.toml：没有需求调研）"
}
