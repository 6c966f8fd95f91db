import Foundation
import GRDB

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
      try Row.fetchAll(db, sql: "SELECT id, name, place FROM station ORDER BY id").map {
        Station(id: $0["id"], name: $0["name"], place: $0["place"])
      }
    }
  }

  static func fetchStation(_ db: Database, id: String) throws -> Station? {
    try Row.fetchOne(db, sql: "SELECT id, name, place FROM station WHERE id = ?", arguments: [id])
      .map { Station(id: $0["id"], name: $0["name"], place: $0["place"]) }
  }

  static func requireStation(_ db: Database, id: String) throws -> Station {
    guard let station = try fetchStation(db, id: id) else {
      throw RecordsError.unknownStation(id)
    }
    return station
  }
}

// MARK: - Administrators

extension RecordsStore {
  static let administratorColumns =
    "id, name, station_id, pin_key IS NOT NULL AS has_pin"

  static func administrator(from row: Row) -> Administrator {
    Administrator(
      id: row["id"], name: row["name"], stationID: row["station_id"], hasPIN: row["has_pin"])
  }

  static func fetchAdministrator(_ db: Database, id: String) throws -> Administrator? {
    try Row.fetchOne(
      db, sql: "SELECT \(administratorColumns) FROM administrator WHERE id = ?", arguments: [id]
    ).map(administrator(from:))
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
      try Row.fetchAll(
        db,
        sql:
          "SELECT \(RecordsStore.administratorColumns) FROM administrator ORDER BY length(id), id"
      ).map(RecordsStore.administrator(from:))
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
      try db.execute(
        sql: """
          UPDATE administrator SET pin_key = ?, pin_salt = ?, pin_rounds = ?, updated_at = ?
          WHERE id = ?
          """,
        arguments: [hash.key, hash.salt, hash.rounds, now, id])
    }
  }

  static func administratorPINHash(_ db: Database, id: String) throws -> PINHash? {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT pin_key, pin_salt, pin_rounds FROM administrator WHERE id = ?",
        arguments: [id]),
      let key: Data = row["pin_key"], let salt: Data = row["pin_salt"],
      let rounds: Int = row["pin_rounds"]
    else { return nil }
    return PINHash(salt: salt, key: key, rounds: rounds)
  }
}

/// The answer to an administrator's number and PIN.
public enum AdministratorAuthentication: Hashable, Sendable {
  case ok(Administrator)
  /// Not accepted, answered as a member's login would be.
  case refused(AuthenticationResult)
}

extension RecordsStore {
  /// Checks an administrator's number and PIN.
  // The wrong-PIN count and its lock come with the login throttle (issue 9), shared with
  // the members' under keys of their own; until then only the PIN is checked.
  public func authenticateAdministrator(id: String, pin: String) throws
    -> AdministratorAuthentication
  {
    guard Member.isValidID(id) else { return .refused(.unknownMember) }
    let (administrator, hash) = try read { db in
      (
        try RecordsStore.fetchAdministrator(db, id: id),
        try RecordsStore.administratorPINHash(db, id: id)
      )
    }
    guard let administrator else { return .refused(.unknownMember) }
    guard let hash else { return .refused(.noPIN) }
    guard PINHash.isAcceptable(pin), try hash.verifies(pin) else {
      return .refused(.wrong(remaining: RecordsStore.maximumFailedAttempts))
    }
    return .ok(administrator)
  }
}
