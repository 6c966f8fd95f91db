import Catalog
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// The records on a PostgreSQL server, shared by several machines (a county's or a city's SSH
/// servers, station kiosks with a network), through postgres-nio's `PostgresClient`.
///
/// The program's records calls are synchronous (the records worker thread, the commands);
/// postgres-nio is asynchronous. The bridge: one client per engine (one per process in the
/// program), running with its pool on a single event-loop thread of its own; a call leases a
/// connection there (`ConnectionHandoff`) and runs its statements from the calling thread with
/// postgres-nio's future-returning `query`, waiting on the calling thread, never on the event
/// loop's.
///
/// Writes are SERIALIZABLE transactions, retried when PostgreSQL reports a serialization
/// failure or a deadlock: the invariants the records keep by reading then writing (seats
/// taken, attempts of the day, the wrong-PIN count, one live session per member, a number
/// written two ways) hold exactly as under SQLite's single writer, including those about rows
/// that do not exist yet, which row locks could not guard. Reads are REPEATABLE READ, READ
/// ONLY: one snapshot per call.
public final class PostgresEngine: RecordsEngine {
  /// How long a call waits for a connection, or retries conflicts, before giving up.
  public static let busyTimeout: TimeInterval = RecordsStore.busyTimeout

  public let locationURL: PostgresLocation
  public var location: String { locationURL.description }
  public let isReadOnly: Bool
  private let client: PostgresClient
  private let executor: EventLoopExecutor
  private let group: MultiThreadedEventLoopGroup
  private let runTask: Task<Void, Never>
  let logger = Logger(label: "course-menu.records")

  /// Connects to the database at `location`, checks its schema and, unless `readOnly`, brings
  /// it up to this program's version (under an advisory lock, so processes starting at once
  /// take turns). A database from a newer program, or another application's, is refused
  /// before anything is written.
  public convenience init(
    _ location: PostgresLocation, readOnly: Bool = false,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws {
    try self.init(location, readOnly: readOnly, preparing: true, environment: environment)
  }

  /// `preparing` false leaves the database as it is, for `PostgresAdministration`.
  init(
    _ location: PostgresLocation, readOnly: Bool, preparing: Bool,
    environment: [String: String]
  ) throws {
    locationURL = location
    isReadOnly = readOnly
    group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    executor = EventLoopExecutor(loop: group.next())
    client = PostgresClient(
      configuration: Self.configuration(location, environment: environment),
      eventLoopGroup: group)
    let client = client
    runTask = Task(executorPreference: executor) { await client.run() }
    do {
      if preparing { try PostgresSchema.prepare(self, migrating: !readOnly) }
    } catch {
      try? close()
      throw error
    }
  }

  static func configuration(_ location: PostgresLocation, environment: [String: String])
    -> PostgresClient.Configuration
  {
    let password = location.password(environment: environment)
    var configuration: PostgresClient.Configuration
    if let socket = location.socketPath {
      configuration = .init(
        unixSocketPath: socket, username: location.user, password: password,
        database: location.database)
    } else {
      let tls: PostgresClient.Configuration.TLS =
        switch location.tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
      configuration = .init(
        host: location.host, port: location.port, username: location.user, password: password,
        database: location.database, tls: tls)
    }
    configuration.options.connectTimeout = .seconds(Int64(location.connectTimeout))
    // One records call at a time per thread; a process has few threads that call.
    configuration.options.maximumConnections = 4
    configuration.options.minimumConnections = 0
    // No keep-alive queries: an idle program stays asleep; an idle connection closes.
    configuration.options.keepAliveBehavior = nil
    configuration.options.connectionIdleTimeout = .seconds(60)
    return configuration
  }

  public func close() throws {
    runTask.cancel()
    try? group.syncShutdownGracefully()
  }

  // MARK: Transactions

  public func write<T>(_ body: (SQLTransaction) throws -> T) throws -> T {
    guard !isReadOnly else { throw RecordsError.readOnly }
    return try transaction("BEGIN ISOLATION LEVEL SERIALIZABLE", body)
  }

  public func read<T>(_ body: (SQLTransaction) throws -> T) throws -> T {
    try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", body)
  }

  /// `body` between `begin` and COMMIT, run again (after a short random wait) when the server
  /// reports a conflict with another transaction, until `busyTimeout`.
  func transaction<T>(_ begin: String, _ body: (SQLTransaction) throws -> T) throws -> T {
    let deadline = Date().addingTimeInterval(Self.busyTimeout)
    var attempt = 0
    while true {
      do {
        return try withConnection { connection in
          let runner = PostgresStatements(connection: connection, logger: logger)
          _ = try runner.run(begin, [])
          do {
            let result = try body(SQLTransaction(dialect: .postgresql, runner: runner))
            _ = try runner.run("COMMIT", [])
            return result
          } catch {
            _ = try? runner.run("ROLLBACK", [])
            throw error
          }
        }
      } catch let error as PSQLError where Self.isConflict(error) {
        attempt += 1
        guard Date() < deadline else { throw RecordsError.busy }
        // 1-2 ms at first, up to some 50 ms: the other transaction is short.
        let ceiling = min(50_000, 1_000 << min(attempt, 6))
        usleep(useconds_t(ceiling / 2 + Int.random(in: 0..<(ceiling / 2))))
      } catch let error as PSQLError {
        throw Self.translate(error)
      }
    }
  }

  /// A serialization failure or a deadlock: the transaction ran against a state that no
  /// longer holds and can run again. (A unique key taken meanwhile by a transaction this one
  /// had looked for it before is reported so too, not as a unique violation.)
  static func isConflict(_ error: PSQLError) -> Bool {
    guard error.code == .server, let state = error.serverInfo?[.sqlState] else { return false }
    return state == "40001" || state == "40P01"
  }

  /// Runs `body` with a connection leased from the client. The client keeps trying to
  /// connect to a server that refuses; the caller waits the URL's `connect_timeout` (10 s by
  /// default) for a connection, then says the server cannot be reached.
  func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
    let timeout = TimeInterval(locationURL.connectTimeout)
    let handoff = ConnectionHandoff()
    let client = client
    Task(executorPreference: executor) {
      do {
        try await client.withConnection { connection in await handoff.hand(connection) }
      } catch {
        handoff.fail(error)
      }
    }
    do {
      guard let connection = try handoff.take(timeout: timeout) else {
        throw RecordsError.cannotOpen(
          path: location, reason: RecordsText.postgresFailure(code: "", detail: ""))
      }
      defer { handoff.giveBack() }
      return try body(connection)
    } catch let error as PSQLError where !Self.isConflict(error) {
      throw Self.translate(error)
    }
  }

  /// postgres-nio's errors as `RecordsError`s with Chinese text.
  static func translate(_ error: PSQLError) -> RecordsError {
    if error.code == .server, let info = error.serverInfo {
      let state = info[.sqlState] ?? ""
      if state == "40001" || state == "40P01" { return .busy }
      return .postgres(code: state, detail: info[.message] ?? "")
    }
    let underlying = error.underlying.map { " \($0)" } ?? ""
    return .postgres(
      code: error.code == .connectionError ? "" : "08000",
      detail: "\(error.code)\(underlying)")
  }
}

/// Runs the records' statements on one PostgreSQL connection, from the calling thread.
struct PostgresStatements: SQLStatementRunner {
  let connection: PostgresConnection
  let logger: Logger

  func run(_ sql: String, _ arguments: SQLArguments) throws -> (rows: [SQLRow], changes: Int) {
    var bindings = PostgresBindings(capacity: arguments.values.count)
    for value in arguments.values {
      switch value {
      case .null: bindings.appendNull()
      case .integer(let number): bindings.append(number)
      case .real(let number): bindings.append(number)
      case .text(let text): bindings.append(text)
      case .blob(let data): bindings.append(ByteBuffer(bytes: data))
      }
    }
    let query = PostgresQuery(unsafeSQL: PostgresSQL.numberingPlaceholders(sql), binds: bindings)
    let result = try connection.query(query, logger: logger).wait()
    let rows = try result.rows.map { row in
      var columns: [String] = []
      var values: [SQLValue] = []
      for cell in row {
        columns.append(cell.columnName)
        values.append(try Self.value(cell))
      }
      return SQLRow(columns: columns, values: values)
    }
    let changes =
      ["INSERT", "UPDATE", "DELETE"].contains(result.metadata.command)
      ? result.metadata.rows ?? 0 : 0
    return (rows, changes)
  }

  static func value(_ cell: PostgresCell) throws -> SQLValue {
    guard cell.bytes != nil else { return .null }
    switch cell.dataType {
    case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
    case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
    case .float4, .float8: return .real(try cell.decode(Double.self))
    case .numeric:
      let text = try cell.decode(String.self)
      if let number = Int64(text) { return .integer(number) }
      return .real(Double(text) ?? 0)
    case .bytea:
      let buffer = try cell.decode(ByteBuffer.self)
      return .blob(Data(buffer.readableBytesView))
    default: return .text(try cell.decode(String.self))
    }
  }
}

/// The SQL both engines read, made PostgreSQL's.
enum PostgresSQL {
  /// `?` placeholders as `$1`, `$2` …, outside quoted text, quoted names and comments.
  static func numberingPlaceholders(_ sql: String) -> String {
    var result = ""
    result.reserveCapacity(sql.utf8.count + 16)
    var number = 0
    var quote: Character?
    var comment = false
    var previous: Character?
    for character in sql {
      if comment {
        if character == "\n" { comment = false }
      } else if let open = quote {
        if character == open { quote = nil }
      } else if character == "'" || character == "\"" {
        quote = character
      } else if character == "-" && previous == "-" {
        comment = true
      } else if character == "?" {
        number += 1
        result += "$\(number)"
        previous = character
        continue
      }
      result.append(character)
      previous = character
    }
    return result
  }
}
