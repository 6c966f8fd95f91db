import Foundation
import Testing

@testable import Catalog

@Suite struct CatalogLoaderTests {
  @Test func fixtureIsValidAndOrdered() throws {
    let (result, _) = try CatalogFixture().load()
    #expect(result.diagnostics.isEmpty)
    let catalog = try #require(result.catalog)
    #expect(catalog.categories.map(\.id) == ["ideals", "farming"])
    #expect(catalog.courses(inCategory: "farming").map(\.id) == ["farm-greenhouse", "farm-soil"])
    let greenhouse = try #require(catalog.course(id: "farm-greenhouse"))
    #expect(greenhouse.kind == .elective)
    #expect(greenhouse.form == .onsite)
    #expect(greenhouse.audience == [.rural])
    #expect(greenhouse.location.line == 3)
    #expect(catalog.course(id: "ideals-oath")?.sessions.first?.date.description == "2026-07-01")
    #expect(catalog.totalHours(inCategory: "farming").description == "5.5")
    #expect(catalog.rules.requirements.map(\.minHours) == [StudyHours(32)])
  }

  @Test func shippedCatalogHasNoDiagnostics() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    for rules in [nil, root.path + "/data/rules-quanzhou-2010.toml"] {
      let result = CatalogLoader(directory: root.path + "/data", rulesPath: rules).load()
      #expect(result.diagnostics.map(\.description) == [])
      let catalog = try #require(result.catalog)
      #expect(catalog.courses.count >= 60)
      let titles = Set(catalog.categories.map(\.title))
      #expect(titles.isSuperset(of: ["理想信念", "党章党规党纪", "专业技能", "农业实用技术"]))
      #expect(Set(catalog.courses.map(\.form)) == Set(CourseForm.allCases))
    }
  }

  @Test func missingDirectoryIsAnInputOutputProblem() {
    let result = CatalogLoader(directory: "/nonexistent/catalog").load()
    #expect(result.diagnostics.map(\.code) == ["F001"])
    #expect(result.diagnostics[0].problem.isInputOutput)
    #expect(result.catalog == nil)
  }

  @Test func everyDiagnosticIsCollectedAcrossFiles() throws {
    var fixture = CatalogFixture()
    fixture.replace("hours = 2", with: "hours = 0", in: "courses/ideals.toml")
    fixture.replace("form = \"remote\"", with: "form = \"广播\"", in: "courses/farming.toml")
    fixture.replace("issuer = ", with: "isuer = ", in: "catalog.toml")
    let found = try fixture.diagnostics()
    #expect(
      found == [
        "catalog.toml:1:1 C001", "catalog.toml:3:1 C002", "courses/farming.toml:19:8 C004",
        "courses/ideals.toml:6:9 C009",
      ])
  }

  @Test func syntaxErrorInOneFileDoesNotHideOthers() throws {
    var fixture = CatalogFixture()
    fixture.replace("title = \"土壤改良基础\"", with: "title = \"土壤改良基础", in: "courses/farming.toml")
    fixture.replace("hours = 2", with: "hours = \"2\"", in: "courses/ideals.toml")
    let found = try fixture.diagnostics()
    #expect(
      found == [
        "courses/farming.toml:16:9 T003", "courses/ideals.toml:6:9 C003",
      ]
    )
  }
}

/// `end_date`, the hours-per-day warning, `floating` and the forms 集体学习 and 网络培训.
@Suite struct CatalogFieldTests {
  @Test func aSessionOverSeveralDaysHasItsSpan() throws {
    var fixture = CatalogFixture()
    fixture.replace("hours = 2", with: "hours = 24", in: "courses/ideals.toml")
    fixture.replace(
      "date = 2026-07-01", with: "date = 2026-07-01\nend_date = 2026-07-03",
      in: "courses/ideals.toml")
    let (result, _) = try fixture.load()
    #expect(result.diagnostics.isEmpty)
    let oath = try #require(result.catalog?.course(id: "ideals-oath"))
    let session = try #require(oath.sessions.first)
    #expect(session.endDate == day("2026-07-03"))
    #expect(session.lastDay == day("2026-07-03"))
    #expect(session.dayCount == 3)
    #expect(oath.session(startingOn: day("2026-07-01")) == session)
    #expect(oath.session(startingOn: day("2026-07-02")) == nil)
  }

  @Test func moreThanEightHoursADayIsWarnedAtTheSession() throws {
    var fixture = CatalogFixture()
    fixture.replace("hours = 2", with: "hours = 24", in: "courses/ideals.toml")
    fixture.replace(
      "date = 2026-07-01", with: "date = 2026-07-01\nend_date = 2026-07-02",
      in: "courses/ideals.toml")
    let (result, directory) = try fixture.load()
    #expect(
      result.diagnostics.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }
        == [
          "courses/ideals.toml:12:1: warning[W005]: 课程 ideals-oath 共 24 学时，从 2026-07-01 开始的课次只安排了 2 天，每天超过 8 学时：连续多天的课次请用 end_date 写明最后一天，或核对学时"
        ])
    // A warning: the catalog still loads.
    #expect(result.catalog != nil)
    // Exactly 8 a day is fine; a one-day session keeps its date as its last day.
    fixture.replace("hours = 24", with: "hours = 16", in: "courses/ideals.toml")
    #expect(try fixture.diagnostics() == [])
  }

  @Test func floatingOnARequirement() throws {
    var fixture = CatalogFixture()
    fixture.files["rules.toml"] =
      CatalogFixture.rulesFile + """

        [[requirement]]
        id = "floating"
        title = "流动党员"
        floating = true
        min_hours = 16

        [[requirement]]
        id = "settled"
        title = "非流动党员"
        floating = false
        min_hours = 16

        """
    let (result, _) = try fixture.load()
    #expect(result.diagnostics.isEmpty)
    let requirements = try #require(result.catalog?.rules.requirements)
    #expect(requirements.map(\.floating) == [nil, true, false])
  }

  @Test func groupAndOnlineByIdentifierOrLabel() throws {
    var fixture = CatalogFixture()
    fixture.replace("form = \"onsite\"", with: "form = \"集体学习\"", in: "courses/ideals.toml")
    fixture.replace("form = \"remote\"", with: "form = \"online\"", in: "courses/farming.toml")
    fixture.replace(
      "min_hours = 32", with: "min_hours = 32\nforms = [\"group\", \"网络培训\"]", in: "rules.toml")
    let (result, _) = try fixture.load()
    #expect(result.diagnostics.isEmpty)
    let catalog = try #require(result.catalog)
    #expect(catalog.course(id: "ideals-oath")?.form == .group)
    #expect(catalog.course(id: "farm-soil")?.form == .online)
    #expect(catalog.rules.requirements.first?.forms == [.group, .online])
    #expect(CourseForm.group.label == "集体学习")
    #expect(CourseForm.online.label == "网络培训")
  }
}

@Suite struct BlankTextTests {
  @Test func blankMeansOnlySpacesOfAnyKind() {
    #expect("".isBlank)
    #expect(" \t".isBlank)
    #expect("\u{3000}\u{3000}".isBlank)
    #expect(!"温室".isBlank)
    #expect(!" a".isBlank)
    #expect(!"\u{3000}党".isBlank)
    #expect(!"é".isBlank)
  }
}
