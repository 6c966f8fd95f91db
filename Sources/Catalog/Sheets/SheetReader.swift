/// A CSV file as read by `SheetReader`: its header, its records, and what is wrong with the
/// text itself. A sheet with any problem is refused whole by the commands.
public struct Sheet: Hashable, Sendable {
  public var header: SheetRow
  public var rows: [SheetRow]
  /// Unbalanced quotes, control characters: by line, in reading order.
  public var problems: [RowProblem]

  public init(header: SheetRow, rows: [SheetRow], problems: [RowProblem] = []) {
    self.header = header
    self.rows = rows
    self.problems = problems
  }

  /// The lines whose text is broken, so their cells cannot be trusted.
  public var brokenLines: Set<Int> { Set(problems.map(\.line)) }
}

/// Reads rosters and attendance sheets strictly (RFC 4180 with one record per line).
///
/// Spreadsheets write one record per line, and no cell of a roster may hold a line break, so a
/// record never continues on the next line: a quote still open at the end of a line is an
/// unbalanced quote, reported at that line, and can no longer swallow the rows after it. No
/// field may hold a control character (NUL, escape, tab, line breaks, bidirectional controls:
/// see `ControlCharacters`), which could hide text or take over the terminal that prints it.
public enum SheetReader {
  public enum Failure: Error, Hashable, Sendable {
    /// Chinese, from the loader's reasons (missing, a directory, a FIFO, too large …).
    case unreadable(reason: String)
    case notUTF8(likelyUTF16: Bool)
    /// No line with any text.
    case empty
  }

  /// Reads a regular file (see `FileSystem.readFile`).
  public static func read(path: String) throws(Failure) -> Sheet {
    switch FileSystem.readFile(path) {
    case .success(let bytes): return try parse(bytes)
    case .failure(let failure): throw .unreadable(reason: LoaderText.reason(failure))
    }
  }

  public static func parse(_ bytes: [UInt8]) throws(Failure) -> Sheet {
    if looksLikeUTF16(bytes) { throw .notUTF8(likelyUTF16: true) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .notUTF8(likelyUTF16: false)
    }
    return try parse(text)
  }

  /// The header is the first line with any text (blank lines above it are skipped).
  public static func parse(_ text: String) throws(Failure) -> Sheet {
    var records = Self.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    guard let headerIndex = records.firstIndex(where: { !$0.row.isBlank }) else { throw .empty }
    let headerNames = records[headerIndex].row.fields.map(\.trimmed)
    let problems = records[headerIndex...].flatMap { record in
      record.faults.map { RowProblem(line: record.row.line, message: $0.message(headerNames)) }
    }
    let header = records[headerIndex].row
    records.removeSubrange(...headerIndex)
    return Sheet(header: header, rows: records.map(\.row), problems: problems)
  }

  /// UTF-16 (Notepad's "Unicode"): a byte-order mark, or a NUL beside most ASCII characters.
  private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
    let sample = bytes.prefix(512)
    guard sample.count >= 4 else { return false }
    return sample.count(where: { $0 == 0 }) * 3 >= sample.count
  }

  // MARK: Records

  enum Fault: Hashable {
    /// The quote that opens field `column` is not closed on its line.
    case unclosedQuote(column: Int)
    /// A quote inside a field that does not start with one.
    case strayQuote(column: Int)
    /// Text after the closing quote of field `column`.
    case textAfterQuote(column: Int)
    case controlCharacter(column: Int, Unicode.Scalar)

    func message(_ header: [String]) -> String {
      func name(_ column: Int) -> String {
        header.indices.contains(column - 1) && !header[column - 1].isEmpty
          ? RecordsText.namedColumn(column, header[column - 1]) : RecordsText.column(column)
      }
      return switch self {
      case .unclosedQuote(let column): RecordsText.unclosedQuote(name(column))
      case .strayQuote(let column): RecordsText.strayQuote(name(column))
      case .textAfterQuote(let column): RecordsText.textAfterQuote(name(column))
      case .controlCharacter(let column, let scalar):
        RecordsText.controlCharacterInCell(name(column), code: scalar.value)
      }
    }
  }

  struct Record {
    var row: SheetRow
    var faults: [Fault]
  }

  /// Splits text into lines (`\n`, `\r\n` or a lone `\r`) and each line into fields.
  static func records(_ text: String) -> [Record] {
    var records: [Record] = []
    var scalars = text.unicodeScalars[...]
    var line = 1
    while !scalars.isEmpty || records.isEmpty {
      var record = Record(row: SheetRow(line: line, fields: []), faults: [])
      parseLine(&scalars, into: &record)
      records.append(record)
      line += 1
      if scalars.isEmpty { break }
    }
    return records
  }

  /// Reads one line's fields, consuming its line end.
  private static func parseLine(
    _ scalars: inout Substring.UnicodeScalarView, into record: inout Record
  ) {
    var field = String.UnicodeScalarView()
    var column = 1
    var quoted = false
    var closed = false
    var faulted = false
    func fault(_ kind: Fault) {
      guard !faulted else { return }
      faulted = true
      record.faults.append(kind)
    }
    func endField() {
      record.row.fields.append(String(field))
      field = String.UnicodeScalarView()
      column += 1
      quoted = false
      closed = false
      faulted = false
    }
    while let scalar = scalars.first {
      if scalar == "\n" || scalar == "\r" {
        scalars.removeFirst()
        if scalar == "\r", scalars.first == "\n" { scalars.removeFirst() }
        if quoted, !closed { fault(.unclosedQuote(column: column)) }
        endField()
        return
      }
      scalars.removeFirst()
      if quoted, !closed {
        if scalar == "\"" {
          if scalars.first == "\"" {
            scalars.removeFirst()
            field.append("\"")
          } else {
            closed = true
          }
          continue
        }
      } else if scalar == "," {
        endField()
        continue
      } else if closed {
        // Spaces may follow the closing quote; nothing else may.
        if scalar != " " { fault(.textAfterQuote(column: column)) }
        continue
      } else if scalar == "\"" {
        // A quote opens a field only as its first character, spaces before it aside.
        if field.allSatisfy({ $0 == " " }) {
          quoted = true
          field.removeAll()
        } else {
          fault(.strayQuote(column: column))
          field.append(scalar)
        }
        continue
      }
      if ControlCharacters.contains(scalar) {
        fault(.controlCharacter(column: column, scalar))
      }
      field.append(scalar)
    }
    if quoted, !closed { fault(.unclosedQuote(column: column)) }
    endField()
  }

}
