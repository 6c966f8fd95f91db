import Catalog
import Testing

@testable import tui

/// Navigation through `update` alone, as a member would press keys.
@Suite struct UpdateTests {
  @Test func digitsReachACourseInAPagedCategory() {
    let (state, effects) = Fixtures.state().pressing("121")
    #expect(effects.isEmpty)
    guard case .courseDetail(let detail) = state.top else {
      Issue.record("expected the course detail, got \(state.top)")
      return
    }
    #expect(detail.courseID == "farm-winter")
    #expect(state.stack.count == 4)
  }

  @Test func nineTurnsThePageAndDigitsCountFromTheTopOfThePage() {
    let state = Fixtures.state().pressing("129").state
    guard case .courseList(let list) = state.top else {
      Issue.record("expected the course list")
      return
    }
    #expect(list.list.page == 1)
    #expect(list.list.visible == 7..<12)
    let opened = state.pressing("3").state
    guard case .courseDetail(let detail) = opened.top else {
      Issue.record("expected the course detail")
      return
    }
    #expect(detail.courseID == "farm-9")  // the tenth farming course: 7 + 3
  }

  @Test func eightOnTheFirstPageAndNineOnTheLastAreRefusedWithAMessage() {
    let first = Fixtures.state().pressing("128").state
    #expect(first.message == ScreenText.noPreviousPages)
    let last = Fixtures.state().pressing("1299").state
    #expect(last.message == ScreenText.noMorePages)
    #expect(last.pressing("8").state.message == nil)
  }

  @Test func aDigitWithoutAnItemExplainsWhichDigitsWork() {
    let state = Fixtures.state().pressing("1").state
    let refused = state.pressing("5").state
    #expect(refused.message == "没有第 5 项，请按 1-3")
    #expect(refused.stack == state.stack)
    #expect(refused.pressing("x").state.message == nil)  // the next key clears it
  }

  @Test func zeroGoesBackAndQuitsFromTheMainMenu() {
    var (state, effects) = Fixtures.state().pressing("121")
    for expectedDepth in [3, 2, 1] {
      (state, effects) = state.pressing("0")
      #expect(state.stack.count == expectedDepth)
      #expect(effects.isEmpty)
    }
    (state, effects) = state.pressing("0")
    #expect(effects.isEmpty)
    (state, effects) = state.pressing("1")
    #expect(effects == [.quit])
  }

  /// Leaving the first screen asks: a stray Esc, Backspace, q, 0, ← or Ctrl-C never ends the
  /// program, and every way back from the question returns to the screen underneath.
  @Test func leavingTheFirstScreenAsksFirst() {
    let first = Fixtures.state()
    for key in [Key.escape, .backspace, .character("q"), .character("0"), .left, .interrupt] {
      let (asked, effects) = update(first, .key(key))
      #expect(effects.isEmpty, "\(key)")
      guard case .quit = asked.top else {
        Issue.record("\(key) did not ask, top is \(asked.top)")
        continue
      }
      #expect(render(asked).lines.contains { $0.contains("1  确定退出") })
      for back in [Key.escape, .backspace, .character("0"), .interrupt] {
        #expect(update(asked, .key(back)).0.stack == first.stack, "\(back)")
      }
      #expect(asked.pressing("1").effects == [.quit])
    }
  }

  /// In raw mode Ctrl-C is a key that goes back like Esc; Ctrl-Z, Ctrl-\\ and Ctrl-S are keys
  /// that do nothing at all.
  @Test func controlKeysAreKeys() {
    #expect(Key(typed: "\u{03}") == .interrupt)
    #expect(Key(typed: "\u{1A}") == .control(0x1A))
    #expect(Key(typed: "\u{1C}") == .control(0x1C))
    #expect(Key(typed: "\u{13}") == .control(0x13))
    let deep = Fixtures.state().pressing("12").state
    #expect(deep.pressing(.interrupt).stack.count == 2)
    for code: UInt8 in [0x1A, 0x1C, 0x13, 0x11] {
      let (after, effects) = update(deep, .key(.control(code)))
      #expect(after.stack == deep.stack && effects.isEmpty && after.message == nil)
    }
  }

  @Test func escapeQAndLeftArrowGoBackToo() {
    let deep = Fixtures.state().pressing("12").state
    #expect(deep.pressing(.escape).stack.count == 2)
    #expect(deep.pressing("q").state.stack.count == 2)
    #expect(deep.pressing(.left).stack.count == 2)
    #expect(deep.pressing(.backspace).stack.count == 2)
  }

  @Test func arrowsMoveTheCursorAcrossPagesAndEnterOpens() {
    var state = Fixtures.state().pressing("12").state
    for _ in 0..<7 { state = state.pressing(.down) }
    guard case .courseList(let list) = state.top else {
      Issue.record("expected the course list")
      return
    }
    #expect(list.list.cursor == 7)
    #expect(list.list.page == 1)
    state = state.pressing(.up).pressing("kj").state.pressing(.enter)
    guard case .courseDetail(let detail) = state.top else {
      Issue.record("expected the course detail")
      return
    }
    #expect(detail.courseID == "farm-6")  // cursor 7, up, k, j: index 6
  }

  @Test func homeEndAndPagesClampToTheList() {
    let state = Fixtures.state().pressing("12").state
    func cursor(_ state: AppState) -> Int? {
      if case .courseList(let list) = state.top { return list.list.cursor }
      return nil
    }
    #expect(cursor(state.pressing(.end)) == 11)
    #expect(cursor(state.pressing(.end).pressing(.home)) == 0)
    #expect(cursor(state.pressing(.pageDown)) == 7)
    #expect(cursor(state.pressing(.pageDown).pressing(.pageDown)) == 11)
    #expect(cursor(state.pressing(.pageUp)) == 0)
    #expect(cursor(state.pressing(.up)) == 0)
  }

  @Test func questionMarkOpensHelpOnceAndZeroReturns() {
    let state = Fixtures.state().pressing("12").state
    let help = state.pressing("??").state
    #expect(help.top.isHelp)
    #expect(help.stack.count == state.stack.count + 1)
    #expect(help.pressing("0").state.stack == state.stack)
    #expect(Fixtures.state().pressing("3").state.top.isHelp)
  }

  @Test func detailScrollsWithNineAndEightAndStopsAtTheEnds() {
    let state = Fixtures.state().pressing("121").state  // 23 lines in 19 rows
    func top(_ state: AppState) -> Int? {
      guard case .courseDetail(let detail) = state.top else { return nil }
      return detail.scroll.clampedTop(lineCount: 23, height: 19)
    }
    #expect(top(state) == 0)
    #expect(top(state.pressing("9").state) == 4)
    #expect(top(state.pressing("99").state) == 4)
    #expect(top(state.pressing("98").state) == 0)
    #expect(top(state.pressing(.down)) == 1)
    #expect(top(state.pressing(.end)) == 4)
    #expect(state.pressing("5").state.message == "没有第 5 项")
  }

  @Test func keysDoNothingWhileTheTerminalIsTooSmall() {
    let small = update(Fixtures.state(), .resize(Size(width: 40, height: 10))).0
    #expect(small.isTooSmall)
    let (pressed, effects) = small.pressing("10")
    #expect(pressed.stack == small.stack)
    #expect(effects.isEmpty)
    let restored = update(pressed, .resize(Size(width: 80, height: 24))).0
    #expect(!restored.isTooSmall)
  }

  @Test func hangupQuits() {
    #expect(update(Fixtures.state(), .hangup).1 == [.quit])
  }

  @Test func clickingAnItemOpensIt() {
    // Body starts at row 3, the column header is body row 0, items from body row 1.
    let state = Fixtures.state().pressing("1").state
    let (clicked, _) = update(state, .click(x: 10, y: 5))  // body row 2: the second category
    guard case .courseList(let list) = clicked.top else {
      Issue.record("expected the course list")
      return
    }
    #expect(list.categoryID == "farming")
    let paged = update(clicked, .click(x: 20, y: 3 + 8)).0  // the page line, "9" side
    if case .courseList(let list) = paged.top { #expect(list.list.page == 1) }
    #expect(update(state, .click(x: 10, y: 0)).0.stack == state.stack)  // title bar
  }

  @Test func anEmptyCategoryShowsItsMessageAndOnlyBackWorks() {
    let state = Fixtures.state().pressing("13").state
    #expect(render(state).trimmedLines[3] == " " + ScreenText.noCourses)
    #expect(state.pressing(.enter).stack == state.stack)
    #expect(state.pressing("1").state.message == "没有第 1 项")
  }
}

@Suite struct NumberedListTests {
  @Test func nineItemsFitOnePageNumberedOneToNine() {
    let list = NumberedList(count: 9)
    #expect(!list.isPaged)
    #expect(list.visible == 0..<9)
    #expect(list.digit(for: 8) == 9)
  }

  @Test func tenItemsPageSevenAtATime() {
    var list = NumberedList(count: 10)
    #expect(list.isPaged)
    #expect(list.pageCount == 2)
    #expect(list.handle(.digit(9)) == .moved)
    #expect(list.visible == 7..<10)
    #expect(list.handle(.digit(3)) == .chosen(9))
    #expect(list.handle(.digit(4)) == .refused("没有第 4 项，请按 1-3"))
  }

  @Test func anEmptyListRefusesDigitsAndIgnoresMoves() {
    var list = NumberedList(count: 0)
    #expect(list.handle(.down) == .ignored)
    #expect(list.handle(.open) == .ignored)
    #expect(list.handle(.digit(1)) == .refused("没有第 1 项"))
  }
}
