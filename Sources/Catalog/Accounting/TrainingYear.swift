/// A run of days: `start` included, `end` excluded.
public struct DateSpan: Hashable, Sendable {
  public var start: LocalDate
  public var end: LocalDate

  public init(start: LocalDate, end: LocalDate) {
    self.start = start
    self.end = end
  }

  public func contains(_ date: LocalDate) -> Bool { start <= date && date < end }

  /// The last day inside the span.
  public var lastDay: LocalDate { end.adding(days: -1) }

  public func overlaps(_ other: DateSpan) -> Bool { start < other.end && other.start < end }
}

/// One training year: from the `[year] start` day of `year` up to the same day a year later.
///
/// With the default start `01-01` it is the calendar year; with `09-01`, training year 2026 runs
/// from 2026-09-01 to 2027-08-31.
public struct TrainingYear: Hashable, Sendable {
  /// The calendar year in which the training year starts.
  public let year: Int
  public let span: DateSpan

  public init(_ year: Int, rules: Rules) {
    self.year = year
    span = DateSpan(
      start: TrainingYear.startDay(of: year, rules: rules),
      end: TrainingYear.startDay(of: year + 1, rules: rules))
  }

  /// The training year a day falls in.
  public init(containing date: LocalDate, rules: Rules) {
    let sameYearStart = TrainingYear.startDay(of: date.year, rules: rules)
    self.init(date < sameYearStart ? date.year - 1 : date.year, rules: rules)
  }

  public var start: LocalDate { span.start }
  /// The first day of the next training year.
  public var end: LocalDate { span.end }

  public func contains(_ date: LocalDate) -> Bool { span.contains(date) }

  private static func startDay(of year: Int, rules: Rules) -> LocalDate {
    // The loader accepts only days that exist in every year (never 02-29).
    LocalDate(year: year, month: rules.yearStartMonth, day: rules.yearStartDay)
  }
}

extension Rules {
  public func trainingYear(_ year: Int) -> TrainingYear { TrainingYear(year, rules: self) }

  public func trainingYear(containing date: LocalDate) -> TrainingYear {
    TrainingYear(containing: date, rules: self)
  }
}
