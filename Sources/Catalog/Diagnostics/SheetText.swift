/// The problems of a roster or an attendance sheet, by line and column.
extension RecordsText {
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
