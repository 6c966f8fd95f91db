import Foundation
import Testing

@testable import Catalog

/// The session rows: one live session per member, replaced on request, rows of gone processes
/// never in the way, and the audit they make.
@Suite struct SessionStoreTests {
  /// A process of this machine that surely does not run: this boot, a start time no process
  /// can have.
  static func goneProcess() -> ProcessIdentity {
    var process = ProcessIdentity.current
    process.startTime = 1
    return process
  }

  static func elsewhere() -> ProcessIdentity {
    ProcessIdentity(host: "another-server", bootID: "x", pid: 42, startTime: 7)
  }

  @Test func thisProcessRunsAndAGoneOrRestartedOneDoesNot() {
    #expect(ProcessIdentity.current.isRunning() == true)
    #expect(ProcessIdentity.current.startTime > 0)
    #expect(Self.goneProcess().isRunning() == false)
    var rebooted = ProcessIdentity.current
    rebooted.bootID = "an earlier boot"
    #expect(rebooted.isRunning() == false)
    #expect(Self.elsewhere().isRunning() == nil)
  }

  @Test(arguments: RecordsEngineKind.all)
  func aSecondLoginFindsTheFirstAndReplacesItOnlyWhenAsked(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1001")])
    let origin = SessionOrigin(client: "203.0.113.5", command: nil)
    let first = try store.openSession(origin)
    #expect(
      try store.claimSession(
        first, memberID: "1001", entry: .key, keyFingerprint: "SHA256:k", replacing: false)
        == .claimed(replaced: []))
    temporary.clock.advance(by: 60)
    let second = try store.openSession(SessionOrigin(client: "198.51.100.7", command: nil))
    guard
      case .taken(let other) = try store.claimSession(
        second, memberID: "1001", entry: .pin, replacing: false)
    else {
      Issue.record("expected the first session to be found")
      return
    }
    #expect(other.id == first)
    #expect(other.entry == .key && other.keyFingerprint == "SHA256:k")
    #expect(other.origin.client == "203.0.113.5")
    // Nothing changed: the second is still a guest, the first still open.
    #expect(try store.sessionStanding(first) == .open)
    #expect(try store.sessions().map(\.memberID) == ["1001", nil])

    guard
      case .claimed(let replaced) = try store.claimSession(
        second, memberID: "1001", entry: .pin, replacing: true)
    else {
      Issue.record("expected the claim to succeed")
      return
    }
    #expect(replaced.map(\.id) == [first])
    guard case .replaced(let by) = try store.sessionStanding(first) else {
      Issue.record("expected the first to be replaced")
      return
    }
    #expect(by?.id == second && by?.origin.client == "198.51.100.7" && by?.entry == .pin)
    // Ending it again keeps how it ended.
    #expect(try !store.endSession(first, reason: .hangup))
    #expect(try store.sessions().first?.end == .replaced)
    #expect(try store.sessions().first?.replacedBy == second)
    #expect(try store.endSession(second, reason: .quit))
    #expect(try store.sessionStanding(second) == .ended)
  }

  @Test(arguments: RecordsEngineKind.all)
  func aRowLeftByAGoneProcessNeverStandsInTheWay(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1001"), draft("1002")])
    let killed = try store.openSession(
      SessionOrigin(client: nil, command: nil, process: Self.goneProcess()))
    _ = try store.claimSession(killed, memberID: "1001", entry: .pin, replacing: false)
    let next = try store.openSession(SessionOrigin(client: nil, command: nil))
    #expect(
      try store.claimSession(next, memberID: "1001", entry: .pin, replacing: false)
        == .claimed(replaced: []))
    #expect(try store.sessions(memberID: "1001").map(\.end) == [.lost, nil])
    // One on another server cannot be checked from here: it is offered for replacing.
    let remote = try store.openSession(
      SessionOrigin(client: "x", command: nil, process: Self.elsewhere()))
    _ = try store.claimSession(remote, memberID: "1002", entry: .key, replacing: false)
    let here = try store.openSession(SessionOrigin(client: nil, command: nil))
    guard
      case .taken(let other) = try store.claimSession(
        here, memberID: "1002", entry: .pin, replacing: false)
    else {
      Issue.record("expected the other server's session")
      return
    }
    #expect(other.origin.process.host == "another-server")
    #expect(throws: RecordsError.unknownMember("9")) {
      _ = try store.claimSession(here, memberID: "9", entry: .pin, replacing: false)
    }
  }

  @Test(arguments: RecordsEngineKind.all)
  func theAuditKeepsWhoHowFromWhereWhenAndHowItEnded(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1001"), draft("1002")])
    try store.recordRefusedSession(
      SessionOrigin(client: "192.0.2.1", command: "cat /etc/passwd"), reason: .noTerminal)
    temporary.clock.advance(by: 86_400)
    let since = temporary.clock.now
    let guest = try store.openSession(SessionOrigin(client: "192.0.2.2", command: nil))
    try store.endSession(guest, reason: .idle)
    let member = try store.openSession(SessionOrigin(client: "192.0.2.3", command: "/bin/sh"))
    _ = try store.claimSession(
      member, memberID: "1001", entry: .key, keyFingerprint: "SHA256:k", replacing: false)
    temporary.clock.advance(by: 90)
    try store.endSession(member, reason: .hangup)

    let all = try store.sessions()
    #expect(all.map(\.end) == [.noTerminal, .idle, .hangup])
    #expect(all[0].origin.command == "cat /etc/passwd" && all[0].endedAt == all[0].startedAt)
    #expect(all[0].memberID == nil && all[0].entry == .guest)
    #expect(
      all[2].memberID == "1001" && all[2].entry == .key && all[2].keyFingerprint == "SHA256:k")
    #expect(all[2].origin.client == "192.0.2.3" && all[2].origin.command == "/bin/sh")
    #expect(all[2].endedAt.map { $0.timeIntervalSince(all[2].startedAt) } == 90)
    #expect(all[2].origin.process == ProcessIdentity.current)
    #expect(try store.sessions(since: since).count == 2)
    #expect(try store.sessions(memberID: "1001").map(\.id) == [member])
    #expect(try store.sessions(memberID: "1002").isEmpty)
  }
}
