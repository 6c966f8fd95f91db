import Foundation
import Testing

@testable import Catalog
@testable import RecordsPostgres

/// The engines the records' contract tests run against: SQLite always, PostgreSQL when
/// `COURSE_MENU_TEST_PG` names a server (scripts/test.sh starts a throwaway one and sets it).
/// With the variable set, an unreachable server fails the tests: it is never skipped.
enum RecordsEngineKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case sqlite, postgresql

  static let serverVariable = "COURSE_MENU_TEST_PG"

  static var serverURL: String? {
    ProcessInfo.processInfo.environment[serverVariable].flatMap { $0.isEmpty ? nil : $0 }
  }

  static var all: [RecordsEngineKind] { serverURL == nil ? [.sqlite] : [.sqlite, .postgresql] }

  var testDescription: String { rawValue }
}

/// A fresh database of its own on the test server, dropped by `drop()`.
struct TemporaryPostgresDatabase: Sendable {
  let name: String
  let server: String
  let url: String

  init() throws {
    guard let server = RecordsEngineKind.serverURL else {
      throw RecordsError.database("\(RecordsEngineKind.serverVariable) is not set")
    }
    self.server = server
    name = "cm_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    try PostgresAdministration.execute(["CREATE DATABASE \(name)"], at: server)
    url = PostgresAdministration.url(server, database: name)
  }

  func engine(readOnly: Bool = false) throws -> PostgresEngine {
    try PostgresEngine(
      PostgresLocation(url: url, environment: ProcessInfo.processInfo.environment),
      readOnly: readOnly)
  }

  func drop() {
    try? PostgresAdministration.execute(
      ["DROP DATABASE IF EXISTS \(name) WITH (FORCE)"], at: server)
  }
}
