import Foundation

// MARK: - Selections

extension RecordsStore {
  /// The member's selections, oldest first.
  public func selections(of memberID: String) throws -> [Selection] {
    try read { db in
      try SQLRow.fetchAll(
        db,
        sql: """
          SELECT course_id, selected_at FROM selection WHERE member_id = ?
          ORDER BY selected_at, course_id
          """,
        arguments: [memberID]
      ).map { row in
        Selection(
          courseID: row["course_id"],
          selectedAt: Timestamp.date(from: row["selected_at"]) ?? Date(timeIntervalSince1970: 0))
      }
    }
  }

  /// Selects a course (选学). Returns false when it was already selected.
  @discardableResult
  public func select(course: Course, for memberID: String) throws -> Bool {
    let now = nowText
    return try write { db in
      guard try RecordsStore.memberExists(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      let inserted = try db.execute(
        sql: """
          INSERT INTO selection (member_id, course_id, selected_at) VALUES (?, ?, ?)
          ON CONFLICT (member_id, course_id) DO NOTHING
          """,
        arguments: [memberID, course.id, now])
      return inserted > 0
    }
  }

  /// Drops a selected course (退选). Returns false when it was not selected.
  /// Throws `RecordsError.requiredCourse` for a required course.
  @discardableResult
  public func drop(course: Course, for memberID: String) throws -> Bool {
    guard course.kind != .required else {
      throw RecordsError.requiredCourse(id: course.id, title: course.title)
    }
    return try write { db in
      guard try RecordsStore.memberExists(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      let deleted = try db.execute(
        sql: "DELETE FROM selection WHERE member_id = ? AND course_id = ?",
        arguments: [memberID, course.id])
      return deleted > 0
    }
  }
}

// MARK: - Credits

/// A member with every credit they have, for reports.
public struct MemberCredits: Hashable, Sendable {
  public var member: Member
  public var credits: [Credit]

  public init(member: Member, credits: [Credit]) {
    self.member = member
    self.credits = credits
  }
}

extension RecordsStore {
  static let creditColumns = """
    member_id, course_id, course_title, category_id, date, half_hours, form, source,
    recorded_at, recorded_by, reason
    """

  static func credit(from row: SQLRow) throws -> Credit {
    guard let date = LocalDate(iso: row["date"]), let form = CourseForm(rawValue: row["form"])
    else { throw RecordsError.database(RecordsText.corruptCredit(row["member_id"])) }
    return Credit(
      courseID: row["course_id"], courseTitle: row["course_title"],
      categoryID: row["category_id"], date: date, hours: StudyHours(halves: row["half_hours"]),
      form: form, source: row["source"],
      recordedAt: Timestamp.date(from: row["recorded_at"]), recordedBy: row["recorded_by"],
      reason: row["reason"])
  }

  /// Credits `course` on `date` to every member in `memberIDs`, with the course's hours and
  /// form, in one transaction. Idempotent: a member who already has this course on this day
  /// keeps the credit they have. If any member is unknown, nothing is written and
  /// `RecordsError.unknownMembers` lists them all.
  ///
  /// An online course (网络培训) is credited at most once per training year of `rules`,
  /// whichever way (its test or this call): a member who has it in the year of `date` is
  /// listed as already credited, as for the same day.
  ///
  /// A member who joined after `date` cannot have attended then: `RecordsError
  /// .creditBeforeJoining` names them all, and nothing is written.
  ///
  /// A `reason` marks a make-up (补学) on a day outside the course's schedule: it is kept
  /// with each credit, and each new one is written to the audit trail in the same transaction.
  /// Whether the day is scheduled is the caller's check (`Course.session(startingOn:)`).
  public func credit(
    course: Course, date: LocalDate, rules: Rules, memberIDs: [String], source: String,
    reason: String? = nil, recordedBy: String? = RecordsStore.currentUser
  ) throws -> CreditOutcome {
    if let reason, reason.isBlank { throw RecordsError.reasonRequired }
    let ids = RecordsStore.distinct(memberIDs)
    let now = nowText
    return try write { db in
      try RecordsStore.requireMembers(db, ids)
      try RecordsStore.requireJoined(db, ids, by: date)
      return try RecordsStore.insertCredits(
        db, course: course, date: date, year: rules.trainingYear(containing: date),
        memberIDs: ids, source: source, reason: reason, recordedBy: recordedBy, at: now)
    }
  }

  /// Writes the credits inside the caller's transaction (`credit`, closing a sign-in): members
  /// who have this course on this day already, or an online course in `year` (the training
  /// year of `date`), are left as they are, and a make-up's reason is kept with each new
  /// credit and written to the audit trail.
  static func insertCredits(
    _ db: SQLTransaction, course: Course, date: LocalDate, year: TrainingYear,
    memberIDs ids: [String], source: String, reason: String?, recordedBy: String?,
    at now: String
  ) throws -> CreditOutcome {
    var outcome = CreditOutcome()
    for id in ids {
      if course.form == .online,
        try yearCredit(db, memberID: id, courseID: course.id, in: year) != nil
      {
        outcome.alreadyCredited.append(id)
        continue
      }
      let inserted = try db.execute(
        sql: """
          INSERT INTO credit (member_id, course_id, course_title, category_id, date,
            half_hours, form, source, recorded_at, recorded_by, reason)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (member_id, course_id, date) DO NOTHING
          """,
        arguments: [
          id, course.id, course.title, course.categoryID, date.description,
          course.hours.halves, course.form.rawValue, source, now, recordedBy, reason,
        ])
      guard inserted > 0 else {
        outcome.alreadyCredited.append(id)
        continue
      }
      outcome.credited.append(id)
      if let reason {
        var credit = Credit(course: course, date: date, source: source, reason: reason)
        credit.recordedAt = Timestamp.date(from: now)
        credit.recordedBy = recordedBy
        try audit(
          db, .makeUpCredited, memberID: id, reason: reason, detail: AuditDetail.json(credit),
          actor: recordedBy, at: now)
      }
    }
    return outcome
  }

  /// The member's first credit of the course in the training year, if any: an online
  /// course's hours count once a year, whether its test or an administrator credited them.
  static func yearCredit(
    _ db: SQLTransaction, memberID: String, courseID: String, in year: TrainingYear
  ) throws -> Credit? {
    try SQLRow.fetchOne(
      db,
      sql: """
        SELECT \(RecordsStore.creditColumns) FROM credit
        WHERE member_id = ? AND course_id = ? AND date >= ? AND date < ?
        ORDER BY date LIMIT 1
        """,
      arguments: [memberID, courseID, year.start.description, year.end.description]
    ).map(credit(from:))
  }

  /// Throws `RecordsError.creditBeforeJoining` naming every member of `ids` who joined after
  /// `date`.
  static func requireJoined(_ db: SQLTransaction, _ ids: [String], by date: LocalDate) throws {
    var late: [MemberJoining] = []
    for id in ids {
      guard let member = try fetchMember(db, id: id), member.joined > date else { continue }
      late.append(MemberJoining(memberID: id, name: member.name, joined: member.joined))
    }
    guard late.isEmpty else { throw RecordsError.creditBeforeJoining(date: date, members: late) }
  }

  /// `ids` once each, in the order first given.
  static func distinct(_ ids: [String]) -> [String] {
    var seen = Set<String>()
    return ids.filter { seen.insert($0).inserted }
  }

  /// Throws `RecordsError.unknownMembers` naming every id that is no member: a command about
  /// several members writes nothing when any of them is unknown.
  static func requireMembers(_ db: SQLTransaction, _ ids: [String]) throws {
    let unknown = try ids.filter { try !memberExists(db, id: $0) }
    guard unknown.isEmpty else { throw RecordsError.unknownMembers(unknown) }
  }

  /// The member's credits, oldest first: all of them, or those dated in one training year.
  public func credits(of memberID: String, year: TrainingYear? = nil) throws -> [Credit] {
    try read { db in try RecordsStore.fetchCredits(db, of: memberID, in: year?.span) }
  }

  static func fetchCredits(_ db: SQLTransaction, of memberID: String, in span: DateSpan? = nil)
    throws
    -> [Credit]
  {
    var sql = "SELECT \(creditColumns) FROM credit WHERE member_id = ?"
    var arguments: SQLArguments = [memberID]
    if let span {
      sql += " AND date >= ? AND date < ?"
      arguments += [span.start.description, span.end.description]
    }
    return try SQLRow.fetchAll(db, sql: sql + " ORDER BY date, course_id", arguments: arguments)
      .map(credit(from:))
  }

  /// The member's progress in a training year (see `HourAccounting`).
  public func progress(of memberID: String, year: TrainingYear, rules: Rules) throws
    -> YearProgress
  {
    let (member, credits) = try read { db in
      guard let member = try RecordsStore.fetchMember(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      return (member, try RecordsStore.fetchCredits(db, of: memberID))
    }
    return HourAccounting.progress(of: member.profile, credits: credits, in: year, rules: rules)
  }

  /// Every member (or those of one branch) with all their credits, read in one snapshot.
  public func membersWithCredits(branch: String? = nil) throws -> [MemberCredits] {
    try read { db in
      let members = try RecordsStore.fetchMembers(db, branch: branch)
      var byMember: [String: [Credit]] = [:]
      for row in try SQLRow.fetchAll(
        db, sql: "SELECT \(RecordsStore.creditColumns) FROM credit ORDER BY date, course_id")
      {
        byMember[row["member_id"], default: []].append(try RecordsStore.credit(from: row))
      }
      return members.map { MemberCredits(member: $0, credits: byMember[$0.id] ?? []) }
    }
  }
}
