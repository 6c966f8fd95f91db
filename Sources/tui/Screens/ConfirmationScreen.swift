/// A screen that asks before a write (选学 and 退选, an administrator's action): what it will
/// do, 1 to go ahead, 0 to go back. It stays up until the records answer; a failure says so
/// under the item, and 1 tries again. The screens differ only in their words and their
/// request: the keys, the layout and the waiting are written once here.
protocol ConfirmationScreen: Screen {
  /// One item: go ahead.
  var list: NumberedList { get set }
  /// The write has been asked for and the answer is awaited.
  var saving: Bool { get }
  /// Why the last write failed.
  var problem: String? { get }
  /// What the screen asks and what it means, above the item (ending in a blank line).
  func introduction(_ context: ScreenContext) -> [StyledLine]
  /// The item, and its key on the key line.
  var confirmLabel: String { get }
  /// The 0 item below it.
  var cancelLabel: String { get }
  /// 1: what going ahead does (asked once: `saving` is checked first).
  mutating func confirm(_ context: ScreenContext) -> Navigation
}

extension ConfirmationScreen {
  func table(_ context: ScreenContext) -> NumberedTable {
    NumberedTable(list: list, firstItemRow: introduction(context).count)
  }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    [
      KeyHint("1", confirmLabel), KeyHint("0", ScreenText.keyBack),
      KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp),
    ]
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    var list = list
    defer { self.list = list }
    return list.navigation(for: command) { _ in saving ? .stay : confirm(context) }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    for (offset, line) in introduction(context).enumerated() where offset < area.height {
      grid.write(line: line, x: area.x, y: area.y + offset, width: area.width, ellipsis: ellipsis)
    }
    let table = table(context)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { _ in
      confirmLabel
    }
    table.drawBackItem(cancelLabel, into: &grid, area: area)
    PendingStatus.draw(
      saving: saving, problem: problem, below: table, into: &grid, area: area, context)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(context).command(forClickAt: x, row: row, backItem: true)
  }
}
