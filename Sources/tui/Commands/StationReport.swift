import Catalog

/// `report stations` for a training year: per station, month by month, the showings, the
/// hours delivered, attendances, members reached and the average attendance; as text or CSV
/// rows. Pure, so its lines can be tested as written.
struct StationReport {
  let year: TrainingYear
  let activities: [StationActivity]

  static func cells(_ figures: StationActivity.Figures) -> [String] {
    [
      String(figures.showings), figures.hoursDelivered.description, String(figures.attendances),
      String(figures.membersReached), StationText.average(figures.averageAttendance),
    ]
  }

  var text: String { lines.joined(separator: "\n") }

  var lines: [String] {
    var output = [StationText.reportStationsTitle(year: year)]
    if activities.isEmpty { output.append(StationText.noStations) }
    for activity in activities {
      output.append("")
      output.append(StationText.reportStationHeading(activity))
      var table = TextTable(header: StationText.reportStationsHeader)
      table.rows = activity.months.map { [StationText.month($0.first)] + Self.cells($0.figures) }
      table.rows.append([StationText.wholeYear] + Self.cells(activity.year))
      output += table.lines
    }
    return output
  }

  var csvRows: [[String]] {
    activities.flatMap { activity -> [[String]] in
      let station: [String] = [activity.station.id, activity.station.name]
      var rows: [[String]] = activity.months.map { month in
        station + [StationText.month(month.first)] + Self.cells(month.figures)
      }
      rows.append(station + [StationText.wholeYear] + Self.cells(activity.year))
      return rows
    }
  }
}
