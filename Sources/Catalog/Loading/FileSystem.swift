#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few file operations loading needs, on POSIX directly: Foundation's start-up cost
/// would show in the time to the first frame.
enum FileSystem {
  enum Failure: Error {
    case missing
    case notADirectory
    /// The errno and the system's own (English) text for it.
    case unreadable(Int32, String)
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  static func readFile(_ path: String) -> Result<[UInt8], Failure> {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      return .failure(errno == ENOENT ? .missing : .unreadable(errno, errorText()))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(errno, errorText())) }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      return .failure(.unreadable(EISDIR, errorText(EISDIR)))
    }
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0))
    var filled = 0
    while true {
      if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }
      let count = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.unreadable(errno, errorText()))
      }
      if count == 0 { break }
      filled += count
    }
    bytes.removeSubrange(filled...)
    return .success(bytes)
  }

  /// Names of the visible entries in a directory, sorted.
  static func listFiles(in directory: String) -> Result<[String], Failure> {
    guard let handle = opendir(directory) else {
      return .failure(errno == ENOENT ? .missing : .unreadable(errno, errorText()))
    }
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

  static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
}
