/// Where a long text (course detail, help) is scrolled to, with the same digit scheme as
/// lists: 8 scrolls back a screen, 9 forward.
struct ScrollPosition: Hashable, Sendable {
  /// The first line shown.
  private(set) var top = 0

  /// The first line shown once clamped to a text of `lineCount` lines in `height` rows.
  func clampedTop(lineCount: Int, height: Int) -> Int {
    max(0, min(top, lineCount - max(1, height)))
  }

  /// Scrolls just enough that `lines` are in sight (their start, when they are taller than
  /// the screen).
  mutating func reveal(_ lines: Range<Int>, lineCount: Int, height: Int) {
    let current = clampedTop(lineCount: lineCount, height: height)
    let rows = max(1, height)
    if lines.lowerBound < current || lines.count > rows {
      top = lines.lowerBound
    } else if lines.upperBound > current + rows {
      top = lines.upperBound - rows
    } else {
      top = current
    }
    top = clampedTop(lineCount: lineCount, height: height)
  }

  /// Scrolls for a command; `.ignored` leaves the command to the screen.
  mutating func handle(_ command: Command, lineCount: Int, height: Int) -> NumberedList.Outcome {
    let page = max(1, height - 1)
    let current = clampedTop(lineCount: lineCount, height: height)
    let target: Int
    switch command {
    case .up: target = current - 1
    case .down: target = current + 1
    case .pageUp, .digit(NumberedList.previousPageDigit): target = current - page
    case .pageDown, .digit(NumberedList.nextPageDigit): target = current + page
    case .home: target = 0
    case .end: target = lineCount
    case .digit(let digit):
      return .refused(ScreenText.noSuchItem(digit, available: nil))
    case .open, .back, .help, .search: return .ignored
    }
    top = max(0, min(target, lineCount - max(1, height)))
    return .moved
  }
}
