import Testing

@testable import tui

@Suite struct WidthTests {
  @Test func asciiIsOneColumnEach() {
    #expect(DisplayWidth.of("course-menu 2026") == 16)
  }

  @Test func chineseAndFullwidthPunctuationAreTwoColumns() {
    #expect(DisplayWidth.of("农业实用技术") == 12)
    #expect(DisplayWidth.of("，。、；：？！（）《》「」【】") == 30)
    #expect(DisplayWidth.of("\u{3000}") == 2)  // ideographic space
    #expect(DisplayWidth.of("ＡＢ１") == 6)  // fullwidth forms
  }

  @Test func otherEastAsianScriptsAreWide() {
    #expect(DisplayWidth.of("한국") == 4)
    #expect(DisplayWidth.of("かな") == 4)
    #expect(DisplayWidth.of("\u{20000}") == 2)  // CJK extension B
  }

  @Test func ambiguousCharactersCountAsNarrow() {
    #expect(DisplayWidth.of("…") == 1)
    #expect(DisplayWidth.of("─│") == 2)
    #expect(DisplayWidth.of("“”") == 2)
    #expect(DisplayWidth.of("★✓") == 2)
  }

  @Test func emojiPresentationIsWide() {
    #expect(DisplayWidth.of("👍") == 2)
    #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 2)  // heart with emoji selector
  }

  @Test func combiningMarksAndControlsTakeNoColumn() {
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of(Character("\u{301}")) == 0)
    #expect(DisplayWidth.of("\u{7}\u{1B}") == 0)
    #expect(DisplayWidth.of("a\u{200B}b") == 2)  // zero-width space
  }

  @Test func mixedText() {
    #expect(DisplayWidth.of("第 1/3 页") == 9)
    #expect(DisplayWidth.of("Excel表格") == 9)
  }
}
