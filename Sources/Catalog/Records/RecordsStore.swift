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
/// case .wrong(let remaining): …                              // 还可以再试 remaining 次
/// case .locked(let until): …                                 // 已锁定至 until
/// case .unknownMember, .noPIN: …
/// }
/// ```
public final class RecordsStore: Sendable {
  /// Wrong PINs in a row that lock a member.
  public static let maximumFailedAttempts = 5
  /// How long a lock lasts.
  public static let lockDuration: TimeInterval = 15 * 60
  /// How long a write waits for other writers before giving up with `RecordsError.busy`.
  public static let busyTimeout: TimeInterval = 30

  public let path: String
  let pool: DatabasePool
  let clock: @Sendable () -> Date
  let pinRounds: Int

  /// Opens the records at `path`, creating the file, its directory and the schema if needed.
  /// Files and directories it creates are group-writable (umask 002), for a shared kiosk group.
  public convenience init(path: String) throws {
    try self.init(path: path, clock: { Date() })
  }

  /// For tests: a clock to drive lockouts.
  init(path: String, clock: @escaping @Sendable () -> Date) throws {
    self.path = path
    self.clock = clock
    pinRounds = PINHash.minimumRounds
    pool = try RecordsStore.openPool(path: path)
  }

  /// Closes the database connections; the store cannot be used afterwards.
  public func close() throws { try translatingErrors { try pool.close() } }

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
        throw RecordsError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
      } catch {
        throw RecordsError.cannotOpen(path: path, reason: "\(error)")
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
    try translatingErrors {
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
    try translatingErrors { try pool.read(body) }
  }

  private func translatingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      switch error.resultCode {
      case .SQLITE_BUSY, .SQLITE_LOCKED: throw RecordsError.busy
      default: throw RecordsError.database(error.message ?? "\(error.resultCode)")
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
  static let memberColumns = """
    id, name, branch, domain, role, joined, floating, pin_key IS NOT NULL AS has_pin,
    failed_attempts, locked_until
    """

  static func member(from row: Row) throws -> Member {
    let id: String = row["id"]
    guard let domain = MemberDomain(rawValue: row["domain"]),
      let role = MemberRole(rawValue: row["role"]),
      let joined = LocalDate(iso: row["joined"])
    else { throw RecordsError.database(RecordsText.corruptMember(id)) }
    let lockedUntil: Double? = row["locked_until"]
    return Member(
      id: id, name: row["name"], branch: row["branch"], domain: domain, role: role,
      joined: joined, floating: row["floating"], hasPIN: row["has_pin"],
      failedAttempts: row["failed_attempts"],
      lockedUntil: lockedUntil.map { Date(timeIntervalSince1970: $0) })
  }

  static func fetchMember(_ db: Database, id: String) throws -> Member? {
    try Row.fetchOne(
      db, sql: "SELECT \(memberColumns) FROM member WHERE id = ?", arguments: [id]
    ).map(member(from:))
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
    let order = "ORDER BY length(id), id"
    let rows =
      if let branch {
        try Row.fetchAll(
          db, sql: "SELECT \(memberColumns) FROM member WHERE branch = ? \(order)",
          arguments: [branch])
      } else {
        try Row.fetchAll(db, sql: "SELECT \(memberColumns) FROM member \(order)")
      }
    return try rows.map(member(from:))
  }

  /// Adds new members and updates those already there, all in one transaction. A draft's PIN
  /// replaces the stored one unless it is the same PIN; without a PIN the stored one stays.
  /// Members absent from `drafts` are left alone (their history stays).
  public func importMembers(_ drafts: [MemberDraft]) throws -> ImportOutcome {
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
    let newHashes = try RecordsStore.hashPINs(drafts, keeping: stored, rounds: pinRounds)
    let now = nowText
    return try write { db in
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

  /// Sets a member's PIN and clears any lock.
  public func setPIN(_ pin: String, for memberID: String) throws {
    guard PINHash.isAcceptable(pin) else { throw RecordsError.invalidPIN }
    let hash = try PINHash.make(pin: pin, rounds: pinRounds)
    let now = nowText
    try write { db in
      guard try RecordsStore.memberExists(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      try RecordsStore.storePIN(db, hash, id: memberID, now: now)
    }
  }

  /// Clears a member's lock and wrong-PIN count. Returns whether they were locked.
  @discardableResult
  public func unlock(memberID: String) throws -> Bool {
    let now = clock()
    return try write { db in
      guard let member = try RecordsStore.fetchMember(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      try db.execute(
        sql: "UPDATE member SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
        arguments: [memberID])
      return member.isLocked(at: now)
    }
  }

  /// Checks a member's PIN. Each attempt is counted in its own IMMEDIATE transaction, so
  /// sessions trying in parallel share one count: the fifth wrong PIN in a row, wherever it was
  /// typed, locks the member for `lockDuration`. While locked the PIN is not even checked.
  public func authenticate(member memberID: String, pin: String) throws
    -> AuthenticationResult
  {
    guard Member.isValidID(memberID) else { return .unknownMember }
    for _ in 0..<3 {
      let snapshot = try read { db in
        try Row.fetchOne(
          db, sql: "SELECT locked_until FROM member WHERE id = ?", arguments: [memberID]
        ).map { row -> (lockedUntil: Double?, hash: PINHash?) in
          (row["locked_until"], try RecordsStore.pinHash(db, id: memberID))
        }
      }
      guard let snapshot else { return .unknownMember }
      if let until = snapshot.lockedUntil, until > clock().timeIntervalSince1970 {
        return .locked(until: Date(timeIntervalSince1970: until))
      }
      guard let hash = snapshot.hash else { return .noPIN }
      // Slow on purpose; done outside any transaction.
      let correct = PINHash.isAcceptable(pin) ? try hash.verifies(pin) : false
      let result: AuthenticationResult? = try write { db in
        guard let member = try RecordsStore.fetchMember(db, id: memberID) else {
          return .unknownMember
        }
        let now = clock()
        if let until = member.lockedUntil, until > now { return .locked(until: until) }
        // The PIN was changed between the check and now: check again.
        guard try RecordsStore.pinHash(db, id: memberID) == hash else { return nil }
        if correct {
          try db.execute(
            sql: "UPDATE member SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
            arguments: [memberID])
          var fresh = member
          fresh.failedAttempts = 0
          fresh.lockedUntil = nil
          return .ok(fresh)
        }
        let failed = member.failedAttempts + 1
        if failed >= RecordsStore.maximumFailedAttempts {
          let until = now.addingTimeInterval(RecordsStore.lockDuration)
          try db.execute(
            sql: "UPDATE member SET failed_attempts = 0, locked_until = ? WHERE id = ?",
            arguments: [until.timeIntervalSince1970, memberID])
          return .locked(until: until)
        }
        try db.execute(
          sql: "UPDATE member SET failed_attempts = ? WHERE id = ?",
          arguments: [failed, memberID])
        return .wrong(remaining: RecordsStore.maximumFailedAttempts - failed)
      }
      if let result { return result }
    }
    // The PIN changed under us three times running: let the caller try again.
    throw RecordsError.busy
  }

  static func pinHash(_ db: Database, id: String) throws -> PINHash? {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT pin_key, pin_salt, pin_rounds FROM member WHERE id = ?",
        arguments: [id]),
      let key: Data = row["pin_key"], let salt: Data = row["pin_salt"],
      let rounds: Int = row["pin_rounds"]
    else { return nil }
    return PINHash(salt: salt, key: key, rounds: rounds)
  }

  static func storePIN(_ db: Database, _ hash: PINHash, id: String, now: String) throws {
    try db.execute(
      sql: """
        UPDATE member SET pin_key = ?, pin_salt = ?, pin_rounds = ?, failed_attempts = 0,
          locked_until = NULL, updated_at = ?
        WHERE id = ?
        """,
      arguments: [hash.key, hash.salt, hash.rounds, now, id])
  }

  /// New hashes for the drafts whose PIN differs from the stored one, by draft index; on every
  /// core, as a roster may hold hundreds of PINs.
  static func hashPINs(_ drafts: [MemberDraft], keeping stored: [String: PINHash], rounds: Int)
    throws -> [Int: PINHash]
  {
    let work = drafts.enumerated().compactMap { index, draft in
      draft.pin.map { (index: index, id: draft.id, pin: $0) }
    }
    let results = ResultBox(count: work.count)
    DispatchQueue.concurrentPerform(iterations: work.count) { position in
      let item = work[position]
      results.set(
        position,
        Result {
          if let existing = stored[item.id], try existing.verifies(item.pin) { return nil }
          return try PINHash.make(pin: item.pin, rounds: rounds)
        })
    }
    var hashes: [Int: PINHash] = [:]
    for (position, item) in work.enumerated() {
      if let hash = try results.get(position) { hashes[item.index] = hash }
    }
    return hashes
  }
}

/// Results written from concurrent iterations.
private final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Result<PINHash?, any Error>?]

  init(count: Int) { values = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Result<PINHash?, any Error>) {
    lock.lock()
    values[index] = value
    lock.unlock()
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
