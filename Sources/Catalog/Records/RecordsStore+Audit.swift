import Foundation

/// A credit taken back, and whose it was.
public struct RemovedCredit: Hashable, Sendable {
  public var memberID: String
  public var credit: Credit
}

// MARK: - Corrections and the audit trail

extension RecordsStore {
  /// Takes back the credit of `courseID` on `date` of every member in `memberIDs` (a credit
  /// recorded by mistake), in one transaction, writing one audit entry per credit with the
  /// reason, who did it (`actor`, the operating-system user) and the removed credit in full.
  ///
  /// All or nothing: an unknown member (`RecordsError.unknownMembers`) or a member without
  /// such a credit (`RecordsError.noSuchCredits`) and nothing is removed or written. This is
  /// the only way the program removes a credit.
  ///
  /// A credit a passed test earned is detached from its attempt in the same transaction: the
  /// attempt keeps its score and is marked as having had its credit withdrawn, so the member
  /// may earn the year's credit again by passing.
  public func removeCredits(
    courseID: String, date: LocalDate, memberIDs: [String], reason: String,
    actor: String? = RecordsStore.currentUser
  ) throws -> [RemovedCredit] {
    guard !reason.isBlank else { throw RecordsError.reasonRequired }
    let ids = RecordsStore.distinct(memberIDs)
    let now = nowText
    return try write { db in
      try RecordsStore.requireMembers(db, ids)
      var found: [RemovedCredit] = []
      var rowIDs: [Int64] = []
      var missing: [String] = []
      for id in ids {
        let row = try SQLRow.fetchOne(
          db,
          sql: """
            SELECT id, \(RecordsStore.creditColumns) FROM credit
            WHERE member_id = ? AND course_id = ? AND date = ?
            """,
          arguments: [id, courseID, date.description])
        if let row {
          found.append(RemovedCredit(memberID: id, credit: try RecordsStore.credit(from: row)))
          rowIDs.append(row["id"])
        } else {
          missing.append(id)
        }
      }
      guard missing.isEmpty else {
        throw RecordsError.noSuchCredits(courseID: courseID, date: date, memberIDs: missing)
      }
      for (removed, rowID) in zip(found, rowIDs) {
        try db.execute(
          sql: """
            UPDATE quiz_attempt SET credit_id = NULL, credit_withdrawn_at = ?
            WHERE credit_id = ?
            """,
          arguments: [now, rowID])
        try db.execute(sql: "DELETE FROM credit WHERE id = ?", arguments: [rowID])
        try RecordsStore.audit(
          db, .creditRemoved, memberID: removed.memberID, reason: reason,
          detail: AuditDetail.json(removed.credit), actor: actor, at: now)
      }
      return found
    }
  }

  /// The audit trail, oldest first: all of it, or one member's, from `since` on.
  public func auditEntries(memberID: String? = nil, since: Date? = nil) throws -> [AuditEntry] {
    var conditions: [String] = []
    var arguments: SQLArguments = []
    if let memberID {
      conditions.append("member_id = ?")
      arguments += [memberID]
    }
    if let since {
      conditions.append("at >= ?")
      arguments += [Timestamp.string(from: since)]
    }
    let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    return try read { db in
      try SQLRow.fetchAll(
        db,
        sql: """
          SELECT at, actor, action, member_id, reason, detail FROM audit \(filter)
          ORDER BY at, id
          """,
        arguments: arguments
      ).map { row in
        AuditEntry(
          at: Timestamp.date(from: row["at"]) ?? Date(timeIntervalSince1970: 0),
          actor: row["actor"], action: AuditAction(identifier: row["action"]),
          memberID: row["member_id"], reason: row["reason"], detail: row["detail"])
      }
    }
  }

  /// Writes one audit entry inside the caller's transaction, so the entry and the change it
  /// records are committed together or not at all.
  static func audit(
    _ db: SQLTransaction, _ action: AuditAction, memberID: String?, reason: String?, detail: String,
    actor: String?, at now: String
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO audit (at, actor, action, member_id, reason, detail)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [now, actor, action.identifier, memberID, reason, detail])
  }
}
