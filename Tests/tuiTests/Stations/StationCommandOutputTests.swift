import Catalog
import Foundation
import Testing

@testable import tui

/// What the station's commands print: the sign-in list on closing, the sign-ups, the station
/// report, as literal lines.
@Suite struct StationCommandOutputTests {
  static let station = Station(id: "S01", name: "红旗村远教站点", place: "村党员活动室")

  /// 09:00 plus `minutes` on 2026-12-05, local time.
  static func at(_ minutes: Int) -> Date {
    LocalTime.start(of: LocalDate(year: 2026, month: 12, day: 5)).addingTimeInterval(
      Double(9 * 60 + minutes) * 60)
  }

  static func member(_ id: String, _ name: String) -> Member {
    Member(
      id: id, name: name, branch: "红旗村党支部", domain: .rural, role: .member,
      joined: LocalDate(year: 2010, month: 7, day: 1))
  }

  static let showing = Showing(
    id: 7, stationID: "S01", courseID: "ideals-red-films", courseTitle: "红色主旋律影片集中收看",
    hours: StudyHours(2), date: LocalDate(year: 2026, month: 12, day: 5), kind: .broadcast,
    state: .closed, openedAt: at(0), openedBy: "管理员 9001 张站长", signedIn: 2)

  static let attendees = [
    Attendee(member: member("1001", "王建国"), signedAt: at(3)),
    Attendee(
      member: member("1003", "=HYPERLINK(\"x\")"), signedAt: at(4),
      removal: Attendee.Removal(at: at(20), by: "管理员 9001 张站长", reason: "代签")),
    Attendee(member: member("1002", "李秀英"), signedAt: at(5)),
  ]

  @Test func closingPrintsTheListWithWhatBecameOfEachName() throws {
    let closed = ClosedSignIn(
      showing: Self.showing, attendees: Self.attendees,
      credits: CreditOutcome(credited: ["1001"], alreadyCredited: ["1002"]))
    let list = AttendanceList(attendees: closed.attendees, credits: closed.credits)
    #expect(
      [
        StationText.closed(closed, station: Self.station), list.text,
        StationText.closedTally(closed),
      ]
      .joined(separator: "\n") == """
        已结束签到并记入学时。站点 S01 红旗村远教站点：红色主旋律影片集中收看（ideals-red-films）2026-12-05，集中收看，每人 2 学时
        序号  编号  姓名             支部          签到时间             状态
        1     1001  王建国           红旗村党支部  2026-12-05 09:03:00  已记入
        2     1003  =HYPERLINK("x")  红旗村党支部  2026-12-05 09:04:00  已除名（代签），不记入
        3     1002  李秀英           红旗村党支部  2026-12-05 09:05:00  已有记录，未重复记入
        新记入 1 人，已有记录 1 人，除名 1 人（已写入审计记录）
        """)
    // In a spreadsheet a name never runs as a formula.
    let csv = String(
      decoding: try CSVFile.document(header: StationText.attendanceHeader, rows: list.rows),
      as: UTF8.self)
    #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
    // Before closing, the list says who signed in.
    #expect(
      AttendanceList(attendees: Self.attendees, credits: nil).rows.map(\.last) == [
        "已签到", "已除名（代签），不记入", "已签到",
      ])
    #expect(StationText.listTally(Self.attendees) == "已签到 2 人（另除名 1 人）")
  }

  @Test func signUpsAreListedSessionBySessionWithTheSeats() {
    let here = Fixtures.here
    let day = LocalDate(year: 2026, month: 12, day: 8)
    let sessions = [
      CourseSession(date: day, time: "09:00-11:00", place: "村党员活动室", capacity: 30, location: here),
      CourseSession(date: day, place: "乡镇党校", location: here),
    ]
    let course = Course(
      id: "farm-cooperative", title: "农民专业合作社", categoryID: "farming", hours: StudyHours(3),
      kind: .elective, form: .onsite, summary: "x", sessions: sessions, location: here)
    let key = SessionKey(course: course, session: sessions[0])
    let list = SignUpList(
      course: course, sessions: sessions,
      signUps: [
        SignUp(session: key, member: Self.member("1001", "王建国"), at: Self.at(0)),
        SignUp(session: key, member: Self.member("1002", "李秀英"), at: Self.at(1)),
      ])
    #expect(
      list.text == """
        农民专业合作社（farm-cooperative）2026-12-08  09:00-11:00  村党员活动室  名额 30：名额 30，已报名 2 人，剩余 28
        序号  编号  姓名    支部          报名时间
        1     1001  王建国  红旗村党支部  2026-12-05 09:00:00
        2     1002  李秀英  红旗村党支部  2026-12-05 09:01:00

        农民专业合作社（farm-cooperative）2026-12-08  乡镇党校：不限名额，已报名 0 人
        """)
    #expect(
      list.csvRows.count == 2
        && list.csvRows[0].prefix(5) == [
          "farm-cooperative", "农民专业合作社", "2026-12-08", "村党员活动室", "1",
        ])
  }

  @Test func theStationReportHasEveryMonthAndTheYear() {
    let rules = Rules(requirements: [], path: "rules.toml")
    let year = rules.trainingYear(2026)
    var march = Self.showing
    march.date = LocalDate(year: 2026, month: 3, day: 2)
    var cancelled = march
    cancelled.state = .cancelled
    let activities = StationActivity.report(
      stations: [Self.station],
      showings: [
        LoggedShowing(showing: march, memberIDs: ["1", "2", "3"]),
        LoggedShowing(showing: Self.showing, memberIDs: ["1", "4"]),
        LoggedShowing(showing: cancelled, memberIDs: ["5"]),
      ], span: year.span)
    let report = StationReport(year: year, activities: activities)
    #expect(
      report.text == """
        2026 年度站点使用情况（2026-01-01 至 2026-12-31）

        站点 S01 红旗村远教站点（另有取消的签到 1 次）
        月份     场次  送学学时  参学人次  参学人数  平均到课
        2026-01  0     0         0         0         -
        2026-02  0     0         0         0         -
        2026-03  1     2         3         3         3.0
        2026-04  0     0         0         0         -
        2026-05  0     0         0         0         -
        2026-06  0     0         0         0         -
        2026-07  0     0         0         0         -
        2026-08  0     0         0         0         -
        2026-09  0     0         0         0         -
        2026-10  0     0         0         0         -
        2026-11  0     0         0         0         -
        2026-12  1     2         2         2         2.0
        全年     2     4         5         4         2.5
        """)
    #expect(report.csvRows.count == 13)
    #expect(report.csvRows.last == ["S01", "红旗村远教站点", "全年", "2", "4", "5", "4", "2.5"])
  }

  @Test func theLogHasOneLinePerSignIn() {
    var cancelled = Self.showing
    cancelled.state = .cancelled
    cancelled.kind = .session
    cancelled.place = "村党员活动室"
    cancelled.closedAt = Self.at(30)
    cancelled.closedBy = "root"
    var closed = Self.showing
    closed.closedAt = Self.at(95)
    closed.closedBy = "管理员 9001 张站长"
    let log = StationLog(logged: [
      LoggedShowing(showing: closed, memberIDs: ["1001", "1002"]),
      LoggedShowing(showing: cancelled, memberIDs: ["1003"]),
    ])
    #expect(
      log.text == """
        日期        站点  课程                    形式                  状态    开始   结束   开启人              结束人              签到人数
        2026-12-05  S01   红色主旋律影片集中收看  集中收看              已结束  09:00  10:35  管理员 9001 张站长  管理员 9001 张站长  2
        2026-12-05  S01   红色主旋律影片集中收看  课次（村党员活动室）  已取消  09:00  09:30  管理员 9001 张站长  root                1
        """)
  }
}
