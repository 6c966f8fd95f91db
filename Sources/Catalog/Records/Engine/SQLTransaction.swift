/// The two SQL dialects the records speak. Statements are written once, in the SQL both
/// understand (`?` placeholders, `ON CONFLICT`, `RETURNING`, `count(*) FILTER (WHERE …)`,
/// window functions); only the schema's DDL differs, and it is generated (`SchemaDDL`).
public enum SQLDialect: String, Hashable, Sendable {
  case sqlite, postgresql
}

/// What an engine does with one statement inside a transaction it opened.
public protocol SQLStatementRunner {
  /// Runs a statement; returns the rows it gave and how many rows it changed.
  func run(_ sql: String, _ arguments: SQLArguments) throws -> (rows: [SQLRow], changes: Int)
}

/// A transaction open on one engine: the records' statements run through it, whichever
/// engine holds the records. Only valid inside the `read` or `write` call that gave it.
public final class SQLTransaction {
  public let dialect: SQLDialect
  private let runner: any SQLStatementRunner

  public init(dialect: SQLDialect, runner: any SQLStatementRunner) {
    self.dialect = dialect
    self.runner = runner
  }

  /// Runs a statement; returns the number of rows it inserted, updated or deleted.
  @discardableResult
  public func execute(sql: String, arguments: SQLArguments = []) throws -> Int {
    try runner.run(sql, arguments).changes
  }

  public func fetchAll(sql: String, arguments: SQLArguments = []) throws -> [SQLRow] {
    try runner.run(sql, arguments).rows
  }

  public func fetchOne(sql: String, arguments: SQLArguments = []) throws -> SQLRow? {
    try fetchAll(sql: sql, arguments: arguments).first
  }
}

extension SQLRow {
  public static func fetchAll(_ db: SQLTransaction, sql: String, arguments: SQLArguments = [])
    throws -> [SQLRow]
  {
    try db.fetchAll(sql: sql, arguments: arguments)
  }

  public static func fetchOne(_ db: SQLTransaction, sql: String, arguments: SQLArguments = [])
    throws -> SQLRow?
  {
    try db.fetchOne(sql: sql, arguments: arguments)
  }
}

extension SQLValueConvertible {
  /// The first column of the first row; nil when there is no row or it is NULL.
  public static func fetchOne(_ db: SQLTransaction, sql: String, arguments: SQLArguments = [])
    throws -> Self?
  {
    guard let row = try db.fetchOne(sql: sql, arguments: arguments), let first = row.values.first
    else { return nil }
    return Self(sqlValue: first)
  }

  /// The first column of every row, NULLs left out.
  public static func fetchAll(_ db: SQLTransaction, sql: String, arguments: SQLArguments = [])
    throws -> [Self]
  {
    try db.fetchAll(sql: sql, arguments: arguments).compactMap {
      $0.values.first.flatMap(Self.init(sqlValue:))
    }
  }
}

extension SQLTransaction {
  /// Rows per multi-row statement: far below both engines' limits on arguments (SQLite
  /// 32,766, PostgreSQL 65,535) for the widest rows the records write.
  static let rowsPerStatement = 500

  /// `(?, ?, ?), (?, ?, ?)` for `rows` rows of `columns` values.
  static func placeholders(rows: Int, columns: Int) -> String {
    let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
    return Array(repeating: row, count: rows).joined(separator: ", ")
  }

  /// Inserts `rows` in as few statements as the limits allow.
  func insertRows(
    into table: String, columns: [String], _ rows: [[(any SQLValueConvertible)?]]
  ) throws {
    for chunk in rows.chunked(Self.rowsPerStatement) {
      try execute(
        sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
          + Self.placeholders(rows: chunk.count, columns: columns.count),
        arguments: SQLArguments(chunk.flatMap { $0 }))
    }
  }
}

extension Array {
  /// The elements in runs of at most `size`.
  func chunked(_ size: Int) -> [ArraySlice<Element>] {
    stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
  }
}
