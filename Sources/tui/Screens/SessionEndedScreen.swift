import Catalog

/// This session was ended by the member's login elsewhere: says so, and that nothing saved is
/// lost, until a key or `SessionPolicy.endedScreenSeconds` end the program. The member's
/// records are no longer shown behind it.
struct SessionEndedScreen: Screen {
  /// The login that ended this session, when the records could say.
  let replacedBy: OtherSession?
  /// When the program ends by itself (uptime).
  let closesAt: Double
  let today: LocalDate

  func heading(_ context: ScreenContext) -> String { SSHText.endedHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    [KeyHint(SSHText.keyNameAny, SSHText.keyLeave)]
  }

  /// Keys never reach it: any key ends the program (`update`).
  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation { .stay }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    var y = area.y
    func paragraph(_ text: String, style: CellStyle = .plain, indent: Int = 0) {
      for line in TextWrap.lines(text, width: area.width - indent) where y < area.maxY {
        grid.write(
          line, x: area.x + indent, y: y, width: area.width - indent, style: style,
          ellipsis: context.glyphs.ellipsis)
        y += 1
      }
    }
    paragraph(replacedBy == nil ? SSHText.endedHere : SSHText.replacedHere, style: .emphasis)
    if let replacedBy {
      paragraph(SSHText.otherSession(replacedBy, today: today), indent: 2)
    }
    y += 1
    paragraph(SSHText.selectionsKept)
    y += 1
    paragraph(
      SSHText.endedCountdown(Int(SessionPolicy.endedScreenSeconds)), style: .notice)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? { nil }
}
