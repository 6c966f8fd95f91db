import Catalog

/// The station's answers (`StationReply`), as `update` takes them: the kiosk's state, members
/// signing in, administrators and their actions, and 近期安排's seats. As with the member's
/// answers, one that comes late finds its screen gone and changes only what is still true
/// (the station's state).
func receiveStation(_ reply: StationReply, in state: AppState) -> AppState {
  var state = state
  switch reply {
  case .status(let station, let open):
    state.takeStationStatus(station, open)
    state.leaveClosedSignIn()
  case .signIn(let answer):
    state.signedIn(answer)
  case .administratorLoggedIn(let administrator):
    guard let screen = state.checkingLogin, case .administrator = screen.purpose else { break }
    state.kiosk?.administrator = administrator
    state.idleTimer?.restart(at: state.now.uptime)
    state.replaceTop(.adminMenu(AdminMenuScreen()))
  case .administratorRefused(let refusal):
    guard var screen = state.checkingLogin, case .administrator = screen.purpose else { break }
    switch refusal {
    case .login(let refusal): screen.refused(refusal, today: state.today)
    case .otherStation(let id): screen.turnedAway(KioskText.otherStation(id))
    }
    state.replaceTop(.login(screen))
  case .opened(let showing):
    state.kiosk?.open = showing
    state.removeScreens {
      if case .adminConfirm = $0 { return true }
      if case .signInCourses = $0 { return true }
      return false
    }
    state.message = KioskText.opened(showing)
    state.refreshStationSoon()
  case .attendees(let showingID, let attendees):
    state.updateScreens { screen in
      guard case .attendees(var list) = screen else { return }
      list.take(attendees, showingID: showingID)
      screen = .attendees(list)
    }
  case .removed(let attendee):
    state.closeAdminConfirmation()
    state.removeScreens { if case .removalReason = $0 { true } else { false } }
    state.updateScreens { screen in
      guard case .attendees(var list) = screen, let current = list.attendees else { return }
      list.take(
        current.map { $0.member.id == attendee.member.id ? attendee : $0 },
        showingID: list.showing.id)
      screen = .attendees(list)
    }
    state.message = KioskText.removed(attendee)
    state.refreshStationSoon()
  case .closed(let closed):
    state.kiosk?.open = nil
    state.closeAdminConfirmation()
    if case .adminMenu = state.top { state.push(.signInClosed(SignInClosedScreen(closed: closed))) }
    state.refreshStationSoon()
  case .cancelled(let showing):
    state.kiosk?.open = nil
    state.closeAdminConfirmation()
    state.message = KioskText.cancelled(showing)
    state.refreshStationSoon()
  case .seats(let memberID, let seats):
    guard state.session?.member.id == memberID else { break }
    state.takeSeats(seats)
  case .signedUp(let memberID, let key, let result, let seats):
    guard state.session?.member.id == memberID else { break }
    state.takeSeats(seats)
    let title = state.catalog.course(id: key.courseID)?.title ?? key.courseID
    state.message =
      switch result {
      case .signedUp: KioskText.signedUp(title)
      case .alreadySignedUp: KioskText.alreadySignedUp(title)
      case .full: KioskText.sessionFull(title)
      }
  case .signUpCancelled(let memberID, let key, let changed, let seats):
    guard state.session?.member.id == memberID else { break }
    state.takeSeats(seats)
    let title = state.catalog.course(id: key.courseID)?.title ?? key.courseID
    state.message = changed ? KioskText.signUpCancelled(title) : KioskText.notSignedUp(title)
  }
  return state
}

/// A station request failed: nothing was written; the screen that asked says why.
func stationFailed(_ failure: StationRequest.Failure, _ message: String, in state: AppState)
  -> AppState
{
  var state = state
  switch failure {
  case .status:
    state.stationStatusFailed(message)
  case .checkingPIN:
    guard var screen = state.checkingLogin else { break }
    screen.failed(message)
    state.replaceTop(.login(screen))
  case .administration:
    var found = false
    state.updateScreens { screen in
      guard case .adminConfirm(var confirm) = screen else { return }
      confirm.failed(message)
      screen = .adminConfirm(confirm)
      found = true
    }
    if !found { state.message = KioskText.failed(message) }
  case .signUp(let memberID):
    guard state.session?.member.id == memberID else { break }
    var found = false
    state.updateScreens { screen in
      guard case .signUp(var signUp) = screen else { return }
      signUp.failed(message)
      screen = .signUp(signUp)
      found = true
    }
    if !found { state.message = MemberText.loadFailed(message) }
  }
  return state
}

extension AppState {
  /// The login screen on top while its number and PIN are being checked.
  fileprivate var checkingLogin: LoginScreen? {
    guard case .login(let screen) = top, screen.checking else { return nil }
    return screen
  }

  /// A member's sign-in answered: 签到成功 for a few seconds, or why not.
  fileprivate mutating func signedIn(_ answer: SignInAnswer) {
    guard var screen = checkingLogin, case .signIn = screen.purpose else { return }
    let until = now.uptime + KioskState.signedInSeconds
    switch answer {
    case .signedIn(let member):
      replaceTop(.signedIn(SignedInScreen(member: member, since: nil, until: until)))
      refreshStationSoon()
    case .alreadySignedIn(let member, let since):
      replaceTop(.signedIn(SignedInScreen(member: member, since: since, until: until)))
    case .removed(let member):
      screen.turnedAway(KioskText.removedFromList(member))
      replaceTop(.login(screen))
    case .refused(let refusal):
      screen.refused(refusal, today: today)
      replaceTop(.login(screen))
    case .notOpen:
      returnToFirstScreen()
      message = KioskText.signInOver
      refreshStationSoon()
    }
  }

  /// A sign-in screen whose sign-in has closed meanwhile goes, unless a PIN is being checked
  /// (its answer will say so).
  fileprivate mutating func leaveClosedSignIn() {
    guard case .login(let screen) = top, !screen.checking,
      case .signIn(let showingID, _) = screen.purpose, kiosk?.open?.id != showingID
    else { return }
    _ = pop()
    message = KioskText.signInOver
  }

  /// An administrator's confirmation has done its work, wherever it is.
  fileprivate mutating func closeAdminConfirmation() {
    removeScreens { if case .adminConfirm = $0 { true } else { false } }
  }

  /// 近期安排's screens take the seats as read.
  fileprivate mutating func takeSeats(_ seats: Seats) {
    updateScreens { screen in
      switch screen {
      case .upcomingSessions(var sessions):
        sessions.take(seats)
        screen = .upcomingSessions(sessions)
      case .signUp(var signUp):
        signUp.take(seats)
        screen = .signUp(signUp)
      default:
        break
      }
    }
  }
}
