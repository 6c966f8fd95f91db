import Foundation
import Testing

@testable import Catalog

@Suite struct AdministratorTests {
  @Test(arguments: RecordsEngineKind.all)
  func stationsAreAddedRenamedAndListed(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    #expect(try store.addStation(Station(id: "S02", name: "东山村站点")) == .added)
    #expect(try store.addStation(Station(id: "S01", name: "红旗村", place: "红旗村")) == .added)
    #expect(try store.station(id: "S01")?.place == nil)
    #expect(try store.addStation(Station(id: "S01", name: "红旗村")) == .unchanged)
    #expect(try store.addStation(Station(id: "S01", name: "红旗村站点", place: "村党员活动室")) == .updated)
    #expect(try store.stations().map(\.id) == ["S01", "S02"])
    #expect(try store.station(id: "S01")?.place == "村党员活动室")
    #expect(throws: RecordsError.invalidStationID("站点1")) {
      try store.addStation(Station(id: "站点1", name: "x"))
    }
  }

  @Test(arguments: RecordsEngineKind.all)
  func administratorsAreTheirOwnAccounts(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    try store.addStation(Station(id: "S01", name: "红旗村"))
    #expect(try store.addAdministrator(id: "9001", name: "张站长", stationID: "S01") == .added)
    #expect(try store.addAdministrator(id: "10", name: "李干事", stationID: nil) == .added)
    #expect(try store.addAdministrator(id: "9001", name: "张站长", stationID: "S01") == .unchanged)
    #expect(try store.addAdministrator(id: "9001", name: "张站长", stationID: nil) == .updated)
    #expect(throws: RecordsError.unknownStation("S09")) {
      try store.addAdministrator(id: "9003", name: "王", stationID: "S09")
    }
    #expect(throws: RecordsError.invalidAdministratorID("A9")) {
      try store.addAdministrator(id: "A9", name: "王", stationID: nil)
    }
    #expect(try store.administrators().map(\.id) == ["10", "9001"])
    #expect(try store.administrator(id: "9001")?.hasPIN == false)
    try store.setAdministratorPIN("246810", for: "9001")
    #expect(try store.administrator(id: "9001")?.hasPIN == true)
    #expect(throws: RecordsError.invalidPIN) { try store.setAdministratorPIN("12", for: "9001") }
    #expect(throws: RecordsError.unknownAdministrator("9")) {
      try store.setAdministratorPIN("1234", for: "9")
    }
    // Not members: a member number is no administrator, and no administrator a member.
    #expect(try store.member(id: "9001") == nil)
    let removed = try store.removeAdministrator(id: "9001", actor: "root")
    #expect(removed.name == "张站长")
    #expect(try store.administrator(id: "9001") == nil)
    let entry = try store.auditEntries().last
    #expect(entry?.action == .administratorRemoved && entry?.actor == "root")
    #expect(throws: RecordsError.unknownAdministrator("9001")) {
      try store.removeAdministrator(id: "9001")
    }
  }

  /// An administrator's PIN is checked and throttled exactly as a member's (the same code),
  /// counted apart: failures on administrator 1001 do not touch member 1001, nor the reverse.
  @Test(arguments: RecordsEngineKind.all)
  func administratorsWrongPINsCostWaitsAndLockApartFromMembers(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let clock = temporary.clock
    _ = try store.importMembers([draft("1001", pin: "1357")])
    try store.addAdministrator(id: "1001", name: "张站长", stationID: nil)
    // Without a PIN yet: refused as a wrong PIN is, and counted.
    #expect(
      try store.authenticateAdministrator(id: "1001", pin: "2468")
        == .refused(.refused(freeAttemptsLeft: 2, retryAt: nil)))
    try store.setAdministratorPIN("2468", for: "1001")
    #expect(
      try store.authenticateAdministrator(id: "1001", pin: "1357")
        == .refused(.refused(freeAttemptsLeft: 2, retryAt: nil)))
    #expect(
      try store.authenticateAdministrator(id: "1001", pin: "1357")
        == .refused(.refused(freeAttemptsLeft: 1, retryAt: nil)))
    let firstWait = clock.now.addingTimeInterval(LoginThrottle.firstDelay)
    #expect(
      try store.authenticateAdministrator(id: "1001", pin: "0000")
        == .refused(.refused(freeAttemptsLeft: 0, retryAt: firstWait)))
    // While the administrator's number waits, even the right PIN is not checked …
    #expect(
      try store.authenticateAdministrator(id: "1001", pin: "2468")
        == .refused(.mustWait(until: firstWait)))
    #expect(try store.administrator(id: "1001")?.throttle.failures == 3)
    // … and the member with the same number logs in as ever.
    #expect(try store.authenticate(member: "1001", pin: "1357").isOK)
    #expect(try store.member(id: "1001")?.throttle == LoginThrottle())
    clock.advance(by: LoginThrottle.firstDelay)
    guard case .ok(let administrator) = try store.authenticateAdministrator(id: "1001", pin: "2468")
    else {
      Issue.record("the right PIN after the wait")
      return
    }
    #expect(administrator.name == "张站长" && administrator.throttle == LoginThrottle())
    // A hundred failures in a row: only `admins unlock` lets the number in again.
    for _ in 0..<(LoginThrottle.lockFailures - 1) {
      _ = try store.authenticateAdministrator(id: "1001", pin: "0000")
      clock.advance(by: LoginThrottle.maximumDelay)
    }
    #expect(try store.authenticateAdministrator(id: "1001", pin: "0000") == .refused(.locked))
    #expect(try store.authenticateAdministrator(id: "1001", pin: "2468") == .refused(.locked))
    #expect(try store.authenticate(member: "1001", pin: "1357").isOK)
    #expect(try store.unlockAdministrator(id: "1001").failures == LoginThrottle.lockFailures)
    guard case .ok = try store.authenticateAdministrator(id: "1001", pin: "2468") else {
      Issue.record("unlocked")
      return
    }
    // A new PIN starts the count again.
    _ = try store.authenticateAdministrator(id: "1001", pin: "0000")
    try store.setAdministratorPIN("97531", for: "1001")
    #expect(try store.administrator(id: "1001")?.throttle == LoginThrottle())
  }
}
