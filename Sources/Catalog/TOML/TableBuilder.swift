/// The mutable tree the parser grows while it applies TOML's rules on redefinition;
/// frozen into `TOMLTable` values once the document is read.
///
/// A builder holds its finished values in the very `TOMLTable` it will become, and only the
/// tables still open to new keys as child builders, so freezing moves rather than copies.
final class TableBuilder {
  enum Node {
    /// Scalars, static arrays and inline tables: sealed once written.
    case value(TOMLValue)
    case table(TableBuilder)
    case arrayOfTables(ArrayOfTablesBuilder)
  }

  private enum Child {
    case table(TableBuilder)
    case arrayOfTables(ArrayOfTablesBuilder)
  }

  let offset: Int
  private var table: TOMLTable
  /// Entries of `table` that are still builders, by entry index; their slots in `table`
  /// hold placeholders until `freeze`.
  private var children: [(index: Int, child: Child)] = []
  /// Defined by a `[header]` (or, for array elements, `[[header]]`).
  var isDefinedByHeader: Bool
  /// The section in which dotted keys last created or extended this table; such a table is
  /// closed once its section ends. -1 when never.
  var dottedSection: Int

  init(offset: Int, isDefinedByHeader: Bool = false, dottedSection: Int = -1) {
    self.offset = offset
    self.isDefinedByHeader = isDefinedByHeader
    self.dottedSection = dottedSection
    table = TOMLTable(offset: offset)
  }

  /// Whether the table may no longer be opened or extended from `section` on.
  func isClosed(inSection section: Int) -> Bool {
    isDefinedByHeader || (dottedSection >= 0 && dottedSection < section)
  }

  func index(of key: String) -> Int? { table.index(of: key) }

  func node(at index: Int) -> Node {
    for entry in children where entry.index == index {
      switch entry.child {
      case .table(let builder): return .table(builder)
      case .arrayOfTables(let builder): return .arrayOfTables(builder)
      }
    }
    return .value(table.entries[index].value)
  }

  func append(_ key: String, offset: Int, _ node: Node) {
    if table.count == 0 { table.reserve(8) }
    switch node {
    case .value(let value):
      table.append(key: key, keyOffset: offset, value: value)
      return
    case .table(let builder): children.append((table.count, .table(builder)))
    case .arrayOfTables(let builder): children.append((table.count, .arrayOfTables(builder)))
    }
    table.append(key: key, keyOffset: offset, value: TOMLValue(.bool(false), offset: offset))
  }

  func freeze() -> TOMLTable {
    var frozen = table
    table = TOMLTable(offset: offset)  // leaves `frozen` the only owner: no copy below
    for (index, child) in children {
      switch child {
      case .table(let builder):
        frozen.entries[index].value = TOMLValue(.table(builder.freeze()), offset: builder.offset)
      case .arrayOfTables(let array):
        frozen.entries[index].value = TOMLValue(
          .array(array.tables.map { TOMLValue(.table($0.freeze()), offset: $0.offset) }),
          offset: array.offset)
      }
    }
    children = []
    return frozen
  }
}

/// The elements of an array of tables (`[[course]]`), each opened by its own header.
final class ArrayOfTablesBuilder {
  let offset: Int
  var tables: [TableBuilder]

  init(offset: Int, first: TableBuilder) {
    self.offset = offset
    tables = [first]
  }
}
