import Foundation
import Testing

@testable import Catalog

/// One broken fixture per catalog diagnostic code: the code, the file, line and column.
@Suite struct DiagnosticCodeTests {
  struct Breakage: CustomTestStringConvertible, Sendable {
    var file: String
    var old: String
    var new: String
    var expected: [String]
    var testDescription: String { expected.joined(separator: ", ") }
  }

  static let breakages: [Breakage] = [
    Breakage(
      file: "courses/farming.toml", old: "summary = \"测土配方施肥。\"\n", new: "",
      expected: ["courses/farming.toml:14:1 C001"]),
    Breakage(
      file: "courses/ideals.toml", old: "kind = \"required\"", new: "knd = \"required\"",
      expected: ["courses/ideals.toml:3:1 C001", "courses/ideals.toml:7:1 C002"]),
    Breakage(
      file: "courses/ideals.toml", old: "capacity = 40", new: "capacity = \"40人\"",
      expected: ["courses/ideals.toml:15:12 C003"]),
    Breakage(
      file: "courses/farming.toml", old: "season = [\"winter\"]", new: "season = [\"秋训\"]",
      expected: ["courses/farming.toml:12:11 C004"]),
    Breakage(
      file: "courses/farming.toml", old: "id = \"farm-soil\"", new: "id = \"farm-greenhouse\"",
      expected: ["courses/farming.toml:10:18 C007", "courses/farming.toml:15:6 C005"]),
    Breakage(
      file: "courses/ideals.toml", old: "category = \"ideals\"", new: "category = \"ideal\"",
      expected: ["catalog.toml:6:1 W002", "courses/ideals.toml:1:12 C006"]),
    Breakage(
      file: "courses/farming.toml", old: "[\"farm-soil\"]", new: "[\"farm-soils\"]",
      expected: ["courses/farming.toml:10:18 C007"]),
    Breakage(
      file: "courses/farming.toml", old: "summary = \"测土配方施肥。\"",
      new: "summary = \"测土配方施肥。\"\nprerequisites = [\"farm-greenhouse\"]",
      expected: ["courses/farming.toml:3:1 C008"]),
    Breakage(
      file: "courses/farming.toml", old: "hours = 1.5", new: "hours = 200.5",
      expected: ["courses/farming.toml:17:9 C009"]),
    Breakage(
      file: "catalog.toml", old: "id = \"farming\"", new: "id = \"Farming\"",
      expected: ["catalog.toml:12:6 C010"]),
    Breakage(
      file: "rules.toml", old: "start = \"01-01\"", new: "start = \"02-30\"",
      expected: ["rules.toml:2:9 C011"]),
    Breakage(
      file: "catalog.toml", old: "title = \"理想信念\"", new: "title = \"  \"",
      expected: ["catalog.toml:8:9 C012"]),
    Breakage(
      file: "courses/ideals.toml", old: "date = 2026-07-01", new: "date = 2025-07-01",
      expected: ["courses/ideals.toml:13:8 W001"]),
    Breakage(
      file: "rules.toml", old: "min_hours = 32", new: "source = \"规划\"",
      expected: ["rules.toml:4:1 W003"]),
    Breakage(
      file: "courses/ideals.toml", old: "hours = 2", new: "hours = 8.5",
      expected: ["courses/ideals.toml:12:1 W005"]),
    Breakage(
      file: "courses/ideals.toml", old: "date = 2026-07-01",
      new: "date = 2026-07-01\nend_date = 2026-06-30",
      expected: ["courses/ideals.toml:14:12 C011"]),
    Breakage(
      file: "courses/ideals.toml", old: "date = 2026-07-01",
      new: "date = 2026-12-31\nend_date = 2027-01-01",
      expected: ["courses/ideals.toml:14:12 W001"]),
    Breakage(
      file: "courses/ideals.toml", old: "date = 2026-07-01",
      new: "date = 2026-07-01\nend_date = \"2026-07-02\"",
      expected: ["courses/ideals.toml:14:12 C003"]),
    Breakage(
      file: "rules.toml", old: "min_hours = 32", new: "min_hours = 32\nfloating = \"是\"",
      expected: ["rules.toml:8:12 C003"]),
    Breakage(
      file: "courses/farming.toml", old: "form = \"remote\"", new: "form = \"集体培训\"",
      expected: ["courses/farming.toml:19:8 C004"]),
  ]

  @Test(arguments: breakages)
  func eachBreakageGivesItsCodeAtItsPlace(_ breakage: Breakage) throws {
    var fixture = CatalogFixture()
    fixture.replace(breakage.old, with: breakage.new, in: breakage.file)
    let found = try fixture.diagnostics()
    #expect(found == breakage.expected)
  }

  @Test func missingRulesFileIsUnreadable() throws {
    var fixture = CatalogFixture()
    fixture.files["rules.toml"] = nil
    #expect(try fixture.diagnostics() == ["rules.toml:0:0 F001"])
  }

  @Test func noCourseFilesAndIgnoredFiles() throws {
    var fixture = CatalogFixture()
    fixture.files["courses/ideals.toml"] = nil
    fixture.files["courses/farming.toml"] = nil
    fixture.files["courses/readme.txt"] = "not a catalog file"
    let found = try fixture.diagnostics()
    #expect(found == ["courses:0:0 F002", "courses/readme.txt:0:0 W004"])
  }

  @Test func gbkFileIsNamedAsSuch() throws {
    var fixture = CatalogFixture()
    let (_, directory) = try fixture.load()
    // "温室" in GBK after a valid prefix.
    let gbk: [UInt8] = Array("category = \"farming\"\n# ".utf8) + [0xCE, 0xC2, 0xCA, 0xD2]
    try Data(gbk).write(to: URL(fileURLWithPath: directory + "/courses/farming.toml"))
    let result = CatalogLoader(directory: directory).load()
    let diagnostic = try #require(result.diagnostics.first { $0.code == "T001" })
    #expect(diagnostic.location.line == 2)
    #expect(diagnostic.location.column == 3)
    #expect(diagnostic.description.contains("GBK"))
    fixture.files = [:]
  }

  @Test func duplicateMessageNamesBothPlaces() throws {
    var fixture = CatalogFixture()
    fixture.replace("id = \"farm-soil\"", with: "id = \"ideals-oath\"", in: "courses/farming.toml")
    let (result, directory) = try fixture.load()
    let message = try #require(result.diagnostics.first { $0.code == "C005" }).description
    #expect(
      message.hasPrefix(directory + "/courses/ideals.toml:4:6: error[C005]: 课程编号 ideals-oath 重复"))
    #expect(message.hasSuffix("首次定义于 \(directory)/courses/farming.toml:15:6"))
  }
}

/// Messages that must lead a curator to the real mistake, not to a cascade of others.
@Suite struct DiagnosticGuidanceTests {
  func messages(_ fixture: CatalogFixture) throws -> [String] {
    let (result, directory) = try fixture.load()
    return result.diagnostics.map {
      $0.description.replacingOccurrences(of: directory + "/", with: "")
    }
  }

  @Test func brokenCatalogFileDoesNotMakeEveryCategoryUnknown() throws {
    var fixture = CatalogFixture()
    fixture.replace("title = \"测试目录\"", with: "title = \"测试目录", in: "catalog.toml")
    #expect(try fixture.diagnostics() == ["catalog.toml:2:9 T003"])
  }

  @Test func brokenCourseFileDoesNotMakeItsCoursesUnknownPrerequisites() throws {
    var fixture = CatalogFixture()
    fixture.files["courses/soil.toml"] = """
      category = "farming"
      [[course]]
      id = "farm-soil-2"
      title = 土壤
      """
    fixture.replace("[\"farm-soil\"]", with: "[\"farm-soil-2\"]", in: "courses/farming.toml")
    #expect(try fixture.diagnostics() == ["courses/soil.toml:4:9 T002"])
  }

  @Test func invalidCourseIDDoesNotMakePrerequisitesUnknown() throws {
    var fixture = CatalogFixture()
    fixture.replace("id = \"farm-soil\"", with: "id = \"Farm-Soil\"", in: "courses/farming.toml")
    #expect(try fixture.diagnostics() == ["courses/farming.toml:15:6 C010"])
  }

  @Test func wrongFileWideCategoryIsReportedOnce() throws {
    var fixture = CatalogFixture()
    fixture.replace("category = \"farming\"", with: "category = \"农业\"", in: "courses/farming.toml")
    let found = try fixture.diagnostics()
    #expect(found == ["courses/farming.toml:1:12 C010"])
  }

  @Test func keyUnderTheWrongHeaderSaysWhereItBelongs() throws {
    var fixture = CatalogFixture()
    fixture.replace(
      "capacity = 40", with: "capacity = 40\nkeywords = [\"誓词\"]", in: "courses/ideals.toml")
    let message = try #require(try messages(fixture).first)
    #expect(
      message.hasPrefix("courses/ideals.toml:16:1: error[C002]: 字段 keywords 不能写在这里：它属于 [[course]]"))
  }

  @Test func fullWidthPunctuationIsNamed() throws {
    var fixture = CatalogFixture()
    fixture.replace("title = \"理想信念\"", with: "title = “理想信念”", in: "catalog.toml")
    #expect(
      try messages(fixture) == [
        "catalog.toml:8:9: error[T002]: 语法错误：这里用了中文标点「“」，请改用英文半角符号「\"」"
      ])
  }

  @Test func utf16FileIsNamedAsSuch() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "a = 1\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    do {
      _ = try TOMLDocument(bytes: bytes)
      Issue.record("UTF-16 accepted")
    } catch {
      #expect(error.problem == .notUTF8(likelyUTF16: true))
      #expect(error.problem.message.contains("UTF-16"))
    }
  }

  @Test func sessionDateFollowsTheTrainingYearStart() throws {
    var fixture = CatalogFixture()
    fixture.replace("start = \"01-01\"", with: "start = \"09-01\"", in: "rules.toml")
    fixture.replace("date = 2026-07-01", with: "date = 2027-03-01", in: "courses/ideals.toml")
    #expect(try fixture.diagnostics() == [])
    fixture.replace("date = 2027-03-01", with: "date = 2026-08-31", in: "courses/ideals.toml")
    #expect(
      try messages(fixture) == [
        "courses/ideals.toml:13:8: warning[W001]: 课次日期 2026-08-31 不在目录的 2026 培训年度（2026-09-01 至 2027-08-31）内"
      ])
  }
}
