import Catalog

/// What a kiosk (`--kiosk --station ID`) knows of its station, as last read, and who is at
/// its keyboard as administrator.
///
/// The station's state is read in the background every `refreshInterval` seconds while a
/// screen shows it (the start screen and the administrator's), through the records worker
/// and never on the way of a key, so a sign-in opened from a shell appears without anyone
/// pressing a key. Between reads the program sleeps.
struct KioskState: Hashable, Sendable {
  static let refreshInterval = 3.0
  /// How long 签到成功 stays up before the screen is ready for the next person.
  static let signedInSeconds = 5.0

  let stationID: String
  /// Nil until read, or when the station is not in the records.
  var station: Station?
  var open: Showing?
  /// The read said the station is not in the records.
  var stationUnknown = false
  /// Why the last read failed; nil once one succeeds.
  var problem: String?
  /// When the next read is due (uptime); nil while one is on its way.
  var nextRefresh: Double? = 0
  /// The administrator who gave number and PIN, until back on the start screen.
  var administrator: Administrator?
  /// For administrators, one line: the catalog has errors and the last good one is served.
  let catalogWarning: String?

  init(stationID: String, catalogWarning: String? = nil) {
    self.stationID = stationID
    self.catalogWarning = catalogWarning
  }

  /// The station's name, or its number until it is known.
  var stationName: String { station?.name ?? stationID }
}

extension AppState {
  /// Whether the screen shown needs the station's state kept fresh.
  var wantsStationStatus: Bool { kiosk != nil && top.showsStation }

  /// The station's next background read (uptime), when the screen shown needs one.
  var nextStationRefresh: Double? { wantsStationStatus ? kiosk?.nextRefresh : nil }

  /// Sends the station's background read when it is due.
  func refreshingStation() -> (AppState, [Effect]) {
    guard let kiosk, let due = nextStationRefresh, now.uptime >= due else { return (self, []) }
    var state = self
    state.kiosk?.nextRefresh = nil
    let call = state.records.send(
      .station(.status(stationID: kiosk.stationID)), at: state.now.uptime)
    return (state, [.records(call)])
  }

  /// Takes a read of the station's state and schedules the next one.
  mutating func takeStationStatus(_ station: Station?, _ open: Showing?) {
    guard var kiosk else { return }
    kiosk.station = station
    kiosk.stationUnknown = station == nil
    kiosk.open = open
    kiosk.problem = nil
    kiosk.nextRefresh = now.uptime + KioskState.refreshInterval
    self.kiosk = kiosk
  }

  /// A read failed: what was read before stays, and the next read is tried in a while.
  mutating func stationStatusFailed(_ message: String) {
    kiosk?.problem = message
    kiosk?.nextRefresh = now.uptime + KioskState.refreshInterval
  }

  /// Reads the station again at once (after a sign-in, or an administrator's change).
  mutating func refreshStationSoon() {
    if kiosk?.nextRefresh != nil { kiosk?.nextRefresh = now.uptime }
  }
}

extension Key {
  /// Ctrl-C or another control character: what would stop, suspend, dump or freeze a
  /// program in a terminal's cooked mode.
  var isControl: Bool {
    switch self {
    case .interrupt, .control: true
    default: false
    }
  }
}
