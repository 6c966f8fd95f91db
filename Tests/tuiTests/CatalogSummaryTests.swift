import Catalog
import Testing

@testable import tui

@Suite struct CatalogSummaryTests {
  @Test func listsEveryCategoryWithCountsAndHours() {
    let here = SourceLocation(path: "t", line: 1, column: 1)
    let catalog = Catalog(
      title: "目录", issuer: "县委组织部", year: 2026,
      categories: [Category(id: "farming", title: "农业实用技术", location: here)],
      courses: [
        Course(
          id: "a", title: "温室蔬菜", categoryID: "farming", hours: StudyHours(halves: 3),
          kind: .elective, form: .onsite, summary: "s", location: here)
      ],
      rules: Rules(requirements: [], path: "rules.toml"))
    #expect(
      CatalogSummary(catalog: catalog).text == """
        目录（县委组织部，2026 年度）：1 个类别，1 门课程
          农业实用技术（farming）：1 门课程，共 1.5 学时
        """)
  }

  @Test func saysWhatThereIsToStudyAndTest() {
    let text = CatalogSummary(catalog: StudyFixtures.catalog).text
    #expect(text.hasSuffix("\n  课件和测验：1 门课程有课件，共 3 页；1 门课程有测验，共 4 道试题"))
  }
}
