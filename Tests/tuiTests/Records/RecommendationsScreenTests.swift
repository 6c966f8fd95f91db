import Catalog
import Testing

@testable import tui

/// 为我推荐 on the UI: only for members, what it lists and in what order, opening a course.
@Suite struct RecommendationsScreenTests {
  static var recommend: String { MemberFixtures.digit(.recommend) }

  func screen(_ state: AppState) -> RecommendationsScreen? {
    if case .recommendations(let screen) = state.top { return screen }
    return nil
  }

  @Test func onlyAMemberSeesTheItem() {
    #expect(MainMenuScreen(mode: .member).items.contains(.recommend))
    #expect(!MainMenuScreen(mode: .guest).items.contains(.recommend))
    #expect(!MainMenuScreen(mode: .standalone).items.contains(.recommend))
  }

  @Test func openingItReadsTheRecordsAgain() {
    let (state, effects) = MemberFixtures.loggedIn().pressing(Self.recommend)
    #expect(screen(state) != nil)
    #expect(effects.requests == [.load(memberID: "2001")])
    guard case .mainMenu = state.pressing("0").state.top else {
      Issue.record("expected the main menu")
      return
    }
  }

  @Test func aSecretaryMissingHoursIsToldWhichRequirementEachCourseHelps() {
    let state = MemberFixtures.loggedIn(MemberFixtures.secretaryRecords).pressing(Self.recommend)
      .state
    let recommendations = RecommendationsScreen.recommendations(state.context)
    #expect(!recommendations.isEmpty)
    #expect(!recommendations.map(\.courseID).contains("farm-winter"))  // credited
    // Every course whose form counts helps the missing hours; self-study does not count.
    let catalog = state.catalog
    let selfStudy = recommendations.filter { catalog.course(id: $0.courseID)?.form == .selfstudy }
    #expect(!selfStudy.isEmpty)
    #expect(
      recommendations.filter { catalog.course(id: $0.courseID)?.form != .selfstudy }.allSatisfy {
        $0.reason == .hoursMissing(requirement: "书记和班子成员年度集中学习培训", missingHours: StudyHours(24))
      })
    #expect(
      selfStudy.allSatisfy {
        if case .hoursMissing = $0.reason { return false }
        return true
      })
    let lines = render(state).trimmedLines
    #expect(lines[15] == " 推荐理由：学时计入“书记和班子成员年度集中学习培训”，还差 24 学时")
  }

  @Test func aDigitOpensTheCourseAndZeroComesBack() {
    let state = MemberFixtures.loggedIn().pressing(Self.recommend).state
    let opened = state.pressing("1").state
    guard case .courseDetail(let detail) = opened.top else {
      Issue.record("expected the course detail, got \(opened.top)")
      return
    }
    #expect(detail.courseID == "ideals-oath")  // required, credited only last year
    #expect(screen(opened.pressing("0").state) != nil)
  }

  @Test func aGuestWhoGetsThereIsAskedToLogIn() {
    var state = Fixtures.state()
    state.push(.recommendations(RecommendationsScreen()))
    #expect(render(state).trimmedLines[3] == " " + ScreenText.recommendNotLoggedIn)
    #expect(state.pressing("1").state.message == "没有第 1 项")
  }

  /// Required first, then the rest in menu order; ✓ marks a selection; the highlighted
  /// course's reason, next session and summary below; what the marks mean at the bottom.
  @Test func recommendations80x24() {
    var lines = render(MemberFixtures.loggedIn().pressing(Self.recommend).state).trimmedLines
    while lines.last == "" { lines.removeLast() }
    #expect(
      lines.joined(separator: "\n") == """
         党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
         为我推荐（12 门）                                                         1/12
        ────────────────────────────────────────────────────────────────────────────────
         适合您、本年度还没有学时的课程；能补上未完成要求的排在前面。

         序号      课程名称                                学时  形式      推荐理由
         >  1      重温入党誓词                               2  现场教学  补学时
            2      土壤与科学施肥基础                         1  现场教学  补学时
            3  ✓   日光温室蔬菜栽培技术                     1.5  流动课堂  补学时
            4      设施农业大棚建造与管理                   2.5  远程教育  补学时
            5      果树冬季修剪技术                           3  现场教学  补学时
            6      果木管理：花果管理与肥水管理             3.5  流动课堂  补学时
            7      高效养殖：肉牛科学饲养管理               4.5  远程教育  补学时
                       9 下一页    第 1/2 页

         推荐理由：学时计入“党员年度集中学习培训”，还差 14.5 学时
         简介：在红色教育基地重温入党誓词。




         ✓ 已选学  ★ 本年度已计学时
        ────────────────────────────────────────────────────────────────────────────────
         1-7 选择  9 下一页  0 返回  ? 帮助  上下键 移动  回车 打开
        """)
  }

  /// A member's search results carry the ✓ and ★ marks too, and the highlight moves with
  /// the title column.
  @Test func aMembersSearchShowsMarksAndHighlightsTheShiftedTitle() {
    let grid = render(MemberFixtures.loggedIn().pressing("/wenshi").state)
    let lines = grid.trimmedLines
    #expect(lines[7] == "    2  ✓   日光温室蔬菜栽培技术                 1.5  流动课堂  农业实用技术")
    #expect(lines[21] == " " + MemberText.legend(.unicode))
    #expect((11..<15).allSatisfy { grid[$0, 6].style == .selectedMatch })
    #expect(grid[15, 6].style == .selected)
    #expect((15..<19).allSatisfy { grid[$0, 7].style == .match })
    #expect((11..<15).allSatisfy { grid[$0, 7].style == .plain })
  }

  /// At the minimum size nine results keep their rows; the legend gives way.
  @Test func nineResultsForAMemberAt60x16() {
    var state = MemberFixtures.loggedIn()
    state = update(state, .resize(Size(width: 60, height: 16))).0
    state = state.pressing("/x").state
    let lines = render(state).trimmedLines
    #expect(lines[13].hasPrefix("    9  "))
    #expect(!lines.contains { $0.contains("已选学") })
  }
}
