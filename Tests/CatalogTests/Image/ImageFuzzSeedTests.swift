import CatalogFuzzing
import Foundation
import Testing

@testable import Catalog

/// The image fuzzer's seeds (fuzz/corpus/image) are images of this format, so a campaign
/// starts from the structure itself. When the format changes, regenerate them:
/// `COURSE_MENU_WRITE_IMAGE_SEEDS=1 swift test --filter ImageFuzzSeedTests`.
@Suite struct ImageFuzzSeedTests {
  static let folder = FuzzCorpusReplayTests.root.appendingPathComponent("fuzz/corpus/image")

  static func seeds() throws -> [(name: String, bytes: [UInt8])] {
    let here = SourceLocation(path: "courses/a.toml", line: 2, column: 1)
    let tiny = SearchFixture.catalog([
      SearchFixture.course("farm-a", "日光温室蔬菜", keywords: ["大棚"], pinyin: "ri guang wen shi"),
      SearchFixture.course("ideals-b", "理想信念教育", category: "ideals"),
    ])
    var online = QuizFixture.course()
    online.sessions = [
      CourseSession(
        date: day("2026-12-05"), endDate: day("2026-12-07"), time: "09:00", place: "活动室",
        capacity: 30, location: here)
    ]
    online.audience = [.rural, .retired]
    online.roles = [.secretary]
    online.seasons = [.winter]
    let quiz = Catalog(
      title: "测验", issuer: "县委组织部", year: 2026, categories: SearchFixture.categories,
      courses: [online],
      rules: Rules(
        yearStartMonth: 3, yearStartDay: 1,
        requirements: [
          Requirement(
            id: "r", title: "要求", roles: [.member], domains: [.rural], newMember: true,
            floating: false, minHours: StudyHours(32), minConcentrated: 1, forms: [.online],
            source: "规划", location: here)
        ], path: "rules.toml"))
    let shipped = try ShippedRules.load()
    let part = Catalog(
      title: shipped.title, issuer: shipped.issuer, year: shipped.year,
      categories: shipped.categories, courses: shipped.courses.prefix(14), rules: shipped.rules)
    return [
      ("tiny", FuzzTarget.imageSeed(of: tiny)), ("quiz", FuzzTarget.imageSeed(of: quiz)),
      ("shipped-part", FuzzTarget.imageSeed(of: part)),
      ("unsealed-tiny", [1] + FuzzTarget.imageSeed(of: tiny).dropFirst()),
      ("empty-catalog", FuzzTarget.imageSeed(of: SearchFixture.catalog([]))),
      (
        "evaluation-survey",
        FuzzTarget.imageSeed(
          of: tiny.with(
            evaluation: Evaluation(
              intro: "请评价", forms: [.online],
              questions: [
                EvaluationQuestion(id: "useful", text: "有收获吗", answers: ["没有", "一般", "很大"]),
                EvaluationQuestion(id: "clear", text: "讲得清楚吗", answers: ["不清楚", "清楚"]),
              ]),
            survey: Survey(
              title: "需求调研",
              topics: [
                SurveyTopic(id: "farming", title: "种植养殖", categoryID: "farming"),
                SurveyTopic(id: "law", title: "法律知识"),
              ])))
      ),
    ]
  }

  @Test func theSeedsAreImagesOfThisFormat() throws {
    if ProcessInfo.processInfo.environment["COURSE_MENU_WRITE_IMAGE_SEEDS"] != nil {
      try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
      for seed in try Self.seeds() {
        try Data(seed.bytes).write(to: Self.folder.appendingPathComponent(seed.name))
      }
    }
    let stored = FuzzCorpusReplayTests.inputs(.image)
    #expect(stored.count >= 5)
    var read = 0
    for url in stored {
      let bytes = [UInt8](try Data(contentsOf: url))
      if ImageProbe.catalog(from: Array(bytes.dropFirst()), sealing: true) != nil { read += 1 }
    }
    #expect(read >= 4, "the image seeds are of another format: regenerate them (see above)")
  }
}
