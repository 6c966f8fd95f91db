import Catalog
import Testing

@testable import tui

/// `report` and `report --member` as the administrator reads them: literal lines.
@Suite struct ReportTests {
  static let rules = Rules(
    requirements: [
      Requirement(
        id: "rural", title: "农村党员年度教育培训", domains: [.rural], minHours: StudyHours(16),
        forms: MemberFixtures.organisedForms, location: Fixtures.here),
      Requirement(
        id: "leaders", title: "农村党组织书记集中培训", roles: [.secretary], domains: [.rural],
        minConcentrated: 1, location: Fixtures.here),
    ], path: "rules.toml")

  static func member(_ id: String, _ name: String, _ domain: MemberDomain, _ role: MemberRole)
    -> Member
  {
    Member(
      id: id, name: name, branch: "红旗村党支部", domain: domain, role: role,
      joined: LocalDate(year: 2010, month: 7, day: 1))
  }

  static func credit(
    _ course: String, _ date: String, _ hours: Int, _ form: CourseForm, reason: String? = nil
  ) -> Credit {
    Credit(
      courseID: course, courseTitle: "课程\(course)", categoryID: "ideals",
      date: LocalDate(iso: date)!, hours: StudyHours(hours), form: form,
      source: reason == nil ? "考勤登记 \(date)" : "补学登记 \(date)", reason: reason)
  }

  static let members = [
    MemberCredits(
      member: member("1", "王建国", .rural, .member),
      credits: [credit("a", "2026-03-01", 16, .remote)]),
    MemberCredits(
      member: member("2", "李秀英", .rural, .secretary),
      credits: [credit("a", "2026-03-01", 16, .remote), credit("b", "2026-04-01", 4, .selfstudy)]
    ),
    MemberCredits(
      member: member("3", "老张", .retired, .member), credits: [credit("c", "2026-10-16", 2, .group)]),
  ]

  @Test func noApplicableRequirementIsItsOwnStatusAndCountedApart() {
    let report = YearReport(
      rules: Self.rules, year: Self.rules.trainingYear(2026), branch: nil, members: Self.members)
    #expect(report.counts == [.met: 1, .unmet: 1, .noRequirement: 1])
    #expect(
      report.lines.joined(separator: "\n") == """
        2026 年度学时报告（2026-01-01 至 2026-12-31；规则 rules.toml）
        统计 2026-12-31 及以前入党的党员；年度结束后入党的不列入。
        要求1：农村党员年度教育培训
        要求2：农村党组织书记集中培训

        编号  姓名    支部          已记学时  计入/目标  要求1  要求2  达到情况
        1     王建国  红旗村党支部  16        16/16      ✓      -      全部达到
        2     李秀英  红旗村党支部  20        16/16      ✓      ✗      未达到：农村党组织书记集中培训：还需参加 1 次集中培训
        3     老张    红旗村党支部  2         2/-        -      -      无适用要求

        共 3 人：全部达到 1 人，未达到 1 人，无适用要求 1 人
        """)
    #expect(report.csvHeader.suffix(2) == ["达到情况", "还缺"])
    #expect(
      report.csvRows.map { Array($0.suffix(4)) } == [
        ["达到", "不适用", "全部达到", ""],
        ["达到", "未达到", "未达到", "农村党组织书记集中培训：还需参加 1 次集中培训"],
        ["不适用", "不适用", "无适用要求", ""],
      ])
  }

  /// A member who joined after the year ended is not in its report at all, neither listed
  /// nor counted (review 1, finding 4); one who joined on its last day is.
  @Test func membersWhoJoinedAfterTheYearAreNotInItsReport() {
    func joining(_ id: String, _ date: String) -> MemberCredits {
      var member = Self.member(id, "党员\(id)", .rural, .member)
      member.joined = LocalDate(iso: date)!
      return MemberCredits(member: member, credits: [])
    }
    let members = [
      joining("4", "2024-12-31"), joining("5", "2025-01-01"), joining("6", "2026-02-01"),
    ]
    let report = YearReport(
      rules: Self.rules, year: Self.rules.trainingYear(2024), branch: nil, members: members)
    #expect(report.rows.map(\.member.id) == ["4"])
    #expect(report.counts == [.unmet: 1])
    #expect(report.csvRows.map(\.first) == ["4"])
    #expect(
      report.lines.joined(separator: "\n") == """
        2024 年度学时报告（2024-01-01 至 2024-12-31；规则 rules.toml）
        统计 2024-12-31 及以前入党的党员；年度结束后入党的不列入。
        要求1：农村党员年度教育培训
        要求2：农村党组织书记集中培训

        编号  姓名   支部          已记学时  计入/目标  要求1  要求2  达到情况
        4     党员4  红旗村党支部  0         0/16       ✗      -      未达到：农村党员年度教育培训：还需 16 学时（不计自学）

        共 1 人：全部达到 0 人，未达到 1 人，无适用要求 0 人
        """)
  }

  /// The record starts in the year the member joined; a credit dated earlier (a typo such as
  /// 1026 for 2026, written before `credit` refused it) is in no year and shown apart.
  @Test func theRecordStartsInTheYearTheMemberJoined() {
    var member = Self.member("7", "新七", .rural, .member)
    member.joined = LocalDate(year: 2026, month: 2, day: 1)
    let archive = MemberArchive(
      member: member,
      credits: [
        Self.credit("a", "1026-04-10", 2, .remote), Self.credit("b", "2026-04-10", 2, .remote),
      ],
      rules: Self.rules, currentYear: 2026)
    #expect(archive.years.map(\.year.year) == [2026])
    #expect(
      archive.lines.joined(separator: "\n") == """
        学习档案：7 新七（红旗村党支部；农村，党员；入党日期 2026-02-01）
        2026 年度，按规则 rules.toml 计算

        入党那一年度之前的学时记录 1 条，不计入任何年度（请核对入党日期，登记错误的用 credit --undo 撤销）：
          日期        学时  课程   形式      来源                 说明
          1026-04-10  2     课程a  远程教育  考勤登记 1026-04-10

        2026 年度（2026-01-01 至 2026-12-31）：已记 2 学时，计入 2/16 学时 —— 未达到
          ✗ 未达到  农村党员年度教育培训：还需 14 学时（不计自学）（至少 16 学时，已计 2 学时）
          日期        学时  课程   形式      来源                 说明
          2026-04-10  2     课程b  远程教育  考勤登记 2026-04-10
        """)
  }

  /// Every year of the record, each credit with its source (a make-up with its reason,
  /// self-study marked 不计入), each year's requirements met or not.
  @Test func theRecordOfAMemberOverTheYears() {
    let credits = [
      Self.credit("a", "2024-05-01", 16, .concentrated),
      Self.credit("b", "2026-03-01", 8, .remote),
      Self.credit("c", "2026-03-19", 3, .concentrated, reason: "生病缺席"),
      Self.credit("d", "2026-04-01", 4, .selfstudy),
    ]
    let archive = MemberArchive(
      member: Self.member("2", "李秀英", .rural, .secretary), credits: credits, rules: Self.rules,
      currentYear: 2026)
    #expect(archive.years.map(\.year.year) == [2024, 2025, 2026])
    #expect(
      archive.lines.joined(separator: "\n") == """
        学习档案：2 李秀英（红旗村党支部；农村，书记；入党日期 2010-07-01）
        2024 至 2026 年度，按规则 rules.toml 计算

        2024 年度（2024-01-01 至 2024-12-31）：已记 16 学时，计入 16/16 学时 —— 全部达到
          ✓ 已达到  农村党员年度教育培训（至少 16 学时，已计 16 学时）
          ✓ 已达到  农村党组织书记集中培训（至少参加 1 次集中培训，已参加 1 次）
          日期        学时  课程   形式      来源                 说明
          2024-05-01  16    课程a  集中培训  考勤登记 2024-05-01

        2025 年度（2025-01-01 至 2025-12-31）：已记 0 学时，计入 0/16 学时 —— 未达到
          ✗ 未达到  农村党员年度教育培训：还需 16 学时（不计自学）（至少 16 学时，已计 0 学时）
          ✗ 未达到  农村党组织书记集中培训：还需参加 1 次集中培训（至少参加 1 次集中培训，已参加 0 次）
          本年度没有学时记录

        2026 年度（2026-01-01 至 2026-12-31）：已记 15 学时，计入 11/16 学时 —— 未达到
          ✗ 未达到  农村党员年度教育培训：还需 5 学时（不计自学）（至少 16 学时，已计 11 学时）
          ✓ 已达到  农村党组织书记集中培训（至少参加 1 次集中培训，已参加 1 次）
          日期        学时  课程   形式      来源                 说明
          2026-03-01  8     课程b  远程教育  考勤登记 2026-03-01
          2026-03-19  3     课程c  集中培训  补学登记 2026-03-19  补学：生病缺席
          2026-04-01  4     课程d  自学      考勤登记 2026-04-01  不计入
        """)
    let one = MemberArchive(
      member: Self.member("3", "老张", .retired, .member), credits: credits, rules: Self.rules,
      currentYear: 2026, only: 2024)
    #expect(one.years.map(\.year.year) == [2024])
    #expect(one.lines.joined(separator: "\n").contains("—— 无适用要求\n  本年度没有适用的学时要求\n"))
  }
}
