import Catalog

/// Every word of the member screens (start, login, 选学 / 退选, 我的选课, 我的学时), beside
/// `ScreenText`, so the wording can be reviewed in one place.
enum MemberText {
  // MARK: Start screen
  static let startHeading = "欢迎使用"
  static let startLogIn = "党员登录（输入党员编号和 PIN）"
  static let startGuest = "不登录，直接浏览课程"
  static let startQuit = "退出"
  static let demoIntro = "演示党员（登录时输入编号和 PIN）："
  static let demoColumns = ["编号", "PIN", "姓名", "说明"]
  /// What each demo member (`DemoData.members`, in order) shows off.
  static let demoNotes = [
    "普通党员，学时完成一部分，有上一年度记录",
    "村党支部书记，还没有参加集中培训",
    "社区班子成员，全年要求已完成",
    "入党不满一年的新党员",
    "流动党员，没有学时，网上学习课件中",
  ]
  /// `1001/1111 王建国`, where there is no room for the table.
  static func demoEntry(_ member: Member, pin: String) -> String {
    "\(member.id)/\(pin) \(member.name)"
  }
  static let demoEntrySeparator = "   "

  // MARK: Help
  static let helpSection: ScreenText.HelpSection = (
    "登录、选学和学时：",
    [
      ("登录", "在开始屏幕按 1，用数字键输入党员编号，按回车；再输入 PIN（屏幕上显示为 *），按回车。退格键删除输错的数字。"),
      (
        "PIN",
        "连续输错 \(LoginThrottle.freeFailures) 次以后，每次再试都要先等待（从 \(Int(LoginThrottle.firstDelay)) 秒起，最长 \(Int(LoginThrottle.maximumDelay / 60)) 分钟）；站点管理员可以清除错误记录。"
      ),
      ("1", "登录后，在课程详情中按 1 选学这门课程；已选学的按 1 退选。都要再按 1 确认，按 0 取消。必修课选学后不能退选。"),
      ("✓、★", "课程列表中 ✓ 表示已选学，★ 表示本年度已登记学时。"),
      ("我的选课", "主菜单中列出已选学的课程和培训安排。"),
      ("我的学时", "主菜单中显示本年度学时完成情况、每项要求是否达到，以及每条学时的日期和来源；自学等不计入要求的学时标为“不计入”。"),
      ("本年度", "指今天所在的培训年度（起止日期见“我的学时”），各屏幕都是这个意思；学时按登记日期计入年度，与课程目录是哪一年度的无关。"),
      ("1、2", "在“我的学时”中按 1 看上一年度，按 2 看下一年度；最下面列出历年记录。"),
      ("自动退出", "登录后一段时间（通常 15 分钟）没有按键，会自动退出登录、回到开始屏幕；之前屏幕下方倒数 15 秒，按任意键即可继续使用。"),
    ]
  )

  // MARK: Login
  static let loginHeading = "党员登录"
  static let loginNumberPrompt = "请输入党员编号，按回车键确认。"
  static let loginPINPrompt = "请输入 PIN（4 到 12 位数字），按回车键登录。"
  static let loginNumberLabel = "党员编号："
  static let loginPINLabel = "PIN 密码："
  static let loginTips = "只用数字键。输错了按退格键删除；不输入内容直接按回车，返回上一步。"
  static let loginChecking = "正在核对 PIN，请稍候……"
  static let onlyDigits = "请只输入数字 0-9"
  static let nothingToErase = "已经删完了。要返回开始屏幕，请按 Esc 键"
  static func numberTooLong(_ limit: Int) -> String { "党员编号最多 \(limit) 位" }
  static func pinTooLong(_ limit: Int) -> String { "PIN 最多 \(limit) 位" }
  static func pinTooShort(_ minimum: Int) -> String { "PIN 至少 \(minimum) 位数字，请继续输入" }
  /// The one answer to a wrong number or PIN: it never says which of the two was wrong, so
  /// nobody learns which numbers exist.
  static let wrongNumberOrPIN = "编号或 PIN 不正确。"
  static let retypePIN = "请重新输入 PIN；编号输错了，先按退格键删掉 PIN 再改编号。"
  static func freeAttempts(_ left: Int) -> String {
    "再输错 \(left) 次以后，每次再试都要先等待一段时间。"
  }
  static let tooManyFailures = "这个编号输错的次数较多，"
  /// `请 45 秒后再试。`, or `请在 14:05 后再试（约 3 分钟）。`.
  static func retry(_ time: ClockTime, today: LocalDate) -> String {
    if time.secondsLeft < 60 { return "请 \(time.secondsLeft) 秒后再试。" }
    let clock = time.date == today ? time.timeText : "\(time.date) \(time.timeText)"
    return "请在 \(clock) 后再试（约 \(time.minutesLeft) 分钟）。"
  }
  static let lockedOut = "这个编号连续输错 PIN 的次数太多，已停止登录：请站点管理员解除后再登录。"
  static func loginFailed(_ reason: String) -> String { "暂时无法登录：\(reason)" }
  static let keyConfirm = "确认"
  static let keyErase = "删除"
  static let keyNameDigits = "0-9"

  // MARK: Main menu of a member
  static let mainMenuMyCourses = "我的选课"
  static let mainMenuMyHours = "我的学时"
  static let mainMenuLogOut = "退出登录"
  static let mainMenuBackToStart = "返回开始屏幕"
  static func greeting(_ member: Member) -> String {
    "\(member.name)（编号 \(member.id)，\(member.branch)），您好！"
  }
  static func myCoursesItem(_ count: Int) -> String { "我的选课（\(count) 门）" }
  static func progressLine(_ progress: YearProgress) -> String {
    let year = "\(progress.year.year) 年度"
    let hours =
      progress.target.map { "\(year)已计 \(progress.countedHours)/\($0) 学时" }
      ?? "\(year)已计 \(progress.creditedHours) 学时"
    switch progress.standing {
    case .noRequirement: return "\(hours)，本年度没有适用的学时要求。"
    case .met: return "\(hours)，全年要求已全部完成。"
    case .unmet:
      if progress.hoursToTarget > .zero { return "\(hours)，还需 \(progress.hoursToTarget) 学时。" }
      return "\(hours)，还有要求未完成，见“我的学时”。"
    }
  }

  /// Where a member stands in a year, in the words of 我的学时 and of the reports.
  static func standing(_ standing: YearStanding) -> String {
    switch standing {
    case .met: "全部达到"
    case .unmet: "未达到"
    case .noRequirement: "无适用要求"
    }
  }

  // MARK: Marks in course lists
  static func legend(_ glyphs: Glyphs) -> String {
    "\(glyphs.selectedMark) 已选学  \(glyphs.creditedMark) 本年度已计学时"
  }

  // MARK: Course detail
  static let detailStatus = "我的状态："
  static func selectedOn(_ day: LocalDate?, mark: String) -> String {
    day.map { "\(mark) 已选学（\($0) 选学）" } ?? "\(mark) 已选学"
  }
  static let notSelected = "未选学"
  static func credited(_ credits: [Credit], mark: String) -> String {
    credits.map { "\(mark) 已计 \($0.hours) 学时（\($0.date)，\($0.source)）" }.joined(
      separator: "；")
  }
  static let keySelect = "选学"
  static let keyDrop = "退选"
  static let guestCannotSelect = "登录后才能选学：回到开始屏幕，按 1 登录"
  static func requiredCannotBeDropped(_ title: String) -> String {
    "“\(title)”是必修课，不能退选"
  }

  // MARK: Confirmation
  static let confirmSelectHeading = "确认选学"
  static let confirmDropHeading = "确认退选"
  static let confirmSelectQuestion = "确定选学这门课程吗？"
  static let confirmDropQuestion = "确定退选这门课程吗？"
  static let confirmSelectRequired = "这是必修课：选学后不能退选。"
  static let confirmSelectElective = "选学后，需要时也可以退选。"
  static let confirmDropNote = "退选后还可以再选；已经登记的学时不受影响。"
  static let confirmSelect = "确定选学"
  static let confirmDrop = "确定退选"
  static let confirmCancel = "取消，返回课程"
  static let saving = "正在保存，请稍候……"
  static func courseFacts(_ course: Course) -> String {
    "\(course.hours) 学时，\(course.kind.label)，\(course.form.label)"
  }
  static func selectedDone(_ title: String) -> String { "已选学“\(title)”，可在主菜单“我的选课”中查看" }
  static func droppedDone(_ title: String) -> String { "已退选“\(title)”" }
  static func alreadySelected(_ title: String) -> String { "“\(title)”已经选学过了" }
  static func notSelectedBefore(_ title: String) -> String { "“\(title)”本来就没有选学" }
  static func saveFailed(_ reason: String) -> String {
    "没有保存：\(reason)。您的选课没有任何改变，请稍后再按 1 重试。"
  }
  static func loadFailed(_ reason: String) -> String { "无法读取最新记录，显示的是登录时的记录：\(reason)" }

  // MARK: 我的选课
  static func myCoursesHeading(_ count: Int) -> String { "我的选课（\(count) 门）" }
  static let noSelections = "还没有选学任何课程。在课程目录中打开一门课程，按 1 即可选学。"
  static let columnNextSession = "最近安排"
  static let noUpcomingSession = "暂无安排"
  static let sessionsLabel = "培训安排："
  static let selectedAtLabel = "选学日期："
  static func sessionLine(_ session: CourseSession) -> String {
    var parts = [ScreenText.sessionDays(session)]
    if let time = session.time { parts.append(time) }
    parts.append(session.place)
    if let capacity = session.capacity { parts.append("名额 \(capacity)") }
    return parts.joined(separator: "  ")
  }
  static func nextSession(_ session: CourseSession) -> String {
    "\(ScreenText.sessionDays(session)) \(session.place)"
  }
  static func lastSession(_ session: CourseSession) -> String {
    "已结束（\(ScreenText.sessionDays(session))）"
  }

  // MARK: 我的学时
  static func myHoursHeading(_ year: Int) -> String { "我的学时（\(year) 年度）" }
  static func memberLine(_ member: Member) -> String {
    let floating = member.floating ? "，流动党员" : ""
    return
      "\(member.name)  编号 \(member.id)  \(member.branch)（\(member.domain.label)，\(member.role.label)\(floating)）"
  }
  static func yearSpan(_ year: TrainingYear) -> String {
    "统计期间：\(year.start) 至 \(year.span.lastDay)"
  }
  /// Under this year's span when the catalog serves another year (January before the new
  /// catalog is out, or December after it is): which year new hours go to.
  static func catalogYearNote(catalog: Int, current: Int, catalogYearKey: String?) -> String {
    let key = catalogYearKey.map { "按 \($0) 看 \(catalog) 年度。" } ?? ""
    return catalog < current
      ? "课程目录仍是 \(catalog) 年度的（新目录尚未发布）；学时按日期计入年度，本年度是 \(current) 年度。\(key)"
      : "课程目录已是 \(catalog) 年度的；学时按日期计入年度，本年度仍是 \(current) 年度。\(key)"
  }
  static let progressLabel = "完成情况："
  static func progressFigures(_ progress: YearProgress) -> String {
    guard let target = progress.target else {
      let note = progress.standing == .noRequirement ? "无适用要求" : "没有学时目标"
      return "已计 \(progress.creditedHours) 学时（\(note)）"
    }
    let percent =
      target > .zero ? min(100, progress.countedHours.halves * 100 / target.halves) : 100
    return "\(progress.countedHours)/\(target) 学时（\(percent)%）"
  }
  /// `共登记 26 学时，其中 22 学时计入“党员年度集中学习培训”；自学 4 学时不计入。`
  static func countedNote(_ progress: YearProgress) -> String? {
    guard let status = progress.targetStatus, progress.countedHours != progress.creditedHours
    else { return nil }
    var note =
      "共登记 \(progress.creditedHours) 学时，其中 \(progress.countedHours) 学时计入“\(status.requirement.title)”"
    let uncounted = progress.uncountedHoursByForm
    if !uncounted.isEmpty {
      note +=
        "；" + uncounted.map { "\($0.form.label) \($0.hours) 学时" }.joined(separator: "、") + "不计入"
    }
    return note + "。"
  }
  /// A form in 按形式, `自学（不计入）` when its hours do not count toward the target.
  static func formLabel(_ form: CourseForm, counted: Bool) -> String {
    counted ? form.label : "\(form.label)（不计入）"
  }
  static let requirementsLabel = "学时要求："
  static let noRequirements = "本年度没有适用的学时要求：学时规则中没有一条适用于您的领域和身份。如有疑问，请问站点管理员。"
  static let met = "已达到"
  static let unmet = "未达到"
  static func requirementFacts(_ status: RequirementStatus) -> String {
    var parts: [String] = []
    if let minimum = status.requirement.minHours {
      parts.append("至少 \(minimum) 学时，已计 \(status.countedHours) 学时")
    }
    if let minimum = status.requirement.minConcentrated, minimum > 0 {
      parts.append("至少参加 \(minimum) 次集中培训，已参加 \(status.concentratedCourses) 次")
    }
    if status.requirement.newMember {
      parts.append("入党一年内（\(status.period.start) 至 \(status.period.lastDay)）")
    }
    return parts.joined(separator: "；")
  }
  static func requirementSource(_ source: String) -> String { "依据：\(source)" }
  static let byCategoryLabel = "按类别："
  static let byFormLabel = "按形式："
  static let noHoursYet = "暂无学时"
  static func hours(_ hours: StudyHours) -> String { "\(hours) 学时" }
  static func creditsLabel(count: Int, total: StudyHours) -> String {
    count == 0 ? "学时明细：本年度还没有登记学时。" : "学时明细（共 \(count) 条，合计 \(total) 学时）："
  }
  static let creditColumns = ["日期", "学时", "课程", "形式", "来源"]

  // MARK: 我的学时 over the years (学习档案)
  static let keyPreviousYear = "上一年度"
  static let keyNextYear = "下一年度"
  static let noEarlierYear = "没有更早年度的学时记录"
  static let noLaterYear = "没有更晚年度的学时记录"
  static func recordLabel(keys: String) -> String { "历年记录（按 \(keys) 切换年度）：" }
  static func yearLabel(_ year: Int) -> String { "\(year) 年度" }
  static func yearHours(_ progress: YearProgress) -> String {
    progress.target.map { "已计 \(progress.countedHours)/\($0) 学时" }
      ?? "已计 \(progress.creditedHours) 学时"
  }
  static let noCreditsHint = "参加培训后由站点管理员登记考勤，或在课程详情中按 3 通过网络培训课程的测验，学时就会出现在这里。"

  // MARK: Frame and command line
  static func titleBarMember(_ member: Member) -> String { "党员：\(member.name)" }
  static let demoNotice = "演示模式：数据库是临时文件，退出后自动删除"
  static let demoOptionHelp = "演示：在临时数据库中放入几位演示党员和学时记录后打开界面，退出后删除，不动真实数据库。"
  static let demoWithDatabase = "--demo 使用临时数据库，不能与 --db 同时使用。"

  // MARK: Records
  static let noDatabase = "没有可用的学时记录数据库"
  /// At the right of the line above the keys while the records take their time.
  static let busySaving = "正在保存…"
  static let busyReading = "正在读取…"
  static let savingBeforeQuit = "正在保存，保存完毕后退出……"

  // MARK: Idle timeout
  static func idleCountdown(_ seconds: Int) -> String {
    "\(seconds) 秒后自动退出登录：按任意键继续使用"
  }
  static func loggedOutIdle(seconds: Int) -> String {
    let span = seconds % 60 == 0 ? "\(seconds / 60) 分钟" : "\(seconds) 秒"
    return "已自动退出登录（\(span)没有按键）"
  }
  static let negativeIdleTimeout = "--idle-timeout 不能是负数（0 表示不自动退出登录）。"
  static let idleTimeoutOptionHelp =
    "党员登录后多少秒没有按键就自动退出登录，回到开始屏幕（默认 900 秒，站点终端 180 秒；最后 15 秒倒计时，按任意键取消；不到 30 秒时倒计时为后一半）；0 表示不自动退出。"
  static func unknownCourse(_ id: String) -> String { "课程目录中没有编号为 \(id) 的课程" }
}
