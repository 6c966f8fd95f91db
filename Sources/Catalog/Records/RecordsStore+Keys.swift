import Foundation

/// A public key registered for a member: whoever holds its private half reaches the county's
/// server as that member, without a PIN.
public struct MemberKey: Hashable, Sendable {
  public var memberID: String
  public var key: SSHPublicKey
  public var addedAt: Date
  /// The operating-system user who registered it.
  public var addedBy: String?
}

// MARK: - SSH keys

extension RecordsStore {
  /// Registers `key` for a member, with an audit entry. Returns false when the member has it
  /// already (nothing written). A key registered to another member is refused
  /// (`RecordsError.keyOfAnotherMember`): one key opens one member's records, never two.
  @discardableResult
  public func addKey(
    _ key: SSHPublicKey, for memberID: String, actor: String? = RecordsStore.currentUser
  ) throws -> Bool {
    let now = nowText
    return try write { db in
      guard try RecordsStore.memberExists(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      if let owner = try String.fetchOne(
        db, sql: "SELECT member_id FROM member_key WHERE fingerprint = ?",
        arguments: [key.fingerprint])
      {
        guard owner == memberID else {
          throw RecordsError.keyOfAnotherMember(fingerprint: key.fingerprint, memberID: owner)
        }
        return false
      }
      try db.execute(
        sql: """
          INSERT INTO member_key (fingerprint, member_id, type, key, comment, added_at, added_by)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          key.fingerprint, memberID, key.type, key.base64, key.comment, now, actor,
        ])
      try RecordsStore.audit(
        db, .keyAdded, memberID: memberID, reason: nil, detail: KeyDetail.json(key),
        actor: actor, at: now)
      return true
    }
  }

  /// The member's keys, oldest first.
  public func keys(of memberID: String) throws -> [MemberKey] {
    try read { db in
      try SQLRow.fetchAll(
        db,
        sql: """
          SELECT member_id, type, key, comment, added_at, added_by FROM member_key
          WHERE member_id = ? ORDER BY added_at, fingerprint
          """,
        arguments: [memberID]
      ).compactMap(RecordsStore.memberKey(from:))
    }
  }

  /// Takes a key away from a member (by its fingerprint), with an audit entry; returns it.
  @discardableResult
  public func removeKey(
    fingerprint: String, of memberID: String, reason: String? = nil,
    actor: String? = RecordsStore.currentUser
  ) throws -> MemberKey {
    let now = nowText
    return try write { db in
      guard try RecordsStore.memberExists(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      guard
        let row = try SQLRow.fetchOne(
          db,
          sql: """
            SELECT member_id, type, key, comment, added_at, added_by FROM member_key
            WHERE fingerprint = ? AND member_id = ?
            """,
          arguments: [fingerprint, memberID]),
        let found = RecordsStore.memberKey(from: row)
      else { throw RecordsError.noSuchKey(memberID: memberID, fingerprint: fingerprint) }
      try db.execute(sql: "DELETE FROM member_key WHERE fingerprint = ?", arguments: [fingerprint])
      try RecordsStore.audit(
        db, .keyRemoved, memberID: memberID, reason: reason, detail: KeyDetail.json(found.key),
        actor: actor, at: now)
      return found
    }
  }

  /// The member a key belongs to: the key must be registered exactly (type and every byte),
  /// not merely share a fingerprint. Nil for any other key.
  public func memberID(forKey key: SSHPublicKey) throws -> String? {
    try read { db in
      guard
        let row = try SQLRow.fetchOne(
          db, sql: "SELECT member_id, type, key FROM member_key WHERE fingerprint = ?",
          arguments: [key.fingerprint])
      else { return nil }
      let type: String = row["type"]
      let base64: String = row["key"]
      guard type == key.type, base64 == key.base64 else { return nil }
      return row["member_id"]
    }
  }

  static func memberKey(from row: SQLRow) -> MemberKey? {
    guard
      let key = try? SSHPublicKey(type: row["type"], base64: row["key"], comment: row["comment"])
    else { return nil }
    let addedAt: String = row["added_at"]
    return MemberKey(
      memberID: row["member_id"], key: key,
      addedAt: Timestamp.date(from: addedAt) ?? Date(timeIntervalSince1970: 0),
      addedBy: row["added_by"])
  }
}

/// A key as an audit entry's JSON `detail`, and back.
public enum KeyDetail {
  static func json(_ key: SSHPublicKey) -> String {
    let object = ["fingerprint": key.fingerprint, "type": key.type, "comment": key.comment]
    guard
      let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
      let text = String(data: data, encoding: .utf8)
    else { return "{}" }
    return text
  }

  /// Fingerprint, type and comment of a key entry's detail; nil when it holds no key.
  public static func fields(from json: String) -> (
    fingerprint: String, type: String, comment: String
  )? {
    guard let data = json.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let fingerprint = object["fingerprint"] as? String, let type = object["type"] as? String
    else { return nil }
    return (fingerprint, type, object["comment"] as? String ?? "")
  }
}
