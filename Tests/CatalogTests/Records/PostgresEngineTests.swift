import Foundation
import Testing

@testable import Catalog
@testable import RecordsPostgres

#if canImport(Glibc)
  import Glibc
#endif

/// The PostgreSQL engine's own parts: the `postgresql://` URL and where its password comes
/// from, a server that cannot be reached, and the schema set up by several processes at once.
/// (What the store does on PostgreSQL is the contract suite's, run on both engines.)
@Suite struct PostgresEngineTests {
  let environment = ["PGUSER": "kiosk", "HOME": "/nonexistent"]

  @Test func aURLIsReadWithItsDefaults() throws {
    let full = try PostgresLocation(
      url: "postgresql://dangyuan@10.1.2.3:5433/records?sslmode=require&connect_timeout=3",
      environment: environment)
    #expect(full.user == "dangyuan")
    #expect(full.host == "10.1.2.3")
    #expect(full.port == 5433)
    #expect(full.database == "records")
    #expect(full.tls == .require)
    #expect(full.connectTimeout == 3)
    #expect(full.description == "postgresql://dangyuan@10.1.2.3:5433/records")

    let short = try PostgresLocation(url: "postgres://county/records", environment: environment)
    #expect(short.user == "kiosk")
    #expect(short.port == 5432)
    #expect(short.tls == .prefer)
    #expect(short.socketDirectory == nil)

    let socket = try PostgresLocation(
      url: "postgresql:///records?host=/run/postgresql", environment: environment)
    #expect(socket.socketPath == "/run/postgresql/.s.PGSQL.5432")
    #expect(RecordsOpening.isURL("POSTGRESQL://x/y"))
    #expect(!RecordsOpening.isURL("/var/lib/course-menu/records.sqlite"))
  }

  @Test(arguments: [
    "postgresql://dangyuan:secret@10.1.2.3/records",
    "postgresql://dangyuan:@10.1.2.3/records",
    "postgresql://dangyuan@10.1.2.3/records?password=secret",
  ])
  func aPasswordInTheURLIsRefusedSayingWhereItGoes(_ url: String) throws {
    #expect(throws: RecordsError.passwordInURL) {
      _ = try PostgresLocation(url: url, environment: environment)
    }
    let message = RecordsError.passwordInURL.message
    #expect(message.contains("PGPASSWORD") && message.contains("~/.pgpass"))
    #expect(!message.contains("secret"))
  }

  @Test(arguments: [
    "postgresql://10.1.2.3", "postgresql://10.1.2.3/a/b", "postgresql://h/db?sslmode=sometimes",
    "postgresql://h/db?application_name=x", "postgresql://h/db?connect_timeout=0",
  ])
  func aURLWeCannotUseIsRefused(_ url: String) {
    #expect(throws: RecordsError.invalidDatabaseURL(url)) {
      _ = try PostgresLocation(url: url, environment: environment)
    }
  }

  @Test func thePasswordComesFromPGPASSWORDOrAFileOnlyItsOwnerReads() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("pgpass-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("pgpass").path
    try """
    # the county's server
    10.1.2.3:5432:other:dangyuan:not-this-one
    10.1.2.3:*:records:dangyuan:pa\\:ss\\\\word
    *:*:*:*:fallback
    """.write(toFile: file, atomically: true, encoding: .utf8)
    chmod(file, 0o600)
    let location = try PostgresLocation(
      url: "postgresql://dangyuan@10.1.2.3/records", environment: environment)
    #expect(location.password(environment: ["PGPASSFILE": file]) == "pa:ss\\word")
    let elsewhere = try PostgresLocation(
      url: "postgresql://someone@example.org/x", environment: environment)
    #expect(elsewhere.password(environment: ["PGPASSFILE": file]) == "fallback")
    #expect(
      location.password(environment: ["PGPASSFILE": file, "PGPASSWORD": "from-env"])
        == "from-env")
    // As libpq: a password file others may read is ignored.
    chmod(file, 0o644)
    #expect(location.password(environment: ["PGPASSFILE": file]) == nil)
    // ~/.pgpass when PGPASSFILE is not set.
    let home = directory.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    try "*:*:records:dangyuan:from-home\n".write(
      toFile: home.appendingPathComponent(".pgpass").path, atomically: true, encoding: .utf8)
    chmod(home.appendingPathComponent(".pgpass").path, 0o600)
    #expect(location.password(environment: ["HOME": home.path]) == "from-home")
  }

  @Test func aServerThatDoesNotAnswerIsAClearErrorNotAHang() throws {
    // A port nobody listens on: bound, then closed.
    let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(probe, $0, length) == 0 && getsockname(probe, $0, &length) == 0
      }
    }
    let port = Int(UInt16(bigEndian: address.sin_port))
    close(probe)
    let started = Date()
    do {
      _ = try RecordsOpening.open(
        "postgresql://nobody@127.0.0.1:\(port)/records?sslmode=disable&connect_timeout=2",
        environment: [:])
      Issue.record("opened a database on a closed port")
    } catch let error as RecordsError {
      #expect(error.message.contains("无法连接数据库服务器") || error.message.contains("连接"))
    }
    #expect(Date().timeIntervalSince(started) < 5)  // connect_timeout=2, not busyTimeout
  }

  /// Eight processes (engines, each with its own client) starting at once on a new database:
  /// the advisory lock makes them take turns, every migration is applied once, all open.
  @Test(.enabled(if: RecordsEngineKind.serverURL != nil))
  func severalStartingAtOnceSetUpTheSchemaOnce() throws {
    let database = try TemporaryPostgresDatabase()
    defer { database.drop() }
    let results = Outcomes<PostgresEngine>()
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      results.append(Result { try database.engine() })
    }
    let engines = try results.all.map { try $0.get() }
    defer { for engine in engines { try? engine.close() } }
    let applied = try engines[0].read { db in
      try String.fetchAll(db, sql: "SELECT identifier FROM course_menu_migrations")
    }
    #expect(applied.sorted() == RecordsSchema.migrations.map(\.identifier).sorted())
    let identities = try engines[0].read { db in
      try String.fetchAll(db, sql: "SELECT value FROM records_meta")
    }
    #expect(identities.count == 1)
  }

  @Test(.enabled(if: RecordsEngineKind.serverURL != nil))
  func aReadOnlyEngineWritesNothingAndAnotherApplicationsDatabaseIsRefused() throws {
    let database = try TemporaryPostgresDatabase()
    defer { database.drop() }
    // Opened read-only, a new database stays empty: no schema is set up.
    let reader = try database.engine(readOnly: true)
    #expect(throws: RecordsError.readOnly) { try reader.write { _ in } }
    try reader.close()
    try PostgresAdministration.execute(
      ["CREATE TABLE contacts (name text)"], at: database.url)
    let location = try PostgresLocation(url: database.url, environment: [:]).description
    #expect(throws: RecordsError.foreignDatabase(path: location, tables: ["contacts"])) {
      _ = try database.engine()
    }
    let tables = try PostgresAdministrationCheck.tables(database.url)
    #expect(tables == ["contacts"])
  }
}

/// The tables of a database, read without setting anything up.
enum PostgresAdministrationCheck {
  static func tables(_ url: String) throws -> [String] {
    let engine = try PostgresEngine(
      PostgresLocation(url: url, environment: ProcessInfo.processInfo.environment),
      readOnly: true, preparing: false, environment: ProcessInfo.processInfo.environment)
    defer { try? engine.close() }
    return try engine.read { db in
      try String.fetchAll(
        db,
        sql: "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
    }
  }
}
