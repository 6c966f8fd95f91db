import Catalog

/// How time moves the state: the deadlines it holds, and what happens when one comes.
/// Pure, like `update`: the moment is given, never read here.
extension AppState {
  /// The state at `moment`: the day follows the wall clock, and a member idle too long is
  /// logged out. A moment older than the one already seen changes nothing.
  func advanced(to moment: Moment) -> AppState {
    guard moment.uptime >= now.uptime else { return self }
    var state = self
    state.now = moment
    if moment.today != today {
      state.session = session.map {
        MemberSession(records: $0.records, catalog: catalog, today: moment.today)
      }
    }
    // With a session row the program ends instead (`sessionEnding`, in `update`).
    if let idle = state.activeIdleTimer, idle.secondsLeft(at: moment.uptime) <= 0,
      state.sessionPolicy == nil
    {
      state.logOutIdle(after: idle)
    }
    if case .signedIn(let screen) = state.top, moment.uptime >= screen.until {
      state.returnToFirstScreen()
    }
    return state
  }

  /// The idle timer, while it applies: to a member logged in; with a session row (SSH), to
  /// anyone connected, guest or member, until the session has ended; at a kiosk to anyone
  /// away from the start screen (an administrator, a guest, a number half typed).
  var activeIdleTimer: IdleTimer? {
    if case .sessionEnded = top { return nil }
    let applies = session != nil || sessionPolicy != nil || (kiosk != nil && !top.isStart)
    return applies ? idleTimer : nil
  }

  /// The whole seconds left before an idle member is logged out, once the countdown runs.
  var idleCountdown: Int? { activeIdleTimer?.countdown(at: now.uptime) }

  /// What the records are busy with, once they have taken long enough to say so.
  var recordsBusy: RecordsRequest.Activity? { records.busy(at: now.uptime) }

  /// The next moment (uptime) the state must hear the time, nil when it holds no deadline:
  /// midnight, the idle countdown and logout, a records call turning slow enough to show;
  /// with a session row, the next check and the end of the screen saying why it ended.
  var nextDeadline: Double? {
    var deadlines: [Double] = []
    if now.midnight.isFinite { deadlines.append(now.midnight) }
    if let idle = activeIdleTimer { deadlines.append(idle.nextDeadline(at: now.uptime)) }
    if let busy = records.nextBusyDeadline(after: now.uptime) { deadlines.append(busy) }
    if let check = sessionPolicy?.nextCheck { deadlines.append(check) }
    if case .sessionEnded(let screen) = top { deadlines.append(screen.closesAt) }
    if let refresh = nextStationRefresh { deadlines.append(refresh) }
    if case .signedIn(let screen) = top { deadlines.append(screen.until) }
    return deadlines.min()
  }

  /// A key or a click: the member is there. Returns true when it only cancelled the idle
  /// countdown, and must do nothing else (the member may not have seen what it would do).
  mutating func noteActivity() -> Bool {
    let cancelsCountdown = idleCountdown != nil
    idleTimer?.restart(at: now.uptime)
    return cancelsCountdown
  }

  /// Back to the first screen, logged out, saying why.
  private mutating func logOutIdle(after idle: IdleTimer) {
    let member = session != nil
    returnToFirstScreen()
    message =
      member
      ? MemberText.loggedOutIdle(seconds: Int(idle.seconds))
      : KioskText.returnedIdle(seconds: Int(idle.seconds))
  }
}
