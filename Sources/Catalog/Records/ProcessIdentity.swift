import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A process as a session row names it: which machine, which boot of it, which process id, and
/// when that process started. A process id alone is reused; with the boot and the start time it
/// names one process for good, so a row left behind by a killed session is told from a live
/// one (and a reused id is never signalled by mistake).
public struct ProcessIdentity: Hashable, Sendable {
  public var host: String
  /// `/proc/sys/kernel/random/boot_id`: new at every boot.
  public var bootID: String
  public var pid: Int32
  /// Field 22 of `/proc/PID/stat`: clock ticks from boot to the process's start.
  public var startTime: UInt64

  public init(host: String, bootID: String, pid: Int32, startTime: UInt64) {
    self.host = host
    self.bootID = bootID
    self.pid = pid
    self.startTime = startTime
  }

  /// This process.
  public static let current: ProcessIdentity = {
    let pid = getpid()
    return ProcessIdentity(
      host: hostName, bootID: bootID, pid: pid, startTime: startTime(of: pid) ?? 0)
  }()

  /// Whether the process still runs: known only on this machine since its boot. Nil for a
  /// process of another machine (another server sharing the records).
  public func isRunning(seenFrom here: ProcessIdentity = .current) -> Bool? {
    guard host == here.host else { return nil }
    guard bootID == here.bootID else { return false }
    return Self.startTime(of: pid) == startTime
  }

  static var hostName: String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
    return String(cString: buffer)
  }

  static var bootID: String {
    (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8))?
      .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
  }

  /// The start time of a running process; nil when none has this id.
  static func startTime(of pid: Int32) -> UInt64? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    // After the command name (which may hold spaces and parentheses): state is field 3, so
    // the start time, field 22, is the 20th after the name.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 19 else { return nil }
    return UInt64(fields[19])
  }
}
