import Catalog

/// 需求调研: the year's needs survey in up to three steps, each answered by digits — the
/// topics (each digit marks or unmarks one, up to the survey's limit; the last item goes on),
/// the preferred form, the preferred season (or 都可以). The last choice keeps the answers.
/// 0 goes back a step; on the first step it declines the survey offered at login (asked no
/// more at login this year, still in the main menu), or leaves the one opened from the menu
/// without keeping anything.
struct SurveyScreen: Screen {
  enum Step: Hashable, Sendable {
    case topics, form, season
  }

  /// Offered at login (0 declines) rather than opened from the main menu (0 only leaves).
  let atLogin: Bool
  let steps: [Step]
  private(set) var step = 0
  /// Topic ids in the order marked.
  private(set) var topics: [String] = []
  private(set) var form: CourseForm?
  private(set) var phase = FeedbackPhase.answering
  private(set) var list: NumberedList

  init(survey: Survey, atLogin: Bool) {
    self.atLogin = atLogin
    steps =
      [.topics] + (survey.forms.isEmpty ? [] : [.form]) + (survey.seasons.isEmpty ? [] : [.season])
    list = NumberedList(count: survey.topics.count + 1)
  }

  var pending: FeedbackRequest? { phase.pending }

  mutating func failed(_ message: String) { phase.fail(message) }

  /// The items of a step: the topics then 选好了; the forms or seasons then 都可以.
  private func items(_ step: Step, _ survey: Survey, _ glyphs: Glyphs) -> [String] {
    switch step {
    case .topics:
      survey.topics.map { topic in
        (topics.contains(topic.id) ? "[\(glyphs.selectedMark)] " : "[ ] ") + topic.title
      } + [FeedbackText.topicsDone]
    case .form: survey.forms.map(\.label) + [FeedbackText.either]
    case .season: survey.seasons.map { FeedbackText.seasonOption($0) } + [FeedbackText.either]
    }
  }

  // MARK: Keys

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    if let navigation = phase.waiting(command, context) { return navigation }
    guard let survey = context.catalog.survey else { return .back }
    if command == .back {
      guard step > 0 else { return atLogin ? phase.send(.declineSurvey, context) : .back }
      go(to: step - 1, survey)
      return .stay
    }
    switch list.handle(command) {
    case .chosen(let index): return choose(index, survey, context)
    case .refused(let message): return .refuse(message)
    case .moved, .ignored: return .stay
    }
  }

  private mutating func choose(_ index: Int, _ survey: Survey, _ context: ScreenContext)
    -> Navigation
  {
    switch steps[step] {
    case .topics:
      if index < survey.topics.count {
        let id = survey.topics[index].id
        if let marked = topics.firstIndex(of: id) {
          topics.remove(at: marked)
        } else {
          guard topics.count < survey.maxTopics else {
            return .refuse(FeedbackText.tooManyTopics(survey.maxTopics))
          }
          topics.append(id)
        }
        return .stay
      }
      guard !topics.isEmpty else { return .refuse(FeedbackText.chooseATopic) }
    case .form:
      form = index < survey.forms.count ? survey.forms[index] : nil
    case .season:
      let season = index < survey.seasons.count ? survey.seasons[index] : nil
      return finish(season: season, context)
    }
    guard step + 1 < steps.count else { return finish(season: nil, context) }
    go(to: step + 1, survey)
    return .stay
  }

  private mutating func finish(season: TrainingSeason?, _ context: ScreenContext) -> Navigation {
    phase.send(.answerSurvey(SurveyAnswers(topics: topics, form: form, season: season)), context)
  }

  private mutating func go(to next: Int, _ survey: Survey) {
    step = next
    list = NumberedList(count: items(steps[next], survey, .ascii).count)
  }

  // MARK: Drawing

  func heading(_ context: ScreenContext) -> String {
    FeedbackText.surveyHeading(context.catalog.survey?.title ?? "")
  }

  func position(_ context: ScreenContext) -> String? {
    FeedbackText.stepPosition(step + 1, of: steps.count)
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    if let hints = phase.waitingHints { return hints }
    let back =
      step > 0
      ? FeedbackText.previousStep : atLogin ? FeedbackText.keyLater : ScreenText.keyBack
    let action = steps[step] == .topics ? FeedbackText.keyToggle : FeedbackText.keyChoose
    return NumberedTable.digitHints(for: list, action: action) + [
      KeyHint("0", back), KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp),
      KeyHint(ScreenText.keyNameArrows, ScreenText.keyMove),
    ]
  }

  /// The question of the step, with the survey's intro above it on the first step when the
  /// body has room for both and every item.
  private func header(_ context: ScreenContext) -> [StyledLine] {
    guard let survey = context.catalog.survey else { return [] }
    let width = context.body.width
    let question =
      switch steps[step] {
      case .topics: FeedbackText.topicsQuestion(max: survey.maxTopics, chosen: topics.count)
      case .form: FeedbackText.formQuestion
      case .season: FeedbackText.seasonQuestion
      }
    let lines = TextWrap.lines(question, width: width).map { [Span($0, .emphasis)] }
    guard step == 0, let intro = survey.intro else { return lines }
    let introLines = TextWrap.lines(intro, width: width).map { [Span($0)] } + [[]]
    // The items, the 0 line and a blank under the question must fit.
    let room = context.body.height - list.count - 2 - lines.count
    return introLines.count <= room ? introLines + lines : lines
  }

  private func table(_ context: ScreenContext) -> NumberedTable {
    NumberedTable(list: list, firstItemRow: header(context).count + 1)
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    guard let survey = context.catalog.survey else { return }
    let ellipsis = context.glyphs.ellipsis
    let table = table(context)
    for (offset, line) in header(context).enumerated() where offset < area.height {
      grid.write(line: line, x: area.x, y: area.y + offset, width: area.width, ellipsis: ellipsis)
    }
    let texts = items(steps[step], survey, context.glyphs)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { texts[$0] }
    let back =
      phase.isFailed
      ? FeedbackText.keyLater
      : step > 0
        ? FeedbackText.previousStep : atLogin ? FeedbackText.declineSurvey : FeedbackText.backToMenu
    table.drawBackItem(back, into: &grid, area: area)
    phase.drawStatus(into: &grid, area: area, top: table.endRow + 2, glyphs: context.glyphs)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(context).command(forClickAt: x, row: row, backItem: true)
  }
}
