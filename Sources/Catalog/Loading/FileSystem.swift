#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few file operations loading needs, on POSIX directly: Foundation's start-up cost
/// would show in the time to the first frame.
///
/// Only regular files of sane size are read: a FIFO would block the reader forever and a
/// link to `/dev/zero` would fill the memory, so anything else is refused before it is opened.
enum FileSystem {
  /// The largest file read: the biggest catalog measured (10,000 courses) is 5 MB and a
  /// 165,000-member roster about 15 MB.
  static let maximumFileSize = 64 << 20

  enum Failure: Error, Hashable {
    case missing
    case notADirectory
    /// A directory where a file was expected.
    case isDirectory
    /// A FIFO, device, socket: never opened.
    case notARegularFile(SpecialFile)
    case tooLarge(bytes: Int)
    /// The errno of a failed system call.
    case system(Int32)
  }

  enum SpecialFile: Hashable {
    case fifo, characterDevice, blockDevice, socket, other
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// Why `info` is not a regular file, nil when it is one.
  private static func irregularity(_ info: stat) -> Failure? {
    switch info.st_mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: .isDirectory
    case S_IFIFO: .notARegularFile(.fifo)
    case S_IFCHR: .notARegularFile(.characterDevice)
    case S_IFBLK: .notARegularFile(.blockDevice)
    case S_IFSOCK: .notARegularFile(.socket)
    default: .notARegularFile(.other)
    }
  }

  /// The whole content of a regular file of at most `maximumFileSize` bytes.
  static func readFile(_ path: String) -> Result<[UInt8], Failure> {
    readStampedFile(path).map(\.bytes)
  }

  /// The same, with the file's stamp as it was when opened, before a byte was read: a file
  /// changed while it is read gets a newer stamp, so a key made of stamps never hides it.
  static func readStampedFile(_ path: String) -> Result<(bytes: [UInt8], stamp: FileStamp), Failure>
  {
    // Looked at before it is opened: opening a FIFO blocks, opening a device may do things.
    var info = stat()
    guard stat(path, &info) == 0 else { return .failure(failure(errno)) }
    if let irregular = irregularity(info) { return .failure(irregular) }
    if Int(info.st_size) > maximumFileSize { return .failure(.tooLarge(bytes: Int(info.st_size))) }
    // O_NONBLOCK: should the path have been swapped for a FIFO since, opening still returns.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return .failure(failure(errno)) }
    defer { close(descriptor) }
    guard fstat(descriptor, &info) == 0 else { return .failure(failure(errno)) }
    if let irregular = irregularity(info) { return .failure(irregular) }
    let stamp = FileStamp(info)
    var bytes = [UInt8](repeating: 0, count: min(max(Int(info.st_size), 0), maximumFileSize))
    var filled = 0
    while true {
      if filled == bytes.count {
        // The file grew after fstat: read on, but never past the limit.
        guard filled <= maximumFileSize else { return .failure(.tooLarge(bytes: filled)) }
        bytes.append(contentsOf: repeatElement(0, count: 4096))
      }
      let count = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(failure(errno))
      }
      if count == 0 { break }
      filled += count
    }
    bytes.removeSubrange(filled...)
    return .success((bytes, stamp))
  }

  /// The stamp of whatever the path names now (following links), nil when nothing is there.
  static func stamp(_ path: String) -> FileStamp? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileStamp(info)
  }

  /// The path with every symbolic link, `.` and `..` resolved.
  static func realPath(_ path: String) -> Result<String, Failure> {
    guard let resolved = realpath(path, nil) else { return .failure(failure(errno)) }
    defer { free(resolved) }
    return .success(String(cString: resolved))
  }

  /// Names of the visible entries in a directory, sorted.
  static func listFiles(in directory: String) -> Result<[String], Failure> {
    guard let handle = opendir(directory) else { return .failure(failure(errno)) }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if !name.hasPrefix(".") { names.append(name) }
    }
    return .success(names.sorted())
  }

  private static func failure(_ code: Int32) -> Failure {
    switch code {
    case ENOENT: .missing
    case ENOTDIR: .notADirectory
    case EISDIR: .isDirectory
    default: .system(code)
    }
  }
}

/// What identifies a file's content without reading it: device, inode, size, and the times
/// of the last change of content (mtime) and of the inode (ctime), to the nanosecond. An edit,
/// a `touch`, a copy or a rename over the file all change it.
public struct FileStamp: Hashable, Sendable {
  public var device: UInt64
  public var inode: UInt64
  public var size: Int64
  public var modifiedSeconds: Int64
  public var modifiedNanoseconds: Int64
  public var changedSeconds: Int64
  public var changedNanoseconds: Int64

  public init(
    device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int64,
    modifiedNanoseconds: Int64, changedSeconds: Int64, changedNanoseconds: Int64
  ) {
    self.device = device
    self.inode = inode
    self.size = size
    self.modifiedSeconds = modifiedSeconds
    self.modifiedNanoseconds = modifiedNanoseconds
    self.changedSeconds = changedSeconds
    self.changedNanoseconds = changedNanoseconds
  }

  init(_ info: stat) {
    self.init(
      device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
      modifiedSeconds: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec),
      changedSeconds: Int64(info.st_ctim.tv_sec), changedNanoseconds: Int64(info.st_ctim.tv_nsec))
  }
}
