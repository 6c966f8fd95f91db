import Catalog
import Foundation
import Testing

@testable import tui

/// 评学 and 需求调研 through the app loop on a store in a temporary file: the writes go to
/// the records worker, and what the store keeps is counts and who was asked, no more.
@Suite struct FeedbackLoopTests {
  @Test func aRatingAtLoginIsCountedAndNeverAskedAgain() throws {
    let records = try TemporaryRecords()
    defer { records.remove() }
    let catalog = FeedbackFixtures.catalog
    _ = try records.store.credit(
      course: catalog.course(id: "farm-winter")!, date: LocalDate(year: 2026, month: 1, day: 6),
      rules: catalog.rules,
      memberIDs: ["2001"], source: "考勤登记 2026-01-06")
    let runner = RecordsRunner(store: records.store, catalog: catalog)
    let start = MemberFixtures.state(catalog: catalog)
    // Log in; 4 then 3 rate 冬训; 0 skips the survey; on the main menu.
    let (rated, _) = AppLoop.running(
      start, Event.logIn("2001", pin: "1234") + Event.typing("430"), runner: runner)
    guard case .mainMenu = rated.top else {
      Issue.record("expected the main menu, got \(rated.top)")
      return
    }
    let ratings = try records.store.courseRatings(year: 2026)
    #expect(ratings.map(\.courseID) == ["farm-winter"])
    #expect(ratings.first?.ratings == 1)
    #expect(ratings.first?.counts["useful"]?[4] == 1 && ratings.first?.counts["lively"]?[3] == 1)
    let state = try records.store.feedbackState(of: "2001")
    #expect(state.ratedCourses == [RatedCourse(courseID: "farm-winter", year: 2026)])
    #expect(state.surveys == [2026: .declined])
    // Log out and in again: nothing is asked; the main menu still offers the survey.
    let (again, _) = AppLoop.running(
      rated, Event.typing("0") + Event.logIn("2001", pin: "1234"), runner: runner)
    guard case .mainMenu(let menu) = again.top else {
      Issue.record("expected the main menu, got \(again.top)")
      return
    }
    #expect(menu.items.contains(.survey))
    #expect(again.session?.feedbackPrompts == [])
  }
}
