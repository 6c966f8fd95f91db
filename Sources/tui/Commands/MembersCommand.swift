import ArgumentParser
import Catalog
import Foundation

/// `course-menu members …`: the roster, PINs and lockouts.
struct MembersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "members", abstract: AdminText.membersAbstract,
    subcommands: [
      MembersImportCommand.self, MembersListCommand.self, MembersSetPINCommand.self,
      MembersUnlockCommand.self, MembersAddKeyCommand.self, MembersKeysCommand.self,
      MembersRemoveKeyCommand.self,
    ])
}

/// `members import FILE.csv`: all or nothing.
struct MembersImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: AdminText.importAbstract,
    discussion: AdminText.importDiscussion)

  @Argument(help: ArgumentHelp(AdminText.importFileHelp))
  var file: String

  @OptionGroup var records: RecordsOptions

  func run() throws {
    let sheet = try readSheet(file)
    let (drafts, problems) = RosterImport.drafts(sheet, today: SystemClock.today())
    guard problems.isEmpty else {
      try rejectSheet(file, problems: problems, verdict: AdminText.importRejected(problems.count))
    }
    let store = try records.open()
    let pins = drafts.filter { $0.pin != nil }.count
    if pins >= 20 { printError(AdminText.hashingPINs(pins)) }
    let bar = ProgressBar()
    let outcome = try reportingRecordsErrors {
      try store.importMembers(drafts) { bar?.update(done: $0.done, total: $0.total) }
    }
    printOutput(AdminText.importDone(outcome, database: store.location))
  }
}

/// `members list [--branch B]`.
struct MembersListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: AdminText.listAbstract)

  @Option(help: ArgumentHelp(AdminText.branchOptionHelp))
  var branch: String?

  @OptionGroup var records: RecordsOptions

  func run() throws {
    let store = try records.openForReading()
    let members = try reportingRecordsErrors { try store?.members(branch: branch) ?? [] }
    guard !members.isEmpty else {
      printOutput(AdminText.noMembers(database: records.resolvedPath))
      return
    }
    let now = Date()
    var table = TextTable(header: AdminText.listHeader)
    for member in members {
      table.rows.append([
        member.id, member.name, member.branch, member.domain.label, member.role.label,
        member.joined.description, member.floating ? AdminText.yes : "",
        member.hasPIN ? AdminText.pinSet : AdminText.pinMissing,
        AdminText.lockState(member.throttle, now: now),
      ])
    }
    printOutput(lines: table.lines + [AdminText.listTally(members.count)])
  }
}

/// `members set-pin ID`: the PIN is read without echo (or from standard input in scripts).
struct MembersSetPINCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-pin", abstract: AdminText.setPINAbstract,
    discussion: AdminText.setPINDiscussion)

  @Argument(help: ArgumentHelp(AdminText.memberIDHelp))
  var id: String

  @OptionGroup var records: RecordsOptions

  func run() throws {
    let store = try records.open()
    let member = try store.memberOrExit(id: id)
    let pin = try PINPrompt.readNewPIN(prompt: AdminText.pinPrompt(member))
    try reportingRecordsErrors { try store.setPIN(pin, for: member.id) }
    printOutput(AdminText.pinSetDone(member))
  }
}

/// `members unlock ID`.
struct MembersUnlockCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "unlock", abstract: AdminText.unlockAbstract)

  @Argument(help: ArgumentHelp(AdminText.memberIDHelp))
  var id: String

  @OptionGroup var records: RecordsOptions

  /// Any typed number, member or not: a stranger's wrong PINs are counted for numbers nobody
  /// has too.
  func run() throws {
    let store = try records.open()
    let cleared = try reportingRecordsErrors { try store.unlock(memberID: id) }
    let member = try reportingRecordsErrors { try store.member(id: id) }
    printOutput(AdminText.unlockDone(id: id, name: member?.name, cleared: cleared))
  }
}
