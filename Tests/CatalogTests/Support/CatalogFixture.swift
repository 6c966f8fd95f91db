import Foundation

@testable import Catalog

/// A small valid catalog written to a temporary directory, which a test then breaks in one
/// place to see exactly one diagnostic.
struct CatalogFixture {
  static let catalogFile = """
    [catalog]
    title = "测试目录"
    issuer = "县委组织部"
    year = 2026

    [[category]]
    id = "ideals"
    title = "理想信念"
    order = 1

    [[category]]
    id = "farming"
    title = "农业实用技术"
    order = 2

    """

  static let rulesFile = """
    [year]
    start = "01-01"

    [[requirement]]
    id = "member-annual"
    title = "党员年度学习"
    min_hours = 32

    """

  static let ideasFile = """
    category = "ideals"

    [[course]]
    id = "ideals-oath"
    title = "重温入党誓词"
    hours = 2
    kind = "required"
    form = "onsite"
    summary = "在红色教育基地重温入党誓词。"
    pinyin = "chong wen ru dang shi ci"

    [[course.session]]
    date = 2026-07-01
    place = "红色教育基地"
    capacity = 40

    """

  static let farmingFile = """
    category = "farming"

    [[course]]
    id = "farm-greenhouse"
    title = "日光温室蔬菜栽培技术"
    hours = 4
    kind = "选修"
    form = "现场教学"
    summary = "大棚蔬菜的育苗、定植和病虫害防治。"
    prerequisites = ["farm-soil"]
    audience = ["rural"]
    season = ["winter"]

    [[course]]
    id = "farm-soil"
    title = "土壤改良基础"
    hours = 1.5
    kind = "elective"
    form = "remote"
    summary = "测土配方施肥。"

    """

  var files: [String: String] = [
    "catalog.toml": catalogFile,
    "rules.toml": rulesFile,
    "courses/ideals.toml": ideasFile,
    "courses/farming.toml": farmingFile,
  ]

  /// Replaces the first occurrence of `old` in `file`; the test fails loudly if it is absent.
  mutating func replace(_ old: String, with new: String, in file: String) {
    guard let text = files[file], let range = text.range(of: old) else {
      preconditionFailure("fixture has no \(old) in \(file)")
    }
    files[file] = text.replacingCharacters(in: range, with: new)
  }

  /// Writes the files to a new temporary directory and loads it.
  func load(rulesPath: String? = nil) throws -> (CatalogLoadResult, directory: String) {
    let directory = FixtureDirectories.root + "/catalog-\(UUID().uuidString)"
    for (name, text) in files {
      let path = directory + "/" + name
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
    return (CatalogLoader(directory: directory, rulesPath: rulesPath).load(), directory)
  }

  /// The diagnostics as `file:line:col CODE`, with the temporary directory stripped.
  func diagnostics() throws -> [String] {
    let (result, directory) = try load()
    return result.diagnostics.map { diagnostic in
      let path = diagnostic.location.path.replacingOccurrences(of: directory + "/", with: "")
      return "\(path):\(diagnostic.location.line):\(diagnostic.location.column) \(diagnostic.code)"
    }
  }
}

/// Where the fixtures' catalogs are written: one directory per test process, removed when the
/// process exits (a test may read its catalog's files after `load`, so none is removed
/// earlier; before this, every run left some 130 directories in /tmp).
enum FixtureDirectories {
  static let root: String = {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("catalog-fixtures-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: FixtureDirectories.root) }
    return path
  }()
}
