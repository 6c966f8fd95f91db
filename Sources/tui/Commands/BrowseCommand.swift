import ArgumentParser
import Catalog
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Opens the member UI (the default when no subcommand is given).
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse", abstract: CommandText.browseAbstract)

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var records: RecordsOptions

  @Flag(name: .customLong("demo"), help: ArgumentHelp(MemberText.demoOptionHelp))
  var demo = false

  @Option(
    name: .customLong("idle-timeout"),
    help: ArgumentHelp(MemberText.idleTimeoutOptionHelp, valueName: "seconds"))
  var idleTimeout: Int?

  @Flag(name: .customLong("kiosk"), help: ArgumentHelp(KioskText.kioskOptionHelp))
  var kioskFlag = false

  @OptionGroup var station: StationOption

  /// The environment variable a service unit may set instead of `--kiosk`.
  static let kioskEnvironmentKey = "COURSE_MENU_KIOSK"

  /// `--kiosk`, or `COURSE_MENU_KIOSK=1` (or yes, true).
  var kiosk: Bool {
    kioskFlag
      || ["1", "yes", "true"].contains(
        ProcessInfo.processInfo.environment[Self.kioskEnvironmentKey]?.lowercased() ?? "")
  }

  /// The idle timeout given, else the place's default: shorter at a kiosk.
  var idleSeconds: Int {
    idleTimeout ?? (kiosk ? IdleTimer.kioskDefaultSeconds : IdleTimer.defaultSeconds)
  }

  func validate() throws {
    if demo, records.path != nil { throw ValidationError(MemberText.demoWithDatabase) }
    if let idleTimeout, idleTimeout < 0 {
      throw ValidationError(MemberText.negativeIdleTimeout)
    }
    if kiosk, station.resolved == nil { throw ValidationError(KioskText.kioskNeedsStation) }
  }

  func run() throws {
    MemberUI.setLocale()
    let today = SystemClock.today()
    let served = try MemberCatalog.load(
      catalogOptions, recordsPath: demo ? nil : records.resolvedPath, today: today)
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
      ?? RecordsRunner(path: records.resolvedPath, catalog: catalog)
    let state = AppState(
      catalog: catalog, today: today, size: Size(width: 80, height: 24),
      glyphs: capabilities.glyphs,
      notice: capabilities.notice ?? (demo ? MemberText.demoNotice : nil),
      start: StartScreen(
        demoMembers: demo ? DemoData.members(today: today) : [],
        catalogWarning: served.servedFrom.map(CommandText.servingLastGood)),
      idleTimer: IdleTimer(seconds: idleSeconds),
      kiosk: kiosk
        ? station.resolved.map {
          KioskState(
            stationID: $0, catalogWarning: served.servedFrom.map(CommandText.servingLastGood))
        } : nil)
    _ = try MemberUI.run(state, capabilities: capabilities, runner: runner) {
      demoDatabase?.remove()
    }
  }
}
