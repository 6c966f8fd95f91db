import ArgumentParser
import Catalog
import Foundation
import RecordsPostgres

/// `--db PATH|URL`, shared by every subcommand that reads or writes the records.
struct RecordsOptions: ParsableArguments {
  @Option(
    name: .customLong(BrowseStart.Name.database), help: ArgumentHelp(AdminText.databaseOptionHelp))
  var path: String?

  var resolvedPath: String { Self.resolvedPath(path) }

  /// `--db` when given, else from the environment (`RecordsLocation`).
  static func resolvedPath(_ path: String?) -> String {
    // The few variables it reads, not Foundation's whole environment: this runs at every start.
    RecordsLocation.path(explicit: path) { getenv($0).map { String(cString: $0) } }
  }

  /// Where the member UI keeps its copy of the last good catalog and its compiled images
  /// (beside the records): the SQLite file's place, or for records on a PostgreSQL server the
  /// place the SQLite file would have by default, on this machine.
  var catalogCopyBase: String { Self.catalogCopyBase(resolvedPath) }

  static func catalogCopyBase(_ location: String) -> String {
    guard RecordsOpening.isURL(location) else { return location }
    // The default place, whatever COURSE_MENU_DB says (it may be the URL itself).
    return RecordsLocation.path(explicit: nil) { name in
      name == RecordsLocation.environmentKey ? nil : getenv(name).map { String(cString: $0) }
    }
  }

  /// Opens the records (an SQLite file or a `postgresql://` URL), or says why not and exits
  /// with status 2.
  func open() throws -> RecordsStore {
    try opening { try RecordsOpening.open(resolvedPath) }
  }

  /// Opens the records read-only, for commands that only read: they work without write
  /// permission and create nothing. Nil when there is no database file yet.
  func openForReading() throws -> RecordsStore? {
    try opening { try RecordsOpening.openForReading(resolvedPath) }
  }

  private func opening<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as RecordsError {
      printError(error.message)
      throw ExitCode(2)
    }
  }
}
