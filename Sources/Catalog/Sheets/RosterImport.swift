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
