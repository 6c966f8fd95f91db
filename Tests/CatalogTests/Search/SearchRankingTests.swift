import Testing

@testable import Catalog

@Suite struct SearchRankingTests {
  typealias F = SearchFixture

  /// One course per way of matching 党章, listed out of rank order.
  static let courses = [
    F.course("in-summary", "组织生活会", category: "farming", summary: "对照党章查找问题。"),
    F.course("in-category", "纪律教育", category: "discipline"),
    F.course("by-keyword", "廉洁自律", category: "farming", keywords: ["党规", "党章"]),
    F.course("substring", "学习党章", category: "ideals"),
    F.course("prefix", "党章原文逐章自学", category: "ideals"),
    F.course("exact", "党章", category: "ideals"),
    F.course("substring-2", "学习新党章", category: "ideals"),
    F.course("dangzhang-id", "组织建设", category: "farming"),
  ]
  let index = F.index(Self.courses)

  @Test func chineseQueryRanksExactPrefixSubstringKeywordCategorySummary() {
    let results = index.search("党章")
    #expect(
      results.map(\.courseID) == [
        "exact", "prefix", "substring", "substring-2", "by-keyword", "in-category", "in-summary",
      ])
    #expect(
      results.map(\.match) == [
        .exactTitle, .titlePrefix, .titleSubstring, .titleSubstring, .keyword, .category,
        .summary,
      ])
  }

  @Test func pinyinQueryRanksTitlePinyinThenKeywordIdCategory() {
    let results = index.search("dangzhang")
    #expect(
      results.map(\.courseID) == [
        "prefix", "exact", "substring", "substring-2", "by-keyword", "dangzhang-id",
        "in-category",
      ])
    #expect(
      results.map(\.match) == [
        .titlePinyinPrefix, .titlePinyinPrefix, .titlePinyin, .titlePinyin, .keyword, .id,
        .category,
      ])
    #expect(results.first(where: { $0.match == .keyword })?.matchedText == "党章")
  }

  @Test func initialsRankLikeSyllables() {
    let initials = index.search("dz")
    let syllables = index.search("dangzhang").filter { $0.match != .id }
    #expect(initials.map(\.courseID) == syllables.map(\.courseID))
    #expect(initials.map(\.match) == syllables.map(\.match))
  }

  @Test func tiesKeepMenuOrder() {
    let courses = (0..<20).map { F.course("c\($0)", "温室蔬菜第\($0)期") }
    let index = F.index(courses)
    #expect(F.ids(index, "温室") == courses.map(\.id))
    #expect(F.ids(index, "wssc") == courses.map(\.id))
    #expect(F.ids(index, "shucai") == courses.map(\.id))
  }

  @Test func catalogOrderIsMenuOrder() {
    // The catalog sorts courses by category order; results index into `catalog.courses`.
    let catalog = F.catalog(Self.courses)
    let index = SearchIndex(catalog: catalog)
    #expect(index.count == catalog.courses.count)
    for result in index.search("党章") {
      #expect(catalog.courses[result.courseIndex].id == result.courseID)
    }
    let substrings = index.search("党章").filter { $0.match == .titleSubstring }
    #expect(substrings.map(\.courseIndex) == substrings.map(\.courseIndex).sorted())
  }

  @Test func ranksCompareInTheDocumentedOrder() {
    #expect(SearchMatch.allCases.sorted() == SearchMatch.allCases)
    #expect(SearchMatch.exactTitle < .titlePrefix && .titlePinyin < .keyword)
    #expect(SearchMatch.allCases.filter(\.isTitleMatch).count == 5)
  }
}
