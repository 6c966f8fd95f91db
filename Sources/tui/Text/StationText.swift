import Catalog
import Foundation

/// The Chinese text of the station's commands: stations, administrators, sign-in (签到),
/// sign-ups (报名) and the station report.
enum StationText {
  // MARK: Shared

  static let stationOptionHelp = "站点编号（默认取环境变量 COURSE_MENU_STATION）。"
  static let stationMissing = "请用 --station 指定站点编号（或设置环境变量 COURSE_MENU_STATION）。"
  static let formatHelp = "输出格式：text（默认）或 csv。"
  static let countyWide = "全县"

  static func invalidStation(_ id: String) -> String {
    "站点编号 \"\(id)\" 无效：只能是 1 到 32 位英文字母、数字、- 或 _"
  }

  static func invalidAdministrator(_ id: String) -> String {
    "管理员编号 \"\(id)\" 无效：只能是 1 到 20 位数字"
  }

  /// `S01 红旗村远教站点`.
  static func station(_ station: Station) -> String { "\(station.id) \(station.name)" }

  /// 课次（村党员活动室） or 集中收看.
  static func kind(_ showing: Showing) -> String {
    switch showing.kind {
    case .session: showing.place.map { "课次（\($0)）" } ?? "课次"
    case .broadcast: "集中收看"
    }
  }

  static func state(_ state: Showing.State) -> String {
    switch state {
    case .open: "进行中"
    case .closed: "已结束"
    case .cancelled: "已取消"
    }
  }

  // MARK: stations

  static let stationsAbstract = "管理远程教育站点：登记、列出。"
  static let stationsAddAbstract = "登记一个站点（编号已有时修改名称和地点）。"
  static let stationsAddDiscussion = """
    站点编号用英文字母和数字，如 S01，写在站点终端的配置中（--station 或 COURSE_MENU_STATION）。
    课程目录中课次的地点（place）与站点名称或 --place 相同时，这个课次就在本站点举行，
    站点终端的管理员菜单会把当天的这些课次列在开启签到的最前面。
    """
  static let stationIDHelp = "站点编号，如 S01。"
  static let stationNameHelp = "站点名称，如 红旗村远程教育站点。"
  static let stationPlaceHelp = "课程目录中对应本站点的地点名（如 村党员活动室；默认同站点名称）。"
  static let stationsListAbstract = "列出站点、管理员和进行中的签到。"
  static let stationsHeader = ["编号", "名称", "课次地点", "管理员", "签到"]
  static let noStations = "还没有登记站点：请用 course-menu stations add 编号 --name 名称 登记"

  static func stationSaved(_ station: Station, _ outcome: SaveOutcome) -> String {
    switch outcome {
    case .added: "已登记站点 \(Self.station(station))"
    case .updated: "已修改站点 \(Self.station(station))"
    case .unchanged: "站点 \(Self.station(station)) 已登记，没有变化"
    }
  }

  static func openShowing(_ showing: Showing?) -> String {
    guard let showing else { return "" }
    return "正在签到：\(showing.courseTitle) \(showing.date)，已签到 \(showing.signedIn) 人"
  }

  static func stationsTally(_ count: Int) -> String { "共 \(count) 个站点" }

  static let stationsLogAbstract = "站点的签到记录：每次签到的课程、日期、开始和结束时间、管理员、签到人数。"
  static let stationsLogHeader = [
    "日期", "站点", "课程", "形式", "状态", "开始", "结束", "开启人", "结束人", "签到人数",
  ]
  static func noShowings(year: TrainingYear) -> String {
    "\(year.year) 年度（\(year.start) 至 \(year.span.lastDay)）没有签到记录"
  }
  static func logTally(_ count: Int) -> String { "共 \(count) 次签到" }

  // MARK: admins

  static let adminsAbstract = "管理站点管理员：添加、列出、设置 PIN、删除、解除锁定。"
  static let adminsAddAbstract = "添加管理员（编号已有时修改姓名和站点；PIN 不变）。"
  static let adminsAddDiscussion = """
    管理员与党员名册分开，编号只能是数字（站点终端只用数字键输入）。
    不写 --station 为全县管理员，可在任何站点操作；写了只能在这个站点操作。
    添加后用 course-menu admins set-pin 编号 设置 PIN。
    管理员在站点终端开启和结束签到，并且只有管理员能退出站点终端。
    """
  static let adminIDHelp = "管理员编号（数字）。"
  static let adminNameHelp = "管理员姓名。"
  static let adminStationHelp = "所属站点编号（不写为全县管理员）。"
  static let adminsListAbstract = "列出管理员。"
  static let adminsHeader = ["编号", "姓名", "站点", "PIN", "状态"]
  static let noAdministrators = "还没有管理员：请用 course-menu admins add 编号 --name 姓名 添加"
  static let adminsSetPINAbstract = "设置管理员的 PIN（4 到 12 位数字）。"
  static let adminsRemoveAbstract = "删除管理员（已做的操作仍以其编号和姓名留在记录中）。"
  static let adminsUnlockAbstract = "清除管理员编号的 PIN 连续错误记录：解除等待和停止登录。"

  static func administrator(_ administrator: Administrator) -> String {
    "\(administrator.id) \(administrator.name)"
  }

  static func administratorSaved(_ administrator: Administrator, _ outcome: SaveOutcome)
    -> [String]
  {
    let scope = administrator.stationID.map { "站点 \($0)" } ?? countyWide
    let what: String =
      switch outcome {
      case .added: "已添加管理员"
      case .updated: "已修改管理员"
      case .unchanged: "管理员已存在，没有变化："
      }
    let saved = "\(what) \(Self.administrator(administrator))（\(scope)）"
    guard !administrator.hasPIN else { return [saved] }
    return [saved, "请用 course-menu admins set-pin \(administrator.id) 设置 PIN"]
  }

  static func adminPINPrompt(_ administrator: Administrator) -> String {
    "请输入管理员 \(Self.administrator(administrator)) 的新 PIN（4 到 12 位数字，输入时不显示）："
  }

  static func adminPINSet(_ administrator: Administrator) -> String {
    "已设置管理员 \(Self.administrator(administrator)) 的 PIN"
  }

  static func adminRemoved(_ administrator: Administrator) -> String {
    "已删除管理员 \(Self.administrator(administrator))（已写入审计记录）"
  }

  static func adminsTally(_ count: Int) -> String { "共 \(count) 名管理员" }

  // MARK: signin

  static let signInAbstract = "站点签到：开启、查看名单、除名、结束并记入学时、取消。"
  static let signInDiscussion = """
    一个站点同时只能有一次签到。开启后，站点终端的开始屏幕显示课程和已签到人数，
    党员按 1 输入党员编号和 PIN 签到。结束签到时，在一次操作中为名单上的每个人记入课程学时
    （来源“站点签到 站点名称 日期”），并列出签到名单；取消签到不记入任何学时。
    结束和取消都写入审计记录（course-menu audit）。
    """
  static let signInOpenAbstract = "开启签到：课次的第一天，或任意课程的集中收看。"
  static let signInOpenDiscussion = """
    课程有培训安排时，--date（默认今天）应为某次课次的第一天；
    在安排之外集中收看远程教育节目时加 --unscheduled，按“集中收看”记录。
    没有培训安排的课程每次都按集中收看记录。
    """
  static let signInCourseHelp = "课程编号（见课程目录）。"
  static let signInDateHelp = "日期，如 2026-12-05（默认今天）。"
  static let signInUnscheduledHelp = "集中收看：不在课程的培训安排中。"
  static let signInListAbstract = "查看进行中的签到和签到名单。"
  static let signInRemoveAbstract = "把一个党员从进行中的签到名单上除名（需写明原因，写入审计记录）。"
  static let signInRemoveMemberHelp = "党员编号。"
  static let signInReasonHelp = "原因。"
  static let signInCloseAbstract = "结束签到：为名单上的每个人记入学时，并列出签到名单。"
  static let signInCancelAbstract = "取消签到：不记入任何学时（写入审计记录）。"
  static let signInCancelReasonHelp = "取消的原因（可不写）。"
  static let signInReasonRequired = "请用 --reason 写明原因。"
  static let notOpened = "没有开启签到"

  static func dateInFuture(_ date: LocalDate) -> String { "日期 \(date) 晚于今天：不能为以后的日期开启签到" }

  static func notScheduled(_ course: Course, date: LocalDate) -> [String] {
    ["\(course.title)（\(course.id)）在 \(date) 没有开始的课次；签到的日期应为课次的第一天："]
      + course.sessions.sorted { $0.date < $1.date }.map { "  \(MemberText.sessionLine($0))" }
      + ["如果是在安排之外集中收看远程教育节目，请加 --unscheduled。"]
  }

  static func unscheduledButScheduled(_ date: LocalDate) -> String {
    "注意：\(date) 是课次的第一天，按课次签到（不需要 --unscheduled）"
  }

  static func showingLine(_ showing: Showing, station: Station) -> String {
    "站点 \(Self.station(station))：\(showing.courseTitle)（\(showing.courseID)）\(showing.date)，\(kind(showing))，每人 \(showing.hours) 学时"
  }

  static func opened(_ showing: Showing, station: Station) -> [String] {
    [
      "已开启签到。" + showingLine(showing, station: station),
      "党员在站点终端按 1 签到；结束并记入学时：course-menu signin close --station \(station.id)",
    ]
  }

  static func openedBy(_ showing: Showing) -> String {
    "由 \(showing.openedBy) 于 \(LocalTime(showing.openedAt).dateTimeText) 开启"
  }

  static let attendanceHeader = ["序号", "编号", "姓名", "支部", "签到时间", "状态"]
  static let signedIn = "已签到"
  static let credited = "已记入"
  static let alreadyCredited = "已有记录，未重复记入"

  static func removed(_ removal: Attendee.Removal) -> String {
    "已除名（\(removal.reason)），不记入"
  }

  static func listTally(_ attendees: [Attendee]) -> String {
    let removed = attendees.filter { $0.removal != nil }.count
    return "已签到 \(attendees.count - removed) 人" + (removed > 0 ? "（另除名 \(removed) 人）" : "")
  }

  static func nobodyYet() -> String { "还没有人签到" }

  static func removedDone(_ attendee: Attendee) -> String {
    "已将 \(attendee.member.id) \(attendee.member.name) 除名，原因：\(attendee.removal?.reason ?? "")（已写入审计记录）"
  }

  static func closed(_ closed: ClosedSignIn, station: Station) -> String {
    "已结束签到并记入学时。" + showingLine(closed.showing, station: station)
  }

  static func closedTally(_ closed: ClosedSignIn) -> String {
    let removed = closed.attendees.filter { $0.removal != nil }.count
    var text = "新记入 \(closed.credits.credited.count) 人"
    if !closed.credits.alreadyCredited.isEmpty {
      text += "，已有记录 \(closed.credits.alreadyCredited.count) 人"
    }
    if removed > 0 { text += "，除名 \(removed) 人" }
    return text + "（已写入审计记录）"
  }

  static func cancelled(_ showing: Showing, station: Station) -> String {
    "已取消签到，没有记入任何学时（已写入审计记录）。" + showingLine(showing, station: station)
      + (showing.signedIn > 0 ? "；已签到的 \(showing.signedIn) 人均未记入" : "")
  }

  // MARK: signups

  static let signUpsAbstract = "报名名单：某门课程某天开始的课次有哪些党员报名。"
  static let signUpsCourseHelp = "课程编号。"
  static let signUpsDateHelp = "课次的第一天，如 2026-12-05。"
  static let signUpsHeader = ["序号", "编号", "姓名", "支部", "报名时间"]

  static func noSession(_ course: Course, date: LocalDate) -> [String] {
    ["\(course.title)（\(course.id)）没有在 \(date) 开始的课次；培训安排："]
      + course.sessions.sorted { $0.date < $1.date }.map { "  \(MemberText.sessionLine($0))" }
  }

  static func signUpsTitle(_ course: Course, session: CourseSession, taken: Int) -> String {
    let seats =
      session.capacity.map { "名额 \($0)，已报名 \(taken) 人，剩余 \(max(0, $0 - taken))" }
      ?? "不限名额，已报名 \(taken) 人"
    return "\(course.title)（\(course.id)）\(MemberText.sessionLine(session))：\(seats)"
  }

  static let signUpsCSVHeader = ["课程编号", "课程", "日期", "地点", "序号", "编号", "姓名", "支部", "报名时间"]

  // MARK: report stations

  static let reportStationsAbstract = "站点使用情况：每月签到场次、送学学时、参学人数和平均到课人数。"
  static let reportStationsDiscussion = """
    只统计已结束的签到；取消的签到另计。培训年度按学时规则（默认为课程目录的年度）。
    送学学时：各场次课程学时之和（每场计一次）；参学人次：各场签到人数之和；
    参学人数：不同党员人数；平均到课：参学人次 ÷ 场次。
    --format csv 输出带 BOM 的 UTF-8 CSV，可直接用 Excel 打开。
    """
  static let reportStationHelp = "只统计这个站点。"
  static let reportStationsHeader = ["月份", "场次", "送学学时", "参学人次", "参学人数", "平均到课"]
  static let reportStationsCSVHeader = [
    "站点编号", "站点", "月份", "场次", "送学学时", "参学人次", "参学人数", "平均到课",
  ]
  static let wholeYear = "全年"

  static func reportStationsTitle(year: TrainingYear) -> String {
    "\(year.year) 年度站点使用情况（\(year.start) 至 \(year.span.lastDay)）"
  }

  static func reportStationHeading(_ activity: StationActivity) -> String {
    "站点 \(station(activity.station))"
      + (activity.cancelled > 0 ? "（另有取消的签到 \(activity.cancelled) 次）" : "")
  }

  /// `2026-03`.
  static func month(_ first: LocalDate) -> String { String(first.description.prefix(7)) }

  /// `2.5`, or `-` without a showing.
  static func average(_ value: Double?) -> String {
    guard let value else { return "-" }
    return String(format: "%.1f", value)
  }
}
