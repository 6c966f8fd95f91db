import ArgumentParser
import Catalog
import Foundation

/// `report sessions [--since D] [--member N] [--format text|csv]`: the session audit, oldest
/// first — who came in (or a guest), how (key or PIN), from which address, when, for how long,
/// how it ended, and any command the client asked for (never run). A session still open whose
/// process is gone from this machine is shown as such.
struct SessionReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sessions", abstract: SSHText.sessionsAbstract,
    discussion: SSHText.sessionsDiscussion)

  @OptionGroup var filter: AuditFilterOptions

  @Option(help: ArgumentHelp(AdminText.reportFormatHelp))
  var format: ReportCommand.Format = .text

  @OptionGroup var records: RecordsOptions

  func run() throws {
    guard let store = try filter.openForReading(records, empty: SSHText.sessionsEmpty) else {
      return
    }
    let names = try filter.names(in: store)
    let sessions = try reportingRecordsErrors {
      try store.sessions(memberID: filter.member, since: filter.start)
    }
    let report = SessionReport(sessions: sessions, names: names, now: Date())
    switch format {
    case .text:
      guard !sessions.isEmpty else {
        printOutput(SSHText.sessionsEmpty)
        return
      }
      var table = TextTable(header: SSHText.sessionsHeader)
      table.rows = report.rows
      printOutput(
        lines: table.lines + [SSHText.sessionsTally(sessions.count, open: report.openCount)])
    case .csv:
      writeOutput(
        try CSVFile.document(
          header: SSHText.sessionsHeader, rows: report.rows))
    }
  }
}

/// The rows of `report sessions`, one a session, as text cells. Pure, so tests read them as
/// written.
struct SessionReport {
  let rows: [[String]]
  let openCount: Int

  /// `isRunning` says whether a session's process still runs (nil: on another machine).
  init(
    sessions: [SessionRecord], names: [String: String], now: Date,
    isRunning: (ProcessIdentity) -> Bool? = { $0.isRunning() }
  ) {
    var open = 0
    rows = sessions.map { session in
      let who = session.memberID.map { id in names[id].map { "\(id) \($0)" } ?? id }
      let ended: String
      let how: String
      if let endedAt = session.endedAt {
        ended = LocalTime(endedAt).dateTimeText
        how = SSHText.endLabel(session.endReason)
      } else {
        open += 1
        ended = ""
        how = isRunning(session.origin.process) == false ? SSHText.openButGone : SSHText.stillOpen
      }
      let seconds = Int(((session.endedAt ?? now).timeIntervalSince(session.startedAt)).rounded())
      return [
        LocalTime(session.startedAt).dateTimeText, ended,
        SSHText.duration(seconds: max(0, seconds)),
        who ?? SSHText.guest, SSHText.entryLabel(session.entry), session.origin.client ?? "", how,
        session.origin.command ?? "",
      ]
    }
    openCount = open
  }
}
