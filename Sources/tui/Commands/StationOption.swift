import ArgumentParser
import Catalog
import Foundation

/// `--station ID`, else `$COURSE_MENU_STATION`: the station a command or a kiosk is about.
struct StationOption: ParsableArguments {
  /// The environment variable a kiosk's service unit sets.
  static let environmentKey = "COURSE_MENU_STATION"

  @Option(
    name: .customLong(BrowseStart.Name.station), help: ArgumentHelp(StationText.stationOptionHelp))
  var id: String?

  /// The station given, by option or environment; nil when neither says.
  var resolved: String? { Self.resolve(id) }

  /// `id` when given, else the environment's.
  static func resolve(_ id: String?) -> String? {
    if let id, !id.isEmpty { return id }
    guard let value = getenv(environmentKey).map({ String(cString: $0) }), !value.isEmpty
    else { return nil }
    return value
  }

  func validate() throws { try Self.check(resolved) }

  /// A station named must be a valid number.
  static func check(_ resolved: String?) throws {
    if let resolved, !Station.isValidID(resolved) {
      throw ValidationError(StationText.invalidStation(resolved))
    }
  }

  /// The station, which the command cannot do without.
  func required() throws -> String {
    guard let resolved else { throw ValidationError(StationText.stationMissing) }
    return resolved
  }
}

extension RecordsStore {
  /// The station numbered `id`; an unknown one is printed and ends the command with status 1.
  func stationOrExit(id: String) throws -> Station {
    guard let station = try reportingRecordsErrors({ try self.station(id: id) }) else {
      printError(RecordsError.unknownStation(id).message)
      throw ExitCode(1)
    }
    return station
  }
}
