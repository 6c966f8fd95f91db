import Catalog

/// What an administrator does at the kiosk: open a sign-in; while one is open, see its list,
/// close it (crediting everyone on it) or cancel it; and quit the program. 0 goes back to the
/// start screen, which forgets the administrator.
struct AdminMenuScreen: Screen {
  enum Item: Hashable, Sendable {
    case open, list, close, cancel, quit

    func title(_ open: Showing?) -> String {
      switch self {
      case .open: KioskText.itemOpen
      case .list: KioskText.itemList(open?.signedIn ?? 0)
      case .close: KioskText.itemClose
      case .cancel: KioskText.itemCancel
      case .quit: KioskText.itemQuit
      }
    }
  }

  /// The highlighted item, kept by what it is: the list follows the station's state.
  private(set) var highlighted: Item?

  static func items(_ context: ScreenContext) -> [Item] {
    context.kiosk?.open != nil ? [.list, .close, .cancel, .quit] : [.open, .quit]
  }

  func list(_ context: ScreenContext) -> NumberedList {
    let items = Self.items(context)
    return NumberedList(
      count: items.count, cursor: highlighted.flatMap { items.firstIndex(of: $0) } ?? 0)
  }

  /// Greeting, what is open, blank line, prompt, blank line, then the items.
  private func table(_ context: ScreenContext) -> NumberedTable {
    NumberedTable(list: list(context), firstItemRow: 5)
  }

  func heading(_ context: ScreenContext) -> String { KioskText.menuHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list(context), back: KioskText.backToStart)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    let items = Self.items(context)
    var list = list(context)
    defer { highlighted = items.isEmpty ? nil : items[list.cursor] }
    return list.navigation(for: command) { index in
      let open = context.kiosk?.open
      switch items[index] {
      case .open:
        return .push(.signInCourses(SignInCoursesScreen(context)))
      case .list:
        guard let open else { return .stay }
        return .push(.attendees(AttendeesScreen(showing: open)))
      case .close:
        guard let open else { return .stay }
        return .push(.adminConfirm(AdminConfirmScreen(action: .close(open))))
      case .cancel:
        guard let open else { return .stay }
        return .push(.adminConfirm(AdminConfirmScreen(action: .cancel(open))))
      case .quit:
        return .push(.adminConfirm(AdminConfirmScreen(action: .quit)))
      }
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    guard let kiosk = context.kiosk else { return }
    if let administrator = kiosk.administrator {
      grid.write(
        KioskText.greeting(administrator, station: kiosk.stationName), x: area.x, y: area.y,
        width: area.width, style: .emphasis, ellipsis: ellipsis)
    }
    let open = kiosk.open
    grid.write(
      open.map { KioskText.signingIn($0.courseTitle) + "，" + KioskText.signedInCount($0.signedIn) }
        ?? KioskText.noSignInOpen, x: area.x, y: area.y + 1, width: area.width,
      ellipsis: ellipsis)
    let table = table(context)
    grid.write(
      ScreenText.mainMenuPrompt, x: area.x, y: area.y + table.firstItemRow - 2,
      width: area.width, style: .emphasis)
    let items = Self.items(context)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) {
      items[$0].title(open)
    }
    table.drawBackItem(KioskText.backToStart, into: &grid, area: area)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(context).command(forClickAt: x, row: row, backItem: true)
  }
}
