#if canImport(Glibc)
  import Glibc
#endif

/// The signals that end the app loop's wait: the stop signals and a resize. The loop thread
/// takes them only inside its wait (the wait unblocks them there), so one that arrives just
/// before the wait begins still ends it instead of being noticed at the next key; every other
/// thread of the program blocks them for good, so they always reach the loop thread.
enum LoopSignals {
  static let numbers = TerminalGuard.stopSignals + [SIGWINCH]

  static var set: sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for number in numbers { sigaddset(&set, number) }
    return set
  }

  /// Blocks them on the calling thread; returns the mask it had before.
  @discardableResult
  static func block() -> sigset_t {
    var set = self.set
    var previous = sigset_t()
    pthread_sigmask(SIG_BLOCK, &set, &previous)
    return previous
  }

  /// Puts back a mask `block()` returned.
  static func restore(_ mask: sigset_t) {
    var mask = mask
    pthread_sigmask(SIG_SETMASK, &mask, nil)
  }
}
