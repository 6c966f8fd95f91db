import Catalog
import Foundation

/// Opens the records wherever `--db` or `COURSE_MENU_DB` says they are: a path is an SQLite
/// file (the embedded default), a `postgresql://` URL a PostgreSQL database.
public enum RecordsOpening {
  /// Whether `location` is a `postgresql://` URL rather than a path.
  public static func isURL(_ location: String) -> Bool { PostgresLocation.isURL(location) }

  /// The records at `location`, for reading and writing (the schema brought up to date).
  public static func open(
    _ location: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> RecordsStore {
    if PostgresLocation.isURL(location) {
      let url = try PostgresLocation(url: location, environment: environment)
      return RecordsStore(engine: try PostgresEngine(url, environment: environment))
    }
    return try RecordsStore(path: location)
  }

  /// The records at `location`, for reading only: nothing is created or changed. Nil when
  /// `location` is a path with no file yet (no records yet).
  public static func openForReading(
    _ location: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> RecordsStore? {
    if PostgresLocation.isURL(location) {
      let url = try PostgresLocation(url: location, environment: environment)
      return RecordsStore(
        engine: try PostgresEngine(url, readOnly: true, environment: environment))
    }
    guard FileManager.default.fileExists(atPath: location) else { return nil }
    return try RecordsStore(readingOnly: location)
  }
}
