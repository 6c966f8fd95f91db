import ArgumentParser
import Catalog

/// `--year Y` and `--station ID` of the station's reports (`report stations`, `stations log`):
/// one training year, of every station or one.
struct StationYearOptions: ParsableArguments {
  @Option(help: ArgumentHelp(AdminText.reportYearHelp))
  var year: Int?

  @Option(help: ArgumentHelp(StationText.reportStationHelp))
  var station: String?

  func validate() throws {
    if let year, !(1...9998).contains(year) { throw ValidationError(AdminText.invalidYear(year)) }
    if let station, !Station.isValidID(station) {
      throw ValidationError(StationText.invalidStation(station))
    }
  }

  /// The training year asked for, else the catalog's.
  func trainingYear(_ catalog: Catalog) -> TrainingYear {
    catalog.rules.trainingYear(year ?? catalog.year)
  }

  /// The stations reported on, and the showings of the year: what both reports read. No
  /// records file yet: no station (and a station asked for is unknown).
  func read(_ store: RecordsStore?, year: TrainingYear) throws -> (
    stations: [Station], showings: [LoggedShowing]
  ) {
    guard let store else {
      if let station {
        printError(RecordsError.unknownStation(station).message)
        throw ExitCode(1)
      }
      return ([], [])
    }
    let stations =
      try station.map { [try store.stationOrExit(id: $0)] }
      ?? reportingRecordsErrors { try store.stations() }
    let showings = try reportingRecordsErrors {
      try store.showings(in: year.span, stationID: station)
    }
    return (stations, showings)
  }
}
