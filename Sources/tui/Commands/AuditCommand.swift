import ArgumentParser
import Catalog
import Foundation

/// `course-menu audit [--member N] [--since DATE]`: the audit trail, oldest first — who
/// (the operating-system user) did what, when, why, and the content of what changed.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit", abstract: AdminText.auditAbstract)

  @OptionGroup var filter: AuditFilterOptions
  @OptionGroup var records: RecordsOptions

  func run() throws {
    guard let store = try filter.openForReading(records, empty: AdminText.auditEmpty) else {
      return
    }
    let names = try filter.names(in: store)
    let entries = try reportingRecordsErrors {
      try store.auditEntries(memberID: filter.member, since: filter.start)
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
