/// The thin shell around the pure core: draw the state when its frame changed, wait for an
/// event, update, carry out effects. Nothing here blocks except waiting for a key and the
/// records' short transactions, which never span a wait for a key.
enum AppLoop {
  /// Runs until the member quits or the terminal goes away; returns the last state.
  /// `records` carries out records effects; without it they fail with a message.
  static func run(
    _ initial: AppState, on backend: inout some TerminalBackend, records: RecordsRunner? = nil
  ) -> AppState {
    var state = initial
    state.size = backend.size
    var shown: Grid?
    var pending: [RecordsRequest] = []
    while true {
      // Drawn before any effect runs, so "正在保存……" shows while the records work.
      let frame = render(state)
      if frame != shown {
        backend.draw(frame)
        shown = frame
      }
      let event: Event
      if pending.isEmpty {
        event = backend.nextEvent()
      } else {
        let request = pending.removeFirst()
        event = .records(
          records?.perform(request)
            ?? .failed(request.failure, message: MemberText.noDatabase))
      }
      let (next, effects) = update(state, event)
      state = next
      if effects.contains(.quit) { return state }
      for case .records(let request) in effects { pending.append(request) }
    }
  }
}
