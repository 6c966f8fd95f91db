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
    static let kiosk = "kiosk"
    static let station = "station"
  }

  /// The environment variable a service unit may set instead of `--kiosk`.
  static let kioskEnvironmentKey = "COURSE_MENU_KIOSK"

  var catalogDirectory: String?
  var rulesPath: String?
  var databasePath: String?
  var demo = false
  /// As given; nil for the place's default (`idleSeconds`).
  var idleTimeout: Int?
  var kioskFlag = false
  /// `--station` as given (`StationOption` adds the environment's).
  var station: String?

  /// The options of a command line made only of them, each at most once: `--catalog DIR`,
  /// `--rules FILE`, `--db PATH`, `--idle-timeout SECONDS`, `--station ID` (or
  /// `--name=value`), `--demo`, `--kiosk`. Nil for anything else: help, a subcommand, an
  /// unknown or repeated option, a missing value or one that is not a number.
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
      if name == Name.demo || name == Name.kiosk {
        guard value == nil else { return nil }
        if name == Name.demo { demo = true } else { kioskFlag = true }
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
      case Name.station: station = value
      default: return nil
      }
    }
  }

  init(
    catalogDirectory: String?, rulesPath: String?, databasePath: String?, demo: Bool,
    idleTimeout: Int?, kioskFlag: Bool, station: String?
  ) {
    self.catalogDirectory = catalogDirectory
    self.rulesPath = rulesPath
    self.databasePath = databasePath
    self.demo = demo
    self.idleTimeout = idleTimeout
    self.kioskFlag = kioskFlag
    self.station = station
  }

  /// `--kiosk`, or `COURSE_MENU_KIOSK=1` (or yes, true).
  var kiosk: Bool {
    kioskFlag
      || ["1", "yes", "true"].contains(
        getenv(Self.kioskEnvironmentKey).map { String(cString: $0).lowercased() } ?? "")
  }

  /// The station, by option or environment.
  var resolvedStation: String? { StationOption.resolve(station) }

  /// The idle timeout given, else the place's default: shorter at a kiosk.
  var idleSeconds: Int {
    idleTimeout ?? (kiosk ? IdleTimer.kioskDefaultSeconds : IdleTimer.defaultSeconds)
  }

  func validate() throws {
    if demo, databasePath != nil { throw ValidationError(MemberText.demoWithDatabase) }
    if let idleTimeout, idleTimeout < 0 {
      throw ValidationError(MemberText.negativeIdleTimeout)
    }
    try StationOption.check(resolvedStation)
    if kiosk, resolvedStation == nil { throw ValidationError(KioskText.kioskNeedsStation) }
  }

  func run() throws {
    MemberUI.setLocale()
    let today = SystemClock.today()
    let recordsPath = RecordsOptions.resolvedPath(databasePath)
    let served = try MemberCatalog.load(
      CatalogOptions.loader(directory: catalogDirectory, rulesPath: rulesPath),
      recordsPath: demo ? nil : RecordsOptions.catalogCopyBase(recordsPath), today: today)
    let catalog = served.catalog
    guard isatty(0) != 0, isatty(1) != 0 else {
      // Not a terminal (a pipe, a script): say what the catalog holds instead.
      printOutput(lines: CatalogSummary(catalog: catalog).lines)
      return
    }
    let capabilities = MemberUI.capabilities()
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
    let state = AppState(
      catalog: catalog, today: today, size: Size(width: 80, height: 24),
      glyphs: capabilities.glyphs,
      notice: capabilities.notice ?? (demo ? MemberText.demoNotice : nil),
      start: StartScreen(
        demoMembers: demo ? DemoData.members(today: today) : [],
        catalogWarning: served.servedFrom.map(CommandText.servingLastGood)),
      idleTimer: IdleTimer(seconds: idleSeconds),
      kiosk: kiosk
        ? resolvedStation.map {
          KioskState(
            stationID: $0, catalogWarning: served.servedFrom.map(CommandText.servingLastGood))
        } : nil)
    _ = try MemberUI.run(state, capabilities: capabilities, runner: runner) {
      demoDatabase?.remove()
    }
  }
}
