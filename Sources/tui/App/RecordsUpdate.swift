import Catalog

/// The records' answers, as `update` takes them: the session changes only when the records
/// said so, so a failed write leaves everything as the member last saw it.
func receive(_ reply: RecordsReply, in state: AppState) -> (AppState, [Effect]) {
  var state = state
  switch reply {
  case .loggedIn(let records):
    guard case .login = state.top else { return (state, []) }
    state.session = MemberSession(records: records, catalog: state.catalog, today: state.today)
    state.replaceTop(.mainMenu(MainMenuScreen(mode: .member)))
  case .loginRefused(_, let refusal):
    guard case .login(var screen) = state.top else { return (state, []) }
    screen.refused(refusal, today: state.today)
    state.replaceTop(.login(screen))
  case .loaded(let records):
    state.refresh(records)
  case .selected(let courseID, let changed, let records):
    state.refresh(records)
    state.closeConfirmation(for: courseID)
    let title = state.catalog.course(id: courseID)?.title ?? courseID
    state.message = changed ? MemberText.selectedDone(title) : MemberText.alreadySelected(title)
  case .dropped(let courseID, let changed, let records):
    state.refresh(records)
    state.closeConfirmation(for: courseID)
    let title = state.catalog.course(id: courseID)?.title ?? courseID
    state.message = changed ? MemberText.droppedDone(title) : MemberText.notSelectedBefore(title)
  case .failed(let failure, let message):
    switch failure {
    case .logIn:
      guard case .login(var screen) = state.top else { break }
      screen.failed(message)
      state.replaceTop(.login(screen))
    case .load:
      state.message = MemberText.loadFailed(message)
    case .select, .drop:
      guard case .confirm(var screen) = state.top else {
        state.message = MemberText.saveFailed(message)
        break
      }
      screen.failed(message)
      state.replaceTop(.confirm(screen))
    }
  }
  return (state, [])
}

/// What opening a screen asks of the records: 我的选课, 我的学时 and 为我推荐 read them again, since
/// an administrator or another session may have written since the member logged in.
func effects(opening screen: AppScreen, in state: AppState) -> [Effect] {
  guard let id = state.session?.member.id else { return [] }
  switch screen {
  case .myCourses, .myHours, .recommendations: return [.records(.load(memberID: id))]
  default: return []
  }
}

extension AppState {
  /// Takes fresh records of the member logged in; answers about anyone else are stale.
  fileprivate mutating func refresh(_ records: MemberRecords) {
    guard session?.member.id == records.member.id else { return }
    session = MemberSession(records: records, catalog: catalog, today: today)
  }

  /// Leaves the confirmation of this course once its write is done.
  fileprivate mutating func closeConfirmation(for courseID: String) {
    guard case .confirm(let screen) = top, screen.courseID == courseID else { return }
    _ = pop()
  }
}
