import Catalog

/// Everything the UI shows, as one value: `update` makes the next one, `render` draws it.
struct AppState: Sendable {
  /// Below this the frame cannot show a page of nine items with its heading and keys:
  /// 60 columns fit the course list columns with a readable title, 16 rows fit nine items,
  /// their column header, the title bar, heading, two rules and the key line.
  static let minimumSize = Size(width: 60, height: 16)

  let catalog: Catalog
  /// Built on the first search, not at start (see `SearchIndexCache`).
  let searchIndex: SearchIndexCache
  /// The time as of the latest event (set by `advanced(to:)` alone).
  var now: Moment
  var size: Size
  var glyphs: Glyphs
  /// A standing one-line notice, such as why the frame is ASCII.
  var notice: String?
  /// A message after a key that did nothing; the next key clears it.
  var message: String?
  /// The screens the member went through; the last is shown. Never empty.
  private(set) var stack: [AppScreen]
  /// The member logged in; nil for a guest. Cleared on the way back to the start screen.
  var session: MemberSession?
  /// Logs an idle member out; nil when nobody is (`--idle-timeout 0`).
  var idleTimer: IdleTimer?
  /// The records calls on their way.
  var records = RecordsTraffic()
  /// Set when the program keeps a session row (self-study over SSH); nil at a kiosk.
  var sessionPolicy: SessionPolicy?
  /// A line to print once the terminal is restored: why the program ended, when it ended by
  /// itself (idle, or a login elsewhere).
  var farewell: String?
  /// Set in kiosk mode: the station this terminal stands at, as last read.
  var kiosk: KioskState?

  /// With a `start` screen (the program keeps records) the member logs in or goes on as a
  /// guest from there; without one the main menu comes first and nobody logs in.
  /// Time starts at uptime 0 on `today`, with no midnight in sight until a moment says when.
  init(
    catalog: Catalog, today: LocalDate, size: Size, glyphs: Glyphs = .unicode,
    notice: String? = nil, start: StartScreen? = nil, idleTimer: IdleTimer? = nil,
    kiosk: KioskState? = nil
  ) {
    self.catalog = catalog
    searchIndex = SearchIndexCache(catalog: catalog)
    now = Moment(uptime: 0, today: today, secondsToMidnight: .infinity)
    self.idleTimer = idleTimer
    self.size = size
    self.glyphs = glyphs
    self.notice = notice
    self.kiosk = kiosk
    stack = [
      kiosk.map { _ in .kioskStart(KioskStartScreen()) } ?? start.map(AppScreen.start)
        ?? .mainMenu(MainMenuScreen())
    ]
  }

  var top: AppScreen { stack[stack.count - 1] }

  /// Shown in the title bar; follows the wall clock.
  var today: LocalDate { now.today }

  var isTooSmall: Bool {
    size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
  }

  var layout: FrameLayout { FrameLayout(size: size) }

  var context: ScreenContext {
    let body = layout.body
    return ScreenContext(
      catalog: catalog, glyphs: glyphs, body: Size(width: body.width, height: body.height),
      searchIndex: searchIndex, member: session, recordsBusy: recordsBusy, kiosk: kiosk,
      today: today)
  }

  mutating func push(_ screen: AppScreen) { stack.append(screen) }

  /// Leaves the shown screen; false when it is the first screen, which has nothing under it.
  /// Back on the start screen, the member (or the kiosk's administrator) is logged out.
  mutating func pop() -> Bool {
    guard stack.count > 1 else { return false }
    stack.removeLast()
    if top.isStart { logOut() }
    return true
  }

  mutating func replaceTop(_ screen: AppScreen) { stack[stack.count - 1] = screen }

  /// Takes a screen out from under others, so that going back passes it by; never the first.
  mutating func removeScreen(at index: Int) {
    guard index > 0, stack.indices.contains(index) else { return }
    stack.remove(at: index)
  }

  /// Nothing but `screen` from now on, logged out: nothing underneath to go back to.
  mutating func replaceAll(with screen: AppScreen) {
    stack = [screen]
    session = nil
  }

  /// Back to the first screen, logged out.
  mutating func returnToFirstScreen() {
    stack.removeLast(stack.count - 1)
    logOut()
  }

  /// Nobody is logged in any more, member or administrator; a kiosk's first screen starts
  /// afresh for the next person.
  private mutating func logOut() {
    session = nil
    kiosk?.administrator = nil
    if case .kioskStart = stack[0] { stack[0] = .kioskStart(KioskStartScreen()) }
  }

  /// Takes the screens that match out from under the top (never the first screen), for a
  /// screen whose business is done while the member looks at another.
  mutating func removeScreens(where matches: (AppScreen) -> Bool) {
    stack = [stack[0]] + stack.dropFirst().filter { !matches($0) }
  }

  /// Changes every screen on the stack in place.
  mutating func updateScreens(_ change: (inout AppScreen) -> Void) {
    for index in stack.indices { change(&stack[index]) }
  }

  /// Opens the search screen on top, building the search index if this is the first search.
  mutating func openSearch() {
    if case .search = top { return }
    push(.search(SearchScreen(index: searchIndex.index)))
  }
}

/// Where the frame puts things: title bar, heading, rules, body, key line.
struct FrameLayout: Hashable, Sendable {
  let size: Size

  let titleRow = 0
  let headingRow = 1
  let upperRuleRow = 2
  var lowerRuleRow: Int { size.height - 2 }
  var keyRow: Int { size.height - 1 }

  /// The screen's own room: between the rules, one column in from each side.
  var body: Rect {
    Rect(x: 1, y: 3, width: max(0, size.width - 2), height: max(0, size.height - 5))
  }
}
