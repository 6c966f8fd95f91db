/// Where frames go and events come from: curses in the program, memory in tests.
protocol TerminalBackend {
  /// The terminal's size now.
  var size: Size { get }
  /// Shows a frame; a backend sends only what differs from the frame before.
  mutating func draw(_ grid: Grid)
  /// Waits for the next event; `.hangup` once the terminal is gone or a stop was asked.
  mutating func nextEvent() -> Event
}
