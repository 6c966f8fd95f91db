/// A showing in the station's log, with the members on its list (removed names left out).
public struct LoggedShowing: Hashable, Sendable {
  public var showing: Showing
  public var memberIDs: [String]

  public init(showing: Showing, memberIDs: [String]) {
    self.showing = showing
    self.memberIDs = memberIDs
  }
}

/// A station's use over a training year, month by month: what the county checks when it
/// looks at a station's 记录簿. Only closed sign-ins count; cancelled ones are counted apart.
public struct StationActivity: Hashable, Sendable {
  /// The figures of a run of days (a month, or the whole year).
  public struct Figures: Hashable, Sendable {
    /// Closed sign-ins.
    public var showings = 0
    /// The hours of those showings, each once: the teaching the station delivered.
    public var hoursDelivered = StudyHours.zero
    /// Names on their lists, added up over the showings.
    public var attendances = 0
    /// Different members among them.
    public var membersReached = 0

    /// Members per showing, nil without a showing.
    public var averageAttendance: Double? {
      showings == 0 ? nil : Double(attendances) / Double(showings)
    }

    init(_ logged: [LoggedShowing]) {
      showings = logged.count
      hoursDelivered = logged.reduce(.zero) { $0 + $1.showing.hours }
      attendances = logged.reduce(0) { $0 + $1.memberIDs.count }
      membersReached = Set(logged.flatMap(\.memberIDs)).count
    }
  }

  /// The first day of a month of the year, and its figures.
  public struct Month: Hashable, Sendable {
    public var first: LocalDate
    public var figures: Figures
  }

  public var station: Station
  /// Every month the training year touches, in order, those without a showing included.
  public var months: [Month]
  public var year: Figures
  public var cancelled: Int

  /// One activity per station, by id, from the showings of `span` (of any station).
  public static func report(
    stations: [Station], showings: [LoggedShowing], span: DateSpan
  ) -> [StationActivity] {
    let starts = monthStarts(of: span)
    return stations.map { station in
      let own = showings.filter {
        $0.showing.stationID == station.id && span.contains($0.showing.date)
      }
      let closed = own.filter { $0.showing.state == .closed }
      let months = starts.map { first in
        Month(
          first: first,
          figures: Figures(
            closed.filter { $0.showing.date >= first && $0.showing.date < first.nextMonth }))
      }
      return StationActivity(
        station: station, months: months, year: Figures(closed),
        cancelled: own.filter { $0.showing.state == .cancelled }.count)
    }
  }

  /// The first day of every month that has a day in `span`.
  static func monthStarts(of span: DateSpan) -> [LocalDate] {
    var starts: [LocalDate] = []
    var month = LocalDate(year: span.start.year, month: span.start.month, day: 1)
    while month < span.end {
      starts.append(month)
      month = month.nextMonth
    }
    return starts
  }
}

extension LocalDate {
  /// The first day of the month after this day's.
  fileprivate var nextMonth: LocalDate {
    LocalDate(year: month == 12 ? year + 1 : year, month: month % 12 + 1, day: 1)
  }
}
