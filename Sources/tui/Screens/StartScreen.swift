import Catalog

/// The first screen when the program keeps records: log in or browse as a guest; 0 leaves.
/// In the demo it also lists the demo members with their numbers and PINs.
struct StartScreen: Screen {
  enum Item: CaseIterable, Hashable, Sendable {
    case logIn, guest

    var title: String {
      switch self {
      case .logIn: MemberText.startLogIn
      case .guest: MemberText.startGuest
      }
    }
  }

  static let items = Item.allCases
  /// The demo members to show, empty outside the demo.
  let demoMembers: [DemoData.DemoMember]
  /// For administrators, one line: the catalog has errors and the last good one is served.
  let catalogWarning: String?
  private(set) var list = NumberedList(count: Item.allCases.count)

  init(demoMembers: [DemoData.DemoMember] = [], catalogWarning: String? = nil) {
    self.demoMembers = demoMembers
    self.catalogWarning = catalogWarning
  }

  /// Summary line, blank line, prompt, blank line, then the items (as on the main menu).
  private var table: NumberedTable { NumberedTable(list: list, firstItemRow: 4) }

  func heading(_ context: ScreenContext) -> String { MemberText.startHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list, back: ScreenText.keyQuit)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    list.navigation(for: command) { index in
      switch Self.items[index] {
      case .logIn: .push(.login(LoginScreen()))
      case .guest: .push(.mainMenu(MainMenuScreen(mode: .guest)))
      }
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let catalog = context.catalog
    let ellipsis = context.glyphs.ellipsis
    grid.write(
      ScreenText.mainMenuSummary(
        year: catalog.year, categories: catalog.categories.count, courses: catalog.courses.count),
      x: area.x, y: area.y, width: area.width, ellipsis: ellipsis)
    grid.write(
      ScreenText.mainMenuPrompt, x: area.x, y: area.y + 2, width: area.width, style: .emphasis)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { index in
      Self.items[index].title
    }
    table.drawBackItem(MemberText.startQuit, into: &grid, area: area)
    if let catalogWarning {
      grid.write(
        catalogWarning, x: area.x, y: area.maxY - 1, width: area.width, style: .notice,
        ellipsis: ellipsis)
    }
    guard !demoMembers.isEmpty else { return }
    var y = area.y + table.endRow + 2
    grid.write(
      MemberText.demoIntro, x: area.x, y: y, width: area.width, style: .emphasis,
      ellipsis: ellipsis)
    y += 1
    let width = area.width - 2
    // A table when there is room for all of it; else number/PIN and name, wrapped.
    if area.maxY - y >= demoMembers.count + 1 {
      let columns = Columns([.fixed(6), .fixed(6), .fixed(8), .flexible], total: width)
      let rows =
        [(MemberText.demoColumns, CellStyle.columnHeader)]
        + demoMembers.enumerated().map { index, demo in
          let note = index < MemberText.demoNotes.count ? MemberText.demoNotes[index] : ""
          return ([demo.member.id, demo.pin, demo.member.name, note], CellStyle.plain)
        }
      for (values, style) in rows {
        grid.write(
          columns.row(values, ellipsis: ellipsis), x: area.x + 2, y: y, width: width,
          style: style, ellipsis: ellipsis)
        y += 1
      }
    } else {
      // Whole entries only: a name is never split over two lines.
      var line = ""
      for entry in demoMembers.map({ MemberText.demoEntry($0.member, pin: $0.pin) }) {
        let joined = line.isEmpty ? entry : line + MemberText.demoEntrySeparator + entry
        if DisplayWidth.of(joined) <= width || line.isEmpty {
          line = joined
          continue
        }
        grid.write(line, x: area.x + 2, y: y, width: width, ellipsis: ellipsis)
        y += 1
        line = entry
      }
      grid.write(line, x: area.x + 2, y: y, width: width, ellipsis: ellipsis)
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table.command(forClickAt: x, row: row, backItem: true)
  }
}
