import Testing

@testable import Catalog

/// Rows as a CSV reader hands them over: the header on line 1, records after it.
func sheet(_ lines: [[String]], firstLine: Int = 1) -> Sheet {
  let rows = lines.enumerated().map { SheetRow(line: firstLine + $0.offset, fields: $0.element) }
  return Sheet(header: rows[0], rows: Array(rows.dropFirst()))
}

@Suite struct RosterImportTests {
  static let header = ["id", "name", "branch", "domain", "role", "joined", "floating", "pin"]

  func read(_ lines: [[String]], today: LocalDate? = day("2026-11-21")) -> (
    drafts: [MemberDraft], problems: [String]
  ) {
    let result = RosterImport.drafts(sheet(lines), today: today)
    return (result.drafts, result.problems.map(\.description))
  }

  @Test func aCleanRoster() {
    let result = read([
      Self.header,
      ["1001", "王建国", "红旗村党支部", "rural", "member", "2012-07-01", "", "1234"],
      ["1002", " 李秀英 ", "红旗村党支部", "农村", "书记", "2003/6/15", "是", ""],
      ["", "", "", "", "", "", "", ""],
      ["1003", "张伟", "幸福社区党支部", "COMMUNITY", "班子成员", "2010年3月20日", "0"],
    ])
    #expect(result.problems == [])
    #expect(
      result.drafts == [
        MemberDraft(
          id: "1001", name: "王建国", branch: "红旗村党支部", domain: .rural, role: .member,
          joined: day("2012-07-01"), floating: false, pin: "1234"),
        MemberDraft(
          id: "1002", name: "李秀英", branch: "红旗村党支部", domain: .rural, role: .secretary,
          joined: day("2003-06-15"), floating: true, pin: nil),
        MemberDraft(
          id: "1003", name: "张伟", branch: "幸福社区党支部", domain: .community, role: .committee,
          joined: day("2010-03-20"), floating: false, pin: nil),
      ])
  }

  @Test func chineseHeadersInAnyOrder() {
    let result = read([
      ["姓名", "编号", "入党日期", "支部", "身份", "领域"],
      ["王建国", "1001", "2012-07-01", "一支部", "党员", "国企"],
    ])
    #expect(result.problems == [])
    #expect(result.drafts.map(\.domain) == [.soe])
  }

  @Test func everyBadRowIsReportedByLineAndNothingIsReturned() {
    let result = read([
      Self.header,
      ["1001", "王建国", "一支部", "rural", "member", "2012-07-01", "", ""],
      ["10a2", "李秀英", "一支部", "农业", "村长", "2003-02-30", "也许", "12"],
      ["1003", "", "一支部", "rural", "member", "2030-01-01", "", "0123"],
      ["1001", "重复", "一支部", "rural", "member", "2012-07-01", "", ""],
      ["1005", "赵明", "一支部", "rural", "member", "2012-07-01", "", "", "多余"],
    ])
    #expect(result.drafts.isEmpty)
    #expect(
      result.problems == [
        "第 3 行：党员编号 \"10a2\" 无效：只能是 1 到 20 位数字（登录时只用数字键）",
        "第 3 行：domain（领域） 的取值 \"农业\" 无效：可用的有 \(MemberDomain.spellings)",
        "第 3 行：role（身份） 的取值 \"村长\" 无效：可用的有 \(MemberRole.spellings)",
        "第 3 行：入党日期 \"2003-02-30\" 无效：应写作 2015-07-01（也可写 2015/7/1）",
        "第 3 行：流动党员（floating）的取值 \"也许\" 无效：填 是 或 否（也可写 1/0、true/false），不是流动党员可留空",
        "第 3 行：PIN 无效（2 个字符）：应为 4 到 12 位数字；用 Excel 编辑时请把该列设为“文本”，以免去掉开头的 0",
        "第 4 行：name（姓名） 不能为空",
        "第 4 行：入党日期 2030-01-01 晚于今天",
        "第 5 行：党员编号 1001 重复：第 2 行已有这个编号",
        "第 6 行：本行有 9 列，比表头的 8 列多（内容里有没加引号的逗号？）",
      ])
  }

  @Test func lineNumbersComeFromTheReader() {
    let text =
      "id,name,branch,domain,role,joined\n\n1,王建国,一支部,rural,member,2012-07-01\n"
      + "x,李,一支部,rural,member,2012-07-01\n"
    let problems = RosterImport.drafts(try! SheetReader.parse(text)).problems
    #expect(problems.map(\.line) == [4])
  }

  @Test func headerProblems() {
    #expect(
      read([["id", "name", "branch", "domain", "role"], ["1", "a", "b", "rural", "member"]])
        .problems
        == [
          "第 1 行：表头缺少必填的列：joined（入党日期）（表头应为 id,name,branch,domain,role,joined，可加 floating,pin）"
        ])
    #expect(
      read([
        Self.header + ["phone"], ["1", "a", "b", "rural", "member", "2012-07-01", "", "", "x"],
      ])
      .problems == [
        "第 1 行：未知的列 \"phone\"（拼写错误？）：可用的列有 id（编号）、name（姓名）、branch（支部）、domain（领域）、role（身份）、joined（入党日期）、floating（流动党员）、pin（PIN）"
      ])
    #expect(
      read([Self.header + ["编号"], ["1", "a", "b", "rural", "member", "2012-07-01", "", "", "1"]])
        .problems == ["第 1 行：列 id（编号） 出现了不止一次"])
    #expect(read([Self.header]).problems == ["第 1 行：文件中没有任何党员记录"])
  }

  @Test func anUnnamedColumnMustStayEmpty() {
    let result = read([
      ["id", "name", "branch", "domain", "role", "joined", ""],
      ["1", "a", "b", "rural", "member", "2012-07-01", ""],
      ["2", "c", "b", "rural", "member", "2012-07-01", "备注"],
    ])
    #expect(result.problems == ["第 3 行：第 7 列有内容，但表头没有列名"])
  }

  @Test func lenientDates() {
    #expect(LocalDate(lenient: "2015-07-01") == day("2015-07-01"))
    #expect(LocalDate(lenient: "2015/7/1") == day("2015-07-01"))
    #expect(LocalDate(lenient: "2015.7.1") == day("2015-07-01"))
    #expect(LocalDate(lenient: "2015年7月1日") == day("2015-07-01"))
    #expect(LocalDate(lenient: "7/1/2015") == nil)
    #expect(LocalDate(lenient: "2015-02-29") == nil)
    #expect(LocalDate(lenient: "2015-07-01 08:00") == nil)
    #expect(LocalDate(lenient: "") == nil)
  }
}

@Suite struct AttendanceSheetTests {
  let members = Dictionary(
    uniqueKeysWithValues: [
      Member(
        id: "1001", name: "王建国", branch: "b", domain: .rural, role: .member,
        joined: day("2010-01-01")),
      Member(
        id: "1002", name: "李秀英", branch: "b", domain: .rural, role: .member,
        joined: day("2010-01-01")),
    ].map { ($0.id, $0) })

  @Test func idsWithOptionalNamesAndOtherColumnsIgnored() {
    let attendance = sheet([
      ["序号", "编号", "姓名", "签名"],
      ["1", "1001", "王建国", "王建国"],
      ["2", "1002", "", ""],
      ["3", "1001", "王建国", "又签了一次"],
      ["", "", "", ""],
    ])
    let result = AttendanceSheet.memberIDs(attendance, members: members)
    #expect(result.problems.isEmpty)
    #expect(result.ids == ["1001", "1002"])
  }

  @Test func unknownMembersWrongNamesAndMissingNumbers() {
    let attendance = sheet([
      ["id", "name"], ["1001", "王建国"], ["1003", "张伟"], ["1002", "王建国"], ["", "赵明"],
    ])
    let result = AttendanceSheet.memberIDs(attendance, members: members)
    #expect(result.ids.isEmpty)
    #expect(
      result.problems.map(\.description) == [
        "第 3 行：党员编号 1003 不存在（请先用 members import 导入）",
        "第 4 行：编号 1002 的党员是“李秀英”，表中写的是“王建国”：请核对编号",
        "第 5 行：id（编号） 不能为空",
      ])
  }

  /// A sheet that went through a spreadsheet lost the leading zeros of 00017 (review 1):
  /// the unknown 17 names the stored number it must be.
  @Test func aNumberThatLostItsLeadingZerosNamesTheStoredOne() {
    var padded = members
    padded["00017"] = Member(
      id: "00017", name: "刘一", branch: "红旗村党支部", domain: .rural, role: .member,
      joined: day("2010-01-01"))
    let attendance = sheet([["id"], ["1001"], ["17"], ["18"]])
    #expect(
      AttendanceSheet.memberIDs(attendance, members: padded).problems.map(\.description) == [
        "第 3 行：党员编号 17 不存在，记录中有 00017，只差开头的 0：表格软件（如 Excel）会去掉编号开头的 0，请把编号列设为“文本”格式后写成 00017",
        "第 4 行：党员编号 18 不存在（请先用 members import 导入）",
      ])
  }

  @Test func aSheetNeedsAnIDColumn() {
    #expect(
      AttendanceSheet.memberIDs(sheet([["姓名"], ["王建国"]]), members: members).problems.map(
        \.description)
        == ["第 1 行：表头中没有党员编号列：请加一列 id（或“编号”）"])
  }
}
