import Testing

@testable import tui

@Suite struct TextWrapTests {
  /// Checks the rules every wrapped line must keep.
  func expectWellBroken(
    _ lines: [String], width: Int, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for line in lines {
      #expect(DisplayWidth.of(line) <= width, "\(line)", sourceLocation: sourceLocation)
      if let first = line.first {
        #expect(!TextWrap.noLineStart.contains(first), "\(line)", sourceLocation: sourceLocation)
      }
      if let last = line.last {
        #expect(!TextWrap.noLineEnd.contains(last), "\(line)", sourceLocation: sourceLocation)
      }
    }
  }

  @Test func chineseBreaksBetweenAnyTwoCharacters() {
    #expect(TextWrap.lines("党员教育培训课程", width: 6) == ["党员教", "育培训", "课程"])
  }

  @Test func closingPunctuationNeverStartsALine() {
    // Without the rule, "，" would start the second line.
    let lines = TextWrap.lines("党员教育，培训课程", width: 8)
    #expect(lines == ["党员教", "育，培训", "课程"])
    expectWellBroken(lines, width: 8)
  }

  @Test func aRunOfClosingPunctuationStaysWithItsCharacter() {
    let lines = TextWrap.lines("学习《准则》。然后讨论", width: 10)
    #expect(lines == ["学习《准", "则》。然后", "讨论"])
    expectWellBroken(lines, width: 10)
  }

  @Test func openingPunctuationNeverEndsALine() {
    // Without the rule, "《" would end the first line.
    let lines = TextWrap.lines("学习党章《准则》", width: 10)
    #expect(lines == ["学习党章", "《准则》"])
    expectWellBroken(lines, width: 10)
  }

  @Test func latinWordsBreakOnlyAtSpaces() {
    let lines = TextWrap.lines("使用 Excel spreadsheet 制作表格", width: 12)
    #expect(lines == ["使用 Excel", "spreadsheet", "制作表格"])
  }

  @Test func aWordWiderThanTheLineIsCut() {
    #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
  }

  @Test func newlinesStartLinesAndEmptyLinesStay() {
    #expect(
      TextWrap.lines("冬训分两天：\n\n第一天上午\n", width: 20) == ["冬训分两天：", "", "第一天上午"])
  }

  @Test func spacesAtABreakAreDropped() {
    #expect(TextWrap.lines("aaa bbb ccc", width: 7) == ["aaa bbb", "ccc"])
  }

  @Test func firstLineCanBeShorter() {
    #expect(TextWrap.lines("党员教育培训", width: 8, firstWidth: 4) == ["党员", "教育培训"])
  }

  @Test func numbersKeepTheirPercentAndUnits() {
    let lines = TextWrap.lines("完成率达到100%以上", width: 10)
    #expect(lines == ["完成率达到", "100%以上"])
  }

  @Test func longSummaryKeepsEveryRuleAtManyWidths() {
    let text =
      "学习党章和《准则》《条例》，落实“三会一课”等组织生活制度，开展党的纪律教育和廉政警示教育……（共 4 学时）。"
    for width in 6...40 {
      let lines = TextWrap.lines(text, width: width)
      expectWellBroken(lines, width: width)
      // Nothing is lost but spaces at a break.
      #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "width \(width)")
    }
  }

  @Test func labeledTextIndentsContinuationLines() {
    let lines = LabeledText.lines(label: "简介：", value: "党员教育培训，课程目录", width: 14)
    #expect(lines.map { $0.map(\.text).joined() } == ["简介：党员教育", "      培训，课", "      程目录"])
  }
}
