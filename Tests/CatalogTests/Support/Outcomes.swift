import Foundation

/// Results gathered from concurrent iterations (`DispatchQueue.concurrentPerform`), for tests
/// that race stores against each other and then count what each got.
final class Outcomes<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Result<Value, any Error>] = []

  func append(_ value: Result<Value, any Error>) {
    lock.lock()
    values.append(value)
    lock.unlock()
  }

  var all: [Result<Value, any Error>] {
    lock.lock()
    defer { lock.unlock() }
    return values
  }
}
