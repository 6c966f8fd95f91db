import Catalog
import Testing

@testable import tui

/// Answers from the records worker as `update` takes them: late, out of order, twice, for a
/// member who has left, and what the screen says while they are on their way.
@Suite struct RecordsAnswerTests {
  static let start = Fixtures.clock()

  /// Records of the fixture member with `farm-soil` selected too.
  static var withSoil: MemberRecords {
    var records = MemberFixtures.records
    records.selections.append(SelectedCourse(courseID: "farm-soil", day: Fixtures.today))
    return records
  }

  static func answer(_ call: RecordsCall?, _ reply: RecordsReply) -> Event {
    .records(RecordsAnswer(serial: call?.serial ?? 0, reply: reply))
  }

  static func call(_ effects: [Effect]) -> RecordsCall? {
    for case .records(let call) in effects { return call }
    return nil
  }

  /// On the confirmation of farm-soil, 1 pressed: the select call on its way.
  static func selecting() -> (state: AppState, call: RecordsCall?) {
    let (state, effects) = MemberFixtures.loggedIn().pressing("12211")
    return (state, call(effects))
  }

  @Test func theScreenSaysItIsSavingOnlyOnceTheWriteTakesItsTime() {
    let (state, call) = Self.selecting()
    #expect(call?.request == .select(courseID: "farm-soil", memberID: "2001"))
    #expect(state.nextDeadline == RecordsTraffic.busyDelay)
    let quick = update(state, .tick(Self.start.advanced(by: 0.1))).0
    #expect(quick.recordsBusy == nil)
    #expect(!render(quick).lines[22].contains(MemberText.busySaving))
    let slow = update(state, .tick(Self.start.advanced(by: RecordsTraffic.busyDelay))).0
    #expect(slow.recordsBusy == .saving)
    #expect(slow.nextDeadline == nil)  // nothing more to wait for but the answer
    let lines = render(slow).trimmedLines
    #expect(lines[22].hasSuffix("─ 正在保存…"))
    #expect(lines.contains(" " + MemberText.saving))
    // Once answered, it says so no more.
    let done = update(
      slow, Self.answer(call, .selected(courseID: "farm-soil", changed: true, Self.withSoil))
    ).0
    #expect(done.recordsBusy == nil)
    #expect(!render(done).lines[22].contains(MemberText.busySaving))
  }

  @Test func aSlowReadSaysItIsReading() {
    let (state, effects) = MemberFixtures.loggedIn().pressing(MemberFixtures.myCourses)
    #expect(Self.call(effects)?.request == .load(memberID: "2001"))
    let slow = update(state, .tick(Self.start.advanced(by: 1))).0
    #expect(render(slow).trimmedLines[22].hasSuffix("─ 正在读取…"))
  }

  /// The member leaves the confirmation while it saves and opens help: keys do not wait, and
  /// the answer, when it comes, is taken and told wherever the member is.
  @Test func aLateAnswerFindsTheMemberElsewhere() {
    let (saving, call) = Self.selecting()
    let elsewhere = saving.pressing("0").state.pressing("?").state
    #expect(elsewhere.top.isHelp)
    #expect(elsewhere.session?.isSelected("farm-soil") == false)
    let answered = update(
      elsewhere, Self.answer(call, .selected(courseID: "farm-soil", changed: true, Self.withSoil))
    ).0
    #expect(answered.top.isHelp)
    #expect(answered.session?.isSelected("farm-soil") == true)
    #expect(answered.message == "已选学“土壤与科学施肥基础”，可在主菜单“我的选课”中查看")
    #expect(answered.pressing("0").state.top.kind == "courseDetail")
  }

  /// Help opened over the confirmation while it saves: the answer closes the confirmation
  /// under it, so leaving help goes back to the course, not to a confirmation still "saving".
  @Test func theConfirmationUnderHelpIsClosedByItsAnswer() {
    let (saving, call) = Self.selecting()
    let help = saving.pressing("?").state
    let answered = update(
      help, Self.answer(call, .selected(courseID: "farm-soil", changed: true, Self.withSoil))
    ).0
    #expect(!answered.stack.contains { if case .confirm = $0 { true } else { false } })
    #expect(answered.pressing("0").state.top.kind == "courseDetail")
    // A failure, likewise, is told to the confirmation under help, which 1 then tries again.
    let failed = update(
      help,
      Self.answer(call, .failed(.select(courseID: "farm-soil", memberID: "2001"), message: "忙"))
    ).0
    let back = failed.pressing("0").state
    guard case .confirm(let confirm) = back.top else {
      Issue.record("expected the confirmation, got \(back.top)")
      return
    }
    #expect(confirm.problem == MemberText.saveFailed("忙"))
    #expect(
      back.pressing("1").effects.requests == [.select(courseID: "farm-soil", memberID: "2001")])
  }

  /// A read sent before a write but answered after it holds older records: the session
  /// keeps the newer ones. In the order sent, both are taken.
  @Test func anAnswerOverTakenByALaterOneDoesNotWindTheRecordsBack() {
    let menu = MemberFixtures.loggedIn()
    let (courses, loadEffects) = menu.pressing(MemberFixtures.myCourses)
    let load = Self.call(loadEffects)
    let (saving, selectEffects) = courses.pressing("0").state.pressing("12211")
    let select = Self.call(selectEffects)
    #expect((load?.serial ?? 0) < (select?.serial ?? 0))
    let selected = Self.answer(
      select, .selected(courseID: "farm-soil", changed: true, Self.withSoil))
    let loaded = Self.answer(load, .loaded(MemberFixtures.records))
    // Out of order: the write's answer first, then the older read's.
    let outOfOrder = update(update(saving, selected).0, loaded).0
    #expect(outOfOrder.session?.isSelected("farm-soil") == true)
    #expect(outOfOrder.records.isIdle)
    // In order: the read's records, then the write's.
    let inOrder = update(update(saving, loaded).0, selected).0
    #expect(inOrder.session?.isSelected("farm-soil") == true)
    #expect(inOrder.session == outOfOrder.session)
  }

  @Test func anAnswerDeliveredTwiceCountsOnce() {
    let (saving, call) = Self.selecting()
    let event = Self.answer(call, .selected(courseID: "farm-soil", changed: true, Self.withSoil))
    let once = update(saving, event).0
    let twice = update(once.pressing("x").state, event).0
    #expect(twice.message == nil)  // not told again
    #expect(twice.session == once.session)
  }

  /// The member logged out before the answer came: nothing of it reaches the next person.
  @Test func anAnswerForAMemberWhoLeftIsNotShown() {
    let (saving, call) = Self.selecting()
    var out = saving
    for _ in 0..<5 { out = out.pressing("0").state }
    #expect(out.top.kind == "start")
    let answered = update(
      out, Self.answer(call, .selected(courseID: "farm-soil", changed: true, Self.withSoil))
    ).0
    #expect(answered.session == nil)
    #expect(answered.message == nil)
    #expect(answered.stack == out.stack)
  }

  /// Only the answer to the last PIN sent, to a login screen still waiting, logs anyone in;
  /// while it waits, typing on that screen waits too.
  @Test func aStaleLoginAnswerLogsNobodyIn() {
    let first = MemberFixtures.state().pressing("1").state.pressing("2001").state
      .pressing(.enter).pressing("1111").state
    let (checking, firstEffects) = update(first, .key(.enter))
    let firstCall = Self.call(firstEffects)
    // Typing while the PIN is checked does nothing; Enter sends nothing more.
    #expect(checking.pressing("5").state.stack == checking.stack)
    #expect(update(checking, .key(.enter)).1.isEmpty)
    // Esc, and a new login for another member.
    var again = checking.pressing(.escape).pressing("1").state
    again = again.pressing("2002").state.pressing(.enter).pressing("5678").state
    let (second, secondEffects) = update(again, .key(.enter))
    let secondCall = Self.call(secondEffects)
    let stale = update(second, Self.answer(firstCall, .loggedIn(MemberFixtures.records))).0
    #expect(stale.session == nil)
    guard case .login(let screen) = stale.top, screen.checking else {
      Issue.record("expected the login screen still checking, got \(stale.top)")
      return
    }
    let fresh = update(
      stale, Self.answer(secondCall, .loggedIn(MemberFixtures.secretaryRecords))
    ).0
    #expect(fresh.session?.member.id == "2002")
  }

  @Test func quittingWithAWritePendingSaysItWaits() {
    let (saving, _) = Self.selecting()
    let (quitting, effects) = update(saving, .hangup)
    #expect(effects == [.quit])
    #expect(quitting.message == MemberText.savingBeforeQuit)
    #expect(update(MemberFixtures.loggedIn(), .hangup).0.message == nil)
  }
}
