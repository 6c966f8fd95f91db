/// The thin shell around the pure core: draw the state when its frame changed, wait for an
/// event (a key, an answer from the records worker, or the state's next deadline), update,
/// and hand records calls to the worker. The loop never blocks on the records: their work
/// runs on the worker's thread, and only quitting waits for it.
enum AppLoop {
  /// Runs until the member quits or the terminal goes away; returns the last state.
  /// `records` carries out records calls; without it they fail with a message. `clock`
  /// says what time it is when an event arrives.
  /// `nudge` hears when a login elsewhere has ended this session (`SessionNudge`).
  static func run(
    _ initial: AppState, on backend: inout some TerminalBackend, records: RecordsWorker? = nil,
    nudge: SessionNudge? = nil, clock: () -> Moment = SystemClock.now
  ) -> AppState {
    var (state, opening) = start(initial.advanced(to: clock()))
    state.size = backend.size
    var shown: Grid?
    // Answers made up here when there is no worker, delivered as if it had sent them.
    var unanswerable: [RecordsAnswer] = []
    func carryOut(_ effects: [Effect]) {
      for case .records(let call) in effects {
        if let records {
          records.send(call)
        } else {
          unanswerable.append(
            RecordsAnswer(
              serial: call.serial,
              reply: .failed(call.request.failure, message: MemberText.noDatabase)))
        }
      }
    }
    carryOut(opening)
    while true {
      let frame = render(state)
      if frame != shown {
        backend.draw(frame)
        shown = frame
      }
      var events: [Event] = unanswerable.map(Event.records)
      unanswerable = []
      if events.isEmpty {
        // Never behind the state's own time (a test's clock stands still while ticks move it).
        let now = max(clock().uptime, state.now.uptime)
        let wait = Wait(
          timeout: state.nextDeadline.map { max(0, $0 - now) },
          wakeDescriptor: records?.wakeDescriptor, answersDue: !state.records.isIdle,
          nudgeDescriptor: nudge?.descriptor)
        let input = backend.nextEvent(wait)
        events = (records?.takeAnswers() ?? []).map(Event.records)
        if nudge?.take() == true { events.append(.sessionNudged) }
        if let input { events.append(input) }
      }
      let moment = clock()
      if events.isEmpty, let deadline = state.nextDeadline, moment.uptime >= deadline {
        events = [.tick(moment)]
      }
      for event in events {
        let (next, effects) = update(state, event, at: moment)
        state = next
        carryOut(effects)
        if effects.contains(.quit) { return finish(state, on: &backend, records: records) }
      }
    }
  }

  /// Leaving: a write still on its way is waited for (it commits or rolls back) and its
  /// answer taken, so the terminal is restored only after it ended. An answer that leaves
  /// something open (a test attempt that started meanwhile) is closed the way quitting closes
  /// it, and that write is waited for too.
  private static func finish(
    _ state: AppState, on backend: inout some TerminalBackend, records: RecordsWorker?
  ) -> AppState {
    guard let records, !state.records.isIdle else { return state }
    backend.draw(render(state))
    var state = state
    // Each round can only close what the answers before it opened: two rounds suffice.
    func take(_ event: Event) {
      let (next, effects) = update(state, event)
      state = next
      for case .records(let call) in effects { records.send(call) }
    }
    for _ in 0..<3 where !state.records.isIdle {
      records.waitUntilIdle()
      for answer in records.takeAnswers() { take(.records(answer)) }
      take(.hangup)
    }
    return state
  }
}
