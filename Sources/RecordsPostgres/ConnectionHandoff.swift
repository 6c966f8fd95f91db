import Foundation
import PostgresNIO

/// Hands a connection leased inside an async task to a synchronous caller, and back.
///
/// The task leases a connection (`PostgresClient.withConnection`), hands it over and waits,
/// without blocking its thread, until the caller is done; the caller waits on a semaphore (it
/// is never an event loop's thread). A caller that gave up waiting (a timeout) leaves the
/// handoff abandoned, and a connection that arrives later goes straight back to the pool.
final class ConnectionHandoff: @unchecked Sendable {
  private enum State {
    case waiting
    case handed(PostgresConnection, CheckedContinuation<Void, Never>)
    case failed(any Error)
    case taken(CheckedContinuation<Void, Never>)
    case abandoned
    case done
  }

  private let lock = NSLock()
  private var state = State.waiting
  private let arrived = DispatchSemaphore(value: 0)

  /// In the task: the leased connection; returns when the caller gives it back.
  func hand(_ connection: PostgresConnection) async {
    await withCheckedContinuation { continuation in
      lock.lock()
      if case .abandoned = state {
        state = .done
        lock.unlock()
        continuation.resume()
        return
      }
      state = .handed(connection, continuation)
      lock.unlock()
      arrived.signal()
    }
  }

  /// In the task: the lease failed.
  func fail(_ error: any Error) {
    lock.lock()
    if case .waiting = state { state = .failed(error) }
    lock.unlock()
    arrived.signal()
  }

  /// In the caller: waits for the connection; nil after `timeout` (then abandoned).
  func take(timeout: TimeInterval) throws -> PostgresConnection? {
    let answered = arrived.wait(timeout: .now() + timeout) == .success
    lock.lock()
    defer { lock.unlock() }
    switch state {
    case .handed(let connection, let continuation):
      state = .taken(continuation)
      return connection
    case .failed(let error):
      state = .done
      throw error
    default:
      precondition(!answered, "a handoff signalled without a connection")
      state = .abandoned
      return nil
    }
  }

  /// In the caller: done with the connection.
  func giveBack() {
    lock.lock()
    guard case .taken(let continuation) = state else {
      lock.unlock()
      return
    }
    state = .done
    lock.unlock()
    continuation.resume()
  }
}
