import Catalog

#if canImport(Glibc)
  import Glibc
#endif

/// Tells a session on this machine, at once, that a login elsewhere has ended it, so it can
/// say so and leave instead of finding out at its next check.
///
/// Each session listens on a datagram socket in Linux's abstract namespace, named after its
/// process (id and start time), so no file is left behind by a killed process and no
/// permission stands between the two accounts members come in by (PIN and key run as
/// different users, and a signal would need the same one). A nudge carries nothing: whoever
/// sends one, the session only asks the records whether it has really ended, so a stray nudge
/// costs one read.
final class SessionNudge {
  /// Readable when a nudge has come.
  let descriptor: Int32

  /// Listens for nudges to this process; nil when the socket cannot be had (then the slow
  /// check alone finds a replaced session).
  init?(process: ProcessIdentity = .current) {
    let socket = Glibc.socket(
      AF_UNIX, Int32(SOCK_DGRAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
    guard socket >= 0 else { return nil }
    var (address, length) = Self.address(of: process)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
    }
    guard bound == 0 else {
      close(socket)
      return nil
    }
    descriptor = socket
  }

  deinit { close(descriptor) }

  /// Whether a nudge came since the last call; takes every one waiting.
  func take() -> Bool {
    var byte: UInt8 = 0
    var came = false
    while recv(descriptor, &byte, 1, 0) >= 0 { came = true }
    return came
  }

  /// Nudges the session of `process`, if it listens; nothing happens otherwise.
  static func send(to process: ProcessIdentity) {
    let socket = Glibc.socket(
      AF_UNIX, Int32(SOCK_DGRAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
    guard socket >= 0 else { return }
    defer { close(socket) }
    var (address, length) = address(of: process)
    var byte: UInt8 = 1
    _ = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        sendto(socket, &byte, 1, 0, $0, length)
      }
    }
  }

  /// `\0course-menu-session/PID/START`: an abstract name (the leading zero byte), counted by
  /// length rather than ended by a zero.
  static func address(of process: ProcessIdentity) -> (sockaddr_un, socklen_t) {
    let name = Array("course-menu-session/\(process.pid)/\(process.startTime)".utf8)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { path in
      path[0] = 0
      for (index, byte) in name.prefix(path.count - 1).enumerated() { path[index + 1] = byte }
    }
    let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path) ?? 2
    return (address, socklen_t(pathOffset + 1 + min(name.count, 107)))
  }
}
