import Catalog
import Foundation

@testable import tui

/// A kiosk at station S01 (红旗村远教站点, hosting the catalog's 村党员活动室) on 2026-03-01:
/// the member fixtures' catalog with a remote broadcast that meets there today, on 03-10
/// (two seats) and at the township school on 03-20 (no limit).
enum KioskFixtures {
  static let here = Fixtures.here
  static let station = Station(id: "S01", name: "红旗村远教站点", place: "村党员活动室")
  static let administrator = Administrator(
    id: "9001", name: "张站长", stationID: "S01", hasPIN: true)

  static let broadcast = Course(
    id: "remote-lecture", title: "远教课堂：乡村振兴政策解读", categoryID: "farming",
    hours: StudyHours(2), kind: .elective, form: .remote, summary: "集中收看远程教育专题。",
    sessions: [
      CourseSession(
        date: Fixtures.today, time: "19:00-21:00", place: "村党员活动室", capacity: 30,
        location: here),
      CourseSession(
        date: MemberFixtures.day(3, 10), time: "09:00-11:00", place: "村党员活动室", capacity: 2,
        location: here),
      CourseSession(date: MemberFixtures.day(3, 20), place: "乡镇党校", location: here),
    ], location: here)

  static let catalog: Catalog = {
    let base = MemberFixtures.catalog
    return Catalog(
      title: base.title, issuer: base.issuer, year: base.year, categories: base.categories,
      courses: base.courses + [broadcast], rules: base.rules)
  }()

  /// The sign-in open at the station: today's session of the broadcast, 12 signed in.
  static let showing = Showing(
    id: 7, stationID: "S01", courseID: broadcast.id, courseTitle: broadcast.title,
    hours: broadcast.hours, date: Fixtures.today, kind: .session, place: "村党员活动室",
    openedAt: Date(timeIntervalSince1970: 1_772_355_600), openedBy: "管理员 9001 张站长",
    signedIn: 12)

  static let member = MemberFixtures.member

  /// The kiosk as it starts, its first read of the station answered with `open`.
  static func state(
    open: Showing? = showing, width: Int = 80, height: Int = 24, idleTimeout: Int = 180
  ) -> AppState {
    let state = AppState(
      catalog: catalog, today: Fixtures.today, size: Size(width: width, height: height),
      idleTimer: IdleTimer(seconds: idleTimeout), kiosk: KioskState(stationID: "S01"))
    let (asking, effects) = update(state, .tick(Fixtures.clock()))
    precondition(effects.requests == [.station(.status(stationID: "S01"))])
    return asking.answering(.station(.status(station: station, open: open)))
  }

  /// The administrator's menu, after number and PIN.
  static func administering(open: Showing? = showing) -> AppState {
    var state = self.state(open: open)
    state = state.pressing(open == nil ? "3" : "4").state.pressing("9001").state
    state = state.pressing(.enter).pressing("2468").state.pressing(.enter)
    return state.answering(.station(.administratorLoggedIn(administrator)))
  }

  static func attendee(_ id: String, _ name: String, minute: Int, removed: String? = nil)
    -> Attendee
  {
    let at = LocalTime.start(of: Fixtures.today).addingTimeInterval(Double(19 * 60 + minute) * 60)
    return Attendee(
      member: Member(
        id: id, name: name, branch: "红旗村党支部", domain: .rural, role: .member,
        joined: LocalDate(year: 2010, month: 7, day: 1)),
      signedAt: at,
      removal: removed.map { Attendee.Removal(at: at, by: "管理员 9001 张站长", reason: $0) })
  }
}

extension AppState {
  /// The state `seconds` later, told by a tick.
  func later(_ seconds: Double) -> (state: AppState, effects: [Effect]) {
    update(self, .tick(now.advanced(by: seconds)))
  }
}
