import Catalog

/// The station's log as `stations log` prints it: one line per sign-in. Pure, so its lines
/// can be tested as written.
struct StationLog {
  let logged: [LoggedShowing]

  var text: String { lines.joined(separator: "\n") }

  var lines: [String] {
    var table = TextTable(header: StationText.stationsLogHeader)
    for entry in logged {
      let showing = entry.showing
      table.rows.append([
        showing.date.description, showing.stationID, showing.courseTitle,
        StationText.kind(showing), StationText.state(showing.state),
        LocalTime(showing.openedAt).clockText,
        showing.closedAt.map { LocalTime($0).clockText } ?? "", showing.openedBy,
        showing.closedBy ?? "", String(entry.memberIDs.count),
      ])
    }
    return table.lines
  }
}
