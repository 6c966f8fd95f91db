import Catalog

/// Every word of the kiosk's screens (start, 签到, 管理员) and of 近期安排 (sign-up with
/// seats), beside `MemberText`.
enum KioskText {
  // MARK: Command line
  static let kioskOptionHelp =
    "站点终端模式（也可设环境变量 COURSE_MENU_KIOSK=1）：开始屏幕显示本站点的签到，0、Ctrl-C 等都不能退出，退出需管理员编号和 PIN；没有按键 180 秒后回到开始屏幕（--idle-timeout 可改）。需要 --station。"
  static let kioskNeedsStation =
    "站点终端模式（--kiosk）需要站点编号：--station 编号，或环境变量 COURSE_MENU_STATION。"

  // MARK: Start screen
  static func startHeading(_ station: String) -> String { "欢迎使用 · \(station)" }
  static let itemSignIn = "签到（输入党员编号和 PIN）"
  static let itemAdministrator = "管理员"
  static func signingIn(_ title: String) -> String { "正在签到：\(title)" }
  static func signedInCount(_ count: Int) -> String { "已签到 \(count) 人" }
  static let signInHint = "参加学习的党员请按 1 签到"
  static func cannotQuit(_ digit: Int) -> String {
    "这是站点终端：退出程序需要管理员的编号和 PIN（按 \(digit) 管理员）"
  }
  static func stationUnknown(_ id: String) -> String {
    "站点 \(id) 还没有登记：请管理员运行 course-menu stations add \(id) --name 站点名称"
  }
  static func statusFailed(_ reason: String) -> String { "暂时读不到签到情况：\(reason)" }

  // MARK: Idle
  static func idleCountdown(_ seconds: Int) -> String { "\(seconds) 秒后回到开始屏幕：按任意键继续使用" }
  static func returnedIdle(seconds: Int) -> String {
    let span = seconds % 60 == 0 ? "\(seconds / 60) 分钟" : "\(seconds) 秒"
    return "已回到开始屏幕（\(span)没有按键）"
  }

  // MARK: Signing in
  static func signInHeading(_ title: String) -> String { "签到：\(title)" }
  static let signedInHeading = "签到成功"
  static let signedIn = "签到成功！"
  static func signedInName(_ member: Member) -> String { "\(member.name)（编号 \(member.id)）" }
  static func alreadySignedIn(_ since: LocalTime) -> String {
    "您在 \(since.clockText) 已经签到过了，不用再签。"
  }
  static let nextPerson = "请下一位党员签到。"
  static let keyDone = "完成"
  static func removedFromList(_ member: Member) -> String {
    "\(member.name) 已被管理员从这次签到的名单中除名，不能再签到；如有疑问请找管理员。"
  }
  static let signInOver = "这次签到已经结束。"

  // MARK: Administrator
  static let administratorLoginHeading = "管理员登录"
  static let administratorNumberPrompt = "请输入管理员编号，按回车键确认。"
  static let administratorNumberLabel = "管理员编号："
  static func otherStation(_ stationID: String) -> String {
    "这个管理员只管理站点 \(stationID)，不能在本站点操作。"
  }
  static let menuHeading = "管理员菜单"
  static func greeting(_ administrator: Administrator, station: String) -> String {
    "\(administrator.name)（管理员 \(administrator.id)），您好！本站点：\(station)"
  }
  static let noSignInOpen = "现在没有进行中的签到。"
  static let itemOpen = "开启签到"
  static func itemList(_ count: Int) -> String { "签到名单（\(count) 人）" }
  static let itemClose = "结束签到并记入学时"
  static let itemCancel = "取消签到（不记学时）"
  static let itemQuit = "退出程序"
  static let backToStart = "返回开始屏幕"

  // MARK: Choosing what to open
  static let coursesHeading = "开启签到：选择课程"
  static func todaySessions(_ date: LocalDate) -> String { "本站点今天（\(date)）的课次：" }
  static let noSessionsToday = "本站点今天没有安排课次。"
  static let broadcastCourses = "或选择一门课程，按集中收看签到："
  static func sessionRow(_ course: Course, _ session: CourseSession) -> String {
    "课次  " + (session.time.map { "\($0)  " } ?? "") + "\(course.title)  \(course.hours) 学时"
  }
  static func broadcastRow(_ course: Course) -> String {
    "集中收看  \(course.title)  \(course.hours) 学时（\(course.form.label)）"
  }
  static func notScheduledToday(_ course: Course) -> String {
    "\(course.title) 今天没有课次，请按集中收看开启"
  }

  // MARK: Confirming
  static let confirmOpenHeading = "确认开启签到"
  static let confirmCloseHeading = "确认结束签到"
  static let confirmCancelHeading = "确认取消签到"
  static let confirmQuitHeading = "确认退出程序"
  static let confirmRemoveHeading = "确认除名"
  static func openQuestion(_ title: String, broadcast: Bool) -> String {
    "为“\(title)”开启\(broadcast ? "集中收看" : "课次")签到吗？"
  }
  static let openNote = "开启后，开始屏幕会显示课程和已签到人数，党员按 1 签到。"
  static func closeQuestion(_ showing: Showing) -> String {
    "结束“\(showing.courseTitle)”的签到，并为名单上的 \(showing.signedIn) 人各记入 \(showing.hours) 学时吗？"
  }
  static let closeNote = "结束后不能再签到；记入的学时来源为“站点签到”。已有这条学时的党员不会重复记入。"
  static func cancelQuestion(_ showing: Showing) -> String {
    "取消“\(showing.courseTitle)”的签到吗？已签到的 \(showing.signedIn) 人都不记学时。"
  }
  static let cancelNote = "取消会写入审计记录。"
  static let quitQuestion = "退出站点终端程序吗？"
  static let quitNote = "作为系统服务运行时，程序会在几秒后自动重新启动。"
  static func removeQuestion(_ member: Member, reason: String) -> String {
    "把 \(member.name)（编号 \(member.id)）从签到名单中除名吗？原因：\(reason)"
  }
  static let removeNote = "除名的党员不记学时，也不能再签到；除名写入审计记录。"
  static let confirm = "确定"
  static let cancel = "取消，返回"
  static func failed(_ reason: String) -> String { "没有完成：\(reason)。请稍后再按 1 重试。" }

  // MARK: Results
  static func opened(_ showing: Showing) -> String { "已开启签到：\(showing.courseTitle)" }
  static func cancelled(_ showing: Showing) -> String {
    "已取消签到：\(showing.courseTitle)，没有记入学时"
  }
  static func removed(_ attendee: Attendee) -> String { "已将 \(attendee.member.name) 除名" }
  static let closedHeading = "签到已结束"
  static func closedSummary(_ closed: ClosedSignIn) -> String {
    "\(closed.showing.courseTitle)  \(closed.showing.date)  每人 \(closed.showing.hours) 学时"
  }
  static func closedCounts(_ closed: ClosedSignIn) -> String {
    let removed = closed.attendees.filter { $0.removal != nil }.count
    var text = "新记入 \(closed.credits.credited.count) 人"
    if !closed.credits.alreadyCredited.isEmpty {
      text += "，已有记录 \(closed.credits.alreadyCredited.count) 人"
    }
    return text + (removed > 0 ? "，除名 \(removed) 人" : "") + "。"
  }
  static let closedColumns = ["编号", "姓名", "签到时间", "学时"]
  static let credited = "已记入"
  static let alreadyCredited = "已有记录"
  static let notCredited = "已除名"

  // MARK: Attendees
  static func attendeesHeading(_ title: String) -> String { "签到名单：\(title)" }
  static let attendeesColumns = ["编号", "姓名", "签到时间", "状态"]
  static let nobodyYet = "还没有人签到。"
  static let reading = "正在读取名单……"
  static let attendeesHint = "选择一个名字可以把他除名（需选择原因）。"
  static func removedMark(_ reason: String) -> String { "已除名：\(reason)" }
  static let alreadyRemoved = "这个名字已经除名了"

  // MARK: Removal reasons (chosen, not typed: the kiosk has no Chinese input method)
  static let reasonHeading = "选择除名原因"
  static let reasons = ["代签（本人没有到场）", "签错了人", "提前离开，没有参加完", "重复登记"]

  // MARK: 近期安排
  static let upcomingItem = "近期安排（报名）"
  static func placesHeading(days: Int) -> String { "近期安排：今后 \(days) 天" }
  static let placesPrompt = "请选择地点："
  static let allPlaces = "全部地点"
  static func placeRow(_ place: String, count: Int) -> String { "\(place)（\(count) 次课）" }
  static let noUpcoming = "今后 30 天没有安排课次。"
  static func sessionsHeading(_ place: String?) -> String { "近期安排：\(place ?? allPlaces)" }
  static let sessionsColumns = ["日期", "课程", "地点", "名额"]
  /// `12-05 周六`: a session's first day as a list row shows it.
  static func shortDay(_ date: LocalDate) -> String {
    let weekdays = ["周四", "周五", "周六", "周日", "周一", "周二", "周三"]
    let index = ((date.daysSinceEpoch % 7) + 7) % 7
    return "\(date.description.dropFirst(5)) \(weekdays[index])"
  }
  static func seatsLeft(_ left: Int) -> String { "剩 \(left)" }
  static let full = "已满"
  static let unlimited = "不限"
  static let unknownSeats = "…"
  static let mine = "已报名"
  static let signUpHeading = "报名"
  static let signUpItem = "报名参加"
  static let cancelSignUpItem = "取消报名"
  static let fullNote = "名额已满，不能报名。"
  static let dateLabel = "日　　期："
  static let timeLabel = "时　　间："
  static let placeLabel = "地　　点："
  static let seatsLabel = "名　　额："
  static let myStatusLabel = "我的报名："
  static func seatsValue(capacity: Int?, taken: Int?) -> String {
    guard let capacity else { return "不限名额" + (taken.map { "，已报名 \($0) 人" } ?? "") }
    guard let taken else { return "\(capacity) 人" }
    return "\(capacity) 人，已报名 \(taken) 人，剩余 \(max(0, capacity - taken)) 人"
  }
  static let signedUpStatus = "已报名"
  static let notSignedUpStatus = "未报名"
  static func signedUp(_ title: String) -> String { "已报名“\(title)”，请按时参加" }
  static func alreadySignedUp(_ title: String) -> String { "您已经报名了“\(title)”" }
  static func sessionFull(_ title: String) -> String { "“\(title)”名额已满，没有报上名" }
  static func signUpCancelled(_ title: String) -> String { "已取消报名“\(title)”，名额已让出" }
  static func notSignedUp(_ title: String) -> String { "您本来就没有报名“\(title)”" }
  static let noSuchSession = "课程目录中已没有这个课次"

  // MARK: Help
  static let helpSection: ScreenText.HelpSection = (
    "站点签到和报名：",
    [
      ("签到", "站点正在签到时，开始屏幕显示课程和已签到人数。按 1，输入党员编号和 PIN，看到“签到成功”和自己的姓名即可。签两次也不要紧。"),
      ("近期安排", "登录后在主菜单中查看今后 30 天的课次和剩余名额，选择课次按 1 报名或取消报名；已满的课次不能报名。"),
      ("管理员", "站点终端的开始屏幕有“管理员”一项：管理员输入编号和 PIN 后开启、结束或取消签到，查看名单和除名，或退出程序。"),
    ]
  )
}
