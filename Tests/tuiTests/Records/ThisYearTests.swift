import Catalog
import Testing

@testable import tui

/// 本年度 is the training year that contains today, on every member screen, whatever year the
/// catalog serves (review 1, finding 8: in January with last year's catalog the menu counted
/// last year, 我的学时 opened on it without the credit a test had just earned, while the
/// course screen meant the new year).
@Suite struct ThisYearTests {
  static let january = LocalDate(year: 2027, month: 1, day: 5)

  /// Last December's concentrated training, and a remote course credited today (2027-01-05).
  static let records = MemberRecords(
    member: MemberFixtures.member, selections: [],
    credits: [
      MemberFixtures.credit(
        "farm-winter", MemberFixtures.day(12, 1), source: "考勤登记 2026-12-01"),
      MemberFixtures.credit("ideals-history", january, source: "测验通过"),
    ])

  /// Logged in on 2027-01-05 with the 2026 catalog.
  static func inJanuary() -> AppState {
    MemberFixtures.loggedIn(records, today: january)
  }

  @Test func theSessionCountsTheYearContainingToday() {
    let session = MemberSession(
      records: Self.records, catalog: MemberFixtures.catalog, today: Self.january)
    #expect(session.year.year == 2027)
    #expect(session.progress.credits.map(\.courseID) == ["ideals-history"])
    #expect(session.years == 2026...2027)
    #expect(session.isCredited("ideals-history"))
    #expect(!session.isCredited("farm-winter"))
    #expect(session.credits(of: "farm-winter").isEmpty)
  }

  /// The menu counts 2027; the course list marks only what 2027 credited; the course screen
  /// shows the credit of today.
  @Test func theMenuTheListAndTheCourseScreenMeanTheNewYear() {
    let state = Self.inJanuary()
    #expect(render(state).trimmedLines[4] == " 2027 年度已计 1.5/32 学时，还需 30.5 学时。")
    let ideals = state.pressing("1").state.pressing("1").state
    #expect(render(ideals).trimmedLines[5].hasPrefix("    2   ★  党史学习教育"))
    let detail = ideals.pressing("2").state
    #expect(
      render(detail).trimmedLines.contains {
        $0.contains("★ 已计 1.5 学时（2027-01-05，测验通过）")
      })
    let farming = state.pressing("1").state.pressing("2").state
    // Last December's training has no ★ in the new year.
    #expect(render(farming).trimmedLines[4].hasPrefix(" >  1      农村党员冬训集中培训"))
  }

  /// 我的学时 opens on 2027 with today's credit, says the catalog is still 2026's and how to
  /// see that year; 1 shows 2026, with December's training and no such note.
  @Test func myHoursOpensOnTheYearContainingToday() {
    let state = Self.inJanuary().pressing(MemberFixtures.myHours).state
    expectScreen(
      state,
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2027-01-05
       我的学时（2027 年度）                                     第 1-19 行，共 23 行
      ────────────────────────────────────────────────────────────────────────────────
       王建国  编号 2001  红旗村党支部（农村，党员）
       统计期间：2027-01-01 至 2027-12-31
       课程目录仍是 2026 年度的（新目录尚未发布）；学时按日期计入年度，本年度是 2027
       年度。按 1 看 2026 年度。

       完成情况：[█░░░░░░░░░░░░░░░░░░░░░░░░░░░░░] 1.5/32 学时（4%）

       学时要求：
         未达到  党员年度集中学习培训：还需 30.5 学时（不计自学）
                 至少 32 学时，已计 1.5 学时
                 依据：全国规划四（四）

       按类别：                                按形式：
         理想信念  1.5 学时                      远程教育  1.5 学时

       学时明细（共 1 条，合计 1.5 学时）：
         日期        学时  课程                                    形式      来源
         ──────────  ────  ──────────────────────────────────────  ────────  ────────
         2027-01-05   1.5  党史学习教育                            远程教育  测验通过
      ────────────────────────────────────────────────────────────────────────────────
       1 上一年度  9 下一页  0 返回  ? 帮助  上下键 滚动
      """)
    let lastYear = state.pressing("1").state
    let lines = render(lastYear).trimmedLines
    #expect(lines[1].hasPrefix(" 我的学时（2026 年度）"))
    #expect(lines[4] == " 统计期间：2026-01-01 至 2026-12-31")
    #expect(lines[5] == "")
    #expect(lines.contains { $0.contains("2026-12-01    16  农村党员冬训集中培训") })
  }

  /// At midnight on New Year's Eve the session moves on: the menu counts the new year.
  @Test func atMidnightTheYearMovesOn() {
    let records = MemberRecords(
      member: MemberFixtures.member, selections: [],
      credits: [
        MemberFixtures.credit("ideals-history", MemberFixtures.day(12, 30), source: "s")
      ])
    let eve = LocalDate(year: 2026, month: 12, day: 31)
    let evening = Moment(uptime: 1_000, today: eve, secondsToMidnight: 60)
    let state = MemberFixtures.loggedIn(records, today: eve).advanced(to: evening)
    #expect(render(state).trimmedLines[4] == " 2026 年度已计 1.5/32 学时，还需 30.5 学时。")
    let next = update(state, .tick(evening.advanced(by: 60))).0
    #expect(next.session?.year.year == 2027)
    #expect(render(next).trimmedLines[4] == " 2027 年度已计 0/32 学时，还需 32 学时。")
  }

  /// In December with next year's catalog already out, 本年度 is still the year of today.
  @Test func aCatalogAheadOfTodayLeavesThisYearAlone() {
    let base = MemberFixtures.catalog
    let nextYears = Catalog(
      title: base.title, issuer: base.issuer, year: 2027, categories: base.categories,
      courses: base.courses, rules: base.rules)
    let december = LocalDate(year: 2026, month: 12, day: 20)
    let december1 = MemberRecords(
      member: MemberFixtures.member, selections: [], credits: [Self.records.credits[0]])
    let state = MemberFixtures.loggedIn(december1, catalog: nextYears, today: december)
    #expect(render(state).trimmedLines[4] == " 2026 年度已计 16/32 学时，还需 16 学时。")
    let lines = render(state.pressing(MemberFixtures.myHours).state).trimmedLines
    #expect(lines[1].hasPrefix(" 我的学时（2026 年度）"))
    #expect(lines[5] == " 课程目录已是 2027 年度的；学时按日期计入年度，本年度仍是 2026 年度。")
  }
}
