import Catalog

// How `update` keeps the session row (`SessionPolicy`): opened at start, claimed at login (one
// live session per member), checked now and then while a member is logged in, and ended with
// the reason the program ends. Pure, like the rest of `update`.

/// The state and the records calls the program starts with: with a session row, it is
/// opened, and a member who came in by key enters.
func start(_ state: AppState) -> (AppState, [Effect]) {
  guard let policy = state.sessionPolicy else { return (state, []) }
  var state = state
  // Over SSH the idle time runs from the start, for a guest too.
  state.idleTimer?.restart(at: state.now.uptime)
  var effects: [Effect] = [.records(state.records.send(.openSession, at: state.now.uptime))]
  if let member = policy.keyMember {
    effects.append(.records(state.records.send(.enter(memberID: member), at: state.now.uptime)))
  }
  return (state, effects)
}

/// The end of a session that has run out of time before an event: idle too long over SSH
/// (the program ends: there is no next person at this keyboard), or the screen saying why it
/// ended has been up long enough. Nil while it goes on.
func sessionEnding(_ state: AppState) -> (AppState, [Effect])? {
  guard state.sessionPolicy != nil else { return nil }
  if case .sessionEnded(let screen) = state.top {
    return state.now.uptime >= screen.closesAt ? leave(state, nil) : nil
  }
  guard let idle = state.activeIdleTimer, idle.secondsLeft(at: state.now.uptime) <= 0 else {
    return nil
  }
  var state = state
  state.farewell = SSHText.farewellIdle(seconds: Int(idle.seconds))
  return leave(state, .idle)
}

/// Adds the slow check (`SessionPolicy.checkInterval`) once it is due.
func checkingSession(_ state: AppState, _ effects: [Effect]) -> (AppState, [Effect]) {
  guard let due = state.sessionPolicy?.nextCheck, state.now.uptime >= due,
    !effects.contains(.quit)
  else { return (state, effects) }
  let (checked, more) = checkSession(state)
  return (checked, effects + more)
}

/// Asks the records whether a login elsewhere has ended this session; only a member's
/// session can be.
func checkSession(_ state: AppState) -> (AppState, [Effect]) {
  guard state.sessionPolicy != nil, state.session != nil else { return (state, []) }
  var state = state
  state.sessionPolicy?.nextCheck = state.now.uptime + SessionPolicy.checkInterval
  return ask(.checkSession, in: state)
}

/// A member logged out and the program goes on (the shared study account): their row ends,
/// and a guest row starts for whoever comes next.
func loggedOut(_ state: AppState) -> (AppState, [Effect]) {
  var state = state
  guard state.sessionPolicy != nil else { return (state, []) }
  state.sessionPolicy?.nextCheck = nil
  return ask(.endSession(.logout), in: state)
}

/// A member is logged in now: with a session row, checks start.
func sessionLoggedIn(_ state: inout AppState) {
  state.sessionPolicy?.nextCheck = state.now.uptime + SessionPolicy.checkInterval
}

/// The answers about the session row itself.
func receiveSession(_ reply: RecordsReply, in state: AppState) -> AppState {
  var state = state
  switch reply {
  case .sessionEnded(let by):
    // The records of this member are no longer shown here; the screen says why, then the
    // program ends.
    state.sessionPolicy?.nextCheck = nil
    state.farewell = SSHText.farewellReplaced(by, today: state.today)
    state.replaceAll(
      with: .sessionEnded(
        SessionEndedScreen(
          replacedBy: by, closesAt: state.now.uptime + SessionPolicy.endedScreenSeconds,
          today: state.today)))
  case .failed(.session, let message):
    // The audit could not be written or read: say so; the member may go on, and the next
    // check tries again.
    state.message = MemberText.loadFailed(message)
  default:
    break
  }
  return state
}
