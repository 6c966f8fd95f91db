import Catalog
import Foundation
import Testing

@testable import tui

@Suite struct CSVFileTests {
  @Test func recordsKnowTheLineTheyStartOn() throws {
    let text = "id,name\r\n1,\"王\r\n建国\"\r\n\r\n2,\"a\"\"b\"\n3,\"x\ny\nz\"\n4,c"
    let (header, rows) = try CSVFile.parse(text)
    #expect(header == SheetRow(line: 1, fields: ["id", "name"]))
    #expect(rows.map(\.line) == [2, 4, 5, 6, 9])
    #expect(
      rows.map(\.fields) == [
        ["1", "王\r\n建国"], [""], ["2", "a\"b"], ["3", "x\ny\nz"], ["4", "c"],
      ])
  }

  @Test func byteOrderMarkIsDropped() throws {
    let (header, rows) = try CSVFile.parse("\u{FEFF}编号,姓名\n1001,王建国\n")
    #expect(header.fields == ["编号", "姓名"])
    #expect(rows.count == 1)
  }

  @Test func emptyFilesAndGBK() throws {
    #expect(throws: CSVFile.Failure.empty) { try CSVFile.parse("") }
    #expect(throws: CSVFile.Failure.empty) { try CSVFile.parse("\u{FEFF}\n") }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("csv-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let gbk = directory.appendingPathComponent("gbk.csv")
    // 编号 in GBK.
    try Data([0xB1, 0xE0, 0xBA, 0xC5, 0x0A]).write(to: gbk)
    #expect(throws: CSVFile.Failure.notUTF8) { try CSVFile.read(path: gbk.path) }
    #expect(throws: CSVFile.Failure.unreadable(AdminText.fileMissing)) {
      try CSVFile.read(path: directory.appendingPathComponent("none.csv").path)
    }
  }

  @Test func documentsOpenInExcel() throws {
    let data = try CSVFile.document(header: ["编号", "还缺"], rows: [["1", "a,b"], ["2", "说\"明\""]])
    #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(
      String(decoding: data.dropFirst(3), as: UTF8.self)
        == "编号,还缺\r\n1,\"a,b\"\r\n2,\"说\"\"明\"\"\"\r\n")
    #expect(CSVFile.inert("=SUM(A1)") == "'=SUM(A1)")
    #expect(CSVFile.inert("王建国") == "王建国")
  }

  @Test func tablesAlignByTerminalColumns() {
    let table = TextTable(header: ["编号", "姓名"], rows: [["1", "王建国"], ["1002", "Li"]])
    #expect(table.rendered == "编号  姓名\n1     王建国\n1002  Li")
    // An emoji is two columns, as on screen (`DisplayWidth`): the columns still line up.
    #expect(TextTable(header: ["a", "b"], rows: [["✅", "c"]]).rendered == "a   b\n✅  c")
  }
}
