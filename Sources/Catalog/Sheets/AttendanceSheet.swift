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
