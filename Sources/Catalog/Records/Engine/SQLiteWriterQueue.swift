import CWriterQueue
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lines up the processes that write one SQLite records file, so that the write lock passes
/// from one to the next as soon as it is free, in the order they came.
///
/// SQLite's waiting writers poll: each sleeps and tries again (`SQLiteEngine.busyMode`), so
/// the lock sits free between tries while a newcomer may take it first, and with sixteen
/// writers on two CPUs one write in a hundred waited 50-130 ms (bench/records). Here a writer
/// first takes an exclusive `flock` on a file beside the database (`<records>-writers`),
/// waiting in the kernel, which wakes the next waiter the moment the lock is released (or its
/// holder dies), and keeps it for its one transaction. SQLite's own locks still decide who may
/// write; this only orders the writers that are about to ask. The wait is bounded: when the
/// holder is stopped (SIGSTOP, a debugger), the others give up with `RecordsError.busy`.
///
/// The file is never removed (a waiter could be holding the old one while a newcomer creates
/// another); it holds nothing.
final class SQLiteWriterQueue: @unchecked Sendable {
  static let suffix = "-writers"

  let path: String
  private let descriptor: Int32

  /// Opens (creating it if needed) the queue file of the database at `databasePath`; nil when
  /// it cannot, and then writers go straight to SQLite, as before.
  ///
  /// - The name follows the database file itself (symbolic links resolved), so writers that
  ///   name it by different paths line up in one queue.
  /// - The file gets the database's permissions, as SQLite gives them to `-wal` and `-shm`:
  ///   whoever may not read the records cannot hold up their writers either.
  /// - Only a regular file serves; anything else (a FIFO, a device, a directory, a symbolic
  ///   link) is not waited on, opened without blocking and left alone.
  init?(databasePath: String) {
    let database =
      realpath(databasePath, nil).map { resolved in
        defer { free(resolved) }
        return String(cString: resolved)
      } ?? databasePath
    path = database + Self.suffix
    var databaseInfo = stat()
    guard stat(database, &databaseInfo) == 0 else { return nil }
    let databaseMode = databaseInfo.st_mode & 0o666
    // flock needs no write permission: a queue file another user created serves as it is.
    let descriptor = open(
      path, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, databaseMode)
    guard descriptor >= 0 else { return nil }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      close(descriptor)
      return nil
    }
    // The umask may have taken bits away, or an older version made it 0664.
    if info.st_uid == geteuid(), info.st_mode & 0o777 != databaseMode {
      _ = fchmod(descriptor, databaseMode)
    }
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// Runs `body` holding the queue's lock, after waiting at most `timeout` for it.
  func inTurn<T>(within timeout: TimeInterval, _ body: () throws -> T) throws -> T {
    let milliseconds = Int(max(0, timeout * 1000).rounded(.up))
    switch course_menu_lock_exclusive_within(descriptor, milliseconds) {
    case 0: break
    case ETIMEDOUT: throw RecordsError.busy
    default: return try body()  // a queue that fails leaves the order to SQLite
    }
    defer { flock(descriptor, LOCK_UN) }
    return try body()
  }
}
