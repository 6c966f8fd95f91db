import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The records database as files: the checks made before SQLite touches them, so that no
/// open leaves behind files other users cannot use, writes to a file that is not ours, or
/// upgrades a file a newer program wrote.
///
/// SQLite keeps a WAL database in three files: the database, `-wal` and `-shm`. The last two
/// take the mode of the database file when SQLite creates them, whoever creates them. A
/// read-only open must not create them at all (a 0444 `-shm` made by a read-only user kept
/// failing for everyone after the database itself was fixed), and a read-write open must find
/// them writable.
enum RecordsFile {
  static let sidecarSuffixes = ["-wal", "-shm"]

  struct Status: Equatable {
    var mode: mode_t
    var owner: uid_t
    var size: off_t
    var modified: timespec
    var inode: ino_t

    static func == (lhs: Status, rhs: Status) -> Bool {
      lhs.mode == rhs.mode && lhs.owner == rhs.owner && lhs.size == rhs.size
        && lhs.modified.tv_sec == rhs.modified.tv_sec
        && lhs.modified.tv_nsec == rhs.modified.tv_nsec && lhs.inode == rhs.inode
    }
  }

  /// nil when nothing is at `path`.
  static func status(_ path: String) -> Status? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Status(
      mode: info.st_mode, owner: info.st_uid, size: info.st_size, modified: info.st_mtim,
      inode: info.st_ino)
  }

  static func ownerName(_ owner: uid_t) -> String {
    guard let entry = getpwuid(owner), let name = entry.pointee.pw_name else { return "\(owner)" }
    return String(cString: name)
  }

  // MARK: Read-write

  /// Before a read-write open of an existing file: it is a regular file this process may write,
  /// in a directory where SQLite can make `-wal` and `-shm`, and those, if present, are
  /// writable. A sidecar this process owns that has the wrong mode (left by an older version
  /// or a read-only user) is given the database file's mode.
  static func prepareForWriting(_ path: String) throws {
    guard let database = status(path) else { return }
    guard (database.mode & S_IFMT) == S_IFREG else {
      throw RecordsError.cannotOpen(path: path, reason: RecordsText.notARegularFile)
    }
    guard access(path, R_OK | W_OK) == 0 else {
      throw RecordsError.cannotOpen(
        path: path,
        reason: RecordsText.notWritable(
          path, mode: Int(database.mode & 0o777), owner: ownerName(database.owner)))
    }
    var missingSidecar = false
    for suffix in sidecarSuffixes {
      let sidecar = path + suffix
      guard let info = status(sidecar) else {
        missingSidecar = true
        continue
      }
      if access(sidecar, R_OK | W_OK) == 0 { continue }
      if info.owner == geteuid() {
        _ = chmod(sidecar, database.mode & 0o777)
        if access(sidecar, R_OK | W_OK) == 0 { continue }
      }
      throw RecordsError.cannotOpen(
        path: path,
        reason: RecordsText.sidecarNotWritable(
          sidecar, mode: Int(info.mode & 0o777), owner: ownerName(info.owner)))
    }
    let directory = (path as NSString).deletingLastPathComponent
    if missingSidecar, access(directory.isEmpty ? "." : directory, W_OK) != 0 {
      throw RecordsError.cannotOpen(
        path: path, reason: RecordsText.directoryNotWritable(directory.isEmpty ? "." : directory))
    }
  }

  // MARK: Read-only

  /// A read-only connection that creates nothing. When `-wal` exists (the database is in use
  /// or was not closed cleanly) SQLite reads it through the existing `-shm`, which needs no
  /// write permission. When it does not, the main file holds everything: it is opened
  /// immutable, which makes no `-wal` or `-shm`, and `Snapshot` tells whether a writer came
  /// along while it was being read.
  static func openReadOnly(_ path: String, label: String) throws -> (DatabaseQueue, Snapshot?) {
    guard let database = status(path) else {
      throw RecordsError.cannotOpen(path: path, reason: RecordsText.missingFile)
    }
    guard (database.mode & S_IFMT) == S_IFREG else {
      throw RecordsError.cannotOpen(path: path, reason: RecordsText.notARegularFile)
    }
    var configuration = Configuration()
    configuration.label = label
    configuration.readonly = true
    if status(path + "-wal") != nil {
      return (
        try translatingOpenErrors(path) {
          try DatabaseQueue(path: path, configuration: configuration)
        }, nil
      )
    }
    let snapshot = Snapshot(path: path, status: database)
    let queue = try translatingOpenErrors(path) {
      try DatabaseQueue(path: immutableURI(path), configuration: configuration)
    }
    return (queue, snapshot)
  }

  /// The database file as it was when opened immutable.
  struct Snapshot: Sendable {
    let path: String
    let status: Status

    /// Whether what was read may mix two states of the file: a writer has since made a
    /// `-wal` or changed the file.
    var isStale: Bool {
      RecordsFile.status(path + "-wal") != nil || RecordsFile.status(path) != status
    }
  }

  /// `file:` URI of a path with `immutable=1`, characters outside a path's plain ones escaped.
  static func immutableURI(_ path: String) -> String {
    let absolute =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var escaped = ""
    for byte in absolute.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "-"),
        UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
        escaped.append(Character(Unicode.Scalar(byte)))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        escaped += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return "file:\(escaped)?immutable=1"
  }

  /// SQLite's failures to open, as `RecordsError.cannotOpen` with a Chinese reason.
  static func translatingOpenErrors<T>(_ path: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      if error.resultCode == .SQLITE_NOTADB { throw RecordsError.notADatabase(path: path) }
      throw RecordsError.cannotOpen(
        path: path,
        reason: RecordsText.sqliteFailure(
          code: error.extendedResultCode.rawValue, detail: error.message ?? "\(error.resultCode)"))
    }
  }
}
