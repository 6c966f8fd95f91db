import Foundation
import GRDB
import Testing

@testable import Catalog

#if canImport(Glibc)
  import Glibc
#endif

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current = Date(timeIntervalSince1970: 1_795_000_000)

  var now: Date {
    lock.lock()
    defer { lock.unlock() }
    return current
  }

  func advance(by seconds: TimeInterval) {
    lock.lock()
    current += seconds
    lock.unlock()
  }
}

/// A fresh store on the engine under test: an SQLite file in its own temporary directory, or
/// a database of its own on the test PostgreSQL server.
struct TemporaryStore: Sendable {
  let kind: RecordsEngineKind
  let directory: URL
  let postgres: TemporaryPostgresDatabase?
  let clock = TestClock()
  let store: RecordsStore

  init(_ kind: RecordsEngineKind = .sqlite) throws {
    self.kind = kind
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("records-test-\(UUID().uuidString)")
    let clock = self.clock
    switch kind {
    case .sqlite:
      postgres = nil
      store = try RecordsStore(
        path: directory.appendingPathComponent("records.sqlite").path, clock: { clock.now })
    case .postgresql:
      let database = try TemporaryPostgresDatabase()
      postgres = database
      store = RecordsStore(engine: try database.engine(), clock: { clock.now })
    }
  }

  /// The SQLite file's path, or the PostgreSQL database's URL.
  var path: String { postgres?.url ?? store.location }

  /// Another store on the same records (another process, as it were), with this clock.
  func another() throws -> RecordsStore {
    let clock = self.clock
    if let postgres { return RecordsStore(engine: try postgres.engine(), clock: { clock.now }) }
    return try RecordsStore(path: path, clock: { clock.now })
  }

  /// The SQLite file's GRDB connections, for tests of the file itself.
  var sqlite: SQLiteEngine { store.engine as! SQLiteEngine }

  func remove() {
    try? store.close()
    postgres?.drop()
    try? FileManager.default.removeItem(at: directory)
  }
}

func course(
  _ id: String, hours: Int = 2, kind: CourseKind = .elective, form: CourseForm = .remote,
  category: String = "ideals"
) -> Course {
  Course(
    id: id, title: "课程\(id)", categoryID: category, hours: StudyHours(hours), kind: kind,
    form: form, summary: "简介", location: SourceLocation(path: "c.toml", line: 1, column: 1))
}

/// Rules with the calendar year as the training year and no requirement.
let testRules = Rules(requirements: [], path: "rules.toml")

func draft(
  _ id: String, name: String = "张三", branch: String = "一支部", role: MemberRole = .member,
  domain: MemberDomain = .rural, joined: String = "2010-07-01", pin: String? = nil
) -> MemberDraft {
  MemberDraft(
    id: id, name: name, branch: branch, domain: domain, role: role, joined: day(joined), pin: pin)
}

@Suite struct RecordsStoreTests {
  // MARK: Opening

  @Test func openCreatesAGroupWritableWALDatabaseWithFullSync() throws {
    let previous = umask(0o022)
    defer { umask(previous) }
    let temporary = try TemporaryStore()
    defer { temporary.remove() }
    _ = try temporary.store.importMembers([draft("1")])
    for suffix in ["", "-wal", "-shm", SQLiteWriterQueue.suffix] {
      var info = stat()
      #expect(stat(temporary.path + suffix, &info) == 0, "\(suffix)")
      #expect(info.st_mode & 0o777 == 0o664, "\(suffix)")
    }
    var directoryInfo = stat()
    stat(temporary.directory.path, &directoryInfo)
    #expect(directoryInfo.st_mode & 0o777 == 0o775)
    let pragmas = try temporary.sqlite.pool.writeWithoutTransaction { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA synchronous"),
        try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
      )
    }
    #expect(pragmas.0 == 2)
    #expect(pragmas.1 == "wal")
    #expect(pragmas.2 == true)
    let migrations = try temporary.sqlite.pool.read {
      try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations")
    }
    #expect(migrations == RecordsSchema.migrations.map(\.identifier))
  }

  @Test(arguments: RecordsEngineKind.all)
  func reopeningKeepsTheData(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    _ = try temporary.store.importMembers([draft("1001", name: "王建国")])
    let again = try temporary.another()
    #expect(try again.member(id: "1001")?.name == "王建国")
    try again.close()
  }

  @Test(arguments: RecordsEngineKind.all)
  func aNewerSchemaIsRefused(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let table = engine == .sqlite ? "grdb_migrations" : "course_menu_migrations"
    try temporary.store.engine.write { db in
      try db.execute(sql: "INSERT INTO \(table) (identifier) VALUES ('v99 from the future')")
    }
    let members = try temporary.store.members()
    #expect(
      throws: RecordsError.newerSchema(
        path: temporary.store.location, version: RecordsSchema.version + 1,
        known: RecordsSchema.version, unknown: ["v99 from the future"])
    ) {
      _ = try temporary.another()
    }
    // Refused before anything was written: the newer program's records are as they were.
    #expect(try temporary.store.members() == members)
  }

  @Test func anUnwritableLocationSaysSo() {
    #expect {
      _ = try RecordsStore(path: "/proc/course-menu-test/records.sqlite")
    } throws: { error in
      guard case .cannotOpen(let path, _) = error as? RecordsError else { return false }
      return path == "/proc/course-menu-test/records.sqlite"
    }
  }

  @Test func locationFollowsOptionEnvironmentAndXDG() {
    let home = ["HOME": "/home/a"]
    #expect(
      RecordsLocation.path(explicit: nil, environment: home)
        == "/home/a/.local/share/course-menu/records.sqlite")
    #expect(
      RecordsLocation.path(
        explicit: nil, environment: home.merging(["XDG_DATA_HOME": "/x/"]) { $1 })
        == "/x/course-menu/records.sqlite")
    #expect(
      RecordsLocation.path(
        explicit: nil, environment: home.merging(["XDG_DATA_HOME": "rel"]) { $1 })
        == "/home/a/.local/share/course-menu/records.sqlite")
    #expect(
      RecordsLocation.path(
        explicit: nil, environment: home.merging(["COURSE_MENU_DB": "/e.sqlite"]) { $1 })
        == "/e.sqlite")
    #expect(
      RecordsLocation.path(
        explicit: "/o.sqlite", environment: home.merging(["COURSE_MENU_DB": "/e.sqlite"]) { $1 })
        == "/o.sqlite")
  }

  // MARK: Members

  @Test(arguments: RecordsEngineKind.all)
  func importAddsUpdatesAndLeavesAlone(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let first = try store.importMembers([
      draft("1001", name: "王建国", pin: "1234"), draft("1002", name: "李秀英"),
    ])
    #expect(first == ImportOutcome(added: ["1001", "1002"]))
    let second = try store.importMembers([
      draft("1001", name: "王建国", pin: "1234"),
      draft("1002", name: "李秀英", role: .secretary),
      draft("1003", name: "张伟", domain: .community),
    ])
    #expect(second == ImportOutcome(added: ["1003"], updated: ["1002"], unchanged: ["1001"]))
    #expect(try store.members().map(\.id) == ["1001", "1002", "1003"])
    #expect(try store.member(id: "1002")?.role == .secretary)
    #expect(try store.member(id: "1001")?.hasPIN == true)
    #expect(try store.member(id: "1002")?.hasPIN == false)
    // No PIN in the file keeps the stored one.
    _ = try store.importMembers([draft("1001", name: "王建国")])
    #expect(
      try store.authenticate(member: "1001", pin: "1234") == .ok(try store.member(id: "1001")!))
    // A new PIN replaces it.
    #expect(try store.importMembers([draft("1001", name: "王建国", pin: "5678")]).updated == ["1001"])
    #expect(try store.authenticate(member: "1001", pin: "5678").isOK)
    #expect(try store.members(branch: "一支部").count == 3)
    #expect(try store.members(branch: "二支部").isEmpty)
  }

  @Test(arguments: RecordsEngineKind.all)
  func membersAreOrderedByNumber(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    _ = try temporary.store.importMembers([draft("10"), draft("9"), draft("100"), draft("11")])
    #expect(try temporary.store.members().map(\.id) == ["9", "10", "11", "100"])
  }

  @Test(arguments: RecordsEngineKind.all)
  func invalidDraftsAreRefusedBeforeWriting(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    #expect(throws: RecordsError.invalidMemberID("A1")) {
      _ = try temporary.store.importMembers([draft("1"), draft("A1")])
    }
    #expect(throws: RecordsError.invalidPIN) {
      _ = try temporary.store.importMembers([draft("1", pin: "12")])
    }
    #expect(try temporary.store.members().isEmpty)
  }

  @Test(arguments: RecordsEngineKind.all)
  func pinsAreSaltedPBKDF2NeverPlain(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    _ = try temporary.store.importMembers([draft("1", pin: "1234"), draft("2", pin: "1234")])
    let rows = try temporary.store.engine.read {
      try SQLRow.fetchAll($0, sql: "SELECT pin_key, pin_salt, pin_rounds FROM member ORDER BY id")
    }
    #expect(rows.map { $0["pin_rounds"] as Int } == [210_000, 210_000])
    #expect((rows[0]["pin_salt"] as Data).count == 16)
    #expect((rows[0]["pin_key"] as Data).count == 32)
    #expect(rows[0]["pin_salt"] as Data != rows[1]["pin_salt"] as Data)
    #expect(rows[0]["pin_key"] as Data != rows[1]["pin_key"] as Data)
    if engine == .sqlite {
      let bytes =
        try Data(contentsOf: URL(fileURLWithPath: temporary.path + "-wal"))
        + Data(contentsOf: URL(fileURLWithPath: temporary.path))
      #expect(bytes.range(of: Data("1234".utf8)) == nil)
    }
  }

  // MARK: PIN throttling (see LoginThrottle)

  @Test func theWaitsGrowToACapAndAHundredFailuresTakeADay() {
    #expect(
      (1...9).map { LoginThrottle.delay(afterFailures: $0) }
        == [nil, nil, 30, 60, 120, 240, 480, 900, 900])
    let total = (1..<LoginThrottle.lockFailures).compactMap(LoginThrottle.delay).reduce(0, +)
    #expect((23 * 3600...24 * 3600).contains(total), "\(total / 3600) hours")
  }

  /// The attack: five wrong PINs locked any member for 15 minutes. Now a few mistakes are
  /// free and then each attempt waits a little longer; the member is never shut out.
  @Test(arguments: RecordsEngineKind.all)
  func wrongPINsCostGrowingWaitsNotALockout(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let clock = temporary.clock
    _ = try store.importMembers([draft("1001", pin: "2468")])
    #expect(
      try store.authenticate(member: "1001", pin: "1111")
        == .refused(freeAttemptsLeft: 2, retryAt: nil))
    #expect(
      try store.authenticate(member: "1001", pin: "1111")
        == .refused(freeAttemptsLeft: 1, retryAt: nil))
    let firstWait = clock.now.addingTimeInterval(30)
    #expect(
      try store.authenticate(member: "1001", pin: "1111")
        == .refused(freeAttemptsLeft: 0, retryAt: firstWait))
    // During the wait even the right PIN is not checked, and the wait does not grow.
    #expect(try store.authenticate(member: "1001", pin: "2468") == .mustWait(until: firstWait))
    #expect(
      try store.member(id: "1001")?.throttle == LoginThrottle(failures: 3, nextAttempt: firstWait))
    clock.advance(by: 30)
    #expect(
      try store.authenticate(member: "1001", pin: "5555")
        == .refused(freeAttemptsLeft: 0, retryAt: clock.now.addingTimeInterval(60)))
    clock.advance(by: 60)
    #expect(try store.authenticate(member: "1001", pin: "2468").isOK)
    #expect(try store.member(id: "1001")?.throttle == LoginThrottle())
    #expect(
      try store.authenticate(member: "1001", pin: "0000")
        == .refused(freeAttemptsLeft: 2, retryAt: nil))
    // Not digits, too short: still a wrong attempt.
    #expect(
      try store.authenticate(member: "1001", pin: "ab")
        == .refused(freeAttemptsLeft: 1, retryAt: nil))
  }

  @Test(arguments: RecordsEngineKind.all)
  func aHundredFailuresInARowNeedAnAdministrator(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1001", pin: "2468")])
    for _ in 0..<(LoginThrottle.lockFailures - 1) {
      _ = try store.authenticate(member: "1001", pin: "0000")
      temporary.clock.advance(by: LoginThrottle.maximumDelay)
    }
    #expect(try store.authenticate(member: "1001", pin: "0000") == .locked)
    temporary.clock.advance(by: 7 * 24 * 3600)
    #expect(try store.authenticate(member: "1001", pin: "2468") == .locked)
    #expect(try store.unlock(memberID: "1001").failures == LoginThrottle.lockFailures)
    #expect(try store.authenticate(member: "1001", pin: "2468").isOK)
  }

  /// "没有编号为 X 的党员" told a stranger which numbers exist. A number nobody has, a member
  /// without a PIN and a wrong PIN now get the same answers, counted the same way, after the
  /// same slow key derivation.
  @Test(arguments: RecordsEngineKind.all)
  func unknownNumbersAndMembersWithoutAPINAreAnsweredLikeAWrongPIN(_ engine: RecordsEngineKind)
    throws
  {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1001"), draft("1002", pin: "2468")])
    func answers(_ number: String) throws -> [AuthenticationResult] {
      try (0..<4).map { _ in try store.authenticate(member: number, pin: "1357") }
    }
    let wrongPIN = try answers("1002")
    #expect(try answers("9999") == wrongPIN)
    #expect(try answers("1001") == wrongPIN)
    // Not a number at all (the login screen sends only digits): refused, counted nowhere.
    #expect(
      try store.authenticate(member: "x'; --", pin: "1234")
        == .refused(freeAttemptsLeft: LoginThrottle.freeFailures, retryAt: nil))
    // A stranger's failures on a number nobody has are counted, and can be cleared.
    #expect(try store.unlock(memberID: "9999").failures == 3)
    #expect(throws: RecordsError.unknownMember("9998")) { try store.unlock(memberID: "9998") }
  }

  @Test(arguments: RecordsEngineKind.all)
  func anUnknownNumberTakesAsLongAsAWrongPIN(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1002", pin: "2468")])
    func median(_ number: String) throws -> Double {
      var times: [Double] = []
      for _ in 0..<5 {
        let started = Date()
        _ = try store.authenticate(member: number, pin: "1357")
        times.append(Date().timeIntervalSince(started))
        _ = try store.unlock(memberID: number)
      }
      return times.sorted()[2]
    }
    let known = try median("1002")
    let unknown = try median("9999")
    #expect(unknown > known * 0.5 && unknown < known * 2, "known \(known) s, unknown \(unknown) s")
  }

  @Test(arguments: RecordsEngineKind.all)
  func theCountIsSharedByEveryStoreOnTheFile(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    _ = try temporary.store.importMembers([draft("1001", pin: "2468")])
    let clock = temporary.clock
    let other = try temporary.another()
    defer { try? other.close() }
    _ = try temporary.store.authenticate(member: "1001", pin: "0000")
    _ = try other.authenticate(member: "1001", pin: "0000")
    guard case .refused(0, _?) = try temporary.store.authenticate(member: "1001", pin: "0000")
    else {
      Issue.record("no wait after 3 wrong PINs in two sessions")
      return
    }
    guard case .mustWait = try other.authenticate(member: "1001", pin: "2468") else {
      Issue.record("the other session does not wait")
      return
    }
  }

  @Test(arguments: RecordsEngineKind.all)
  func parallelAttemptsAreCountedExactly(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    _ = try temporary.store.importMembers([draft("1001", pin: "2468")])
    let answers = Outcomes<AuthenticationResult>()
    let store = temporary.store
    DispatchQueue.concurrentPerform(iterations: 12) { _ in
      answers.append(Result { try store.authenticate(member: "1001", pin: "0000") })
    }
    let results = try answers.all.map { try $0.get() }
    #expect(results.filter { if case .refused = $0 { true } else { false } }.count == 3)
    #expect(results.filter { if case .mustWait = $0 { true } else { false } }.count == 9)
    #expect(try store.member(id: "1001")?.throttle.failures == 3)
  }

  @Test(arguments: RecordsEngineKind.all)
  func setPINAndUnlockClearTheCount(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1001", pin: "2468"), draft("1002", pin: "1357")])
    for _ in 0..<5 {
      _ = try store.authenticate(member: "1001", pin: "0000")
      _ = try store.authenticate(member: "1002", pin: "0000")
    }
    #expect(try store.unlock(memberID: "1001").failures == 3)
    #expect(try store.authenticate(member: "1001", pin: "2468").isOK)
    #expect(try store.unlock(memberID: "1001").failures == 0)
    try store.setPIN("97531", for: "1002")
    #expect(try store.authenticate(member: "1002", pin: "97531").isOK)
    #expect(
      try store.authenticate(member: "1002", pin: "1357")
        == .refused(freeAttemptsLeft: 2, retryAt: nil))
    #expect(throws: RecordsError.invalidPIN) { try store.setPIN("12a4", for: "1002") }
    #expect(throws: RecordsError.unknownMember("7")) { try store.setPIN("1234", for: "7") }
    #expect(throws: RecordsError.unknownMember("7")) { try store.unlock(memberID: "7") }
  }

  // MARK: Selections

  @Test(arguments: RecordsEngineKind.all)
  func selectAndDrop(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1001"), draft("1002")])
    let elective = course("farm-a")
    let required = course("ideals-b", kind: .required)
    #expect(try store.select(course: elective, for: "1001"))
    temporary.clock.advance(by: 1)
    #expect(try !store.select(course: elective, for: "1001"))
    #expect(try store.select(course: required, for: "1001"))
    #expect(try store.selections(of: "1001").map(\.courseID) == ["farm-a", "ideals-b"])
    #expect(try store.selections(of: "1002").isEmpty)
    #expect(throws: RecordsError.requiredCourse(id: "ideals-b", title: "课程ideals-b")) {
      try store.drop(course: required, for: "1001")
    }
    #expect(try store.drop(course: elective, for: "1001"))
    #expect(try !store.drop(course: elective, for: "1001"))
    #expect(try store.selections(of: "1001").map(\.courseID) == ["ideals-b"])
    #expect(throws: RecordsError.unknownMember("9")) {
      try store.select(course: elective, for: "9")
    }
    let selectedAt = try #require(try store.selections(of: "1001").first?.selectedAt)
    #expect(abs(selectedAt.timeIntervalSince(temporary.clock.now)) < 0.01)
  }

  // MARK: Credits

  /// Nobody attends before joining the Party (review 1, finding 5: a typo 1026 for 2026 was
  /// credited): every member who joined after the day is named, and nothing is written,
  /// make-ups included; the joining day itself may be credited.
  @Test(arguments: RecordsEngineKind.all)
  func aDayBeforeAMemberJoinedIsRefusedForEveryone(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([
      draft("1001", name: "老党员", joined: "2015-03-01"),
      draft("1002", name: "新党员", joined: "2026-02-01"),
      draft("1003", name: "预备", joined: "2026-06-01"),
    ])
    let c = course("c")
    #expect(
      throws: RecordsError.creditBeforeJoining(
        date: day("2026-01-31"),
        members: [
          MemberJoining(memberID: "1002", name: "新党员", joined: day("2026-02-01")),
          MemberJoining(memberID: "1003", name: "预备", joined: day("2026-06-01")),
        ])
    ) {
      _ = try store.credit(
        course: c, date: day("2026-01-31"), rules: testRules,
        memberIDs: ["1001", "1002", "1003"], source: "s", reason: "补学")
    }
    #expect(
      RecordsError.creditBeforeJoining(
        date: day("1026-04-10"),
        members: [MemberJoining(memberID: "1001", name: "老党员", joined: day("2015-03-01"))]
      ).message == "以下党员在 1026-04-10 还没有入党，不能登记这一天的学时（请核对日期）：1001 老党员（2015-03-01 入党）")
    #expect(try store.credits(of: "1001").isEmpty)
    #expect(try store.auditEntries().isEmpty)
    let outcome = try store.credit(
      course: c, date: day("2026-02-01"), rules: testRules, memberIDs: ["1001", "1002"],
      source: "s")
    #expect(outcome.credited == ["1001", "1002"])
  }

  @Test(arguments: RecordsEngineKind.all)
  func creditingIsIdempotentAndAllOrNothing(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1001"), draft("1002"), draft("1003")])
    let school = course("school", hours: 8, form: .concentrated)
    let first = try store.credit(
      course: school, date: day("2026-12-05"), rules: testRules,
      memberIDs: ["1001", "1002", "1001"],
      source: "考勤登记 2026-12-05", recordedBy: "admin")
    #expect(first == CreditOutcome(credited: ["1001", "1002"]))
    let again = try store.credit(
      course: school, date: day("2026-12-05"), rules: testRules, memberIDs: ["1002", "1003"],
      source: "again")
    #expect(again == CreditOutcome(credited: ["1003"], alreadyCredited: ["1002"]))
    #expect(throws: RecordsError.unknownMembers(["77", "78"])) {
      _ = try store.credit(
        course: school, date: day("2026-12-06"), rules: testRules, memberIDs: ["1001", "77", "78"],
        source: "x")
    }
    let count = try store.engine.read {
      try Int.fetchOne($0, sql: "SELECT count(*) FROM credit")
    }
    #expect(count == 3)
    let credits = try store.credits(of: "1002")
    #expect(credits.count == 1)
    #expect(credits[0].source == "考勤登记 2026-12-05")
    #expect(credits[0].recordedBy == "admin")
    #expect(credits[0].hours == StudyHours(8))
    #expect(credits[0].form == .concentrated)
    #expect(credits[0].courseTitle == "课程school")
    #expect(
      credits[0].recordedAt.map { abs($0.timeIntervalSince(temporary.clock.now)) < 0.01 } == true)
    // Another day of the same course is another credit.
    _ = try store.credit(
      course: school, date: day("2026-12-06"), rules: testRules, memberIDs: ["1002"], source: "x")
    #expect(try store.credits(of: "1002").map(\.date.description) == ["2026-12-05", "2026-12-06"])
  }

  @Test(arguments: RecordsEngineKind.all)
  func creditsKeepTheCourseAsItWas(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    _ = try temporary.store.importMembers([draft("1")])
    _ = try temporary.store.credit(
      course: course("c", hours: 3), date: day("2026-01-01"), rules: testRules, memberIDs: ["1"],
      source: "s")
    _ = try temporary.store.credit(
      course: course("c", hours: 5), date: day("2026-01-01"), rules: testRules, memberIDs: ["1"],
      source: "t")
    #expect(try temporary.store.credits(of: "1").map(\.hours) == [StudyHours(3)])
  }

  @Test(arguments: RecordsEngineKind.all)
  func creditsByTrainingYearAndProgress(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let rules = try ShippedRules.load().rules
    _ = try store.importMembers([draft("1", role: .secretary)])
    for (date, hours, form) in [
      ("2025-12-31", 10, CourseForm.remote), ("2026-01-01", 30, .remote),
      ("2026-06-01", 24, .onsite), ("2027-01-01", 4, .concentrated),
    ] {
      _ = try store.credit(
        course: course("c\(date)", hours: hours, form: form), date: day(date), rules: testRules,
        memberIDs: ["1"],
        source: "s")
    }
    let year = rules.trainingYear(2026)
    #expect(
      try store.credits(of: "1", year: year).map(\.date.description) == [
        "2026-01-01", "2026-06-01",
      ])
    #expect(try store.credits(of: "1").count == 4)
    let progress = try store.progress(of: "1", year: year, rules: rules)
    #expect(progress.creditedHours == StudyHours(54))
    #expect(progress.target == StudyHours(56))
    #expect(
      progress.missingSummary == "基层党组织书记和班子成员年度集中学习培训：还需 2 学时（不计自学），还需参加 1 次集中培训")
    #expect(throws: RecordsError.unknownMember("2")) {
      _ = try store.progress(of: "2", year: year, rules: rules)
    }
  }

  @Test(arguments: RecordsEngineKind.all)
  func membersWithCreditsForReports(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([
      draft("1", branch: "甲"), draft("2", branch: "乙"), draft("3", branch: "甲"),
    ])
    _ = try store.credit(
      course: course("a"), date: day("2026-02-01"), rules: testRules, memberIDs: ["1", "2"],
      source: "s")
    _ = try store.credit(
      course: course("b"), date: day("2026-03-01"), rules: testRules, memberIDs: ["1"], source: "s")
    let all = try store.membersWithCredits()
    #expect(all.map(\.member.id) == ["1", "2", "3"])
    #expect(all.map(\.credits.count) == [2, 1, 0])
    #expect(try store.membersWithCredits(branch: "甲").map(\.member.id) == ["1", "3"])
  }

  @Test func timestampsRoundTrip() {
    for seconds in [0.0, 1_795_000_000.25, 1_795_086_399.999, -86_400.5] {
      let date = Date(timeIntervalSince1970: seconds)
      let text = Timestamp.string(from: date)
      let back = Timestamp.date(from: text)
      #expect(back.map { abs($0.timeIntervalSince(date)) < 0.001 } == true, "\(text)")
    }
    #expect(
      Timestamp.string(from: Date(timeIntervalSince1970: 1_795_000_000.25))
        == "2026-11-18T11:06:40.250Z")
  }
}

extension AuthenticationResult {
  var isOK: Bool {
    if case .ok = self { true } else { false }
  }
}
