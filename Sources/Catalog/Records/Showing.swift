import Foundation

/// One sign-in at a station (签到): a group session or a broadcast watched together, from its
/// opening to its closing or cancelling. Every one is kept as a line of the station's log.
public struct Showing: Hashable, Sendable, Identifiable {
  /// What was shown, as the credit rules see it.
  public enum Kind: String, Hashable, Sendable {
    /// The first day of one of the course's scheduled sessions.
    case session
    /// A remote-education broadcast watched together (集中收看), on any day, for any course.
    case broadcast
  }

  public enum State: String, Hashable, Sendable {
    case open, closed, cancelled
  }

  public var id: Int64
  public var stationID: String
  public var courseID: String
  /// Title and hours as when it was opened; closing credits the course's hours then.
  public var courseTitle: String
  public var hours: StudyHours
  public var date: LocalDate
  public var kind: Kind
  /// The session's place, for a scheduled session.
  public var place: String?
  public var state: State
  public var openedAt: Date
  /// `StationOperator.recorded` of who opened it.
  public var openedBy: String
  public var closedAt: Date?
  public var closedBy: String?
  /// Members signed in and not removed.
  public var signedIn: Int

  public init(
    id: Int64, stationID: String, courseID: String, courseTitle: String, hours: StudyHours,
    date: LocalDate, kind: Kind, place: String? = nil, state: State = .open, openedAt: Date,
    openedBy: String, closedAt: Date? = nil, closedBy: String? = nil, signedIn: Int = 0
  ) {
    self.id = id
    self.stationID = stationID
    self.courseID = courseID
    self.courseTitle = courseTitle
    self.hours = hours
    self.date = date
    self.kind = kind
    self.place = place
    self.state = state
    self.openedAt = openedAt
    self.openedBy = openedBy
    self.closedAt = closedAt
    self.closedBy = closedBy
    self.signedIn = signedIn
  }
}

/// A member on a sign-in's list.
public struct Attendee: Hashable, Sendable {
  public var member: Member
  public var signedAt: Date
  /// Set when an administrator took the name off the list; such a member is not credited.
  public var removal: Removal?

  public struct Removal: Hashable, Sendable {
    public var at: Date
    public var by: String
    public var reason: String

    public init(at: Date, by: String, reason: String) {
      self.at = at
      self.by = by
      self.reason = reason
    }
  }

  public init(member: Member, signedAt: Date, removal: Removal? = nil) {
    self.member = member
    self.signedAt = signedAt
    self.removal = removal
  }
}

/// The answer to a member signing in at a kiosk.
public enum SignInResult: Hashable, Sendable {
  /// On the list from now on.
  case signedIn(Member, at: Date)
  /// On the list already (since then): nothing changed.
  case alreadySignedIn(Member, since: Date)
  /// An administrator took this member off the list: signing in again does not put them back.
  case removed(Member)
  /// The number and PIN were not accepted (counted toward the lock as a login is).
  case refused(AuthenticationResult)
  /// The sign-in was closed or cancelled meanwhile.
  case notOpen
}

/// What closing a sign-in did: the showing as closed, its list, and the credits written.
public struct ClosedSignIn: Hashable, Sendable {
  public var showing: Showing
  /// Everyone who signed in, removed names included, by time of signing in.
  public var attendees: [Attendee]
  public var credits: CreditOutcome

  public init(showing: Showing, attendees: [Attendee], credits: CreditOutcome) {
    self.showing = showing
    self.attendees = attendees
    self.credits = credits
  }
}

/// What became of a name on a sign-in's list.
public enum AttendeeOutcome: Hashable, Sendable {
  /// On the list, the sign-in still open.
  case signedIn
  /// Credited when the sign-in closed.
  case credited
  /// Had this course on this day already: left as it was.
  case alreadyCredited
  /// Taken off the list: not credited.
  case removed(Attendee.Removal)
}

extension Attendee {
  /// What became of this name; `credits` are those of the closing, nil while open.
  public func outcome(_ credits: CreditOutcome?) -> AttendeeOutcome {
    if let removal { return .removed(removal) }
    guard let credits else { return .signedIn }
    return credits.alreadyCredited.contains(member.id) ? .alreadyCredited : .credited
  }
}

/// What a sign-in for a course on a day at a station is, under the credit rules: the first day
/// of one of the course's sessions (one at the station if there is one), or a broadcast
/// watched together (集中收看) — which any course may be, but a course that has sessions only
/// when asked for on purpose, as a make-up must be.
public struct SignInPlan: Hashable, Sendable {
  public var kind: Showing.Kind
  /// The session's place, for a scheduled session.
  public var place: String?
}

extension SignInPlan {
  /// Nil when the course has sessions, none starts on `date`, and `unscheduled` was not asked.
  public init?(course: Course, date: LocalDate, station: Station, unscheduled: Bool) {
    let starting = course.sessions.filter { $0.date == date }
    if let session = starting.first(where: station.hosts) ?? starting.first {
      kind = .session
      place = session.place
    } else if course.sessions.isEmpty || unscheduled {
      kind = .broadcast
      place = nil
    } else {
      return nil
    }
  }
}

extension Catalog {
  /// Every session starting on a day in `days`, with its course, by day, place and title.
  public func sessions(startingIn days: ClosedRange<LocalDate>) -> [(
    course: Course, session: CourseSession
  )] {
    courses.flatMap { course in
      course.sessions.filter { days.contains($0.date) }.map { (course, $0) }
    }.sorted {
      ($0.session.date, $0.session.place, $0.course.title)
        < ($1.session.date, $1.session.place, $1.course.title)
    }
  }
}
