import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The records in one SQLite file shared by every session on the machine (kiosk, SSH sessions,
/// administrator commands), through GRDB.
///
/// - The file is in WAL mode (`DatabasePool`) with `synchronous = FULL`: a commit that returned
///   survives a crash or a power cut.
/// - Every write is one short IMMEDIATE transaction, taken inside a single call: no transaction
///   is ever open while the program waits for a key. It waits for other writers up to
///   `busyTimeout` in all, lined up by `SQLiteWriterQueue` rather than polling.
/// - Every method is synchronous and safe to call from any thread.
public final class SQLiteEngine: RecordsEngine {
  /// How long a write waits for other writers before giving up with `RecordsError.busy`.
  public static var busyTimeout: TimeInterval { RecordsStore.busyTimeout }

  public let path: String
  public var location: String { path }
  /// The connections: a pool (WAL) when writing; one read-only connection otherwise.
  let pool: any DatabaseWriter
  /// Where this process's writes wait their turn; nil when reading only, or when the queue file
  /// cannot be made (then SQLite's busy handler alone makes writers wait).
  let writerQueue: SQLiteWriterQueue?
  /// Set when the file was opened immutable (read-only, no `-wal`): every read checks that no
  /// writer came meanwhile.
  let snapshot: RecordsFile.Snapshot?
  public let isReadOnly: Bool

  /// Opens the records at `path` for reading and writing, creating the file, its directory
  /// and the schema if needed. Files and directories it creates are group-writable (umask
  /// 002), for a shared kiosk group. Refuses, before writing anything, a file that another
  /// application or a newer version of this program wrote.
  public init(path: String) throws {
    self.path = path
    snapshot = nil
    isReadOnly = false
    (pool, writerQueue) = try SQLiteEngine.openPool(path: path)
  }

  /// Opens existing records for reading only (`members list`, `report`): works without write
  /// permission and creates no file. Writes throw `RecordsError.readOnly`.
  public init(readingOnly path: String) throws {
    self.path = path
    isReadOnly = true
    writerQueue = nil
    (pool, snapshot) = try RecordsFile.openReadOnly(path, label: "course-menu records")
    let contents = try Self.translatingErrors(snapshot) {
      try pool.read(SQLiteEngine.contents)
    }
    try RecordsSchema.check(contents, location: path)
  }

  public func close() throws {
    try Self.translatingErrors(nil) {
      if let pool = pool as? DatabasePool {
        // Readers first: the writer, closing last, then checkpoints and removes -wal and
        // -shm (GRDB's close() ends the writer first, and a reader cannot remove them).
        pool.releaseMemory()
        try pool.close()
      }
      if let queue = pool as? DatabaseQueue { try queue.close() }
    }
  }

  /// Copies the write-ahead log into the database and empties it (best effort: a reader in
  /// the middle of a read leaves it to the next time), so the log does not keep, commit by
  /// commit, which pages changed together (`RecordsStore.forgetOrder`).
  public func checkpointTruncating() {
    guard !isReadOnly, let pool = pool as? DatabasePool else { return }
    _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
  }

  // MARK: Opening

  /// The umask is per process: stores opening at once on several threads take turns.
  private static let umaskLock = NSLock()

  private static func openPool(path: String) throws -> (DatabasePool, SQLiteWriterQueue?) {
    umaskLock.lock()
    let previousMask = umask(0o002)
    defer {
      umask(previousMask)
      umaskLock.unlock()
    }
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw RecordsError.cannotOpen(path: path, reason: RecordsText.cannotCreateDirectory)
      }
    }
    // Nothing is written before the file is known to be writable and ours, at a version this
    // program knows.
    try RecordsFile.prepareForWriting(path)
    if let existing = RecordsFile.status(path), existing.size > 0 {
      try RecordsSchema.check(try inspect(path), location: path)
    }
    // SQLite creates a database file 0644 whatever the umask; create it here instead (an empty
    // file is an empty database) so the group may write it. SQLite gives -wal and -shm the
    // mode of the database file, whoever creates them later.
    createFileIfMissing(path)
    var configuration = Configuration()
    configuration.label = "course-menu records"
    configuration.busyMode = busyMode
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    let deadline = Date().addingTimeInterval(busyTimeout)
    while true {
      do {
        let pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB sets up WAL after `prepareDatabase` and switches the writer to
        // `synchronous = NORMAL` there: set FULL again on the one writer connection.
        try pool.writeWithoutTransaction { db in
          try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        try SQLiteEngine.migrate(pool, path: path)
        return (pool, SQLiteWriterQueue(databasePath: path))
      } catch let error as DatabaseError
        where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED)
        && Date() < deadline
      {
        // Switching a new file to WAL needs an exclusive lock that the busy timeout does not
        // always wait for when several processes create the file at once (forty at once on a
        // loaded machine outlasted a hundred tries: wait as long as a write would).
        usleep(useconds_t(10_000 + Int.random(in: 0..<20_000)))
      } catch let error as RecordsError {
        throw error
      } catch let error as DatabaseError {
        try RecordsFile.translatingOpenErrors(path) { throw error }
      } catch {
        throw RecordsError.cannotOpen(path: path, reason: "\(error)")
      }
    }
  }

  /// What an existing file holds, read without writing. Read immutable (no -wal yet), it may
  /// meet another process that starts writing: then it reads again, through that -wal.
  private static func inspect(_ path: String) throws -> RecordsSchema.Contents {
    var attempt = 0
    while true {
      let (reader, snapshot) = try RecordsFile.openReadOnly(path, label: "course-menu check")
      defer { try? reader.close() }
      do {
        return try translatingErrors(snapshot) { try reader.read(SQLiteEngine.contents) }
      } catch RecordsError.database(RecordsText.changedWhileReading) where attempt < 10 {
        attempt += 1
      }
    }
  }

  /// Waits for SQLite's locks with short random sleeps, up to `busyTimeout`: what is left to
  /// wait for once writers line up in `SQLiteWriterQueue` (opening and migrating a file,
  /// another program's writes, checkpoints), and every wait when there is no queue file.
  /// SQLite's own busy timeout backs off to 100 ms sleeps, so under contention a waiting writer
  /// kept missing the moment the lock was free while newcomers took it: with 16 writers single
  /// writes waited up to 14 s (bench/records).
  ///
  /// Inside `write` the wait ends at `writeDeadline`, which the time in the writer queue also
  /// counts against, so that one write waits `busyTimeout` in all, not once in the queue and
  /// again here.
  static let busyMode = Database.BusyMode.callback { tries in
    if let deadline = writeDeadline {
      guard Date() < deadline else { return false }
    } else {
      // 1.25 ms per try on average, so the tries stand for `busyTimeout`.
      guard Double(tries) < busyTimeout * 800 else { return false }
    }
    usleep(useconds_t(500 + Int.random(in: 0..<1500)))
    return true
  }

  /// When the write running on this thread gives up waiting for other writers.
  @TaskLocal static var writeDeadline: Date?

  // MARK: Transactions

  /// One IMMEDIATE transaction: the write lock is taken at BEGIN, so the reads inside see the
  /// latest data and no other writer can slip in between them and the writes.
  public func write<T>(_ body: (SQLTransaction) throws -> T) throws -> T {
    guard !isReadOnly else { throw RecordsError.readOnly }
    return try translatingErrors {
      try pool.writeWithoutTransaction { db in
        try inTurn {
          var result: T?
          try db.inTransaction(.immediate) {
            result = try body(SQLTransaction(dialect: .sqlite, runner: GRDBStatements(db: db)))
            return .commit
          }
          return result!
        }
      }
    }
  }

  /// Waits in the writer queue, when there is one, then runs `body` with SQLite's busy
  /// handler bound to the same deadline, `busyTimeout` from now. GRDB's writer runs one write
  /// at a time in this process, so the queue's lock is never asked for twice by the same engine.
  private func inTurn<T>(_ body: () throws -> T) throws -> T {
    let deadline = Date().addingTimeInterval(Self.busyTimeout)
    return try Self.$writeDeadline.withValue(deadline) {
      guard let writerQueue else { return try body() }
      return try writerQueue.inTurn(within: deadline.timeIntervalSinceNow, body)
    }
  }

  public func read<T>(_ body: (SQLTransaction) throws -> T) throws -> T {
    try Self.translatingErrors(snapshot) {
      try pool.read { db in
        try body(SQLTransaction(dialect: .sqlite, runner: GRDBStatements(db: db)))
      }
    }
  }

  private func translatingErrors<T>(_ body: () throws -> T) throws -> T {
    try Self.translatingErrors(snapshot, body)
  }

  /// SQLite's failures as `RecordsError`s with Chinese text; a read of an immutable file that
  /// a writer changed meanwhile is refused rather than trusted.
  private static func translatingErrors<T>(
    _ snapshot: RecordsFile.Snapshot?, _ body: () throws -> T
  ) throws -> T {
    do {
      let result = try body()
      if let snapshot, snapshot.isStale {
        throw RecordsError.database(RecordsText.changedWhileReading)
      }
      return result
    } catch let error as DatabaseError {
      switch error.resultCode {
      case .SQLITE_BUSY, .SQLITE_LOCKED: throw RecordsError.busy
      default:
        throw RecordsError.sqlite(
          code: error.extendedResultCode.rawValue, detail: error.message ?? "\(error.resultCode)")
      }
    }
  }

  // MARK: Schema

  /// The same migrations as GRDB runs them on SQLite.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    for migration in RecordsSchema.migrations {
      migrator.registerMigration(migration.identifier, foreignKeyChecks: .immediate) { db in
        for statement in SchemaDDL.statements(migration, dialect: .sqlite) {
          try db.execute(sql: statement)
        }
      }
    }
    return migrator
  }()

  static func contents(_ db: Database) throws -> RecordsSchema.Contents {
    let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    let tables = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    if application != 0, application != RecordsSchema.applicationID {
      return .foreign(tables: tables)
    }
    let migrations =
      tables.contains("grdb_migrations")
      ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : []
    if application == RecordsSchema.applicationID
      || migrations.contains(RecordsSchema.firstMigration)
    {
      return .records(version: version, migrations: migrations)
    }
    // Another process setting up a new file: GRDB creates its table of migrations before the
    // first migration commits (eight sessions starting at once on a new file saw this).
    if tables.isEmpty || (tables == ["grdb_migrations"] && migrations.isEmpty) { return .empty }
    return .foreign(tables: tables)
  }

  /// Runs the migrations that are missing. Several processes may open a new file at once:
  /// GRDB reads the applied migrations before it runs each one in its own IMMEDIATE
  /// transaction, so a process can lose the race and fail on a table another one just created.
  /// That failed transaction rolled back; when the applied list grew meanwhile, try again.
  ///
  /// Then stamps the file with `RecordsSchema.applicationID` and `version` (only when they differ, so an
  /// open of an up-to-date file writes nothing).
  static func migrate(_ pool: DatabasePool, path: String) throws {
    try migrateMissing(pool, path: path)
    try pool.write { db in
      if try Int32.fetchOne(db, sql: "PRAGMA application_id") != RecordsSchema.applicationID {
        try db.execute(sql: "PRAGMA application_id = \(RecordsSchema.applicationID)")
      }
      if try Int.fetchOne(db, sql: "PRAGMA user_version") != RecordsSchema.version {
        try db.execute(sql: "PRAGMA user_version = \(RecordsSchema.version)")
      }
    }
  }

  private static func migrateMissing(_ pool: DatabasePool, path: String) throws {
    let known = Set(migrator.migrations)
    for _ in 0..<20 {
      // Checked again here: another process may have upgraded the file since it was opened.
      try RecordsSchema.check(try pool.read(contents), location: path)
      let before = try pool.read { try migrator.appliedIdentifiers($0) }
      if before == known { return }
      do {
        try migrator.migrate(pool)
        return
      } catch {
        let after = try pool.read { try migrator.appliedIdentifiers($0) }
        guard after.isStrictSuperset(of: before) else { throw error }
      }
    }
    try migrator.migrate(pool)
  }
}

/// Runs the records' statements on a GRDB connection.
struct GRDBStatements: SQLStatementRunner {
  let db: Database

  func run(_ sql: String, _ arguments: SQLArguments) throws -> (rows: [SQLRow], changes: Int) {
    let statement = try db.cachedStatement(sql: sql)
    try statement.setArguments(StatementArguments(arguments.values.map(Self.databaseValue)))
    let columns = statement.columnNames
    var rows: [SQLRow] = []
    let cursor = try GRDB.Row.fetchCursor(statement)
    while let row = try cursor.next() {
      rows.append(SQLRow(columns: columns, values: row.databaseValues.map(Self.value)))
    }
    return (rows, statement.isReadonly ? 0 : db.changesCount)
  }

  static func databaseValue(_ value: SQLValue) -> DatabaseValue {
    switch value {
    case .null: .null
    case .integer(let number): number.databaseValue
    case .real(let number): number.databaseValue
    case .text(let text): text.databaseValue
    case .blob(let data): data.databaseValue
    }
  }

  static func value(_ value: DatabaseValue) -> SQLValue {
    switch value.storage {
    case .null: .null
    case .int64(let number): .integer(number)
    case .double(let number): .real(number)
    case .string(let text): .text(text)
    case .blob(let data): .blob(data)
    }
  }
}

/// Creates an empty file with mode 0666 less the umask, unless it exists.
private func createFileIfMissing(_ path: String) {
  let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o666)
  if descriptor >= 0 { close(descriptor) }
}
