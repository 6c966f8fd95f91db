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
  case .sessionEnded, .sessionNoted, .failed(.session, _):
    return (receiveSession(reply, in: state), [])
  case .station(let reply):
    return (receiveStation(reply, in: state), [])
  case .failed(.station(let failure), let message):
    return (stationFailed(failure, message, in: state), [])
  default:
    break
  }
  // An attempt that started with nobody left to take it (the member went back, or was logged
  // out, meanwhile) is left at once.
  if case .quizStarted(let ticket, let records) = reply {
    if state.isAbout(reply) { state.refresh(records, readBy: answer.serial) }
    guard state.beginQuiz(ticket, memberID: records.member.id) else {
      return ask(.abandonQuiz(attemptID: ticket.attemptID, memberID: records.member.id), in: state)
    }
    return (state, [])
  }
  guard state.isAbout(reply) else { return (state, []) }
  switch reply {
  case .loggedIn, .loginRefused, .quizStarted, .quizAbandoned, .sessionTaken, .sessionEnded,
    .sessionNoted, .station:
    break
  case .feedbackSaved(let prompt, let changed, let records):
    state.refresh(records, readBy: answer.serial)
    state.feedbackSaved(prompt, changed: changed)
  case .lessonPageSaved(let courseID, _, let page):
    state.session?.noteLessonPage(page, of: courseID)
  case .quizRefused(let courseID, _, let limit):
    state.refuseQuiz(courseID, StudyText.limitReached(limit))
  case .quizFinished(let ticket, let finish, let records):
    state.refresh(records, readBy: answer.serial)
    state.showResult(of: ticket, finish)
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
    case .logIn, .session:
      break
    case .load:
      state.message = MemberText.loadFailed(message)
    case .select(let courseID, _), .drop(let courseID, _):
      if !state.failConfirmation(for: courseID, message) {
        state.message = MemberText.saveFailed(message)
      }
    case .saveLessonPage:
      state.message = StudyText.pageNotSaved(message)
    case .startQuiz(let courseID, _):
      state.refuseQuiz(courseID, StudyText.startFailed(message))
    case .finishQuiz(let attemptID, _):
      state.failHandingIn(attemptID, message)
    case .feedback(let prompt, _):
      state.feedbackFailed(prompt, message)
    case .abandonQuiz, .station:
      // Nothing to do: an abandoned attempt was counted when it started; the station's
      // failures were taken before (`stationFailed`).
      break
    }
  }
  return (state, [])
}

/// The answer to the last login sent (a PIN, a key, taking over from elsewhere), taken only
/// while the screen that sent it still waits for it.
private func logIn(_ reply: RecordsReply, serial: Int, in state: AppState) -> AppState {
  guard state.top.awaitsLogIn else { return state }
  var state = state
  switch reply {
  case .loggedIn(let records):
    _ = state.records.takeIfNewest(serial)
    state.session = MemberSession(records: records, catalog: state.catalog, today: state.today)
    state.idleTimer?.restart(at: state.now.uptime)
    // Who came in by key has no start screen: leaving the main menu ends the program.
    let byKey = state.sessionPolicy?.keyMember == records.member.id
    state.replaceTop(
      .mainMenu(
        MainMenuScreen(
          mode: .member, leavesProgram: byKey, survey: state.catalog.survey != nil)))
    sessionLoggedIn(&state)
    state.offerFeedback()
  case .sessionTaken(let id, let name, let other):
    state.idleTimer?.restart(at: state.now.uptime)
    state.replaceTop(
      .replaceSession(
        ReplaceSessionScreen(
          memberID: id, name: name, byKey: state.sessionPolicy?.keyMember == id, other: other,
          today: state.today)))
  case .loginRefused(_, let refusal):
    guard case .login(var screen) = state.top else { break }
    screen.refused(refusal, today: state.today)
    state.replaceTop(.login(screen))
  case .failed(_, let message):
    var top = state.top
    top.loginFailed(message)
    state.replaceTop(top)
  case .loaded, .selected, .dropped, .lessonPageSaved, .quizStarted, .quizRefused, .quizFinished,
    .quizAbandoned, .sessionEnded, .sessionNoted, .station, .feedbackSaved:
    break
  }
  return state
}

/// What opening a screen asks of the records: 我的选课, 我的学时, 为我推荐 and a test's rules (the
/// day's attempts) read them again, since an administrator or another session may have
/// written since the member logged in; a sign-in's list and 近期安排's seats are read as they
/// are shown.
func request(opening screen: AppScreen, in state: AppState) -> RecordsRequest? {
  if case .attendees(let attendees) = screen {
    return .station(.attendees(showingID: attendees.showing.id))
  }
  guard let id = state.session?.member.id else { return nil }
  switch screen {
  case .myCourses, .myHours, .recommendations, .quizIntro: return .load(memberID: id)
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
  mutating func refresh(_ records: MemberRecords, readBy serial: Int) {
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

extension AppState {
  /// The test screen waiting for this attempt to start takes it: the first question shows in
  /// its place. False when no screen waits for it.
  fileprivate mutating func beginQuiz(_ ticket: QuizTicket, memberID: String) -> Bool {
    guard session?.member.id == memberID else { return false }
    var found = false
    updateScreens { screen in
      guard !found, case .quizIntro(let intro) = screen, intro.courseID == ticket.courseID,
        intro.waiting
      else { return }
      screen = .quiz(QuizScreen(ticket: ticket, memberID: memberID))
      found = true
    }
    return found
  }

  /// The test's rules screen says why no attempt started.
  fileprivate mutating func refuseQuiz(_ courseID: String, _ message: String) {
    var found = false
    updateScreens { screen in
      guard case .quizIntro(var intro) = screen, intro.courseID == courseID, intro.waiting
      else { return }
      intro.refused(message)
      screen = .quizIntro(intro)
      found = true
    }
    if !found { self.message = message }
  }

  /// The handed-in attempt's screen gives way to its results, whose 0 returns to the course:
  /// the lesson reader the test was started from (if it was) is taken from under them.
  fileprivate mutating func showResult(of ticket: QuizTicket, _ finish: QuizFinish) {
    let context = context
    updateScreens { screen in
      guard case .quiz(let quiz) = screen, quiz.ticket.attemptID == ticket.attemptID else { return }
      screen = .quizResult(
        QuizResultScreen(
          ticket: ticket, responses: quiz.responses, finish: finish, context: context))
    }
    guard
      let shown = stack.firstIndex(where: {
        if case .quizResult(let result) = $0 { return result.ticket.attemptID == ticket.attemptID }
        return false
      }), shown > 0, case .lessonReader(let reader) = stack[shown - 1],
      reader.courseID == ticket.courseID
    else { return }
    removeScreen(at: shown - 1)
  }

  /// Handing in failed: the attempt's screen keeps the answers and offers to try again.
  fileprivate mutating func failHandingIn(_ attemptID: Int64, _ message: String) {
    updateScreens { screen in
      guard case .quiz(var quiz) = screen, quiz.ticket.attemptID == attemptID else { return }
      quiz.failed(message)
      screen = .quiz(quiz)
    }
  }
}
