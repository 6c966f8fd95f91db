import Catalog

/// Why a name comes off a sign-in's list, chosen from a few reasons (a kiosk has no Chinese
/// input method, so nothing is typed); then the removal is confirmed.
struct RemovalReasonScreen: Screen {
  let attendee: Attendee
  private(set) var list = NumberedList(count: KioskText.reasons.count)

  init(attendee: Attendee) {
    self.attendee = attendee
  }

  /// The member's line, blank, then the reasons.
  private var table: NumberedTable { NumberedTable(list: list, firstItemRow: 2) }

  func heading(_ context: ScreenContext) -> String { KioskText.reasonHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list, back: ScreenText.keyBack)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    let attendee = attendee
    return list.navigation(for: command) { index in
      .push(
        .adminConfirm(
          AdminConfirmScreen(action: .remove(attendee, reason: KioskText.reasons[index]))))
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    grid.write(
      KioskText.signedInName(attendee.member), x: area.x, y: area.y, width: area.width,
      style: .emphasis, ellipsis: context.glyphs.ellipsis)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) {
      KioskText.reasons[$0]
    }
    table.drawBackItem(ScreenText.keyBack, into: &grid, area: area)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table.command(forClickAt: x, row: row, backItem: true)
  }
}
