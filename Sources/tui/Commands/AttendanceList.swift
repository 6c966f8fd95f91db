import Catalog

/// A sign-in's list as the commands print it (`signin list`, `signin close`): one row per
/// name, numbered, with the time of signing in and what became of it; as text or CSV rows.
/// Pure, so its lines can be tested as written.
struct AttendanceList {
  let attendees: [Attendee]
  /// After closing: who was credited now and who had the credit already.
  let credits: CreditOutcome?

  func status(of attendee: Attendee) -> String {
    if let removal = attendee.removal { return StationText.removed(removal) }
    guard let credits else { return StationText.signedIn }
    return credits.alreadyCredited.contains(attendee.member.id)
      ? StationText.alreadyCredited : StationText.credited
  }

  var rows: [[String]] {
    attendees.enumerated().map { index, attendee in
      [
        String(index + 1), attendee.member.id, attendee.member.name, attendee.member.branch,
        LocalTime(attendee.signedAt).dateTimeText, status(of: attendee),
      ]
    }
  }

  var text: String {
    var table = TextTable(header: StationText.attendanceHeader)
    table.rows = rows
    return table.rendered
  }

  var csvRows: [[String]] {
    rows.map { row in row.map(CSVFile.inert) }
  }
}
