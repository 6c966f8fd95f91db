import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The last catalog that loaded without errors, kept by the program beside its records.
///
/// A curator's mistake published at night must not close every kiosk the next morning: when
/// the catalog has errors, the member UI serves this copy instead (and says so to the
/// administrators), until the catalog is fixed. Each start whose catalog loads with no errors
/// updates it, only when the files changed. `check` never uses it.
///
/// It lives in `catalog-last-good/` in the records' directory, one copy per catalog directory
/// (and rules file) served from it: `KEY` is a symbolic link to the copy's directory, swapped
/// in one rename, so a reader never sees half a copy.
public struct LastGoodCatalog: Sendable {
  /// Where the copy of this catalog lives (a symbolic link to a directory).
  public let path: String

  public init(recordsPath: String, catalogDirectory: String, rulesPath: String?) {
    let identity = Self.absolute(catalogDirectory) + "\n" + Self.absolute(rulesPath ?? "")
    path = Self.folder(of: recordsPath) + "/catalog-last-good/" + KeyDigest.name(of: identity)
  }

  /// The directory a path is in (`.` for a bare name), without Foundation.
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `saved.toml` in the copy: the day it was saved and the digest of its files.
  static let stampFile = "saved.toml"

  /// The copy, when there is one that loads without errors, and the day it was saved; read
  /// from its compiled image when `images` has a fresh one (and compiled when not).
  public func load(images: CatalogImageStore? = nil) -> (catalog: Catalog, saved: LocalDate)? {
    guard let stamp = readStamp() else { return nil }
    let loader = CatalogLoader(directory: path)
    if let catalog = images?.open(for: loader) { return (catalog, stamp.saved) }
    let result = loader.load()
    guard let catalog = images?.serve(result, for: loader) ?? result.catalog else { return nil }
    return (catalog, stamp.saved)
  }

  /// Whether a copy has been kept (its stamp file is there).
  public var exists: Bool { FileSystem.exists(path + "/" + Self.stampFile) }

  /// Keeps the files of a catalog that loaded without errors (`CatalogLoader.keepsSources`);
  /// does nothing when the copy already holds the same files. Throws when it cannot write.
  public func save(_ result: CatalogLoadResult, today: LocalDate) throws {
    guard result.catalog != nil, !result.diagnostics.hasErrors, !result.sources.isEmpty else {
      return
    }
    let digest = Self.digest(result.sources)
    if readStamp()?.digest == digest { return }
    let previousMask = umask(0o002)
    defer { umask(previousMask) }
    let manager = FileManager.default
    let base = (path as NSString).deletingLastPathComponent
    try manager.createDirectory(atPath: base, withIntermediateDirectories: true)
    let copy = path + ".\(getpid())-\(UInt32.random(in: .min ... .max))"
    do {
      try manager.createDirectory(
        atPath: copy + "/" + CatalogSource.coursesDirectory, withIntermediateDirectories: true)
      for source in result.sources {
        // Lesson files may stand in folders of their own (`lessons/…`).
        let folder = (source.name as NSString).deletingLastPathComponent
        if !folder.isEmpty {
          try manager.createDirectory(
            atPath: copy + "/" + folder, withIntermediateDirectories: true)
        }
        try Data(source.bytes).write(to: URL(fileURLWithPath: copy + "/" + source.name))
      }
      try Data("saved = \(today)\ndigest = \"\(digest)\"\n".utf8)
        .write(to: URL(fileURLWithPath: copy + "/" + Self.stampFile))
      // Swap the link in one rename, then remove the copy it pointed to.
      let previous = try? manager.destinationOfSymbolicLink(atPath: path)
      let link = copy + ".link"
      try manager.createSymbolicLink(atPath: link, withDestinationPath: copy.lastComponent)
      guard rename(link, path) == 0 else {
        try? manager.removeItem(atPath: link)
        throw CocoaError(.fileWriteUnknown)
      }
      if let previous { try? manager.removeItem(atPath: base + "/" + previous) }
    } catch {
      try? manager.removeItem(atPath: copy)
      throw error
    }
  }

  private func readStamp() -> (saved: LocalDate, digest: String)? {
    guard case .success(let bytes) = FileSystem.readFile(path + "/" + Self.stampFile),
      let root = try? TOMLDocument(bytes: bytes).root,
      case .dateTime(let saved)? = root["saved"]?.kind, let day = saved.date,
      case .string(let digest)? = root["digest"]?.kind
    else { return nil }
    return (day, digest)
  }

  static func digest(_ sources: [CatalogSource]) -> String {
    var hash = SHA256()
    for source in sources.sorted(by: { $0.name < $1.name }) {
      hash.update(data: Data(source.name.utf8))
      hash.update(data: Data([0]))
      hash.update(data: Data(String(source.bytes.count).utf8))
      hash.update(data: Data([0]))
      hash.update(data: Data(source.bytes))
    }
    return KeyDigest.hex(hash.finalize())
  }

  private static func absolute(_ path: String) -> String {
    guard !path.isEmpty else { return path }
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    return path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  }
}
