import Catalog

/// Asks before the program ends: leaving the first screen is never one stray key away (Esc,
/// Backspace, `q`, 0 or Ctrl-C pressed once too often). 1 quits; 0 and every other way back
/// return to the screen underneath.
struct QuitScreen: Screen {
  private(set) var list = NumberedList(count: 1)

  /// The question and a blank line above the item.
  private var table: NumberedTable { NumberedTable(list: list, firstItemRow: 2) }

  func heading(_ context: ScreenContext) -> String { ScreenText.quitHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    [KeyHint("1", ScreenText.quitConfirm), KeyHint("0", ScreenText.keyBack)]
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    switch list.handle(command) {
    case .chosen: return .quit
    case .refused(let message): return .refuse(message)
    case .moved: return .stay
    case .ignored: return command == .back ? .back : .stay
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    grid.write(
      ScreenText.quitQuestion, x: area.x, y: area.y, width: area.width, style: .emphasis,
      ellipsis: context.glyphs.ellipsis)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { _ in
      ScreenText.quitConfirm
    }
    let y = area.y + table.endRow
    if y < area.maxY {
      grid.write("0", x: area.x + 3, y: y, style: .keyName)
      grid.write(ScreenText.quitCancel, x: area.x + NumberedTable.prefixWidth, y: y)
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    row == table.endRow ? .back : table.command(forClickAt: x, row: row)
  }
}
