import ArgumentParser
import Catalog
import Foundation

/// `report summary [--year Y] [--branch B] [--format text|csv|html]`: the figures a Party
/// organisation reports upward (see `TrainingSummary` for what each one counts).
struct SummaryReportCommand: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, csv, html
  }

  static let configuration = CommandConfiguration(
    commandName: "summary", abstract: ReportText.summaryAbstract,
    discussion: ReportText.summaryDiscussion)

  @OptionGroup var inputs: ReportInputs

  @Option(help: ArgumentHelp(AdminText.branchOptionHelp))
  var branch: String?

  @Option(help: ArgumentHelp(ReportText.summaryFormatHelp))
  var format: Format = .text

  func run() throws {
    let (catalog, trainingYear, store) = try inputs.open()
    let (members, showings) = try reportingRecordsErrors {
      (
        try store?.membersWithCredits(branch: branch) ?? [],
        try store?.showings(in: trainingYear.span) ?? []
      )
    }
    let summary = TrainingSummary(
      year: trainingYear, branch: branch, members: members,
      showings: showings.compactMap(TrainingSummary.ClosedShowing.init), catalog: catalog)
    let report = SummaryReport(summary: summary, catalog: catalog, today: SystemClock.today())
    switch format {
    case .text: try printReport(report.report, as: .text)
    case .csv: try printReport(report.report, as: .csv)
    case .html: writeOutput(SummaryPage(report: report).document)
    }
  }
}
