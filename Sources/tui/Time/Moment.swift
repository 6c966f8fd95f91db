import Catalog

/// The time as the app core sees it when an event arrives. Deadlines (idle logout, its
/// countdown, showing that the records are busy) are measured on a clock that never jumps;
/// the local day is for the title bar and what is still ahead. The loop reads moments from
/// `SystemClock`; tests write them out and send them as `Event.tick`, so no test sleeps.
struct Moment: Hashable, Sendable {
  /// Seconds on the monotonic clock (`CLOCK_MONOTONIC`): only differences mean anything.
  var uptime: Double
  /// The local day.
  var today: LocalDate
  /// Seconds from this moment until `today` ends.
  var secondsToMidnight: Double

  /// When `today` ends, on the monotonic clock.
  var midnight: Double { uptime + secondsToMidnight }

  /// This moment `seconds` later, across midnight into the next day when it comes (days of
  /// 24 hours: for tests, which do not model daylight saving).
  func advanced(by seconds: Double) -> Moment {
    var next = Moment(
      uptime: uptime + seconds, today: today, secondsToMidnight: secondsToMidnight - seconds)
    while next.secondsToMidnight <= 0 {
      next.today = next.today.adding(days: 1)
      next.secondsToMidnight += 86_400
    }
    return next
  }
}
