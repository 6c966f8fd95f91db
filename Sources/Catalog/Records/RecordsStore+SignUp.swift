import Foundation

/// A scheduled session as sign-ups name it: the course, the first day and the place.
public struct SessionKey: Hashable, Sendable, Comparable {
  public var courseID: String
  public var date: LocalDate
  public var place: String

  public init(courseID: String, date: LocalDate, place: String) {
    self.courseID = courseID
    self.date = date
    self.place = place
  }

  public init(course: Course, session: CourseSession) {
    self.init(courseID: course.id, date: session.date, place: session.place)
  }

  public static func < (lhs: SessionKey, rhs: SessionKey) -> Bool {
    (lhs.date, lhs.place, lhs.courseID) < (rhs.date, rhs.place, rhs.courseID)
  }
}

/// The answer to a member signing up for a session (报名).
public enum SignUpResult: Hashable, Sendable {
  /// A seat is the member's; `seatsLeft` after it, nil when the session has no capacity.
  case signedUp(seatsLeft: Int?)
  /// The member had a seat already.
  case alreadySignedUp
  /// Every seat is taken: nothing was written.
  case full
}

/// A member with a seat, for the organiser's list.
public struct SignUp: Hashable, Sendable {
  public var session: SessionKey
  public var member: Member
  public var at: Date

  public init(session: SessionKey, member: Member, at: Date) {
    self.session = session
    self.member = member
    self.at = at
  }
}

// MARK: - Sign-up with seats (报名)

extension RecordsStore {
  /// Signs a member up for a session. The seats taken are counted and the new one written in
  /// one IMMEDIATE transaction, so members signing up at once from any number of processes
  /// never take more seats than `session.capacity` (nil: no limit).
  public func signUp(memberID: String, course: Course, session: CourseSession) throws
    -> SignUpResult
  {
    let key = SessionKey(course: course, session: session)
    let now = nowText
    return try write { db in
      guard try RecordsStore.memberExists(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      let arguments: SQLArguments = [key.courseID, key.date.description, key.place]
      if try Bool.fetchOne(
        db,
        sql: """
          SELECT 1 FROM signup WHERE course_id = ? AND date = ? AND place = ? AND member_id = ?
          """, arguments: arguments + [memberID]) ?? false
      {
        return .alreadySignedUp
      }
      let taken = try RecordsStore.seatsTaken(db, key)
      if let capacity = session.capacity, taken >= capacity { return .full }
      try db.execute(
        sql: """
          INSERT INTO signup (course_id, date, place, member_id, signed_up_at)
          VALUES (?, ?, ?, ?, ?)
          """, arguments: arguments + [memberID, now])
      return .signedUp(seatsLeft: session.capacity.map { $0 - taken - 1 })
    }
  }

  /// Gives a seat back. Returns false when the member had none.
  @discardableResult
  public func cancelSignUp(memberID: String, session key: SessionKey) throws -> Bool {
    try write { db in
      try db.execute(
        sql: """
          DELETE FROM signup WHERE course_id = ? AND date = ? AND place = ? AND member_id = ?
          """, arguments: [key.courseID, key.date.description, key.place, memberID]) > 0
    }
  }

  static func seatsTaken(_ db: SQLTransaction, _ key: SessionKey) throws -> Int {
    try Int.fetchOne(
      db, sql: "SELECT count(*) FROM signup WHERE course_id = ? AND date = ? AND place = ?",
      arguments: [key.courseID, key.date.description, key.place]) ?? 0
  }

  /// Seats taken in the sessions from `first` to `last` (first days), and those of them that
  /// are `memberID`'s, in one snapshot: what 近期安排 shows.
  public func seats(from first: LocalDate, through last: LocalDate, memberID: String?) throws
    -> (taken: [SessionKey: Int], mine: Set<SessionKey>)
  {
    try read { db in
      var taken: [SessionKey: Int] = [:]
      var mine = Set<SessionKey>()
      let rows = try SQLRow.fetchAll(
        db,
        sql: """
          SELECT course_id, date, place, count(*) AS taken,
            count(*) FILTER (WHERE member_id = ?) > 0 AS mine
          FROM signup WHERE date >= ? AND date <= ? GROUP BY course_id, date, place
          """, arguments: [memberID, first.description, last.description])
      for row in rows {
        guard let date = LocalDate(iso: row["date"]) else { continue }
        let key = SessionKey(courseID: row["course_id"], date: date, place: row["place"])
        taken[key] = row["taken"]
        if row["mine"] as Bool? == true { mine.insert(key) }
      }
      return (taken, mine)
    }
  }

  /// Who signed up for a course's sessions starting on `date`, by place and time of signing up.
  public func signUps(courseID: String, date: LocalDate) throws -> [SignUp] {
    try read { db in
      try SQLRow.fetchAll(
        db,
        sql: """
          SELECT member_id, place, signed_up_at FROM signup WHERE course_id = ? AND date = ?
          ORDER BY place, signed_up_at, length(member_id), member_id
          """, arguments: [courseID, date.description]
      ).map { row in
        SignUp(
          session: SessionKey(courseID: courseID, date: date, place: row["place"]),
          member: try RecordsStore.requireMember(db, id: row["member_id"]),
          at: RecordsStore.date(row["signed_up_at"]))
      }
    }
  }
}
