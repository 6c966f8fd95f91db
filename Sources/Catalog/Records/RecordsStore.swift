import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Members, their selections and their credited hours, kept in one SQLite file shared by every
/// session on the machine (kiosk, SSH sessions, administrator commands).
///
/// - The file is in WAL mode (`DatabasePool`) with `synchronous = FULL`: a commit that returned
///   survives a crash or a power cut.
/// - Every write is one short IMMEDIATE transaction, taken inside a single call: no transaction
///   is ever open while the program waits for a key. Other writers wait up to `busyTimeout`.
/// - Every method is synchronous and safe to call from any thread.
///
/// ```swift
/// let store = try RecordsStore(path: RecordsLocation.path(explicit: nil, environment: env))
/// switch try store.authenticate(member: "1001", pin: "1111") {
/// case .ok(let member):
///   try store.select(course: course, for: member.id)        // false: was already selected
///   let chosen = try store.selections(of: member.id)         // [Selection]
///   let year = catalog.rules.trainingYear(catalog.year)
///   let progress = try store.progress(of: member.id, year: year, rules: catalog.rules)
///   print(progress.countedHours, progress.target, progress.missingSummary)
/// case .refused(let freeAttemptsLeft, let retryAt): …        // 编号或 PIN 不正确
/// case .mustWait(let until): …                               // 请在 until 后再试
/// case .locked: …                                            // an administrator must unlock
/// }
/// ```
public final class RecordsStore: Sendable {
  /// How long a write waits for other writers before giving up with `RecordsError.busy`.
  public static let busyTimeout: TimeInterval = 30

  public let path: String
  /// The connections: a pool (WAL) when writing; one read-only connection otherwise.
  let pool: any DatabaseWriter
  /// Set when the file was opened immutable (read-only, no `-wal`): every read checks that no
  /// writer came meanwhile.
  let snapshot: RecordsFile.Snapshot?
  /// Opened with `init(readingOnly:)`.
  public let isReadOnly: Bool
  let clock: @Sendable () -> Date
  let pinRounds: Int

  /// Opens the records at `path` for reading and writing, creating the file, its directory
  /// and the schema if needed. Files and directories it creates are group-writable (umask
  /// 002), for a shared kiosk group. Refuses, before writing anything, a file that another
  /// application or a newer version of this program wrote.
  public convenience init(path: String) throws {
    try self.init(path: path, clock: { Date() })
  }

  /// Opens existing records for reading only (`members list`, `report`): works without write
  /// permission and creates no file. Writes throw `RecordsError.readOnly`.
  public init(readingOnly path: String) throws {
    self.path = path
    clock = { Date() }
    pinRounds = PINHash.minimumRounds
    isReadOnly = true
    (pool, snapshot) = try RecordsFile.openReadOnly(path, label: "course-menu records")
    let contents = try Self.translatingErrors(snapshot) { try pool.read(RecordsSchema.contents) }
    try RecordsSchema.check(contents, path: path)
  }

  /// For tests: a clock to drive the PIN throttle.
  init(path: String, clock: @escaping @Sendable () -> Date) throws {
    self.path = path
    self.clock = clock
    pinRounds = PINHash.minimumRounds
    snapshot = nil
    isReadOnly = false
    pool = try RecordsStore.openPool(path: path)
  }

  /// Closes the database connections; the store cannot be used afterwards.
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

  // MARK: Opening

  /// The umask is per process: stores opening at once on several threads take turns.
  private static let umaskLock = NSLock()

  private static func openPool(path: String) throws -> DatabasePool {
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
      try RecordsSchema.check(try inspect(path), path: path)
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
    var attempt = 0
    while true {
      do {
        let pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB sets up WAL after `prepareDatabase` and switches the writer to
        // `synchronous = NORMAL` there: set FULL again on the one writer connection.
        try pool.writeWithoutTransaction { db in
          try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        try RecordsSchema.migrate(pool, path: path)
        return pool
      } catch let error as DatabaseError
        where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED)
        && attempt < 100
      {
        // Switching a new file to WAL needs an exclusive lock that the busy timeout does not
        // always wait for when several processes create the file at once.
        attempt += 1
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
        return try translatingErrors(snapshot) { try reader.read(RecordsSchema.contents) }
      } catch RecordsError.database(RecordsText.changedWhileReading) where attempt < 10 {
        attempt += 1
      }
    }
  }

  /// Waits for other writers with short random sleeps, up to `busyTimeout`. SQLite's own busy
  /// timeout backs off to 100 ms sleeps, so under contention a waiting writer keeps missing the
  /// moment the lock is free while newcomers take it: with 16 writers single writes waited up
  /// to 14 s (bench/records).
  static let busyMode = Database.BusyMode.callback { tries in
    // 1.25 ms per try on average, so the tries stand for `busyTimeout`.
    guard Double(tries) < busyTimeout * 800 else { return false }
    usleep(useconds_t(500 + Int.random(in: 0..<1500)))
    return true
  }

  // MARK: Transactions

  /// One IMMEDIATE transaction: the write lock is taken at BEGIN, so the reads inside see the
  /// latest data and no other writer can slip in between them and the writes.
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    guard !isReadOnly else { throw RecordsError.readOnly }
    return try translatingErrors {
      try pool.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return .commit
        }
        return result!
      }
    }
  }

  func read<T>(_ body: (Database) throws -> T) throws -> T {
    try Self.translatingErrors(snapshot) { try pool.read(body) }
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

  var nowText: String { Timestamp.string(from: clock()) }

  /// The operating-system user running this process, recorded with each credit.
  public static let currentUser: String? = {
    guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
    return String(cString: name)
  }()
}

// MARK: - Members

extension RecordsStore {
  /// A member with their PIN throttle (`login_throttle` is keyed by the typed number).
  static let memberSelect = """
    SELECT member.id, name, branch, domain, role, joined, floating,
      pin_key IS NOT NULL AS has_pin, login_throttle.failures, login_throttle.next_attempt
    FROM member LEFT JOIN login_throttle ON login_throttle.number = member.id
    """

  static func member(from row: Row) throws -> Member {
    let id: String = row["id"]
    guard let domain = MemberDomain(rawValue: row["domain"]),
      let role = MemberRole(rawValue: row["role"]),
      let joined = LocalDate(iso: row["joined"])
    else { throw RecordsError.database(RecordsText.corruptMember(id)) }
    let failures: Int? = row["failures"]
    let nextAttempt: Double? = row["next_attempt"]
    return Member(
      id: id, name: row["name"], branch: row["branch"], domain: domain, role: role,
      joined: joined, floating: row["floating"], hasPIN: row["has_pin"],
      throttle: LoginThrottle(
        failures: failures ?? 0, nextAttempt: nextAttempt.map { Date(timeIntervalSince1970: $0) }))
  }

  static func fetchMember(_ db: Database, id: String) throws -> Member? {
    try Row.fetchOne(db, sql: "\(memberSelect) WHERE member.id = ?", arguments: [id])
      .map(member(from:))
  }

  static func memberExists(_ db: Database, id: String) throws -> Bool {
    try Bool.fetchOne(db, sql: "SELECT 1 FROM member WHERE id = ?", arguments: [id]) ?? false
  }

  public func member(id: String) throws -> Member? {
    try read { try RecordsStore.fetchMember($0, id: id) }
  }

  /// Every member, or those of one branch, by number.
  public func members(branch: String? = nil) throws -> [Member] {
    try read { try RecordsStore.fetchMembers($0, branch: branch) }
  }

  static func fetchMembers(_ db: Database, branch: String?) throws -> [Member] {
    let order = "ORDER BY length(member.id), member.id"
    let rows =
      if let branch {
        try Row.fetchAll(
          db, sql: "\(memberSelect) WHERE member.branch = ? \(order)", arguments: [branch])
      } else {
        try Row.fetchAll(db, sql: "\(memberSelect) \(order)")
      }
    return try rows.map(member(from:))
  }
  /// Adds new members and updates those already there, all in one transaction. A draft's PIN
  /// replaces the stored one unless it is the same PIN; without a PIN the stored one stays.
  /// Members absent from `drafts` are left alone (their history stays).
  ///
  /// A number that differs from a stored one only by leading zeros (`01004` beside `1004`) is
  /// refused: it would make the same person two members.
  ///
  /// The PINs' key derivations (about 44 ms of CPU each, on every core) are the slow part;
  /// `progress`, called from the worker threads, counts the rows done.
  public func importMembers(
    _ drafts: [MemberDraft], progress: (@Sendable (ImportProgress) -> Void)? = nil
  ) throws -> ImportOutcome {
    for draft in drafts {
      guard Member.isValidID(draft.id) else { throw RecordsError.invalidMemberID(draft.id) }
      if let pin = draft.pin, !PINHash.isAcceptable(pin) { throw RecordsError.invalidPIN }
    }
    // The key derivations are slow on purpose: do them before taking the write lock.
    let stored = try read { db in
      var hashes: [String: PINHash] = [:]
      for draft in drafts where draft.pin != nil {
        if let hash = try RecordsStore.pinHash(db, id: draft.id) { hashes[draft.id] = hash }
      }
      return hashes
    }
    let newHashes = try RecordsStore.hashPINs(
      drafts, keeping: stored, rounds: pinRounds, progress: progress)
    let now = nowText
    return try write { db in
      try RecordsStore.rejectNumbersWrittenTwoWays(db, drafts)
      var outcome = ImportOutcome()
      for (index, draft) in drafts.enumerated() {
        let values: [(any DatabaseValueConvertible)?] = [
          draft.name, draft.branch, draft.domain.rawValue, draft.role.rawValue,
          draft.joined.description, draft.floating,
        ]
        let existing = try Row.fetchOne(
          db,
          sql: "SELECT name, branch, domain, role, joined, floating FROM member WHERE id = ?",
          arguments: [draft.id])
        if existing == nil {
          try db.execute(
            sql: """
              INSERT INTO member (id, name, branch, domain, role, joined, floating,
                created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: StatementArguments([draft.id] + values + [now, now]))
          outcome.added.append(draft.id)
        } else if let existing,
          existing["name"] != draft.name || existing["branch"] != draft.branch
            || existing["domain"] != draft.domain.rawValue
            || existing["role"] != draft.role.rawValue
            || existing["joined"] != draft.joined.description
            || existing["floating"] != draft.floating || newHashes[index] != nil
        {
          try db.execute(
            sql: """
              UPDATE member SET name = ?, branch = ?, domain = ?, role = ?, joined = ?,
                floating = ?, updated_at = ?
              WHERE id = ?
              """,
            arguments: StatementArguments(values + [now, draft.id]))
          outcome.updated.append(draft.id)
        } else {
          outcome.unchanged.append(draft.id)
        }
        if let hash = newHashes[index] {
          try RecordsStore.storePIN(db, hash, id: draft.id, now: now)
        }
      }
      return outcome
    }
  }

}

extension RecordsStore {
  /// New hashes for the drafts whose PIN differs from the stored one, by draft index; on every
  /// core, as a roster may hold thousands of PINs.
  static func hashPINs(
    _ drafts: [MemberDraft], keeping stored: [String: PINHash], rounds: Int,
    progress: (@Sendable (ImportProgress) -> Void)?
  ) throws -> [Int: PINHash] {
    let work = drafts.enumerated().compactMap { index, draft in
      draft.pin.map { (index: index, id: draft.id, pin: $0) }
    }
    // Rows without a PIN are done at once.
    let withoutPIN = drafts.count - work.count
    progress?(ImportProgress(done: withoutPIN, total: drafts.count))
    let results = ResultBox(count: work.count)
    DispatchQueue.concurrentPerform(iterations: work.count) { position in
      let item = work[position]
      let finished = results.set(
        position,
        Result {
          if let existing = stored[item.id], try existing.verifies(item.pin) { return nil }
          return try PINHash.make(pin: item.pin, rounds: rounds)
        })
      progress?(ImportProgress(done: withoutPIN + finished, total: drafts.count))
    }
    var hashes: [Int: PINHash] = [:]
    for (position, item) in work.enumerated() {
      if let hash = try results.get(position) { hashes[item.index] = hash }
    }
    return hashes
  }

  /// Refuses a new number equal to a stored one but for leading zeros.
  static func rejectNumbersWrittenTwoWays(_ db: Database, _ drafts: [MemberDraft]) throws {
    var stored: [Substring: String] = [:]
    for id in try String.fetchAll(db, sql: "SELECT id FROM member") {
      stored[Member.numberValue(id)] = id
    }
    for draft in drafts {
      if let existing = stored[Member.numberValue(draft.id)], existing != draft.id {
        throw RecordsError.numberWrittenTwoWays(written: draft.id, stored: existing)
      }
    }
  }
}

/// How far a roster import has come: rows whose PIN has been hashed (or that have none).
public struct ImportProgress: Hashable, Sendable {
  public var done: Int
  public var total: Int

  public init(done: Int, total: Int) {
    self.done = done
    self.total = total
  }
}

/// Results written from concurrent iterations.
private final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Result<PINHash?, any Error>?]
  private var finished = 0

  init(count: Int) { values = Array(repeating: nil, count: count) }

  /// Returns how many results are in.
  func set(_ index: Int, _ value: Result<PINHash?, any Error>) -> Int {
    lock.lock()
    defer { lock.unlock() }
    values[index] = value
    finished += 1
    return finished
  }

  func get(_ index: Int) throws -> PINHash? {
    lock.lock()
    defer { lock.unlock() }
    return try values[index]?.get() ?? nil
  }
}

/// Creates an empty file with mode 0666 less the umask, unless it exists.
private func createFileIfMissing(_ path: String) {
  let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o666)
  if descriptor >= 0 { close(descriptor) }
}
