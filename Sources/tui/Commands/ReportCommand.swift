import ArgumentParser
import Catalog
import Foundation

/// `course-menu report …`: the year report (`report year`, the default, so `report --year Y`
/// works as it always has), the session audit (`report sessions`), the stations' use
/// (`report stations`), and the reports upward: the year's summary (`report summary`), the
/// courses' ratings (`report ratings`) and members' demand (`report demand`). A group of its own, so
/// each report's options (`--member`, `--format`) belong to that report alone.
struct ReportCommand: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, csv
  }

  static let configuration = CommandConfiguration(
    commandName: "report", abstract: AdminText.reportAbstract,
    discussion: AdminText.reportDiscussion,
    subcommands: [
      YearReportCommand.self, SessionReportCommand.self, ReportStationsCommand.self,
      SummaryReportCommand.self, RatingsReportCommand.self, DemandReportCommand.self,
    ],
    defaultSubcommand: YearReportCommand.self)
}

/// `course-menu report [--year Y] [--branch B] [--format text|csv]`: one row per member with
/// their hours against the year's requirements; `report --member N`: one member's record over
/// the years (学习档案).
struct YearReportCommand: ParsableCommand {
  typealias Format = ReportCommand.Format

  static let configuration = CommandConfiguration(
    commandName: "year", abstract: AdminText.reportAbstract,
    discussion: AdminText.reportDiscussion)

  @Option(help: ArgumentHelp(AdminText.reportYearHelp))
  var year: Int?

  @Option(help: ArgumentHelp(AdminText.branchOptionHelp))
  var branch: String?

  @Option(help: ArgumentHelp(AdminText.reportFormatHelp))
  var format: Format = .text

  @Option(help: ArgumentHelp(AdminText.reportMemberHelp))
  var member: String?

  @OptionGroup var records: RecordsOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func validate() throws {
    if let year, !(1...9998).contains(year) { throw ValidationError(AdminText.invalidYear(year)) }
    if let member {
      if !Member.isValidID(member) { throw ValidationError(AdminText.invalidMemberList([member])) }
      if branch != nil { throw ValidationError(AdminText.memberWithBranch) }
      if format != .text { throw ValidationError(AdminText.memberNeedsText) }
    }
  }

  func run() throws {
    let catalog = try catalogOptions.loadCatalog()
    let rules = catalog.rules
    let store = try records.openForReading()
    if let member {
      guard let store else {
        printError(RecordsError.unknownMember(member).message)
        throw ExitCode(1)
      }
      let found = try store.memberOrExit(id: member)
      let credits = try reportingRecordsErrors { try store.credits(of: member) }
      printOutput(
        lines: MemberArchive(
          member: found, credits: credits, rules: rules, currentYear: catalog.year, only: year
        ).lines)
      return
    }
    let everyone = try reportingRecordsErrors {
      try store?.membersWithCredits(branch: branch) ?? []
    }
    let report = YearReport(
      rules: rules, year: rules.trainingYear(year ?? catalog.year), branch: branch,
      members: everyone)
    switch format {
    case .text:
      printOutput(lines: report.lines)
    case .csv:
      writeOutput(try CSVFile.document(header: report.csvHeader, rows: report.csvRows))
    }
  }
}
