import Catalog
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An instant as the local wall clock shows it. The one place the C library's broken-down
/// time is read, so every date and clock time the program shows agrees with every other.
struct LocalTime: Hashable, Sendable {
  var date: LocalDate
  var hour: Int
  var minute: Int
  var second: Int

  init(date: LocalDate, hour: Int, minute: Int, second: Int = 0) {
    self.date = date
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// The local time zone's reading of `instant`.
  init(_ instant: Date) {
    var seconds = time_t(instant.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    localtime_r(&seconds, &parts)
    self.init(
      date: LocalDate(
        year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)),
      hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
  }

  /// The instant the local day `date` begins (its midnight, whatever daylight saving does).
  static func start(of date: LocalDate) -> Date {
    var parts = tm()
    parts.tm_year = Int32(date.year - 1900)
    parts.tm_mon = Int32(date.month - 1)
    parts.tm_mday = Int32(date.day)
    parts.tm_isdst = -1
    return Date(timeIntervalSince1970: TimeInterval(mktime(&parts)))
  }

  /// `2026-03-05 10:12:33`.
  var dateTimeText: String {
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(date) \(two(hour)):\(two(minute)):\(two(second))"
  }

  /// `09:05`.
  var clockText: String { Self.clockText(hour: hour, minute: minute) }

  static func clockText(hour: Int, minute: Int) -> String {
    (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
  }
}

/// A moment as the wall clock shows it, with the seconds until then (for a wait).
struct ClockTime: Hashable, Sendable {
  var date: LocalDate
  var hour: Int
  var minute: Int
  var secondsLeft: Int

  /// `until` in local time, and the whole seconds (at least one) from `now` to it.
  init(_ until: Date, from now: Date) {
    let local = LocalTime(until)
    self.init(
      date: local.date, hour: local.hour, minute: local.minute,
      secondsLeft: max(1, Int(until.timeIntervalSince(now).rounded(.up))))
  }

  init(date: LocalDate, hour: Int, minute: Int, secondsLeft: Int) {
    self.date = date
    self.hour = hour
    self.minute = minute
    self.secondsLeft = secondsLeft
  }

  var minutesLeft: Int { (secondsLeft + 59) / 60 }

  var timeText: String { LocalTime.clockText(hour: hour, minute: minute) }
}
