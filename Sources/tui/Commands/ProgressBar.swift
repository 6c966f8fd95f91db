import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A progress bar redrawn in place on standard error, for long work (hashing a roster's PINs:
/// some 44 ms of CPU a member) that would otherwise show no sign of life. Only when standard
/// error is a terminal: a log or a pipe gets no carriage returns.
final class ProgressBar: @unchecked Sendable {
  /// Columns of the bar itself.
  static let width = 30
  /// The least time between two redraws.
  static let interval = 0.1

  private let lock = NSLock()
  private let started = Date()
  private var lastDrawn: Date?
  /// Rows done at the first update, which cost no time (rows without a PIN).
  private var doneAtStart: Int?
  private var finished = false

  /// Nil when standard error is not a terminal.
  init?() {
    guard isatty(2) != 0 else { return nil }
  }

  /// Safe from any thread; redraws at most every `interval`, and always at the end.
  func update(done: Int, total: Int) {
    lock.lock()
    defer { lock.unlock() }
    guard !finished else { return }
    let now = Date()
    let start = doneAtStart ?? done
    doneAtStart = start
    if done < total, let lastDrawn, now.timeIntervalSince(lastDrawn) < Self.interval { return }
    lastDrawn = now
    let elapsed = now.timeIntervalSince(started)
    let secondsLeft =
      done > start ? Int((elapsed / Double(done - start) * Double(total - done)).rounded()) : nil
    let line = Self.line(done: done, total: total, secondsLeft: secondsLeft)
    FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    if done >= total {
      finished = true
      FileHandle.standardError.write(Data("\n".utf8))
    }
  }

  /// `[##########--------------------] 1200/3600 行  约剩 2 分钟`.
  static func line(done: Int, total: Int, secondsLeft: Int?) -> String {
    let filled = total > 0 ? min(width, done * width / total) : width
    let bar =
      "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
      + "]"
    return AdminText.progress(
      bar: bar, done: done, total: total, secondsLeft: done >= total ? 0 : secondsLeft)
  }
}
