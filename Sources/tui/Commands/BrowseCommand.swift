import ArgumentParser
import Catalog

/// Opens the member UI (the default when no subcommand is given). The work is
/// `BrowseStart`'s, which a plain command line reaches without ArgumentParser.
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse", abstract: CommandText.browseAbstract)

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var records: RecordsOptions

  @Flag(name: .customLong(BrowseStart.Name.demo), help: ArgumentHelp(MemberText.demoOptionHelp))
  var demo = false

  @Option(
    name: .customLong(BrowseStart.Name.idleTimeout),
    help: ArgumentHelp(MemberText.idleTimeoutOptionHelp, valueName: "seconds"))
  var idleTimeout: Int?

  @Flag(name: .customLong(BrowseStart.Name.kiosk), help: ArgumentHelp(KioskText.kioskOptionHelp))
  var kioskFlag = false

  @OptionGroup var station: StationOption

  var start: BrowseStart {
    BrowseStart(
      catalogDirectory: catalogOptions.directory, rulesPath: catalogOptions.rulesPath,
      databasePath: records.path, demo: demo, idleTimeout: idleTimeout, kioskFlag: kioskFlag,
      station: station.id)
  }

  func validate() throws { try start.validate() }

  func run() throws { try start.run() }
}
