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
    case .newerSchema(let path, let version, let known, let unknown):
      "学时记录数据库 \(path) 由更新版本的 course-menu 写入（数据库版本 \(version)，本程序只认识到版本 \(known)"
        + (unknown.isEmpty ? "" : "；未知的升级步骤：\(unknown.joined(separator: "、"))")
        + "），请升级程序后再使用；数据库没有被改动"
    case .foreignDatabase(let path, let tables):
      "\(path) 是别的程序的 SQLite 数据库（其中有表 \(tables.prefix(5).joined(separator: "、"))\(tables.count > 5 ? " 等" : "")），不是学时记录数据库：请检查 --db 或 COURSE_MENU_DB 指向的文件；该文件没有被改动"
    case .notADatabase(let path):
      "\(path) 不是 SQLite 数据库文件，不是学时记录数据库：请检查 --db 或 COURSE_MENU_DB 指向的文件；该文件没有被改动"
    case .busy:
      "学时记录数据库正忙（其他终端正在写入），请稍后再试"
    case .database(let message):
      "学时记录数据库出错：\(message)"
    case .sqlite(let code, let detail):
      "学时记录数据库出错：\(sqliteFailure(code: code, detail: detail))"
    case .postgres(let code, let detail):
      "学时记录数据库出错：\(postgresFailure(code: code, detail: detail))"
    case .invalidDatabaseURL(let url):
      "数据库地址 \(url) 无法识别：应写成 postgresql://用户名@主机:端口/数据库名（可加 ?sslmode=disable、prefer 或 require）"
    case .passwordInURL:
      "数据库地址中不能写密码（命令行和环境变量里的地址会被别人看到）：请把密码放在 PGPASSWORD 环境变量中，或写入 ~/.pgpass 文件（每行 主机:端口:数据库:用户名:密码，文件权限 0600），地址中只写用户名"
    case .readOnly:
      "学时记录数据库是只读打开的，不能写入"
    case .unknownMember(let id):
      "没有编号为 \(id) 的党员"
    case .unknownMembers(let ids):
      "以下党员编号不存在：\(ids.joined(separator: "、"))"
    case .invalidMemberID(let id):
      "党员编号 \"\(id)\" 无效：只能是 1 到 20 位数字"
    case .numberWrittenTwoWays(let written, let stored):
      "党员编号 \(written) 与已有的编号 \(stored) 只差开头的 0：同一个人不能有两个编号，请按已有的写法 \(stored) 填写"
    case .invalidPIN:
      "PIN 应为 4 到 12 位数字"
    case .requiredCourse(_, let title):
      "“\(title)”是必修课，不能退选"
    case .noSuchCredits(let courseID, let date, let ids):
      "以下党员在 \(date) 没有课程 \(courseID) 的学时记录：\(ids.joined(separator: "、"))"
    case .creditBeforeJoining(let date, let members):
      "以下党员在 \(date) 还没有入党，不能登记这一天的学时（请核对日期）："
        + members.map { "\($0.memberID) \($0.name)（\($0.joined) 入党）" }.joined(separator: "、")
    case .reasonRequired:
      "请写明原因（--reason）"
    case .noSuchLessonPage(let courseID, let page):
      "课程 \(courseID) 没有第 \(page) 页课件（课程目录已更新？）"
    case .noQuiz(let courseID):
      "课程 \(courseID) 没有测验"
    case .quizChanged(let courseID):
      "课程 \(courseID) 的试题已经更新，这次测验无法交卷，请重新参加测验"
    case .attemptNotOpen:
      "这次测验已经交卷或已结束"
    case .keyOfAnotherMember(let fingerprint, let memberID):
      "钥匙 \(fingerprint) 已登记给党员 \(memberID)：一把钥匙只能属于一名党员"
    case .noSuchKey(let memberID, let fingerprint):
      "党员 \(memberID) 没有指纹为 \(fingerprint) 的钥匙（用 members keys \(memberID) 查看）"
    case .invalidStationID(let id):
      "站点编号 \"\(id)\" 无效：只能是 1 到 32 位英文字母、数字、- 或 _"
    case .unknownStation(let id):
      "没有编号为 \(id) 的站点（先用 course-menu stations add 登记）"
    case .invalidAdministratorID(let id):
      "管理员编号 \"\(id)\" 无效：只能是 1 到 20 位数字"
    case .unknownAdministrator(let id):
      "没有编号为 \(id) 的管理员"
    case .administratorOfAnotherStation(let id, let stationID):
      "管理员 \(id) 只管理站点 \(stationID)，不能操作这个站点"
    case .signInAlreadyOpen(let showing):
      "这个站点正在签到：\(showing.courseTitle)（\(showing.courseID)）\(showing.date)，已签到 \(showing.signedIn) 人；请先结束或取消这次签到"
    case .noOpenSignIn(let stationID):
      "站点 \(stationID) 现在没有进行中的签到"
    case .notSignedIn(let id):
      "党员 \(id) 不在这次签到的名单上"
    case .courseNotInCatalog(let id, let title):
      "课程目录中已没有课程 \(title)（\(id)），无法记入学时；可以取消这次签到"
    case .notCredited(let courseID, let year):
      "\(year) 年度没有课程 \(courseID) 的学时记录，不能评价"
    case .ratingDoesNotFit:
      "评价的答案与评价问题对不上（课程目录已更新？），请重新评价"
    case .surveyAnswersDoNotFit:
      "调研的答案与调研问题对不上（课程目录已更新？），请重新填写"
    }
  }

  /// An administrator as the log and the audit trail name them.
  static func administratorActor(_ administrator: Administrator) -> String {
    "管理员 \(administrator.id) \(administrator.name)"
  }

  static let unknownUser = "（未知用户）"

  static func corruptShowing(_ id: Int64) -> String { "签到记录 \(id) 无法识别（数据库被手工修改过？）" }

  /// The source of credits written when a station's sign-in closes.
  public static func signInSource(station: Station, date: LocalDate, kind: Showing.Kind)
    -> String
  {
    "站点签到 \(station.name) \(date)" + (kind == .broadcast ? "（集中收看）" : "")
  }

  static let cannotCreateDirectory = "无法创建所在目录（权限不足？）"

  /// What an SQLite result code means, in Chinese, with SQLite's own text after it.
  static func sqliteFailure(code: Int32, detail: String) -> String {
    let meaning =
      switch code & 0xFF {
      case 3, 23: "没有权限"
      case 5, 6: "数据库正忙"
      case 7: "内存不足"
      case 8: "没有写入权限（文件或所在目录只读）"
      case 10: "读写磁盘时出错"
      case 11: "数据库文件已损坏"
      case 13: "磁盘已满"
      case 14: "无法打开数据库文件（路径不存在、是目录，或没有权限）"
      case 15: "文件锁出错（数据库放在网络磁盘上？）"
      case 19: "数据不符合数据库的约束"
      case 22: "文件太大"
      case 26: "不是 SQLite 数据库文件"
      default: "数据库出错（错误码 \(code)）"
      }
    return "\(meaning)（SQLite：\(detail)）"
  }

  /// What a PostgreSQL SQLSTATE means, in Chinese, with the server's own text after it.
  public static func postgresFailure(code: String, detail: String) -> String {
    let meaning =
      switch code {
      case "28P01", "28000": "用户名或密码不对，或服务器不允许这个用户连接（密码请放在 PGPASSWORD 或 ~/.pgpass 中）"
      case "3D000": "数据库不存在（请先在服务器上建好数据库）"
      case "42501": "没有权限"
      case "53100": "服务器磁盘已满"
      case "53300": "服务器连接数已满"
      case "57P01", "57P02", "57P03": "服务器正在关闭或重启"
      case "25006": "数据库是只读的"
      case "40001", "40P01": "与其他终端的写入冲突，请稍后再试"
      case _ where code.hasPrefix("08"): "与数据库服务器的连接中断"
      case _ where code.hasPrefix("23"): "数据不符合数据库的约束"
      case "": "无法连接数据库服务器（地址、端口不对，或服务器没有运行）"
      default: "数据库出错（错误码 \(code)）"
      }
    return detail.isEmpty ? meaning : "\(meaning)（PostgreSQL：\(detail)）"
  }

  static func notWritable(_ file: String, mode: Int, owner: String) -> String {
    "没有写入权限：\(file) 的权限是 \(String(mode, radix: 8))，属于 \(owner)（只读的命令如 members list、report 不需要写入权限）"
  }

  static func sidecarNotWritable(_ file: String, mode: Int, owner: String) -> String {
    "\(file) 的权限是 \(String(mode, radix: 8))，属于 \(owner)，本程序无法写入：请把它的权限改成与数据库文件相同，或在没有程序使用数据库时删除它"
  }

  static func directoryNotWritable(_ directory: String) -> String {
    "所在目录 \(directory) 没有写入权限，无法创建 -wal 和 -shm 文件"
  }

  static let notARegularFile = "这不是普通文件"
  static let missingFile = "文件不存在"
  static let changedWhileReading = "读取时数据库正被写入，请稍后再试"
  static let noRowID = "数据库没有返回新记录的编号"
  static let noIdentity = "数据库没有自己的标识（records_meta），无法复制"

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

  /// The source of a credit earned by passing a course's test, with the score.
  public static func quizSource(score: Int) -> String { "网络培训测验 \(score) 分" }

  static func corruptAttempt(_ memberID: String) -> String {
    "党员 \(memberID) 的一次测验记录无法识别（数据库被手工修改过？）"
  }

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

  static func leadingZero(_ id: String) -> String {
    "党员编号 \(id) 以 0 开头，而表中编号位数不一：编号要么都不以 0 开头，要么全表位数相同（如 00017、00018），以免 1004 和 01004 被当成两个人"
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

  /// `knownAs`: a stored number equal to `id` but for leading zeros, which a spreadsheet
  /// drops from a number (00017 becomes 17).
  static func unknownMemberCell(_ id: String, knownAs: String? = nil) -> String {
    guard let knownAs else { return "党员编号 \(id) 不存在（请先用 members import 导入）" }
    return
      "党员编号 \(id) 不存在，记录中有 \(knownAs)，只差开头的 0：表格软件（如 Excel）会去掉编号开头的 0，请把编号列设为“文本”格式后写成 \(knownAs)"
  }

  static func nameMismatch(id: String, recorded: String, written: String) -> String {
    "编号 \(id) 的党员是“\(recorded)”，表中写的是“\(written)”：请核对编号"
  }

  static func tooManyCells(found: Int, header: Int) -> String {
    "本行有 \(found) 列，比表头的 \(header) 列多（内容里有没加引号的逗号？）"
  }

  static func cellWithoutHeader(column: Int) -> String { "第 \(column) 列有内容，但表头没有列名" }

  // MARK: The text of a sheet (SheetReader)

  static func column(_ number: Int) -> String { "第 \(number) 列" }

  static func namedColumn(_ number: Int, _ header: String) -> String { "第 \(number) 列（\(header)）" }

  static func unclosedQuote(_ column: String) -> String {
    "\(column)的引号在本行没有结束：引号要成对，单元格里也不能换行；可能是少写了一个引号，它会把下一行吞进来"
  }

  static func strayQuote(_ column: String) -> String {
    "\(column)中间有引号：引号只能包住整个单元格，单元格里的引号要写成两个（\"\"）"
  }

  static func textAfterQuote(_ column: String) -> String {
    "\(column)的结束引号后面还有文字：引号要包住整个单元格"
  }

  static func controlCharacterInCell(_ column: String, code: UInt32) -> String {
    let hex = String(code, radix: 16, uppercase: true)
    return
      "\(column)含有控制字符 U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)（\(controlName(code))）：单元格里不能有换行、制表符等控制字符，请删除后重新保存"
  }

  private static func controlName(_ code: UInt32) -> String {
    switch code {
    case 0x0A, 0x0D, 0x2028, 0x2029: "换行"
    case 0x09: "制表符"
    case 0x00: "空字符"
    case 0x1B: "转义符"
    case 0x0600...: "文字方向控制符"
    default: "不可见字符"
    }
  }
}

extension RecordsText {
  /// The demo members (`course-menu --demo`).
  public enum Demo {
    public static let names = ["王建国", "李秀英", "张伟", "陈小红", "赵明"]
    public static let village = "红旗村党支部"
    public static let community = "幸福社区党支部"
  }
}
