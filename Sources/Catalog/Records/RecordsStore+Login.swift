import Foundation

// MARK: - PINs and logging in

extension RecordsStore {
  /// Sets a member's PIN and clears their wrong-PIN count.
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

  /// Clears the wrong-PIN count of a typed number, member or not (a stranger's failures on a
  /// number nobody has are counted too). Returns the count there was; throws
  /// `unknownMember` only when no member has the number and nothing was counted for it.
  @discardableResult
  public func unlock(memberID number: String) throws -> LoginThrottle {
    try write { db in
      let throttle = try RecordsStore.throttle(db, number: number)
      guard try RecordsStore.memberExists(db, id: number) || throttle.failures > 0 else {
        throw RecordsError.unknownMember(number)
      }
      try db.execute(sql: "DELETE FROM login_throttle WHERE number = ?", arguments: [number])
      return throttle
    }
  }

  /// Checks a number and PIN (see `LoginThrottle` for the policy).
  ///
  /// Every typed number is treated alike: no member, a member without a PIN and a wrong PIN
  /// all give `.refused`, after the same slow key derivation (against a decoy when there is no
  /// hash) and the same count in `login_throttle`, so neither the answer nor its timing says
  /// whether a number exists. While the number must wait, the PIN is not even checked. Each
  /// failure is counted in its own IMMEDIATE transaction, so sessions and processes trying in
  /// parallel share one count.
  public func authenticate(member number: String, pin: String) throws -> AuthenticationResult {
    switch try checkPIN(number, pin, of: .member, holder: RecordsStore.fetchMember) {
    case .ok(let member): .ok(member)
    case .refused(let refusal): refusal
    }
  }

  /// Checks a number and PIN of `account`'s kind, as `authenticate(member:pin:)` says;
  /// `holder` reads whose they are once the PIN is right, after the count is cleared.
  func checkPIN<Holder: Hashable & Sendable>(
    _ number: String, _ pin: String, of account: PINAccount,
    holder: (SQLTransaction, String) throws -> Holder?
  ) throws -> PINCheck<Holder> {
    // The login screen only sends digits; anything else cannot be any member's number (and
    // is not counted), but takes as long to refuse.
    guard Member.isValidID(number) else {
      _ = try decoyHash.verifies(PINHash.decoyPIN)
      return .refused(.refused(freeAttemptsLeft: LoginThrottle.freeFailures, retryAt: nil))
    }
    let key = account.throttleKey(number)
    for _ in 0..<3 {
      let (throttle, hash) = try read { db in
        (
          try RecordsStore.throttle(db, number: key),
          try RecordsStore.pinHash(db, id: number, of: account)
        )
      }
      if let refusal = throttle.refusal(at: clock()) { return .refused(refusal) }
      // Slow on purpose, and as slow without a hash; done outside any transaction.
      let acceptable = PINHash.isAcceptable(pin)
      let matches = try (hash ?? decoyHash).verifies(acceptable ? pin : PINHash.decoyPIN)
      let correct = matches && acceptable && hash != nil
      let result: PINCheck<Holder>? = try write { db in
        let now = clock()
        var throttle = try RecordsStore.throttle(db, number: key)
        // Another session failed meanwhile and started a wait: this attempt is not judged.
        if let refusal = throttle.refusal(at: now) { return .refused(refusal) }
        // The PIN was changed between the check and now: check again.
        guard try RecordsStore.pinHash(db, id: number, of: account) == hash else { return nil }
        if correct {
          try db.execute(sql: "DELETE FROM login_throttle WHERE number = ?", arguments: [key])
          if let found = try holder(db, number) { return .ok(found) }
        }
        throttle.recordFailure(at: now)
        try RecordsStore.store(db, throttle, number: key, at: now)
        return .refused(throttle.afterFailure)
      }
      if let result { return result }
    }
    // The PIN changed under us three times running: let the caller try again.
    throw RecordsError.busy
  }

  /// Stands in for the hash of a number that has none, so that checking costs the same.
  var decoyHash: PINHash { PINHash.decoy(rounds: pinRounds) }

  static func throttle(_ db: SQLTransaction, number: String) throws -> LoginThrottle {
    guard
      let row = try SQLRow.fetchOne(
        db, sql: "SELECT failures, next_attempt FROM login_throttle WHERE number = ?",
        arguments: [number])
    else { return LoginThrottle() }
    let nextAttempt: Double? = row["next_attempt"]
    return LoginThrottle(
      failures: row["failures"], nextAttempt: nextAttempt.map { Date(timeIntervalSince1970: $0) })
  }

  static func store(_ db: SQLTransaction, _ throttle: LoginThrottle, number: String, at now: Date)
    throws
  {
    try db.execute(
      sql: """
        INSERT INTO login_throttle (number, failures, last_failure, next_attempt)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (number) DO UPDATE SET failures = excluded.failures,
          last_failure = excluded.last_failure, next_attempt = excluded.next_attempt
        """,
      arguments: [
        number, throttle.failures, now.timeIntervalSince1970,
        throttle.nextAttempt?.timeIntervalSince1970,
      ])
  }

  static func pinHash(_ db: SQLTransaction, id: String, of account: PINAccount = .member) throws
    -> PINHash?
  {
    guard
      let row = try SQLRow.fetchOne(
        db, sql: "SELECT pin_key, pin_salt, pin_rounds FROM \(account.table) WHERE id = ?",
        arguments: [id]),
      let key: Data = row["pin_key"], let salt: Data = row["pin_salt"],
      let rounds: Int = row["pin_rounds"]
    else { return nil }
    return PINHash(salt: salt, key: key, rounds: rounds)
  }

  /// Stores a new PIN; the number's wrong-PIN count starts again.
  static func storePIN(
    _ db: SQLTransaction, _ hash: PINHash, id: String, of account: PINAccount = .member, now: String
  ) throws {
    try db.execute(
      sql: """
        UPDATE \(account.table) SET pin_key = ?, pin_salt = ?, pin_rounds = ?, updated_at = ?
        WHERE id = ?
        """,
      arguments: [hash.key, hash.salt, hash.rounds, now, id])
    try db.execute(
      sql: "DELETE FROM login_throttle WHERE number = ?", arguments: [account.throttleKey(id)])
  }
}

/// The accounts whose PINs the login throttle guards: members, and administrators apart. Each
/// kind keeps its PINs in its own table and its wrong-PIN counts in `login_throttle` under keys
/// of its own, so a member and an administrator with the same number never share a count.
enum PINAccount: Sendable {
  case member, administrator

  var table: String {
    switch self {
    case .member: "member"
    case .administrator: "administrator"
    }
  }

  /// The key under which wrong PINs typed with `number` are counted.
  func throttleKey(_ number: String) -> String {
    switch self {
    case .member: number
    case .administrator: "admin:" + number
    }
  }
}

/// The answer to a number and PIN: whose they are, or why not (`AuthenticationResult`).
public enum PINCheck<Holder: Hashable & Sendable>: Hashable, Sendable {
  case ok(Holder)
  case refused(AuthenticationResult)
}
