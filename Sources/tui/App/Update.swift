import Catalog

/// The one place state changes: an event and the current state give the next state and
/// the effects the app loop must carry out. Pure, so every key can be tested without a
/// terminal, and time without a clock: `moment` is when the event came (the loop reads the
/// clock; tests leave it out, and then no time passes, or send `.tick`).
func update(_ state: AppState, _ event: Event, at moment: Moment? = nil) -> (AppState, [Effect]) {
  let (next, effects) = step(state, event, at: moment)
  return leavingQuizzes(from: state, to: next, effects)
}

private func step(_ state: AppState, _ event: Event, at moment: Moment?) -> (AppState, [Effect]) {
  var state = moment.map { state.advanced(to: $0) } ?? state
  if case .tick(let moment) = event { state = state.advanced(to: moment) }
  // Time ran out for the session before this event (self-study over SSH): it ends.
  if let ending = sessionEnding(state) { return ending }
  let (next, effects) = handle(event, in: state)
  // A kiosk reads its station when that is due (`KioskState`).
  let (refreshed, refresh) = next.refreshingStation()
  return checkingSession(refreshed, effects + refresh)
}

private func handle(_ event: Event, in state: AppState) -> (AppState, [Effect]) {
  var state = state
  switch event {
  case .tick:
    return (state, [])
  case .resize(let size):
    state.size = size
    return (state, [])
  case .hangup:
    return leave(state, .hangup)
  case .records(let answer):
    return receive(answer, in: state)
  case .sessionNudged:
    return checkSession(state)
  case .key(let key):
    if case .sessionEnded = state.top { return leave(state, nil) }
    // At a kiosk Ctrl-C, Ctrl-Z, Ctrl-\ and Ctrl-S do nothing at all, not even go back.
    if state.kiosk != nil, key.isControl { return (state, []) }
    state.message = nil
    if state.noteActivity() { return (state, []) }
    guard !state.isTooSmall else { return (state, []) }
    let key = key.normalized
    var screen = state.top
    if let navigation = screen.input(key, state.context) {
      state.replaceTop(screen)
      return follow(navigation, from: state)
    }
    guard let command = Command(key: key) else { return (state, []) }
    return apply(command, to: state)
  case .click(let x, let y):
    if case .sessionEnded = state.top { return leave(state, nil) }
    state.message = nil
    if state.noteActivity() { return (state, []) }
    let body = state.layout.body
    guard !state.isTooSmall, y >= body.y, y < body.maxY,
      let command = state.top.screen.command(
        forClickAt: x - body.x, row: y - body.y, state.context)
    else { return (state, []) }
    return apply(command, to: state)
  }
}

private func apply(_ command: Command, to state: AppState) -> (AppState, [Effect]) {
  var state = state
  if command == .help {
    if !state.top.isHelp { state.push(.help(HelpScreen())) }
    return (state, [])
  }
  if command == .search {
    state.openSearch()
    return (state, [])
  }
  var screen = state.top
  let navigation = screen.update(command, state.context)
  state.replaceTop(screen)
  return follow(navigation, from: state)
}

/// Goes where a screen sent the member.
private func follow(_ navigation: Navigation, from state: AppState) -> (AppState, [Effect]) {
  var state = state
  switch navigation {
  case .stay:
    break
  case .push(let next):
    state.push(next)
    if let request = request(opening: next, in: state) { return ask(request, in: state) }
  case .ask(let request):
    return ask(request, in: state)
  case .back:
    let member = state.session
    if !state.pop() {
      // Leaving the first screen ends the program: ask first.
      state.push(.quit(QuitScreen()))
    } else if member != nil, state.session == nil {
      return loggedOut(state)
    }
  case .replace(let next):
    state.replaceTop(next)
    if let request = request(opening: next, in: state) { return ask(request, in: state) }
  case .refuse(let message):
    state.message = message
  case .quit:
    return leave(state, .quit)
  }
  return (state, [])
}

/// Sends a request to the records worker.
func ask(_ request: RecordsRequest, in state: AppState) -> (AppState, [Effect]) {
  var state = state
  let call = state.records.send(request, at: state.now.uptime)
  return (state, [.records(call)])
}

/// Leaves; a write still on its way is waited for, and the member told so meanwhile. With a
/// session row, `reason` is written into it first (nil: it has ended already).
func leave(_ state: AppState, _ reason: SessionEnd?) -> (AppState, [Effect]) {
  var state = state
  if state.records.writesPending { state.message = MemberText.savingBeforeQuit }
  guard state.sessionPolicy != nil, let reason else { return (state, [.quit]) }
  let call = state.records.send(.endSession(reason), at: state.now.uptime)
  return (state, [.records(call), .quit])
}
