import Foundation

// MARK: - Sessions: who is connected, and the session audit

extension RecordsStore {
  /// Starts a guest session row and returns its id.
  public func openSession(_ origin: SessionOrigin) throws -> Int64 {
    let now = nowText
    return try write { db in try RecordsStore.insertSession(db, origin, at: now) }
  }

  /// Writes the row of a session refused at once (no terminal): started and ended now.
  public func recordRefusedSession(_ origin: SessionOrigin, reason: SessionEnd) throws {
    let now = nowText
    try write { db in
      let id = try RecordsStore.insertSession(db, origin, at: now)
      try RecordsStore.end(db, id: id, reason: reason, at: now)
    }
  }

  /// Makes session `id` the member's, one live session per member. The member's other open
  /// rows are looked at first: a row whose process is gone (on this machine) is ended as
  /// `lost` and never stands in the way. If one still runs (or runs on another machine, where
  /// it cannot be checked), `replacing` false leaves everything as it was and names it;
  /// `replacing` true ends it as `replaced`. All in one transaction, so two logins at once
  /// cannot both find the member free.
  public func claimSession(
    _ id: Int64, memberID: String, entry: SessionEntry, keyFingerprint: String? = nil,
    replacing: Bool
  ) throws -> SessionClaim {
    let now = nowText
    return try write { db in
      guard try RecordsStore.memberExists(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      let others = try RecordsStore.fetchSessions(
        db, where: "member_id = ? AND ended_at IS NULL AND id != ?", [memberID, id])
      var running: [SessionRecord] = []
      for other in others {
        if other.origin.process.isRunning() == false {
          try RecordsStore.end(db, id: other.id, reason: .lost, at: now)
        } else {
          running.append(other)
        }
      }
      if let latest = running.last, !replacing { return .taken(by: latest) }
      for other in running {
        try db.execute(
          sql: """
            UPDATE session SET ended_at = ?, end_reason = ?, replaced_by = ?
            WHERE id = ? AND ended_at IS NULL
            """,
          arguments: [now, SessionEnd.replaced.rawValue, id, other.id])
      }
      try db.execute(
        sql: "UPDATE session SET member_id = ?, via = ?, key_fingerprint = ? WHERE id = ?",
        arguments: [memberID, entry.rawValue, keyFingerprint, id])
      return .claimed(replaced: running)
    }
  }

  /// Ends session `id`, unless it has ended already (a replaced session keeps `replaced`).
  /// Returns whether it was still open.
  @discardableResult
  public func endSession(_ id: Int64, reason: SessionEnd) throws -> Bool {
    let now = nowText
    return try write { db in try RecordsStore.end(db, id: id, reason: reason, at: now) }
  }

  /// Whether session `id` is still open, and if not, whether a login elsewhere ended it.
  public func sessionStanding(_ id: Int64) throws -> SessionStanding {
    try read { db in
      guard let own = try RecordsStore.fetchSessions(db, where: "id = ?", [id]).first else {
        return .ended
      }
      if own.isOpen { return .open }
      guard own.end == .replaced else { return .ended }
      let by = try own.replacedBy.flatMap {
        try RecordsStore.fetchSessions(db, where: "id = ?", [$0]).first
      }
      return .replaced(by: by)
    }
  }

  /// The session audit, oldest first: every session, or one member's, started on or after
  /// `since`.
  public func sessions(memberID: String? = nil, since: Date? = nil) throws -> [SessionRecord] {
    var conditions: [String] = []
    var arguments: [(any SQLValueConvertible)?] = []
    if let memberID {
      conditions.append("member_id = ?")
      arguments.append(memberID)
    }
    if let since {
      conditions.append("started_at >= ?")
      arguments.append(Timestamp.string(from: since))
    }
    return try read { db in
      try RecordsStore.fetchSessions(
        db, where: conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND "), arguments)
    }
  }

  static func insertSession(_ db: SQLTransaction, _ origin: SessionOrigin, at now: String) throws
    -> Int64
  {
    let process = origin.process
    let id = try Int64.fetchOne(
      db,
      sql: """
        INSERT INTO session (member_id, via, client, command, host, boot_id, pid, pid_start,
          started_at)
        VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
        """,
      arguments: [
        SessionEntry.guest.rawValue, origin.client, origin.command, process.host,
        process.bootID, Int64(process.pid), Int64(bitPattern: process.startTime), now,
      ])
    guard let id else { throw RecordsError.database(RecordsText.noRowID) }
    return id
  }

  @discardableResult
  static func end(_ db: SQLTransaction, id: Int64, reason: SessionEnd, at now: String) throws
    -> Bool
  {
    try db.execute(
      sql: "UPDATE session SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL",
      arguments: [now, reason.rawValue, id]) > 0
  }

  static func fetchSessions(
    _ db: SQLTransaction, where condition: String, _ arguments: [(any SQLValueConvertible)?]
  ) throws -> [SessionRecord] {
    try SQLRow.fetchAll(
      db,
      sql: """
        SELECT id, member_id, via, key_fingerprint, client, command, host, boot_id, pid,
          pid_start, started_at, ended_at, end_reason, replaced_by
        FROM session WHERE \(condition) ORDER BY started_at, id
        """,
      arguments: SQLArguments(arguments)
    ).map { row in
      let startedAt: String = row["started_at"]
      let endedAt: String? = row["ended_at"]
      let pid: Int64 = row["pid"]
      let start: Int64 = row["pid_start"]
      return SessionRecord(
        id: row["id"], memberID: row["member_id"],
        entry: SessionEntry(rawValue: row["via"]) ?? .guest,
        keyFingerprint: row["key_fingerprint"],
        origin: SessionOrigin(
          client: row["client"], command: row["command"],
          process: ProcessIdentity(
            host: row["host"], bootID: row["boot_id"], pid: Int32(truncatingIfNeeded: pid),
            startTime: UInt64(bitPattern: start))),
        startedAt: Timestamp.date(from: startedAt) ?? Date(timeIntervalSince1970: 0),
        endedAt: endedAt.flatMap(Timestamp.date(from:)), endReason: row["end_reason"],
        replacedBy: row["replaced_by"])
    }
  }
}
