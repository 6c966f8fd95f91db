import ArgumentParser
import Catalog
import Foundation

/// `--db PATH`, shared by every subcommand that reads or writes the records.
struct RecordsOptions: ParsableArguments {
  @Option(name: .customLong("db"), help: ArgumentHelp(AdminText.databaseOptionHelp))
  var path: String?

  var resolvedPath: String {
    RecordsLocation.path(explicit: path, environment: ProcessInfo.processInfo.environment)
  }

  /// Opens the records, or says why not and exits with status 2.
  func open() throws -> RecordsStore {
    do {
      return try RecordsStore(path: resolvedPath)
    } catch let error as RecordsError {
      printError(error.message)
      throw ExitCode(2)
    }
  }
}

extension CatalogOptions {
  /// Loads the catalog, or prints its diagnostics and exits (1: errors, 2: unreadable).
  func loadCatalog() throws -> Catalog {
    let result = loader().load()
    guard let catalog = result.catalog else {
      DiagnosticPrinter.printAll(result.diagnostics)
      throw ExitCode(result.diagnostics.contains { $0.problem.isInputOutput } ? 2 : 1)
    }
    return catalog
  }
}

/// Runs a records operation; a `RecordsError` is printed and ends the command with status 1.
func reportingRecordsErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as RecordsError {
    printError(error.message)
    throw ExitCode(1)
  }
}

extension RecordsStore {
  /// The member numbered `id`, for a command about one member (`set-pin`, `unlock`); an
  /// unknown number is printed and ends the command with status 1.
  func memberOrExit(id: String) throws -> Member {
    guard let member = try reportingRecordsErrors({ try self.member(id: id) }) else {
      printError(RecordsError.unknownMember(id).message)
      throw ExitCode(1)
    }
    return member
  }
}

/// Today in the local time zone.
func localToday() -> LocalDate {
  var now = time(nil)
  var parts = tm()
  localtime_r(&now, &parts)
  return LocalDate(
    year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
}

/// The first moment of a local day.
func localStart(of day: LocalDate) -> Date {
  var parts = tm()
  parts.tm_year = Int32(day.year - 1900)
  parts.tm_mon = Int32(day.month - 1)
  parts.tm_mday = Int32(day.day)
  parts.tm_isdst = -1
  return Date(timeIntervalSince1970: TimeInterval(mktime(&parts)))
}

/// `2026-03-05 10:12:33` in local time.
func localDateTime(_ date: Date) -> String {
  var seconds = time_t(date.timeIntervalSince1970)
  var parts = tm()
  localtime_r(&seconds, &parts)
  func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
  let day = LocalDate(
    year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
  return "\(day) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
}
