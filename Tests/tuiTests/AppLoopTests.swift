import Catalog
import Foundation
import Testing

@testable import tui

/// The loop with a memory backend: what reaches the terminal, when, and how long it waits.
@Suite struct AppLoopTests {
  @Test func drawsOnlyWhenTheFrameChanges() {
    let (final, frames) = AppLoop.running(
      Fixtures.state(),
      [.key(.character("x")), .key(.character("1")), .key(.function(5)), .key(.character("0"))])
    // The first frame, categories, and the main menu again; "x" and F5 change nothing.
    #expect(frames.count == 3)
    #expect(frames[1].lines[1].hasPrefix(" " + ScreenText.categoriesHeading))
    #expect(frames[2] == frames[0])
    #expect(final.top.kind == "mainMenu")
  }

  @Test func aResizeRedrawsAtTheNewSizeAndBack() {
    let (_, frames) = AppLoop.running(
      Fixtures.state(),
      [.resize(Size(width: 40, height: 10)), .resize(Size(width: 80, height: 24))])
    #expect(frames.map(\.size.width) == [80, 40, 80])
    #expect(frames[1].lines.contains { $0.contains(ScreenText.tooSmall) })
    #expect(frames[2] == frames[0])
  }

  @Test func startsAtTheBackendsSize() {
    var backend = MemoryBackend(size: Size(width: 120, height: 40), events: [])
    _ = AppLoop.run(Fixtures.state(), on: &backend, clock: Fixtures.clock)
    #expect(backend.frames.first?.size == Size(width: 120, height: 40))
  }

  @Test func quitsOnceZeroFromTheMainMenuIsConfirmedWithoutReadingFurther() {
    var backend = MemoryBackend(
      size: Size(width: 80, height: 24),
      events: [.key(.character("0")), .key(.character("1")), .key(.character("1"))])
    let final = AppLoop.run(Fixtures.state(), on: &backend, clock: Fixtures.clock)
    guard case .quit = final.top else {
      Issue.record("expected to end on the confirmation, got \(final.top)")
      return
    }
    // The main menu, then the question; the last 1 (which would open the catalog) is unread.
    #expect(backend.frames.count == 2)
    #expect(backend.waits.count == 2)
    #expect(backend.frames[1].lines.contains { $0.contains(ScreenText.quitQuestion) })
  }

  // MARK: Waiting: never a timer faster than the nearest deadline, none without one

  @Test func aScreenWithoutADeadlineWaitsWithoutATimeout() {
    var backend = MemoryBackend(size: Size(width: 80, height: 24), events: Event.typing("1"))
    _ = AppLoop.run(Fixtures.state(), on: &backend, clock: Fixtures.clock)
    #expect(backend.waits.map(\.timeout) == [nil, nil])
  }

  @Test func midnightIsTheOnlyDeadlineOfAGuest() {
    var backend = MemoryBackend(size: Size(width: 80, height: 24), events: [])
    let evening = Moment(uptime: 50, today: Fixtures.today, secondsToMidnight: 3_600)
    _ = AppLoop.run(Fixtures.state(), on: &backend, clock: { evening })
    #expect(backend.waits.map(\.timeout) == [3_600])
  }

  @Test func aMemberLoggedInWaitsUntilTheCountdownThenASecondAtATime() {
    let state = MemberFixtures.loggedIn(idleTimeout: 900)
    let start = Fixtures.clock()
    var backend = MemoryBackend(
      size: state.size,
      events: [.tick(start.advanced(by: 885)), .tick(start.advanced(by: 885.4))])
    _ = AppLoop.run(state, on: &backend, clock: Fixtures.clock)
    // Until the countdown starts; then until its figure next drops (15 → 14 at 886).
    let milliseconds = backend.waits.map { $0.timeout.map { ($0 * 1000).rounded() } }
    #expect(milliseconds == [885_000, 1_000, 600])
    #expect(backend.frames.last?.lines[22].contains("15 秒后自动退出登录") == true)
  }

  // MARK: Records on the worker

  /// The records worker is held up (as by another program's lock) while the member goes
  /// on pressing keys: each works at once, the screen says it is saving once that takes
  /// longer than `RecordsTraffic.busyDelay`, and quitting waits for the write, which lands
  /// exactly once.
  @Test func keysWorkWhileAWriteWaitsAndQuittingWaitsForIt() throws {
    let records = try TemporaryRecords()
    defer { records.remove() }
    let runner = records.runner()
    let released = DispatchSemaphore(value: 0)
    let writeEnded = Mutexed(false)
    let worker = RecordsWorker { request in
      guard case .select = request else { return runner.perform(request) }
      released.wait()
      let reply = runner.perform(request)
      writeEnded.set(true)
      return reply
    }
    defer { worker.stop() }
    // Logged in as 2001 (from the fixture, not the store), on the confirmation of farm-soil.
    let confirm = MemberFixtures.loggedIn().pressing("1221").state
    #expect(confirm.top.kind == "confirm")
    let later = Fixtures.clock().advanced(by: RecordsTraffic.busyDelay)
    var backend = MemoryBackend(
      size: confirm.size,
      events: [
        .key(.character("1")), .tick(later), .key(.character("?")), .key(.character("0")),
        .key(.character("0")), .key(.down),
      ],
      waitsForAnswers: false)
    // The write ends once quitting has said it waits for it: releasing it at the end of the
    // script raced the loop, which could take the answer before the hang-up (under load).
    // Should that never be said, the write ends after 10 s, and the test fails below.
    backend.whenDrawn = { frame in
      if frame.lines[22].contains(MemberText.savingBeforeQuit) { released.signal() }
    }
    backend.whenScriptEnds = {
      DispatchQueue.global().asyncAfter(deadline: .now() + 10) { released.signal() }
    }
    let final = AppLoop.run(confirm, on: &backend, records: worker, clock: Fixtures.clock)
    // The loop returned only once the write had ended, and took its answer.
    #expect(writeEnded.value)
    #expect(final.message == "已选学“土壤与科学施肥基础”，可在主菜单“我的选课”中查看")
    #expect(final.session?.isSelected("farm-soil") == true)
    #expect(try records.store.selections(of: "2001").map(\.courseID) == ["farm-soil"])
    let frames = backend.frames
    // After 1: still the confirmation, nothing said yet; after the tick, 正在保存… on the line
    // above the keys and in the body.
    let saving = frames.first { $0.lines[22].contains(MemberText.busySaving) }
    #expect(saving?.lines[1].hasPrefix(" " + MemberText.confirmSelectHeading) == true)
    #expect(saving?.lines.contains { $0.contains(MemberText.saving) } == true)
    // Help opened, then the course detail came back, all while saving.
    #expect(
      frames.contains {
        $0.lines[1].hasPrefix(" " + ScreenText.helpHeading)
          && $0.lines[22].contains(MemberText.busySaving)
      })
    #expect(
      frames.contains {
        $0.lines[1].hasPrefix(" 土壤与科学施肥基础") && $0.lines[22].contains(MemberText.busySaving)
      })
    // Leaving said it waits for the write.
    #expect(frames.contains { $0.lines[22].contains(MemberText.savingBeforeQuit) })
  }

  @Test func withoutADatabaseARequestFailsInWords() {
    let (final, _) = AppLoop.running(MemberFixtures.state(), Event.logIn("2001", pin: "1234"))
    guard case .login(let screen) = final.top else {
      Issue.record("expected the login screen, got \(final.top)")
      return
    }
    #expect(screen.problem == MemberText.loginFailed(MemberText.noDatabase))
  }
}

/// A value shared with the worker's thread.
final class Mutexed<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value

  init(_ value: Value) { stored = value }

  var value: Value { lock.withLock { stored } }

  func set(_ value: Value) { lock.withLock { stored = value } }
}
