import Catalog

/// The words of `records copy`.
enum RecordsCopyText {
  static let recordsAbstract = "学时记录数据库整体操作（在 SQLite 文件和 PostgreSQL 之间复制）。"
  static let copyAbstract = "把一个学时记录数据库的全部记录复制到另一个（如站点的 SQLite 文件复制到县里的 PostgreSQL）。"
  static let copyDiscussion = """
    可重复执行：已经复制过的记录不会重复；两边同一条记录内容不同时列为冲突，不覆盖目标中的记录，其余记录照常复制（退出码 1）。
    PostgreSQL 地址写成 postgresql://用户名@主机:端口/数据库名，密码放在 PGPASSWORD 或 ~/.pgpass 中。
    """
  static let fromHelp = "复制来源：SQLite 文件路径或 postgresql:// 地址。"
  static let toHelp = "复制目标：postgresql:// 地址或 SQLite 文件路径。"
  static let sameDatabase = "--from 和 --to 是同一个数据库"

  /// The tables in Chinese, for the report.
  static func tableName(_ table: String) -> String {
    switch table {
    case "station": "站点"
    case "member": "党员"
    case "administrator": "管理员"
    case "login_throttle": "PIN 错误计数"
    case "selection": "选学"
    case "credit": "学时"
    case "lesson_progress": "课件进度"
    case "quiz_question": "试题文本"
    case "quiz_attempt": "测验"
    case "quiz_answer": "测验答题"
    case "member_key": "SSH 钥匙"
    case "session": "SSH 会话"
    case "showing": "签到场次"
    case "attendance": "签到名单"
    case "signup": "报名"
    case "rating_prompt": "评学（已问过）"
    case "rating_course": "评学课程"
    case "rating_tally": "评学计数"
    case "survey_status": "需求调研（已答或不答）"
    case "survey_tally": "需求调研计数"
    case "audit": "审计记录"
    default: table
    }
  }

  static func report(_ report: RecordsCopy.Report, from: String, to: String) -> String {
    var lines = ["从 \(from) 复制到 \(to)："]
    let rows = report.tables.map {
      [tableName($0.table), "\($0.copied)", "\($0.alreadyThere)"]
    }
    lines.append(TextTable(header: ["记录", "新复制", "已存在"], rows: rows).rendered)
    for conflict in report.conflicts {
      lines.append(
        "冲突：\(tableName(conflict.table)) \(conflict.key)：目标中已有内容不同的记录"
          + "（\(conflict.columns.joined(separator: "、")) 不同），未覆盖")
    }
    lines.append(
      "共新复制 \(report.copied) 条，已存在 \(report.alreadyThere) 条，冲突 \(report.conflicts.count) 条")
    return lines.joined(separator: "\n")
  }
}
