/// One record of a CSV file, with the line it starts on (the header is line 1).
public struct SheetRow: Hashable, Sendable {
  public var line: Int
  public var fields: [String]

  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }

  /// Excel writes rows of empty cells below the data; they carry nothing.
  public var isBlank: Bool { fields.allSatisfy { $0.trimmed.isEmpty } }
}

/// A problem with one line of a CSV file; `description` reads `第 3 行：…`.
public struct RowProblem: Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var message: String

  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { RecordsText.atLine(line, message) }
}

/// The columns of a roster file (`members import`).
public enum RosterColumn: String, CaseIterable, Sendable {
  case id, name, branch, domain, role, joined, floating, pin

  public var isRequired: Bool { self != .floating && self != .pin }

  /// The Chinese header names accepted besides the identifier.
  public var labels: [String] { RecordsText.rosterColumnLabels(self) }

  /// `domain（领域）`, for messages.
  public var spelled: String { "\(rawValue)（\(labels[0])）" }

  init?(header: String) {
    let text = header.trimmed
    guard
      let column = RosterColumn.allCases.first(where: {
        $0.rawValue == text.lowercased() || $0.labels.contains(text)
      })
    else { return nil }
    self = column
  }
}

/// Reads a roster: checks every row and reports every problem by line, so an administrator can
/// fix the whole file at once. Nothing is stored here; the caller imports only a clean roster.
///
/// Member numbers are canonical: a number may start with 0 only when every number in the
/// roster has the same width (a fixed-width numbering such as 00017, 00018), so `1004` and
/// `01004` can never become two members.
public enum RosterImport {
  public static func drafts(_ sheet: Sheet, today: LocalDate? = nil) -> (
    drafts: [MemberDraft], problems: [RowProblem]
  ) {
    let header = sheet.header
    let rows = sheet.rows
    var problems = sheet.problems
    let columns = HeaderMap(header: header, columnOf: RosterColumn.init(header:))
    for unknown in columns.unknown {
      problems.append(
        RowProblem(
          line: header.line,
          message: RecordsText.unknownColumn(
            unknown, allowed: RosterColumn.allCases.map(\.spelled))))
    }
    for duplicate in columns.duplicates {
      problems.append(
        RowProblem(line: header.line, message: RecordsText.duplicateColumn(duplicate.spelled)))
    }
    let missing = RosterColumn.allCases.filter { $0.isRequired && columns.index[$0] == nil }
    if !missing.isEmpty {
      problems.append(
        RowProblem(
          line: header.line, message: RecordsText.missingColumns(missing.map(\.spelled))))
      return ([], problems)
    }
    var drafts: [MemberDraft] = []
    var firstLine: [String: Int] = [:]
    // A line whose text is broken (see `SheetReader`) has been reported; its cells mean nothing.
    let broken = sheet.brokenLines
    for row in rows where !row.isBlank && !broken.contains(row.line) {
      var rowProblems: [String] = []
      rowProblems += columns.shapeProblems(row)
      func value(_ column: RosterColumn) -> String {
        columns.index[column].map { row.fields.indices.contains($0) ? row.fields[$0].trimmed : "" }
          ?? ""
      }
      func required(_ column: RosterColumn) -> String? {
        let text = value(column)
        if text.isEmpty { rowProblems.append(RecordsText.emptyCell(column.spelled)) }
        return text.isEmpty ? nil : text
      }
      var id = required(.id)
      if let text = id, !Member.isValidID(text) {
        rowProblems.append(RecordsText.invalidMemberIDCell(text))
        id = nil
      }
      if let text = id {
        if let first = firstLine[text] {
          rowProblems.append(RecordsText.duplicateMemberID(text, firstLine: first))
        } else {
          firstLine[text] = row.line
        }
      }
      let name = required(.name)
      let branch = required(.branch)
      /// A required cell naming one of `Choice`'s identifiers (in any letter case) or labels.
      func choice<Choice: LabeledEnumeration>(_ column: RosterColumn) -> Choice? {
        required(column).flatMap { text -> Choice? in
          let parsed =
            Choice(identifierOrLabel: text.lowercased()) ?? Choice(identifierOrLabel: text)
          if parsed == nil {
            rowProblems.append(RecordsText.invalidChoice(column.spelled, text, Choice.spellings))
          }
          return parsed
        }
      }
      let domain: MemberDomain? = choice(.domain)
      let role: MemberRole? = choice(.role)
      let joined = required(.joined).flatMap { text -> LocalDate? in
        guard let date = LocalDate(lenient: text) else {
          rowProblems.append(RecordsText.invalidJoinedDate(text))
          return nil
        }
        if let today, date > today {
          rowProblems.append(RecordsText.joinedInFuture(text))
          return nil
        }
        return date
      }
      var floating = false
      let floatingText = value(.floating)
      if !floatingText.isEmpty {
        if let parsed = RecordsText.yesNo(floatingText) {
          floating = parsed
        } else {
          rowProblems.append(RecordsText.invalidFloating(floatingText))
        }
      }
      let pinText = value(.pin)
      if !pinText.isEmpty, !PINHash.isAcceptable(pinText) {
        rowProblems.append(RecordsText.invalidPINCell(length: pinText.count))
      }
      if rowProblems.isEmpty, let id, let name, let branch, let domain, let role, let joined {
        drafts.append(
          MemberDraft(
            id: id, name: name, branch: branch, domain: domain, role: role, joined: joined,
            floating: floating, pin: pinText.isEmpty ? nil : pinText))
      }
      problems += rowProblems.map { RowProblem(line: row.line, message: $0) }
    }
    problems += leadingZeroProblems(firstLine)
    if problems.isEmpty, drafts.isEmpty {
      problems.append(RowProblem(line: header.line, message: RecordsText.noMembers))
    }
    return (problems.isEmpty ? drafts : [], problems.sorted { $0.line < $1.line })
  }

  /// Numbers written with leading zeros when the roster's numbers are not all of one width.
  static func leadingZeroProblems(_ lines: [String: Int]) -> [RowProblem] {
    let widths = Set(lines.keys.map(\.utf8.count))
    guard widths.count > 1 else { return [] }
    return lines.filter { $0.key.utf8.count > 1 && $0.key.hasPrefix("0") }
      .map { RowProblem(line: $0.value, message: RecordsText.leadingZero($0.key)) }
  }
}

/// Reads an attendance sheet for `credit --sheet`: a column `id` (or `编号`) of member numbers,
/// an optional `name` (`姓名`) column checked against the records, any other columns ignored
/// (a sign-in sheet has signatures, notes…).
public enum AttendanceSheet {
  public static func memberIDs(_ sheet: Sheet, members: [String: Member])
    -> (ids: [String], problems: [RowProblem])
  {
    let header = sheet.header
    let columns = HeaderMap(header: header) { text -> RosterColumn? in
      let column = RosterColumn(header: text)
      return column == .id || column == .name ? column : nil
    }
    guard let idColumn = columns.index[.id] else {
      return (
        [],
        sheet.problems + [RowProblem(line: header.line, message: RecordsText.sheetWithoutIDColumn)]
      )
    }
    var ids: [String] = []
    var problems = sheet.problems
    let broken = sheet.brokenLines
    // Numbers with leading zeros by their value, for a sheet that lost them in a spreadsheet.
    var padded: [Substring: String] = [:]
    for id in members.keys where id.hasPrefix("0") { padded[Member.numberValue(id)] = id }
    for row in sheet.rows where !row.isBlank && !broken.contains(row.line) {
      let id = row.fields.indices.contains(idColumn) ? row.fields[idColumn].trimmed : ""
      let name = columns.index[.name].flatMap {
        row.fields.indices.contains($0) ? row.fields[$0].trimmed : nil
      }
      guard !id.isEmpty else {
        problems.append(
          RowProblem(line: row.line, message: RecordsText.emptyCell(RosterColumn.id.spelled)))
        continue
      }
      guard let member = members[id] else {
        let knownAs = id.hasPrefix("0") ? nil : padded[Member.numberValue(id)]
        problems.append(
          RowProblem(line: row.line, message: RecordsText.unknownMemberCell(id, knownAs: knownAs)))
        continue
      }
      if let name, !name.isEmpty, name != member.name {
        problems.append(
          RowProblem(
            line: row.line,
            message: RecordsText.nameMismatch(id: id, recorded: member.name, written: name)))
        continue
      }
      if !ids.contains(id) { ids.append(id) }
    }
    if problems.isEmpty, ids.isEmpty {
      problems.append(RowProblem(line: header.line, message: RecordsText.noMembers))
    }
    return (problems.isEmpty ? ids : [], problems.sorted { $0.line < $1.line })
  }
}

/// Which column holds what, from a header row.
private struct HeaderMap<Column: Hashable> {
  var index: [Column: Int] = [:]
  var unknown: [String] = []
  var duplicates: [Column] = []
  /// Columns with an empty header: they must stay empty.
  var unnamed: Set<Int> = []
  var width: Int

  init(header: SheetRow, columnOf: (String) -> Column?) {
    width = header.fields.count
    for (position, text) in header.fields.enumerated() {
      let trimmed = text.trimmed
      if trimmed.isEmpty {
        unnamed.insert(position)
      } else if let column = columnOf(trimmed) {
        if index[column] == nil { index[column] = position } else { duplicates.append(column) }
      } else {
        unknown.append(trimmed)
      }
    }
  }

  /// More cells than the header, or text under a column without a name.
  func shapeProblems(_ row: SheetRow) -> [String] {
    var problems: [String] = []
    if row.fields.count > width,
      row.fields[width...].contains(where: { !$0.trimmed.isEmpty })
    {
      problems.append(RecordsText.tooManyCells(found: row.fields.count, header: width))
    }
    for position in unnamed.sorted()
    where row.fields.indices.contains(position) && !row.fields[position].trimmed.isEmpty {
      problems.append(RecordsText.cellWithoutHeader(column: position + 1))
    }
    return problems
  }
}

extension String {
  var trimmed: String {
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace || first == "\u{FEFF}" {
      scalars.removeFirst()
    }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}

extension LocalDate {
  /// `2015-07-01`, and what spreadsheets make of it: `2015/7/1`, `2015-7-1`, `2015.7.1`,
  /// `2015年7月1日`.
  public init?(lenient text: String) {
    if let exact = LocalDate(iso: text) {
      self = exact
      return
    }
    var numbers: [Int] = []
    var current = ""
    for character in text + " " {
      if character.isASCII, character.isNumber {
        current.append(character)
      } else {
        if !current.isEmpty {
          guard let number = Int(current) else { return nil }
          numbers.append(number)
          current = ""
        }
        guard character == " " || "/-.年月日".contains(character) else { return nil }
      }
    }
    guard numbers.count == 3, numbers[0] >= 1000,
      LocalDate.isValid(year: numbers[0], month: numbers[1], day: numbers[2])
    else { return nil }
    self.init(year: numbers[0], month: numbers[1], day: numbers[2])
  }
}
