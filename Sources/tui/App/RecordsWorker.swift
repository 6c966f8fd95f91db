import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Carries out records calls on a thread of its own beside the app loop, one at a time in the
/// order sent, so a slow or locked database never holds up a key (bubbletea's commands, in
/// our terms). Each answer waits in a box, and a byte written to a pipe wakes the loop, which
/// watches the pipe together with the terminal.
///
/// Unchecked `Sendable`: every mutable field is read and written only with `condition` held.
final class RecordsWorker: @unchecked Sendable {
  /// Readable while answers wait to be taken.
  let wakeDescriptor: Int32
  private let wakeWriter: Int32
  private let perform: (RecordsRequest) -> RecordsReply
  private let condition = NSCondition()
  private let finished = DispatchSemaphore(value: 0)
  private var queue: [RecordsCall] = []
  private var answers: [RecordsAnswer] = []
  /// Calls sent whose answers are not in the box yet.
  private var unanswered = 0
  private var stopping = false
  private var started = false

  /// `perform` runs on the worker's thread only.
  init(perform: @escaping (RecordsRequest) -> RecordsReply) {
    var ends: [Int32] = [-1, -1]
    if pipe(&ends) == 0 {
      for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      }
    } else {
      // Without a pipe the loop still sees answers on its next wake-up (a key, a deadline).
      ends = [-1, -1]
    }
    wakeDescriptor = ends[0]
    wakeWriter = ends[1]
    self.perform = perform
  }

  /// Carries out `runner`'s requests.
  convenience init(runner: RecordsRunner) {
    self.init(perform: runner.perform)
  }

  /// Queues a call; its answer comes back through `takeAnswers`.
  func send(_ call: RecordsCall) {
    condition.lock()
    if !started {
      started = true
      Thread.detachNewThread { [self] in serve() }
    }
    queue.append(call)
    unanswered += 1
    condition.broadcast()
    condition.unlock()
  }

  /// The answers ready, oldest first; the box is empty afterwards.
  func takeAnswers() -> [RecordsAnswer] {
    var byte: UInt8 = 0
    while wakeDescriptor >= 0, read(wakeDescriptor, &byte, 1) == 1 {}
    condition.lock()
    defer { condition.unlock() }
    let taken = answers
    answers = []
    return taken
  }

  /// Waits until every call sent has been answered: a write has committed or rolled back.
  func waitUntilIdle() {
    condition.lock()
    while unanswered > 0 { condition.wait() }
    condition.unlock()
  }

  /// Finishes the calls sent, ends the thread and closes the pipe.
  func stop() {
    condition.lock()
    let wasStarted = started
    stopping = true
    condition.broadcast()
    condition.unlock()
    if wasStarted { finished.wait() }
    for descriptor in [wakeDescriptor, wakeWriter] where descriptor >= 0 { close(descriptor) }
  }

  private func serve() {
    LoopSignals.block()
    while let call = nextCall() {
      let reply = perform(call.request)
      condition.lock()
      answers.append(RecordsAnswer(serial: call.serial, reply: reply))
      unanswered -= 1
      condition.broadcast()
      condition.unlock()
      var byte: UInt8 = 1
      if wakeWriter >= 0 { _ = write(wakeWriter, &byte, 1) }
    }
    finished.signal()
  }

  /// The next call, waiting for one; nil once stopped with nothing left to do.
  private func nextCall() -> RecordsCall? {
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty && !stopping { condition.wait() }
    return queue.isEmpty ? nil : queue.removeFirst()
  }
}
