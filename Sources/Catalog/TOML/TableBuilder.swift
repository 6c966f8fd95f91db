/// The mutable tree the parser grows while it applies TOML's rules on redefinition;
/// frozen into `TOMLTable` values once the document is read.
///
/// Classes here avoid copying whole subtrees each time a nested table gains a key.
final class TableBuilder {
  enum Node {
    /// Scalars, static arrays and inline tables: sealed once written.
    case value(TOMLValue)
    case table(TableBuilder)
    case arrayOfTables(ArrayOfTablesBuilder)
  }

  let offset: Int
  private(set) var keys: [String] = []
  private(set) var keyOffsets: [Int] = []
  private(set) var nodes: [Node] = []
  private var indexByKey: [ExactKey: Int]? = nil
  /// Defined by a `[header]` (or, for array elements, `[[header]]`).
  var isDefinedByHeader: Bool
  /// The section in which dotted keys last created or extended this table; such a table is
  /// closed once its section ends. -1 when never.
  var dottedSection: Int

  init(offset: Int, isDefinedByHeader: Bool = false, dottedSection: Int = -1) {
    self.offset = offset
    self.isDefinedByHeader = isDefinedByHeader
    self.dottedSection = dottedSection
  }

  /// Whether the table may no longer be opened or extended from `section` on.
  func isClosed(inSection section: Int) -> Bool {
    isDefinedByHeader || (dottedSection >= 0 && dottedSection < section)
  }

  func index(of key: String) -> Int? {
    if let indexByKey { return indexByKey[ExactKey(key)] }
    for index in keys.indices where keys[index].isExactly(key) { return index }
    return nil
  }

  func node(at index: Int) -> Node { nodes[index] }

  func append(_ key: String, offset: Int, _ node: Node) {
    if indexByKey != nil {
      indexByKey?[ExactKey(key)] = keys.count
    } else if keys.count == 16 {
      var index = [ExactKey: Int](minimumCapacity: 64)
      for (position, existing) in keys.enumerated() { index[ExactKey(existing)] = position }
      index[ExactKey(key)] = keys.count
      indexByKey = index
    }
    keys.append(key)
    keyOffsets.append(offset)
    nodes.append(node)
  }

  func freeze() -> TOMLTable {
    var table = TOMLTable(offset: offset)
    table.reserve(keys.count)
    for index in keys.indices {
      let value: TOMLValue
      switch nodes[index] {
      case .value(let written): value = written
      case .table(let child): value = TOMLValue(.table(child.freeze()), offset: child.offset)
      case .arrayOfTables(let array):
        value = TOMLValue(
          .array(array.tables.map { TOMLValue(.table($0.freeze()), offset: $0.offset) }),
          offset: array.offset)
      }
      table.append(key: keys[index], keyOffset: keyOffsets[index], value: value)
    }
    return table
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
