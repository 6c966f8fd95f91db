import Catalog
import Testing

@testable import tui

/// 学习课件 through `update`: turning pages, each page kept in the records for a member, and
/// the offer to go on where the member left off.
@Suite struct LessonReaderTests {
  func reader(_ state: AppState) -> LessonReaderScreen? {
    guard case .lessonReader(let screen) = state.top else { return nil }
    return screen
  }

  @Test func twoOpensTheFirstPageAndNineTurnsItKeepingEachPage() throws {
    let detail = StudyFixtures.detail(StudyFixtures.loggedIn())
    var (state, effects) = detail.pressing("2")
    #expect(try #require(reader(state)).page == 0)
    #expect(effects.isEmpty)
    (state, effects) = state.pressing("9")
    #expect(try #require(reader(state)).page == 1)
    #expect(
      effects.requests == [
        .saveLessonPage(courseID: StudyFixtures.courseID, memberID: "2001", page: 1)
      ])
    (state, effects) = update(state, .key(.enter))
    #expect(reader(state)?.page == 2)
    #expect(effects.requests.count == 1)
    (state, effects) = state.pressing("9")
    #expect(state.message == StudyText.lastPage)
    #expect(effects.isEmpty)
    (state, effects) = state.pressing("8")
    #expect(reader(state)?.page == 1)
    #expect(
      effects.requests == [
        .saveLessonPage(courseID: StudyFixtures.courseID, memberID: "2001", page: 1)
      ])
    // The records said the page is kept: the detail says where the member is.
    state = state.answering(
      .lessonPageSaved(courseID: StudyFixtures.courseID, memberID: "2001", page: 1))
    #expect(state.session?.lessonPage(of: StudyFixtures.courseID) == 1)
    state = state.pressing("0").state
    #expect(state.top.kind == "courseDetail")
    #expect(render(state).lines.contains { $0.contains("学习进度：上次学到第 2 页（共 3 页）") })
  }

  /// On a small terminal a long page is read a screenful at a time before 9 turns it.
  @Test func aLongPageScrollsBeforeItTurns() throws {
    var state = StudyFixtures.detail(StudyFixtures.loggedIn())
    state.size = Size(width: 60, height: 16)
    state = state.pressing("2").state
    let lines = reader(state)!.document(state.context).lines.count
    #expect(lines > state.layout.body.height)
    var presses = 0
    while reader(state)?.page == 0, presses < 10 {
      state = state.pressing("9").state
      presses += 1
    }
    #expect(presses == 2)
    #expect(reader(state)?.page == 1)
    // 8 on the top of a page goes back to the page before.
    state = state.pressing("8").state
    #expect(reader(state)?.page == 0)
  }

  @Test func aGuestReadsWithoutRecords() throws {
    var state = MemberFixtures.state(catalog: StudyFixtures.catalog).pressing("2").state
    state.push(.courseDetail(CourseDetailScreen(courseID: StudyFixtures.courseID)))
    var (reading, effects) = state.pressing("2")
    #expect(reader(reading)?.page == 0)
    (reading, effects) = reading.pressing("9")
    #expect(reader(reading)?.page == 1)
    #expect(effects.isEmpty)
    // The test needs a login.
    #expect(state.pressing("3").state.message == StudyText.guestCannotTakeQuiz)
  }

  /// With a page kept, 2 asks whether to go on there; either way 0 from the reader goes
  /// back to the course, not to the question.
  @Test func theNextVisitOffersToGoOnFromThePageReached() throws {
    var records = MemberFixtures.records
    records.lessonPages = [StudyFixtures.courseID: 2]
    let detail = StudyFixtures.detail(StudyFixtures.loggedIn(records))
    let offer = detail.pressing("2").state
    #expect(offer.top.kind == "lessonResume")
    #expect(render(offer).lines.contains { $0.contains("上次学到第 3 页（共 3 页）：考学") })
    let goingOn = offer.pressing("1").state
    #expect(reader(goingOn)?.page == 2)
    #expect(goingOn.pressing("0").state.top.kind == "courseDetail")
    let fromStart = offer.pressing("2").state
    #expect(reader(fromStart)?.page == 0)
    #expect(offer.pressing("0").state.top.kind == "courseDetail")
    // Left on the first page: nothing to go on with.
    records.lessonPages = [StudyFixtures.courseID: 0]
    let first = StudyFixtures.detail(StudyFixtures.loggedIn(records)).pressing("2").state
    #expect(reader(first)?.page == 0)
  }

  @Test func aCourseWithoutLessonsSaysSo() {
    var state = StudyFixtures.loggedIn()
    state.push(.courseDetail(CourseDetailScreen(courseID: "farm-2")))
    #expect(state.pressing("2").state.message == StudyText.noLessons)
    #expect(state.pressing("3").state.message == StudyText.noQuiz)
  }
}
