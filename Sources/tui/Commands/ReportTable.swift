import Catalog
import Foundation

/// One table of a report as every format prints it — aligned text, a section of a CSV file, a
/// `<table>` of the HTML page — from the same cells, so the formats cannot disagree.
struct ReportTable: Hashable, Sendable {
  var title: String
  var header: [String]
  var rows: [[String]]
  /// Printed under the table.
  var notes: [String] = []
  /// Printed instead of the table when it has no rows.
  var empty: String?
}

/// A report made of tables, with its title lines and closing notes.
struct TabularReport: Hashable, Sendable {
  var title: String
  /// Lines under the title (issuer, scope).
  var subtitle: [String] = []
  var tables: [ReportTable]
  var notes: [String] = []

  /// The text report: each table titled, aligned by terminal columns, then its notes.
  var lines: [String] {
    var output = [title] + subtitle
    for table in tables {
      output.append("")
      output.append(table.title)
      if table.rows.isEmpty, let empty = table.empty {
        output.append("  " + empty)
      } else {
        var text = TextTable(header: table.header)
        text.rows = table.rows
        output += text.lines.map { "  " + $0 }
      }
      output += table.notes.map { "  " + $0 }
    }
    if !notes.isEmpty {
      output.append("")
      output.append(ReportText.notes)
      output += notes.map { "  " + $0 }
    }
    return output
  }

  /// The CSV file: the title, then each table as a section (its title, header and rows, then
  /// its notes), sections apart by an empty row; then the notes.
  func csv() throws -> Data {
    var rows: [[String]] = subtitle.map { [$0] }
    for table in tables {
      rows.append([""])
      rows.append([table.title])
      rows.append(table.header)
      rows += table.rows
      if table.rows.isEmpty, let empty = table.empty { rows.append([empty]) }
      rows += table.notes.map { [$0] }
    }
    if !notes.isEmpty {
      rows.append([""])
      rows.append([ReportText.notes])
      rows += notes.map { [$0] }
    }
    return try CSVFile.document(header: [title], rows: rows)
  }
}
