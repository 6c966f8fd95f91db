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
