import Catalog
import Foundation

/// The Chinese text of the administrator commands: members, credit, report.
enum AdminText {
  // MARK: Shared

  static let databaseOptionHelp =
    "学时记录数据库：SQLite 文件路径，或 PostgreSQL 地址 postgresql://用户名@主机:端口/数据库名（密码放在 PGPASSWORD 或 ~/.pgpass，不写在地址里）。默认依次为环境变量 COURSE_MENU_DB、$XDG_DATA_HOME/course-menu/records.sqlite、~/.local/share/course-menu/records.sqlite。"
  static let branchOptionHelp = "只列出这个支部的党员。"
  static let memberIDHelp = "党员编号。"
  static let yes = "是"
  static let no = "否"

  static func csvFailure(_ failure: SheetReader.Failure, path: String) -> String {
    switch failure {
    case .unreadable(let reason):
      "无法读取 \(path)：\(reason)"
    case .notUTF8(likelyUTF16: true):
      "\(path) 是 UTF-16 编码（记事本中的“Unicode”）：请在 Excel 中“另存为”，文件类型选“CSV UTF-8（逗号分隔）”"
    case .notUTF8(likelyUTF16: false):
      "\(path) 不是 UTF-8 编码（可能是 GBK）：请在 Excel 中“另存为”，文件类型选“CSV UTF-8（逗号分隔）”"
    case .empty:
      "\(path) 没有任何内容：第一个有文字的行应为表头"
    }
  }

  static func rowProblem(file: String, _ problem: RowProblem) -> String { "\(file) \(problem)" }

  // MARK: members

  static let membersAbstract = "管理党员名册：导入、列出、设置 PIN、解除锁定。"
  static let importAbstract = "从 CSV 文件导入党员名册（全部正确才导入）。"
  static let importDiscussion = """
    表头：id,name,branch,domain,role,joined，可加 floating,pin（也可用中文列名：编号、姓名、支部、领域、身份、入党日期、流动党员、PIN）。
    领域和身份可写标识或中文，如 rural 或 农村、secretary 或 书记；入党日期写 2015-07-01。
    文件为 UTF-8（可带 BOM，Excel 的“CSV UTF-8”即可）。
    任何一行有错时列出所有错误（带行号），不导入任何党员；改正后重新导入即可。
    已有的党员按编号更新，不会重复；pin 一列留空则保留原 PIN。
    """
  static let importFileHelp = "名册 CSV 文件。"

  static func importRejected(_ count: Int) -> String {
    "共 \(count) 处错误，没有导入任何党员（改正后重新导入即可）"
  }

  static func hashingPINs(_ count: Int) -> String {
    "正在为 \(count) 个 PIN 计算加盐散列（每个约 0.05 秒，故意放慢以防破解），请稍候……"
  }

  /// `[####------] 1200/3600 行  约剩 2 分钟`; `secondsLeft` nil while still unknown, 0 at the end.
  static func progress(bar: String, done: Int, total: Int, secondsLeft: Int?) -> String {
    let left =
      switch secondsLeft {
      case nil: "正在估算剩余时间"
      case 0?: "完成"
      case let seconds? where seconds < 60: "约剩 \(seconds) 秒"
      case let seconds? where seconds < 3600: "约剩 \((seconds + 59) / 60) 分钟"
      case let seconds?: "约剩 \(seconds / 3600) 小时 \((seconds % 3600 + 59) / 60) 分钟"
      }
    return "\(bar) \(done)/\(total) 行  \(left)"
  }

  static func importDone(_ outcome: ImportOutcome, database: String) -> String {
    "导入完成：新增 \(outcome.added.count) 人，更新 \(outcome.updated.count) 人，未变 \(outcome.unchanged.count) 人（数据库 \(database)）"
  }

  static let listAbstract = "列出党员名册。"
  static let listHeader = ["编号", "姓名", "支部", "领域", "身份", "入党日期", "流动党员", "PIN", "状态"]
  static let pinSet = "已设置"
  static let pinMissing = "未设置"

  static func noMembers(database: String) -> String {
    "没有党员记录（数据库 \(database)）：请先用 course-menu members import 导入名册"
  }

  /// `now` is when the list is made; a lock ending on another day names the day.
  static func lockState(_ throttle: LoginThrottle, now: Date) -> String {
    if throttle.isLocked { return "PIN 连续错误 \(throttle.failures) 次，已停止登录（需解除）" }
    if let until = throttle.nextAttempt, until > now {
      let local = LocalTime(until)
      let day = local.date == LocalTime(now).date ? "" : "\(local.date.description.dropFirst(5)) "
      return "PIN 连续错误 \(throttle.failures) 次，\(day)\(local.clockText) 前不能登录"
    }
    if throttle.failures > 0 { return "PIN 连续错误 \(throttle.failures) 次" }
    return ""
  }

  static func listTally(_ count: Int) -> String { "共 \(count) 名党员" }

  static let setPINAbstract = "设置党员的 PIN（4 到 12 位数字），并解除锁定。"
  static let setPINDiscussion = """
    在终端中运行时提示输入两次，输入内容不显示；
    在脚本中可从标准输入读一行，如：echo 1234 | course-menu members set-pin 1001
    """

  static func pinPrompt(_ member: Member) -> String {
    "请输入 \(member.id) \(member.name) 的新 PIN（4 到 12 位数字，输入时不显示）："
  }

  static let pinConfirmPrompt = "请再输入一次："
  static let pinNotGiven = "没有读到 PIN"
  static let pinMismatch = "两次输入的 PIN 不一致，没有修改"

  static func pinSetDone(_ member: Member) -> String {
    "已设置 \(member.id) \(member.name) 的 PIN，并清除了错误次数和锁定"
  }

  static let unlockAbstract = "清除一个编号的 PIN 连续错误记录：解除等待和停止登录。"

  static func unlockDone(id: String, name: String?, cleared: LoginThrottle) -> String {
    let who = name.map { "\(id) \($0)" } ?? "编号 \(id)（不是已登记的党员）"
    return cleared.failures > 0
      ? "已清除 \(who) 的 \(cleared.failures) 次 PIN 错误记录，可以立即登录"
      : "\(who) 没有 PIN 错误记录，无需解除"
  }

  // MARK: credit

  static let creditAbstract = "登记考勤，为党员记入课程学时；也可撤销登记错的学时。"
  static let creditDiscussion = """
    按课程的学时和教学形式记入，来源记为“考勤登记 日期”或“批量导入 文件名”。
    课程有培训安排时，--date 必须是某次课次的第一天（连续多天的课次只在第一天登记一次）；
    在安排之外的日期补学时，加 --unscheduled --reason "原因"，来源记为“补学登记 日期”或“补学导入 文件名”，
    原因随学时保存并写入审计记录。
    同一党员、同一课程、同一天只记一次：重复运行不会重复记入。
    任何一个党员编号不存在或课程不存在时报错，不记入任何学时。
    签到表 CSV 需有 id（或“编号”）一列；有 name（“姓名”）一列时会与名册核对；其他列忽略。
    撤销：course-menu credit --undo 课程编号 --date 日期 --members 编号（或 --sheet 签到表）--reason "原因"
    在一次操作中删除这些党员该课程该日的学时，并写入审计记录（操作人、时间、原因、删除的内容），
    可用 course-menu audit 查看；有任何一个党员没有这条学时记录时，什么也不删除。
    撤销网络培训测验所计的学时时，测验记录和得分保留，并注明学时已撤销；党员再次通过测验可重新计入。
    """
  static let creditCourseHelp = "课程编号（见课程目录，如 farm-greenhouse-veg）。"
  static let creditDateHelp = "上课日期，如 2026-12-05（有培训安排的课程为课次的第一天）。"
  static let creditMembersHelp = "党员编号，用逗号分隔，如 1001,1002,1003。"
  static let creditSheetHelp = "签到表 CSV 文件。"
  static let creditUnscheduledHelp = "补学：日期不是课次的第一天（需同时写 --reason）。"
  static let creditReasonHelp = "原因：补学（--unscheduled）或撤销（--undo）时必须写明。"
  static let creditUndoHelp = "撤销：删除这些党员该课程该日的学时记录（需 --members 或 --sheet，以及 --reason）。"
  static let creditMembersOrSheet = "请用 --members 或 --sheet 指定党员（二者选一）。"
  static let creditRejected = "没有记入任何学时"
  static let unscheduledNeedsReason = "补学（--unscheduled）请用 --reason 写明原因。"
  static let reasonWithoutAction = "--reason 只用于补学（--unscheduled）或撤销（--undo）。"
  static let undoNeedsMembers = "撤销（--undo）请用 --members 或 --sheet 指定党员（二者选一）。"
  static let undoNeedsReason = "撤销（--undo）请用 --reason 写明原因。"
  static let undoNotUnscheduled = "--undo 和 --unscheduled 不能同时使用。"
  static func blank(_ option: String) -> String { "\(option) 不能为空。" }
  static func withControlCharacters(_ option: String) -> String {
    "\(option) 只能是一行文字，不能有换行或控制字符。"
  }
  static func tooLong(_ option: String, limit: Int) -> String { "\(option) 最多 \(limit) 个字。" }
  static let undoRejected = "没有撤销任何学时"

  /// The date is not the first day of any session of a course that has them.
  static func notScheduled(_ course: Course, date: LocalDate) -> [String] {
    ["\(course.title)（\(course.id)）在 \(date) 没有开始的课次；登记考勤的日期应为课次的第一天："]
      + course.sessions.sorted { $0.date < $1.date }.map { "  \(MemberText.sessionLine($0))" }
      + ["如果是在安排之外补学，请加 --unscheduled --reason \"原因\"。"]
  }

  static func unscheduledButScheduled(_ date: LocalDate) -> String {
    "注意：\(date) 是课次的第一天，按正常考勤登记，不作为补学（不需要 --unscheduled）"
  }

  static func invalidDate(_ text: String) -> String { "日期 \"\(text)\" 无效：应写作 2026-12-05" }

  static func unknownCourse(_ id: String) -> String {
    "课程目录中没有编号为 \(id) 的课程（课程编号见 course-menu check 或课程文件）"
  }

  static func dateInFuture(_ date: LocalDate, today: LocalDate) -> String {
    "日期 \(date) 晚于今天（\(today)）：学时只能在上课之后登记，请核对日期"
  }

  static func dateOutsideCatalogYear(_ date: LocalDate, year: TrainingYear) -> String {
    "注意：日期 \(date) 不在目录的培训年度（\(year.start) 至 \(year.span.lastDay)）内"
  }

  static func invalidMemberList(_ invalid: [String]) -> String {
    invalid.isEmpty
      ? "--members 中没有党员编号"
      : "党员编号无效（只能是数字）：\(invalid.joined(separator: "、"))"
  }

  static func creditDone(
    course: Course, date: LocalDate, outcome: CreditOutcome, names: [String: String],
    reason: String?
  ) -> [String] {
    func list(_ ids: [String]) -> String {
      ids.map { id in names[id].map { "\(id) \($0)" } ?? id }.joined(separator: "、")
    }
    var lines = ["\(course.title)（\(course.id)）\(date)：每人 \(course.hours) 学时，\(course.form.label)"]
    if let reason { lines.append("补学，原因：\(reason)（已写入审计记录）") }
    lines.append(
      "新记入 \(outcome.credited.count) 人"
        + (outcome.credited.isEmpty ? "" : "：\(list(outcome.credited))"))
    if !outcome.alreadyCredited.isEmpty {
      let scope = course.form == .online ? "（网络培训课程每个培训年度只计一次）" : ""
      lines.append(
        "已有记录、未重复记入 \(outcome.alreadyCredited.count) 人\(scope)：\(list(outcome.alreadyCredited))")
    }
    return lines
  }

  static func undoDone(_ removed: [RemovedCredit], reason: String, names: [String: String])
    -> [String]
  {
    guard let first = removed.first?.credit else { return [] }
    var lines = [
      "已撤销 \(removed.count) 条学时记录：\(first.courseTitle)（\(first.courseID)）\(first.date)，原因：\(reason)"
    ]
    for item in removed {
      let name = names[item.memberID].map { " \($0)" } ?? ""
      lines.append(
        "  \(item.memberID)\(name)  \(item.credit.hours) 学时  \(item.credit.form.label)  来源：\(item.credit.source)"
      )
    }
    lines.append("已写入审计记录（course-menu audit 可查看）")
    return lines
  }

  // MARK: audit

  static let auditAbstract = "查看审计记录：撤销的学时、补学登记等操作的操作人、时间、原因和内容。"
  static let auditMemberHelp = "只列出这名党员的记录。"
  static let auditSinceHelp = "只列出这一天（含）以后的记录，如 2026-03-01。"
  static let auditHeader = ["时间", "操作人", "操作", "党员", "原因", "内容"]
  static let auditEmpty = "没有审计记录"
  static let unknownActor = "（未知）"

  static func auditTally(_ count: Int) -> String { "共 \(count) 条审计记录" }

  static func auditAction(_ action: AuditAction) -> String {
    switch action {
    case .creditRemoved: "撤销学时"
    case .makeUpCredited: "补学登记"
    case .keyAdded: "登记钥匙"
    case .keyRemoved: "撤销钥匙"
    case .signInClosed: "结束签到"
    case .signInCancelled: "取消签到"
    case .signInNameRemoved: "签到除名"
    case .administratorRemoved: "删除管理员"
    case .other(let identifier): identifier
    }
  }

  /// What an entry changed: a credit or a sign-in in words, else the stored detail as it is.
  static func auditContent(_ entry: AuditEntry) -> String {
    if let key = KeyDetail.fields(from: entry.detail) {
      return SSHText.auditKey(fingerprint: key.fingerprint, type: key.type, comment: key.comment)
    }
    if let showing = entry.showing {
      var text =
        "站点 \(showing.stationID) \(showing.courseTitle)（\(showing.courseID)）\(showing.date)"
      switch entry.action {
      case .signInClosed:
        text += "：记入 \(showing.credited.count) 人"
        if !showing.alreadyCredited.isEmpty { text += "，已有记录 \(showing.alreadyCredited.count) 人" }
      case .signInCancelled:
        text += "：已签到 \(showing.signedIn.count) 人，均未记入学时"
      default:
        break
      }
      return text
    }
    guard let credit = entry.credit else { return entry.detail }
    var text =
      "\(credit.courseTitle)（\(credit.courseID)）\(credit.date) \(credit.hours) 学时 \(credit.form.label)，来源 \(credit.source)"
    if let at = credit.recordedAt { text += "，登记于 \(LocalTime(at).dateTimeText)" }
    if let by = credit.recordedBy { text += "，登记人 \(by)" }
    return text
  }

  // MARK: report

  static let reportAbstract = "学时报告：每名党员的学时、目标和各项要求是否达到。"
  static let reportDiscussion = """
    默认为课程目录的培训年度；只列出在该年度最后一天及以前入党的党员，年度结束后入党的不列入、不计数。
    --format csv 输出带 BOM 的 UTF-8 CSV，可直接用 Excel 打开：
    course-menu report --format csv > 学时报告.csv
    """
  static let reportYearHelp = "培训年度（默认为课程目录的年度；与 --member 同用时只列这一年度）。"
  static let reportMemberHelp = "一名党员的学习档案：历年学时、每条学时的来源、每年各项要求是否达到。"
  static let memberWithBranch = "--member 和 --branch 不能同时使用。"
  static let memberNeedsText = "--member 的学习档案只有文本格式（--format text）。"
  static let reportFormatHelp = "输出格式：text（默认）或 csv。"
  static let reportNoMembers = "没有党员记录"
  static let complete = "全部达到"

  static func invalidYear(_ year: Int) -> String { "年度 \(year) 无效" }

  static func reportTitle(year: TrainingYear, rules: String, branch: String?) -> String {
    let scope = branch.map { "，\($0)" } ?? ""
    return "\(year.year) 年度学时报告（\(year.start) 至 \(year.span.lastDay)\(scope)；规则 \(rules)）"
  }

  /// What the year report counts: members of the Party by the year's last day.
  static func reportScope(_ year: TrainingYear) -> String {
    "统计 \(year.span.lastDay) 及以前入党的党员；年度结束后入党的不列入。"
  }

  static func reportLegend(_ number: Int, _ requirement: Requirement) -> String {
    "要求\(number)：\(requirement.title)"
  }

  static func reportTextHeader(requirementCount: Int) -> [String] {
    ["编号", "姓名", "支部", "已记学时", "计入/目标"] + (0..<requirementCount).map { "要求\($0 + 1)" }
      + ["达到情况"]
  }

  /// The status column: 全部达到, 无适用要求, or 未达到 with what is missing.
  static func reportStatus(_ progress: YearProgress) -> String {
    let standing = MemberText.standing(progress.standing)
    guard progress.standing == .unmet else { return standing }
    return "\(standing)：\(progress.missingSummary)"
  }

  static func countedOfTarget(_ counted: StudyHours, _ target: StudyHours?) -> String {
    "\(counted)/\(target?.description ?? "-")"
  }

  /// ✓ met, ✗ not met, - does not apply.
  static func mark(_ met: Bool?) -> String {
    switch met {
    case true?: "✓"
    case false?: "✗"
    case nil: "-"
    }
  }

  /// Members who met everything, who did not, and to whom nothing applies, each counted
  /// apart: nobody without a requirement is counted as having met it.
  static func reportTally(_ counts: [YearStanding: Int]) -> String {
    let total = counts.values.reduce(0, +)
    return "共 \(total) 人："
      + YearStanding.allCases.map { "\(MemberText.standing($0)) \(counts[$0] ?? 0) 人" }.joined(
        separator: "，")
  }

  static func reportCSVHeader(_ requirementTitles: [String]) -> [String] {
    ["编号", "姓名", "支部", "领域", "身份", "流动党员", "已记学时", "计入目标学时", "目标学时"]
      + requirementTitles + ["达到情况", "还缺"]
  }

  // MARK: report --member (学习档案)

  static func archiveTitle(_ member: Member) -> String {
    let floating = member.floating ? "，流动党员" : ""
    return
      "学习档案：\(member.id) \(member.name)（\(member.branch)；\(member.domain.label)，\(member.role.label)\(floating)；入党日期 \(member.joined)）"
  }

  static func archiveScope(years: ClosedRange<Int>, rules: String) -> String {
    let span =
      years.count == 1 ? "\(years.lowerBound) 年度" : "\(years.lowerBound) 至 \(years.upperBound) 年度"
    return "\(span)，按规则 \(rules) 计算"
  }

  static func archiveYear(_ progress: YearProgress) -> String {
    let year = progress.year
    let counted = progress.target.map { "，计入 \(progress.countedHours)/\($0) 学时" } ?? ""
    return
      "\(year.year) 年度（\(year.start) 至 \(year.span.lastDay)）：已记 \(progress.creditedHours) 学时\(counted) —— \(MemberText.standing(progress.standing))"
  }

  static func archiveRequirement(_ status: RequirementStatus) -> String {
    let facts = MemberText.requirementFacts(status)
    let detail = facts.isEmpty ? "" : "（\(facts)）"
    guard !status.isMet else {
      return "\(mark(true)) \(MemberText.met)  \(status.requirement.title)\(detail)"
    }
    return
      "\(mark(false)) \(MemberText.unmet)  \(status.requirement.title)：\(status.missing.joined(separator: "，"))\(detail)"
  }

  static let archiveNoRequirement = "本年度没有适用的学时要求"
  static let archiveNoCredits = "本年度没有学时记录"
  static func archiveBeforeJoining(_ count: Int) -> String {
    "入党那一年度之前的学时记录 \(count) 条，不计入任何年度（请核对入党日期，登记错误的用 credit --undo 撤销）："
  }
  static let archiveCreditHeader = ["日期", "学时", "课程", "形式", "来源", "说明"]
  static let archiveUncounted = "不计入"

  static func archiveMakeUp(_ reason: String) -> String { "补学：\(reason)" }

  static func csvStatus(_ met: Bool?) -> String {
    switch met {
    case true?: "达到"
    case false?: "未达到"
    case nil: "不适用"
    }
  }
}
