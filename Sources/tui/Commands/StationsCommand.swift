import ArgumentParser
import Catalog

/// `course-menu stations …`: the remote-education stations (远程教育站点).
struct StationsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stations", abstract: StationText.stationsAbstract,
    subcommands: [StationsAddCommand.self, StationsListCommand.self, StationsLogCommand.self])
}

/// `stations add ID --name NAME [--place PLACE]`.
struct StationsAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: StationText.stationsAddAbstract,
    discussion: StationText.stationsAddDiscussion)

  @Argument(help: ArgumentHelp(StationText.stationIDHelp))
  var id: String

  @Option(help: ArgumentHelp(StationText.stationNameHelp))
  var name: String

  @Option(help: ArgumentHelp(StationText.stationPlaceHelp))
  var place: String?

  @OptionGroup var records: RecordsOptions

  func validate() throws {
    if !Station.isValidID(id) { throw ValidationError(StationText.invalidStation(id)) }
    try validateOneLine(name, option: "--name")
    if let place { try validateOneLine(place, option: "--place") }
  }

  func run() throws {
    let store = try records.open()
    let station = Station(id: id, name: name, place: place)
    let outcome = try reportingRecordsErrors { try store.addStation(station) }
    printOutput(StationText.stationSaved(station, outcome))
  }
}

/// `stations list`: each station with its administrators and its open sign-in.
struct StationsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: StationText.stationsListAbstract)

  @OptionGroup var records: RecordsOptions

  func run() throws {
    guard let store = try records.openForReading() else {
      printOutput(StationText.noStations)
      return
    }
    let (stations, administrators, open) = try reportingRecordsErrors {
      let stations = try store.stations()
      return (
        stations, try store.administrators(),
        try stations.map { try store.openSignIn(stationID: $0.id) }
      )
    }
    guard !stations.isEmpty else {
      printOutput(StationText.noStations)
      return
    }
    var table = TextTable(header: StationText.stationsHeader)
    for (station, showing) in zip(stations, open) {
      table.rows.append([
        station.id, station.name, station.place ?? station.name,
        administrators.filter { $0.stationID == station.id }.map(StationText.administrator)
          .joined(separator: "、"),
        StationText.openShowing(showing),
      ])
    }
    printOutput(lines: table.lines + [StationText.stationsTally(stations.count)])
  }
}

/// `stations log [--station ID] [--year Y]`: every sign-in of the training year, one line
/// each (the station's 记录簿).
struct StationsLogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log", abstract: StationText.stationsLogAbstract)

  @OptionGroup var scope: StationYearOptions
  @OptionGroup var records: RecordsOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    let catalog = try catalogOptions.loadCatalog()
    let trainingYear = scope.trainingYear(catalog)
    let logged = try scope.read(try records.openForReading(), year: trainingYear).showings
    guard !logged.isEmpty else {
      printOutput(StationText.noShowings(year: trainingYear))
      return
    }
    printOutput(lines: StationLog(logged: logged).lines + [StationText.logTally(logged.count)])
  }
}
