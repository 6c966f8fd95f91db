import ArgumentParser
import Catalog
import Foundation

/// `course-menu quiz …`: the tests of the online courses.
struct QuizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quiz", abstract: QuizReportText.quizAbstract,
    subcommands: [QuizReportCommand.self])
}

/// `quiz report [--course ID] [--year Y] [--format text|csv]`: attempts, passes and the item
/// analysis, so a curator sees which question is unclear.
struct QuizReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: QuizReportText.reportAbstract,
    discussion: QuizReportText.reportDiscussion)

  @Option(help: ArgumentHelp(QuizReportText.courseHelp))
  var course: String?

  @Option(help: ArgumentHelp(QuizReportText.yearHelp))
  var year: Int?

  @Option(help: ArgumentHelp(QuizReportText.formatHelp))
  var format: ReportCommand.Format = .text

  @OptionGroup var records: RecordsOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func validate() throws {
    if let year, !(1...9998).contains(year) { throw ValidationError(AdminText.invalidYear(year)) }
  }

  func run() throws {
    let catalog = try catalogOptions.loadCatalog()
    let store = try records.openForReading()
    let trainingYear = catalog.rules.trainingYear(year ?? catalog.year)
    let statistics = try reportingRecordsErrors {
      try store?.quizStatistics(year: trainingYear.year, courseID: course) ?? []
    }
    if let course, statistics.isEmpty, catalog.course(id: course) == nil {
      printError(QuizReportText.unknownCourse(course, year: trainingYear.year))
      throw ExitCode(1)
    }
    let report = QuizReport(
      year: trainingYear, courseID: course, statistics: statistics, catalog: catalog)
    switch format {
    case .text:
      printOutput(lines: report.lines)
    case .csv:
      writeOutput(try CSVFile.document(header: report.csvHeader, rows: report.csvRows))
    }
  }
}
