import Catalog
import Foundation
import Testing

@testable import tui

@Suite struct CSVFileTests {
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
