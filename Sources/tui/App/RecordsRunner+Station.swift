import Catalog
import Foundation

extension RecordsRunner {
  /// Carries out the station's work (`StationRequest`), on the worker's thread.
  func perform(_ request: StationRequest, on store: RecordsStore) throws -> StationReply {
    switch request {
    case .status(let id):
      let (station, open) = try store.stationStatus(id: id)
      return .status(station: station, open: open)
    case .signIn(let showingID, let memberID, let pin):
      return .signIn(
        answer(try store.signIn(member: memberID, pin: pin, showingID: showingID)))
    case .administratorLogIn(let id, let pin, let stationID):
      switch try store.authenticateAdministrator(id: id, pin: pin) {
      case .ok(let administrator):
        guard administrator.mayAct(at: stationID) else {
          return .administratorRefused(.otherStation(administrator.stationID ?? ""))
        }
        return .administratorLoggedIn(administrator)
      case .refused(let result):
        return .administratorRefused(.login(refused(result)))
      }
    case .open(let stationID, let courseID, let date, let unscheduled, let administrator):
      let course = try course(courseID)
      guard let station = try store.station(id: stationID) else {
        throw RecordsError.unknownStation(stationID)
      }
      guard
        let plan = SignInPlan(
          course: course, date: date, station: station, unscheduled: unscheduled)
      else { throw RecordsError.database(KioskText.notScheduledToday(course)) }
      return .opened(
        try store.openSignIn(
          stationID: stationID, course: course, date: date, kind: plan.kind, place: plan.place,
          by: .administrator(administrator)))
    case .attendees(let showingID):
      return .attendees(showingID: showingID, try store.attendees(showingID: showingID))
    case .removeAttendee(let stationID, let memberID, let reason, let administrator):
      return .removed(
        try store.removeFromSignIn(
          memberID: memberID, stationID: stationID, reason: reason,
          by: .administrator(administrator)))
    case .close(let stationID, let administrator):
      return .closed(
        try store.closeSignIn(
          stationID: stationID, by: .administrator(administrator), rules: catalog.rules
        ) {
          self.catalog.course(id: $0)
        })
    case .cancel(let stationID, let administrator):
      return .cancelled(
        try store.cancelSignIn(
          stationID: stationID, reason: nil, by: .administrator(administrator)))
    case .seats(let memberID, let first, let last):
      return .seats(memberID: memberID, try seats(memberID, first, last, in: store))
    case .signUp(let memberID, let key, let first, let last):
      guard
        let session = try course(key.courseID).sessions.first(where: {
          $0.date == key.date && $0.place == key.place
        })
      else { throw RecordsError.database(KioskText.noSuchSession) }
      let result = try store.signUp(
        memberID: memberID, course: try course(key.courseID), session: session)
      return .signedUp(
        memberID: memberID, session: key, result, try seats(memberID, first, last, in: store))
    case .cancelSignUp(let memberID, let key, let first, let last):
      let changed = try store.cancelSignUp(memberID: memberID, session: key)
      return .signUpCancelled(
        memberID: memberID, session: key, changed: changed,
        try seats(memberID, first, last, in: store))
    }
  }

  private func answer(_ result: SignInResult) -> SignInAnswer {
    switch result {
    case .signedIn(let member, _): .signedIn(member)
    case .alreadySignedIn(let member, let since): .alreadySignedIn(member, since: LocalTime(since))
    case .removed(let member): .removed(member)
    case .refused(let authentication): .refused(refused(authentication))
    case .notOpen: .notOpen
    }
  }

  /// A refusal as the login screen shows it (an `.ok` is never a refusal's content).
  private func refused(_ result: AuthenticationResult) -> RecordsReply.LoginRefusal {
    refusal(result) ?? .refused(freeAttemptsLeft: 0, retry: nil)
  }

  private func seats(
    _ memberID: String, _ first: LocalDate, _ last: LocalDate, in store: RecordsStore
  ) throws -> Seats {
    let (taken, mine) = try store.seats(from: first, through: last, memberID: memberID)
    return Seats(taken: taken, mine: mine)
  }
}
