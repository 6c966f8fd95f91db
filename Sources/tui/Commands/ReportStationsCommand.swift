import ArgumentParser
import Catalog
import Foundation

/// `report stations [--year Y] [--station ID] [--format text|csv]`.
struct ReportStationsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stations", abstract: StationText.reportStationsAbstract,
    discussion: StationText.reportStationsDiscussion)

  @OptionGroup var scope: StationYearOptions

  @Option(help: ArgumentHelp(AdminText.reportFormatHelp))
  var format: ReportCommand.Format = .text

  @OptionGroup var records: RecordsOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    let catalog = try catalogOptions.loadCatalog()
    let trainingYear = scope.trainingYear(catalog)
    let (stations, showings) = try scope.read(try records.openForReading(), year: trainingYear)
    let report = StationReport(
      year: trainingYear,
      activities: StationActivity.report(
        stations: stations, showings: showings, span: trainingYear.span))
    switch format {
    case .text:
      printOutput(lines: report.lines)
    case .csv:
      writeOutput(
        try CSVFile.document(header: StationText.reportStationsCSVHeader, rows: report.csvRows))
    }
  }
}
