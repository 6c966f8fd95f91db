import Foundation

/// Wrong PINs in a row for one typed member number, and what they cost the next attempt.
///
/// The policy follows NIST SP 800-63B §5.2.2 (rate limiting for memorized secrets): a few
/// typing mistakes cost nothing; after that each attempt must wait, the wait doubling with
/// every further failure up to a cap; and after `lockFailures` failures in a row the number is
/// refused until an administrator unlocks it. A stranger at a kiosk can therefore slow a member
/// down, at most by `maximumDelay` per attempt they themselves wait for, but cannot shut them
/// out: the old rule (5 wrong PINs lock for 15 minutes) let anyone lock any member at once.
/// Guessing stays hopeless: a 4-digit PIN has 10,000 values and `lockFailures` attempts cover
/// 1% of them, over some 23 hours of waiting.
///
/// Counts are kept per typed number in the database (`login_throttle`), for numbers that no
/// member has too, so a stranger cannot tell from the answers or their timing which numbers
/// exist. README.md ("PIN throttling") gives the figures.
public struct LoginThrottle: Hashable, Sendable {
  /// Failures in a row that cost nothing: typing mistakes.
  public static let freeFailures = 3
  /// The wait after the first failure that costs one.
  public static let firstDelay: TimeInterval = 30
  /// The longest wait between two attempts.
  public static let maximumDelay: TimeInterval = 15 * 60
  /// Failures in a row after which only an administrator can let the number in again
  /// (NIST SP 800-63B: no more than 100).
  public static let lockFailures = 100

  /// Wrong PINs in a row.
  public var failures: Int
  /// No attempt is judged before then; nil when the next attempt may come at once.
  public var nextAttempt: Date?

  public init(failures: Int = 0, nextAttempt: Date? = nil) {
    self.failures = failures
    self.nextAttempt = nextAttempt
  }

  /// The wait after `failures` failures in a row: 30 s after the third, then 1, 2, 4, 8
  /// minutes, and 15 minutes from the eighth on.
  public static func delay(afterFailures failures: Int) -> TimeInterval? {
    guard failures >= freeFailures else { return nil }
    let doublings = min(failures - freeFailures, 16)
    return min(maximumDelay, firstDelay * Double(1 << doublings))
  }

  public var isLocked: Bool { failures >= Self.lockFailures }

  /// Failures still free before a wait starts.
  public var freeAttemptsLeft: Int { max(0, Self.freeFailures - failures) }

  /// Why an attempt made at `now` is not judged at all; nil when it may go ahead.
  func refusal(at now: Date) -> AuthenticationResult? {
    if isLocked { return .locked }
    if let nextAttempt, nextAttempt > now { return .mustWait(until: nextAttempt) }
    return nil
  }

  /// Counts one more failure at `now`.
  mutating func recordFailure(at now: Date) {
    failures += 1
    nextAttempt = Self.delay(afterFailures: failures).map { now.addingTimeInterval($0) }
  }

  /// The answer to the attempt that just failed.
  var afterFailure: AuthenticationResult {
    isLocked ? .locked : .refused(freeAttemptsLeft: freeAttemptsLeft, retryAt: nextAttempt)
  }
}
