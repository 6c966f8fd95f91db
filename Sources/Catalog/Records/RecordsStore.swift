import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Everything the program asks of the records (members, PINs and the login throttle,
/// selections, credits, the audit trail, lessons and tests, stations, administrators,
/// sign-ins, sign-ups, SSH keys and sessions), written once over `RecordsEngine`: the same
/// operations, statements and transactions on SQLite (`SQLiteEngine`, the embedded default)
/// and on PostgreSQL (`RecordsPostgres`, shared by several servers).
///
/// - Every write is one short transaction taken inside a single call: no transaction is ever
///   open while the program waits for a key.
/// - Every method is synchronous and safe to call from any thread but an event loop's.
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
  /// How long a write waits for other writers (or a connection) before giving up with
  /// `RecordsError.busy`.
  public static let busyTimeout: TimeInterval = 30

  /// Where the records are, and how each transaction runs there.
  public let engine: any RecordsEngine
  /// The path or URL (without a password), for messages.
  public var location: String { engine.location }
  /// Opened with `init(readingOnly:)`, or on a read-only engine.
  public var isReadOnly: Bool { engine.isReadOnly }
  let clock: @Sendable () -> Date
  let pinRounds: Int

  /// The records on `engine`.
  public convenience init(engine: any RecordsEngine) {
    self.init(engine: engine, clock: { Date() })
  }

  /// For tests: a clock to drive the PIN throttle.
  init(engine: any RecordsEngine, clock: @escaping @Sendable () -> Date) {
    self.engine = engine
    self.clock = clock
    pinRounds = PINHash.minimumRounds
  }

  /// The SQLite file at `path`, for reading and writing (see `SQLiteEngine.init(path:)`).
  public convenience init(path: String) throws {
    try self.init(engine: SQLiteEngine(path: path))
  }

  /// The SQLite file at `path`, for reading only (see `SQLiteEngine.init(readingOnly:)`).
  public convenience init(readingOnly path: String) throws {
    try self.init(engine: SQLiteEngine(readingOnly: path))
  }

  /// For tests: a clock to drive the PIN throttle.
  convenience init(path: String, clock: @escaping @Sendable () -> Date) throws {
    self.init(engine: try SQLiteEngine(path: path), clock: clock)
  }

  /// Closes the database connections; the store cannot be used afterwards.
  public func close() throws { try engine.close() }

  /// One transaction that sees the latest data, alone among writers (`RecordsEngine.write`).
  func write<T>(_ body: (SQLTransaction) throws -> T) throws -> T {
    try engine.write(body)
  }

  func read<T>(_ body: (SQLTransaction) throws -> T) throws -> T {
    try engine.read(body)
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

  static func member(from row: SQLRow) throws -> Member {
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

  static func fetchMember(_ db: SQLTransaction, id: String) throws -> Member? {
    try SQLRow.fetchOne(db, sql: "\(memberSelect) WHERE member.id = ?", arguments: [id])
      .map(member(from:))
  }

  static func memberExists(_ db: SQLTransaction, id: String) throws -> Bool {
    try Bool.fetchOne(db, sql: "SELECT 1 FROM member WHERE id = ?", arguments: [id]) ?? false
  }

  public func member(id: String) throws -> Member? {
    try read { try RecordsStore.fetchMember($0, id: id) }
  }

  /// Every member, or those of one branch, by number.
  public func members(branch: String? = nil) throws -> [Member] {
    try read { try RecordsStore.fetchMembers($0, branch: branch) }
  }

  static func fetchMembers(_ db: SQLTransaction, branch: String?) throws -> [Member] {
    let order = "ORDER BY length(member.id), member.id"
    let rows =
      if let branch {
        try SQLRow.fetchAll(
          db, sql: "\(memberSelect) WHERE member.branch = ? \(order)", arguments: [branch])
      } else {
        try SQLRow.fetchAll(db, sql: "\(memberSelect) \(order)")
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
        let values: [(any SQLValueConvertible)?] = [
          draft.name, draft.branch, draft.domain.rawValue, draft.role.rawValue,
          draft.joined.description, draft.floating,
        ]
        let existing = try SQLRow.fetchOne(
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
            arguments: SQLArguments([draft.id] + values + [now, now]))
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
            arguments: SQLArguments(values + [now, draft.id]))
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
  static func rejectNumbersWrittenTwoWays(_ db: SQLTransaction, _ drafts: [MemberDraft]) throws {
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
