import Testing

@testable import Catalog

@Suite struct SearchResultsTests {
  typealias F = SearchFixture

  static let courses = [
    F.course("greenhouse", "日光温室蔬菜栽培技术", keywords: ["大棚"]),
    F.course("pests", "温室蔬菜病虫害防治"),
    F.course("accent", "e\u{301}cole学习"),
    F.course("exact", "温室"),
  ]
  let index = F.index(Self.courses)

  @Test func resultsAreMadeWhenReadAndMatchTheArrayForm() {
    let results = index.search("wenshi", narrowing: nil)
    #expect(results.count == 3)
    #expect(Array(results) == index.search("wenshi"))
    #expect((0..<results.count).map(results.courseIndex(at:)) == results.map(\.courseIndex))
    #expect(results.query == "wenshi")
    let empty = SearchResults.empty(for: index)
    #expect(empty.isEmpty)
    #expect(empty.query == "")
  }

  @Test func substringHighlightsAreCharacterOffsets() {
    #expect(
      F.marked(index, Self.courses, "温室") == [
        "[温室]", "[温室]蔬菜病虫害防治", "日光[温室]蔬菜栽培技术",
      ])
    #expect(index.search("温室").first?.titleRanges == [0..<2])
    #expect(index.search("温室").last?.titleRanges == [2..<4])
    #expect(index.search("栽培技术").first?.titleRanges == [6..<10])
  }

  @Test func highlightsCountGraphemeClustersAsOneCharacter() {
    // é is two scalars but one character: 学习 starts at character 5.
    #expect(index.search("学习").first?.titleRanges == [5..<7])
    #expect(index.search("xuexi").first?.titleRanges == [5..<7])
    #expect(index.search("cole").first?.titleRanges == [1..<5])
  }

  @Test func pinyinHighlightsCoverTheMatchedCharactersOnly() {
    #expect(index.search("shucai").first?.titleRanges == [4..<6])
    #expect(index.search("wssc").map(\.titleRanges) == [[0..<4], [2..<6]])
    #expect(index.search("ws").map(\.titleRanges) == [[0..<2], [0..<2], [2..<4]])
  }

  @Test func keywordsReadPolyphonicCharactersAsTheTitleOverrideSays() {
    let index = F.index([
      F.course(
        "retired", "重阳时节老党员座谈", keywords: ["重阳节"],
        pinyin: "chong yang shi jie lao dang yuan zuo tan")
    ])
    let results = index.search("chongyangjie")
    #expect(results.map(\.match) == [.keyword])
    #expect(results.first?.matchedText == "重阳节")
    #expect(index.search("zhongyangjie").isEmpty)
  }

  @Test func longQueries() {
    let long = String(repeating: "温室蔬菜", count: 20)
    let index = F.index([F.course("long", long), F.course("short", "温室")])
    #expect(index.search(long).map(\.match) == [.exactTitle])
    #expect(index.search(long).first?.titleRanges == [0..<80])
    // Pinyin matching takes queries of up to 63 letters; longer ones match as text only.
    let letters = String(repeating: "wssc", count: 16)
    #expect(index.search(String(letters.prefix(63))).map(\.courseID) == ["long"])
    #expect(index.search(letters).isEmpty)
  }

  @Test func tableReadingsOfTitlesMatchThePublicPinyinAPI() {
    for course in Self.courses.prefix(2) {
      let syllables = Pinyin.syllables(of: course.title)
      #expect(F.ids(index, syllables.joined()).first == course.id)
      #expect(F.ids(index, syllables.joined(separator: " ")).first == course.id)
      #expect(F.ids(index, syllables.map { String($0.prefix(1)) }.joined()).first == course.id)
    }
  }
}
