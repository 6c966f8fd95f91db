import ArgumentParser
import Catalog

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
