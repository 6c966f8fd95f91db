/// The thin shell around the pure core: draw the state when its frame changed, wait for an
/// event, update, carry out effects. Nothing here blocks except waiting for a key.
enum AppLoop {
  /// Runs until the member quits or the terminal goes away; returns the last state.
  static func run(_ initial: AppState, on backend: inout some TerminalBackend) -> AppState {
    var state = initial
    state.size = backend.size
    var shown: Grid?
    while true {
      let frame = render(state)
      if frame != shown {
        backend.draw(frame)
        shown = frame
      }
      let (next, effects) = update(state, backend.nextEvent())
      state = next
      if effects.contains(.quit) { return state }
    }
  }
}
