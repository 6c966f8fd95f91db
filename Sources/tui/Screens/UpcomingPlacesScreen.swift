import Catalog

/// 近期安排, first step: the places where sessions start in the coming days, with how many
/// (the kiosk's own place first), and 全部地点; choosing one lists its sessions.
struct UpcomingPlacesScreen: Screen {
  /// How far ahead 近期安排 looks.
  static let days = 30

  let first: LocalDate
  let last: LocalDate
  /// A place (nil for 全部地点) and its number of sessions.
  struct Place: Hashable, Sendable {
    var place: String?
    var count: Int
  }

  /// 全部地点, then each place.
  let places: [Place]
  private(set) var list: NumberedList

  init(_ context: ScreenContext) {
    first = context.today
    last = context.today.adding(days: Self.days)
    let sessions = context.catalog.sessions(startingIn: first...last)
    var counts: [String: Int] = [:]
    for (_, session) in sessions { counts[session.place, default: 0] += 1 }
    let own = context.kiosk?.station.map { [$0.place ?? $0.name] } ?? []
    let ordered = counts.keys.sorted {
      (own.contains($0) ? 0 : 1, $0) < (own.contains($1) ? 0 : 1, $1)
    }
    places =
      sessions.isEmpty
      ? []
      : [Place(place: nil, count: sessions.count)]
        + ordered.map { Place(place: $0, count: counts[$0] ?? 0) }
    list = NumberedList(count: places.count)
  }

  /// The prompt, blank, then the places.
  private var table: NumberedTable { NumberedTable(list: list, firstItemRow: 2) }

  func heading(_ context: ScreenContext) -> String { KioskText.placesHeading(days: Self.days) }

  func position(_ context: ScreenContext) -> String? { list.position }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list, back: ScreenText.keyBack)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    let places = places
    let (first, last) = (first, last)
    return list.navigation(for: command) { index in
      .push(
        .upcomingSessions(
          UpcomingSessionsScreen(
            place: places[index].place, first: first, last: last, catalog: context.catalog)))
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    guard !places.isEmpty else {
      grid.write(KioskText.noUpcoming, x: area.x, y: area.y, width: area.width)
      return
    }
    grid.write(
      KioskText.placesPrompt, x: area.x, y: area.y, width: area.width, style: .emphasis)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { index in
      KioskText.placeRow(places[index].place ?? KioskText.allPlaces, count: places[index].count)
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table.command(forClickAt: x, row: row)
  }
}
