import ArgumentParser
import Catalog
import Foundation

/// `course-menu audit [--member N] [--since DATE]`: the audit trail, oldest first — who
/// (the operating-system user) did what, when, why, and the content of what changed.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit", abstract: AdminText.auditAbstract)

  @Option(help: ArgumentHelp(AdminText.auditMemberHelp))
  var member: String?

  @Option(help: ArgumentHelp(AdminText.auditSinceHelp))
  var since: String?

  @OptionGroup var records: RecordsOptions

  func validate() throws {
    if let member, !Member.isValidID(member) {
      throw ValidationError(AdminText.invalidMemberList([member]))
    }
    if let since, LocalDate(iso: since) == nil {
      throw ValidationError(AdminText.invalidDate(since))
    }
  }

  func run() throws {
    guard let store = try records.openForReading() else {
      // No database yet: nothing has happened, and no member exists.
      if let member {
        printError(RecordsError.unknownMember(member).message)
        throw ExitCode(1)
      }
      printOutput(AdminText.auditEmpty)
      return
    }
    if let member { _ = try store.memberOrExit(id: member) }
    let start = since.flatMap(LocalDate.init(iso:)).map(LocalTime.start(of:))
    let (entries, names) = try reportingRecordsErrors {
      (
        try store.auditEntries(memberID: member, since: start),
        Dictionary(try store.members().map { ($0.id, $0.name) }) { first, _ in first }
      )
    }
    guard !entries.isEmpty else {
      printOutput(AdminText.auditEmpty)
      return
    }
    var table = TextTable(header: AdminText.auditHeader)
    for entry in entries {
      let who = entry.memberID.map { id in names[id].map { "\(id) \($0)" } ?? id } ?? ""
      table.rows.append([
        LocalTime(entry.at).dateTimeText, entry.actor ?? AdminText.unknownActor,
        AdminText.auditAction(entry.action), who, entry.reason ?? "",
        AdminText.auditContent(entry),
      ])
    }
    printOutput(lines: table.lines + [AdminText.auditTally(entries.count)])
  }
}
