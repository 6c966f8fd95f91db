import Catalog
import Foundation
import Testing

@testable import tui

/// Logging in, 选学 / 退选 and logging out through `update`, pure where the records' answers
/// can be written out, and through the app loop on a store in a temporary file where they
/// cannot.
@Suite struct MemberFlowTests {
  // MARK: Pure: keys in, effects out

  @Test func theStartScreenComesFirstWhenThereAreRecords() {
    let state = MemberFixtures.state()
    guard case .start = state.top else {
      Issue.record("expected the start screen, got \(state.top)")
      return
    }
    guard case .login = state.pressing("1").state.top else {
      Issue.record("expected the login screen")
      return
    }
    let guest = state.pressing("2").state
    guard case .mainMenu(let menu) = guest.top else {
      Issue.record("expected the main menu")
      return
    }
    #expect(!menu.items.contains(.myCourses) && !menu.items.contains(.myHours))
    #expect(guest.session == nil)
    let back = guest.pressing("0").state
    #expect(back.stack.count == 1)
    #expect(back.session == nil)
    #expect(state.quitting().effects == [.quit])
  }

  @Test func digitsAreTypedOnTheLoginScreenAndThePINIsSentAsAnEffect() {
    var state = MemberFixtures.state().pressing("1").state
    state = state.pressing("20010").state  // 0 is a digit here, not "back"
    state = state.pressing(.backspace)
    guard case .login(let screen) = state.top else {
      Issue.record("expected the login screen")
      return
    }
    #expect(screen.number == "2001")
    state = state.pressing(.enter).pressing("12").state
    #expect(state.pressing(.enter).message == MemberText.pinTooShort(4))
    state = state.pressing("３４").state  // full-width digits from an input method
    let (sent, effects) = update(state, .key(.enter))
    #expect(effects.requests == [.logIn(memberID: "2001", pin: "1234")])
    guard case .login(let checking) = sent.top else {
      Issue.record("expected the login screen")
      return
    }
    #expect(checking.checking)
    #expect(checking.pin.isEmpty)  // the screen does not keep the PIN
    #expect(render(sent).lines.contains { $0.contains(MemberText.loginChecking) })
  }

  @Test func lettersAreRefusedAndEnterOnAnEmptyFieldStepsBack() {
    let login = MemberFixtures.state().pressing("1").state
    #expect(login.pressing("a").state.message == MemberText.onlyDigits)
    #expect(login.pressing(.enter).stack.count == 1)
    #expect(login.pressing(.escape).stack.count == 1)
    #expect(login.pressing(.interrupt).stack.count == 1)
  }

  /// The attack: 10 typed, then Backspace four times, dropped to the shell. Backspace only
  /// ever erases; the program is still on the login screen.
  @Test func backspaceOnAnEmptyNumberStays() {
    var state = MemberFixtures.state().pressing("1").state.pressing("10").state
    for _ in 0..<4 { state = state.pressing(.backspace) }
    guard case .login(let screen) = state.top else {
      Issue.record("expected the login screen, got \(state.top)")
      return
    }
    #expect(screen.number.isEmpty)
    #expect(state.stack.count == 2)
    #expect(state.message == MemberText.nothingToErase)
  }

  @Test func theLoginScreenStillLeavesWithEscape() {
    let login = MemberFixtures.state().pressing("1").state
    let pin = login.pressing("7").state.pressing(.enter)
    guard case .login(let screen) = pin.pressing(.backspace).top else {
      Issue.record("expected the login screen")
      return
    }
    #expect(screen.phase == .number)
    #expect(screen.number == "7")
    #expect(pin.pressing("?").state.top.isHelp)
  }

  @Test func aLoginShowsTheMainMenuOfTheMemberAndZeroLogsOut() {
    let state = MemberFixtures.loggedIn()
    guard case .mainMenu(let menu) = state.top else {
      Issue.record("expected the main menu, got \(state.top)")
      return
    }
    #expect(menu.items.contains(.myCourses) && menu.items.contains(.myHours))
    #expect(state.session?.member.id == "2001")
    #expect(state.stack.count == 2)  // start screen, main menu: the login screen is gone
    let (out, effects) = state.pressing("0")
    #expect(effects.isEmpty)
    #expect(out.session == nil)
    guard case .start = out.top else {
      Issue.record("expected the start screen")
      return
    }
    #expect(out.quitting().effects == [.quit])
  }

  @Test func deepInTheMenusZeroStillEndsAtTheStartScreenLoggedOut() {
    var state = MemberFixtures.loggedIn().pressing("121").state  // a course detail
    #expect(state.stack.count == 5)
    for _ in 0..<4 { state = state.pressing("0").state }
    #expect(state.stack.count == 1)
    #expect(state.session == nil)
  }

  /// The screen says only 编号或 PIN 不正确, with what the reply says about attempts and
  /// waits; it never names the number or tells whether it exists.
  func refusing(_ refusal: RecordsReply.LoginRefusal) -> LoginScreen? {
    var state = MemberFixtures.state().pressing("1").state.pressing("2001").state
    state = state.pressing(.enter).pressing("9999").state.pressing(.enter)
    state = state.answering(.loginRefused(memberID: "2001", refusal))
    guard case .login(let screen) = state.top else { return nil }
    return screen
  }

  @Test func aRefusalSaysOnlyNumberOrPINAndAsksForThePINAgain() {
    let screen = refusing(.refused(freeAttemptsLeft: 2, retry: nil))
    #expect(screen?.phase == .pin)
    #expect(screen?.number == "2001")
    #expect(
      screen?.problem
        == "编号或 PIN 不正确。请重新输入 PIN；编号输错了，先按退格键删掉 PIN 再改编号。再输错 2 次以后，每次再试都要先等待一段时间。")
    #expect(screen?.problem?.contains("2001") == false)
  }

  @Test func waitsComeFromTheReplyInSecondsOrAsAClockTime() {
    let soon = ClockTime(date: Fixtures.today, hour: 9, minute: 5, secondsLeft: 30)
    #expect(
      refusing(.refused(freeAttemptsLeft: 0, retry: soon))?.problem
        == "编号或 PIN 不正确。这个编号输错的次数较多，请 30 秒后再试。")
    let later = ClockTime(date: Fixtures.today, hour: 9, minute: 5, secondsLeft: 14 * 60 + 5)
    let waiting = refusing(.mustWait(until: later))
    #expect(waiting?.problem == "这个编号输错的次数较多，请在 09:05 后再试（约 15 分钟）。")
    #expect(waiting?.phase == .pin)
    let tomorrow = ClockTime(
      date: Fixtures.today.adding(days: 1), hour: 0, minute: 7, secondsLeft: 9 * 60)
    #expect(MemberText.retry(tomorrow, today: Fixtures.today) == "请在 2026-03-02 00:07 后再试（约 9 分钟）。")
  }

  @Test func aLockedNumberStartsAgainFromTheNumber() {
    let screen = refusing(.locked)
    #expect(screen?.phase == .number)
    #expect(screen?.number.isEmpty == true)
    #expect(screen?.problem == MemberText.lockedOut)
  }

  @Test func selectingAsksFirstAndOnlyTheRecordsAnswerChangesTheSession() {
    var state = MemberFixtures.loggedIn().pressing("12").state
    state = state.pressing("2").state  // 土壤与科学施肥基础 (farm-soil), an elective
    guard case .courseDetail(let detail) = state.top, detail.courseID == "farm-soil" else {
      Issue.record("expected the detail of farm-soil, got \(state.top)")
      return
    }
    state = state.pressing("1").state
    guard case .confirm(let confirm) = state.top else {
      Issue.record("expected the confirmation")
      return
    }
    #expect(confirm.action == .select)
    let (saving, effects) = state.pressing("1")
    #expect(effects.requests == [.select(courseID: "farm-soil", memberID: "2001")])
    #expect(saving.session?.isSelected("farm-soil") == false)
    var records = MemberFixtures.records
    records.selections.append(SelectedCourse(courseID: "farm-soil", day: Fixtures.today))
    let done = saving.answering(.selected(courseID: "farm-soil", changed: true, records))
    #expect(done.session?.isSelected("farm-soil") == true)
    #expect(done.message == "已选学“土壤与科学施肥基础”，可在主菜单“我的选课”中查看")
    guard case .courseDetail = done.top else {
      Issue.record("expected the detail again")
      return
    }
    #expect(done.top.screen.keyHints(done.context).first == KeyHint("1", "退选"))
  }

  @Test func zeroOnTheConfirmationCancelsWithoutAnEffect() {
    let detail = MemberFixtures.loggedIn().pressing("123").state
    let (cancelled, effects) = detail.pressing("10")
    #expect(effects.isEmpty)
    #expect(cancelled.stack == detail.stack)
  }

  @Test func aFailedWriteSaysSoKeepsTheConfirmationAndLosesNothing() {
    let saving = MemberFixtures.loggedIn().pressing("12").state.pressing("211").state
    let failed = saving.answering(
      .failed(
        .select(courseID: "farm-soil", memberID: "2001"),
        message: "学时记录数据库正忙（其他终端正在写入），请稍后再试"))
    guard case .confirm(let confirm) = failed.top else {
      Issue.record("expected the confirmation to stay")
      return
    }
    #expect(!confirm.saving)
    #expect(confirm.problem?.hasPrefix("没有保存：学时记录数据库正忙") == true)
    #expect(failed.session == saving.session)
    // 1 tries again.
    #expect(
      failed.pressing("1").effects.requests == [.select(courseID: "farm-soil", memberID: "2001")])
  }

  @Test func requiredCoursesCannotBeDroppedAndGuestsCannotSelect() {
    // farm-winter is required and already selected in the fixture.
    let detail = MemberFixtures.loggedIn().pressing("121").state
    #expect(detail.top.screen.keyHints(detail.context).first?.key != "1")
    let refused = detail.pressing("1").state
    #expect(refused.message == "“农村党员冬训集中培训：发展现代农业与带领群众共同致富”是必修课，不能退选")
    #expect(refused.stack == detail.stack)
    let guest = MemberFixtures.state().pressing("2121").state
    #expect(guest.pressing("1").state.message == MemberText.guestCannotSelect)
  }

  @Test func myCoursesAndMyHoursReadTheRecordsAgainWhenOpened() {
    let menu = MemberFixtures.loggedIn()
    let (courses, effects) = menu.pressing(MemberFixtures.myCourses)
    guard case .myCourses = courses.top else {
      Issue.record("expected 我的选课")
      return
    }
    #expect(effects.requests == [.load(memberID: "2001")])
    #expect(menu.pressing(MemberFixtures.myHours).effects.requests == [.load(memberID: "2001")])
    // A credit recorded meanwhile shows once the answer is in.
    var records = MemberFixtures.records
    records.credits.append(MemberFixtures.credit("farm-2", MemberFixtures.day(2, 28), source: "x"))
    let fresh = courses.answering(.loaded(records))
    #expect(fresh.session?.isCredited("farm-2") == true)
    // An answer about someone else (a stale one) changes nothing.
    var other = records
    other.member.id = "9"
    #expect(courses.answering(.loaded(other)).session == courses.session)
  }

  @Test func aDigitOnMyCoursesOpensTheCourse() {
    let state = MemberFixtures.loggedIn().pressing(MemberFixtures.myCourses + "2").state
    guard case .courseDetail(let detail) = state.top else {
      Issue.record("expected the course detail")
      return
    }
    #expect(detail.courseID == "farm-2")
  }

  // MARK: Through the app loop, on a store in a temporary file

  @Test func logInSelectDropAndLogOutOnARealStore() throws {
    let records = try TemporaryRecords()
    defer { records.remove() }
    let start = MemberFixtures.state()
    // Log in, 课程目录 → 农业实用技术 → 土壤与科学施肥基础, 1 选学, 1 确定.
    let (selected, _) = records.run(
      start, Event.logIn("2001", pin: "1234") + Event.typing("12211"))
    #expect(selected.session?.isSelected("farm-soil") == true)
    #expect(try records.store.selections(of: "2001").map(\.courseID) == ["farm-soil"])
    #expect(selected.message == "已选学“土壤与科学施肥基础”，可在主菜单“我的选课”中查看")
    // 我的选课 lists it; 1 opens it, 1 退选, 1 确定.
    let (dropped, frames) = records.run(
      selected, Event.typing("000") + Event.typing(MemberFixtures.myCourses) + Event.typing("111"))
    #expect(
      frames.contains { frame in
        frame.lines[1].contains("我的选课（1 门）")
          && frame.lines.contains { $0.contains("✓   土壤与科学施肥基础") }
      })
    #expect(dropped.session?.isSelected("farm-soil") == false)
    #expect(try records.store.selections(of: "2001").isEmpty)
    #expect(dropped.message == "已退选“土壤与科学施肥基础”")
    // Back to the main menu and 0: logged out.
    let (out, _) = records.run(dropped, Event.typing("000"))
    #expect(out.session == nil)
    guard case .start = out.top else {
      Issue.record("expected the start screen, got \(out.top)")
      return
    }
  }

  @Test func wrongPINsMakeTheNumberWaitEvenAcrossTwoSessions() throws {
    let records = try TemporaryRecords()
    defer { records.remove() }
    let start = MemberFixtures.state()
    // Two wrong PINs in one session, which then ends.
    let first = records.run(
      start, Event.logIn("2001", pin: "0000") + Event.typing("1111") + [Event.enter])
    guard case .login(let screen) = first.state.top else {
      Issue.record("expected the login screen")
      return
    }
    #expect(screen.problem?.hasSuffix("再输错 1 次以后，每次再试都要先等待一段时间。") == true)
    // Another session on the same file: the third costs a wait, which the fourth must keep.
    let second = TemporaryRecordsSession(path: records.path)
    defer { second.close() }
    let (waiting, _) = second.run(
      start,
      Event.logIn("2001", pin: "2222") + Event.typing("3333") + [Event.enter])
    guard case .login(let waitingScreen) = waiting.top else {
      Issue.record("expected the login screen")
      return
    }
    #expect(
      waitingScreen.problem?.hasPrefix("这个编号输错的次数较多，请 ") == true
        && waitingScreen.problem?.hasSuffix(" 秒后再试。") == true, "\(waitingScreen.problem ?? "")")
    // Even the right PIN is not checked during the wait; another member is not affected.
    let (stillWaiting, _) = records.run(start, Event.logIn("2001", pin: "1234"))
    #expect(stillWaiting.session == nil)
    let (other, _) = records.run(start, Event.logIn("2002", pin: "5678"))
    #expect(other.session?.member.name == "李秀英")
    let throttle = try records.store.member(id: "2001")?.throttle
    #expect(throttle?.failures == 3)
    #expect(throttle?.nextAttempt.map { $0 > Date() } == true)
  }

  @Test func anUnknownNumberGetsTheSameAnswerAndADatabaseThatCannotOpenIsSaidInWords() throws {
    let records = try TemporaryRecords()
    defer { records.remove() }
    let (unknown, _) = records.run(MemberFixtures.state(), Event.logIn("3999", pin: "1234"))
    let (wrong, _) = records.run(MemberFixtures.state(), Event.logIn("2001", pin: "9876"))
    guard case .login(let screen) = unknown.top, case .login(let wrongScreen) = wrong.top else {
      Issue.record("expected the login screen")
      return
    }
    #expect(screen.problem?.hasPrefix("编号或 PIN 不正确。") == true)
    #expect(screen.problem == wrongScreen.problem)
    // A database that cannot be opened: the login says why, the guest still browses.
    let runner = RecordsRunner(
      path: "/proc/course-menu-cannot-exist/records.sqlite", catalog: MemberFixtures.catalog)
    let (broken, _) = AppLoop.running(
      MemberFixtures.state(), Event.logIn("2001", pin: "1234"), runner: runner)
    guard case .login(let brokenScreen) = broken.top else {
      Issue.record("expected the login screen")
      return
    }
    #expect(brokenScreen.problem?.hasPrefix("暂时无法登录：无法打开学时记录数据库") == true)
  }
}

/// A second program on the same records file: its own store and runner.
final class TemporaryRecordsSession {
  let store: RecordsStore?
  let path: String

  init(path: String) {
    self.path = path
    store = try? RecordsStore(path: path)
  }

  func close() { try? store?.close() }

  func run(_ state: AppState, _ events: [Event]) -> (state: AppState, frames: [Grid]) {
    AppLoop.running(
      state, events, runner: store.map { RecordsRunner(store: $0, catalog: MemberFixtures.catalog) }
    )
  }
}
