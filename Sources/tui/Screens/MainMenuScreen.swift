import Catalog

/// The first screen: what the program offers, numbered; 0 leaves.
struct MainMenuScreen: Screen {
  /// Only what works is listed; later features add their items here.
  enum Item: CaseIterable, Hashable, Sendable {
    case catalog, help

    var title: String {
      switch self {
      case .catalog: ScreenText.mainMenuCatalog
      case .help: ScreenText.mainMenuHelp
      }
    }
  }

  static let items = Item.allCases
  private(set) var list = NumberedList(count: Item.allCases.count)

  /// Summary line, blank line, prompt, blank line, then the items.
  private var table: NumberedTable { NumberedTable(list: list, firstItemRow: 4) }

  func heading(_ context: ScreenContext) -> String { ScreenText.mainMenuHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list, back: ScreenText.keyQuit)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    switch list.handle(command) {
    case .chosen(let index):
      switch Self.items[index] {
      case .catalog: return .push(.categories(CategoriesScreen(catalog: context.catalog)))
      case .help: return .push(.help(HelpScreen()))
      }
    case .refused(let message): return .refuse(message)
    case .moved: return .stay
    case .ignored: return command == .back ? .back : .stay
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let catalog = context.catalog
    grid.write(
      ScreenText.mainMenuSummary(
        year: catalog.year, categories: catalog.categories.count, courses: catalog.courses.count),
      x: area.x, y: area.y, width: area.width, ellipsis: context.glyphs.ellipsis)
    grid.write(
      ScreenText.mainMenuPrompt, x: area.x, y: area.y + 2, width: area.width, style: .emphasis)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { index in
      Self.items[index].title
    }
    let quitRow = area.y + table.endRow
    if quitRow < area.maxY {
      grid.write("0", x: area.x + 3, y: quitRow, style: .keyName)
      grid.write(ScreenText.mainMenuQuit, x: area.x + NumberedTable.prefixWidth, y: quitRow)
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    row == table.endRow ? .back : table.command(forClickAt: x, row: row)
  }
}
