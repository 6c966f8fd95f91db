import Catalog
import Foundation

@testable import tui

/// The member screens' fixtures: the test catalog with two hour requirements, members and
/// sessions written out in code (for render tests), and a records store in a temporary file
/// driven through the real app loop (for flows).
enum MemberFixtures {
  static let here = Fixtures.here

  /// Every form but self-study counts, as in the shipped rules.
  static let organisedForms = CourseForm.allCases.filter { $0 != .selfstudy }

  static let rules = Rules(
    requirements: [
      Requirement(
        id: "member-annual", title: "党员年度集中学习培训", minHours: StudyHours(32),
        forms: organisedForms, source: "全国规划四（四）", location: here),
      Requirement(
        id: "leader-annual", title: "书记和班子成员年度集中学习培训", roles: [.secretary, .committee],
        minHours: StudyHours(56), minConcentrated: 1, forms: organisedForms, location: here),
    ], path: "rules.toml")

  /// `Fixtures.catalog()` with `rules`.
  static let catalog: Catalog = {
    let base = Fixtures.catalog()
    return Catalog(
      title: base.title, issuer: base.issuer, year: base.year, categories: base.categories,
      courses: base.courses, rules: rules)
  }()

  static let member = Member(
    id: "2001", name: "王建国", branch: "红旗村党支部", domain: .rural, role: .member,
    joined: LocalDate(year: 2012, month: 7, day: 1), hasPIN: true)

  static func day(_ month: Int, _ day: Int) -> LocalDate {
    LocalDate(year: 2026, month: month, day: day)
  }

  static func credit(_ courseID: String, _ date: LocalDate, source: String) -> Credit {
    Credit(course: catalog.course(id: courseID)!, date: date, source: source)
  }

  /// Two selections (one of them credited) and three credits, one of them last year.
  static let records = MemberRecords(
    member: member,
    selections: [
      SelectedCourse(courseID: "farm-winter", day: day(1, 2)),
      SelectedCourse(courseID: "farm-2", day: day(2, 20)),
    ],
    credits: [
      Credit(
        course: catalog.course(id: "ideals-oath")!, date: LocalDate(year: 2025, month: 7, day: 1),
        source: "考勤登记 2025-07-01"),
      credit("farm-winter", day(1, 6), source: "考勤登记 2026-01-06"),
      credit("ideals-history", day(2, 10), source: "批量导入 二月.csv"),
    ])

  /// A branch secretary: the members' 32 hours met, the secretaries' 56 not yet.
  static let secretaryRecords = MemberRecords(
    member: Member(
      id: "2002", name: "李秀英", branch: "红旗村党支部", domain: .rural, role: .secretary,
      joined: LocalDate(year: 2003, month: 6, day: 15), hasPIN: true),
    selections: [],
    credits: [
      credit("farm-winter", day(1, 6), source: "考勤登记 2026-01-06"),
      credit("farm-winter", day(2, 15), source: "考勤登记 2026-02-15"),
    ])

  static func session(_ records: MemberRecords = records) -> MemberSession {
    MemberSession(records: records, catalog: catalog, today: Fixtures.today)
  }

  /// The digit of a member's main-menu item, so tests follow the menu as items are added.
  static func digit(_ item: MainMenuScreen.Item) -> String {
    String((MainMenuScreen(mode: .member).items.firstIndex(of: item) ?? 98) + 1)
  }

  static var myCourses: String { digit(.myCourses) }
  static var myHours: String { digit(.myHours) }

  /// The app as the program starts it: the start screen first.
  static func state(
    width: Int = 80, height: Int = 24, glyphs: Glyphs = .unicode, demo: Bool = false,
    catalog: Catalog = catalog, idleTimeout: Int = 0, today: LocalDate = Fixtures.today
  ) -> AppState {
    AppState(
      catalog: catalog, today: today, size: Size(width: width, height: height),
      glyphs: glyphs,
      start: StartScreen(demoMembers: demo ? DemoData.members(today: Fixtures.today) : []),
      idleTimer: IdleTimer(seconds: idleTimeout))
  }

  /// Logged in as `records`' member without a store, on the main menu, at uptime 0.
  static func loggedIn(
    _ records: MemberRecords = records, glyphs: Glyphs = .unicode, catalog: Catalog = catalog,
    idleTimeout: Int = 0, today: LocalDate = Fixtures.today
  ) -> AppState {
    var state = self.state(
      glyphs: glyphs, catalog: catalog, idleTimeout: idleTimeout, today: today
    )
    .pressing("1").state
    for character in records.member.id { state = state.pressing(.character(character)) }
    state = state.pressing(.enter)
    state = state.pressing("1234").state
    state = update(state, .key(.enter)).0
    return state.answering(.loggedIn(records))
  }
}

extension AppState {
  /// The state after the records answered the oldest call still awaited with `reply`.
  func answering(_ reply: RecordsReply) -> AppState {
    update(self, .records(RecordsAnswer(serial: records.awaited.keys.min() ?? 0, reply: reply))).0
  }
}

extension [Effect] {
  /// The records requests among the effects, without their serials.
  var requests: [RecordsRequest] {
    compactMap { effect in
      guard case .records(let call) = effect else { return nil }
      return call.request
    }
  }
}

/// A records store in a new temporary file with two members (PINs 1234 and 5678), removed by
/// `remove()`.
final class TemporaryRecords {
  let directory: URL
  let path: String
  let store: RecordsStore

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("course-menu-ui-test-\(UUID().uuidString)")
    path = directory.appendingPathComponent("records.sqlite").path
    store = try RecordsStore(path: path)
    _ = try store.importMembers([
      MemberDraft(
        id: "2001", name: "王建国", branch: "红旗村党支部", domain: .rural, role: .member,
        joined: LocalDate(year: 2012, month: 7, day: 1), pin: "1234"),
      MemberDraft(
        id: "2002", name: "李秀英", branch: "红旗村党支部", domain: .rural, role: .secretary,
        joined: LocalDate(year: 2003, month: 6, day: 15), pin: "5678"),
    ])
  }

  func remove() {
    try? store.close()
    try? FileManager.default.removeItem(at: directory)
  }

  /// Carries out requests on this store, as the program does.
  func runner() -> RecordsRunner { RecordsRunner(store: store, catalog: MemberFixtures.catalog) }

  /// Runs the app loop from `state` over `events` (then a hang-up ends it), with this store,
  /// its records calls on a worker as in the program.
  func run(_ state: AppState, _ events: [Event]) -> (state: AppState, frames: [Grid]) {
    AppLoop.running(state, events, runner: runner())
  }
}

extension Event {
  /// One key event per character.
  static func typing(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

  static let enter = Event.key(.enter)

  /// Logging in from the start screen: 1, the number, Enter, the PIN, Enter.
  static func logIn(_ id: String, pin: String) -> [Event] {
    typing("1") + typing(id) + [enter] + typing(pin) + [enter]
  }
}
