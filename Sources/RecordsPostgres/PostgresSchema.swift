import Catalog

/// The schema on PostgreSQL: `RecordsSchema`'s migrations, each written as PostgreSQL's DDL
/// (`SchemaDDL`), applied in one transaction under an advisory lock, and named in
/// `course_menu_migrations` (the counterpart of SQLite's `grdb_migrations` and
/// `PRAGMA user_version`).
enum PostgresSchema {
  /// The advisory lock the migrations run under: "CMRD", as SQLite's `application_id`.
  static let lockKey: Int64 = 0x434D_5244

  static let migrationsTable = "course_menu_migrations"

  /// Checks the database and, when `migrating`, applies the migrations it lacks. The check
  /// comes first, outside any lock: an up-to-date database is only read. A database that is
  /// not ours, or that a newer program wrote, is refused before anything is written.
  static func prepare(_ engine: PostgresEngine, migrating: Bool) throws {
    let contents = try engine.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY") {
      try self.contents($0)
    }
    try RecordsSchema.check(contents, location: engine.location)
    guard migrating, !isCurrent(contents) else { return }
    // READ COMMITTED: once the lock is ours, each statement sees what the process that held
    // it before committed.
    try engine.transaction("BEGIN ISOLATION LEVEL READ COMMITTED") { db in
      try db.execute(sql: "SELECT pg_advisory_xact_lock(?)", arguments: [lockKey])
      let contents = try self.contents(db)
      try RecordsSchema.check(contents, location: engine.location)
      guard !isCurrent(contents) else { return }
      try db.execute(
        sql: """
          CREATE TABLE IF NOT EXISTS \(migrationsTable) (
            identifier text COLLATE "C" NOT NULL PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now()
          )
          """)
      let applied = appliedMigrations(contents)
      for migration in RecordsSchema.migrations where !applied.contains(migration.identifier) {
        for statement in SchemaDDL.statements(migration, dialect: .postgresql) {
          try db.execute(sql: statement)
        }
        try db.execute(
          sql: "INSERT INTO \(migrationsTable) (identifier) VALUES (?)",
          arguments: [migration.identifier])
      }
    }
  }

  static func isCurrent(_ contents: RecordsSchema.Contents) -> Bool {
    appliedMigrations(contents).count == RecordsSchema.version
  }

  static func appliedMigrations(_ contents: RecordsSchema.Contents) -> Set<String> {
    if case .records(_, let migrations) = contents { return migrations }
    return []
  }

  /// What the database's schema (the first on the search path) holds.
  static func contents(_ db: SQLTransaction) throws -> RecordsSchema.Contents {
    let tables = try String.fetchAll(
      db,
      sql: """
        SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()
        ORDER BY tablename
        """)
    guard tables.contains(migrationsTable) else {
      return tables.isEmpty ? .empty : .foreign(tables: tables)
    }
    let migrations = Set(try String.fetchAll(db, sql: "SELECT identifier FROM \(migrationsTable)"))
    return .records(version: migrations.count, migrations: migrations)
  }
}
