import Foundation
import Testing

@testable import Catalog

/// `evaluation.toml` and `survey.toml`: read into the catalog, and every mistake reported with
/// its code, file, line and column, like every other catalog file.
@Suite struct FeedbackFormatTests {
  static let evaluationFile = """
    intro = "请为这门课打分。"
    forms = ["onsite", "remote"]

    [[question]]
    id = "useful"
    text = "内容有用吗？"
    answers = ["没用", "用处不大", "一般", "有用", "很有用"]

    [[question]]
    id = "lively"
    text = "讲得好懂吗？"
    answers = ["难懂", "一般", "好懂"]

    """

  static let surveyFile = """
    [survey]
    title = "需求调研"
    intro = "想学什么？"
    max_topics = 2
    forms = ["onsite", "集中培训"]

    [[topic]]
    id = "planting"
    title = "种植技术"
    category = "farming"

    [[topic]]
    id = "ideals"
    title = "理想信念"
    category = "ideals"

    [[topic]]
    id = "other"
    title = "其他"

    """

  static func fixture() -> CatalogFixture {
    var fixture = CatalogFixture()
    fixture.files["evaluation.toml"] = evaluationFile
    fixture.files["survey.toml"] = surveyFile
    return fixture
  }

  @Test func bothFilesAreRead() throws {
    let (result, _) = try Self.fixture().load()
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let catalog = try #require(result.catalog)
    let evaluation = try #require(catalog.evaluation)
    #expect(evaluation.intro == "请为这门课打分。")
    #expect(evaluation.forms == [.onsite, .remote])
    #expect(evaluation.questions.map(\.id) == ["useful", "lively"])
    #expect(evaluation.questions.map(\.scale) == [5, 3])
    #expect(evaluation.rates(.onsite) && !evaluation.rates(.selfstudy))
    let survey = try #require(catalog.survey)
    #expect(survey.title == "需求调研")
    #expect(survey.maxTopics == 2)
    #expect(survey.topics.map(\.id) == ["planting", "ideals", "other"])
    #expect(survey.topics.map(\.categoryID) == ["farming", "ideals", nil])
    #expect(survey.forms == [.onsite, .concentrated])
    #expect(survey.seasons == [.spring, .winter])
  }

  /// Both files are optional: a catalog without them has no rating and no survey.
  @Test func aCatalogWithoutThemHasNeither() throws {
    let (result, _) = try CatalogFixture().load()
    let catalog = try #require(result.catalog)
    #expect(catalog.evaluation == nil && catalog.survey == nil)
  }

  /// Left-out settings take their defaults: every form but self-study, both seasons, three
  /// topics at most; an empty `forms` or `seasons` leaves that step out.
  @Test func surveyDefaultsAndLeftOutSteps() throws {
    var fixture = Self.fixture()
    fixture.replace("max_topics = 2\nforms = [\"onsite\", \"集中培训\"]\n", with: "", in: "survey.toml")
    var survey = try #require(try fixture.load().0.catalog?.survey)
    #expect(survey.maxTopics == 3)
    #expect(survey.forms == CourseForm.allCases.filter { $0 != .selfstudy })
    #expect(survey.seasons == [.spring, .winter])
    fixture.replace("intro = \"想学什么？\"", with: "forms = []\nseasons = []", in: "survey.toml")
    survey = try #require(try fixture.load().0.catalog?.survey)
    #expect(survey.forms.isEmpty && survey.seasons.isEmpty)
  }

  /// One edit of a fixture file and the diagnostics it must give (as `DiagnosticCodeTests`).
  typealias Breakage = DiagnosticCodeTests.Breakage

  static let breakages: [Breakage] = [
    // A required field left out, and a key misspelt.
    Breakage(
      file: "evaluation.toml", old: "text = \"讲得好懂吗？\"\n", new: "",
      expected: ["evaluation.toml:9:1 C001"]),
    Breakage(
      file: "evaluation.toml", old: "answers = [\"难懂\"", new: "answer = [\"难懂\"",
      expected: ["evaluation.toml:9:1 C001", "evaluation.toml:12:1 C002"]),
    // A key of the file's top written under a question: it says where it belongs.
    Breakage(
      file: "evaluation.toml", old: "text = \"讲得好懂吗？\"", new: "text = \"讲得好懂吗？\"\nintro = \"\"",
      expected: ["evaluation.toml:12:1 C002"]),
    // Wrong types, an unknown form, a bad id, a question id twice.
    Breakage(
      file: "evaluation.toml", old: "answers = [\"难懂\", \"一般\", \"好懂\"]", new: "answers = \"好懂\"",
      expected: ["evaluation.toml:12:11 C003"]),
    Breakage(
      file: "evaluation.toml", old: "forms = [\"onsite\", \"remote\"]", new: "forms = [\"讲座\"]",
      expected: ["evaluation.toml:2:10 C004"]),
    Breakage(
      file: "evaluation.toml", old: "id = \"lively\"", new: "id = \"Lively\"",
      expected: ["evaluation.toml:10:6 C010"]),
    Breakage(
      file: "evaluation.toml", old: "id = \"lively\"", new: "id = \"useful\"",
      expected: ["evaluation.toml:10:6 C005"]),
    // Answers: too few, too many, one written twice, one blank; and an empty forms list.
    Breakage(
      file: "evaluation.toml", old: "[\"难懂\", \"一般\", \"好懂\"]", new: "[\"好懂\"]",
      expected: ["evaluation.toml:12:11 C011"]),
    Breakage(
      file: "evaluation.toml", old: "[\"难懂\", \"一般\", \"好懂\"]",
      new: "[\"1\", \"2\", \"3\", \"4\", \"5\", \"6\"]", expected: ["evaluation.toml:12:11 C011"]),
    Breakage(
      file: "evaluation.toml", old: "[\"难懂\", \"一般\", \"好懂\"]", new: "[\"难懂\", \"一般\", \"难懂\"]",
      expected: ["evaluation.toml:12:24 C011"]),
    Breakage(
      file: "evaluation.toml", old: "[\"难懂\", \"一般\", \"好懂\"]", new: "[\"难懂\", \" \", \"好懂\"]",
      expected: ["evaluation.toml:12:18 C012"]),
    Breakage(
      file: "evaluation.toml", old: "forms = [\"onsite\", \"remote\"]", new: "forms = []",
      expected: ["evaluation.toml:2:9 C011"]),
    // One question is too few; five are too many (reported at the fifth).
    Breakage(
      file: "evaluation.toml",
      old: "[[question]]\nid = \"lively\"\ntext = \"讲得好懂吗？\"\nanswers = [\"难懂\", \"一般\", \"好懂\"]\n",
      new: "", expected: ["evaluation.toml:1:1 C019"]),
    Breakage(
      file: "evaluation.toml", old: "[[question]]\nid = \"lively\"",
      new: (2...4).map {
        "[[question]]\nid = \"q\($0)\"\ntext = \"问题\"\nanswers = [\"差\", \"好\"]\n\n"
      }
      .joined() + "[[question]]\nid = \"lively\"",
      expected: ["evaluation.toml:24:1 C019"]),
    // The survey: its table left out, a topic's category unknown, a topic id twice.
    Breakage(
      file: "survey.toml",
      old: "[survey]\ntitle = \"需求调研\"\nintro = \"想学什么？\"\nmax_topics = 2\n"
        + "forms = [\"onsite\", \"集中培训\"]\n", new: "", expected: ["survey.toml:1:1 C001"]),
    Breakage(
      file: "survey.toml", old: "category = \"farming\"", new: "category = \"farm\"",
      expected: ["survey.toml:10:12 C006"]),
    Breakage(
      file: "survey.toml", old: "id = \"other\"", new: "id = \"ideals\"",
      expected: ["survey.toml:18:6 C005"]),
    // A season that is none, a form written twice, max_topics beyond the topics.
    Breakage(
      file: "survey.toml", old: "max_topics = 2", new: "max_topics = 2\nseasons = [\"autumn\"]",
      expected: ["survey.toml:5:12 C004"]),
    Breakage(
      file: "survey.toml", old: "[\"onsite\", \"集中培训\"]", new: "[\"onsite\", \"现场教学\"]",
      expected: ["survey.toml:5:20 C011"]),
    Breakage(
      file: "survey.toml", old: "max_topics = 2", new: "max_topics = 4",
      expected: ["survey.toml:4:14 C011"]),
    Breakage(
      file: "survey.toml", old: "max_topics = 2", new: "max_topics = 0",
      expected: ["survey.toml:4:14 C011"]),
    // A topic key under [survey], and too few topics.
    Breakage(
      file: "survey.toml", old: "max_topics = 2", new: "max_topics = 1\ncategory = \"farming\"",
      expected: ["survey.toml:5:1 C002"]),
    Breakage(
      file: "survey.toml",
      old: "[[topic]]\nid = \"ideals\"\ntitle = \"理想信念\"\ncategory = \"ideals\"\n\n"
        + "[[topic]]\nid = \"other\"\ntitle = \"其他\"\n",
      new: "", expected: ["survey.toml:1:1 C019"]),
    // A syntax error is reported as in every file.
    Breakage(
      file: "survey.toml", old: "title = \"需求调研\"", new: "title = “需求调研”",
      expected: ["survey.toml:2:9 T002"]),
  ]

  @Test(arguments: breakages)
  func eachBreakageGivesItsCodeAtItsPlace(_ breakage: Breakage) throws {
    var fixture = Self.fixture()
    fixture.replace(breakage.old, with: breakage.new, in: breakage.file)
    let found = try fixture.diagnostics()
    #expect(found == breakage.expected, "\(found)")
    // A catalog with an error in either file is not served.
    if breakage.expected.contains(where: { !$0.contains(" W") }) {
      #expect(try fixture.load().0.catalog == nil)
    }
  }

  /// Nine topics cannot all be marked with digits 1-8.
  @Test func nineTopicsAreTooMany() throws {
    var fixture = Self.fixture()
    let more = (1...6).map { "[[topic]]\nid = \"t\($0)\"\ntitle = \"主题\($0)\"\n\n" }.joined()
    fixture.files["survey.toml"]! += more
    let found = try fixture.diagnostics()
    #expect(found == ["survey.toml:40:1 C019"])
    let (result, directory) = try fixture.load()
    let message = try #require(result.diagnostics.first).description
      .replacingOccurrences(of: directory + "/", with: "")
    #expect(
      message
        == "survey.toml:40:1: error[C019]: 调研主题 [[topic]] 应有 2 到 8 个，现在有 9 个：党员用数字键 1-8 选择主题，9 进入下一步"
    )
  }

  /// The shipped catalog has both, drawn from the seeds, and they check clean.
  @Test func theShippedCatalogHasBoth() throws {
    let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../../data").standardized.path
    let result = CatalogLoader(directory: data).load()
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
    let catalog = try #require(result.catalog)
    let evaluation = try #require(catalog.evaluation)
    #expect(Evaluation.questionLimits.contains(evaluation.questions.count))
    #expect(!evaluation.rates(.selfstudy))
    let survey = try #require(catalog.survey)
    #expect(survey.topics.allSatisfy { $0.categoryID.flatMap(catalog.category(id:)) != nil })
    #expect(survey.maxTopics == 3)
  }
}
