/// A terminal in memory for tests: scripted events in, every drawn frame kept.
struct MemoryBackend: TerminalBackend {
  private(set) var size: Size
  private var events: [Event]
  /// Every frame drawn, in order.
  private(set) var frames: [Grid] = []

  init(size: Size, events: [Event]) {
    self.size = size
    self.events = events.reversed()
  }

  mutating func draw(_ grid: Grid) { frames.append(grid) }

  /// The next scripted event (a resize also changes `size`); `.hangup` when none are left.
  mutating func nextEvent() -> Event {
    guard let event = events.popLast() else { return .hangup }
    if case .resize(let newSize) = event { size = newSize }
    return event
  }
}
