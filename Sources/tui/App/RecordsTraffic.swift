/// The records calls `update` has sent and not yet seen answered: what lets the screen say
/// the records are busy, quitting wait for a write, and a late or out-of-order answer be told
/// from a fresh one.
///
/// The worker carries calls out one at a time in the order sent, so a call with a higher
/// serial read the records later. An answer's records are taken only when no answer to a
/// later call has been taken already; what the answer says happened (a selection saved, a
/// PIN refused) is still told.
struct RecordsTraffic: Hashable, Sendable {
  /// How long a call may take before the screen says the records are busy, so a quick answer
  /// never makes the screen flicker.
  static let busyDelay = 0.15

  /// A call on its way: what the member is told meanwhile, and when it left (uptime).
  struct Awaited: Hashable, Sendable {
    var activity: RecordsRequest.Activity
    var sentAt: Double

    /// Whether the line above the keys tells of it (a login screen says so itself; the
    /// session row's bookkeeping is never shown).
    var isShown: Bool { activity != .checkingPIN && activity != .quiet }
  }

  private(set) var lastSerial = 0
  private(set) var awaited: [Int: Awaited] = [:]
  /// The serial of the call whose records the session holds.
  private(set) var freshest = 0
  /// The last login sent: only its answer may log a member in.
  private(set) var lastLogIn: Int?

  /// Numbers a request and notes it as awaited.
  mutating func send(_ request: RecordsRequest, at uptime: Double) -> RecordsCall {
    lastSerial += 1
    awaited[lastSerial] = Awaited(activity: request.activity, sentAt: uptime)
    if request.logsIn { lastLogIn = lastSerial }
    return RecordsCall(serial: lastSerial, request: request)
  }

  /// Takes an answered call off the list; nil when it was not awaited (answered already).
  mutating func receive(_ serial: Int) -> Awaited? {
    awaited.removeValue(forKey: serial)
  }

  /// Whether records read by call `serial` are newer than the ones held; if so they are
  /// held from now on.
  mutating func takeIfNewest(_ serial: Int) -> Bool {
    guard serial > freshest else { return false }
    freshest = serial
    return true
  }

  var isIdle: Bool { awaited.isEmpty }

  var writesPending: Bool { awaited.values.contains { $0.activity == .saving } }

  /// What to tell the member at `uptime`: saving while a write has taken `busyDelay` or
  /// longer, else reading while a read has; nil while everything is quick.
  func busy(at uptime: Double) -> RecordsRequest.Activity? {
    let slow = awaited.values.filter { $0.isShown && uptime - $0.sentAt >= Self.busyDelay }
    if slow.contains(where: { $0.activity == .saving }) { return .saving }
    return slow.isEmpty ? nil : .reading
  }

  /// When a call now quick turns slow enough to be shown; nil when none will.
  func nextBusyDeadline(after uptime: Double) -> Double? {
    awaited.values.filter(\.isShown)
      .map { $0.sentAt + Self.busyDelay }.filter { $0 > uptime }.min()
  }
}
