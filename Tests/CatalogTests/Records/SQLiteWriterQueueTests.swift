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
    let first = try #require(place.queue())
    let second = try #require(place.queue())
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
    let queue = try #require(place.queue())
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
    let queue = try #require(place.queue())
    struct Failure: Error {}
    #expect(throws: Failure.self) { try queue.inTurn(within: 1) { throw Failure() } }
    let free = try #require(place.tryHolding())
    close(free)
  }

  /// Where the queue's file cannot be used, writers still write: SQLite's busy handler makes
  /// them wait, as it did before the queue. A FIFO in its place must not block the open
  /// (it hung every writer, and the program's exit, until someone opened the FIFO's other end).
  @Test(arguments: ["directory", "fifo"])
  func writesGoOnWithoutAQueueFile(_ kind: String) throws {
    let place = try Place()
    defer { place.remove() }
    let queuePath = place.path + SQLiteWriterQueue.suffix
    if kind == "fifo" {
      #expect(mkfifo(queuePath, 0o666) == 0)
    } else {
      try FileManager.default.createDirectory(atPath: queuePath, withIntermediateDirectories: false)
    }
    #expect(place.queue() == nil)
    let store = try RecordsStore(path: place.path)
    let engine = try #require(store.engine as? SQLiteEngine)
    #expect(engine.writerQueue == nil)
    _ = try store.importMembers([draft("1")])
    #expect(try store.members().count == 1)
  }

  /// The queue file has the database's permissions, so that nobody who may not read the
  /// records can hold up their writers; one made 0664 by an older version is brought in line.
  @Test func theQueueFileHasTheDatabasesMode() throws {
    let place = try Place()
    defer { place.remove() }
    FileManager.default.createFile(atPath: place.path, contents: nil)
    #expect(chmod(place.path, 0o660) == 0)
    let queuePath = place.path + SQLiteWriterQueue.suffix
    for existing in [false, true] {
      if existing {
        #expect(chmod(queuePath, 0o664) == 0)
      }
      _ = try #require(SQLiteWriterQueue(databasePath: place.path))
      var info = stat()
      #expect(stat(queuePath, &info) == 0)
      #expect(info.st_mode & 0o777 == 0o660, "existing: \(existing)")
    }
  }

  /// Writers that name the records through a symbolic link line up with those that name the
  /// file itself.
  @Test func theQueueFollowsTheFileNotThePath() throws {
    let place = try Place()
    defer { place.remove() }
    FileManager.default.createFile(atPath: place.path, contents: nil)
    let link = place.directory + "/link.sqlite"
    #expect(symlink(place.path, link) == 0)
    let queue = try #require(SQLiteWriterQueue(databasePath: link))
    #expect(queue.path == place.path + SQLiteWriterQueue.suffix)
    #expect(!FileManager.default.fileExists(atPath: link + SQLiteWriterQueue.suffix))
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

extension RecordsFileTests.Place {
  /// The queue of a database file at `path` (an empty file is an empty database).
  func queue() -> SQLiteWriterQueue? {
    FileManager.default.createFile(atPath: path, contents: nil)
    return SQLiteWriterQueue(databasePath: path)
  }
}
