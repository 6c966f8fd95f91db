@testable import Catalog

/// Small catalogs built in memory for search tests: a course needs only what search reads.
enum SearchFixture {
  static let location = SourceLocation(path: "test.toml", line: 1, column: 1)

  static func course(
    _ id: String, _ title: String, category: String = "farming", keywords: [String] = [],
    pinyin: String? = nil, summary: String = "课程简介。"
  ) -> Course {
    Course(
      id: id, title: title, categoryID: category, hours: StudyHours(2), kind: .elective,
      form: .remote, summary: summary, keywords: keywords, pinyin: pinyin, location: location)
  }

  static let categories = [
    Category(id: "ideals", title: "理想信念", order: 1, location: location),
    Category(id: "discipline", title: "党章党规党纪", order: 2, location: location),
    Category(id: "farming", title: "农业实用技术", order: 3, location: location),
  ]

  static func index(_ courses: [Course]) -> SearchIndex {
    SearchIndex(courses: courses, categories: categories)
  }

  static func catalog(_ courses: [Course]) -> Catalog {
    Catalog(
      title: "测试目录", issuer: "县委组织部", year: 2026, categories: categories, courses: courses,
      rules: Rules(requirements: [], path: "rules.toml"))
  }

  /// The ids found for a query, in rank order.
  static func ids(_ index: SearchIndex, _ query: String) -> [String] {
    index.search(query).map(\.courseID)
  }

  /// The highlighted part of each result's title, `[...]` around each range, for reading.
  static func marked(_ index: SearchIndex, _ courses: [Course], _ query: String) -> [String] {
    index.search(query).map { result in
      let title = Array(courses[result.courseIndex].title)
      var text = ""
      for (offset, character) in title.enumerated() {
        if result.titleRanges.contains(where: { $0.lowerBound == offset }) { text += "[" }
        text.append(character)
        if result.titleRanges.contains(where: { $0.upperBound == offset + 1 }) { text += "]" }
      }
      return text
    }
  }
}
