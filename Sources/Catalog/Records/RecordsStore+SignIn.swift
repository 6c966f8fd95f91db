import Foundation

// MARK: - Sign-in at a station (签到)

extension RecordsStore {
  static let showingColumns = """
    id, station_id, course_id, course_title, half_hours, date, kind, place, state, opened_at,
    opened_by, closed_at, closed_by,
    (SELECT count(*) FROM attendance
      WHERE attendance.showing_id = showing.id AND removed_at IS NULL) AS signed_in
    """

  static func showing(from row: SQLRow) throws -> Showing {
    guard let date = LocalDate(iso: row["date"]), let kind = Showing.Kind(rawValue: row["kind"]),
      let state = Showing.State(rawValue: row["state"])
    else { throw RecordsError.database(RecordsText.corruptShowing(row["id"])) }
    let closedAt: String? = row["closed_at"]
    return Showing(
      id: row["id"], stationID: row["station_id"], courseID: row["course_id"],
      courseTitle: row["course_title"], hours: StudyHours(halves: row["half_hours"]),
      date: date, kind: kind, place: row["place"], state: state,
      openedAt: Timestamp.date(from: row["opened_at"]) ?? Date(timeIntervalSince1970: 0),
      openedBy: row["opened_by"], closedAt: closedAt.flatMap(Timestamp.date(from:)),
      closedBy: row["closed_by"], signedIn: row["signed_in"])
  }

  static func fetchOpenShowing(_ db: SQLTransaction, stationID: String) throws -> Showing? {
    try SQLRow.fetchOne(
      db, sql: "SELECT \(showingColumns) FROM showing WHERE station_id = ? AND state = 'open'",
      arguments: [stationID]
    ).map(showing(from:))
  }

  static func requireOpenShowing(_ db: SQLTransaction, stationID: String) throws -> Showing {
    _ = try requireStation(db, id: stationID)
    guard let showing = try fetchOpenShowing(db, stationID: stationID) else {
      throw RecordsError.noOpenSignIn(stationID: stationID)
    }
    return showing
  }

  /// Opens a sign-in at a station for `course` on `date`. One at a time per station: while
  /// one is open this throws `signInAlreadyOpen` with it (the database's unique index says the
  /// same to any writer that skips this check). Whether `kind` suits the course and the day is
  /// the caller's check (`SignInPlan`).
  public func openSignIn(
    stationID: String, course: Course, date: LocalDate, kind: Showing.Kind, place: String?,
    by opener: StationOperator
  ) throws -> Showing {
    let now = nowText
    return try write { db in
      _ = try RecordsStore.requireStation(db, id: stationID)
      try RecordsStore.requirePermission(opener, at: stationID)
      if let open = try RecordsStore.fetchOpenShowing(db, stationID: stationID) {
        throw RecordsError.signInAlreadyOpen(open)
      }
      try db.execute(
        sql: """
          INSERT INTO showing (station_id, course_id, course_title, half_hours, date, kind, place,
            state, opened_at, opened_by)
          VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)
          """,
        arguments: [
          stationID, course.id, course.title, course.hours.halves, date.description,
          kind.rawValue, place, now, opener.recorded,
        ])
      guard let showing = try RecordsStore.fetchOpenShowing(db, stationID: stationID) else {
        throw RecordsError.noOpenSignIn(stationID: stationID)
      }
      return showing
    }
  }

  /// The station and its open sign-in, in one snapshot: what a kiosk's start screen shows.
  public func stationStatus(id: String) throws -> (station: Station?, open: Showing?) {
    try read { db in
      guard let station = try RecordsStore.fetchStation(db, id: id) else { return (nil, nil) }
      return (station, try RecordsStore.fetchOpenShowing(db, stationID: id))
    }
  }

  /// The sign-in open at a station, nil when none is.
  public func openSignIn(stationID: String) throws -> Showing? {
    try read { db in
      _ = try RecordsStore.requireStation(db, id: stationID)
      return try RecordsStore.fetchOpenShowing(db, stationID: stationID)
    }
  }

  /// A member signs in at a kiosk with number and PIN. The PIN is checked as a login's is (and
  /// a wrong one counts the same); then the name goes on the list of `showingID`, if that
  /// sign-in is still open. Signing in twice changes nothing and says since when.
  public func signIn(member memberID: String, pin: String, showingID: Int64) throws
    -> SignInResult
  {
    let authentication = try authenticate(member: memberID, pin: pin)
    guard case .ok(let member) = authentication else { return .refused(authentication) }
    let now = nowText
    return try write { db in
      guard
        let state = try String.fetchOne(
          db, sql: "SELECT state FROM showing WHERE id = ?", arguments: [showingID]),
        state == Showing.State.open.rawValue
      else { return .notOpen }
      if let row = try SQLRow.fetchOne(
        db,
        sql: "SELECT signed_at, removed_at FROM attendance WHERE showing_id = ? AND member_id = ?",
        arguments: [showingID, member.id])
      {
        if row["removed_at"] as String? != nil { return .removed(member) }
        return .alreadySignedIn(member, since: RecordsStore.date(row["signed_at"]))
      }
      try db.execute(
        sql: "INSERT INTO attendance (showing_id, member_id, signed_at) VALUES (?, ?, ?)",
        arguments: [showingID, member.id, now])
      return .signedIn(member, at: RecordsStore.date(now))
    }
  }

  /// Everyone on a sign-in's list, removed names included, by time of signing in.
  public func attendees(showingID: Int64) throws -> [Attendee] {
    try read { try RecordsStore.fetchAttendees($0, showingID: showingID) }
  }

  static func fetchAttendees(_ db: SQLTransaction, showingID: Int64) throws -> [Attendee] {
    try SQLRow.fetchAll(
      db,
      sql: """
        SELECT member_id, signed_at, removed_at, removed_by, removal_reason FROM attendance
        WHERE showing_id = ? ORDER BY signed_at, length(member_id), member_id
        """,
      arguments: [showingID]
    ).map { row in
      let removedAt: String? = row["removed_at"]
      return Attendee(
        member: try requireMember(db, id: row["member_id"]), signedAt: date(row["signed_at"]),
        removal: removedAt.map {
          Attendee.Removal(at: date($0), by: row["removed_by"], reason: row["removal_reason"])
        })
    }
  }

  /// A member a row refers to (the foreign key says there is one).
  static func requireMember(_ db: SQLTransaction, id: String) throws -> Member {
    guard let member = try fetchMember(db, id: id) else {
      throw RecordsError.database(RecordsText.corruptMember(id))
    }
    return member
  }

  /// Takes a member off the open sign-in's list before it is closed, with the reason; the
  /// name stays on the list, marked, and an audit entry is written. Returns the entry.
  @discardableResult
  public func removeFromSignIn(
    memberID: String, stationID: String, reason: String, by remover: StationOperator
  ) throws -> Attendee {
    guard !reason.isBlank else { throw RecordsError.reasonRequired }
    let now = nowText
    return try write { db in
      let showing = try RecordsStore.requireOpenShowing(db, stationID: stationID)
      try RecordsStore.requirePermission(remover, at: stationID)
      let removed = try db.execute(
        sql: """
          UPDATE attendance SET removed_at = ?, removed_by = ?, removal_reason = ?
          WHERE showing_id = ? AND member_id = ? AND removed_at IS NULL
          """,
        arguments: [now, remover.recorded, reason, showing.id, memberID])
      guard removed > 0 else { throw RecordsError.notSignedIn(memberID) }
      try RecordsStore.audit(
        db, .signInNameRemoved, memberID: memberID, reason: reason,
        detail: ShowingAuditDetail(showing).json, actor: remover.recorded, at: now)
      guard
        let attendee = try RecordsStore.fetchAttendees(db, showingID: showing.id)
          .first(where: { $0.member.id == memberID })
      else { throw RecordsError.notSignedIn(memberID) }
      return attendee
    }
  }

  /// Closes the station's open sign-in and credits its course's hours on its date to everyone
  /// on the list (removed names excepted), through the same code as `credit`, all in one
  /// transaction with the audit entry: source 站点签到 with the station and the date; a member
  /// who has the credit already keeps it as it is. `course` finds the course by id in the
  /// catalog; a course no longer there cannot be credited (cancel instead). An online course
  /// is credited once per training year of `rules`, as by `credit`.
  public func closeSignIn(
    stationID: String, by closer: StationOperator, rules: Rules, course: (String) -> Course?
  ) throws -> ClosedSignIn {
    let now = nowText
    return try write { db in
      let station = try RecordsStore.requireStation(db, id: stationID)
      var showing = try RecordsStore.requireOpenShowing(db, stationID: stationID)
      try RecordsStore.requirePermission(closer, at: stationID)
      guard let course = course(showing.courseID) else {
        throw RecordsError.courseNotInCatalog(id: showing.courseID, title: showing.courseTitle)
      }
      let attendees = try RecordsStore.fetchAttendees(db, showingID: showing.id)
      let credits = try RecordsStore.insertCredits(
        db, course: course, date: showing.date,
        year: rules.trainingYear(containing: showing.date),
        memberIDs: attendees.filter { $0.removal == nil }.map(\.member.id),
        source: RecordsText.signInSource(station: station, date: showing.date, kind: showing.kind),
        reason: nil, recordedBy: closer.recorded, at: now)
      try db.execute(
        sql: """
          UPDATE showing SET state = 'closed', closed_at = ?, closed_by = ?, half_hours = ?,
            course_title = ?
          WHERE id = ?
          """,
        arguments: [now, closer.recorded, course.hours.halves, course.title, showing.id])
      showing.state = .closed
      showing.closedAt = RecordsStore.date(now)
      showing.closedBy = closer.recorded
      showing.hours = course.hours
      showing.courseTitle = course.title
      var detail = ShowingAuditDetail(showing)
      detail.credited = credits.credited
      detail.alreadyCredited = credits.alreadyCredited
      try RecordsStore.audit(
        db, .signInClosed, memberID: nil, reason: nil, detail: detail.json,
        actor: closer.recorded, at: now)
      return ClosedSignIn(showing: showing, attendees: attendees, credits: credits)
    }
  }

  /// Cancels the station's open sign-in: nobody is credited; the showing stays in the log as
  /// cancelled, with an audit entry naming who had signed in.
  @discardableResult
  public func cancelSignIn(stationID: String, reason: String?, by canceller: StationOperator)
    throws -> Showing
  {
    if let reason, reason.isBlank { throw RecordsError.reasonRequired }
    let now = nowText
    return try write { db in
      var showing = try RecordsStore.requireOpenShowing(db, stationID: stationID)
      try RecordsStore.requirePermission(canceller, at: stationID)
      let attendees = try RecordsStore.fetchAttendees(db, showingID: showing.id)
      try db.execute(
        sql: "UPDATE showing SET state = 'cancelled', closed_at = ?, closed_by = ? WHERE id = ?",
        arguments: [now, canceller.recorded, showing.id])
      showing.state = .cancelled
      showing.closedAt = RecordsStore.date(now)
      showing.closedBy = canceller.recorded
      var detail = ShowingAuditDetail(showing)
      detail.signedIn = attendees.filter { $0.removal == nil }.map(\.member.id)
      try RecordsStore.audit(
        db, .signInCancelled, memberID: nil, reason: reason, detail: detail.json,
        actor: canceller.recorded, at: now)
      return showing
    }
  }

  /// An administrator acts only at their own station, unless county-wide.
  static func requirePermission(_ actor: StationOperator, at stationID: String) throws {
    guard case .administrator(let administrator) = actor, !administrator.mayAct(at: stationID)
    else { return }
    throw RecordsError.administratorOfAnotherStation(
      id: administrator.id, stationID: administrator.stationID ?? "")
  }

  static func date(_ text: String) -> Date {
    Timestamp.date(from: text) ?? Date(timeIntervalSince1970: 0)
  }
}

// MARK: - The station's log

extension RecordsStore {
  /// Every showing dated in `span`, of one station or all, with the members on its list
  /// (removed names left out), by date and opening time.
  public func showings(in span: DateSpan, stationID: String? = nil) throws -> [LoggedShowing] {
    var sql = "SELECT \(RecordsStore.showingColumns) FROM showing WHERE date >= ? AND date < ?"
    var arguments: SQLArguments = [span.start.description, span.end.description]
    if let stationID {
      sql += " AND station_id = ?"
      arguments += [stationID]
    }
    return try read { db in
      try SQLRow.fetchAll(db, sql: sql + " ORDER BY date, opened_at, id", arguments: arguments).map
      {
        let showing = try RecordsStore.showing(from: $0)
        let members = try String.fetchAll(
          db,
          sql: """
            SELECT member_id FROM attendance WHERE showing_id = ? AND removed_at IS NULL
            ORDER BY signed_at, member_id
            """, arguments: [showing.id])
        return LoggedShowing(showing: showing, memberIDs: members)
      }
    }
  }
}
