/// The records' schema as data: tables, columns, checks and indexes described once, from
/// which `SchemaDDL` writes each engine's SQL. A migration is a list of such steps; the
/// migrations, in order, are `RecordsSchema.migrations`.
public enum SchemaStep: Hashable, Sendable {
  case createTable(SchemaTable)
  case addColumn(table: String, SchemaColumn)
  case createIndex(SchemaIndex)
  /// The database's own random identity (`records_meta`), written once when the migration
  /// that creates it runs: copies name where a row came from by it (`records copy`).
  case createIdentity
}

/// The types a column may have, each mapped to both engines.
public enum SchemaType: Hashable, Sendable {
  /// Text, compared byte by byte on both engines (PostgreSQL: `COLLATE "C"`), so ordering and
  /// uniqueness never depend on a server's locale.
  case text
  /// A 64-bit integer (PostgreSQL `bigint`); booleans are integers 0 and 1 with a check.
  case integer
  case real
  case blob
  /// The row's id, given by the database: SQLite's `INTEGER PRIMARY KEY` (the rowid),
  /// PostgreSQL's `bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`.
  case identity
}

public struct SchemaColumn: Hashable, Sendable {
  public var name: String
  public var type: SchemaType
  public var nullable: Bool
  /// A literal both engines read alike (`0`, `''`, `'{}'`).
  public var defaultSQL: String?
  public var check: SchemaCheck?
  /// `table(column)`.
  public var references: String?

  public init(
    _ name: String, _ type: SchemaType, nullable: Bool = false, default defaultSQL: String? = nil,
    check: SchemaCheck? = nil, references: String? = nil
  ) {
    self.name = name
    self.type = type
    self.nullable = nullable
    self.defaultSQL = defaultSQL
    self.check = check
    self.references = references
  }
}

/// A CHECK constraint. Most are plain SQL both engines read alike; the pattern checks are
/// written per engine (SQLite's GLOB, PostgreSQL's regular expressions).
public indirect enum SchemaCheck: Hashable, Sendable {
  case sql(String)
  /// `YYYY-MM-DD`.
  case isoDate(column: String)
  /// Nothing but the characters of `characterClass` (as in a bracket expression: `0-9`).
  case onlyCharacters(column: String, characterClass: String)
  case all([SchemaCheck])
}

public struct SchemaTable: Hashable, Sendable {
  public var name: String
  public var columns: [SchemaColumn]
  /// Columns of a composite primary key; empty when a column is the key (an `identity`, or
  /// `keyColumn`).
  public var primaryKey: [String]
  public var uniques: [[String]]
  public var checks: [SchemaCheck]
  /// SQLite: a table keyed by its primary key alone (`WITHOUT ROWID`); PostgreSQL has no such
  /// choice.
  public var withoutRowID: Bool

  public init(
    _ name: String, columns: [SchemaColumn], primaryKey: [String] = [], uniques: [[String]] = [],
    checks: [SchemaCheck] = [], withoutRowID: Bool = false
  ) {
    self.name = name
    self.columns = columns
    self.primaryKey = primaryKey
    self.uniques = uniques
    self.checks = checks
    self.withoutRowID = withoutRowID
  }
}

public struct SchemaIndex: Hashable, Sendable {
  public var name: String
  public var table: String
  public var columns: [String]
  public var unique: Bool
  /// A partial index's condition, SQL both engines read alike.
  public var condition: String?

  public init(
    _ name: String, on table: String, _ columns: [String], unique: Bool = false,
    where condition: String? = nil
  ) {
    self.name = name
    self.table = table
    self.columns = columns
    self.unique = unique
    self.condition = condition
  }
}

/// One versioned change of the schema.
public struct SchemaMigration: Hashable, Sendable {
  public var identifier: String
  public var steps: [SchemaStep]

  public init(_ identifier: String, _ steps: [SchemaStep]) {
    self.identifier = identifier
    self.steps = steps
  }

  /// Every table this migration creates, in order.
  public var tables: [SchemaTable] {
    steps.compactMap {
      if case .createTable(let table) = $0 { return table }
      return nil
    }
  }
}
