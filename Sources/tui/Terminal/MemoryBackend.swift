#if canImport(Glibc)
  import Glibc
#endif

/// A terminal in memory for tests: scripted events in, every drawn frame kept.
///
/// Its member is patient by default: while records answers are due it waits for them before
/// the next scripted event, as someone who watches the screen would, so a flow test reads the
/// same every run. An impatient one (`waitsForAnswers: false`) presses on, for testing keys
/// that arrive while the records work. Time passes only as the script says (`Event.tick`).
struct MemoryBackend: TerminalBackend {
  private(set) var size: Size
  private var events: [Event]
  private let waitsForAnswers: Bool
  /// Every frame drawn, in order.
  private(set) var frames: [Grid] = []
  /// Every wait the loop asked for, in order.
  private(set) var waits: [Wait] = []
  /// Called once when the script has run out, before the hang-up that ends it.
  var whenScriptEnds: (() -> Void)?
  /// Called with every frame drawn.
  var whenDrawn: ((Grid) -> Void)?

  init(size: Size, events: [Event], waitsForAnswers: Bool = true) {
    self.size = size
    self.events = events.reversed()
    self.waitsForAnswers = waitsForAnswers
  }

  mutating func draw(_ grid: Grid) {
    frames.append(grid)
    whenDrawn?(grid)
  }

  /// The next scripted event (a resize also changes `size`); `.hangup` when none are left.
  mutating func nextEvent(_ wait: Wait) -> Event? {
    waits.append(wait)
    if waitsForAnswers, wait.answersDue, let descriptor = wait.wakeDescriptor {
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      // A minute is far longer than any test's records work: past it the test fails
      // (a scripted key arrives early) instead of hanging.
      _ = poll(&poller, 1, 60_000)
      return nil
    }
    guard let event = events.popLast() else {
      whenScriptEnds?()
      whenScriptEnds = nil
      return .hangup
    }
    if case .resize(let newSize) = event { size = newSize }
    return event
  }
}
