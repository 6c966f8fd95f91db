import ArgumentParser
import Catalog
import Foundation

/// `report ratings [--year Y] [--format text|csv]`: the courses' ratings (评学).
struct RatingsReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ratings", abstract: ReportText.ratingsAbstract,
    discussion: ReportText.ratingsDiscussion)

  @OptionGroup var inputs: ReportInputs

  @Option(help: ArgumentHelp(ReportText.formatHelp))
  var format: ReportCommand.Format = .text

  func run() throws {
    let (catalog, trainingYear, store) = try inputs.open()
    let ratings = try reportingRecordsErrors {
      try store?.courseRatings(year: trainingYear.year) ?? []
    }
    let summary = RatingSummary(
      year: trainingYear.year, ratings: ratings, evaluation: catalog.evaluation)
    try printReport(
      RatingsReport(summary: summary, evaluation: catalog.evaluation).report, as: format)
  }
}

/// `report demand [--year Y] [--branch B] [--format text|csv]`: the needs survey (需求调研)
/// beside the electives selected.
struct DemandReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demand", abstract: ReportText.demandAbstract,
    discussion: ReportText.demandDiscussion)

  @OptionGroup var inputs: ReportInputs

  @Option(help: ArgumentHelp(AdminText.branchOptionHelp))
  var branch: String?

  @Option(help: ArgumentHelp(ReportText.formatHelp))
  var format: ReportCommand.Format = .text

  func run() throws {
    let (catalog, trainingYear, store) = try inputs.open()
    let (tally, selections) = try reportingRecordsErrors {
      (
        try store?.surveyTally(year: trainingYear.year, branch: branch) ?? SurveyTally(),
        try store?.selectionRecords(branch: branch) ?? []
      )
    }
    let summary = DemandSummary(
      year: trainingYear, branch: branch, catalog: catalog, tally: tally,
      selections: selections.map { ($0.courseID, LocalTime($0.selectedAt).date) })
    try printReport(DemandReport(summary: summary, catalog: catalog).report, as: format)
  }
}

/// Prints a tabular report as text or as a CSV file.
func printReport(_ report: TabularReport, as format: ReportCommand.Format) throws {
  switch format {
  case .text: printOutput(lines: report.lines)
  case .csv: writeOutput(try report.csv())
  }
}
