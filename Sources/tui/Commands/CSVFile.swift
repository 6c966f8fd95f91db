import CSV
import Catalog
import Foundation

/// CSV files out, through CSV.swift: UTF-8 with a byte-order mark (so Excel opens Chinese
/// text correctly). Files in are read by the library's strict `SheetReader`.
enum CSVFile {
  /// A CSV document for Excel: byte-order mark, CRLF line ends, fields quoted where needed.
  /// Every cell, from wherever it came (names, catalog titles, rule titles), is made inert:
  /// control characters shown visibly and formulas kept from running.
  static func document(header: [String], rows: [[String]]) throws -> Data {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream, newline: .crlf)
    try writer.write(row: header.map(cell))
    for row in rows { try writer.write(row: row.map(cell)) }
    let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    return Data([0xEF, 0xBB, 0xBF]) + body + Data("\r\n".utf8)
  }

  private static func cell(_ text: String) -> String { inert(ControlCharacters.shown(text)) }

  /// A cell Excel will not run as a formula: text starting with = + - @ gets a leading `'`.
  static func inert(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
      return text
    }
    return "'" + text
  }
}
