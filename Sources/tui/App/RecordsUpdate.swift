import Catalog

/// The records' answers, as `update` takes them: the session changes only when the records
/// said so, so a failed write leaves everything as the member last saw it.
///
/// Answers may come late (the member has moved on, or logged out) or out of order: the
/// session takes the records of an answer only when no answer to a later call has been taken
/// (`RecordsTraffic`), only a member's own answers speak to them, and only the answer to the
/// last PIN sent, to a login screen still waiting, logs anyone in.
func receive(_ answer: RecordsAnswer, in state: AppState) -> (AppState, [Effect]) {
  var state = state
  // An answer nobody waits for (delivered twice) changes nothing.
  guard state.records.receive(answer.serial) != nil else { return (state, []) }
  let reply = answer.reply
  if answer.serial == state.records.lastLogIn {
    return (logIn(reply, serial: answer.serial, in: state), [])
  }
  switch reply {
  case .station(let reply):
    return (receiveStation(reply, in: state), [])
  case .failed(.station(let failure), let message):
    return (stationFailed(failure, message, in: state), [])
  default:
    break
  }
  guard state.isAbout(reply) else { return (state, []) }
  switch reply {
  case .loggedIn, .loginRefused, .station:
    break
  case .loaded(let records):
    state.refresh(records, readBy: answer.serial)
  case .selected(let courseID, let changed, let records):
    state.refresh(records, readBy: answer.serial)
    state.closeConfirmation(for: courseID)
    let title = state.catalog.course(id: courseID)?.title ?? courseID
    state.message = changed ? MemberText.selectedDone(title) : MemberText.alreadySelected(title)
  case .dropped(let courseID, let changed, let records):
    state.refresh(records, readBy: answer.serial)
    state.closeConfirmation(for: courseID)
    let title = state.catalog.course(id: courseID)?.title ?? courseID
    state.message = changed ? MemberText.droppedDone(title) : MemberText.notSelectedBefore(title)
  case .failed(let failure, let message):
    switch failure {
    case .logIn:
      break
    case .load:
      state.message = MemberText.loadFailed(message)
    case .select(let courseID, _), .drop(let courseID, _):
      if !state.failConfirmation(for: courseID, message) {
        state.message = MemberText.saveFailed(message)
      }
    case .station:
      break
    }
  }
  return (state, [])
}

/// The answer to the last PIN sent, taken only while its login screen still waits for it.
private func logIn(_ reply: RecordsReply, serial: Int, in state: AppState) -> AppState {
  guard case .login(var screen) = state.top, screen.checking else { return state }
  var state = state
  switch reply {
  case .loggedIn(let records):
    _ = state.records.takeIfNewest(serial)
    state.session = MemberSession(records: records, catalog: state.catalog, today: state.today)
    state.idleTimer?.restart(at: state.now.uptime)
    state.replaceTop(.mainMenu(MainMenuScreen(mode: .member)))
  case .loginRefused(_, let refusal):
    screen.refused(refusal, today: state.today)
    state.replaceTop(.login(screen))
  case .failed(_, let message):
    screen.failed(message)
    state.replaceTop(.login(screen))
  case .loaded, .selected, .dropped, .station:
    break
  }
  return state
}

/// What opening a screen asks of the records: 我的选课, 我的学时 and 为我推荐 read them again, since
/// an administrator or another session may have written since the member logged in; a
/// sign-in's list and 近期安排's seats are read as they are shown.
func request(opening screen: AppScreen, in state: AppState) -> RecordsRequest? {
  if case .attendees(let attendees) = screen {
    return .station(.attendees(showingID: attendees.showing.id))
  }
  guard let id = state.session?.member.id else { return nil }
  switch screen {
  case .myCourses, .myHours, .recommendations: return .load(memberID: id)
  case .upcomingSessions(let sessions): return sessions.request(memberID: id)
  default: return nil
  }
}

extension AppState {
  /// Whether an answer is about the member logged in now.
  fileprivate func isAbout(_ reply: RecordsReply) -> Bool {
    session?.member.id == reply.memberID
  }

  /// Takes the records read by call `serial`, unless records read later are held already.
  fileprivate mutating func refresh(_ records: MemberRecords, readBy serial: Int) {
    guard self.records.takeIfNewest(serial) else { return }
    session = MemberSession(records: records, catalog: catalog, today: today)
  }

  /// The confirmation of this course has done its work, wherever it is now (the member may
  /// have opened help over it, or left it).
  fileprivate mutating func closeConfirmation(for courseID: String) {
    removeScreens { screen in
      guard case .confirm(let confirm) = screen else { return false }
      return confirm.courseID == courseID
    }
  }

  /// Tells the confirmation of this course that its write failed; false when the member has
  /// left it.
  fileprivate mutating func failConfirmation(for courseID: String, _ message: String) -> Bool {
    var found = false
    updateScreens { screen in
      guard case .confirm(var confirm) = screen, confirm.courseID == courseID else { return }
      confirm.failed(message)
      screen = .confirm(confirm)
      found = true
    }
    return found
  }
}
