import Catalog

/// 近期安排, second step: the sessions starting in the coming days at one place (or all), by
/// date, with the seats left (已满 when none), and a mark on the member's own. The seats are
/// read when the screen opens; choosing a session shows it with 报名 or 取消报名.
struct UpcomingSessionsScreen: Screen {
  /// Nil: every place.
  let place: String?
  let first: LocalDate
  let last: LocalDate
  let sessions: [SessionKey]
  /// Nil until read.
  private(set) var seats: Seats?
  private(set) var list: NumberedList

  init(place: String?, first: LocalDate, last: LocalDate, catalog: Catalog) {
    self.place = place
    self.first = first
    self.last = last
    sessions = catalog.sessions(startingIn: first...last).filter {
      place == nil || $0.session.place == place
    }.map { SessionKey(course: $0.course, session: $0.session) }
    list = NumberedList(count: sessions.count)
  }

  mutating func take(_ seats: Seats) { self.seats = seats }

  /// What the seats column says for a session: 已报名, 已满, 剩 N, 不限 (… until read).
  static func seatsText(_ key: SessionKey, capacity: Int?, seats: Seats?) -> String {
    guard let seats else { return KioskText.unknownSeats }
    if seats.mine.contains(key) { return KioskText.mine }
    guard let capacity else { return KioskText.unlimited }
    let left = capacity - (seats.taken[key] ?? 0)
    return left > 0 ? KioskText.seatsLeft(left) : KioskText.full
  }

  /// The request that reads the seats, for the member logged in.
  func request(memberID: String) -> RecordsRequest {
    .station(.seats(memberID: memberID, first: first, last: last))
  }

  private var table: NumberedTable { NumberedTable(list: list, firstItemRow: 1) }

  func heading(_ context: ScreenContext) -> String { KioskText.sessionsHeading(place) }

  func position(_ context: ScreenContext) -> String? { list.position }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list, back: ScreenText.keyBack)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    let (sessions, seats, first, last) = (sessions, seats, first, last)
    return list.navigation(for: command) { index in
      .push(.signUp(SignUpScreen(session: sessions[index], seats: seats, first: first, last: last)))
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    let columns = Columns(
      [.fixed(10), .flexible, .fixed(12), .fixed(6)], total: area.width - NumberedTable.prefixWidth)
    table.draw(
      into: &grid, area: area, header: columns.row(KioskText.sessionsColumns, ellipsis: ellipsis),
      glyphs: context.glyphs
    ) { index in
      let key = sessions[index]
      let course = context.catalog.course(id: key.courseID)
      let capacity = course?.sessions.first { $0.date == key.date && $0.place == key.place }?
        .capacity
      return columns.row(
        [
          KioskText.shortDay(key.date), course?.title ?? key.courseID, key.place,
          Self.seatsText(key, capacity: capacity, seats: seats),
        ], ellipsis: ellipsis)
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table.command(forClickAt: x, row: row)
  }
}
