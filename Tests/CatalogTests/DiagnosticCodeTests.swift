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
      expected: ["catalog.toml:12:6 C010", "courses/farming.toml:1:12 C006"]),
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

  @Test func noCourseFiles() throws {
    var fixture = CatalogFixture()
    fixture.files["courses/ideals.toml"] = nil
    fixture.files["courses/farming.toml"] = nil
    fixture.files["courses/readme.txt"] = "not a catalog file"
    let found = try fixture.diagnostics()
    #expect(found == ["courses:0:0 F002"])
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
