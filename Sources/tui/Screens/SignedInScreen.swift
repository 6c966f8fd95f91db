import Catalog

/// 签到成功 with the member's name, large and plain, for a few seconds (`until`); then the
/// kiosk is back on its start screen for the next person. Any key goes back at once.
struct SignedInScreen: Screen {
  let member: Member
  /// Set when the member had signed in already: since then.
  let since: LocalTime?
  /// When the screen goes (uptime).
  let until: Double

  func heading(_ context: ScreenContext) -> String { KioskText.signedInHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    [KeyHint(ScreenText.keyNameEnter, KioskText.keyDone)]
  }

  /// Every key is done: the next person may start at once.
  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation { .back }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    var lines: [(String, CellStyle)] = [
      (KioskText.signedIn, .emphasis), ("", .plain),
      (KioskText.signedInName(member), .emphasis), ("", .plain),
    ]
    if let since { lines.append((KioskText.alreadySignedIn(since), .plain)) }
    if let open = context.kiosk?.open {
      lines.append((KioskText.signingIn(open.courseTitle), .plain))
    }
    lines.append(("", .plain))
    lines.append((KioskText.nextPerson, .plain))
    for (offset, (text, style)) in lines.enumerated() where offset + 2 < area.height {
      grid.write(
        text, x: area.x + 2, y: area.y + 2 + offset, width: area.width - 2, style: style,
        ellipsis: ellipsis)
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? { .back }
}
