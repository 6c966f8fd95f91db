import Catalog
import Testing

@testable import tui

/// 评学 and 需求调研 through `update`: keys in, records requests out, and only the records'
/// answers move the member on.
@Suite struct FeedbackUpdateTests {
  typealias F = FeedbackFixtures

  func rating(_ state: AppState) -> RatingScreen? {
    if case .rating(let screen) = state.top { return screen }
    return nil
  }

  func survey(_ state: AppState) -> SurveyScreen? {
    if case .survey(let screen) = state.top { return screen }
    return nil
  }

  /// Login asks for each course credited this year (not last year's 重温入党誓词), in the order
  /// credited, then the survey; digits answer, 0 on a later question goes back a question,
  /// and the last answer sends the rating — nothing else is sent.
  @Test func loginAsksToRateEachCreditedCourseThenTheSurvey() {
    var state = F.loggedIn()
    #expect(
      state.session?.feedbackPrompts == [
        .rate(courseID: "farm-winter"), .rate(courseID: "ideals-history"), .survey,
      ])
    #expect(rating(state)?.courseID == "farm-winter")
    var effects: [Effect]
    (state, effects) = state.pressing("4")
    #expect(effects.isEmpty)
    #expect(rating(state)?.question == 1)
    (state, effects) = state.pressing("0")
    #expect(effects.isEmpty)
    #expect(rating(state)?.question == 0)
    #expect(rating(state)?.list.cursor == 3)  // the answer given is where the cursor is
    (state, effects) = state.pressing("53")
    #expect(
      effects.requests == [
        .feedback(
          .rate(courseID: "farm-winter", answers: ["useful": 5, "lively": 3]), memberID: "2001")
      ])
    // Keys while saving do nothing, and send nothing again.
    let (waiting, more) = state.pressing("1")
    #expect(more.isEmpty && waiting.top == state.top)

    state = state.answering(
      .feedbackSaved(.rate(courseID: "farm-winter"), changed: true, F.asked(["farm-winter"])))
    #expect(rating(state)?.courseID == "ideals-history")
    #expect(state.message == FeedbackText.thanksRating(F.catalog.course(id: "farm-winter")!.title))
    #expect(state.stack.count == 3)  // start, main menu, the next rating in the first one's place

    // 0 on the first question skips the course for good.
    (state, effects) = state.pressing("0")
    #expect(
      effects.requests == [.feedback(.declineRating(courseID: "ideals-history"), memberID: "2001")])
    state = state.answering(
      .feedbackSaved(
        .rate(courseID: "ideals-history"), changed: true,
        F.asked(["farm-winter", "ideals-history"])))
    #expect(survey(state)?.atLogin == true)
    #expect(state.message == nil)
  }

  /// 9 on the first question skips every course waiting, for good; with one course left it
  /// is not offered.
  @Test func nineSkipsEveryCourseWaiting() {
    let state = F.loggedIn()
    let (_, effects) = state.pressing("9")
    #expect(
      effects.requests == [
        .feedback(.declineRatings(courseIDs: ["farm-winter", "ideals-history"]), memberID: "2001")
      ])
    #expect(state.pressing("4").state.pressing("9").effects.isEmpty)  // not on question 2
    let last = F.loggedIn(F.asked(["farm-winter"]))
    #expect(rating(last)?.courseID == "ideals-history")
    #expect(last.pressing("9").effects.isEmpty)
    #expect(!render(last).lines.joined().contains(FeedbackText.keySkipAll))
  }

  /// Topics toggle up to the limit, 选好了 needs one at least, then the form and the season
  /// (or 都可以); the last choice sends the answers. After that, the main menu.
  @Test func theSurveyStepsThroughTopicsFormAndSeason() {
    var state = F.loggedIn(FeedbackScreenStates.surveyRecords)
    #expect(state.pressing("5").state.message == FeedbackText.chooseATopic)
    state = state.pressing("1234").state
    #expect(state.message == FeedbackText.tooManyTopics(3))
    state = state.pressing("1").state  // unmarks 理想信念
    #expect(survey(state)?.topics == ["greenhouse", "orchard"])
    state = state.pressing("5").state
    #expect(survey(state)?.step == 1)
    state = state.pressing("0").state
    #expect(survey(state)?.step == 0 && survey(state)?.topics == ["greenhouse", "orchard"])
    var effects: [Effect]
    (state, effects) = state.pressing("53")
    #expect(effects.isEmpty)
    (state, effects) = state.pressing("3")
    let answers = SurveyAnswers(topics: ["greenhouse", "orchard"], form: .online, season: nil)
    #expect(effects.requests == [.feedback(.answerSurvey(answers), memberID: "2001")])
    state = state.answering(
      .feedbackSaved(
        .survey, changed: true,
        F.asked(["farm-winter", "ideals-history"], survey: .answered)))
    guard case .mainMenu = state.top else {
      Issue.record("expected the main menu, got \(state.top)")
      return
    }
    #expect(state.message == FeedbackText.thanksSurvey)
    #expect(state.session?.feedbackPrompts == [])
  }

  /// Declined at login: not offered at login again, but the main menu still opens it, where
  /// 0 leaves without writing anything; once answered, the menu says so and opens nothing.
  @Test func aDeclinedSurveyStaysInTheMainMenu() {
    var state = F.loggedIn(FeedbackScreenStates.surveyRecords)
    var effects: [Effect]
    (state, effects) = state.pressing("0")
    #expect(effects.requests == [.feedback(.declineSurvey, memberID: "2001")])
    let declined = F.asked(["farm-winter", "ideals-history"], survey: .declined)
    state = state.answering(.feedbackSaved(.survey, changed: true, declined))
    guard case .mainMenu(let menu) = state.top else {
      Issue.record("expected the main menu, got \(state.top)")
      return
    }
    let digit = String(menu.items.firstIndex(of: .survey)! + 1)
    #expect(menu.items.last == .help && menu.items.dropLast().last == .survey)
    (state, effects) = state.pressing(digit)
    #expect(survey(state)?.atLogin == false)
    (state, effects) = state.pressing("0")
    #expect(effects.isEmpty)
    guard case .mainMenu = state.top else {
      Issue.record("expected the main menu, got \(state.top)")
      return
    }
    let answered = F.loggedIn(F.asked(["farm-winter", "ideals-history"], survey: .answered))
    guard case .mainMenu = answered.top else {
      Issue.record("nothing is asked once everything is")
      return
    }
    #expect(answered.pressing(digit).state.message == FeedbackText.surveyAlreadyAnswered)
    #expect(render(answered).lines.contains { $0.contains(FeedbackText.mainMenuSurveyDone) })
  }

  /// A failed write keeps the answers: 1 sends the same request again, 0 leaves it for the
  /// next login (nothing written, so it will be asked again).
  @Test func aFailedWriteIsRetriedOrLeftForLater() {
    let failed = FeedbackScreenStates.ratingFailed60
    let request = RecordsRequest.feedback(
      .rate(courseID: "farm-winter", answers: ["useful": 4, "lively": 3]), memberID: "2001")
    #expect(failed.pressing("1").effects.requests == [request])
    let later = failed.pressing("0")
    #expect(later.effects.isEmpty)
    guard case .mainMenu = later.state.top else {
      Issue.record("expected the main menu, got \(later.state.top)")
      return
    }
  }

  /// Without evaluation.toml and survey.toml nothing is asked and the menu has no survey.
  @Test func aCatalogWithoutThemAsksNothing() {
    let state = MemberFixtures.loggedIn()
    guard case .mainMenu(let menu) = state.top else {
      Issue.record("expected the main menu, got \(state.top)")
      return
    }
    #expect(!menu.items.contains(.survey))
    #expect(state.session?.feedbackPrompts == [])
  }
}
