import Catalog

/// What the program offers, numbered; 0 leaves (logs out, for a member).
struct MainMenuScreen: Screen {
  /// Who sees the menu, which decides its items and what 0 does.
  enum Mode: Hashable, Sendable {
    /// The first screen, when the program keeps no records: 0 quits.
    case standalone
    /// Under the start screen, not logged in: 0 goes back to it.
    case guest
    /// A member logged in: their items too, and 0 logs out.
    case member
  }

  /// Only what works is listed; later features add their items here.
  enum Item: CaseIterable, Hashable, Sendable {
    case catalog, search, myCourses, myHours, recommend, upcoming, survey, help

    /// Items only a logged-in member sees.
    var isForMembers: Bool {
      self == .myCourses || self == .myHours || self == .recommend || self == .upcoming
        || self == .survey
    }

    var title: String {
      switch self {
      case .catalog: ScreenText.mainMenuCatalog
      case .search: ScreenText.mainMenuSearch
      case .myCourses: MemberText.mainMenuMyCourses
      case .myHours: MemberText.mainMenuMyHours
      case .recommend: ScreenText.mainMenuRecommend
      case .upcoming: KioskText.upcomingItem
      case .survey: FeedbackText.mainMenuSurvey
      case .help: ScreenText.mainMenuHelp
      }
    }
  }

  let mode: Mode
  /// A member who came in by key (SSH): there is no start screen, so 0 leaves the program.
  let leavesProgram: Bool
  let items: [Item]
  private(set) var list: NumberedList

  /// `survey`: the catalog has a needs survey (需求调研), which a member may answer from here.
  init(mode: Mode = .standalone, leavesProgram: Bool = false, survey: Bool = false) {
    self.mode = mode
    self.leavesProgram = leavesProgram
    items = Item.allCases.filter {
      (mode == .member || !$0.isForMembers) && ($0 != .survey || survey)
    }
    list = NumberedList(count: items.count)
  }

  private var backLabel: String {
    switch mode {
    case .standalone: ScreenText.keyQuit
    case .guest: ScreenText.keyBack
    case .member: leavesProgram ? ScreenText.keyQuit : MemberText.mainMenuLogOut
    }
  }

  /// Summary line, blank line, prompt, blank line, then the items.
  /// A member's menu has two lines (greeting, progress) where the summary is.
  private var table: NumberedTable {
    NumberedTable(list: list, firstItemRow: mode == .member ? 5 : 4)
  }

  func heading(_ context: ScreenContext) -> String { ScreenText.mainMenuHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list, back: backLabel)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    list.navigation(for: command) { [items] index in
      switch items[index] {
      case .catalog: .push(.categories(CategoriesScreen(catalog: context.catalog)))
      case .search: .push(.search(SearchScreen(index: context.searchIndex.index)))
      case .myCourses: .push(.myCourses(MyCoursesScreen()))
      case .myHours: .push(.myHours(MyHoursScreen()))
      case .recommend: .push(.recommendations(RecommendationsScreen()))
      case .upcoming: .push(.upcomingPlaces(UpcomingPlacesScreen(context)))
      case .survey:
        if context.member?.surveyAnswered == true {
          .refuse(FeedbackText.surveyAlreadyAnswered)
        } else if let survey = context.catalog.survey {
          .push(.survey(SurveyScreen(survey: survey, atLogin: false)))
        } else {
          .stay
        }
      case .help: .push(.help(HelpScreen()))
      }
    }
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let catalog = context.catalog
    if let member = context.member {
      grid.write(
        MemberText.greeting(member.member), x: area.x, y: area.y, width: area.width,
        style: .emphasis, ellipsis: context.glyphs.ellipsis)
      grid.write(
        MemberText.progressLine(member.progress), x: area.x, y: area.y + 1, width: area.width,
        ellipsis: context.glyphs.ellipsis)
    } else {
      grid.write(
        ScreenText.mainMenuSummary(
          year: catalog.year, categories: catalog.categories.count,
          courses: catalog.courses.count),
        x: area.x, y: area.y, width: area.width, ellipsis: context.glyphs.ellipsis)
    }
    grid.write(
      ScreenText.mainMenuPrompt, x: area.x, y: area.y + table.firstItemRow - 2,
      width: area.width, style: .emphasis)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { index in
      let item = items[index]
      guard let member = context.member else { return item.title }
      switch item {
      case .myCourses: return MemberText.myCoursesItem(member.selections.count)
      case .survey where member.surveyAnswered: return FeedbackText.mainMenuSurveyDone
      default: return item.title
      }
    }
    let quit =
      switch mode {
      case .standalone: ScreenText.mainMenuQuit
      case .guest: MemberText.mainMenuBackToStart
      case .member: leavesProgram ? ScreenText.mainMenuQuit : MemberText.mainMenuLogOut
      }
    table.drawBackItem(quit, into: &grid, area: area)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table.command(forClickAt: x, row: row, backItem: true)
  }
}
