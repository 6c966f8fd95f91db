import CSV
import Catalog
import Foundation

/// CSV files in and out, through CSV.swift: UTF-8 with or without a byte-order mark in, UTF-8
/// with one out (so Excel opens Chinese text correctly).
enum CSVFile {
  enum Failure: Error, Equatable {
    case unreadable(String)
    case notUTF8
    case empty
  }

  /// The header and the records of a file; each record knows the line it starts on.
  static func read(path: String) throws(Failure) -> (header: SheetRow, rows: [SheetRow]) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(
        FileManager.default.fileExists(atPath: path)
          ? AdminText.fileUnreadable : AdminText.fileMissing)
    }
    guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8 }
    return try parse(text)
  }

  static func parse(_ text: String) throws(Failure) -> (header: SheetRow, rows: [SheetRow]) {
    var records = rows(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    guard !records.isEmpty, !records[0].isBlank else { throw .empty }
    let header = records.removeFirst()
    return (header, records)
  }

  /// Every record. A record starts on the line after the line breaks of the records before it,
  /// those inside quoted fields included.
  static func rows(_ text: String) -> [SheetRow] {
    guard let reader = try? CSVReader(string: text) else { return [] }
    var result: [SheetRow] = []
    var line = 1
    while let fields = reader.next() {
      result.append(SheetRow(line: line, fields: fields))
      line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) }
    }
    return result
  }

  private static func lineBreaks(in field: String) -> Int {
    field.reduce(0) { $0 + ($1 == "\n" || $1 == "\r" || $1 == "\r\n" ? 1 : 0) }
  }

  /// A CSV document for Excel: byte-order mark, CRLF line ends, fields quoted where needed.
  static func document(header: [String], rows: [[String]]) throws -> Data {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream, newline: .crlf)
    try writer.write(row: header)
    for row in rows { try writer.write(row: row) }
    let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    return Data([0xEF, 0xBB, 0xBF]) + body + Data("\r\n".utf8)
  }

  /// A cell Excel will not run as a formula: text starting with = + - @ gets a leading `'`.
  static func inert(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
      return text
    }
    return "'" + text
  }
}
