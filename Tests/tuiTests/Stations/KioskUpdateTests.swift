import Catalog
import Testing

@testable import tui

/// The kiosk through `update`: keys in, records requests out, answers in, time by ticks.
@Suite struct KioskUpdateTests {
  @Test func nothingOnTheStartScreenLeavesTheProgram() {
    let state = KioskFixtures.state()
    for key: Key in [.character("0"), .character("q"), .escape, .backspace, .left] {
      let (next, effects) = update(state, .key(key))
      #expect(effects.isEmpty, "\(key)")
      #expect(next.stack.map(\.kind) == ["kioskStart"], "\(key)")
      #expect(next.message == KioskText.cannotQuit(4), "\(key)")
    }
  }

  /// Ctrl-C, Ctrl-Z, Ctrl-\\ and Ctrl-S do nothing at a kiosk, on any screen (elsewhere
  /// Ctrl-C goes back, as 0 does).
  @Test func controlKeysDoNothingAtAKiosk() {
    let keys: [Key] = [.interrupt, .control(0x1A), .control(0x1C), .control(0x13)]
    for state in [KioskFixtures.state(), KioskFixtures.administering()] {
      for key in keys {
        let (next, effects) = update(state, .key(key))
        #expect(next.stack == state.stack && effects.isEmpty && next.message == nil, "\(key)")
      }
    }
    let member = MemberFixtures.loggedIn()
    #expect(update(member, .key(.interrupt)).0.top.kind == "start")
  }

  @Test func theStationIsReadInTheBackgroundEveryFewSeconds() {
    let state = KioskFixtures.state(open: nil)
    #expect(state.nextDeadline == KioskState.refreshInterval)
    // Nothing is asked before it is due, nor twice while a read is on its way.
    #expect(state.later(1).effects.isEmpty)
    let (asking, effects) = state.later(3)
    #expect(effects.requests == [.station(.status(stationID: "S01"))])
    #expect(asking.later(3).effects.isEmpty)
    #expect(asking.nextDeadline == nil || asking.nextDeadline! > 6)
    // A sign-in opened from a shell appears at the next read, no key pressed.
    let shown = asking.answering(
      .station(.status(station: KioskFixtures.station, open: KioskFixtures.showing)))
    #expect(KioskStartScreen.items(shown.context).first == .signIn)
    #expect(render(shown).lines.contains { $0.contains("已签到 12 人") })
    #expect(shown.nextDeadline == 6)
    // A member's own screens do not need the station: no reads while logged in.
    var member = shown.pressing("2").state.pressing("2001").state.pressing(.enter)
    member = member.pressing("1234").state.pressing(.enter).answering(
      .loggedIn(MemberFixtures.records))
    #expect(member.session != nil)
    #expect(member.later(10).effects.requests.isEmpty)
  }

  @Test func aFailedReadKeepsWhatWasShownAndTriesAgain() {
    let state = KioskFixtures.state().later(3).state.answering(
      .failed(.station(.status), message: "数据库正忙"))
    #expect(state.kiosk?.open == KioskFixtures.showing)
    #expect(render(state).lines[3].contains("暂时读不到签到情况：数据库正忙"))
    #expect(state.later(3).effects.requests == [.station(.status(stationID: "S01"))])
  }

  @Test func aMemberSignsInAndTheScreenIsReadyForTheNextPersonSoon() {
    var state = KioskFixtures.state().pressing("1").state
    guard case .login(let login) = state.top else {
      Issue.record("expected the sign-in screen")
      return
    }
    #expect(login.purpose == .signIn(showingID: 7, courseTitle: KioskFixtures.broadcast.title))
    state = state.pressing("2001").state.pressing(.enter).pressing("1234").state
    let (sent, effects) = update(state, .key(.enter))
    #expect(effects.requests == [.station(.signIn(showingID: 7, memberID: "2001", pin: "1234"))])
    let (signed, refresh) = update(
      sent,
      .records(
        RecordsAnswer(
          serial: sent.records.lastSerial,
          reply: .station(.signIn(.signedIn(KioskFixtures.member))))))
    guard case .signedIn = signed.top else {
      Issue.record("expected 签到成功")
      return
    }
    #expect(signed.session == nil)  // signing in logs nobody in
    // The count is read again at once, and the screen goes after five seconds.
    #expect(refresh.requests == [.station(.status(stationID: "S01"))])
    #expect(signed.later(4.9).state.top.kind == "signedIn")
    #expect(signed.later(5).state.stack.map(\.kind) == ["kioskStart"])
    // Any key goes at once.
    #expect(signed.pressing(.enter).stack.map(\.kind) == ["kioskStart"])
  }

  @Test func signingInTwiceWrongPINsAndRemovedNamesAreSaidPlainly() {
    var typing = KioskFixtures.state().pressing("1").state.pressing("2001").state
    typing = typing.pressing(.enter).pressing("1234").state.pressing(.enter)
    let since = LocalTime(date: Fixtures.today, hour: 19, minute: 3)
    let twice = typing.answering(
      .station(.signIn(.alreadySignedIn(KioskFixtures.member, since: since))))
    #expect(render(twice).lines.contains { $0.contains("您在 19:03 已经签到过了，不用再签。") })
    let wrong = typing.answering(
      .station(.signIn(.refused(.refused(freeAttemptsLeft: 2, retry: nil)))))
    guard case .login(let screen) = wrong.top else {
      Issue.record("expected the sign-in screen again")
      return
    }
    #expect(screen.phase == .pin && screen.problem?.contains(MemberText.wrongNumberOrPIN) == true)
    let removed = typing.answering(.station(.signIn(.removed(KioskFixtures.member))))
    guard case .login(let turnedAway) = removed.top else {
      Issue.record("expected the sign-in screen again")
      return
    }
    #expect(turnedAway.phase == .number && turnedAway.number.isEmpty)
    #expect(turnedAway.problem == KioskText.removedFromList(KioskFixtures.member))
    let over = typing.answering(.station(.signIn(.notOpen)))
    #expect(over.stack.map(\.kind) == ["kioskStart"] && over.message == KioskText.signInOver)
  }

  @Test func aSignInScreenGoesWhenItsSignInCloses() {
    let typing = KioskFixtures.state().pressing("1").state.pressing("20").state
    let read = typing.later(3).state.answering(
      .station(.status(station: KioskFixtures.station, open: nil)))
    #expect(read.stack.map(\.kind) == ["kioskStart"] && read.message == KioskText.signInOver)
  }

  @Test func anAdministratorLogsInAndIsForgottenOnTheWayBackOrWhenIdle() {
    var state = KioskFixtures.state().pressing("4").state
    state = state.pressing("9001").state.pressing(.enter).pressing("2468").state
    let (sent, effects) = update(state, .key(.enter))
    #expect(
      effects.requests == [.station(.administratorLogIn(id: "9001", pin: "2468", stationID: "S01"))]
    )
    let elsewhere = sent.answering(.station(.administratorRefused(.otherStation("S02"))))
    guard case .login(let refused) = elsewhere.top else {
      Issue.record("expected the administrator's login")
      return
    }
    #expect(refused.problem == KioskText.otherStation("S02"))
    let menu = KioskFixtures.administering()
    #expect(
      menu.top.kind == "adminMenu" && menu.kiosk?.administrator == KioskFixtures.administrator)
    let back = menu.pressing("0").state
    #expect(back.stack.map(\.kind) == ["kioskStart"] && back.kiosk?.administrator == nil)
    let idle = menu.later(180).state
    #expect(idle.stack.map(\.kind) == ["kioskStart"] && idle.kiosk?.administrator == nil)
    #expect(idle.message == KioskText.returnedIdle(seconds: 180))
  }

  @Test func openingASignInForTodaysSession() {
    var state = KioskFixtures.administering(open: nil)
    #expect(AdminMenuScreen.items(state.context) == [.open, .quit])
    state = state.pressing("1").state.pressing("1").state
    guard case .adminConfirm(let confirm) = state.top,
      case .open(let course, broadcast: false) = confirm.action
    else {
      Issue.record("expected the confirmation of today's session")
      return
    }
    #expect(course.id == KioskFixtures.broadcast.id)
    let (sent, effects) = update(state, .key(.character("1")))
    #expect(
      effects.requests == [
        .station(
          .open(
            stationID: "S01", courseID: course.id, date: Fixtures.today, unscheduled: false,
            by: KioskFixtures.administrator))
      ])
    let opened = sent.answering(.station(.opened(KioskFixtures.showing)))
    #expect(opened.top.kind == "adminMenu" && opened.kiosk?.open == KioskFixtures.showing)
    #expect(opened.message == KioskText.opened(KioskFixtures.showing))
    #expect(AdminMenuScreen.items(opened.context) == [.list, .close, .cancel, .quit])
  }

  @Test func closingCreditsThroughTheRecordsAndShowsTheList() {
    let state = KioskFixtures.administering().pressing("2").state
    let (sent, effects) = update(state, .key(.character("1")))
    #expect(
      effects.requests == [.station(.close(stationID: "S01", by: KioskFixtures.administrator))])
    // A second 1 while saving asks nothing more.
    #expect(update(sent, .key(.character("1"))).1.isEmpty)
    let failed = sent.answering(.failed(.station(.administration), message: "数据库正忙"))
    guard case .adminConfirm(let confirm) = failed.top else {
      Issue.record("expected the confirmation to stay")
      return
    }
    #expect(confirm.problem == KioskText.failed("数据库正忙"))
    let closed = sent.answering(
      .station(
        .closed(
          ClosedSignIn(
            showing: KioskFixtures.showing, attendees: [], credits: CreditOutcome()))))
    #expect(closed.stack.map(\.kind) == ["kioskStart", "adminMenu", "signInClosed"])
    #expect(closed.kiosk?.open == nil)
  }

  @Test func removingANameTakesAReasonChosenNotTyped() {
    var state = KioskFixtures.administering().pressing("1").state
    state = state.answering(
      .station(.attendees(showingID: 7, [KioskFixtures.attendee("2001", "王建国", minute: 2)])))
    state = state.pressing("1").state
    #expect(state.top.kind == "removalReason")
    state = state.pressing("1").state
    let (sent, effects) = update(state, .key(.character("1")))
    #expect(
      effects.requests == [
        .station(
          .removeAttendee(
            stationID: "S01", memberID: "2001", reason: KioskText.reasons[0],
            by: KioskFixtures.administrator))
      ])
    let removed = KioskFixtures.attendee("2001", "王建国", minute: 2, removed: KioskText.reasons[0])
    let done = sent.answering(.station(.removed(removed)))
    #expect(done.stack.map(\.kind) == ["kioskStart", "adminMenu", "attendees"])
    guard case .attendees(let list) = done.top else { return }
    #expect(list.attendees == [removed])
    #expect(done.pressing("1").state.message == KioskText.alreadyRemoved)
  }

  @Test func onlyAnAdministratorQuitsTheKiosk() {
    let state = KioskFixtures.administering().pressing("4").state
    #expect(state.top.kind == "adminConfirm")
    #expect(update(state, .key(.character("1"))).1 == [.quit])
    #expect(update(state, .key(.character("0"))).0.top.kind == "adminMenu")
  }

  @Test func aFullSessionOffersNothingAndASignUpGoesToTheRecords() {
    var state = MemberFixtures.loggedIn(catalog: KioskFixtures.catalog)
    state = state.pressing(MemberFixtures.digit(.upcoming)).state
    guard case .upcomingPlaces(let places) = state.top else {
      Issue.record("expected 近期安排")
      return
    }
    #expect(places.places.map(\.place) == [nil, "乡镇党校", "村党员活动室"])
    let (listed, effects) = state.pressing("1")
    #expect(
      effects.requests == [
        .station(.seats(memberID: "2001", first: Fixtures.today, last: MemberFixtures.day(3, 31)))
      ])
    let sessions = KioskFixtures.broadcast.sessions
    let full = SessionKey(course: KioskFixtures.broadcast, session: sessions[1])
    let open = SessionKey(course: KioskFixtures.broadcast, session: sessions[0])
    let seats = Seats(taken: [full: 2], mine: [])
    let shown = listed.answering(.station(.seats(memberID: "2001", seats)))
    let fullScreen = shown.pressing("2").state
    #expect(fullScreen.pressing("1").state.message == KioskText.fullNote)
    #expect(render(fullScreen).lines.contains { $0.contains(KioskText.fullNote) })
    let (sent, signUp) = shown.pressing("1").state.pressing("1")
    #expect(
      signUp.requests == [
        .station(
          .signUp(
            memberID: "2001", session: open, first: Fixtures.today,
            last: MemberFixtures.day(3, 31)))
      ])
    let done = sent.answering(
      .station(
        .signedUp(
          memberID: "2001", session: open, .signedUp(seatsLeft: 29),
          Seats(taken: [full: 2, open: 1], mine: [open]))))
    #expect(done.message == KioskText.signedUp(KioskFixtures.broadcast.title))
    guard case .signUp(let screen) = done.top else { return }
    #expect(screen.isMine && !screen.saving)
    // Back on the list the seat is marked as the member's.
    #expect(render(done.pressing("0").state).lines.contains { $0.contains("已报名") })
  }

  /// A catalog with errors, the last good one served: the kiosk says so at the bottom of its
  /// start screen, as the start screen does.
  @Test func theLastGoodCatalogIsSaidOnTheKiosksStartScreen() {
    var state = KioskFixtures.state()
    state.kiosk = KioskState(stationID: "S01", catalogWarning: "课程目录有错误，正在使用上次正确的目录")
    state.kiosk?.station = KioskFixtures.station
    #expect(render(state).trimmedLines[21] == " 课程目录有错误，正在使用上次正确的目录")
  }
}
