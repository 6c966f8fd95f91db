import Catalog

/// A kiosk's first screen (`--kiosk`): log in, browse, 管理员 — and, while a sign-in is
/// open at the station, the course and how many have signed in, with 签到 as the first
/// choice. Nothing here leaves the program: 0, `q` and Esc say that an administrator quits it.
struct KioskStartScreen: Screen {
  enum Item: Hashable, Sendable {
    case signIn, logIn, guest, administrator

    var title: String {
      switch self {
      case .signIn: KioskText.itemSignIn
      case .logIn: MemberText.startLogIn
      case .guest: MemberText.startGuest
      case .administrator: KioskText.itemAdministrator
      }
    }
  }

  /// The highlighted item, kept by what it is: the list itself follows the station's state.
  private(set) var highlighted: Item?

  static func items(_ context: ScreenContext) -> [Item] {
    (context.kiosk?.open != nil ? [.signIn] : []) + [.logIn, .guest, .administrator]
  }

  func list(_ context: ScreenContext) -> NumberedList {
    let items = Self.items(context)
    return NumberedList(
      count: items.count, cursor: highlighted.flatMap { items.firstIndex(of: $0) } ?? 0)
  }

  /// The rows the full layout needs: the line, the banner between two rules, the prompt and
  /// four items. Below that (60x16) the banner comes first, without the line and the rules.
  static let fullLayoutHeight = 13

  /// Where the banner's lines go (nil without a sign-in), and where the prompt and items go.
  private func layout(_ context: ScreenContext) -> (banner: Int?, prompt: Int) {
    guard context.kiosk?.open != nil else { return (nil, 2) }
    return context.body.height < Self.fullLayoutHeight ? (0, 4) : (3, 7)
  }

  private func table(_ context: ScreenContext) -> NumberedTable {
    NumberedTable(list: list(context), firstItemRow: layout(context).prompt + 2)
  }

  func heading(_ context: ScreenContext) -> String {
    KioskText.startHeading(context.kiosk?.stationName ?? "")
  }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.digitHints(for: list(context), action: ScreenText.keyChoose)
      + [KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp)]
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    let items = Self.items(context)
    var list = list(context)
    defer { highlighted = items.isEmpty ? nil : items[list.cursor] }
    if command == .back {
      return .refuse(KioskText.cannotQuit((items.firstIndex(of: .administrator) ?? 0) + 1))
    }
    return list.navigation(for: command) { index in
      switch items[index] {
      case .signIn:
        guard let open = context.kiosk?.open else { return .stay }
        return .push(
          .login(
            LoginScreen(purpose: .signIn(showingID: open.id, courseTitle: open.courseTitle))))
      case .logIn: return .push(.login(LoginScreen()))
      case .guest: return .push(.mainMenu(MainMenuScreen(mode: .guest)))
      case .administrator:
        return .push(
          .login(LoginScreen(purpose: .administrator(stationID: context.kiosk?.stationID ?? ""))))
      }
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    let catalog = context.catalog
    let kiosk = context.kiosk
    let (banner, prompt) = layout(context)
    if banner != 0 {
      let line =
        kiosk.flatMap { kiosk in
          kiosk.stationUnknown
            ? KioskText.stationUnknown(kiosk.stationID)
            : kiosk.problem.map(KioskText.statusFailed)
        }
        ?? ScreenText.mainMenuSummary(
          year: catalog.year, categories: catalog.categories.count,
          courses: catalog.courses.count)
      grid.write(line, x: area.x, y: area.y, width: area.width, ellipsis: ellipsis)
    }
    if let open = kiosk?.open, let banner {
      if banner > 0 {
        let rule = String(repeating: context.glyphs.horizontalRule, count: area.width)
        grid.write(rule, x: area.x, y: area.y + banner - 1, width: area.width)
        grid.write(rule, x: area.x, y: area.y + banner + 3, width: area.width)
      }
      let lines = [
        (KioskText.signingIn(open.courseTitle), CellStyle.emphasis),
        (KioskText.signedInCount(open.signedIn), .emphasis), (KioskText.signInHint, .plain),
      ]
      for (offset, (text, style)) in lines.enumerated() {
        grid.write(
          text, x: area.x + 2, y: area.y + banner + offset, width: area.width - 2, style: style,
          ellipsis: ellipsis)
      }
    }
    grid.write(
      ScreenText.mainMenuPrompt, x: area.x, y: area.y + prompt, width: area.width,
      style: .emphasis)
    let items = Self.items(context)
    let table = table(context)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { items[$0].title }
    if let warning = kiosk?.catalogWarning, area.y + table.endRow < area.maxY - 1 {
      grid.write(
        warning, x: area.x, y: area.maxY - 1, width: area.width, style: .notice,
        ellipsis: ellipsis)
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(context).command(forClickAt: x, row: row)
  }
}
