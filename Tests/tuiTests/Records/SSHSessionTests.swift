import Catalog
import Foundation
import Testing

@testable import tui

/// The program as an SSH server's only command (`SessionPolicy`): the session row opened,
/// claimed, checked and ended through `update`, the offer to replace a member's other session
/// and the screen of a session ended elsewhere (update and render tests), and the line
/// `ssh authorized-keys` prints.
@Suite struct SSHSessionTests {
  static let other = OtherSession(
    client: "203.0.113.5", entry: .key,
    started: LocalTime(date: Fixtures.today, hour: 19, minute: 42))

  static func at(_ seconds: Double) -> Event { .tick(Fixtures.clock().advanced(by: seconds)) }

  /// The start screen of the shared study account, its row opened.
  static func shared(idleTimeout: Int = 0) -> AppState {
    var state = MemberFixtures.state(idleTimeout: idleTimeout)
    state.sessionPolicy = SessionPolicy()
    let (started, effects) = start(state)
    #expect(effects.requests == [.openSession])
    return started.answering(.sessionNoted)
  }

  /// The PIN of member 2001 sent from the shared account.
  static func pinSent() -> AppState {
    var state = shared().pressing("1").state.pressing("2001").state.pressing(.enter)
    state = state.pressing("1234").state
    return update(state, .key(.enter)).0
  }

  static func loggedIn() -> AppState { pinSent().answering(.loggedIn(MemberFixtures.records)) }

  @Test func aMemberWhoCameByKeyEntersWithoutAPIN() {
    var state = MemberFixtures.state()
    state.sessionPolicy = SessionPolicy(keyMember: "2001")
    state.replaceAll(with: .enter(EnterScreen(memberID: "2001")))
    let (started, effects) = start(state)
    #expect(effects.requests == [.openSession, .enter(memberID: "2001")])
    #expect(render(started).trimmedLines[3] == " " + SSHText.enterReading)
    var entered = started.answering(.sessionNoted).answering(.loggedIn(MemberFixtures.records))
    #expect(entered.session?.member.id == "2001")
    guard case .mainMenu(let menu) = entered.top else {
      Issue.record("expected the main menu, got \(entered.top)")
      return
    }
    #expect(menu.leavesProgram)
    #expect(render(entered).trimmedLines.contains("    0  退出"))
    // 0 asks, then 1 leaves the program, its row ended as quit first.
    let (asked, none) = update(entered, .key(.character("0")))
    #expect(asked.top.kind == "quit" && none.isEmpty)
    let (_, leaving) = update(asked, .key(.character("1")))
    #expect(leaving.requests == [.endSession(.quit)] && leaving.contains(.quit))
    // A failure says why; 1 tries again.
    entered = started.answering(.sessionNoted).answering(
      .failed(.logIn(memberID: "2001"), message: "数据库正忙"))
    #expect(render(entered).trimmedLines[3] == " " + SSHText.keyLogInFailed + "数据库正忙")
    #expect(entered.pressing("1").effects.requests == [.enter(memberID: "2001")])
  }

  @Test func aSecondLoginOffersToEndTheFirstOrToGoBack() {
    let offered = Self.pinSent().answering(
      .sessionTaken(memberID: "2001", name: "王建国", by: Self.other))
    expectScreen(
      offered,
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       已在别处登录
      ────────────────────────────────────────────────────────────────────────────────
       王建国，您的账号正在另一处使用：
         来自 203.0.113.5，钥匙登录，19:42 开始

       同一时间只能在一处学习。结束那边的会话后，那边会看到原因并退出。

       >  1  结束那边的会话，在这里继续
          0  返回，不登录












      ────────────────────────────────────────────────────────────────────────────────
       1 结束那边的会话，在这里继续  0 返回，不登录  ? 帮助
      """)
    #expect(offered.session == nil)
    // 0: back to the start screen, not logged in, the other session left alone.
    let (back, none) = update(offered, .key(.character("0")))
    #expect(none.isEmpty)
    #expect(back.stack.count == 1 && back.session == nil)
    // 1: the takeover is asked for, once.
    let (taking, effects) = update(offered, .key(.character("1")))
    #expect(effects.requests == [.takeOver(memberID: "2001")])
    #expect(taking.pressing("1").effects.isEmpty)
    #expect(render(taking).trimmedLines[11] == " " + SSHText.replacing)
    let failed = taking.answering(.failed(.logIn(memberID: "2001"), message: "数据库正忙"))
    #expect(render(failed).trimmedLines[11] == " " + SSHText.replaceFailed("数据库正忙"))
    let member = taking.answering(.loggedIn(MemberFixtures.records))
    #expect(member.session?.member.id == "2001")
    #expect(member.sessionPolicy?.nextCheck == SessionPolicy.checkInterval)
  }

  @Test func aMemberByKeyWhoWillNotEndTheOtherSessionLeaves() {
    var state = MemberFixtures.state()
    state.sessionPolicy = SessionPolicy(keyMember: "2001")
    state.replaceAll(with: .enter(EnterScreen(memberID: "2001")))
    let offered = start(state).0.answering(.sessionNoted).answering(
      .sessionTaken(memberID: "2001", name: "王建国", by: Self.other))
    #expect(render(offered).trimmedLines[9] == "    0  不结束，退出")
    let (asked, none) = update(offered, .key(.character("0")))
    #expect(asked.top.kind == "quit" && none.isEmpty)
    let (_, effects) = update(asked, .key(.character("1")))
    #expect(effects.requests == [.endSession(.quit)] && effects.contains(.quit))
  }

  @Test func aNudgeOrTheSlowCheckFindsTheSessionEndedElsewhere() {
    let member = Self.loggedIn()
    // Nothing is checked for a guest; a member's session is checked at once when nudged …
    #expect(update(Self.shared(), .sessionNudged).1.isEmpty)
    #expect(update(member, .sessionNudged).1.requests == [.checkSession])
    // … and every `checkInterval` seconds otherwise.
    #expect(member.nextDeadline == SessionPolicy.checkInterval)
    #expect(update(member, Self.at(29.9)).1.isEmpty)
    let (checking, effects) = update(member, Self.at(30))
    #expect(effects.requests == [.checkSession])
    #expect(checking.sessionPolicy?.nextCheck == 60)
    #expect(checking.answering(.sessionNoted).session != nil)

    let ended = checking.answering(.sessionEnded(by: Self.other))
    #expect(ended.session == nil && ended.stack.count == 1)
    #expect(ended.farewell == SSHText.farewellReplaced(Self.other, today: Fixtures.today))
    expectScreen(
      ended,
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       会话已结束
      ────────────────────────────────────────────────────────────────────────────────
       您的账号已在另一处登录，这里的会话已由那边结束。
         来自 203.0.113.5，钥匙登录，19:42 开始

       已保存的选学和学时都不受影响。

       30 秒后退出，按任意键立即退出













      ────────────────────────────────────────────────────────────────────────────────
       任意键 退出
      """)
    // Any key, or the time, ends the program; the row has ended already, so nothing is written.
    #expect(update(ended, .key(.character("7"))).1 == [.quit])
    #expect(update(ended, .click(x: 3, y: 3)).1 == [.quit])
    #expect(ended.nextDeadline == 30 + SessionPolicy.endedScreenSeconds)
    #expect(update(ended, Self.at(59.9)).1.isEmpty)
    #expect(update(ended, Self.at(60)).1 == [.quit])
  }

  @Test func overSSHTheIdleTimeEndsTheProgramForAGuestToo() {
    let guest = Self.shared(idleTimeout: 60)
    #expect(guest.activeIdleTimer != nil)
    let counting = update(guest, Self.at(50)).0
    #expect(render(counting).trimmedLines[22] == " " + SSHText.idleEndsCountdown(10))
    let (ended, effects) = update(guest, Self.at(60))
    #expect(effects.requests == [.endSession(.idle)] && effects.contains(.quit))
    #expect(ended.farewell == SSHText.farewellIdle(seconds: 60))
    // At a kiosk the same time logs a member out, and the program goes on.
    let kiosk = MemberFixtures.loggedIn(idleTimeout: 60)
    #expect(update(kiosk, Self.at(60)).1.isEmpty)
  }

  @Test func everyWayOutEndsTheRowWithItsReason() {
    let member = Self.loggedIn()
    #expect(update(member, .hangup).1.requests == [.endSession(.hangup)])
    #expect(update(MemberFixtures.loggedIn(), .hangup).1 == [.quit])
    // Logging out of the shared account ends the member's row; a guest row follows.
    let (out, effects) = update(member, .key(.character("0")))
    #expect(effects.requests == [.endSession(.logout)] && !effects.contains(.quit))
    #expect(out.session == nil && out.sessionPolicy?.nextCheck == nil)
    let (_, quitting) = update(out.pressing("0").state, .key(.character("1")))
    #expect(quitting.requests == [.endSession(.quit)] && quitting.contains(.quit))
  }

  @Test func theRunnerKeepsTheRowAndOnlyAProvenMemberTakesOver() throws {
    let records = try TemporaryRecords()
    defer { records.remove() }
    let origin = SessionOrigin(client: "192.0.2.1", command: nil)
    let first = RecordsRunner(
      store: records.store, catalog: MemberFixtures.catalog, session: origin,
      keyMember: (id: "2001", fingerprint: "SHA256:k"))
    #expect(first.perform(.openSession) == .sessionNoted)
    guard case .failed = first.perform(.enter(memberID: "2002")) else {
      Issue.record("a key enters as its own member only")
      return
    }
    guard case .loggedIn = first.perform(.enter(memberID: "2001")) else {
      Issue.record("expected the key member to enter")
      return
    }
    let second = RecordsRunner(
      store: records.store, catalog: MemberFixtures.catalog, session: origin)
    _ = second.perform(.openSession)
    guard case .failed = second.perform(.takeOver(memberID: "2001")) else {
      Issue.record("no takeover before the PIN")
      return
    }
    guard
      case .sessionTaken("2001", "王建国", let other) = second.perform(
        .logIn(memberID: "2001", pin: "1234"))
    else {
      Issue.record("expected the first session to be named")
      return
    }
    #expect(other.entry == .key && other.client == "192.0.2.1")
    #expect(first.perform(.checkSession) == .sessionNoted)
    guard case .loggedIn = second.perform(.takeOver(memberID: "2001")) else {
      Issue.record("expected the takeover")
      return
    }
    guard case .sessionEnded(let by) = first.perform(.checkSession) else {
      Issue.record("the first session should learn it was replaced")
      return
    }
    #expect(by?.entry == .pin)
    // Logging out ends the member's row and starts a guest's.
    #expect(second.perform(.endSession(.logout)) == .sessionNoted)
    let rows = try records.store.sessions()
    #expect(rows.map(\.end) == [.replaced, .logout, nil])
    #expect(rows.map(\.memberID) == ["2001", "2001", nil])
    #expect(rows.map(\.entry) == [.key, .pin, .guest])
  }

  @Test func theKeyLineForcesTheProgramAndNothingElse() throws {
    let key = try SSHPublicKey.parse(SSHKeyFixture.ed25519)
    let line = try AuthorizedKeyLine(
      program: "/usr/local/bin/course-menu",
      database: "/var/lib/course-menu/records/records.sqlite",
      catalog: "/usr/local/share/course-menu/data", rules: nil, idleTimeout: 900, memberID: "1001",
      key: key)
    #expect(
      line.text
        == "restrict,pty,command=\"/usr/local/bin/course-menu ssh session --db /var/lib/course-menu/records/records.sqlite --catalog /usr/local/share/course-menu/data --idle-timeout 900 --member 1001 --key \(key.fingerprint)\" \(key.authorizedKeyText)"
    )
    // A path the shell or the option's quotes would read otherwise is never printed.
    #expect(throws: (any Error).self) {
      _ = try AuthorizedKeyLine(
        program: "/usr/local/bin/course-menu", database: "/tmp/a b\";sh", catalog: nil,
        rules: nil, idleTimeout: nil, memberID: "1001", key: key)
    }
    #expect(!AuthorizedKeyLine.isPlain("$(id)") && !AuthorizedKeyLine.isPlain("a'b"))
  }

  @Test func theClientsAddressAndCommandAreKeptAsSent() {
    let command = "echo \u{1B}]0;pwned\u{7} \u{202E}txt.exe 中文"
    let origin = SSHEnvironment.origin([
      "SSH_CONNECTION": "203.0.113.5 52113 10.0.0.1 22", "SSH_ORIGINAL_COMMAND": command,
    ])
    #expect(origin.client == "203.0.113.5")
    #expect(origin.command == command)
    #expect(SSHEnvironment.origin([:]) == SessionOrigin(client: nil, command: nil))
    let long = SSHEnvironment.origin(["SSH_ORIGINAL_COMMAND": String(repeating: "a", count: 900)])
    #expect(long.command?.count == SSHEnvironment.longestCommand)
    // Printed, it acts on nothing.
    var table = TextTable(header: SSHText.sessionsHeader)
    table.rows =
      SessionReport(
        sessions: [
          SessionRecord(
            id: 1, memberID: nil, entry: .guest, keyFingerprint: nil, origin: origin,
            startedAt: Date(timeIntervalSince1970: 0), endedAt: Date(timeIntervalSince1970: 0),
            endReason: SessionEnd.noTerminal.rawValue, replacedBy: nil)
        ], names: [:], now: Date(timeIntervalSince1970: 0)
      ).rows
    let printed = table.lines.joined(separator: "\n")
    #expect(printed.contains("echo ␛]0;pwned␇ <U+202E>txt.exe 中文"))
    #expect(!printed.unicodeScalars.contains { ControlCharacters.contains($0) && $0 != "\n" })
  }

  @Test func theSessionReportTellsHowEachSessionEnded() {
    let start = Date(timeIntervalSince1970: 1_780_000_000)
    func record(
      _ id: Int64, _ member: String?, _ entry: SessionEntry, ended: Double?, _ reason: SessionEnd?,
      command: String? = nil, gone: Bool = false
    ) -> SessionRecord {
      var process = ProcessIdentity.current
      if gone { process.startTime = 1 }
      return SessionRecord(
        id: id, memberID: member, entry: entry, keyFingerprint: nil,
        origin: SessionOrigin(client: "192.0.2.9", command: command, process: process),
        startedAt: start, endedAt: ended.map { start.addingTimeInterval($0) },
        endReason: reason?.rawValue, replacedBy: nil)
    }
    let report = SessionReport(
      sessions: [
        record(1, nil, .guest, ended: 0, .noTerminal, command: "/bin/sh"),
        record(2, "1001", .key, ended: 754, .replaced),
        record(3, "1001", .pin, ended: nil, nil),
        record(4, "1002", .pin, ended: nil, nil, gone: true),
      ], names: ["1001": "王建国"], now: start.addingTimeInterval(3_700))
    #expect(report.openCount == 2)
    #expect(
      report.rows.map { Array($0[2...]) } == [
        ["0 秒", "访客", "访客", "192.0.2.9", "拒绝：没有终端", "/bin/sh"],
        ["12 分 34 秒", "1001 王建国", "钥匙登录", "192.0.2.9", "被另一处登录结束", ""],
        ["1 小时 1 分", "1001 王建国", "编号和 PIN 登录", "192.0.2.9", "进行中", ""],
        ["1 小时 1 分", "1002", "编号和 PIN 登录", "192.0.2.9", "进行中？（进程已不在）", ""],
      ])
    #expect(report.rows[2][1] == "")
  }
}

/// A key made with ssh-keygen, for the tests of this target.
enum SSHKeyFixture {
  static let ed25519 =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMpjYmD2Aiyo9nmQ69XOa2XTLHFhJTkDuvgwQ7mg0QxQ wang@phone"
}
