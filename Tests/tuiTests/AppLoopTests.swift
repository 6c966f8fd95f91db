import Testing

@testable import tui

/// The loop with a memory backend: what reaches the terminal, and when.
@Suite struct AppLoopTests {
  @Test func drawsOnlyWhenTheFrameChanges() {
    var backend = MemoryBackend(
      size: Size(width: 80, height: 24),
      events: [
        .key(.character("x")), .key(.character("1")), .key(.function(5)), .key(.character("0")),
      ])
    let final = AppLoop.run(Fixtures.state(), on: &backend)
    // The first frame, categories, and the main menu again; "x" and F5 change nothing.
    #expect(backend.frames.count == 3)
    #expect(final.stack.count == 1)
  }

  @Test func aResizeRedrawsAtTheNewSizeAndBack() {
    var backend = MemoryBackend(
      size: Size(width: 80, height: 24),
      events: [.resize(Size(width: 40, height: 10)), .resize(Size(width: 80, height: 24))])
    _ = AppLoop.run(Fixtures.state(), on: &backend)
    #expect(backend.frames.map(\.size.width) == [80, 40, 80])
    #expect(backend.frames[1].lines.contains { $0.contains(ScreenText.tooSmall) })
    #expect(backend.frames[2] == backend.frames[0])
  }

  @Test func startsAtTheBackendsSize() {
    var backend = MemoryBackend(size: Size(width: 120, height: 40), events: [])
    _ = AppLoop.run(Fixtures.state(), on: &backend)
    #expect(backend.frames.first?.size == Size(width: 120, height: 40))
  }

  @Test func quitsOnceZeroFromTheMainMenuIsConfirmedWithoutReadingFurther() {
    var backend = MemoryBackend(
      size: Size(width: 80, height: 24),
      events: [.key(.character("0")), .key(.character("1")), .key(.character("1"))])
    let final = AppLoop.run(Fixtures.state(), on: &backend)
    guard case .quit = final.top else {
      Issue.record("expected to end on the confirmation, got \(final.top)")
      return
    }
    // The main menu, then the question; the last 1 (which would open the catalog) is unread.
    #expect(backend.frames.count == 2)
    #expect(backend.frames[1].lines.contains { $0.contains(ScreenText.quitQuestion) })
  }
}
