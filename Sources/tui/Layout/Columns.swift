/// A table column: a fixed width or a share of what the fixed ones leave.
struct Column: Hashable, Sendable {
  /// Nil for the one flexible column that takes the remaining width.
  var width: Int?
  var alignment: TextFit.Alignment = .leading

  static func fixed(_ width: Int, _ alignment: TextFit.Alignment = .leading) -> Column {
    Column(width: width, alignment: alignment)
  }

  static let flexible = Column(width: nil)
}

/// Lays cells out in columns by display width, so tables line up with Chinese text.
struct Columns: Hashable, Sendable {
  let columns: [Column]
  /// The width each column received.
  let widths: [Int]
  let gap: Int

  /// Fits `columns` into `total` columns, `gap` spaces apart; a flexible column gets what is
  /// left (at least one column).
  init(_ columns: [Column], total: Int, gap: Int = 2) {
    self.columns = columns
    self.gap = gap
    let fixed = columns.compactMap(\.width).reduce(0, +) + gap * max(0, columns.count - 1)
    let flexibleCount = columns.filter { $0.width == nil }.count
    let share = flexibleCount > 0 ? max(1, (total - fixed) / flexibleCount) : 0
    widths = columns.map { $0.width ?? share }
  }

  /// One row, each value cut (with `ellipsis`) or padded to its column.
  func row(_ values: [String], ellipsis: String?) -> String {
    var text = ""
    for (index, column) in columns.enumerated() {
      if index > 0 { text += String(repeating: " ", count: gap) }
      let value = index < values.count ? values[index] : ""
      text += TextFit.padded(
        value, width: widths[index], alignment: column.alignment, ellipsis: ellipsis)
    }
    return text
  }

  /// The column where column `index` starts.
  func offset(of index: Int) -> Int {
    widths.prefix(index).reduce(0, +) + gap * index
  }
}
