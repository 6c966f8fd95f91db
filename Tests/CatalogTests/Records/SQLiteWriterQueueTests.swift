import CWriterQueue
import Foundation
import Testing

@testable import Catalog

#if canImport(Glibc)
  import Glibc
#endif

/// The queue SQLite's writers wait in: one holder at a time, a bounded wait that leaves the
/// waiting thread as it found it, and the old polling when the queue's file cannot be made.
@Suite struct SQLiteWriterQueueTests {
  /// A database path in a directory removed afterwards (the queue needs no database).
  typealias Place = RecordsFileTests.Place

  /// The events of two writers, in the order they happened.
  final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []
    func add(_ entry: String) {
      lock.lock()
      entries.append(entry)
      lock.unlock()
    }
    var all: [String] {
      lock.lock()
      defer { lock.unlock() }
      return entries
    }
  }

  @Test func aSecondWriterWaitsUntilTheFirstIsDone() throws {
    let place = try Place()
    defer { place.remove() }
    let first = try #require(SQLiteWriterQueue(databasePath: place.path))
    let second = try #require(SQLiteWriterQueue(databasePath: place.path))
    let log = Log()
    let firstIsIn = DispatchSemaphore(value: 0)
    let firstMayLeave = DispatchSemaphore(value: 0)
    let bothDone = DispatchGroup()
    DispatchQueue.global().async(group: bothDone) {
      try? first.inTurn(within: 10) {
        log.add("first in")
        firstIsIn.signal()
        firstMayLeave.wait()
        log.add("first out")
      }
    }
    firstIsIn.wait()
    #expect(place.tryHolding() == nil, "the first writer holds the queue")
    DispatchQueue.global().async(group: bothDone) {
      try? second.inTurn(within: 10) { log.add("second in") }
    }
    // Time for the second writer to reach the queue and, were there none, to get in.
    usleep(100_000)
    #expect(log.all == ["first in"])
    firstMayLeave.signal()
    #expect(bothDone.wait(timeout: .now() + 10) == .success)
    #expect(log.all == ["first in", "first out", "second in"])
    let free = try #require(place.tryHolding(), "nobody holds the queue afterwards")
    close(free)
  }

  /// A holder that never lets go (a process stopped with SIGSTOP while writing) makes the
  /// others give up with `busy` once their time is up, not hang.
  @Test func aWaitEndsWithBusyWhenTheHolderNeverLeaves() throws {
    let place = try Place()
    defer { place.remove() }
    let queue = try #require(SQLiteWriterQueue(databasePath: place.path))
    let stopped = try #require(place.tryHolding())
    defer { close(stopped) }
    var maskBefore = sigset_t()
    pthread_sigmask(SIG_SETMASK, nil, &maskBefore)
    let started = Date()
    var ran = false
    #expect(throws: RecordsError.busy) {
      try queue.inTurn(within: 0.3) { ran = true }
    }
    let waited = Date().timeIntervalSince(started)
    #expect(!ran)
    #expect(waited >= 0.29 && waited < 3, "waited \(waited) s")
    var maskAfter = sigset_t()
    pthread_sigmask(SIG_SETMASK, nil, &maskAfter)
    #expect(memcmp(&maskBefore, &maskAfter, MemoryLayout<sigset_t>.size) == 0)
    var pending = sigset_t()
    sigpending(&pending)
    #expect(sigismember(&pending, course_menu_lock_wake_signal()) == 0)
  }

  @Test func theQueueIsFreeAgainWhenTheWriteFails() throws {
    let place = try Place()
    defer { place.remove() }
    let queue = try #require(SQLiteWriterQueue(databasePath: place.path))
    struct Failure: Error {}
    #expect(throws: Failure.self) { try queue.inTurn(within: 1) { throw Failure() } }
    let free = try #require(place.tryHolding())
    close(free)
  }

  /// Where the queue's file cannot be made, writers still write: SQLite's busy handler makes
  /// them wait, as it did before the queue.
  @Test func writesGoOnWithoutAQueueFile() throws {
    let place = try Place()
    defer { place.remove() }
    try FileManager.default.createDirectory(
      atPath: place.path + SQLiteWriterQueue.suffix, withIntermediateDirectories: false)
    #expect(SQLiteWriterQueue(databasePath: place.path) == nil)
    let store = try RecordsStore(path: place.path)
    let engine = try #require(store.engine as? SQLiteEngine)
    #expect(engine.writerQueue == nil)
    _ = try store.importMembers([draft("1")])
    #expect(try store.members().count == 1)
  }

  /// Every write of the engine waits in the queue: while another process holds it, a write
  /// does not start.
  @Test func theEnginesWritesWaitInTheQueue() throws {
    let place = try Place()
    defer { place.remove() }
    let store = try RecordsStore(path: place.path)
    let engine = try #require(store.engine as? SQLiteEngine)
    #expect(engine.writerQueue != nil)
    let holder = try #require(place.tryHolding())
    let written = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      _ = try? store.importMembers([draft("1")])
      written.signal()
    }
    #expect(written.wait(timeout: .now() + 0.2) == .timedOut)
    close(holder)
    #expect(written.wait(timeout: .now() + 10) == .success)
    #expect(try store.members().count == 1)
  }
}

extension RecordsFileTests.Place {
  /// A lock on the queue's file through a descriptor of its own, as another process holds it;
  /// nil when it is taken.
  func tryHolding() -> Int32? {
    let descriptor = open(path + SQLiteWriterQueue.suffix, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      return nil
    }
    return descriptor
  }
}
