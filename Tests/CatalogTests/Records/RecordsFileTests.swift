import Foundation
import GRDB
import Testing

@testable import Catalog

/// The records file under faults: other applications' files, newer schemas and read-only
/// use are refused or served without writing a byte. (Permissions themselves are tested as
/// an unprivileged user by Tests/records/run.py: root ignores them.)
@Suite struct RecordsFileTests {
  /// A directory that is removed afterwards.
  struct Place {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("records-file-\(UUID().uuidString)").path
    var path: String { directory + "/records.sqlite" }

    init() throws {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// The files in the directory, and the bytes of the database.
    func state() throws -> ([String], Data) {
      (
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted(),
        try Data(contentsOf: URL(fileURLWithPath: path))
      )
    }
  }

  /// `--db` pointed at another application's SQLite file silently added our tables to it.
  @Test func anotherApplicationsDatabaseIsRefusedUntouched() throws {
    let place = try Place()
    defer { place.remove() }
    let other = try DatabaseQueue(path: place.path)
    try other.write { db in
      try db.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')")
    }
    try other.close()
    let before = try place.state()
    #expect(throws: RecordsError.foreignDatabase(path: place.path, tables: ["contacts"])) {
      _ = try RecordsStore(path: place.path)
    }
    #expect(throws: RecordsError.foreignDatabase(path: place.path, tables: ["contacts"])) {
      _ = try RecordsStore(readingOnly: place.path)
    }
    #expect(try place.state() == before)
    #expect(
      RecordsError.foreignDatabase(path: "x.db", tables: ["contacts"]).message
        == "x.db 是别的程序的 SQLite 数据库（其中有表 contacts），不是学时记录数据库：请检查 --db 或 COURSE_MENU_DB 指向的文件；该文件没有被改动"
    )
  }

  /// Eight processes opening a new file at once: GRDB commits its empty migrations table
  /// before the first migration, and a process that looked in between took the file for
  /// another application's (Tests/records "mix", now and then). It is a file being set up.
  @Test func aFileWithOnlyAnEmptyMigrationsTableIsBeingSetUp() throws {
    let place = try Place()
    defer { place.remove() }
    let other = try DatabaseQueue(path: place.path)
    try other.write { db in
      try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
    }
    try other.close()
    let store = try RecordsStore(path: place.path)
    #expect(try store.members().isEmpty)
    try store.close()
  }

  @Test func aFileThatIsNoDatabaseIsRefusedUntouched() throws {
    let place = try Place()
    defer { place.remove() }
    try Data("id,name\n1001,王建国\n".utf8).write(to: URL(fileURLWithPath: place.path))
    let before = try place.state()
    #expect(throws: RecordsError.notADatabase(path: place.path)) {
      _ = try RecordsStore(path: place.path)
    }
    #expect(try place.state() == before)
  }

  /// A newer schema was refused only when a migration name was unknown; the version number
  /// the program owns is now checked first, before anything is written.
  @Test func aNewerVersionIsRefusedBeforeAnythingIsWritten() throws {
    let place = try Place()
    defer { place.remove() }
    try RecordsStore(path: place.path).close()
    let stamped = try DatabaseQueue(path: place.path)
    #expect(
      try stamped.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        == RecordsSchema.version)
    #expect(
      try stamped.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") }
        == RecordsSchema.applicationID)
    try stamped.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA user_version = \(RecordsSchema.version + 1)")
    }
    try stamped.close()
    let before = try place.state()
    let newer = RecordsError.newerSchema(
      path: place.path, version: RecordsSchema.version + 1, known: RecordsSchema.version,
      unknown: [])
    #expect(throws: newer) { _ = try RecordsStore(path: place.path) }
    #expect(throws: newer) { _ = try RecordsStore(readingOnly: place.path) }
    #expect(try place.state() == before)
  }

  /// The mechanism counts migrations: one appended needs no other edit.
  @Test func theVersionIsTheNumberOfMigrations() {
    #expect(RecordsSchema.version == SQLiteEngine.migrator.migrations.count)
    #expect(SQLiteEngine.migrator.migrations.first == RecordsSchema.firstMigration)
  }

  @Test func aFileFromBeforeTheVersionNumberIsUpgradedInPlace() throws {
    let place = try Place()
    defer { place.remove() }
    // What the first release made: the v1 tables, no application_id, user_version 0.
    let old = try DatabaseQueue(path: place.path)
    try SQLiteEngine.migrator.migrate(old, upTo: RecordsSchema.firstMigration)
    #expect(try old.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 0)
    try old.close()
    let store = try RecordsStore(path: place.path)
    #expect(
      try (store.engine as! SQLiteEngine).pool.read {
        try Int.fetchOne($0, sql: "PRAGMA user_version")
      }
        == RecordsSchema.version)
    try store.close()
  }

  /// Read-only commands create no file: a 0444 -shm left by one kept failing for everyone.
  @Test func readingOnlyCreatesNothingAndWritesNothing() throws {
    let place = try Place()
    defer { place.remove() }
    let writer = try RecordsStore(path: place.path)
    _ = try writer.importMembers([
      MemberDraft(
        id: "1001", name: "王建国", branch: "一支部", domain: .rural, role: .member,
        joined: LocalDate(year: 2012, month: 7, day: 1))
    ])
    try writer.close()
    // No -wal or -shm once the writer closed; its queue file stays (it holds nothing).
    let closed = ["records.sqlite", "records.sqlite" + SQLiteWriterQueue.suffix]
    let before = try place.state()
    #expect(before.0 == closed)
    let reader = try RecordsStore(readingOnly: place.path)
    #expect(try reader.members().map(\.name) == ["王建国"])
    #expect(try place.state().0 == closed)
    #expect(throws: RecordsError.readOnly) { try reader.unlock(memberID: "1001") }
    try reader.close()
    #expect(try place.state() == before)
  }

  /// Opened immutable (no -wal), a read that a writer overlapped is refused, not trusted.
  @Test func aWriterDuringAnImmutableReadIsNoticed() throws {
    let place = try Place()
    defer { place.remove() }
    try RecordsStore(path: place.path).close()
    let reader = try RecordsStore(readingOnly: place.path)
    #expect(try reader.members().isEmpty)
    let writer = try RecordsStore(path: place.path)
    _ = try writer.importMembers([
      MemberDraft(
        id: "1001", name: "王建国", branch: "一支部", domain: .rural, role: .member,
        joined: LocalDate(year: 2012, month: 7, day: 1))
    ])
    #expect(throws: RecordsError.database(RecordsText.changedWhileReading)) {
      _ = try reader.members()
    }
    try writer.close()
    try reader.close()
    // While the writer is open (its -wal exists), a reader goes through it.
    let open = try RecordsStore(path: place.path)
    defer { try? open.close() }
    #expect(try RecordsStore(readingOnly: place.path).members().count == 1)
  }

  @Test func sqliteFailuresAreChineseWithSQLitesTextAfter() {
    #expect(
      RecordsError.sqlite(code: 8, detail: "attempt to write a readonly database").message
        == "学时记录数据库出错：没有写入权限（文件或所在目录只读）（SQLite：attempt to write a readonly database）")
    #expect(
      RecordsError.sqlite(code: 13, detail: "database or disk is full").message
        == "学时记录数据库出错：磁盘已满（SQLite：database or disk is full）")
    #expect(
      RecordsText.sqliteFailure(code: 1032, detail: "x")
        == RecordsText.sqliteFailure(code: 8, detail: "x"))
  }

  @Test func aNumberWrittenWithLeadingZerosIsNotASecondMember() throws {
    let place = try Place()
    defer { place.remove() }
    let store = try RecordsStore(path: place.path)
    defer { try? store.close() }
    func member(_ id: String) -> MemberDraft {
      MemberDraft(
        id: id, name: "陈小红", branch: "一支部", domain: .rural, role: .member,
        joined: LocalDate(year: 2012, month: 7, day: 1))
    }
    _ = try store.importMembers([member("1004")])
    #expect(throws: RecordsError.numberWrittenTwoWays(written: "01004", stored: "1004")) {
      _ = try store.importMembers([member("01004")])
    }
    #expect(try store.members().map(\.id) == ["1004"])
  }
}
