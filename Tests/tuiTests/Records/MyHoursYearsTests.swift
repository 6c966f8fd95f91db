import Catalog
import Testing

@testable import tui

/// 我的学时 over the years (学习档案), self-study that does not count, and a member to whom no
/// requirement applies: keys as `update` takes them, screens as literal lines.
@Suite struct MyHoursYearsTests {
  func shownYear(_ state: AppState) -> Int? {
    guard case .myHours(let screen) = state.top else { return nil }
    return screen.shownYear(state.context)
  }

  func keyLine(_ state: AppState) -> String {
    render(state).trimmedLines[state.size.height - 1]
  }

  /// A member with no credits in other years.
  static let oneYear = MemberRecords(
    member: MemberFixtures.member, selections: [],
    credits: [MemberFixtures.credit("ideals-history", MemberFixtures.day(2, 10), source: "s")])

  @Test func oneAndTwoSwitchYearsWithinTheRecord() {
    var state = MemberFixtures.loggedIn().pressing(MemberFixtures.myHours).state
    #expect(shownYear(state) == 2026)
    #expect(state.session?.years == 2025...2026)
    #expect(keyLine(state).hasPrefix(" 1 上一年度  9 下一页"))
    state = state.pressing("9").state
    (state, _) = state.pressing("1")
    #expect(shownYear(state) == 2025)
    #expect(state.message == nil)
    #expect(render(state).trimmedLines[1].hasPrefix(" 我的学时（2025 年度）"))
    // A new year starts at its first line; the record ends here.
    guard case .myHours(let screen) = state.top else { return }
    #expect(screen.document(state.context).top == 0)
    #expect(keyLine(state).hasPrefix(" 2 下一年度"))
    let (refused, effects) = state.pressing("1")
    #expect(shownYear(refused) == 2025)
    #expect(refused.message == "没有更早年度的学时记录")
    #expect(effects.isEmpty)
    state = state.pressing("2").state
    #expect(shownYear(state) == 2026)
    state = state.pressing("2").state
    #expect(shownYear(state) == 2026)
    #expect(state.message == "没有更晚年度的学时记录")
    // Other digits are still no items; 0 leaves.
    #expect(state.pressing("3").state.message == "没有第 3 项")
    guard case .mainMenu = state.pressing("0").state.top else {
      Issue.record("0 should leave 我的学时")
      return
    }
  }

  @Test func aRecordOfOneYearOffersNoYearKeys() {
    let state = MemberFixtures.loggedIn(Self.oneYear).pressing(MemberFixtures.myHours).state
    #expect(state.session?.years == 2026...2026)
    #expect(keyLine(state) == " 0 返回  ? 帮助")
    #expect(state.pressing("1").state.message == "没有更早年度的学时记录")
    #expect(!render(state).trimmedLines.contains { $0.contains("历年记录") })
  }

  /// Last year: its own credits and requirements; 历年记录 lists both years, the shown one
  /// marked.
  @Test func anEarlierYear80x30() {
    var state = MemberFixtures.loggedIn().pressing(MemberFixtures.myHours).state
    state.size = Size(width: 80, height: 30)
    expectScreen(
      state.pressing("1").state,
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       我的学时（2025 年度）
      ────────────────────────────────────────────────────────────────────────────────
       王建国  编号 2001  红旗村党支部（农村，党员）
       统计期间：2025-01-01 至 2025-12-31

       完成情况：[█░░░░░░░░░░░░░░░░░░░░░░░░░░░░░] 2/32 学时（6%）

       学时要求：
         未达到  党员年度集中学习培训：还需 30 学时（不计自学）
                 至少 32 学时，已计 2 学时
                 依据：全国规划四（四）

       按类别：                                按形式：
         理想信念  2 学时                        现场教学  2 学时

       学时明细（共 1 条，合计 2 学时）：
         日期        学时  课程                         形式      来源
         ──────────  ────  ───────────────────────────  ────────  ───────────────────
         2025-07-01     2  重温入党誓词                 现场教学  考勤登记 2025-07-01

       历年记录（按 1、2 切换年度）：
         >  2025 年度     已计 2/32 学时  未达到
            2026 年度  已计 17.5/32 学时  未达到




      ────────────────────────────────────────────────────────────────────────────────
       2 下一年度  0 返回  ? 帮助
      """)
  }

  /// A secretary credited only with self-study: 0 of 56, the hours shown as 不计入.
  @Test func aSecretaryWithOnlySelfStudy80x24() {
    let records = MemberRecords(
      member: MemberFixtures.secretaryRecords.member, selections: [],
      credits: [
        MemberFixtures.credit("farm-3", MemberFixtures.day(1, 20), source: "考勤登记 2026-01-20"),
        MemberFixtures.credit("farm-7", MemberFixtures.day(2, 3), source: "考勤登记 2026-02-03"),
      ])
    let state = MemberFixtures.loggedIn(records)
    #expect(
      render(state).trimmedLines[4] == " 2026 年度已计 0/56 学时，还需 56 学时。")
    expectScreen(
      state.pressing(MemberFixtures.myHours).state,
      """
       党员教育培训课程目录  某县委组织部                    党员：李秀英  2026-03-01
       我的学时（2026 年度）                                     第 1-19 行，共 23 行
      ────────────────────────────────────────────────────────────────────────────────
       李秀英  编号 2002  红旗村党支部（农村，书记）
       统计期间：2026-01-01 至 2026-12-31

       完成情况：[░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░] 0/56 学时（0%）
       共登记 6 学时，其中 0 学时计入“书记和班子成员年度集中学习培训”；自学 6 学时不
       计入。

       学时要求：
         未达到  党员年度集中学习培训：还需 32 学时（不计自学）
                 至少 32 学时，已计 0 学时
                 依据：全国规划四（四）
         未达到  书记和班子成员年度集中学习培训：还需 56 学时（不计自学），还需参加 1
                 次集中培训
                 至少 56 学时，已计 0 学时；至少参加 1 次集中培训，已参加 0 次

       按类别：                                按形式：
         农业实用技术  6 学时                    自学（不计入）  6 学时

       学时明细（共 2 条，合计 6 学时）：
      ────────────────────────────────────────────────────────────────────────────────
       9 下一页  0 返回  ? 帮助  上下键 滚动
      """)
  }

  /// Nobody's rules apply to a retired member: said in words, no bar, never 达到.
  @Test func noApplicableRequirement80x24() {
    let ruralOnly = Rules(
      requirements: [
        Requirement(
          id: "rural", title: "农村党员年度教育培训", domains: [.rural], minHours: StudyHours(16),
          location: Fixtures.here)
      ], path: "rules.toml")
    let base = MemberFixtures.catalog
    let catalog = Catalog(
      title: base.title, issuer: base.issuer, year: base.year, categories: base.categories,
      courses: base.courses, rules: ruralOnly)
    var member = MemberFixtures.member
    member.domain = .retired
    let records = MemberRecords(
      member: member, selections: [],
      credits: [MemberFixtures.credit("ideals-history", MemberFixtures.day(2, 10), source: "s")])
    let state = MemberFixtures.loggedIn(records, catalog: catalog)
    #expect(render(state).trimmedLines[4] == " 2026 年度已计 1.5 学时，本年度没有适用的学时要求。")
    let myHours = state.pressing(MemberFixtures.myHours).state
    // Said in emphasis, like an unmet requirement, not in the plain style of a met one.
    let grid = render(myHours)
    #expect(grid[1, 8].style == .emphasis)
    #expect((3..<40).allSatisfy { grid[$0, 9].style == .emphasis })
    expectScreen(
      myHours,
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       我的学时（2026 年度）
      ────────────────────────────────────────────────────────────────────────────────
       王建国  编号 2001  红旗村党支部（离退休，党员）
       统计期间：2026-01-01 至 2026-12-31

       完成情况：已计 1.5 学时（无适用要求）

       学时要求：
         本年度没有适用的学时要求：学时规则中没有一条适用于您的领域和身份。如有疑问，
         请问站点管理员。

       按类别：                                按形式：
         理想信念  1.5 学时                      远程教育  1.5 学时

       学时明细（共 1 条，合计 1.5 学时）：
         日期        学时  课程                                        形式      来源
         ──────────  ────  ──────────────────────────────────────────  ────────  ────
         2026-02-10   1.5  党史学习教育                                远程教育  s



      ────────────────────────────────────────────────────────────────────────────────
       0 返回  ? 帮助
      """)
  }
}
