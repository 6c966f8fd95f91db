import ArgumentParser
import Catalog
import Foundation

/// `course-menu admins …`: the administrators' accounts, apart from the members.
struct AdminsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "admins", abstract: StationText.adminsAbstract,
    subcommands: [
      AdminsAddCommand.self, AdminsListCommand.self, AdminsSetPINCommand.self,
      AdminsRemoveCommand.self, AdminsUnlockCommand.self,
    ])
}

/// `admins add ID --name NAME [--station ID]`: county-wide when no station is given.
struct AdminsAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: StationText.adminsAddAbstract,
    discussion: StationText.adminsAddDiscussion)

  @Argument(help: ArgumentHelp(StationText.adminIDHelp))
  var id: String

  @Option(help: ArgumentHelp(StationText.adminNameHelp))
  var name: String

  @Option(help: ArgumentHelp(StationText.adminStationHelp))
  var station: String?

  @OptionGroup var records: RecordsOptions

  func validate() throws {
    if !Member.isValidID(id) { throw ValidationError(StationText.invalidAdministrator(id)) }
    try validateOneLine(name, option: "--name")
    if let station, !Station.isValidID(station) {
      throw ValidationError(StationText.invalidStation(station))
    }
  }

  func run() throws {
    let store = try records.open()
    let outcome = try reportingRecordsErrors {
      try store.addAdministrator(id: id, name: name, stationID: station)
    }
    let administrator = try store.administratorOrExit(id: id)
    printOutput(lines: StationText.administratorSaved(administrator, outcome))
  }
}

/// `admins list`.
struct AdminsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: StationText.adminsListAbstract)

  @OptionGroup var records: RecordsOptions

  func run() throws {
    guard let store = try records.openForReading() else {
      printOutput(StationText.noAdministrators)
      return
    }
    let (administrators, stations) = try reportingRecordsErrors {
      (try store.administrators(), try store.stations())
    }
    guard !administrators.isEmpty else {
      printOutput(StationText.noAdministrators)
      return
    }
    let now = Date()
    var table = TextTable(header: StationText.adminsHeader)
    for administrator in administrators {
      let station = administrator.stationID.map { id in
        stations.first { $0.id == id }.map(StationText.station) ?? id
      }
      table.rows.append([
        administrator.id, administrator.name, station ?? StationText.countyWide,
        administrator.hasPIN ? AdminText.pinSet : AdminText.pinMissing,
        AdminText.lockState(administrator.throttle, now: now),
      ])
    }
    printOutput(lines: table.lines + [StationText.adminsTally(administrators.count)])
  }
}

/// `admins set-pin ID`: read without echo from a terminal, else one line of standard input.
struct AdminsSetPINCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-pin", abstract: StationText.adminsSetPINAbstract,
    discussion: AdminText.setPINDiscussion)

  @OptionGroup var account: AdministratorNumber

  func run() throws {
    let (store, administrator) = try account.open()
    let pin = try PINPrompt.readNewPIN(prompt: StationText.adminPINPrompt(administrator))
    try reportingRecordsErrors { try store.setAdministratorPIN(pin, for: administrator.id) }
    printOutput(StationText.adminPINSet(administrator))
  }
}

/// `admins remove ID`.
struct AdminsRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove", abstract: StationText.adminsRemoveAbstract)

  @OptionGroup var account: AdministratorNumber

  func run() throws {
    let (store, administrator) = try account.open()
    let removed = try reportingRecordsErrors {
      try store.removeAdministrator(id: administrator.id)
    }
    printOutput(StationText.adminRemoved(removed))
  }
}

/// `admins unlock ID`: clears the wrong-PIN count (and the wait or the lock) of an
/// administrator's number.
struct AdminsUnlockCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unlock", abstract: StationText.adminsUnlockAbstract)

  @OptionGroup var account: AdministratorNumber

  func run() throws {
    let (store, administrator) = try account.open()
    let cleared = try reportingRecordsErrors {
      try store.unlockAdministrator(id: administrator.id)
    }
    printOutput(
      AdminText.unlockDone(
        id: administrator.id, name: administrator.name, cleared: cleared))
  }
}

/// `ID` and `--db`: the administrator a command (`set-pin`, `remove`, `unlock`) is about.
struct AdministratorNumber: ParsableArguments {
  @Argument(help: ArgumentHelp(StationText.adminIDHelp))
  var id: String

  @OptionGroup var records: RecordsOptions

  /// The records, and the administrator; an unknown one is printed and ends the command.
  func open() throws -> (RecordsStore, Administrator) {
    let store = try records.open()
    return (store, try store.administratorOrExit(id: id))
  }
}

extension RecordsStore {
  /// The administrator numbered `id`; an unknown one is printed and ends the command with
  /// status 1.
  func administratorOrExit(id: String) throws -> Administrator {
    guard let administrator = try reportingRecordsErrors({ try self.administrator(id: id) })
    else {
      printError(RecordsError.unknownAdministrator(id).message)
      throw ExitCode(1)
    }
    return administrator
  }
}
