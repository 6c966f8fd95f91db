import Foundation
import Testing

@testable import Catalog

@Suite struct StationActivityTests {
  func logged(
    _ station: String, _ date: String, hours: Int, _ members: [String],
    state: Showing.State = .closed
  ) -> LoggedShowing {
    LoggedShowing(
      showing: Showing(
        id: 1, stationID: station, courseID: "c", courseTitle: "课程", hours: StudyHours(hours),
        date: day(date), kind: .session, state: state, openedAt: Date(), openedBy: "root"),
      memberIDs: members)
  }

  @Test func monthsHoursMembersReachedAndAverageAttendancePerStation() {
    let stations = [Station(id: "S01", name: "红旗村"), Station(id: "S02", name: "东山村")]
    let span = DateSpan(start: day("2026-01-01"), end: day("2027-01-01"))
    let report = StationActivity.report(
      stations: stations,
      showings: [
        logged("S01", "2026-03-02", hours: 2, ["1", "2", "3"]),
        logged("S01", "2026-03-20", hours: 4, ["1", "4"]),
        logged("S01", "2026-05-01", hours: 2, ["2"]),
        logged("S01", "2026-05-09", hours: 8, ["1", "2", "5", "6"], state: .cancelled),
        logged("S01", "2027-01-01", hours: 2, ["9"]),
        logged("S02", "2026-12-31", hours: 1, []),
      ], span: span)
    #expect(report.map(\.station.id) == ["S01", "S02"])
    let first = report[0]
    #expect(first.months.count == 12 && first.months[0].first == day("2026-01-01"))
    let march = first.months[2].figures
    #expect(march.showings == 2 && march.hoursDelivered == StudyHours(6))
    #expect(march.attendances == 5 && march.membersReached == 4 && march.averageAttendance == 2.5)
    #expect(
      first.months[4].figures.showings == 1 && first.months[0].figures.averageAttendance == nil)
    #expect(first.year.showings == 3 && first.year.hoursDelivered == StudyHours(8))
    #expect(first.year.attendances == 6 && first.year.membersReached == 4)
    #expect(first.year.averageAttendance == 2 && first.cancelled == 1)
    #expect(report[1].year.showings == 1 && report[1].year.averageAttendance == 0)
  }

  @Test func aTrainingYearStartingInSeptemberHasItsOwnMonths() {
    let starts = StationActivity.monthStarts(
      of: DateSpan(start: day("2026-09-01"), end: day("2027-09-01")))
    #expect(
      starts.count == 12 && starts.first == day("2026-09-01") && starts.last == day("2027-08-01"))
  }

  @Test(arguments: RecordsEngineKind.all)
  func theLogReadsShowingsWithTheirListsFromTheStore(_ engine: RecordsEngineKind) throws {
    let scene = try StationScene(engine)
    defer { scene.remove() }
    let showing = try scene.open()
    _ = try scene.store.signIn(member: "1001", pin: "1234", showingID: showing.id)
    _ = try scene.store.signIn(member: "1002", pin: "1234", showingID: showing.id)
    try scene.store.removeFromSignIn(
      memberID: "1002", stationID: "S01", reason: "误签", by: scene.administrator)
    _ = try scene.store.closeSignIn(
      stationID: "S01", by: scene.administrator, rules: testRules, course: scene.courses)
    let year = DateSpan(start: day("2026-01-01"), end: day("2027-01-01"))
    let log = try scene.store.showings(in: year)
    #expect(log.map(\.memberIDs) == [["1001"]] && log.first?.showing.state == .closed)
    #expect(try scene.store.showings(in: year, stationID: "S02").isEmpty)
    let report = StationActivity.report(
      stations: try scene.store.stations(), showings: log, span: year)
    #expect(report.first?.months[11].figures.showings == 1)
    #expect(report.first?.year.hoursDelivered == StudyHours(2))
  }
}
