/// One row of a result, read by column name as GRDB's rows are: `let id: String = row["id"]`.
///
/// A non-optional read of NULL or of a value of another type is a programming error (the
/// schema says what each column holds) and stops the program, as GRDB does; an optional read
/// gives nil for NULL.
public struct SQLRow: Hashable, Sendable {
  public let columns: [String]
  public let values: [SQLValue]

  public init(columns: [String], values: [SQLValue]) {
    self.columns = columns
    self.values = values
  }

  public func value(_ column: String) -> SQLValue {
    guard let index = columns.firstIndex(of: column) else {
      preconditionFailure("no column \(column) in \(columns)")
    }
    return values[index]
  }

  public subscript<T: SQLValueConvertible>(_ column: String) -> T {
    let value = value(column)
    guard let converted = T(sqlValue: value) else {
      preconditionFailure("column \(column): \(value) is no \(T.self)")
    }
    return converted
  }

  public subscript<T: SQLValueConvertible>(_ column: String) -> T? {
    let value = value(column)
    if value.isNull { return nil }
    guard let converted = T(sqlValue: value) else {
      preconditionFailure("column \(column): \(value) is no \(T.self)")
    }
    return converted
  }
}
