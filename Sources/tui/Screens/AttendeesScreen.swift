import Catalog

/// Who signed in at the open sign-in, by time: number, name, time, and a removed name's
/// reason. Choosing a name (not removed yet) leads to taking it off the list with a reason.
/// The list is read when the screen opens and again after a removal.
struct AttendeesScreen: Screen {
  let showing: Showing
  /// Nil until read.
  private(set) var attendees: [Attendee]?
  private(set) var list = NumberedList(count: 0)

  init(showing: Showing) {
    self.showing = showing
  }

  /// Takes the list as read (the screen of another sign-in ignores it).
  mutating func take(_ attendees: [Attendee], showingID: Int64) {
    guard showingID == showing.id else { return }
    self.attendees = attendees
    list = NumberedList(count: attendees.count, cursor: list.cursor)
  }

  /// The hint, blank, then the items under a column header.
  private var table: NumberedTable { NumberedTable(list: list, firstItemRow: 3) }

  func heading(_ context: ScreenContext) -> String {
    KioskText.attendeesHeading(showing.courseTitle)
  }

  func position(_ context: ScreenContext) -> String? { list.position }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list, back: ScreenText.keyBack)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    let attendees = attendees ?? []
    return list.navigation(for: command) { index in
      let attendee = attendees[index]
      guard attendee.removal == nil else { return .refuse(KioskText.alreadyRemoved) }
      return .push(.removalReason(RemovalReasonScreen(attendee: attendee)))
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    guard let attendees else {
      grid.write(KioskText.reading, x: area.x, y: area.y, width: area.width, style: .notice)
      return
    }
    guard !attendees.isEmpty else {
      grid.write(KioskText.nobodyYet, x: area.x, y: area.y, width: area.width)
      return
    }
    grid.write(KioskText.attendeesHint, x: area.x, y: area.y, width: area.width, ellipsis: ellipsis)
    let columns = Columns(
      [.fixed(8), .fixed(10), .fixed(8), .flexible], total: area.width - NumberedTable.prefixWidth)
    table.draw(
      into: &grid, area: area, header: columns.row(KioskText.attendeesColumns, ellipsis: ellipsis),
      glyphs: context.glyphs
    ) { index in
      let attendee = attendees[index]
      return columns.row(
        [
          attendee.member.id, attendee.member.name, LocalTime(attendee.signedAt).clockText,
          attendee.removal.map { KioskText.removedMark($0.reason) } ?? "",
        ], ellipsis: ellipsis)
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table.command(forClickAt: x, row: row)
  }
}
