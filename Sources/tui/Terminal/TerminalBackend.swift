/// Where frames go and events come from: curses in the program, memory in tests.
protocol TerminalBackend {
  /// The terminal's size now.
  var size: Size { get }
  /// Shows a frame; a backend sends only what differs from the frame before.
  mutating func draw(_ grid: Grid)
  /// Waits for the next event from the terminal, or until `wait` says to stop waiting: a
  /// deadline has come, or answers from the records worker are ready. Nil when the wait
  /// ended without a terminal event; `.hangup` once the terminal is gone or a stop was asked.
  mutating func nextEvent(_ wait: Wait) -> Event?
}

/// What the loop waits for besides the terminal.
struct Wait: Hashable, Sendable {
  /// Seconds until the state's next deadline; nil when it holds none, and then only an event
  /// ends the wait.
  var timeout: Double?
  /// Readable when the records worker has answers; nil without a worker.
  var wakeDescriptor: Int32?
  /// Records calls have been sent and not answered yet.
  var answersDue = false
  /// Readable when another session has nudged this one (`SessionNudge`); nil without one.
  var nudgeDescriptor: Int32? = nil
}
