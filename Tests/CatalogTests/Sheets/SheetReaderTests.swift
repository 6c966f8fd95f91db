import Foundation
import Testing

@testable import Catalog

/// Rosters and attendance sheets are read strictly: a broken line is reported where it is and
/// never swallows the lines after it.
@Suite struct SheetReaderTests {
  static let rosterHeader = "id,name,branch,domain,role,joined,floating,pin\n"

  func problems(_ text: String) -> [String] {
    guard let sheet = try? SheetReader.parse(text) else { return ["unreadable"] }
    return RosterImport.drafts(sheet, today: day("2026-11-21")).problems.map(\.description)
  }

  /// The roster from the attack: it imported "新增 2 人", member 1005 vanished into 1004's name.
  @Test func anUnbalancedQuoteIsReportedWhereItOpensAndSwallowsNothing() throws {
    let text =
      Self.rosterHeader
      + "1004,\"陈小红,红旗村党支部,rural,member,2026-03-01,,4444\n"
      + "1005,赵明\",红旗村党支部,rural,member,2020-01-01,,5555\n"
      + "1006,孙丽,红旗村党支部,rural,member,2020-01-01,,6666\n"
    let sheet = try SheetReader.parse(text)
    #expect(sheet.rows.map(\.line) == [2, 3, 4])
    #expect(sheet.rows[2].fields.first == "1006")
    let result = RosterImport.drafts(sheet, today: day("2026-11-21"))
    #expect(result.drafts.isEmpty)
    #expect(
      result.problems.map(\.description) == [
        "第 2 行：第 2 列（name）的引号在本行没有结束：引号要成对，单元格里也不能换行；可能是少写了一个引号，它会把下一行吞进来",
        "第 3 行：第 2 列（name）中间有引号：引号只能包住整个单元格，单元格里的引号要写成两个（\"\"）",
      ])
  }

  @Test func quotedFieldsThatAreRightStillRead() throws {
    let sheet = try SheetReader.parse("id,name\r\n1, \"王,建国\" \r\n2,\"a\"\"b\"\r3,\"\"\n")
    #expect(sheet.problems.isEmpty)
    #expect(sheet.rows.map(\.fields) == [["1", "王,建国"], ["2", "a\"b"], ["3", ""]])
    #expect(sheet.rows.map(\.line) == [2, 3, 4])
  }

  @Test func textAfterAClosingQuote() throws {
    let sheet = try SheetReader.parse("id,name\n1,\"王\"建国\n")
    #expect(sheet.problems.map(\.description) == ["第 2 行：第 2 列（name）的结束引号后面还有文字：引号要包住整个单元格"])
  }

  /// NUL truncated a name; an escape sequence took over the terminal that listed it; a tab,
  /// a bidirectional override or a line break inside quotes are refused the same way.
  @Test func controlCharactersAreRefusedInEveryFieldByLineAndColumn() {
    let rows = [
      "1001,王\u{0}建国,一支部,rural,member,2012-07-01,,",
      "1002,\u{1B}]0;PWNED\u{07}\u{1B}[31m,一支部,rural,member,2012-07-01,,",
      "1003,张伟,一\t支部,rural,member,2012-07-01,,",
      "1004,\u{202E}红小陈,一支部,rural,member,2012-07-01,,",
      "1005,\"赵\r\n明\",一支部,rural,member,2012-07-01,,",
    ]
    let found = problems(Self.rosterHeader + rows.joined(separator: "\n") + "\n")
    #expect(
      found == [
        "第 2 行：第 2 列（name）含有控制字符 U+0000（空字符）：单元格里不能有换行、制表符等控制字符，请删除后重新保存",
        "第 3 行：第 2 列（name）含有控制字符 U+001B（转义符）：单元格里不能有换行、制表符等控制字符，请删除后重新保存",
        "第 4 行：第 3 列（branch）含有控制字符 U+0009（制表符）：单元格里不能有换行、制表符等控制字符，请删除后重新保存",
        "第 5 行：第 2 列（name）含有控制字符 U+202E（文字方向控制符）：单元格里不能有换行、制表符等控制字符，请删除后重新保存",
        "第 6 行：第 2 列（name）的引号在本行没有结束：引号要成对，单元格里也不能换行；可能是少写了一个引号，它会把下一行吞进来",
        "第 7 行：第 1 列（id）中间有引号：引号只能包住整个单元格，单元格里的引号要写成两个（\"\"）",
      ])
  }

  @Test func leadingZerosOnlyInAFixedWidthRoster() {
    let mixed = problems(
      Self.rosterHeader + "1004,陈小红,一支部,rural,member,2012-07-01,,\n"
        + "01004,陈小红,一支部,rural,member,2012-07-01,,\n")
    #expect(
      mixed == [
        "第 3 行：党员编号 01004 以 0 开头，而表中编号位数不一：编号要么都不以 0 开头，要么全表位数相同（如 00017、00018），以免 1004 和 01004 被当成两个人"
      ])
    let fixed = problems(
      Self.rosterHeader + "00017,陈小红,一支部,rural,member,2012-07-01,,\n"
        + "00018,赵明,一支部,rural,member,2012-07-01,,\n")
    #expect(fixed.isEmpty)
  }

  @Test func blankLinesBeforeTheHeaderAreSkipped() throws {
    let sheet = try SheetReader.parse("\u{FEFF}\n,,\n\nid,name\n1001,王建国\n")
    #expect(sheet.header == SheetRow(line: 4, fields: ["id", "name"]))
    #expect(sheet.rows == [SheetRow(line: 5, fields: ["1001", "王建国"])])
    #expect(throws: SheetReader.Failure.empty) { try SheetReader.parse("\n , \n") }
    #expect(throws: SheetReader.Failure.empty) { try SheetReader.parse("") }
  }

  @Test func encodings() {
    // 编号 in GBK, and in UTF-16 with and without a byte-order mark.
    #expect(throws: SheetReader.Failure.notUTF8(likelyUTF16: false)) {
      try SheetReader.parse([0xB1, 0xE0, 0xBA, 0xC5, 0x0A])
    }
    let utf16 = Array("id,name\n1,a\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(throws: SheetReader.Failure.notUTF8(likelyUTF16: true)) {
      try SheetReader.parse([0xFF, 0xFE] + utf16)
    }
    #expect(throws: SheetReader.Failure.notUTF8(likelyUTF16: true)) {
      try SheetReader.parse(utf16)
    }
  }

  @Test func filesThatAreNotRegularFilesAreNeverOpened() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("sheet-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let fifo = directory + "/fifo.csv"
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(throws: SheetReader.Failure.unreadable(reason: "不是普通文件（是命名管道 FIFO），没有读取")) {
      try SheetReader.read(path: fifo)
    }
    #expect(throws: SheetReader.Failure.unreadable(reason: "这是目录，不是文件")) {
      try SheetReader.read(path: directory)
    }
    #expect(throws: SheetReader.Failure.unreadable(reason: "文件不存在")) {
      try SheetReader.read(path: directory + "/none.csv")
    }
    #expect(throws: SheetReader.Failure.unreadable(reason: "不是普通文件（是字符设备），没有读取")) {
      try SheetReader.read(path: "/dev/zero")
    }
  }
}
