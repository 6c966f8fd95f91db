import Foundation

/// `records copy`: every record of one database into another (a station's SQLite file into the
/// county's PostgreSQL, or back), in one transaction on the target.
///
/// Idempotent: a row already in the target, the same in every column, is left alone, so a
/// second run copies nothing. A row whose key is taken in the target by a row that differs (a
/// member renamed on one side, a session ended since the last copy) is a conflict: reported,
/// never overwritten, and everything else is copied.
///
/// Rows are matched by their natural keys (a member by number, a credit by member, course and
/// date …). Rows whose id the database gives (audit entries, test attempts, SSH sessions,
/// showings) keep where they came from in `origin` (`IDENTITY/TABLE/ID`, the source
/// database's random identity), so each is found again however the target numbered it; their
/// children (answers, sign-in lists) and every reference between rows follow the new ids.
public enum RecordsCopy {
  /// What was copied, what was there already, and the conflicts, table by table.
  public struct Report: Hashable, Sendable {
    public var tables: [TableCount] = []
    public var conflicts: [Conflict] = []

    public var copied: Int { tables.map(\.copied).reduce(0, +) }
    public var alreadyThere: Int { tables.map(\.alreadyThere).reduce(0, +) }
  }

  public struct TableCount: Hashable, Sendable {
    public var table: String
    public var copied = 0
    public var alreadyThere = 0
  }

  /// A source row whose key is taken in the target by a row that differs.
  public struct Conflict: Hashable, Sendable {
    public var table: String
    /// The key, as `column=value` pairs.
    public var key: String
    /// The columns that differ.
    public var columns: [String]
  }

  /// How each table is matched and which of its columns hold other rows' ids.
  struct Table {
    let name: String
    /// The natural key; empty for a table matched by `origin`.
    let key: [String]
    /// Its `id` is the database's (not copied: the target gives its own).
    let identity: Bool
    /// Column → the table whose ids it holds.
    let references: [String: String]

    var matchesByOrigin: Bool { key.isEmpty }
  }

  /// In an order where every row comes after the rows it refers to.
  static let tables: [Table] = [
    Table(name: "station", key: ["id"], identity: false, references: [:]),
    Table(name: "member", key: ["id"], identity: false, references: [:]),
    Table(name: "administrator", key: ["id"], identity: false, references: [:]),
    Table(name: "login_throttle", key: ["number"], identity: false, references: [:]),
    Table(name: "selection", key: ["member_id", "course_id"], identity: false, references: [:]),
    Table(
      name: "credit", key: ["member_id", "course_id", "date"], identity: true, references: [:]),
    Table(
      name: "lesson_progress", key: ["member_id", "course_id"], identity: false, references: [:]),
    Table(
      name: "quiz_question", key: ["course_id", "fingerprint"], identity: false, references: [:]),
    Table(name: "quiz_attempt", key: [], identity: true, references: ["credit_id": "credit"]),
    Table(
      name: "quiz_answer", key: ["attempt_id", "position"], identity: false,
      references: ["attempt_id": "quiz_attempt"]),
    Table(name: "member_key", key: ["fingerprint"], identity: false, references: [:]),
    Table(name: "session", key: [], identity: true, references: ["replaced_by": "session"]),
    Table(name: "showing", key: [], identity: true, references: [:]),
    Table(
      name: "attendance", key: ["showing_id", "member_id"], identity: false,
      references: ["showing_id": "showing"]),
    Table(
      name: "signup", key: ["course_id", "date", "place", "member_id"], identity: false,
      references: [:]),
    Table(
      name: "rating_prompt", key: ["member_id", "course_id", "training_year"], identity: false,
      references: [:]),
    Table(
      name: "rating_course", key: ["course_id", "training_year"], identity: false,
      references: [:]),
    Table(
      name: "rating_tally", key: ["course_id", "training_year", "question_id", "value"],
      identity: false, references: [:]),
    Table(
      name: "survey_status", key: ["member_id", "training_year"], identity: false,
      references: [:]),
    Table(
      name: "survey_tally", key: ["training_year", "branch", "question", "choice"],
      identity: false, references: [:]),
    Table(name: "audit", key: [], identity: true, references: [:]),
  ]

  /// Copies every record of `source` into `target`.
  public static func copy(from source: RecordsStore, to target: RecordsStore) throws -> Report {
    let (sourceIdentity, rows) = try source.engine.read { db in
      (try identity(db), try tables.map { try allRows(db, $0) })
    }
    return try target.engine.write { db in
      var copying = Copying(
        db: db, sourceIdentity: sourceIdentity, targetIdentity: try identity(db))
      for (table, tableRows) in zip(tables, rows) { try copying.copy(table, tableRows) }
      try copying.linkReplacedSessions()
      return copying.report
    }
  }

  static func identity(_ db: SQLTransaction) throws -> String {
    guard
      let value = try String.fetchOne(
        db, sql: "SELECT value FROM records_meta WHERE key = 'identity'")
    else { throw RecordsError.database(RecordsText.noIdentity) }
    return value
  }

  /// The columns copied: all but a database-given id.
  static func columns(_ table: Table) -> [String] {
    RecordsSchema.columns(of: table.name).map(\.name).filter { !(table.identity && $0 == "id") }
  }

  static func allRows(_ db: SQLTransaction, _ table: Table) throws -> [SQLRow] {
    let id = table.identity ? ["id"] : []
    let order = table.identity ? "id" : table.key.joined(separator: ", ")
    return try db.fetchAll(
      sql: "SELECT \((id + columns(table)).joined(separator: ", ")) FROM \(table.name) "
        + "ORDER BY \(order)")
  }

  /// The copy under way, in the target's transaction.
  struct Copying {
    let db: SQLTransaction
    let sourceIdentity: String
    let targetIdentity: String
    var report = Report()
    /// Source id → target id, by table.
    var ids: [String: [Int64: Int64]] = [:]
    /// Sessions copied whose `replaced_by` waits for the session it names.
    var replacedSessions: [(target: Int64, sourceReplacedBy: Int64)] = []

    init(db: SQLTransaction, sourceIdentity: String, targetIdentity: String) {
      self.db = db
      self.sourceIdentity = sourceIdentity
      self.targetIdentity = targetIdentity
    }

    mutating func copy(_ table: Table, _ rows: [SQLRow]) throws {
      var count = TableCount(table: table.name)
      let columns = RecordsCopy.columns(table)
      // A table whose rows name each other (a session replaced by a later one): every row
      // already there is found first, so a reference to a later row compares as it should.
      if table.references.values.contains(table.name) {
        for row in rows {
          let sourceID: Int64 = row["id"]
          var values = try mapped(table, row, columns: columns)
          values["origin"] = origin(table, row)
          if let existing = try find(table, values), let targetID = existing.id {
            ids[table.name, default: [:]][sourceID] = targetID
          }
        }
      }
      for row in rows {
        var values = try mapped(table, row, columns: columns)
        let sourceID: Int64? = table.identity ? row["id"] : nil
        if table.matchesByOrigin { values["origin"] = origin(table, row) }
        if let existing = try find(table, values) {
          let differing = columns.filter { column in
            column != "origin" && existing.row.value(column) != values[column]
          }
          if differing.isEmpty {
            count.alreadyThere += 1
          } else {
            report.conflicts.append(
              Conflict(table: table.name, key: keyText(table, values), columns: differing))
          }
          if let sourceID, let targetID = existing.id {
            ids[table.name, default: [:]][sourceID] = targetID
          }
          continue
        }
        let insertedID = try insert(table, values, columns: columns)
        if let sourceID, let insertedID {
          ids[table.name, default: [:]][sourceID] = insertedID
          if table.name == "session", let replacedBy: Int64 = row["replaced_by"],
            values["replaced_by"] == .null
          {
            replacedSessions.append((insertedID, replacedBy))
          }
        }
        count.copied += 1
      }
      report.tables.append(count)
    }

    /// Where a row whose id the database gives came from: its own `origin` when it was
    /// copied into the source, else the source's identity, table and id.
    func origin(_ table: Table, _ row: SQLRow) -> SQLValue {
      let origin: String? = row["origin"]
      let id: Int64 = row["id"]
      return .text(origin ?? "\(sourceIdentity)/\(table.name)/\(id)")
    }

    /// The row's values for the target: references turned into the target's ids (a
    /// reference to a row not copied, a session replaced by a later one, waits: NULL).
    func mapped(_ table: Table, _ row: SQLRow, columns: [String]) throws -> [String: SQLValue] {
      var values: [String: SQLValue] = [:]
      for column in columns { values[column] = row.value(column) }
      for (column, referenced) in table.references {
        guard case .integer(let sourceID) = row.value(column) else { continue }
        values[column] = ids[referenced]?[sourceID].map(SQLValue.integer) ?? .null
      }
      return values
    }

    /// The target's row with this key (or origin), and its id.
    func find(_ table: Table, _ values: [String: SQLValue]) throws -> (row: SQLRow, id: Int64?)? {
      let columns = RecordsCopy.columns(table)
      let selected = ((table.identity ? ["id"] : []) + columns).joined(separator: ", ")
      var condition: String
      var arguments: SQLArguments
      if table.matchesByOrigin {
        guard case .text(let origin) = values["origin"] else { return nil }
        // A row that came from the target itself (copied out, now copied back) is found by id.
        let own = "\(targetIdentity)/\(table.name)/"
        if origin.hasPrefix(own), let id = Int64(origin.dropFirst(own.count)) {
          condition = "id = ?"
          arguments = [id]
        } else {
          condition = "origin = ?"
          arguments = [origin]
        }
      } else {
        condition = table.key.map { "\($0) = ?" }.joined(separator: " AND ")
        arguments = SQLArguments(values: table.key.map { values[$0] ?? .null })
      }
      guard
        let row = try db.fetchOne(
          sql: "SELECT \(selected) FROM \(table.name) WHERE \(condition)", arguments: arguments)
      else { return nil }
      return (row, table.identity ? row["id"] : nil)
    }

    func insert(_ table: Table, _ values: [String: SQLValue], columns: [String]) throws -> Int64? {
      let sql =
        "INSERT INTO \(table.name) (\(columns.joined(separator: ", "))) VALUES "
        + SQLTransaction.placeholders(rows: 1, columns: columns.count)
        + (table.identity ? " RETURNING id" : "")
      let arguments = SQLArguments(values: columns.map { values[$0] ?? .null })
      if table.identity { return try Int64.fetchOne(db, sql: sql, arguments: arguments) }
      try db.execute(sql: sql, arguments: arguments)
      return nil
    }

    func keyText(_ table: Table, _ values: [String: SQLValue]) -> String {
      let key = table.matchesByOrigin ? ["origin"] : table.key
      return key.map { column in
        switch values[column] ?? .null {
        case .text(let text): "\(column)=\(text)"
        case .integer(let number): "\(column)=\(number)"
        default: "\(column)=?"
        }
      }.joined(separator: " ")
    }

    /// A session replaced by one copied after it: its `replaced_by` now names that one.
    func linkReplacedSessions() throws {
      for (target, sourceReplacedBy) in replacedSessions {
        guard let replacedBy = ids["session"]?[sourceReplacedBy] else { continue }
        try db.execute(
          sql: "UPDATE session SET replaced_by = ? WHERE id = ?", arguments: [replacedBy, target])
      }
    }
  }
}
