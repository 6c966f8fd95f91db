/// The one place state changes: an event and the current state give the next state and
/// the effects the app loop must carry out. Pure, so every key can be tested without a
/// terminal.
func update(_ state: AppState, _ event: Event) -> (AppState, [Effect]) {
  var state = state
  switch event {
  case .resize(let size):
    state.size = size
    return (state, [])
  case .hangup:
    return (state, [.quit])
  case .records(let reply):
    return receive(reply, in: state)
  case .key(let key):
    state.message = nil
    guard !state.isTooSmall else { return (state, []) }
    var screen = state.top
    if let navigation = screen.input(key, state.context) {
      state.replaceTop(screen)
      return follow(navigation, from: state)
    }
    guard let command = Command(key: key) else { return (state, []) }
    return apply(command, to: state)
  case .click(let x, let y):
    state.message = nil
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
    return (state, effects(opening: next, in: state))
  case .perform(let effect):
    return (state, [effect])
  case .back:
    // Leaving the first screen ends the program: ask first.
    if !state.pop() { state.push(.quit(QuitScreen())) }
  case .refuse(let message):
    state.message = message
  }
  return (state, [])
}
