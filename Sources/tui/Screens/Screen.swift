import Catalog

/// What every screen may read while updating or drawing.
struct ScreenContext: Sendable {
  let catalog: Catalog
  let glyphs: Glyphs
  /// The room screens draw in, between the heading and the key line.
  let body: Size
  /// The search index, built the first time it is read.
  let searchIndex: SearchIndexCache
  /// The member logged in, nil for a guest.
  var member: MemberSession? = nil
  /// What the records are busy with, once they have taken long enough to say so.
  var recordsBusy: RecordsRequest.Activity? = nil
  /// In kiosk mode: the station, its open sign-in and the administrator.
  var kiosk: KioskState? = nil
  /// The local day, for what is ahead (近期安排, today's sessions).
  var today = LocalDate(year: 2000, month: 1, day: 1)
}

/// Where a screen sends the member after a command.
enum Navigation: Hashable, Sendable {
  case stay
  case push(AppScreen)
  case back
  /// The key does nothing here; the message tells the member why.
  case refuse(String)
  /// Stay, and have the records read or written (on the worker, beside the loop).
  case ask(RecordsRequest)
  /// End the program (once pending writes are done).
  case quit
  /// Show this screen in place of the current one (0 then goes back past both).
  case replace(AppScreen)
}

/// One key on the bottom line: its name and what it does.
struct KeyHint: Hashable, Sendable {
  var key: String
  var action: String

  init(_ key: String, _ action: String) {
    self.key = key
    self.action = action
  }
}

/// A screen is a value: it turns commands into a new value and a navigation, and draws
/// itself into a rectangle of the grid. The frame around it (title bar, heading, key line)
/// is drawn by `Render`.
protocol Screen: Hashable, Sendable {
  /// The screen's name on the heading line.
  func heading(_ context: ScreenContext) -> String
  /// Where the member is, shown at the right of the heading line (`3/17`).
  func position(_ context: ScreenContext) -> String?
  /// The keys that work on this screen now, most important first.
  func keyHints(_ context: ScreenContext) -> [KeyHint]
  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation
  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext)
  /// The command a click at column `x` and row `row` of the body means, if any.
  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command?
}

/// The screens of the app, as one value type the navigation stack can hold and compare.
enum AppScreen: Hashable, Sendable {
  case mainMenu(MainMenuScreen)
  case categories(CategoriesScreen)
  case courseList(CourseListScreen)
  case courseDetail(CourseDetailScreen)
  case help(HelpScreen)
  case search(SearchScreen)
  case start(StartScreen)
  case login(LoginScreen)
  case confirm(ConfirmScreen)
  case myCourses(MyCoursesScreen)
  case myHours(MyHoursScreen)
  case recommendations(RecommendationsScreen)
  case kioskStart(KioskStartScreen)
  case signedIn(SignedInScreen)
  case adminMenu(AdminMenuScreen)
  case signInCourses(SignInCoursesScreen)
  case attendees(AttendeesScreen)
  case removalReason(RemovalReasonScreen)
  case adminConfirm(AdminConfirmScreen)
  case signInClosed(SignInClosedScreen)
  case upcomingPlaces(UpcomingPlacesScreen)
  case upcomingSessions(UpcomingSessionsScreen)
  case signUp(SignUpScreen)
  case quit(QuitScreen)
  case lessonReader(LessonReaderScreen)
  case lessonResume(LessonResumeScreen)
  case quizIntro(QuizIntroScreen)
  case quiz(QuizScreen)
  case quizResult(QuizResultScreen)
  case enter(EnterScreen)
  case replaceSession(ReplaceSessionScreen)
  case sessionEnded(SessionEndedScreen)
  case rating(RatingScreen)
  case survey(SurveyScreen)

  /// The screen inside, for reading.
  var screen: any Screen {
    switch self {
    case .mainMenu(let screen): screen
    case .categories(let screen): screen
    case .courseList(let screen): screen
    case .courseDetail(let screen): screen
    case .help(let screen): screen
    case .search(let screen): screen
    case .start(let screen): screen
    case .login(let screen): screen
    case .confirm(let screen): screen
    case .myCourses(let screen): screen
    case .myHours(let screen): screen
    case .recommendations(let screen): screen
    case .kioskStart(let screen): screen
    case .signedIn(let screen): screen
    case .adminMenu(let screen): screen
    case .signInCourses(let screen): screen
    case .attendees(let screen): screen
    case .removalReason(let screen): screen
    case .adminConfirm(let screen): screen
    case .signInClosed(let screen): screen
    case .upcomingPlaces(let screen): screen
    case .upcomingSessions(let screen): screen
    case .signUp(let screen): screen
    case .quit(let screen): screen
    case .lessonReader(let screen): screen
    case .lessonResume(let screen): screen
    case .quizIntro(let screen): screen
    case .quiz(let screen): screen
    case .quizResult(let screen): screen
    case .enter(let screen): screen
    case .replaceSession(let screen): screen
    case .sessionEnded(let screen): screen
    case .rating(let screen): screen
    case .survey(let screen): screen
    }
  }

  /// Runs a command on the screen inside and keeps the changed screen.
  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    func run<S: Screen>(_ screen: S, _ wrap: (S) -> AppScreen) -> (AppScreen, Navigation) {
      var changed = screen
      let navigation = changed.update(command, context)
      return (wrap(changed), navigation)
    }
    let result: (AppScreen, Navigation)
    switch self {
    case .mainMenu(let screen): result = run(screen, AppScreen.mainMenu)
    case .categories(let screen): result = run(screen, AppScreen.categories)
    case .courseList(let screen): result = run(screen, AppScreen.courseList)
    case .courseDetail(let screen): result = run(screen, AppScreen.courseDetail)
    case .help(let screen): result = run(screen, AppScreen.help)
    case .search(let screen): result = run(screen, AppScreen.search)
    case .start(let screen): result = run(screen, AppScreen.start)
    case .login(let screen): result = run(screen, AppScreen.login)
    case .confirm(let screen): result = run(screen, AppScreen.confirm)
    case .myCourses(let screen): result = run(screen, AppScreen.myCourses)
    case .myHours(let screen): result = run(screen, AppScreen.myHours)
    case .recommendations(let screen): result = run(screen, AppScreen.recommendations)
    case .kioskStart(let screen): result = run(screen, AppScreen.kioskStart)
    case .signedIn(let screen): result = run(screen, AppScreen.signedIn)
    case .adminMenu(let screen): result = run(screen, AppScreen.adminMenu)
    case .signInCourses(let screen): result = run(screen, AppScreen.signInCourses)
    case .attendees(let screen): result = run(screen, AppScreen.attendees)
    case .removalReason(let screen): result = run(screen, AppScreen.removalReason)
    case .adminConfirm(let screen): result = run(screen, AppScreen.adminConfirm)
    case .signInClosed(let screen): result = run(screen, AppScreen.signInClosed)
    case .upcomingPlaces(let screen): result = run(screen, AppScreen.upcomingPlaces)
    case .upcomingSessions(let screen): result = run(screen, AppScreen.upcomingSessions)
    case .signUp(let screen): result = run(screen, AppScreen.signUp)
    case .quit(let screen): result = run(screen, AppScreen.quit)
    case .lessonReader(let screen): result = run(screen, AppScreen.lessonReader)
    case .lessonResume(let screen): result = run(screen, AppScreen.lessonResume)
    case .quizIntro(let screen): result = run(screen, AppScreen.quizIntro)
    case .quiz(let screen): result = run(screen, AppScreen.quiz)
    case .quizResult(let screen): result = run(screen, AppScreen.quizResult)
    case .enter(let screen): result = run(screen, AppScreen.enter)
    case .replaceSession(let screen): result = run(screen, AppScreen.replaceSession)
    case .sessionEnded(let screen): result = run(screen, AppScreen.sessionEnded)
    case .rating(let screen): result = run(screen, AppScreen.rating)
    case .survey(let screen): result = run(screen, AppScreen.survey)
    }
    self = result.0
    return result.1
  }

  /// Gives a screen that takes typed text (search, login) or letters (a test's A-F) the key
  /// before it becomes a `Command`; nil leaves the key to the key table.
  mutating func input(_ key: Key, _ context: ScreenContext) -> Navigation? {
    if case .quiz(var screen) = self {
      let navigation = screen.input(key, context)
      self = .quiz(screen)
      return navigation
    }
    if case .login(var screen) = self {
      let navigation = screen.input(key, context)
      self = .login(screen)
      return navigation
    }
    guard case .search(var screen) = self else { return nil }
    let navigation = screen.input(key, context)
    self = .search(screen)
    return navigation
  }

  /// Whether the screen waits for the answer to a login (a PIN, a key, a takeover).
  var awaitsLogIn: Bool {
    switch self {
    case .login(let screen): screen.checking
    case .enter(let screen): screen.checking
    case .replaceSession(let screen): screen.taking
    default: false
    }
  }

  /// The records could not answer the login the screen waits for.
  mutating func loginFailed(_ message: String) {
    switch self {
    case .login(var screen):
      screen.failed(message)
      self = .login(screen)
    case .enter(var screen):
      screen.failed(message)
      self = .enter(screen)
    case .replaceSession(var screen):
      screen.failed(message)
      self = .replaceSession(screen)
    default:
      break
    }
  }

  var isHelp: Bool {
    if case .help = self { return true }
    return false
  }

  /// The first screen of the program, where nobody is logged in.
  var isStart: Bool {
    switch self {
    case .start, .kioskStart: true
    default: false
    }
  }

  /// A kiosk screen that shows the station's state, kept fresh while it is shown.
  var showsStation: Bool {
    switch self {
    case .kioskStart, .signedIn, .adminMenu, .signInCourses, .attendees, .removalReason,
      .adminConfirm, .signInClosed:
      true
    case .login(let screen):
      if case .signIn = screen.purpose { true } else { false }
    default: false
    }
  }
}
