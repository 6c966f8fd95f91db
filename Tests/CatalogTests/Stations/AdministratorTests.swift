import Foundation
import Testing

@testable import Catalog

@Suite struct AdministratorTests {
  @Test func stationsAreAddedRenamedAndListed() throws {
    let temporary = try TemporaryStore()
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

  @Test func administratorsAreTheirOwnAccounts() throws {
    let temporary = try TemporaryStore()
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
}
