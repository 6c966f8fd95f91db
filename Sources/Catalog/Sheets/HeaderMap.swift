/// Which column holds what, from a header row.
struct HeaderMap<Column: Hashable> {
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
