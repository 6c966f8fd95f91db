import Catalog

/// What a rating (评学) or needs survey (需求调研) screen asks the records to keep, for the
/// catalog's training year: answers are added to counts that name nobody
/// (`RecordsStore+Feedback`).
enum FeedbackRequest: Hashable, Sendable {
  /// The answers to the evaluation's questions (question id → 1 … its scale).
  case rate(courseID: String, answers: [String: Int])
  /// Not this course: never asked again this year.
  case declineRating(courseID: String)
  /// None of these courses (全部跳过): never asked again this year.
  case declineRatings(courseIDs: [String])
  case answerSurvey(SurveyAnswers)
  /// Not at login this year; still open from the main menu.
  case declineSurvey

  /// The prompt the request settles.
  var prompt: FeedbackPrompt {
    switch self {
    case .rate(let courseID, _), .declineRating(let courseID): .rate(courseID: courseID)
    case .declineRatings(let courseIDs): .rate(courseID: courseIDs.first ?? "")
    case .answerSurvey, .declineSurvey: .survey
    }
  }
}

/// Where a rating or survey screen is: being answered, waiting for the records, or failed
/// to save (1 tries again, 0 leaves it for later). The two screens share it.
enum FeedbackPhase: Hashable, Sendable {
  case answering
  case saving(FeedbackRequest)
  case failed(FeedbackRequest, message: String)

  /// The request on its way or failed.
  var pending: FeedbackRequest? {
    switch self {
    case .answering: nil
    case .saving(let request), .failed(let request, _): request
    }
  }

  var isFailed: Bool {
    if case .failed = self { true } else { false }
  }

  mutating func fail(_ message: String) {
    guard let pending else { return }
    self = .failed(pending, message: message)
  }

  /// Sends `request` for the member logged in.
  mutating func send(_ request: FeedbackRequest, _ context: ScreenContext) -> Navigation {
    guard let member = context.member else { return .back }
    self = .saving(request)
    return .ask(.feedback(request, memberID: member.member.id))
  }

  /// A key while saving or failed; nil while answering, where the screen decides.
  mutating func waiting(_ command: Command, _ context: ScreenContext) -> Navigation? {
    switch self {
    case .answering: return nil
    case .saving: return .stay
    case .failed(let request, _):
      switch command {
      case .digit(1), .open: return send(request, context)
      case .back: return .back
      default: return .stay
      }
    }
  }

  /// The keys while saving or failed; nil while answering.
  var waitingHints: [KeyHint]? {
    let help = KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp)
    switch self {
    case .answering: return nil
    case .saving: return [help]
    case .failed:
      return [KeyHint("1", FeedbackText.keyRetry), KeyHint("0", FeedbackText.keyLater), help]
    }
  }

  /// Draws what is happening from body row `top`, wrapped, as a notice.
  func drawStatus(into grid: inout Grid, area: Rect, top: Int, glyphs: Glyphs) {
    let status: String
    switch self {
    case .answering: return
    case .saving: status = FeedbackText.saving
    case .failed(_, let message): status = FeedbackText.failed(message)
    }
    for (offset, text) in TextWrap.lines(status, width: area.width).enumerated()
    where top + offset < area.height {
      grid.write(
        text, x: area.x, y: area.y + top + offset, width: area.width, style: .notice,
        ellipsis: glyphs.ellipsis)
    }
  }
}
