import Testing

@testable import Catalog

@Suite struct SearchPolyphonyTests {
  typealias F = SearchFixture

  @Test func overrideReplacesTheTableForPolyphonicTitles() {
    let courses = [
      F.course(
        "retired", "重阳时节老党员当好参谋", pinyin: "chong yang shi jie lao dang yuan dang hao can mou")
    ]
    let index = F.index(courses)
    #expect(F.ids(index, "chongyang") == ["retired"])
    #expect(F.ids(index, "cysj") == ["retired"])
    #expect(F.ids(index, "zhongyang") == [])
    #expect(F.ids(index, "zysj") == [])
    #expect(F.ids(index, "canmou") == ["retired"])
    #expect(F.ids(index, "dhcm") == ["retired"])
    #expect(F.marked(index, courses, "chongyang") == ["[重阳]时节老党员当好参谋"])
  }

  @Test func withoutOverrideEveryReadingOfAPolyphonicCharacterMatches() {
    let index = F.index([
      F.course("retired", "重阳时节老党员座谈"),
      F.course("accounting", "农村会计基础"),
      F.course("bank", "银行贷款知识"),
    ])
    #expect(F.ids(index, "chongyang") == ["retired"])
    #expect(F.ids(index, "zhongyang") == ["retired"])
    #expect(F.ids(index, "kuaiji") == ["accounting"])
    #expect(F.ids(index, "huiji") == ["accounting"])
    #expect(F.ids(index, "yinhang") == ["bank"])
    #expect(F.ids(index, "yh") == ["bank"])
  }

  @Test func overrideCoveringPartOfTheTitleIsLinedUpByReadings() {
    let courses = [
      F.course("greenhouse", "日光温室蔬菜栽培", pinyin: "ri guang wen shi"),
      F.course("cooking", "地方特色烹饪", pinyin: "peng ren"),
      F.course("elders", "重阳敬老活动", pinyin: "chong yang"),
    ]
    let index = F.index(courses)
    #expect(F.ids(index, "rgwssc") == ["greenhouse"])
    #expect(F.ids(index, "shucai") == ["greenhouse"])
    #expect(F.ids(index, "dftspr") == ["cooking"])
    #expect(F.marked(index, courses, "pengren") == ["地方特色[烹饪]"])
    #expect(F.ids(index, "chongyangjinglao") == ["elders"])
    #expect(F.ids(index, "zhongyang") == [])
  }

  @Test func overrideThatDoesNotLineUpStillMatchesAsAWhole() {
    let courses = [F.course("odd", "电脑基础", pinyin: "diannao jichu caozuo")]
    let index = F.index(courses)
    let results = index.search("diannaojichucaoz")
    #expect(results.map(\.courseID) == ["odd"])
    #expect(results.first?.match == .titlePinyinPrefix)
    #expect(results.first?.titleRanges == [])
    #expect(F.ids(index, "caozuo") == ["odd"])
    // The table still reads the title itself.
    #expect(F.marked(index, courses, "dnjc") == ["[电脑基础]"])
  }

  @Test func overrideCountingAsciiRuns() {
    let courses = [F.course("app", "APP操作", pinyin: "app cao zuo")]
    let index = F.index(courses)
    #expect(F.marked(index, courses, "appcz") == ["[APP操作]"])
    #expect(F.ids(index, "acz") == ["app"])
  }

  @Test func overrideWithUmlaut() {
    let index = F.index([F.course("law", "律师进村", pinyin: "lü shi jin cun")])
    #expect(F.ids(index, "lvshi") == ["law"])
    #expect(F.ids(index, "lushi") == ["law"])
  }
}
