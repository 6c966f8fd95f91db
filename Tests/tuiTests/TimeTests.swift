import Catalog
import Testing

@testable import tui

/// Time as events: the idle logout and its countdown, and midnight, driven by ticks (never by
/// sleeping).
@Suite struct TimeTests {
  static let start = Fixtures.clock()

  static func at(_ seconds: Double) -> Event { .tick(start.advanced(by: seconds)) }

  func isStart(_ state: AppState) -> Bool {
    if case .start = state.top { return true }
    return false
  }

  @Test func anIdleMemberIsLoggedOutToTheStartScreen() {
    let state = MemberFixtures.loggedIn(idleTimeout: 900).pressing("12").state
    #expect(state.stack.count == 4)
    let almost = update(state, Self.at(899.9)).0
    #expect(almost.session != nil)
    #expect(almost.idleCountdown == 1)
    let out = update(state, Self.at(900)).0
    #expect(out.session == nil)
    #expect(isStart(out))
    #expect(out.stack.count == 1)
    #expect(out.message == "已自动退出登录（15 分钟没有按键）")
    #expect(out.nextDeadline == nil)  // a guest holds no deadline
    #expect(render(out).lines[22].contains("已自动退出登录"))
  }

  @Test func theCountdownShowsTheLastFifteenSecondsAndAnyKeyCancelsIt() {
    let state = MemberFixtures.loggedIn(idleTimeout: 900)
    #expect(state.nextDeadline == 885)
    #expect(update(state, Self.at(884.9)).0.idleCountdown == nil)
    let counting = update(state, Self.at(885)).0
    #expect(counting.idleCountdown == 15)
    #expect(counting.nextDeadline == 886)
    // On the line above the keys, in the notice style (bold, and coloured where allowed).
    let grid = render(update(counting, Self.at(888.5)).0)
    #expect(grid.trimmedLines[22] == " 12 秒后自动退出登录：按任意键继续使用")
    #expect(
      grid.styleLines[22] == String(repeating: "!", count: DisplayWidth.of(grid.trimmedLines[22])))
    #expect(grid.trimmedLines[23] == " 1-7 选择  0 退出登录  ? 帮助  上下键 移动  回车 打开")
    // A key cancels it and does nothing else: the member may not have seen the menu.
    let (kept, effects) = update(counting, .key(.character("1")))
    #expect(effects.isEmpty)
    #expect(kept.idleCountdown == nil)
    #expect(kept.top.kind == "mainMenu")
    // The next key works, and the time runs again from the key that cancelled.
    #expect(kept.pressing("1").state.top.kind == "categories")
    #expect(kept.nextDeadline == 1_770)
    #expect(update(kept, Self.at(1_784)).0.session != nil)
    #expect(update(kept, Self.at(1_785)).0.session == nil)
  }

  /// A timeout under 30 seconds counts down its second half only: before that, keys work.
  @Test func aShortTimeoutCountsDownItsSecondHalf() {
    let state = MemberFixtures.loggedIn(idleTimeout: 10)
    #expect(state.nextDeadline == 5)
    let early = update(state, Self.at(4)).0
    #expect(early.idleCountdown == nil)
    #expect(early.pressing("1").state.top.kind == "categories")
    #expect(update(state, Self.at(5)).0.idleCountdown == 5)
  }

  @Test func everyKeyStartsTheTimeAgain() {
    var state = MemberFixtures.loggedIn(idleTimeout: 60)
    state = update(state, .key(.down), at: Self.start.advanced(by: 40)).0
    state = update(state, .key(.up), at: Self.start.advanced(by: 80)).0
    #expect(update(state, Self.at(139)).0.session != nil)
    #expect(update(state, Self.at(140)).0.session == nil)
  }

  /// A key that comes after the time was up (the machine slept) finds the member logged out
  /// already: it acts on the start screen.
  @Test func aKeyAfterTheTimeIsUpActsOnTheStartScreen() {
    let state = MemberFixtures.loggedIn(idleTimeout: 60)
    let (late, _) = update(state, .key(.character("2")), at: Self.start.advanced(by: 3_600))
    #expect(late.session == nil)
    guard case .mainMenu(let menu) = late.top, menu.mode == .guest else {
      Issue.record("expected the guest's main menu, got \(late.top)")
      return
    }
  }

  @Test func noTimeoutForGuestsOrWhenItIsOff() {
    let guest = MemberFixtures.state(idleTimeout: 900).pressing("2").state
    #expect(guest.nextDeadline == nil)
    #expect(update(guest, Self.at(100_000)).0.stack == guest.stack)
    let off = MemberFixtures.loggedIn(idleTimeout: 0)
    #expect(off.nextDeadline == nil)
    #expect(update(off, Self.at(100_000)).0.session != nil)
    #expect(IdleTimer(seconds: 0) == nil)
  }

  @Test func atMidnightTheDateMovesOn() {
    let evening = Moment(uptime: 1_000, today: Fixtures.today, secondsToMidnight: 90)
    let state = MemberFixtures.loggedIn().advanced(to: evening)
    #expect(state.nextDeadline == 1_090)
    #expect(render(state).lines[0].hasSuffix("2026-03-01 "))
    let next = update(state, .tick(evening.advanced(by: 90))).0
    #expect(next.today == LocalDate(year: 2026, month: 3, day: 2))
    #expect(next.session?.today == next.today)
    #expect(render(next).lines[0].hasSuffix("2026-03-02 "))
    #expect(next.nextDeadline == 87_490)
  }

  @Test func timeNeverRunsBackwards() {
    let state = update(MemberFixtures.loggedIn(idleTimeout: 900), Self.at(500)).0
    let earlier = update(state, .key(.down), at: Self.start.advanced(by: 10)).0
    #expect(earlier.now.uptime == 500)
    #expect(earlier.idleTimer?.lastKey == 500)
  }
}
