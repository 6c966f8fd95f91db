import Catalog

/// 评学 and 需求调研 in the app: at login the prompts due are asked one after another over the
/// main menu; each one kept (or declined) gives way to the next, as the records' answer says.
extension AppState {
  /// The first prompt due, over the main menu, just after a login.
  mutating func offerFeedback() {
    guard let prompt = session?.feedbackPrompts.first, let screen = feedbackScreen(prompt)
    else { return }
    push(screen)
  }

  /// The screen that asks `prompt` at login; nil when the catalog cannot ask it.
  func feedbackScreen(_ prompt: FeedbackPrompt) -> AppScreen? {
    switch prompt {
    case .rate(let courseID):
      guard let evaluation = catalog.evaluation, catalog.course(id: courseID) != nil else {
        return nil
      }
      return .rating(RatingScreen(courseID: courseID, evaluation: evaluation))
    case .survey:
      return catalog.survey.map { .survey(SurveyScreen(survey: $0, atLogin: true)) }
    }
  }

  /// The records kept (or had already) what the screen sent for `prompt`: the screen closes,
  /// with thanks, and at login the next prompt due follows.
  mutating func feedbackSaved(_ prompt: FeedbackPrompt, changed: Bool) {
    var sent: (request: FeedbackRequest, atLogin: Bool)?
    removeScreens { screen in
      guard let pending = screen.pendingFeedback, pending.request.prompt == prompt else {
        return false
      }
      sent = pending
      return true
    }
    guard let sent else { return }
    switch sent.request {
    case .rate(let courseID, _):
      let title = catalog.course(id: courseID)?.title ?? courseID
      message = changed ? FeedbackText.thanksRating(title) : FeedbackText.alreadyRated
    case .answerSurvey:
      message = changed ? FeedbackText.thanksSurvey : FeedbackText.surveyAlreadyAnswered
    case .declineRating, .declineRatings, .declineSurvey:
      break
    }
    if sent.atLogin { offerFeedback() }
  }

  /// The records could not keep it: the screen says so and offers to try again.
  /// Said on the message line too, which every size of terminal shows.
  mutating func feedbackFailed(_ prompt: FeedbackPrompt, _ message: String) {
    var found = false
    updateScreens { screen in
      guard screen.pendingFeedback?.request.prompt == prompt else { return }
      screen.feedbackFailed(message)
      found = true
    }
    if found { self.message = FeedbackText.failed(message) }
  }
}

extension AppScreen {
  /// A rating or survey screen's request on its way (or failed), and whether it was asked at
  /// login.
  var pendingFeedback: (request: FeedbackRequest, atLogin: Bool)? {
    switch self {
    case .rating(let screen): screen.pending.map { ($0, true) }
    case .survey(let screen): screen.pending.map { ($0, screen.atLogin) }
    default: nil
    }
  }

  mutating func feedbackFailed(_ message: String) {
    switch self {
    case .rating(var screen):
      screen.failed(message)
      self = .rating(screen)
    case .survey(var screen):
      screen.failed(message)
      self = .survey(screen)
    default:
      break
    }
  }
}
