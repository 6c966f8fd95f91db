import Catalog
import Foundation
import Testing

@testable import tui

/// What the member UI serves at start: the compiled image when it is fresh, the TOML files
/// when it is not (a damaged image included), the last good copy when the catalog breaks.
@Suite struct MemberCatalogTests {
  struct Place {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "member-catalog-\(UUID().uuidString)"
    ).path
    var catalog: String { root + "/catalog" }
    var records: String { root + "/records/records.sqlite" }
    var images: CatalogImageStore { CatalogImageStore(directories: [root + "/cache"]) }
    var loader: CatalogLoader { CatalogLoader(directory: catalog) }
    let today = LocalDate(year: 2026, month: 3, day: 1)

    static let files = [
      "catalog.toml": """
      [catalog]
      title = "测试目录"
      issuer = "县委组织部"
      year = 2026

      [[category]]
      id = "farming"
      title = "农业实用技术"

      """,
      "rules.toml": "[[requirement]]\nid = \"annual\"\ntitle = \"年度学习\"\nmin_hours = 32\n",
      "courses/farming.toml": """
      category = "farming"

      [[course]]
      id = "farm-soil"
      title = "土壤改良基础"
      hours = 2
      kind = "elective"
      form = "remote"
      summary = "测土配方施肥。"

      """,
    ]

    init() throws {
      for (name, text) in Self.files { try write(name, text) }
      try Self.age(catalog)
      try FileManager.default.createDirectory(
        atPath: root + "/records", withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
      let path = catalog + "/" + name
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Dates every file under `directory` an hour back, as files published earlier are.
    static func age(_ directory: String) throws {
      let enumerator = FileManager.default.enumerator(atPath: directory)
      while let name = enumerator?.nextObject() as? String {
        try FileManager.default.setAttributes(
          [.modificationDate: Date(timeIntervalSinceNow: -3600)],
          ofItemAtPath: directory + "/" + name)
      }
    }

    func serve() throws -> MemberCatalog {
      try MemberCatalog.load(loader, recordsPath: records, today: today, images: images)
    }

    var lastGood: LastGoodCatalog {
      LastGoodCatalog(recordsPath: records, catalogDirectory: catalog, rulesPath: nil)
    }

    func imageFiles() -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: root + "/cache")) ?? []).sorted()
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
  }

  @Test func aFreshImageIsServedAndADamagedOneGivesWayToTheFiles() throws {
    let place = try Place()
    defer { place.remove() }
    let first = try place.serve()
    #expect(first.servedFrom == nil && first.catalog.courses.isFromImage)
    #expect(place.imageFiles().count == 1)
    let second = try place.serve()
    #expect(second.catalog.courses.isFromImage)
    #expect(second.catalog.course(id: "farm-soil")?.title == "土壤改良基础")
    // Cut in half: the start reads the TOML files, serves them, and writes a whole image.
    let image = place.root + "/cache/" + place.imageFiles()[0]
    let bytes = try Data(contentsOf: URL(fileURLWithPath: image))
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: image))
    #expect(place.images.open(for: place.loader) == nil)
    let third = try place.serve()
    #expect(third.servedFrom == nil && third.catalog.course(id: "farm-soil") != nil)
    #expect(place.images.open(for: place.loader) != nil)
  }

  @Test func aBrokenCatalogServesTheLastGoodCopyThroughAnImageOfItsOwn() throws {
    let place = try Place()
    defer { place.remove() }
    _ = try place.serve()
    try place.write(
      "courses/farming.toml",
      Place.files["courses/farming.toml"]!.replacingOccurrences(of: "hours = 2", with: "hours = 0"))
    try Place.age(place.catalog)
    let broken = try place.serve()
    #expect(broken.servedFrom == place.today)
    #expect(broken.catalog.course(id: "farm-soil")?.hours == StudyHours(2))
    // The copy was written just now; once its files have settled, it is compiled too, and
    // the next start reads it from its image.
    let copy = try FileManager.default.destinationOfSymbolicLink(atPath: place.lastGood.path)
    try Place.age(place.root + "/records/catalog-last-good/" + copy)
    _ = try place.serve()
    let again = try place.serve()
    #expect(again.servedFrom == place.today && again.catalog.courses.isFromImage)
    #expect(place.imageFiles().count == 2)
  }

  @Test func aLastGoodCopyRemovedByHandIsMadeAgainDespiteAFreshImage() throws {
    let place = try Place()
    defer { place.remove() }
    _ = try place.serve()
    #expect(place.lastGood.exists)
    try FileManager.default.removeItem(atPath: place.root + "/records/catalog-last-good")
    #expect(!place.lastGood.exists)
    let served = try place.serve()
    #expect(served.servedFrom == nil)
    #expect(place.lastGood.exists)
  }
}
