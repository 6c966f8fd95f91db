import Foundation
import Testing

@testable import Catalog

@Suite struct SearchNarrowingTests {
  typealias F = SearchFixture

  static func shippedCatalog() throws -> Catalog {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let result = CatalogLoader(directory: root.path + "/data").load()
    return try #require(result.catalog)
  }

  @Test func typingOneKeyAtATimeGivesTheSameResultsAsSearchingAfresh() throws {
    let index = SearchIndex(catalog: try Self.shippedCatalog())
    let typed = [
      "lxxnjy", "wenshishucai", "wen shi", "dangzhang", "dz", "xdzzcn", "温室sc", "党员 jy",
      "nongcun kuaiji", "chongyang", "ＡＰＰ", "zzzz", "d a n g",
    ]
    for text in typed {
      var previous: SearchResults? = nil
      var query = ""
      for character in text {
        query.append(character)
        let narrowed = index.search(query, narrowing: previous)
        #expect(Array(narrowed) == index.search(query), "\(query)")
        previous = narrowed
      }
      // Backspace: a shorter query must not be narrowed to the longer one's results.
      while !query.isEmpty {
        query.removeLast()
        let widened = index.search(query, narrowing: previous)
        #expect(Array(widened) == index.search(query), "\(query)")
        previous = widened
      }
    }
  }

  @Test func resultsFromAnotherIndexAreIgnored() {
    let one = F.index([F.course("a", "温室蔬菜")])
    let other = F.index([F.course("b", "温室大棚")])
    let fromOne = one.search("wen", narrowing: nil)
    #expect(other.search("wens", narrowing: fromOne).map(\.courseID) == ["b"])
    #expect(fromOne == one.search("wen", narrowing: .empty(for: one)))
    #expect(fromOne != other.search("wen", narrowing: nil))
  }
}

@Suite struct ShippedCatalogSearchTests {
  @Test func membersFindCoursesWithoutAnInputMethod() throws {
    let catalog = try SearchNarrowingTests.shippedCatalog()
    let index = SearchIndex(catalog: catalog)
    func titles(_ query: String) -> [String] {
      index.search(query).map { catalog.courses[$0.courseIndex].title }
    }
    #expect(titles("lxxn").first?.contains("理想信念") == true)
    // 温室蔬菜… reads from its first character, so it comes before 日光温室….
    #expect(titles("wenshi").prefix(2) == ["温室蔬菜病虫害防治", "日光温室蔬菜栽培技术"])
    #expect(titles("chongyang").contains("重阳时节老党员当好参谋发挥余热"))
    #expect(!titles("zhongyang").contains("重阳时节老党员当好参谋发挥余热"))
    #expect(titles("kuaiji").first == "农村会计与集体经济账务基础")
    #expect(titles("dianshang").contains("青年党员电商技术与网上销售农产品实训"))
    #expect(titles("sanhuiyike").first == "三会一课长效机制专题辅导")
  }
}
