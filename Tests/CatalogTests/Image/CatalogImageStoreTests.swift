import Dispatch
import Foundation
import Testing

@testable import Catalog

/// Images on disk: written after a clean load, used only while every file they were built
/// from is as it was, ignored when damaged, written whole even by several processes at once.
@Suite struct CatalogImageStoreTests {
  /// A catalog directory (the fixture, plus an online course whose lesson is a file), its
  /// files dated an hour back, and a store of two directories in a temporary place.
  struct Place {
    let root: String
    var directory: String { root + "/catalog" }
    let store: CatalogImageStore
    var loader: CatalogLoader { CatalogLoader(directory: directory) }

    init() throws {
      root =
        FileManager.default.temporaryDirectory.appendingPathComponent(
          "image-\(UUID().uuidString)"
        ).path
      store = CatalogImageStore(directories: [root + "/cache", root + "/records/catalog-image"])
      var fixture = CatalogFixture()
      fixture.files["courses/online.toml"] = Self.onlineFile
      fixture.files["lessons/one.txt"] = "学时制度的第一页。\n"
      for (name, text) in fixture.files { try write(name, text) }
      try age()
    }

    static let onlineFile = """
      category = "ideals"

      [[course]]
      id = "online-rules"
      title = "学时制度"
      hours = 1
      kind = "elective"
      form = "online"
      summary = "学习学时制度。"

      [[course.lesson]]
      title = "第一页"
      file = "lessons/one.txt"

      """

    func write(_ name: String, _ text: String) throws {
      let path = directory + "/" + name
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Dates every file of the catalog an hour back, as files published earlier are.
    func age(_ seconds: TimeInterval = 3600) throws {
      let enumerator = FileManager.default.enumerator(atPath: directory)
      while let name = enumerator?.nextObject() as? String {
        try FileManager.default.setAttributes(
          [.modificationDate: Date(timeIntervalSinceNow: -seconds)],
          ofItemAtPath: directory + "/" + name)
      }
    }

    func load() -> CatalogLoadResult { loader.load() }

    /// Loads, writes the image, and says where.
    func compile() throws -> String {
      let result = load()
      #expect(result.catalog != nil, "\(result.diagnostics)")
      return try #require(store.save(result, for: loader))
    }

    func images(in folder: String) -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []).sorted()
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
  }

  @Test func aCleanLoadIsCompiledAndTheNextStartReadsIt() throws {
    let place = try Place()
    defer { place.remove() }
    #expect(place.store.open(for: place.loader) == nil)
    let path = try place.compile()
    #expect(path.hasPrefix(place.root + "/cache/catalog-") && path.hasSuffix(".image"))
    let read = try #require(place.store.open(for: place.loader))
    CatalogImageTests.expectSame(read, try #require(place.load().catalog))
    #expect(read.course(id: "online-rules")?.lessons.first?.text == "学时制度的第一页。\n")
  }

  /// One change to the files, and whether the catalog still loads after it.
  enum Change: String, CaseIterable, Sendable {
    case editedSameSizeSameTime, edited, touched, courseFileAdded, courseFileRemoved
    case otherFileAddedToCourses, lessonEdited, rulesEdited, catalogReplacedByRename
    case fileAddedBesideCatalog
  }

  func apply(_ change: Change, to place: Place) throws {
    let farming = place.directory + "/courses/farming.toml"
    switch change {
    case .editedSameSizeSameTime:
      // Same length, and the old modification time put back: only the inode's change time
      // tells.
      let before = try FileManager.default.attributesOfItem(atPath: farming)
      var text = try String(contentsOfFile: farming, encoding: .utf8)
      text = text.replacingOccurrences(of: "hours = 4", with: "hours = 5")
      try Data(text.utf8).write(to: URL(fileURLWithPath: farming))
      try FileManager.default.setAttributes(
        [.modificationDate: before[.modificationDate]!], ofItemAtPath: farming)
      #expect(
        try FileManager.default.attributesOfItem(atPath: farming)[.size] as? Int == before[.size]
          as? Int)
    case .edited:
      try place.write(
        "courses/farming.toml",
        CatalogFixture.farmingFile.replacingOccurrences(of: "测土配方施肥。", with: "测土配方施肥，秸秆还田。"))
    case .touched:
      try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: farming)
    case .courseFileAdded:
      try place.write("courses/more.toml", "category = \"farming\"\n")
    case .courseFileRemoved:
      try FileManager.default.removeItem(atPath: place.directory + "/courses/online.toml")
    case .otherFileAddedToCourses:
      try place.write("courses/notes.txt", "备注\n")
    case .fileAddedBesideCatalog:
      // As an optional file (evaluation.toml, survey.toml) published after the image was made.
      try place.write("evaluation.toml", "")
    case .lessonEdited:
      try place.write("lessons/one.txt", "学时制度的第一页，改过。\n")
    case .rulesEdited:
      try place.write(
        "rules.toml",
        CatalogFixture.rulesFile.replacingOccurrences(of: "min_hours = 32", with: "min_hours = 24"))
    case .catalogReplacedByRename:
      let text = try String(contentsOfFile: place.directory + "/catalog.toml", encoding: .utf8)
      try place.write("catalog.toml.new", text)
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSinceNow: -3600)],
        ofItemAtPath: place.directory + "/catalog.toml.new")
      _ = rename(place.directory + "/catalog.toml.new", place.directory + "/catalog.toml")
    }
  }

  @Test(arguments: Change.allCases)
  func aStaleImageIsNeverUsed(_ change: Change) throws {
    let place = try Place()
    defer { place.remove() }
    _ = try place.compile()
    #expect(place.store.open(for: place.loader) != nil)
    try apply(change, to: place)
    #expect(place.store.open(for: place.loader) == nil, "used after \(change)")
    // Once the files have settled, the next clean load compiles what they say now.
    try place.age()
    let result = place.load()
    if let loaded = result.catalog {
      #expect(place.store.save(result, for: place.loader) != nil)
      let read = try #require(place.store.open(for: place.loader))
      CatalogImageTests.expectSame(read, loaded)
    }
  }

  @Test func filesChangedAMomentAgoAreNotCompiled() throws {
    let place = try Place()
    defer { place.remove() }
    try place.age(0)
    #expect(place.store.save(place.load(), for: place.loader) == nil)
    #expect(place.images(in: "cache").isEmpty)
  }

  @Test func aCatalogWithErrorsGetsNoImage() throws {
    let place = try Place()
    defer { place.remove() }
    try place.write("courses/broken.toml", "[[course]]\nid = \n")
    try place.age()
    let result = place.load()
    #expect(result.catalog == nil)
    #expect(place.store.save(result, for: place.loader) == nil)
    #expect(place.store.serve(result, for: place.loader) == nil)
    #expect(place.images(in: "cache").isEmpty)
  }

  @Test func aDamagedImageFileIsIgnoredAndReplacedByTheNextLoad() throws {
    let place = try Place()
    defer { place.remove() }
    let path = try place.compile()
    let good = try Data(contentsOf: URL(fileURLWithPath: path))
    let damages: [Data] = [
      good.prefix(good.count / 2), Data(), good + Data([0]),
      {
        var bytes = good
        bytes[bytes.count - 10] ^= 0xFF
        return bytes
      }(),
      Data(repeating: 0x41, count: 4096),
    ]
    for damaged in damages {
      try damaged.write(to: URL(fileURLWithPath: path))
      #expect(place.store.open(for: place.loader) == nil)
      // The start falls back to the TOML files, and writes a good image again.
      let served = try #require(place.store.serve(place.load(), for: place.loader))
      #expect(served.courses.isFromImage)
      #expect(place.store.open(for: place.loader) != nil)
    }
  }

  @Test func writersAtOnceLeaveOneWholeImage() throws {
    let place = try Place()
    defer { place.remove() }
    let result = place.load()
    let store = place.store
    let loader = place.loader
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      #expect(store.save(result, for: loader) != nil)
    }
    let files = place.images(in: "cache")
    #expect(files.count == 1 && files[0].hasSuffix(".image"), "\(files)")
    #expect(place.store.open(for: place.loader) != nil)
  }

  @Test func aCacheThatCannotBeWrittenSendsTheImageBesideTheRecords() throws {
    let place = try Place()
    defer { place.remove() }
    // The cache's place is taken by a file: no directory can be made there.
    try Data().write(to: URL(fileURLWithPath: place.root + "/cache"))
    let path = try place.compile()
    #expect(path.hasPrefix(place.root + "/records/catalog-image/"))
    #expect(place.store.open(for: place.loader) != nil)
  }

  @Test func theDirectoriesComeFromTheEnvironmentAndTheRecords() {
    func directories(_ environment: [String: String], records: String?) -> [String] {
      CatalogImageStore(recordsPath: records, environment: { environment[$0] }).directories
    }
    #expect(
      directories(["XDG_CACHE_HOME": "/c", "HOME": "/h"], records: "/var/lib/cm/records.sqlite")
        == ["/c/course-menu", "/var/lib/cm/catalog-image"])
    #expect(directories(["HOME": "/h"], records: nil) == ["/h/.cache/course-menu"])
    // A service: no home, or the root directory, or a relative cache.
    #expect(
      directories(["HOME": "/"], records: "/var/lib/cm/r.sqlite") == ["/var/lib/cm/catalog-image"])
    #expect(directories(["XDG_CACHE_HOME": "cache"], records: "r.sqlite") == ["./catalog-image"])
  }

  @Test func anotherRulesFileIsAnotherImage() throws {
    let place = try Place()
    defer { place.remove() }
    try place.write("other-rules.toml", CatalogFixture.rulesFile)
    try place.age()
    _ = try place.compile()
    let other = CatalogLoader(
      directory: place.directory, rulesPath: place.directory + "/other-rules.toml")
    #expect(place.store.open(for: other) == nil)
    #expect(place.store.save(other.load(), for: other) != nil)
    #expect(place.images(in: "cache").count == 2)
    #expect(place.store.open(for: other)?.rules.path == place.directory + "/other-rules.toml")
  }
}
