import ArgumentParser
import Catalog

#if canImport(Glibc)
  import Glibc
#endif

/// Starting the member UI, from plain values: `BrowseCommand` fills them from ArgumentParser,
/// and `init(plainArguments:)` from the plain command lines a kiosk, a server or a member
/// types, without ArgumentParser, whose reflection costs milliseconds at every start (its
/// generic types are instantiated through protocol conformance lookups over the whole
/// program). Anything out of the plain goes to ArgumentParser, which says what is wrong.
struct BrowseStart: Hashable {
  /// The long names of the options, as `BrowseCommand` and its option groups declare them.
  enum Name {
    static let catalog = "catalog"
    static let rules = "rules"
    static let database = "db"
    static let demo = "demo"
    static let idleTimeout = "idle-timeout"
  }

  var catalogDirectory: String?
  var rulesPath: String?
  var databasePath: String?
  var demo = false
  var idleTimeout = IdleTimer.defaultSeconds

  /// The options of a command line made only of them, each at most once: `--catalog DIR`,
  /// `--rules FILE`, `--db PATH`, `--idle-timeout SECONDS` (or `--name=value`), `--demo`. Nil
  /// for anything else: help, a subcommand, an unknown or repeated option, a missing value or
  /// one that is not a number.
  init?(plainArguments arguments: [String]) {
    // An array, not a set: no hashing is set up before the first frame for five names.
    var seen: [String] = []
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      guard argument.hasPrefix("--") else { return nil }
      var name = String(argument.dropFirst(2))
      var value: String?
      if let equals = name.firstIndex(of: "=") {
        value = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard !seen.contains(name) else { return nil }
      seen.append(name)
      if name == Name.demo {
        guard value == nil else { return nil }
        demo = true
        continue
      }
      if value == nil {
        guard let next = rest.popFirst(), !next.hasPrefix("-") else { return nil }
        value = next
      }
      guard let value, !value.isEmpty else { return nil }
      switch name {
      case Name.catalog: catalogDirectory = value
      case Name.rules: rulesPath = value
      case Name.database: databasePath = value
      case Name.idleTimeout:
        guard let seconds = Int(value) else { return nil }
        idleTimeout = seconds
      default: return nil
      }
    }
  }

  init(
    catalogDirectory: String?, rulesPath: String?, databasePath: String?, demo: Bool,
    idleTimeout: Int
  ) {
    self.catalogDirectory = catalogDirectory
    self.rulesPath = rulesPath
    self.databasePath = databasePath
    self.demo = demo
    self.idleTimeout = idleTimeout
  }

  func validate() throws {
    if demo, databasePath != nil { throw ValidationError(MemberText.demoWithDatabase) }
    if idleTimeout < 0 { throw ValidationError(MemberText.negativeIdleTimeout) }
  }

  func run() throws {
    // Before anything reads or writes text: curses needs the locale for wide characters.
    setlocale(LC_ALL, "")
    let loader = CatalogOptions.loader(directory: catalogDirectory, rulesPath: rulesPath)
    let recordsPath = RecordsOptions.resolvedPath(databasePath)
    let today = SystemClock.today()
    let served = try MemberCatalog.load(
      loader, recordsPath: demo ? nil : recordsPath, today: today)
    let catalog = served.catalog
    guard isatty(0) != 0, isatty(1) != 0 else {
      // Not a terminal (a pipe, a script): say what the catalog holds instead.
      printOutput(lines: CatalogSummary(catalog: catalog).lines)
      return
    }
    let capabilities = TerminalCapabilities(
      environment: TerminalCapabilities.environmentKeys.reduce(into: [:]) { values, key in
        if let value = getenv(key) { values[key] = String(cString: value) }
      },
      codeset: String(cString: nl_langinfo(nl_item(CODESET))))
    // The demo's database is a new temporary file, removed on the way out; otherwise the
    // records are opened when first needed (a guest never touches them).
    var demoDatabase: DemoDatabase?
    if demo {
      do {
        demoDatabase = try DemoData.makeDatabase(catalog: catalog, today: today)
      } catch let error as RecordsError {
        printError(error.message)
        throw ExitCode(2)
      }
    }
    let runner =
      demoDatabase.map { RecordsRunner(store: $0.store, catalog: catalog) }
      ?? RecordsRunner(path: recordsPath, catalog: catalog)
    let worker = RecordsWorker(runner: runner)
    let cleanUp = {
      worker.stop()
      runner.close()
      demoDatabase?.remove()
    }
    TerminalGuard.install()
    guard var backend = CursesBackend(capabilities: capabilities) else {
      cleanUp()
      printError(ScreenText.cannotOpenTerminal)
      throw ExitCode(1)
    }
    let state = AppState(
      catalog: catalog, today: today, size: backend.size, glyphs: capabilities.glyphs,
      notice: capabilities.notice ?? (demo ? MemberText.demoNotice : nil),
      start: StartScreen(
        demoMembers: demo ? DemoData.members(today: today) : [],
        catalogWarning: served.servedFrom.map(CommandText.servingLastGood)),
      idleTimer: IdleTimer(seconds: idleTimeout))
    _ = AppLoop.run(state, on: &backend, records: worker)
    backend.stop()
    cleanUp()
    TerminalGuard.reraiseStopSignal()
  }
}
