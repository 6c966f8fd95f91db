import Testing

@testable import Catalog

@Suite struct SearchPinyinTableTests {
  @Test func spotChecks() {
    #expect(Pinyin.syllables(of: "理想信念") == ["li", "xiang", "xin", "nian"])
    #expect(Pinyin.syllables(of: "温室蔬菜") == ["wen", "shi", "shu", "cai"])
    #expect(Pinyin.reading(of: "党") == "dang")
    #expect(Pinyin.syllables(of: "党员教育培训") == ["dang", "yuan", "jiao", "yu", "pei", "xun"])
    #expect(Pinyin.syllables(of: "农业实用技术") == ["nong", "ye", "shi", "yong", "ji", "shu"])
  }

  @Test func umlautIsWrittenV() {
    #expect(Pinyin.reading(of: "绿") == "lv")
    #expect(Pinyin.reading(of: "女") == "nv")
    #expect(Pinyin.reading(of: "律") == "lv")
  }

  @Test func polyphonicCharactersKeepEveryReadingMostCommonFirst() {
    #expect(Pinyin.readings(of: "重").prefix(2) == ["zhong", "chong"])
    #expect(Pinyin.readings(of: "行").prefix(2) == ["xing", "hang"])
    #expect(Pinyin.readings(of: "会").contains("kuai"))
    #expect(Pinyin.readings(of: "长").contains("chang"))
    #expect(Pinyin.readings(of: "党") == ["dang"])
  }

  @Test func coversTheWholeRangeAndExtensionA() {
    #expect(Pinyin.reading(of: "一") == "yi")  // U+4E00, first of the block
    #expect(Pinyin.reading(of: "\u{9FA5}") == "yu")  // 龥, last of the original block
    #expect(Pinyin.reading(of: "\u{3400}") == "qiu")  // 㐀, first of extension A
    #expect(Pinyin.reading(of: "〇") == "ling")
    var covered = 0
    for value in UInt32(0x4E00)...0x9FA5 where PinyinTable.primaryID(of: value) != 0 {
      covered += 1
    }
    // pinyin-data leaves out ten rare characters of the block (兙 and the like).
    #expect(covered >= 0x9FA5 - 0x4E00 + 1 - 10)
  }

  @Test func nonChineseCharactersHaveNoReading() {
    for character: Character in ["a", "3", "，", "《", " ", "😀", "\u{20000}", "é"] {
      #expect(Pinyin.reading(of: character) == nil)
      #expect(Pinyin.readings(of: character) == [])
    }
    #expect(Pinyin.syllables(of: "学习，党章！") == ["xue", "xi", "dang", "zhang"])
  }

  @Test func encodedTableIsConsistent() {
    let data = PinyinTableData.self
    let slots = Int(data.lastCodePoint - data.firstCodePoint) + 1
    #expect(data.primary.utf8CodeUnitCount == slots * 2)
    #expect(PinyinTable.syllableTable.names.count == data.syllableCount + 1)
    #expect(PinyinTable.alternateTable.start.count == slots + 1)
    let names = PinyinTable.syllableTable.names.dropFirst()
    #expect(names.allSatisfy { name in name.utf8.allSatisfy { (0x61...0x7A).contains($0) } })
    #expect(Set(names).count == names.count)
    for id in PinyinTable.alternateTable.ids {
      #expect(id >= 1 && Int(id) <= data.syllableCount)
    }
  }
}
