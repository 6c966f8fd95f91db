import Foundation
import Testing

@testable import Catalog

/// A store with a station S01 (红旗村远教站点, hosting the catalog's 村党员活动室), its
/// administrator 9001, a county-wide administrator 9002, and members 1001-1004 with PIN 1234.
struct StationScene {
  let temporary: TemporaryStore
  let station = Station(id: "S01", name: "红旗村远教站点", place: "村党员活动室")
  let localAdministrator = Administrator(id: "9001", name: "张站长", stationID: "S01")
  let countyAdministrator = Administrator(id: "9002", name: "县组织部李干事")

  init(_ engine: RecordsEngineKind = .sqlite, members: [String] = ["1001", "1002", "1003", "1004"])
    throws
  {
    temporary = try TemporaryStore(engine)
    try store.addStation(station)
    try store.addAdministrator(id: "9001", name: "张站长", stationID: "S01")
    try store.addAdministrator(id: "9002", name: "县组织部李干事", stationID: nil)
    _ = try store.importMembers(
      members.enumerated().map { index, id in
        draft(id, name: ["王建国", "李秀英", "张伟", "陈小红", "赵明"][index % 5], pin: "1234")
      })
  }

  var store: RecordsStore { temporary.store }
  var administrator: StationOperator { .administrator(localAdministrator) }
  func remove() { temporary.remove() }

  /// A remote course with a session at the station on 2026-12-05 and one elsewhere on 12-19.
  static let broadcast = Course(
    id: "remote-history", title: "党史专题片集中收看", categoryID: "ideals", hours: StudyHours(2),
    kind: .elective, form: .remote, summary: "简介",
    sessions: [
      CourseSession(
        date: LocalDate(year: 2026, month: 12, day: 5), place: "村党员活动室", capacity: 30,
        location: SourceLocation(path: "c.toml", line: 1, column: 1)),
      CourseSession(
        date: LocalDate(year: 2026, month: 12, day: 19), place: "乡镇党校",
        location: SourceLocation(path: "c.toml", line: 1, column: 1)),
    ], location: SourceLocation(path: "c.toml", line: 1, column: 1))

  func open(on date: String = "2026-12-05", by opener: StationOperator? = nil) throws -> Showing {
    try store.openSignIn(
      stationID: "S01", course: Self.broadcast, date: day(date), kind: .session,
      place: "村党员活动室", by: opener ?? administrator)
  }

  func courses(_ id: String) -> Course? { id == Self.broadcast.id ? Self.broadcast : nil }
}

extension SignInResult {
  var memberID: String? {
    switch self {
    case .signedIn(let member, _), .alreadySignedIn(let member, _), .removed(let member):
      member.id
    case .refused, .notOpen: nil
    }
  }
}

@Suite struct SignInTests {
  @Test(arguments: RecordsEngineKind.all)
  func signInCloseCreditsEveryoneOnTheListOnceInOneTransaction(_ engine: RecordsEngineKind) throws {
    let scene = try StationScene(engine)
    defer { scene.remove() }
    let store = scene.store
    let showing = try scene.open()
    #expect(showing.state == .open && showing.signedIn == 0 && showing.kind == .session)
    #expect(showing.openedBy == "管理员 9001 张站长")
    guard
      case .signedIn(let member, _) = try store.signIn(
        member: "1001", pin: "1234", showingID: showing.id)
    else {
      Issue.record("1001 not signed in")
      return
    }
    #expect(member.name == "王建国")
    #expect(try store.signIn(member: "1002", pin: "1234", showingID: showing.id).memberID == "1002")
    // Twice is harmless: same list, says since when.
    guard
      case .alreadySignedIn(_, let since) = try store.signIn(
        member: "1001", pin: "1234", showingID: showing.id)
    else {
      Issue.record("second sign-in not recognised")
      return
    }
    #expect(since <= scene.temporary.clock.now)
    // A wrong PIN signs nobody in.
    guard case .refused = try store.signIn(member: "1003", pin: "9999", showingID: showing.id)
    else {
      Issue.record("wrong PIN accepted")
      return
    }
    #expect(try store.stationStatus(id: "S01").open?.signedIn == 2)

    // One member already had the credit from another path: kept as it was.
    _ = try store.credit(
      course: StationScene.broadcast, date: day("2026-12-05"), rules: testRules,
      memberIDs: ["1002"],
      source: "考勤登记 2026-12-05")
    let closed = try store.closeSignIn(
      stationID: "S01", by: scene.administrator, rules: testRules, course: scene.courses)
    #expect(closed.showing.state == .closed && closed.showing.closedAt != nil)
    #expect(closed.credits == CreditOutcome(credited: ["1001"], alreadyCredited: ["1002"]))
    #expect(closed.attendees.map(\.member.id) == ["1001", "1002"])
    let credit = try store.credits(of: "1001").first
    #expect(credit?.source == "站点签到 红旗村远教站点 2026-12-05")
    #expect(credit?.hours == StudyHours(2) && credit?.form == .remote)
    #expect(credit?.recordedBy == "管理员 9001 张站长")
    #expect(try store.credits(of: "1002").map(\.source) == ["考勤登记 2026-12-05"])
    #expect(try store.credits(of: "1003").isEmpty)
    #expect(try store.openSignIn(stationID: "S01") == nil)

    // Closed: nobody signs in any more, and there is nothing to close.
    #expect(try store.signIn(member: "1003", pin: "1234", showingID: showing.id) == .notOpen)
    #expect(throws: RecordsError.noOpenSignIn(stationID: "S01")) {
      _ = try store.closeSignIn(
        stationID: "S01", by: scene.administrator, rules: testRules, course: scene.courses)
    }
    // The audit trail has the closing with its credits.
    let entry = try store.auditEntries().last
    #expect(entry?.action == .signInClosed && entry?.actor == "管理员 9001 张站长")
    #expect(entry?.showing?.credited == ["1001"] && entry?.showing?.alreadyCredited == ["1002"])
    #expect(entry?.showing?.stationID == "S01" && entry?.showing?.date == day("2026-12-05"))
  }

  @Test(arguments: RecordsEngineKind.all)
  func aCreditFailureLeavesTheSignInOpenAndNothingWritten(_ engine: RecordsEngineKind) throws {
    let scene = try StationScene(engine)
    defer { scene.remove() }
    let showing = try scene.open()
    _ = try scene.store.signIn(member: "1001", pin: "1234", showingID: showing.id)
    #expect(
      throws: RecordsError.courseNotInCatalog(
        id: StationScene.broadcast.id, title: StationScene.broadcast.title)
    ) {
      _ = try scene.store.closeSignIn(stationID: "S01", by: scene.administrator, rules: testRules) {
        _ in nil
      }
    }
    #expect(try scene.store.openSignIn(stationID: "S01")?.signedIn == 1)
    #expect(try scene.store.credits(of: "1001").isEmpty)
    #expect(try scene.store.auditEntries().isEmpty)
  }

  @Test(arguments: RecordsEngineKind.all)
  func oneSignInAtATimePerStationEvenPastTheCheck(_ engine: RecordsEngineKind) throws {
    let scene = try StationScene(engine)
    defer { scene.remove() }
    let first = try scene.open()
    #expect(throws: RecordsError.signInAlreadyOpen(first)) { _ = try scene.open() }
    // A writer that skips the check still meets the database's unique index.
    #expect(throws: RecordsError.self) {
      try scene.store.engine.write { db in
        try db.execute(
          sql: """
            INSERT INTO showing (station_id, course_id, course_title, half_hours, date, kind,
              state, opened_at, opened_by)
            VALUES ('S01', 'x', 'x', 2, '2026-12-05', 'broadcast', 'open', 'now', 'test')
            """)
      }
    }
    // Another station may open at the same time.
    try scene.store.addStation(Station(id: "S02", name: "东山村站点"))
    let other = try scene.store.openSignIn(
      stationID: "S02", course: StationScene.broadcast, date: day("2026-12-05"),
      kind: .broadcast, place: nil, by: .systemUser("root"))
    #expect(other.stationID == "S02" && other.openedBy == "root")
  }

  @Test(arguments: RecordsEngineKind.all)
  func cancelledSignInCreditsNobodyAndIsAudited(_ engine: RecordsEngineKind) throws {
    let scene = try StationScene(engine)
    defer { scene.remove() }
    let showing = try scene.open()
    _ = try scene.store.signIn(member: "1001", pin: "1234", showingID: showing.id)
    _ = try scene.store.signIn(member: "1003", pin: "1234", showingID: showing.id)
    let cancelled = try scene.store.cancelSignIn(
      stationID: "S01", reason: "停电，改期", by: .systemUser("root"))
    #expect(cancelled.state == .cancelled && cancelled.closedBy == "root")
    #expect(try scene.store.credits(of: "1001").isEmpty)
    #expect(try scene.store.openSignIn(stationID: "S01") == nil)
    let entry = try scene.store.auditEntries().last
    #expect(entry?.action == .signInCancelled && entry?.reason == "停电，改期")
    #expect(entry?.showing?.signedIn == ["1001", "1003"])
    // A new sign-in may open afterwards.
    #expect(try scene.open().id != showing.id)
  }

  @Test(arguments: RecordsEngineKind.all)
  func aRemovedNameIsNotCreditedAndCannotSignInAgain(_ engine: RecordsEngineKind) throws {
    let scene = try StationScene(engine)
    defer { scene.remove() }
    let store = scene.store
    let showing = try scene.open()
    for id in ["1001", "1002", "1003"] {
      _ = try store.signIn(member: id, pin: "1234", showingID: showing.id)
    }
    #expect(throws: RecordsError.reasonRequired) {
      try store.removeFromSignIn(
        memberID: "1002", stationID: "S01", reason: " ", by: scene.administrator)
    }
    let removed = try store.removeFromSignIn(
      memberID: "1002", stationID: "S01", reason: "代签", by: scene.administrator)
    #expect(removed.removal?.reason == "代签" && removed.removal?.by == "管理员 9001 张站长")
    #expect(throws: RecordsError.notSignedIn("1002")) {
      try store.removeFromSignIn(
        memberID: "1002", stationID: "S01", reason: "代签", by: scene.administrator)
    }
    #expect(throws: RecordsError.notSignedIn("1004")) {
      try store.removeFromSignIn(
        memberID: "1004", stationID: "S01", reason: "代签", by: scene.administrator)
    }
    guard case .removed = try store.signIn(member: "1002", pin: "1234", showingID: showing.id)
    else {
      Issue.record("a removed name signed in again")
      return
    }
    #expect(try store.openSignIn(stationID: "S01")?.signedIn == 2)
    let audit = try store.auditEntries(memberID: "1002")
    #expect(audit.map(\.action) == [.signInNameRemoved] && audit.first?.reason == "代签")

    let closed = try store.closeSignIn(
      stationID: "S01", by: scene.administrator, rules: testRules, course: scene.courses)
    #expect(closed.credits.credited == ["1001", "1003"])
    #expect(closed.attendees.map(\.member.id) == ["1001", "1002", "1003"])
    #expect(closed.attendees[1].removal != nil)
    #expect(try store.credits(of: "1002").isEmpty)
  }

  @Test(arguments: RecordsEngineKind.all)
  func anAdministratorActsOnlyAtTheirStationUnlessCountyWide(_ engine: RecordsEngineKind) throws {
    let scene = try StationScene(engine)
    defer { scene.remove() }
    try scene.store.addStation(Station(id: "S02", name: "东山村站点"))
    #expect(throws: RecordsError.administratorOfAnotherStation(id: "9001", stationID: "S01")) {
      _ = try scene.store.openSignIn(
        stationID: "S02", course: StationScene.broadcast, date: day("2026-12-05"),
        kind: .broadcast, place: nil, by: scene.administrator)
    }
    let county = try scene.store.openSignIn(
      stationID: "S02", course: StationScene.broadcast, date: day("2026-12-05"),
      kind: .broadcast, place: nil, by: .administrator(scene.countyAdministrator))
    #expect(county.openedBy == "管理员 9002 县组织部李干事")
    #expect(throws: RecordsError.unknownStation("S09")) {
      _ = try scene.store.openSignIn(
        stationID: "S09", course: StationScene.broadcast, date: day("2026-12-05"),
        kind: .broadcast, place: nil, by: .systemUser(nil))
    }
  }

  @Test(arguments: RecordsEngineKind.all)
  func aBroadcastIsCreditedAsSuch(_ engine: RecordsEngineKind) throws {
    let scene = try StationScene(engine)
    defer { scene.remove() }
    let showing = try scene.store.openSignIn(
      stationID: "S01", course: StationScene.broadcast, date: day("2026-12-08"), kind: .broadcast,
      place: nil, by: scene.administrator)
    _ = try scene.store.signIn(member: "1004", pin: "1234", showingID: showing.id)
    _ = try scene.store.closeSignIn(
      stationID: "S01", by: scene.administrator, rules: testRules, course: scene.courses)
    let credit = try scene.store.credits(of: "1004").first
    #expect(credit?.source == "站点签到 红旗村远教站点 2026-12-08（集中收看）")
    #expect(credit?.date == day("2026-12-08") && credit?.reason == nil)
  }

  @Test func thePlanFollowsTheCreditRules() {
    let station = Station(id: "S01", name: "红旗村远教站点", place: "村党员活动室")
    let course = StationScene.broadcast
    let withoutSessions = plainCourse("c1")
    // The first day of a session at the station.
    #expect(
      SignInPlan(course: course, date: day("2026-12-05"), station: station, unscheduled: false)
        == SignInPlan(kind: .session, place: "村党员活动室"))
    // A session elsewhere that day is still the session (its first day, the rule of credit).
    #expect(
      SignInPlan(course: course, date: day("2026-12-19"), station: station, unscheduled: false)?
        .place == "乡镇党校")
    // No session that day: only on purpose, as a broadcast.
    #expect(
      SignInPlan(course: course, date: day("2026-12-06"), station: station, unscheduled: false)
        == nil)
    #expect(
      SignInPlan(course: course, date: day("2026-12-06"), station: station, unscheduled: true)
        == SignInPlan(kind: .broadcast, place: nil))
    // A course without sessions is a broadcast any day.
    #expect(
      SignInPlan(
        course: withoutSessions, date: day("2026-12-06"), station: station, unscheduled: false)?
        .kind == .broadcast)
  }
}

/// The shared fixture `course(_:)`, where a local named `course` hides it.
private func plainCourse(_ id: String) -> Course { course(id) }
