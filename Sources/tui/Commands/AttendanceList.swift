import Catalog

/// A sign-in's list as the commands print it (`signin list`, `signin close`): one row per
/// name, numbered, with the time of signing in and what became of it; as text or CSV rows
/// (`CSVFile.document` makes every cell inert).
/// Pure, so its lines can be tested as written.
struct AttendanceList {
  let attendees: [Attendee]
  /// After closing: who was credited now and who had the credit already.
  let credits: CreditOutcome?

  func status(of attendee: Attendee) -> String {
    switch attendee.outcome(credits) {
    case .signedIn: StationText.signedIn
    case .credited: StationText.credited
    case .alreadyCredited: StationText.alreadyCredited
    case .removed(let removal): StationText.removed(removal)
    }
  }

  var rows: [[String]] {
    attendees.enumerated().map { index, attendee in
      [
        String(index + 1), attendee.member.id, attendee.member.name, attendee.member.branch,
        LocalTime(attendee.signedAt).dateTimeText, status(of: attendee),
      ]
    }
  }

  var lines: [String] {
    var table = TextTable(header: StationText.attendanceHeader)
    table.rows = rows
    return table.lines
  }

  var text: String { lines.joined(separator: "\n") }
}
