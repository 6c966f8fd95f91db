import Catalog
import Testing

@testable import tui

/// A test through `update`: started by the records, answered a question a screen with digits
/// and letters, handed in, graded; and left before the end in every way there is.
@Suite struct QuizFlowTests {
  let courseID = StudyFixtures.courseID

  func quiz(_ state: AppState) -> QuizScreen? {
    guard case .quiz(let screen) = state.top else { return nil }
    return screen
  }

  @Test func threeShowsTheRulesAndOneAsksForAnAttempt() throws {
    let detail = StudyFixtures.detail(StudyFixtures.loggedIn())
    var (state, effects) = detail.pressing("3")
    #expect(state.top.kind == "quizIntro")
    // The day's attempts are read again as the rules open.
    #expect(effects.requests == [.load(memberID: "2001")])
    state = state.answering(.loaded(MemberFixtures.records))
    (state, effects) = state.pressing("1")
    #expect(
      effects.requests == [.startQuiz(courseID: courseID, memberID: "2001", day: Fixtures.today)])
    // Asked once only.
    #expect(state.pressing("1").effects.isEmpty)
    state = state.answering(.quizStarted(StudyFixtures.ticket, MemberFixtures.records))
    #expect(quiz(state)?.ticket == StudyFixtures.ticket)
    // 0 from the test (twice) goes back to the course, past the rules.
    #expect(state.pressing("00").state.top.kind == "courseDetail")
  }

  @Test func theDaysLimitIsSaidOnTheRules() {
    var state = StudyFixtures.detail(StudyFixtures.loggedIn()).pressing("3").state
    state = state.answering(.loaded(MemberFixtures.records)).pressing("1").state
    state = state.answering(.quizRefused(courseID: courseID, memberID: "2001", limit: 3))
    #expect(state.top.kind == "quizIntro")
    let screen = render(state).lines.joined(separator: "\n")
    #expect(screen.contains("今天已经参加了 3 次这门课程的测验（每天最多 3 次），请明天再来。"))
  }

  /// Digits, letters and Enter; marks on a choose-all question; 对/错; then the hand-in with
  /// the answers in the question's own terms.
  @Test func answeringEveryKindAndHandingIn() throws {
    var state = StudyFixtures.inQuiz()
    // Question 1 (single choice, shown as 56, 16, 根据…, 32): 9 is no choice.
    #expect(state.pressing("9").state.message == ScreenText.noSuchItem(9, available: 1...4))
    // The letter D is the fourth choice shown: 32 学时, the right one.
    state = state.pressing("d").state
    #expect(quiz(state)?.responses == [.choices([1])])
    // Question 2 (choose all, shown reversed): Enter with nothing marked is refused.
    #expect(state.pressing(.enter).message == StudyText.markAtLeastOne)
    state = state.pressing("23").state
    #expect(quiz(state)?.marks == [1, 2])
    state = state.pressing(.character(" "))  // the cursor (on 3) is unmarked again
    #expect(quiz(state)?.marks == [1])
    state = state.pressing("4c").state  // the letter C is the third choice shown
    #expect(quiz(state)?.marks == [1, 2, 3])
    #expect(quiz(state)?.responses.count == 1)
    state = state.pressing(.enter)
    #expect(quiz(state)?.responses == [.choices([1]), .choices([0, 1, 2])])
    // Question 3 (true/false): letters do not answer it; 1 is 对.
    #expect(state.pressing("a").state.message == StudyText.noLetterForTruth)
    let (handingIn, effects) = state.pressing("1")
    let responses: [QuizResponse] = [.choices([1]), .choices([0, 1, 2]), .truth(true)]
    #expect(
      effects.requests == [
        .finishQuiz(
          StudyFixtures.ticket, memberID: "2001", responses: responses, day: Fixtures.today)
      ])
    #expect(quiz(handingIn)?.phase == .handingIn)
    // While the answers are on their way, 0 does nothing.
    #expect(handingIn.pressing("0").state.top.kind == "quiz")

    let result = QuizResult(correct: [true, true, true], passPercent: 80)
    let finished = handingIn.answering(
      .quizFinished(
        StudyFixtures.ticket, QuizFinish(result: result, credit: .notPassed),
        MemberFixtures.records))
    #expect(finished.top.kind == "quizResult")
    #expect(finished.pressing("0").state.top.kind == "courseDetail")
  }

  /// A test started from the lesson reader: 0 返回课程 on its results goes to the course, not
  /// back to the reader (review 1); 0 twice during the test still returns to the reader.
  @Test func theResultsReturnToTheCourseEvenFromTheReader() throws {
    var state = StudyFixtures.detail(StudyFixtures.loggedIn()).pressing("2").state
    #expect(state.top.kind == "lessonReader")
    state = state.pressing("3").state.answering(.loaded(MemberFixtures.records))
    state = state.pressing("1").state
    state = state.answering(.quizStarted(StudyFixtures.ticket, MemberFixtures.records))
    #expect(state.pressing("00").state.top.kind == "lessonReader")
    state = state.pressing("d").state.pressing("1").state.pressing(.enter).pressing("1").state
    let result = QuizResult(correct: [true, false, true], passPercent: 80)
    state = state.answering(
      .quizFinished(
        StudyFixtures.ticket, QuizFinish(result: result, credit: .notPassed),
        MemberFixtures.records))
    #expect(state.top.kind == "quizResult")
    #expect(render(state).trimmedLines.last?.contains("0 返回课程") == true)
    state = state.pressing("0").state
    #expect(state.top.kind == "courseDetail")
    #expect(state.pressing("0").state.top.kind == "mainMenu")
  }

  @Test func aFailedHandInKeepsTheAnswersAndTriesAgain() throws {
    var state = StudyFixtures.inQuiz().pressing("4").state.pressing("1").state
    state = state.pressing(.enter)
    let (handingIn, first) = state.pressing("1")
    let failed = handingIn.answering(
      .failed(.finishQuiz(attemptID: 41, memberID: "2001"), message: "数据库正忙"))
    #expect(quiz(failed)?.phase == .failed(StudyText.handInFailed("数据库正忙")))
    #expect(render(failed).lines.contains { $0.contains("交卷没有成功：数据库正忙") })
    let retried = failed.pressing("1").effects
    #expect(retried.requests == first.requests)
    // Or leave: the attempt ends unscored.
    let (left, effects) = failed.pressing("0")
    #expect(left.top.kind == "courseDetail")
    #expect(effects.requests == [.abandonQuiz(attemptID: 41, memberID: "2001")])
  }

  // MARK: Leaving before the end

  @Test func zeroAsksOnceAndASecondZeroLeavesTellingTheRecords() throws {
    let state = StudyFixtures.inQuiz()
    let (asked, none) = state.pressing("0")
    #expect(none.isEmpty)
    #expect(quiz(asked)?.phase == .confirmingLeave)
    #expect(render(asked).lines.contains { $0.contains("再按一次 0 离开测验") })
    // Any other key goes on with the test, and does nothing else.
    let goingOn = asked.pressing("2").state
    #expect(quiz(goingOn)?.phase == .answering)
    #expect(quiz(goingOn)?.responses.isEmpty == true)
    // Esc counts as 0.
    let (left, effects) = update(asked, .key(.escape))
    #expect(left.top.kind == "courseDetail")
    #expect(effects.requests == [.abandonQuiz(attemptID: 41, memberID: "2001")])
    #expect(left.message == StudyText.quizLeft(StudyFixtures.course.title))
    #expect(left.records.writesPending)
  }

  @Test func theIdleLogoutLeavesTheAttempt() throws {
    let state = StudyFixtures.inQuiz(idleTimeout: 60)
    let moment = Moment(uptime: 61, today: Fixtures.today, secondsToMidnight: .infinity)
    let (after, effects) = update(state, .tick(moment))
    #expect(after.session == nil)
    #expect(effects.requests == [.abandonQuiz(attemptID: 41, memberID: "2001")])
    #expect(after.message == MemberText.loggedOutIdle(seconds: 60))
  }

  /// A hang-up (or quitting) tells the records before the program ends, once.
  @Test func aHangUpLeavesTheAttemptBeforeQuitting() throws {
    let state = StudyFixtures.inQuiz()
    let (after, effects) = update(state, .hangup)
    #expect(effects.count == 2)
    #expect(effects.requests == [.abandonQuiz(attemptID: 41, memberID: "2001")])
    #expect(effects.last == .quit)
    #expect(quiz(after)?.openAttemptID == nil)
    #expect(update(after, .hangup).1 == [.quit])
  }

  /// The attempt started after the member went back from the rules: it is left at once.
  @Test func anAttemptNobodyWaitsForIsLeft() throws {
    var state = StudyFixtures.detail(StudyFixtures.loggedIn()).pressing("3").state
    state = state.answering(.loaded(MemberFixtures.records)).pressing("1").state
    state = state.pressing("0").state
    let serial = try #require(state.records.awaited.keys.min())
    let (after, effects) = update(
      state,
      .records(
        RecordsAnswer(
          serial: serial, reply: .quizStarted(StudyFixtures.ticket, MemberFixtures.records))))
    #expect(after.top.kind == "courseDetail")
    #expect(effects.requests == [.abandonQuiz(attemptID: 41, memberID: "2001")])
  }

  @Test func searchIsRefusedDuringATest() {
    let state = StudyFixtures.inQuiz()
    let after = state.pressing("/").state
    #expect(after.top.kind == "quiz")
    #expect(after.message == StudyText.searchDuringQuiz)
  }
}
