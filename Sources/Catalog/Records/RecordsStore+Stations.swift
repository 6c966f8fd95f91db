import Foundation

/// What `addStation` or `addAdministrator` did.
public enum SaveOutcome: Hashable, Sendable {
  case added, updated, unchanged
}

// MARK: - Stations

extension RecordsStore {
  /// Adds a station, or renames the one with this id. A place equal to the name is not kept.
  @discardableResult
  public func addStation(_ station: Station) throws -> SaveOutcome {
    guard Station.isValidID(station.id) else { throw RecordsError.invalidStationID(station.id) }
    let place = station.place == station.name ? nil : station.place
    let now = nowText
    return try write { db in
      guard let existing = try RecordsStore.fetchStation(db, id: station.id) else {
        try db.execute(
          sql: """
            INSERT INTO station (id, name, place, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [station.id, station.name, place, now, now])
        return .added
      }
      guard existing.name != station.name || existing.place != place else { return .unchanged }
      try db.execute(
        sql: "UPDATE station SET name = ?, place = ?, updated_at = ? WHERE id = ?",
        arguments: [station.name, place, now, station.id])
      return .updated
    }
  }

  public func station(id: String) throws -> Station? {
    try read { try RecordsStore.fetchStation($0, id: id) }
  }

  /// Every station, by id.
  public func stations() throws -> [Station] {
    try read { db in
      try SQLRow.fetchAll(db, sql: "SELECT id, name, place FROM station ORDER BY id").map {
        Station(id: $0["id"], name: $0["name"], place: $0["place"])
      }
    }
  }

  static func fetchStation(_ db: SQLTransaction, id: String) throws -> Station? {
    try SQLRow.fetchOne(
      db, sql: "SELECT id, name, place FROM station WHERE id = ?", arguments: [id]
    )
    .map { Station(id: $0["id"], name: $0["name"], place: $0["place"]) }
  }

  static func requireStation(_ db: SQLTransaction, id: String) throws -> Station {
    guard let station = try fetchStation(db, id: id) else {
      throw RecordsError.unknownStation(id)
    }
    return station
  }
}

// MARK: - Administrators

extension RecordsStore {
  /// An administrator with their PIN throttle (counted under `PINAccount.administrator`).
  static let administratorSelect = """
    SELECT id, name, station_id, pin_key IS NOT NULL AS has_pin, login_throttle.failures,
      login_throttle.next_attempt
    FROM administrator LEFT JOIN login_throttle ON login_throttle.number = 'admin:' || id
    """

  static func administrator(from row: SQLRow) -> Administrator {
    let failures: Int? = row["failures"]
    let nextAttempt: Double? = row["next_attempt"]
    return Administrator(
      id: row["id"], name: row["name"], stationID: row["station_id"], hasPIN: row["has_pin"],
      throttle: LoginThrottle(
        failures: failures ?? 0, nextAttempt: nextAttempt.map { Date(timeIntervalSince1970: $0) }))
  }

  static func fetchAdministrator(_ db: SQLTransaction, id: String) throws -> Administrator? {
    try SQLRow.fetchOne(db, sql: "\(administratorSelect) WHERE id = ?", arguments: [id])
      .map(administrator(from:))
  }

  /// Adds an administrator, or changes the name or station of the one with this number (their
  /// PIN stays). A station given must be in the records.
  @discardableResult
  public func addAdministrator(id: String, name: String, stationID: String?) throws
    -> SaveOutcome
  {
    guard Member.isValidID(id) else { throw RecordsError.invalidAdministratorID(id) }
    let now = nowText
    return try write { db in
      if let stationID { _ = try RecordsStore.requireStation(db, id: stationID) }
      guard let existing = try RecordsStore.fetchAdministrator(db, id: id) else {
        try db.execute(
          sql: """
            INSERT INTO administrator (id, name, station_id, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [id, name, stationID, now, now])
        return .added
      }
      guard existing.name != name || existing.stationID != stationID else { return .unchanged }
      try db.execute(
        sql: "UPDATE administrator SET name = ?, station_id = ?, updated_at = ? WHERE id = ?",
        arguments: [name, stationID, now, id])
      return .updated
    }
  }

  public func administrator(id: String) throws -> Administrator? {
    try read { try RecordsStore.fetchAdministrator($0, id: id) }
  }

  /// Every administrator, by number.
  public func administrators() throws -> [Administrator] {
    try read { db in
      try SQLRow.fetchAll(db, sql: "\(RecordsStore.administratorSelect) ORDER BY length(id), id")
        .map(RecordsStore.administrator(from:))
    }
  }

  /// Removes an administrator; what they did stays in the log and the audit trail under their
  /// number and name. Writes an audit entry. Returns who was removed.
  @discardableResult
  public func removeAdministrator(id: String, actor: String? = RecordsStore.currentUser) throws
    -> Administrator
  {
    let now = nowText
    return try write { db in
      guard let administrator = try RecordsStore.fetchAdministrator(db, id: id) else {
        throw RecordsError.unknownAdministrator(id)
      }
      try db.execute(sql: "DELETE FROM administrator WHERE id = ?", arguments: [id])
      try RecordsStore.audit(
        db, .administratorRemoved, memberID: nil, reason: nil,
        detail: AuditDetail.json(["id": administrator.id, "name": administrator.name]),
        actor: actor, at: now)
      return administrator
    }
  }

  /// Sets an administrator's PIN.
  public func setAdministratorPIN(_ pin: String, for id: String) throws {
    guard PINHash.isAcceptable(pin) else { throw RecordsError.invalidPIN }
    let hash = try PINHash.make(pin: pin, rounds: pinRounds)
    let now = nowText
    try write { db in
      guard try RecordsStore.fetchAdministrator(db, id: id) != nil else {
        throw RecordsError.unknownAdministrator(id)
      }
      try RecordsStore.storePIN(db, hash, id: id, of: .administrator, now: now)
    }
  }
}

/// The answer to an administrator's number and PIN.
public typealias AdministratorAuthentication = PINCheck<Administrator>

extension RecordsStore {
  /// Checks an administrator's number and PIN exactly as a member's are
  /// (`authenticate(member:pin:)`): the same hashing and the same throttle, counted apart
  /// from the members' numbers.
  public func authenticateAdministrator(id: String, pin: String) throws
    -> AdministratorAuthentication
  {
    try checkPIN(id, pin, of: .administrator, holder: RecordsStore.fetchAdministrator)
  }

  /// Clears the wrong-PIN count of an administrator's number (`admins unlock`). Returns the
  /// count there was.
  @discardableResult
  public func unlockAdministrator(id: String) throws -> LoginThrottle {
    let key = PINAccount.administrator.throttleKey(id)
    return try write { db in
      guard try RecordsStore.fetchAdministrator(db, id: id) != nil else {
        throw RecordsError.unknownAdministrator(id)
      }
      let throttle = try RecordsStore.throttle(db, number: key)
      try db.execute(sql: "DELETE FROM login_throttle WHERE number = ?", arguments: [key])
      return throttle
    }
  }
}
