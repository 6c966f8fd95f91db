import Catalog
import Foundation

/// Statements that run outside any transaction (`CREATE DATABASE`, `DROP DATABASE`), for the
/// tests and the benchmark, which give each run a database of its own on a throwaway server.
public enum PostgresAdministration {
  /// Runs `statements` in order on the database at `url` (the server's `postgres` database,
  /// say), which is left as it is: no records schema is set up there.
  public static func execute(
    _ statements: [String], at url: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws {
    let location = try PostgresLocation(url: url, environment: environment)
    let engine = try PostgresEngine(
      location, readOnly: true, preparing: false, environment: environment)
    defer { try? engine.close() }
    try engine.withConnection { connection in
      let runner = PostgresStatements(connection: connection, logger: engine.logger)
      for statement in statements { _ = try runner.run(statement, []) }
    }
  }

  /// The URL of database `name` on the server `url` names.
  public static func url(_ url: String, database name: String) -> String {
    guard var components = URLComponents(string: url) else { return url }
    components.path = "/" + name
    return components.string ?? url
  }
}
