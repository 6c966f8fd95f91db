import Testing

@testable import Catalog

@Suite struct SearchMatchingTests {
  typealias F = SearchFixture

  static let courses = [
    F.course("ideals-faith", "坚定理想信念专题辅导", category: "ideals"),
    F.course("ideals-oath", "重温入党誓词", category: "ideals", pinyin: "chong wen ru dang shi ci"),
    F.course(
      "farm-greenhouse", "日光温室蔬菜栽培技术", keywords: ["大棚", "蔬菜"], pinyin: "ri guang wen shi",
      summary: "大棚蔬菜的育苗、定植和病虫害防治。"),
    F.course("farm-veg-pests", "温室蔬菜病虫害防治", keywords: ["病虫害"]),
    F.course("farm-fruit", "果树冬季修剪技术", keywords: ["林果", "APP"]),
  ]
  let index = F.index(Self.courses)

  @Test func chineseSubstring() {
    #expect(F.ids(index, "蔬菜") == ["farm-greenhouse", "farm-veg-pests"])
    #expect(F.ids(index, "修剪") == ["farm-fruit"])
    #expect(F.ids(index, "冬季修剪技术") == ["farm-fruit"])
    #expect(F.ids(index, "修剪技巧") == [])
  }

  @Test func pinyinSyllablesWithOrWithoutSpaces() {
    for query in ["wenshi", "wen shi", "WenShi", "wen  shi ", "ｗｅｎｓｈｉ"] {
      #expect(F.ids(index, query) == ["farm-veg-pests", "farm-greenhouse"], "\(query)")
    }
  }

  @Test func partialLastSyllable() {
    #expect(F.ids(index, "wensh") == ["farm-veg-pests", "farm-greenhouse"])
    #expect(F.ids(index, "guoshu") == ["farm-fruit"])
    #expect(F.ids(index, "guosh") == ["farm-fruit"])
  }

  @Test func syllablesMayStartAnywhereInTheTitle() {
    let results = index.search("shucai")
    #expect(results.map(\.courseID) == ["farm-greenhouse", "farm-veg-pests"])
    #expect(results.map(\.match) == [.titlePinyin, .titlePinyin])
    #expect(F.ids(index, "xiujian") == ["farm-fruit"])
  }

  @Test func initials() {
    #expect(F.ids(index, "wssc") == ["farm-veg-pests", "farm-greenhouse"])
    #expect(F.ids(index, "rgws") == ["farm-greenhouse"])
    let faith = index.search("lxxn")
    #expect(faith.first?.courseID == "ideals-faith")
    #expect(faith.first?.match == .titlePinyin)
    // The other ideals course is found through its category, 理想信念.
    #expect(faith.dropFirst().map(\.courseID) == ["ideals-oath"])
    #expect(faith.dropFirst().map(\.match) == [.category])
  }

  @Test func initialsAndSyllablesMix() {
    #expect(F.ids(index, "wenssc") == ["farm-veg-pests", "farm-greenhouse"])
    #expect(F.ids(index, "wsshuc") == ["farm-veg-pests", "farm-greenhouse"])
    // Every character in between needs at least its initial: 室 is skipped here.
    #expect(F.ids(index, "wshuc") == [])
  }

  @Test func chineseAndPinyinMix() {
    #expect(F.ids(index, "温室sc") == ["farm-veg-pests", "farm-greenhouse"])
    #expect(F.marked(index, Self.courses, "温室sc") == ["[温室蔬菜]病虫害防治", "日光[温室蔬菜]栽培技术"])
    #expect(F.ids(index, "ws蔬菜") == ["farm-veg-pests", "farm-greenhouse"])
    #expect(F.ids(index, "温室x") == [])
  }

  @Test func aSpaceEndsASyllable() {
    let index = F.index([F.course("a", "温室")])
    #expect(F.ids(index, "wens") == ["a"])
    #expect(F.ids(index, "we ns") == [])
    #expect(F.ids(index, "w s") == ["a"])
    #expect(F.ids(index, "wen sh") == ["a"])
    #expect(F.ids(index, "wenshi ") == ["a"])
  }

  @Test func idsAndKeywordsIgnoreASCIICase() {
    let byID = index.search("FARM-GREEN")
    #expect(byID.map(\.courseID) == ["farm-greenhouse"])
    #expect(byID.first?.match == .id)
    #expect(byID.first?.matchedText == "farm-greenhouse")
    for query in ["app", "APP", "aPp", "ＡＰＰ"] {
      let results = index.search(query)
      #expect(results.map(\.courseID) == ["farm-fruit"], "\(query)")
      #expect(results.first?.match == .keyword)
      #expect(results.first?.matchedText == "APP")
    }
  }

  @Test func keywordsMatchByPinyinToo() {
    let results = index.search("dapeng")
    #expect(results.map(\.courseID) == ["farm-greenhouse"])
    #expect(results.first?.match == .keyword)
    #expect(results.first?.matchedText == "大棚")
    #expect(results.first?.titleRanges == [])
    #expect(F.ids(index, "lg") == ["farm-fruit"])
  }

  @Test func categoryTitles() {
    let results = index.search("nongye")
    #expect(results.map(\.courseID) == ["farm-greenhouse", "farm-veg-pests", "farm-fruit"])
    #expect(results.allSatisfy { $0.match == .category && $0.matchedText == "农业实用技术" })
    #expect(F.ids(index, "实用技术") == ["farm-greenhouse", "farm-veg-pests", "farm-fruit"])
  }

  @Test func summaries() {
    let results = index.search("育苗")
    #expect(results.map(\.courseID) == ["farm-greenhouse"])
    #expect(results.first?.match == .summary)
    #expect(results.first?.titleRanges == [])
  }

  @Test func emptyAndBlankQueriesFindNothing() {
    for query in ["", " ", "   ", "\u{3000}", "\t\n"] {
      #expect(index.search(query).isEmpty, "\(query.debugDescription)")
    }
    let results = index.search(" ", narrowing: nil)
    #expect(results.isEmpty)
    #expect(results.query == " ")
  }

  @Test func queriesThatMatchNothing() {
    for query in ["zzzzzz", "qqq", "温室蔬菜栽培技术病虫害防治果树", "xyz123", "!!", "》》"] {
      #expect(index.search(query).isEmpty, "\(query)")
    }
  }

  @Test func cjkPunctuationInTitles() {
    let courses = [
      F.course("a", "主题党日：学党章、作承诺、争先进"),
      F.course("b", "《准则》《条例》原文专题学习"),
      F.course("c", "村（社区）党组织书记集中轮训"),
    ]
    let index = F.index(courses)
    #expect(F.marked(index, courses, "xdzzcn") == ["主题党日：[学党章]、[作承诺]、争先进"])
    #expect(F.marked(index, courses, "zztl") == ["《[准则]》《[条例]》原文专题学习"])
    #expect(index.search("zztl").first?.match == .titlePinyinPrefix)
    #expect(F.marked(index, courses, "cunsq") == ["[村]（[社区]）党组织书记集中轮训"])
    #expect(F.marked(index, courses, "作承诺、争") == ["主题党日：学党章、[作承诺、争]先进"])
    // Chinese typed without the punctuation still finds the title.
    #expect(F.marked(index, courses, "学党章作承诺") == ["主题党日：[学党章]、[作承诺]、争先进"])
    // Punctuation in the query is a syllable boundary.
    #expect(F.ids(index, "zhunze,tiaoli") == ["b"])
  }

  @Test func umlautMayBeTypedVOrU() {
    let index = F.index([F.course("green", "农作物病虫害绿色防控")])
    for query in ["lvse", "luse", "lüse", "LVSE", "lsfk"] {
      #expect(F.ids(index, query) == ["green"], "\(query)")
    }
  }

  @Test func asciiAndDigitsInTitles() {
    let courses = [F.course("a", "2026年冬训：APP使用入门")]
    let index = F.index(courses)
    #expect(index.search("2026").first?.match == .titlePrefix)
    #expect(F.marked(index, courses, "2026nd") == ["[2026年冬]训：APP使用入门"])
    #expect(F.marked(index, courses, "appsy") == ["2026年冬训：[APP使用]入门"])
    #expect(F.marked(index, courses, "ＡＰＰ") == ["2026年冬训：[APP]使用入门"])
    #expect(index.search("ＡＰＰ").first?.match == .titleSubstring)
  }

  @Test func unusualCharactersDoNotBreakMatching() {
    let courses = [
      F.course("a", "\u{20000}字与😀表情学习"),
      F.course("b", "e\u{301}cole 学习"),
      F.course("c", ""),
    ]
    let index = F.index(courses)
    #expect(F.marked(index, courses, "xuexi") == ["\u{20000}字与😀表情[学习]", "e\u{301}cole [学习]"])
    #expect(F.marked(index, courses, "😀") == ["\u{20000}字与[😀]表情学习"])
    #expect(F.marked(index, courses, "\u{20000}字") == ["[\u{20000}字]与😀表情学习"])
    #expect(F.ids(index, "zybq") == ["a"])
  }
}
