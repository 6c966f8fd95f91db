import Foundation
import Testing

@testable import Catalog

/// A curator's mistake made the UI refuse to start (a type error) or start with a file's
/// courses silently gone: the last catalog that loaded without errors is kept beside the
/// records and served instead.
@Suite struct LastGoodCatalogTests {
  func loading(_ directory: String) -> CatalogLoadResult {
    var loader = CatalogLoader(directory: directory)
    loader.keepsSources = true
    return loader.load()
  }

  @Test func aGoodLoadIsKeptAndServedWhenTheCatalogBreaks() throws {
    var fixture = CatalogFixture()
    let (_, directory) = try fixture.load()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let records = directory + "/records/records.sqlite"
    let lastGood = LastGoodCatalog(
      recordsPath: records, catalogDirectory: directory, rulesPath: nil)
    #expect(lastGood.load() == nil)
    let good = loading(directory)
    #expect(
      good.sources.map(\.name).sorted() == [
        "catalog.toml", "courses/farming.toml", "courses/ideals.toml", "rules.toml",
      ])
    try lastGood.save(good, today: day("2026-03-01"))
    #expect(lastGood.path.hasPrefix(directory + "/records/catalog-last-good/"))
    // The curator breaks a course (hours = "2") and zeroes another (hours = 0).
    fixture.replace("hours = 4", with: "hours = \"4\"", in: "courses/farming.toml")
    fixture.replace("hours = 2", with: "hours = 0", in: "courses/ideals.toml")
    for (name, text) in fixture.files {
      try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
    }
    let broken = loading(directory)
    #expect(broken.catalog == nil)
    try lastGood.save(broken, today: day("2026-03-02"))  // not kept
    let served = try #require(lastGood.load())
    #expect(served.saved == day("2026-03-01"))
    #expect(served.catalog.courses.count == good.catalog?.courses.count)
    #expect(served.catalog.courses.map(\.id) == good.catalog?.courses.map(\.id))
  }

  @Test func theSameFilesAreNotWrittenAgainAndNewOnesReplaceThemAtOnce() throws {
    var fixture = CatalogFixture()
    let (_, directory) = try fixture.load()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let lastGood = LastGoodCatalog(
      recordsPath: directory + "/records.sqlite", catalogDirectory: directory, rulesPath: nil)
    try lastGood.save(loading(directory), today: day("2026-03-01"))
    let first = try FileManager.default.destinationOfSymbolicLink(atPath: lastGood.path)
    try lastGood.save(loading(directory), today: day("2026-03-05"))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: lastGood.path) == first)
    #expect(lastGood.load()?.saved == day("2026-03-01"))
    fixture.replace("title = \"土壤改良基础\"", with: "title = \"土壤改良\"", in: "courses/farming.toml")
    try Data(fixture.files["courses/farming.toml"]!.utf8).write(
      to: URL(fileURLWithPath: directory + "/courses/farming.toml"))
    try lastGood.save(loading(directory), today: day("2026-03-06"))
    #expect(lastGood.load()?.saved == day("2026-03-06"))
    #expect(lastGood.load()?.catalog.course(id: "farm-soil")?.title == "土壤改良")
    // The old copy is gone: one link and one directory.
    let base = (lastGood.path as NSString).deletingLastPathComponent
    #expect(try FileManager.default.contentsOfDirectory(atPath: base).count == 2)
  }

  @Test func eachCatalogDirectoryHasItsOwnCopy() {
    let a = LastGoodCatalog(
      recordsPath: "/r/records.sqlite", catalogDirectory: "/a", rulesPath: nil)
    let b = LastGoodCatalog(
      recordsPath: "/r/records.sqlite", catalogDirectory: "/b", rulesPath: nil)
    let rules = LastGoodCatalog(
      recordsPath: "/r/records.sqlite", catalogDirectory: "/a", rulesPath: "/a/other.toml")
    #expect(Set([a.path, b.path, rules.path]).count == 3)
  }
}
