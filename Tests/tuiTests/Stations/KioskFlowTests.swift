import Catalog
import Foundation
import Testing

@testable import tui

/// The kiosk through the real app loop, its records calls on the worker, on a store in a
/// temporary file: a sign-in opened in the store appears, a member signs in, an
/// administrator closes it, and the credit is in the store.
@Suite struct KioskFlowTests {
  @Test func signInAndCloseThroughTheLoopAndTheStore() throws {
    let records = try TemporaryRecords()
    defer { records.remove() }
    let store = records.store
    try store.addStation(KioskFixtures.station)
    try store.addAdministrator(id: "9001", name: "张站长", stationID: "S01")
    try store.setAdministratorPIN("2468", for: "9001")
    _ = try store.openSignIn(
      stationID: "S01", course: KioskFixtures.broadcast, date: Fixtures.today, kind: .session,
      place: "村党员活动室", by: .systemUser("root"))
    let runner = RecordsRunner(store: store, catalog: KioskFixtures.catalog)
    let start = AppState(
      catalog: KioskFixtures.catalog, today: Fixtures.today, size: Size(width: 80, height: 24),
      idleTimer: IdleTimer(seconds: 180), kiosk: KioskState(stationID: "S01"))
    let tick = Event.tick(Fixtures.clock())
    let events: [Event] =
      [tick] + Event.typing("1") + Event.typing("2001") + [.enter] + Event.typing("1234")
      + [.enter, .key(.enter), tick] + Event.typing("4") + Event.typing("9001") + [.enter]
      + Event.typing("2468") + [.enter] + Event.typing("2") + Event.typing("1")
    let (final, frames) = AppLoop.running(start, events, runner: runner)
    #expect(frames.contains { $0.lines.contains { $0.contains("签到成功！") } })
    #expect(frames.contains { $0.lines.contains { $0.contains("已签到 1 人") } })
    #expect(final.top.kind == "signInClosed")
    let credits = try store.credits(of: "2001")
    #expect(credits.map(\.source) == ["站点签到 红旗村远教站点 2026-03-01"])
    #expect(credits.first?.recordedBy == "管理员 9001 张站长")
    #expect(try store.openSignIn(stationID: "S01") == nil)
  }
}
