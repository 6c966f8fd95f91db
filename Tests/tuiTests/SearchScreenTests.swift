import Catalog
import Testing

@testable import tui

/// The search screen through `update` and `render`, as a member types.
@Suite struct SearchScreenTests {
  func search(_ state: AppState) -> SearchScreen? {
    if case .search(let screen) = state.top { return screen }
    return nil
  }

  func titles(_ state: AppState) -> [String] {
    guard let screen = search(state) else { return [] }
    return screen.results.map { state.catalog.courses[$0.courseIndex].title }
  }

  @Test func slashOpensSearchFromTheMainMenuCategoriesAndCourseLists() {
    for keys in ["/", "1/", "12/", "121/", "?/"] {
      let state = Fixtures.state().pressing(keys).state
      #expect(search(state) != nil, "after \(keys)")
      #expect(state.pressing("0").state.stack.count == state.stack.count - 1)
    }
    // A second / on the search screen is neither typed nor a second search screen.
    let twice = Fixtures.state().pressing("//").state
    #expect(twice.stack.count == 2)
    #expect(search(twice)?.query == "")
  }

  @Test func theMainMenuItemOpensSearch() {
    let state = Fixtures.state().pressing("2").state
    #expect(search(state) != nil)
  }

  @Test func theIndexIsBuiltOnTheFirstSearchNotAtStart() {
    let start = Fixtures.state()
    #expect(!start.searchIndex.isBuilt)
    #expect(!start.pressing("12").state.searchIndex.isBuilt)
    #expect(start.pressing("/").state.searchIndex.isBuilt)
  }

  @Test func resultsFollowEveryKeyTyped() {
    var state = Fixtures.state().pressing("/").state
    state = state.pressing("w").state
    #expect(titles(state).contains("温室蔬菜病虫害防治"))
    let afterW = titles(state).count
    state = state.pressing("enshi").state
    #expect(search(state)?.query == "wenshi")
    #expect(titles(state) == ["温室蔬菜病虫害防治", "日光温室蔬菜栽培技术"])
    #expect(afterW > 2)
  }

  @Test func initialsAndChineseFindCoursesToo() {
    let initials = Fixtures.state().pressing("/lxxn").state
    #expect(titles(initials) == ["重温入党誓词", "党史学习教育"])  // category 理想信念
    let chinese = Fixtures.state().pressing("/温室").state
    #expect(titles(chinese) == ["温室蔬菜病虫害防治", "日光温室蔬菜栽培技术"])
    let mixed = Fixtures.state().pressing("/温室scbch").state
    #expect(titles(mixed) == ["温室蔬菜病虫害防治"])
  }

  @Test func lettersThatAreKeysElsewhereAreTypedHere() {
    // q, j and k go back and move on lists; in the search box they are letters.
    let state = Fixtures.state().pressing("/qjk ").state
    #expect(search(state)?.query == "qjk ")
    #expect(state.stack.count == 2)
  }

  @Test func backspaceDeletesTheLastCharacterAndSearchesAgain() {
    var state = Fixtures.state().pressing("/wenshix").state
    #expect(titles(state).isEmpty)
    state = state.pressing(.backspace)
    #expect(search(state)?.query == "wenshi")
    #expect(titles(state).count == 2)
    state = state.pressing(.backspace).pressing(.backspace).pressing(.backspace)
    #expect(search(state)?.query == "wen")
    state = Fixtures.state().pressing("/温").state.pressing(.backspace)
    #expect(search(state)?.query == "")
    #expect(titles(state).isEmpty)
    // On an empty box Backspace stays and says how to leave.
    let empty = state.pressing(.backspace)
    #expect(empty.stack == state.stack)
    #expect(empty.message == ScreenText.searchEmptyBox)
  }

  @Test func digitsOpenTheNumberedResults() {
    let state = Fixtures.state().pressing("/wenshi2").state
    guard case .courseDetail(let detail) = state.top else {
      Issue.record("expected the course detail, got \(state.top)")
      return
    }
    #expect(detail.courseID == "farm-2")  // 日光温室蔬菜栽培技术
    // 0 returns to the search with the query and results kept.
    let back = state.pressing("0").state
    #expect(search(back)?.query == "wenshi")
    #expect(titles(back).count == 2)
    let refused = Fixtures.state().pressing("/wenshi5").state
    #expect(refused.message == "没有第 5 项，请按 1-2")
    #expect(search(refused)?.query == "wenshi")
  }

  @Test func fullWidthDigitsFromAnInputMethodChooseToo() {
    let state = Fixtures.state().pressing("/wenshi１").state
    guard case .courseDetail(let detail) = state.top else {
      Issue.record("expected the course detail")
      return
    }
    #expect(detail.courseID == "farm-3")
  }

  @Test func enterOpensTheTopResultOrTheOneTheArrowsChose() {
    let top = Fixtures.state().pressing("/wenshi").state.pressing(.enter)
    guard case .courseDetail(let first) = top.top else {
      Issue.record("expected the course detail")
      return
    }
    #expect(first.courseID == "farm-3")
    let second = Fixtures.state().pressing("/wenshi").state.pressing(.down).pressing(.enter)
    guard case .courseDetail(let chosen) = second.top else {
      Issue.record("expected the course detail")
      return
    }
    #expect(chosen.courseID == "farm-2")
  }

  @Test func enterWithNothingToOpenSaysWhy() {
    let empty = Fixtures.state().pressing("/").state.pressing(.enter)
    #expect(empty.message == ScreenText.searchTypeFirst)
    let none = Fixtures.state().pressing("/zzzz").state.pressing(.enter)
    #expect(none.message == ScreenText.searchNoResults)
    #expect(search(none) != nil)
  }

  @Test func zeroClearsTheBoxThenLeaves() {
    let typed = Fixtures.state().pressing("1/wenshi").state
    let cleared = typed.pressing("0").state
    #expect(search(cleared)?.query == "")
    #expect(titles(cleared).isEmpty)
    let left = cleared.pressing("0").state
    guard case .categories = left.top else {
      Issue.record("expected the categories, got \(left.top)")
      return
    }
  }

  @Test func escapeLeavesAtOnceAndTheArrowLeftDoesNot() {
    let typed = Fixtures.state().pressing("1/wenshi").state
    #expect(typed.pressing(.left).stack == typed.stack)
    let left = typed.pressing(.escape)
    guard case .categories = left.top else {
      Issue.record("expected the categories, got \(left.top)")
      return
    }
  }

  @Test func questionMarkStillOpensHelp() {
    let state = Fixtures.state().pressing("/wen?").state
    #expect(state.top.isHelp)
    #expect(search(state.pressing("0").state)?.query == "wen")
  }

  @Test func arrowsAndPagesMoveOverManyResults() {
    // Every fixture course's summary ends in a full stop: 14 results, two pages.
    var state = Fixtures.state().pressing("/。").state
    #expect(titles(state).count == 14)
    state = state.pressing("9").state
    #expect(search(state)?.list.page == 1)
    state = state.pressing(.end).pressing(.enter)
    guard case .courseDetail(let detail) = state.top else {
      Issue.record("expected the course detail")
      return
    }
    #expect(detail.courseID == "farm-11")  // the last in menu order
  }

  @Test func clickingAResultOpensIt() {
    // Body from row 3: the box, the status line, the column header, then the results.
    let state = Fixtures.state().pressing("/wenshi").state
    let clicked = update(state, .click(x: 10, y: 3 + 4)).0
    guard case .courseDetail(let detail) = clicked.top else {
      Issue.record("expected the course detail")
      return
    }
    #expect(detail.courseID == "farm-2")
  }

  @Test func wideCharactersFromTheTerminalAreTypedText() {
    #expect(Key(typed: "温") == .character("温"))
    #expect(Key(typed: "ｗ") == .character("ｗ"))
    #expect(Key(typed: "\u{7F}") == .backspace)
    #expect(Key(typed: "\u{1B}") == .escape)
  }
}

/// The search screen as literal lines, and the attributes of the highlighted cells.
@Suite struct SearchRenderTests {
  func search(_ state: AppState) -> SearchScreen? {
    if case .search(let screen) = state.top { return screen }
    return nil
  }

  @Test func emptySearch80x24() {
    expectScreen(
      Fixtures.state().pressing("/").state,
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       搜索课程
      ────────────────────────────────────────────────────────────────────────────────
       搜索：
       输入课程名称、拼音或首字母，如 lxxn（理想信念）、wenshi（温室）、大棚。

















      ────────────────────────────────────────────────────────────────────────────────
       字母/汉字 输入  0 返回  ? 帮助
      """)
  }

  @Test func pinyinResults80x24() {
    expectScreen(
      Fixtures.state().pressing("/wenshi").state,
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       搜索课程                                                                   1/2
      ────────────────────────────────────────────────────────────────────────────────
       搜索：wenshi
       找到 2 门课程，按数字键打开。
       序号  课程名称                                学时  形式      说明
       >  1  温室蔬菜病虫害防治                         2  自学      农业实用技术
          2  日光温室蔬菜栽培技术                     1.5  流动课堂  农业实用技术

       简介：温室蔬菜病虫害防治的要点和操作方法。












      ────────────────────────────────────────────────────────────────────────────────
       1-2 打开  退格 删字  0 清空  Esc 返回  ? 帮助  回车 打开  上下键 移动
      """,
      // 温室 underlined in both rows (m: in the cursor row, without its reverse video).
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHH

         EEEEEE      S

         CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC
         SSSSSSmmmmSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS
          NNN      MMMM

         EEEEEE













        KNNNKKKKKKKNNNNKKKKKKKNKKKKKKKNNNKKKKKKKNKKKKKKKNNNNKKKKKKKNNNNNNKKKKKKKKKKKKKKK
        """)
  }

  /// 温室 is underlined and bold in both rows: in the row under the cursor without the
  /// reverse video of the rest of the row, elsewhere on a plain row.
  @Test func theMatchedCharactersCarryTheirOwnStyle() {
    let grid = render(Fixtures.state().pressing("/wenshi").state)
    func styles(_ y: Int, _ columns: Range<Int>) -> [CellStyle] {
      columns.map { grid[$0, y].style }
    }
    // Row 6 (selected): 温室 at columns 7-10, the rest of the title reversed.
    #expect(styles(6, 7..<11) == Array(repeating: .selectedMatch, count: 4))
    #expect(styles(6, 11..<25) == Array(repeating: .selected, count: 14))
    #expect(styles(6, 1..<7) == Array(repeating: .selected, count: 6))
    // Row 7: 日光 plain, 温室 matched, 蔬菜… plain.
    #expect(styles(7, 7..<11) == Array(repeating: .plain, count: 4))
    #expect(styles(7, 11..<15) == Array(repeating: .match, count: 4))
    #expect(styles(7, 15..<27) == Array(repeating: .plain, count: 12))
    #expect(grid[11, 7].text == "温")
    #expect(grid[12, 7].isContinuation)
  }

  @Test func aKeywordOrCategoryMatchSaysWhere() {
    let text = render(Fixtures.state().pressing("/lxxn").state).trimmedLines.joined(separator: "\n")
    #expect(text.contains("重温入党誓词                               2  现场教学  类别：理想信念"))
    let base = Fixtures.catalog()
    let greenhouse = Course(
      id: "farm-shed", title: "设施蔬菜栽培", categoryID: "farming", hours: StudyHours(2),
      kind: .elective, form: .onsite, summary: "讲授设施蔬菜。", keywords: ["塑料薄膜"],
      location: Fixtures.here)
    let catalog = Catalog(
      title: base.title, issuer: base.issuer, year: base.year, categories: base.categories,
      courses: base.courses + [greenhouse], rules: base.rules)
    let keyword = render(Fixtures.state(catalog: catalog).pressing("/suliao").state).trimmedLines
    #expect(keyword[6] == " >  1  设施蔬菜栽培                               2  现场教学  关键词：塑料薄膜")
    let id = render(Fixtures.state(catalog: catalog).pressing("/shed").state).trimmedLines
    #expect(id[6].hasSuffix("编号：farm-shed"))
  }

  @Test func noResultsSayWhatToDo() {
    let grid = render(Fixtures.state().pressing("/zzzz").state)
    #expect(grid.trimmedLines[4] == " 没有找到“zzzz”的课程：按退格键修改，按 0 清空重输。")
    #expect(grid.trimmedLines[5] == "")
  }

  /// A highlighted character cut off by the title column is not highlighted, and never half
  /// of a wide one.
  @Test func aMatchBeyondTheCutIsNotHighlighted() {
    var grid = Grid(size: Size(width: 20, height: 1))
    grid.write("一二三四五六七八", x: 0, y: 0, width: 10, ellipsis: "…")
    SearchScreen.highlight(
      [3..<8], of: "一二三四五六七八", into: &grid, x: 0, y: 0, width: 10, style: .match,
      ellipsis: "…")
    #expect(grid.line(0).hasPrefix("一二三四…"))
    #expect(
      (0..<10).map { grid[$0, 0].style == .match } == [
        false, false, false, false, false, false, true, true, false, false,
      ])
  }

  /// At the minimum size the status line gives way to the results (the heading counts them).
  @Test func chineseQueryAndResults60x16() {
    expectScreen(
      Fixtures.state(width: 60, height: 16).pressing("/果").state,
      """
       党员教育培训课程目录  某县委组织部              2026-03-01
       搜索课程                                               1/3
      ────────────────────────────────────────────────────────────
       搜索：果
       序号  课程名称            学时  形式      说明
       >  1  果树冬季修剪技术       3  现场教学  农业实用技术
          2  果木管理：花果管…    3.5  流动课堂  农业实用技术
          3  特色林果产业发展…      4  自学      农业实用技术

       简介：果树冬季修剪技术的要点和操作方法。




      ────────────────────────────────────────────────────────────
       1-3 打开  退格 删字  0 清空  Esc 返回  ? 帮助  回车 打开
      """)
  }

  @Test func nineResultsFitTheMinimumSize() {
    let state = Fixtures.state(width: 60, height: 16).pressing("/x").state
    #expect(search(state)?.results.count == 9)
    let lines = render(state).trimmedLines
    #expect(lines[13].hasPrefix("    9  "))
    #expect(lines[14].allSatisfy { $0 == "─" })
    let clicked = update(state, .click(x: 10, y: 13)).0
    guard case .courseDetail = clicked.top else {
      Issue.record("expected the ninth course, got \(clicked.top)")
      return
    }
  }

  @Test func asciiFrameKeepsTheHighlightAsAStyle() {
    let state = Fixtures.state(glyphs: .ascii).pressing("/wenshi").state
    let grid = render(state)
    #expect(grid[7, 6].style == .selectedMatch)
    #expect(grid[11, 7].style == .match)
    #expect(grid.trimmedLines[2] == String(repeating: "-", count: 80))
  }
}
