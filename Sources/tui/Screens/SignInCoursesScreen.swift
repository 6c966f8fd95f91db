import Catalog

/// What an administrator opens a sign-in for: first today's sessions at this station (the
/// first day of a session, as the credit rules ask), then every course as a broadcast watched
/// together (集中收看), remote-education courses first.
struct SignInCoursesScreen: Screen {
  enum Entry: Hashable, Sendable {
    case session(courseID: String, CourseSession)
    case broadcast(courseID: String)

    var courseID: String {
      switch self {
      case .session(let id, _), .broadcast(let id): id
      }
    }

    var isBroadcast: Bool {
      if case .broadcast = self { return true }
      return false
    }
  }

  let today: LocalDate
  let entries: [Entry]
  let sessionCount: Int
  private(set) var list: NumberedList

  init(_ context: ScreenContext) {
    today = context.today
    let station = context.kiosk?.station
    let sessions = context.catalog.sessions(startingIn: today...today).filter {
      station?.hosts($0.session) ?? false
    }
    // A course meeting here today is opened as its session, not as a broadcast.
    let scheduled = Set(sessions.map(\.course.id))
    let courses = context.catalog.courses.filter { !scheduled.contains($0.id) }
    let broadcasts = courses.filter { $0.form == .remote } + courses.filter { $0.form != .remote }
    entries =
      sessions.map { .session(courseID: $0.course.id, $0.session) }
      + broadcasts.map { .broadcast(courseID: $0.id) }
    sessionCount = sessions.count
    list = NumberedList(count: entries.count)
  }

  /// Today's line, the broadcasts' line, blank, then the items under a column header.
  private var table: NumberedTable { NumberedTable(list: list, firstItemRow: 3) }

  func heading(_ context: ScreenContext) -> String { KioskText.coursesHeading }

  func position(_ context: ScreenContext) -> String? { list.position }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list, back: ScreenText.keyBack)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    let entries = entries
    return list.navigation(for: command) { index in
      let entry = entries[index]
      guard let course = context.catalog.course(id: entry.courseID) else { return .stay }
      return .push(
        .adminConfirm(AdminConfirmScreen(action: .open(course, broadcast: entry.isBroadcast))))
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    grid.write(
      sessionCount > 0 ? KioskText.todaySessions(today) : KioskText.noSessionsToday, x: area.x,
      y: area.y, width: area.width, ellipsis: ellipsis)
    grid.write(KioskText.broadcastCourses, x: area.x, y: area.y + 1, width: area.width)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { index in
      let entry = entries[index]
      guard let course = context.catalog.course(id: entry.courseID) else { return entry.courseID }
      switch entry {
      case .session(_, let session): return KioskText.sessionRow(course, session)
      case .broadcast: return KioskText.broadcastRow(course)
      }
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table.command(forClickAt: x, row: row)
  }
}
