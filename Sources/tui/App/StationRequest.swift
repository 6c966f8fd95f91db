import Catalog

/// The station's records work, asked for by the kiosk's screens and 近期安排: the station's
/// state (read in the background), members signing in, administrators, and sign-ups.
enum StationRequest: Hashable, Sendable {
  /// The station and its open sign-in, read every few seconds while the kiosk waits.
  case status(stationID: String)
  /// A member signs in at the open sign-in `showingID` with number and PIN.
  case signIn(showingID: Int64, memberID: String, pin: String)
  /// An administrator gives number and PIN at the kiosk of `stationID`.
  case administratorLogIn(id: String, pin: String, stationID: String)
  case open(
    stationID: String, courseID: String, date: LocalDate, unscheduled: Bool, by: Administrator)
  case attendees(showingID: Int64)
  case removeAttendee(stationID: String, memberID: String, reason: String, by: Administrator)
  case close(stationID: String, by: Administrator)
  case cancel(stationID: String, by: Administrator)
  /// Seats taken in the sessions from `first` to `last`, and the member's own.
  case seats(memberID: String, first: LocalDate, last: LocalDate)
  case signUp(memberID: String, session: SessionKey, first: LocalDate, last: LocalDate)
  case cancelSignUp(memberID: String, session: SessionKey, first: LocalDate, last: LocalDate)

  var activity: RecordsRequest.Activity {
    switch self {
    case .status: .quiet
    case .signIn, .administratorLogIn: .checkingPIN
    case .attendees, .seats: .reading
    case .open, .removeAttendee, .close, .cancel, .signUp, .cancelSignUp: .saving
    }
  }

  /// What failed, without a PIN.
  enum Failure: Hashable, Sendable {
    case status
    /// A member's or an administrator's number and PIN could not be checked.
    case checkingPIN
    /// An administrator's action (open, list, remove, close, cancel).
    case administration
    case signUp(memberID: String)

    var memberID: String? {
      if case .signUp(let id) = self { return id }
      return nil
    }
  }

  var failure: Failure {
    switch self {
    case .status: .status
    case .signIn, .administratorLogIn: .checkingPIN
    case .open, .attendees, .removeAttendee, .close, .cancel: .administration
    case .seats(let id, _, _), .signUp(let id, _, _, _), .cancelSignUp(let id, _, _, _):
      .signUp(memberID: id)
    }
  }
}

/// The answer to a `StationRequest`.
enum StationReply: Hashable, Sendable {
  case status(station: Station?, open: Showing?)
  case signIn(SignInAnswer)
  case administratorLoggedIn(Administrator)
  /// Number and PIN not accepted, or an administrator of another station.
  case administratorRefused(AdministratorRefusal)
  case opened(Showing)
  case attendees(showingID: Int64, [Attendee])
  case removed(Attendee)
  case closed(ClosedSignIn)
  case cancelled(Showing)
  case seats(memberID: String, Seats)
  case signedUp(memberID: String, session: SessionKey, SignUpResult, Seats)
  case signUpCancelled(memberID: String, session: SessionKey, changed: Bool, Seats)

  var memberID: String? {
    switch self {
    case .seats(let id, _), .signedUp(let id, _, _, _), .signUpCancelled(let id, _, _, _): id
    default: nil
    }
  }
}

/// What signing in at the kiosk came to, as the screen tells the member.
enum SignInAnswer: Hashable, Sendable {
  case signedIn(Member)
  /// On the list already, since then.
  case alreadySignedIn(Member, since: LocalTime)
  case removed(Member)
  case refused(RecordsReply.LoginRefusal)
  /// The sign-in was closed or cancelled meanwhile.
  case notOpen
}

enum AdministratorRefusal: Hashable, Sendable {
  case login(RecordsReply.LoginRefusal)
  /// An administrator of another station: they may not act here.
  case otherStation(String)
}

/// Seats taken in the sessions of the coming days, and which are the member's.
struct Seats: Hashable, Sendable {
  var taken: [SessionKey: Int] = [:]
  var mine: Set<SessionKey> = []
}
