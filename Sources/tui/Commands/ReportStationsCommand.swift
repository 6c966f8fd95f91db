import ArgumentParser
import Catalog
import Foundation

/// `report stations [--year Y] [--station ID] [--format text|csv]`.
struct ReportStationsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stations", abstract: StationText.reportStationsAbstract,
    discussion: StationText.reportStationsDiscussion)

  @Option(help: ArgumentHelp(AdminText.reportYearHelp))
  var year: Int?

  @Option(help: ArgumentHelp(StationText.reportStationHelp))
  var station: String?

  @Option(help: ArgumentHelp(AdminText.reportFormatHelp))
  var format: ReportCommand.Format = .text

  @OptionGroup var records: RecordsOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func validate() throws {
    if let year, !(1...9998).contains(year) { throw ValidationError(AdminText.invalidYear(year)) }
    if let station, !Station.isValidID(station) {
      throw ValidationError(StationText.invalidStation(station))
    }
  }

  func run() throws {
    let catalog = try catalogOptions.loadCatalog()
    let trainingYear = catalog.rules.trainingYear(year ?? catalog.year)
    let store = try records.open()
    let stations: [Station]
    if let station {
      stations = [try store.stationOrExit(id: station)]
    } else {
      stations = try reportingRecordsErrors { try store.stations() }
    }
    let showings = try reportingRecordsErrors {
      try store.showings(in: trainingYear.span, stationID: station)
    }
    let report = StationReport(
      year: trainingYear,
      activities: StationActivity.report(
        stations: stations, showings: showings, span: trainingYear.span))
    switch format {
    case .text:
      print(report.text)
    case .csv:
      FileHandle.standardOutput.write(
        try CSVFile.document(header: StationText.reportStationsCSVHeader, rows: report.csvRows))
    }
  }
}
