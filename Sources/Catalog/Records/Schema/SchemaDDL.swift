import Foundation

/// Each engine's SQL for the schema's description (`SchemaStep`).
public enum SchemaDDL {
  /// The statements of one migration, in order; `identity` is the new database's identity
  /// for `createIdentity`.
  public static func statements(
    _ migration: SchemaMigration, dialect: SQLDialect, identity: String = UUID().uuidString
  ) -> [String] {
    migration.steps.flatMap { step -> [String] in
      switch step {
      case .createTable(let table): [createTable(table, dialect)]
      case .addColumn(let table, let column):
        ["ALTER TABLE \(table) ADD COLUMN \(columnDefinition(column, dialect))"]
      case .createIndex(let index): [createIndex(index, dialect)]
      case .createIdentity:
        [
          createTable(RecordsSchema.metaTable, dialect),
          "INSERT INTO records_meta (key, value) VALUES ('identity', '\(identity.lowercased())')",
        ]
      }
    }
  }

  static func createTable(_ table: SchemaTable, _ dialect: SQLDialect) -> String {
    var lines = table.columns.map { columnDefinition($0, dialect) }
    if !table.primaryKey.isEmpty {
      lines.append("PRIMARY KEY (\(table.primaryKey.joined(separator: ", ")))")
    }
    lines += table.uniques.map { "UNIQUE (\($0.joined(separator: ", ")))" }
    lines += table.checks.map { "CHECK (\(sql($0, dialect)))" }
    let suffix = dialect == .sqlite && table.withoutRowID ? " WITHOUT ROWID" : ""
    return "CREATE TABLE \(table.name) (\n  " + lines.joined(separator: ",\n  ") + "\n)" + suffix
  }

  static func columnDefinition(_ column: SchemaColumn, _ dialect: SQLDialect) -> String {
    var parts = [column.name, type(column.type, dialect)]
    if column.type != .identity, !column.nullable { parts.append("NOT NULL") }
    if let value = column.defaultSQL { parts.append("DEFAULT \(value)") }
    if let check = column.check { parts.append("CHECK (\(sql(check, dialect)))") }
    if let target = column.references { parts.append("REFERENCES \(target)") }
    return parts.joined(separator: " ")
  }

  static func type(_ type: SchemaType, _ dialect: SQLDialect) -> String {
    switch (type, dialect) {
    case (.text, .sqlite): "TEXT"
    case (.text, .postgresql): "text COLLATE \"C\""
    case (.integer, .sqlite): "INTEGER"
    case (.integer, .postgresql): "bigint"
    case (.real, .sqlite): "REAL"
    case (.real, .postgresql): "double precision"
    case (.blob, .sqlite): "BLOB"
    case (.blob, .postgresql): "bytea"
    case (.identity, .sqlite): "INTEGER PRIMARY KEY"
    case (.identity, .postgresql): "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
    }
  }

  static func createIndex(_ index: SchemaIndex, _ dialect: SQLDialect) -> String {
    let unique = index.unique ? "UNIQUE " : ""
    let condition = index.condition.map { " WHERE \($0)" } ?? ""
    return "CREATE \(unique)INDEX \(index.name) ON \(index.table)"
      + "(\(index.columns.joined(separator: ", ")))\(condition)"
  }

  static func sql(_ check: SchemaCheck, _ dialect: SQLDialect) -> String {
    switch (check, dialect) {
    case (.sql(let text), _): text
    case (.isoDate(let column), .sqlite):
      "\(column) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
    case (.isoDate(let column), .postgresql): "\(column) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'"
    case (.onlyCharacters(let column, let characters), .sqlite):
      "\(column) NOT GLOB '*[^\(characters)]*'"
    case (.onlyCharacters(let column, let characters), .postgresql):
      "\(column) !~ '[^\(characters)]'"
    case (.all(let checks), _): checks.map { sql($0, dialect) }.joined(separator: " AND ")
    }
  }
}
