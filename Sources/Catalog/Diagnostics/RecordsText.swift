// The records store's own messages: errors, database failures, corrupt rows. Beside it:
// SheetText (rosters and attendance sheets), CreditSourceText, DemoText and AccountingText.
// The library's user-facing text stays in Diagnostics/.
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

  static func corruptAttempt(_ memberID: String) -> String {
    "党员 \(memberID) 的一次测验记录无法识别（数据库被手工修改过？）"
  }
}
