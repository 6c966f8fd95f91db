/// However a test's screen goes away before its attempt is handed in — 0 twice, the idle
/// logout, a hang-up or quitting — the records are told, so the attempt ends unscored. It was
/// counted when it started, so a session killed before it can tell them still spent it.
func leavingQuizzes(from before: AppState, to after: AppState, _ effects: [Effect]) -> (
  AppState, [Effect]
) {
  var state = after
  let quitting = effects.contains(.quit)
  let stillShown = Set(after.quizAttemptsOnStack)
  var left = before.openQuizAttempts.filter { !stillShown.contains($0.attemptID) }
  if quitting {
    left += after.openQuizAttempts.filter { attempt in
      !left.contains { $0.attemptID == attempt.attemptID }
    }
    state.updateScreens { screen in
      guard case .quiz(var quiz) = screen, quiz.openAttemptID != nil else { return }
      quiz.leave()
      screen = .quiz(quiz)
    }
  }
  guard !left.isEmpty else { return (after, effects) }
  var told: [Effect] = []
  for attempt in left {
    let asked = ask(
      .abandonQuiz(attemptID: attempt.attemptID, memberID: attempt.memberID), in: state)
    state = asked.0
    told += asked.1
  }
  // Left by the member's own 0, with a message of its own only when nothing else was said.
  if !quitting, state.session != nil, state.message == nil, let title = left.first?.courseTitle {
    state.message = StudyText.quizLeft(title)
  }
  return (state, told + effects)
}

extension AppState {
  /// An attempt a test screen on the stack holds open.
  struct OpenQuizAttempt: Hashable, Sendable {
    var attemptID: Int64
    var memberID: String
    var courseTitle: String
  }

  /// The attempts of every test screen on the stack, open or not.
  var quizAttemptsOnStack: [Int64] {
    stack.compactMap { screen in
      guard case .quiz(let quiz) = screen else { return nil }
      return quiz.ticket.attemptID
    }
  }

  var openQuizAttempts: [OpenQuizAttempt] {
    stack.compactMap { screen in
      guard case .quiz(let quiz) = screen, let id = quiz.openAttemptID else { return nil }
      let title = catalog.course(id: quiz.ticket.courseID)?.title ?? quiz.ticket.courseID
      return OpenQuizAttempt(attemptID: id, memberID: quiz.memberID, courseTitle: title)
    }
  }
}
