import ArgumentParser
import Catalog
import RecordsPostgres

/// `course-menu records …`: the records database as a whole.
struct RecordsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "records", abstract: RecordsCopyText.recordsAbstract,
    subcommands: [RecordsCopyCommand.self])
}

/// `records copy --from PATH|URL --to URL|PATH`: every record into another database, a
/// station's SQLite file into the county's PostgreSQL say (`RecordsCopy`). Exit status 0, or 1
/// when some rows conflicted (the rest copied), or 2 when a database cannot be opened.
struct RecordsCopyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "copy", abstract: RecordsCopyText.copyAbstract,
    discussion: RecordsCopyText.copyDiscussion)

  @Option(help: ArgumentHelp(RecordsCopyText.fromHelp))
  var from: String

  @Option(help: ArgumentHelp(RecordsCopyText.toHelp))
  var to: String

  func validate() throws {
    if from == to { throw ValidationError(RecordsCopyText.sameDatabase) }
  }

  func run() throws {
    let source = try opening(from)
    defer { try? source.close() }
    let target = try opening(to)
    defer { try? target.close() }
    let report = try reportingRecordsErrors { try RecordsCopy.copy(from: source, to: target) }
    printOutput(RecordsCopyText.report(report, from: source.location, to: target.location))
    if !report.conflicts.isEmpty { throw ExitCode(1) }
  }

  private func opening(_ location: String) throws -> RecordsStore {
    do {
      return try RecordsOpening.open(location)
    } catch let error as RecordsError {
      printError(error.message)
      throw ExitCode(2)
    }
  }
}
