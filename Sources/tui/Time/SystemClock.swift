import Catalog
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The machine's clocks: the one way the program learns the time and today's date.
enum SystemClock {
  /// Now, for the app loop.
  static func now() -> Moment {
    let instant = Date()
    let today = LocalTime(instant).date
    let midnight = LocalTime.start(of: today.adding(days: 1))
    return Moment(
      uptime: uptime(), today: today,
      secondsToMidnight: max(0, midnight.timeIntervalSince(instant)))
  }

  /// Today in the local time zone.
  static func today() -> LocalDate { LocalTime(Date()).date }

  /// Seconds on the monotonic clock, which wall-clock changes do not move.
  static func uptime() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }
}
