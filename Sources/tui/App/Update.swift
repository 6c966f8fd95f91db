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
  case .key(let key):
    state.message = nil
    guard !state.isTooSmall, let command = Command(key: key) else { return (state, []) }
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
  var screen = state.top
  let navigation = screen.update(command, state.context)
  state.replaceTop(screen)
  switch navigation {
  case .stay:
    break
  case .push(let next):
    state.push(next)
  case .back:
    if !state.pop() { return (state, [.quit]) }
  case .refuse(let message):
    state.message = message
  }
  return (state, [])
}
