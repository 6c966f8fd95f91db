import Catalog

/// One live session per member: the member has just proved who they are (PIN or key), but is
/// logged in elsewhere. 1 ends the other session and goes on here (the other one then says
/// why it ended); 0 goes back without logging in, leaving the other session as it was.
struct ReplaceSessionScreen: Screen {
  let memberID: String
  let name: String
  /// Came in by key: there is no start screen to go back to, so 0 leaves the program.
  let byKey: Bool
  let other: OtherSession
  /// For how the other session's start is written (a clock time today, a date before).
  let today: LocalDate
  /// The takeover has been asked for and the answer is awaited.
  private(set) var taking = false
  /// Why the last takeover failed.
  private(set) var problem: String?
  private(set) var list = NumberedList(count: 1)

  init(memberID: String, name: String, byKey: Bool, other: OtherSession, today: LocalDate) {
    self.memberID = memberID
    self.name = name
    self.byKey = byKey
    self.other = other
    self.today = today
  }

  private func introduction(width: Int) -> [StyledLine] {
    var lines: [StyledLine] = [[Span(SSHText.replaceIntro(name), .emphasis)]]
    lines += TextWrap.lines(SSHText.otherSession(other, today: today), width: width - 2)
      .map { [Span("  " + $0)] }
    lines.append([])
    lines += TextWrap.lines(SSHText.replaceRule, width: width).map { [Span($0)] }
    lines.append([])
    return lines
  }

  private func table(_ context: ScreenContext) -> NumberedTable {
    NumberedTable(list: list, firstItemRow: introduction(width: context.body.width).count)
  }

  private var backLabel: String { byKey ? SSHText.replaceCancelKey : SSHText.replaceCancel }

  func heading(_ context: ScreenContext) -> String { SSHText.replaceHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    [
      KeyHint("1", SSHText.replaceConfirm), KeyHint("0", backLabel),
      KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp),
    ]
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    var list = list
    defer { self.list = list }
    return list.navigation(for: command) { _ in takeOver() }
  }

  /// 1: the takeover is asked for, once.
  private mutating func takeOver() -> Navigation {
    guard !taking else { return .stay }
    taking = true
    problem = nil
    return .ask(.takeOver(memberID: memberID))
  }

  /// The takeover failed: nothing changed, and 1 tries again.
  mutating func failed(_ message: String) {
    taking = false
    problem = SSHText.replaceFailed(message)
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    for (offset, line) in introduction(width: area.width).enumerated() where offset < area.height {
      grid.write(line: line, x: area.x, y: area.y + offset, width: area.width, ellipsis: ellipsis)
    }
    let table = table(context)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { _ in
      SSHText.replaceConfirm
    }
    table.drawBackItem(backLabel, into: &grid, area: area)
    var y = area.y + table.endRow + 2
    let status = taking ? SSHText.replacing : problem
    for line in TextWrap.lines(status ?? "", width: area.width) where y < area.maxY {
      grid.write(line, x: area.x, y: y, width: area.width, style: .notice, ellipsis: ellipsis)
      y += 1
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(context).command(forClickAt: x, row: row, backItem: true)
  }
}
