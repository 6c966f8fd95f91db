import ArgumentParser
import Catalog
import Foundation

/// `course-menu report [--year Y] [--branch B] [--format text|csv]`: one row per member with
/// their hours against the year's requirements.
struct ReportCommand: ParsableCommand {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, csv
  }

  static let configuration = CommandConfiguration(
    commandName: "report", abstract: AdminText.reportAbstract,
    discussion: AdminText.reportDiscussion)

  @Option(help: ArgumentHelp(AdminText.reportYearHelp))
  var year: Int?

  @Option(help: ArgumentHelp(AdminText.branchOptionHelp))
  var branch: String?

  @Option(help: ArgumentHelp(AdminText.reportFormatHelp))
  var format: Format = .text

  @OptionGroup var records: RecordsOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func validate() throws {
    if let year, !(1...9998).contains(year) { throw ValidationError(AdminText.invalidYear(year)) }
  }

  func run() throws {
    let catalog = try catalogOptions.loadCatalog()
    let rules = catalog.rules
    let trainingYear = rules.trainingYear(year ?? catalog.year)
    let store = try records.openForReading()
    let everyone = try reportingRecordsErrors {
      try store?.membersWithCredits(branch: branch) ?? []
    }
    let lines = everyone.sorted {
      ($0.member.branch, $0.member.id.count, $0.member.id)
        < ($1.member.branch, $1.member.id.count, $1.member.id)
    }.map { entry in
      ReportLine(
        member: entry.member,
        progress: rules.progress(of: entry.member.profile, credits: entry.credits, in: trainingYear)
      )
    }
    switch format {
    case .text:
      printOutput(lines: text(lines, rules: rules, year: trainingYear))
    case .csv:
      let data = try CSVFile.document(
        header: AdminText.reportCSVHeader(rules.requirements.map(\.title)),
        rows: lines.map { csvRow($0, rules: rules) })
      writeOutput(data)
    }
  }

  private struct ReportLine {
    var member: Member
    var progress: YearProgress

    func status(of requirement: Requirement) -> RequirementStatus? {
      progress.requirements.first { $0.requirement.id == requirement.id }
    }
  }

  private func text(_ lines: [ReportLine], rules: Rules, year: TrainingYear) -> [String] {
    var output = [AdminText.reportTitle(year: year, rules: rules.path, branch: branch)]
    for (index, requirement) in rules.requirements.enumerated() {
      output.append(AdminText.reportLegend(index + 1, requirement))
    }
    output.append("")
    guard !lines.isEmpty else {
      output.append(AdminText.reportNoMembers)
      return output
    }
    var table = TextTable(
      header: AdminText.reportTextHeader(requirementCount: rules.requirements.count))
    for line in lines {
      var row = [
        line.member.id, line.member.name, line.member.branch,
        line.progress.creditedHours.description,
        AdminText.countedOfTarget(line.progress.countedHours, line.progress.target),
      ]
      row += rules.requirements.map { AdminText.mark(line.status(of: $0)?.isMet) }
      row.append(line.progress.isComplete ? AdminText.complete : line.progress.missingSummary)
      table.rows.append(row)
    }
    output += table.lines
    output.append("")
    output.append(
      AdminText.reportTally(
        total: lines.count, complete: lines.filter(\.progress.isComplete).count))
    return output
  }

  private func csvRow(_ line: ReportLine, rules: Rules) -> [String] {
    let member = line.member
    let progress = line.progress
    var row = [
      member.id, member.name, member.branch, member.domain.label,
      member.role.label, member.floating ? AdminText.yes : AdminText.no,
      progress.creditedHours.description, progress.countedHours.description,
      progress.target?.description ?? "",
    ]
    row += rules.requirements.map { AdminText.csvStatus(line.status(of: $0)?.isMet) }
    row.append(progress.isComplete ? AdminText.yes : AdminText.no)
    row.append(progress.missingSummary)
    return row
  }
}
