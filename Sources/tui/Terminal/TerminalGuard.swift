import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Puts the terminal back on every way out: a stop signal (SIGHUP, SIGINT, SIGTERM, SIGQUIT) is
/// recorded for the app loop to end cleanly, a crash signal restores the terminal with
/// async-signal-safe calls before the process dies, and `exit` while the UI is up restores
/// it too.
enum TerminalGuard {
  /// The stop signal received, 0 while none.
  static let stopSignal = Atomic<Int32>(0)

  /// In raw mode no key sends SIGINT or SIGQUIT; another process still may.
  static let stopSignals: [Int32] = [SIGHUP, SIGINT, SIGTERM, SIGQUIT]
  static let crashSignals: [Int32] = [SIGSEGV, SIGABRT, SIGILL, SIGTRAP, SIGBUS, SIGFPE]

  private static let restoreCapacity = 512
  // Read by signal handlers, so kept in memory allocated once and never moved or freed:
  // a Swift global `var` would be subject to exclusivity checks inside a handler.
  nonisolated(unsafe) private static let restoreBytes = UnsafeMutablePointer<UInt8>.allocate(
    capacity: restoreCapacity)
  nonisolated(unsafe) private static let savedTermios = UnsafeMutablePointer<termios>.allocate(
    capacity: 1)
  nonisolated(unsafe) private static let previousActions =
    UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
  /// Bytes of `restoreBytes` to write; 0 while the UI is not up.
  private static let restoreLength = Atomic<Int>(0)
  private static let hasSavedTermios = Atomic<Bool>(false)
  private static let input: Int32 = 0
  private static let output: Int32 = 1

  /// Call before curses starts: saves the terminal mode and installs the handlers, which
  /// also keeps curses from installing its own.
  static func install() {
    // Touch every static once here, so no lazy initialisation runs inside a handler.
    _ = stopSignal.load(ordering: .relaxed)
    _ = restoreLength.load(ordering: .relaxed)
    _ = (restoreBytes, savedTermios, previousActions)
    if tcgetattr(input, savedTermios) == 0 { hasSavedTermios.store(true, ordering: .relaxed) }
    for signal in stopSignals {
      install(signal) { received in
        TerminalGuard.stopSignal.store(received, ordering: .relaxed)
      }
    }
    for signal in crashSignals {
      install(signal) { received in
        TerminalGuard.restoreFromHandler()
        sigaction(received, TerminalGuard.previousActions + Int(received), nil)
        raise(received)
      }
    }
    atexit { TerminalGuard.restoreFromHandler() }
  }

  /// Call once curses is up, with what the terminal needs to leave the UI (leave the
  /// alternate screen, show the cursor, plain attributes, mouse reporting off).
  static func arm(restoreSequence: [UInt8]) {
    let count = min(restoreSequence.count, restoreCapacity)
    for index in 0..<count { restoreBytes[index] = restoreSequence[index] }
    restoreLength.store(count, ordering: .releasing)
  }

  /// Call after curses has restored the terminal itself.
  static func disarm() {
    restoreLength.store(0, ordering: .releasing)
  }

  /// After a clean exit caused by a stop signal, dies of that signal as the caller expects.
  static func reraiseStopSignal() {
    let received = stopSignal.load(ordering: .relaxed)
    guard received != 0 else { return }
    signal(received, SIG_DFL)
    raise(received)
  }

  private static func install(_ number: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    // No SA_RESTART: a blocked read returns, so the loop sees the signal at once.
    action.sa_flags = 0
    sigaction(number, &action, previousActions + Int(number))
  }

  /// Only async-signal-safe calls: write(2) and tcsetattr(3).
  private static func restoreFromHandler() {
    let length = restoreLength.exchange(0, ordering: .acquiring)
    guard length > 0 else { return }
    _ = write(output, restoreBytes, length)
    if hasSavedTermios.load(ordering: .relaxed) { tcsetattr(input, TCSANOW, savedTermios) }
  }
}
