// The Chinese text of hour accounting and of the records store (members, PINs, rosters,
// attendance sheets), beside Problem.swift: the library's user-facing text stays in Diagnostics/.

/// What a member still needs, in words (学时 accounting).
public enum AccountingText {
  /// `还需 8 学时`; when only some forms count, the shorter of what counts and what does not:
  /// `还需 8 学时（只计集中培训）`, `还需 8 学时（不计自学）`.
  public static func missingHours(_ hours: StudyHours, forms: [CourseForm]?) -> String {
    guard let forms else { return "还需 \(hours) 学时" }
    let excluded = CourseForm.allCases.filter { !forms.contains($0) }
    let qualifier =
      excluded.count < forms.count
      ? "不计" + excluded.map(\.label).joined(separator: "、")
      : "只计" + forms.map(\.label).joined(separator: "、")
    return "还需 \(hours) 学时（\(qualifier)）"
  }

  public static func missingConcentrated(_ count: Int) -> String { "还需参加 \(count) 次集中培训" }

  /// `党员年度集中学习培训：还需 8 学时；新党员……：还需参加 1 次集中培训`.
  public static func summary(_ unmet: [(title: String, missing: [String])]) -> String {
    unmet.map { "\($0.title)：\($0.missing.joined(separator: "，"))" }.joined(separator: "；")
  }
}

/// The records store's messages: errors, roster and attendance-sheet problems, credit sources.
public enum RecordsText {
  static func error(_ error: RecordsError) -> String {
    switch error {
    case .cannotOpen(let path, let reason):
      "无法打开学时记录数据库 \(path)：\(reason)"
    case .newerSchema(let path, let unknown):
      "学时记录数据库 \(path) 由更新版本的 course-menu 写入（\(unknown.joined(separator: "、"))），请升级程序后再使用"
    case .busy:
      "学时记录数据库正忙（其他终端正在写入），请稍后再试"
    case .database(let message):
      "学时记录数据库出错：\(message)"
    case .unknownMember(let id):
      "没有编号为 \(id) 的党员"
    case .unknownMembers(let ids):
      "以下党员编号不存在：\(ids.joined(separator: "、"))"
    case .invalidMemberID(let id):
      "党员编号 \"\(id)\" 无效：只能是 1 到 20 位数字"
    case .invalidPIN:
      "PIN 应为 4 到 12 位数字"
    case .requiredCourse(_, let title):
      "“\(title)”是必修课，不能退选"
    case .noSuchCredits(let courseID, let date, let ids):
      "以下党员在 \(date) 没有课程 \(courseID) 的学时记录：\(ids.joined(separator: "、"))"
    case .reasonRequired:
      "请写明原因（--reason）"
    case .keyOfAnotherMember(let fingerprint, let memberID):
      "钥匙 \(fingerprint) 已登记给党员 \(memberID)：一把钥匙只能属于一名党员"
    case .noSuchKey(let memberID, let fingerprint):
      "党员 \(memberID) 没有指纹为 \(fingerprint) 的钥匙（用 members keys \(memberID) 查看）"
    }
  }

  static let cannotCreateDirectory = "无法创建所在目录（权限不足？）"

  static func corruptMember(_ id: String) -> String { "党员 \(id) 的记录无法识别（数据库被手工修改过？）" }

  static func corruptCredit(_ memberID: String) -> String {
    "党员 \(memberID) 的一条学时记录无法识别（数据库被手工修改过？）"
  }

  /// The source of credits entered with `credit --members`.
  public static func attendanceSource(date: LocalDate) -> String { "考勤登记 \(date)" }

  /// The source of credits entered with `credit --sheet FILE`.
  public static func sheetSource(file: String) -> String { "批量导入 \(file)" }

  /// The source of a make-up (补学) entered with `credit --unscheduled --members`.
  public static func makeUpSource(date: LocalDate) -> String { "补学登记 \(date)" }

  /// The source of make-ups entered with `credit --unscheduled --sheet FILE`.
  public static func makeUpSheetSource(file: String) -> String { "补学导入 \(file)" }

  /// The source of the demo database's credits.
  public static let demoSource = "演示数据"

  static func atLine(_ line: Int, _ message: String) -> String { "第 \(line) 行：\(message)" }

  static func rosterColumnLabels(_ column: RosterColumn) -> [String] {
    switch column {
    case .id: ["编号", "党员编号"]
    case .name: ["姓名"]
    case .branch: ["支部", "所在支部", "党支部"]
    case .domain: ["领域"]
    case .role: ["身份", "职务"]
    case .joined: ["入党日期", "入党时间"]
    case .floating: ["流动党员", "流动"]
    case .pin: ["PIN", "密码"]
    }
  }

  static func unknownColumn(_ header: String, allowed: [String]) -> String {
    "未知的列 \"\(header)\"（拼写错误？）：可用的列有 \(allowed.joined(separator: "、"))"
  }

  static func duplicateColumn(_ column: String) -> String { "列 \(column) 出现了不止一次" }

  static func missingColumns(_ columns: [String]) -> String {
    "表头缺少必填的列：\(columns.joined(separator: "、"))（表头应为 id,name,branch,domain,role,joined，可加 floating,pin）"
  }

  static func emptyCell(_ column: String) -> String { "\(column) 不能为空" }

  static func invalidMemberIDCell(_ id: String) -> String {
    "党员编号 \"\(id)\" 无效：只能是 1 到 20 位数字（登录时只用数字键）"
  }

  static func duplicateMemberID(_ id: String, firstLine: Int) -> String {
    "党员编号 \(id) 重复：第 \(firstLine) 行已有这个编号"
  }

  static func invalidChoice(_ column: String, _ value: String, _ allowed: String) -> String {
    "\(column) 的取值 \"\(value)\" 无效：可用的有 \(allowed)"
  }

  static func invalidJoinedDate(_ text: String) -> String {
    "入党日期 \"\(text)\" 无效：应写作 2015-07-01（也可写 2015/7/1）"
  }

  static func joinedInFuture(_ text: String) -> String { "入党日期 \(text) 晚于今天" }

  /// `是`/`否` and their spellings; nil when the text is neither.
  static func yesNo(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "是", "1", "true", "yes", "y", "流动": true
    case "否", "0", "false", "no", "n": false
    default: nil
    }
  }

  static func invalidFloating(_ text: String) -> String {
    "流动党员（floating）的取值 \"\(text)\" 无效：填 是 或 否（也可写 1/0、true/false），不是流动党员可留空"
  }

  static func invalidPINCell(length: Int) -> String {
    "PIN 无效（\(length) 个字符）：应为 4 到 12 位数字；用 Excel 编辑时请把该列设为“文本”，以免去掉开头的 0"
  }

  static let noMembers = "文件中没有任何党员记录"

  static let sheetWithoutIDColumn = "表头中没有党员编号列：请加一列 id（或“编号”）"

  static func unknownMemberCell(_ id: String) -> String { "党员编号 \(id) 不存在（请先用 members import 导入）" }

  static func nameMismatch(id: String, recorded: String, written: String) -> String {
    "编号 \(id) 的党员是“\(recorded)”，表中写的是“\(written)”：请核对编号"
  }

  static func tooManyCells(found: Int, header: Int) -> String {
    "本行有 \(found) 列，比表头的 \(header) 列多（内容里有没加引号的逗号？）"
  }

  static func cellWithoutHeader(column: Int) -> String { "第 \(column) 列有内容，但表头没有列名" }
}

extension RecordsText {
  /// The demo members (`course-menu --demo`).
  public enum Demo {
    public static let names = ["王建国", "李秀英", "张伟", "陈小红", "赵明"]
    public static let village = "红旗村党支部"
    public static let community = "幸福社区党支部"
  }
}
