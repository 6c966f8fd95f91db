/// Logs a member out after a time without a key, so the next person at a shared keyboard
/// never finds someone else's records open. The last 15 seconds are counted down on screen,
/// and any key then cancels (and does nothing else); a timeout under 30 seconds counts down
/// its second half only, so most keys still do what they say.
struct IdleTimer: Hashable, Sendable {
  /// `--idle-timeout` for a member logged in, unless the place sets its own.
  static let defaultSeconds = 900
  /// At a kiosk (`--kiosk`): the next person may be waiting.
  static let kioskDefaultSeconds = 180
  static let longestCountdown = 15.0

  let seconds: Double
  /// How long the countdown runs.
  let countdownSeconds: Double
  /// When the last key or click came (uptime).
  private(set) var lastKey = 0.0

  /// Nil for 0 or less: no timeout.
  init?(seconds: Int) {
    guard seconds > 0 else { return nil }
    self.seconds = Double(seconds)
    countdownSeconds = min(Self.longestCountdown, self.seconds / 2)
  }

  /// A key or a click came: the time runs again from `uptime`.
  mutating func restart(at uptime: Double) { lastKey = uptime }

  /// Seconds left at `uptime`; 0 or less once the time is up.
  func secondsLeft(at uptime: Double) -> Double { lastKey + seconds - uptime }

  /// The whole seconds the countdown shows, nil before it has started.
  func countdown(at uptime: Double) -> Int? {
    let left = secondsLeft(at: uptime)
    guard left <= countdownSeconds else { return nil }
    return max(0, Int(left.rounded(.up)))
  }

  /// When the screen must next change: the countdown starting, its next second, or the
  /// logout itself.
  func nextDeadline(at uptime: Double) -> Double {
    let end = lastKey + seconds
    let countdownStart = end - countdownSeconds
    guard uptime >= countdownStart else { return countdownStart }
    // The shown figure drops when the seconds left fall to a whole number below it.
    let shown = (end - uptime).rounded(.up)
    return end - max(0, shown - 1)
  }
}
