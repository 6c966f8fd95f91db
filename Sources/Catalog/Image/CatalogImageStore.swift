#if canImport(Glibc)
  import Glibc
#endif

/// Where compiled catalogs live, and the two things done with them: open a fresh one instead
/// of parsing the TOML files, and write one after a load with no errors.
///
/// Images are kept in the user's cache (`$XDG_CACHE_HOME/course-menu/`, else
/// `~/.cache/course-menu/`), or, for a service whose home cannot be written, beside the records
/// (`catalog-image/` in the database's directory); one file per catalog directory and rules
/// file, `catalog-HASH.image`. Every session of the machine maps the same file, so the pages
/// of the catalog and of its search index are in memory once.
///
/// An image is used only when it was written by this very program (`ProgramIdentity`), passes
/// every check (`CatalogImage`) and every file it was built from still has the stamp it had
/// (`CatalogInputs`); anything else is ignored and replaced by the next clean load. A catalog
/// with errors never gets an image, so an image is never a fallback: when the catalog breaks,
/// the last good catalog (`LastGoodCatalog`, kept as TOML beside the records) is served, and
/// that copy, a catalog directory too, gets an image of its own.
public struct CatalogImageStore: Sendable {
  /// Where images are looked for and written, in order.
  public let directories: [String]

  public init(directories: [String]) {
    self.directories = directories
  }

  /// The directories for this process: the cache under `XDG_CACHE_HOME` or `HOME`, then
  /// beside the records (when there are records; the demo keeps none).
  public init(recordsPath: String?, environment: (String) -> String? = Self.environment) {
    var directories: [String] = []
    if let cache = environment("XDG_CACHE_HOME"), cache.hasPrefix("/") {
      directories.append(cache + "/course-menu")
    } else if let home = environment("HOME"), home.hasPrefix("/"), home != "/" {
      directories.append(home + "/.cache/course-menu")
    }
    if let recordsPath {
      directories.append(LastGoodCatalog.folder(of: recordsPath) + "/catalog-image")
    }
    self.init(directories: directories)
  }

  public static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// The catalog `loader` would load, from a fresh image of it; nil when there is none.
  public func open(for loader: CatalogLoader) -> Catalog? {
    let identity = Self.identity(of: loader)
    for path in paths(for: identity) {
      guard let region = ImageRegion.map(path),
        let image = try? CatalogImage(region, program: ProgramIdentity.current)
      else { continue }
      let key = image.key()
      guard key.identity == identity, key.inputs.areUnchanged() else { continue }
      return image.catalog()
    }
    return nil
  }

  /// Writes an image of `result`, loaded by `loader`, when it has no errors and none of its
  /// files changed in the last seconds (`CatalogInputs.changedRecently`); into the first
  /// directory that takes it. Returns the image's path, nil when none was written. Never
  /// throws: an image is only a way to start faster.
  @discardableResult
  public func save(_ result: CatalogLoadResult, for loader: CatalogLoader) -> String? {
    guard let catalog = result.catalog, !result.diagnostics.hasErrors,
      !result.inputs.files.isEmpty, !result.inputs.changedRecently(now: Int64(time(nil)))
    else { return nil }
    let identity = Self.identity(of: loader)
    let bytes = ImageEncoder.encode(
      catalog, search: SearchIndex(catalog: catalog).tables,
      key: ImageKey(identity: identity, inputs: result.inputs), program: ProgramIdentity.current)
    for path in paths(for: identity) where ImageFile.write(bytes, to: path) {
      return path
    }
    return nil
  }

  /// What to serve after a clean load: the catalog read back from the image just written,
  /// so that this session too holds no decoded copy of it; `result.catalog` when no image
  /// could be written (nil when the load had errors).
  public func serve(_ result: CatalogLoadResult, for loader: CatalogLoader) -> Catalog? {
    guard let catalog = result.catalog else { return nil }
    guard save(result, for: loader) != nil else { return catalog }
    return open(for: loader) ?? catalog
  }

  /// Where the image of the catalog `identity` names would be, in each directory.
  func paths(for identity: String) -> [String] {
    let name = "catalog-" + KeyDigest.name(of: identity) + ".image"
    return directories.map { $0 + "/" + name }
  }

  /// The catalog directory and the rules file, each as given and made absolute (without
  /// resolving links, so that the last good catalog's link, swapped in place, keeps its name).
  static func identity(of loader: CatalogLoader) -> String {
    let rules = loader.rulesPath ?? join(loader.directory, CatalogSource.rulesFile)
    return loader.directory + "\n" + absolute(loader.directory) + "\n" + rules + "\n"
      + absolute(rules)
  }

  static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    guard let directory = getcwd(nil, 0) else { return path }
    defer { free(directory) }
    return join(String(cString: directory), path)
  }
}

/// Writing an image file whole or not at all.
enum ImageFile {
  /// Writes `bytes` to a new temporary file beside `path`, flushes it to the disk, renames it
  /// over `path` and flushes the directory: a reader sees the old image or the new one,
  /// never a part. Two processes writing at once each rename a whole file; the last one stays.
  /// False when the directory cannot be made or written.
  static func write(_ bytes: [UInt8], to path: String) -> Bool {
    guard let slash = path.lastIndex(of: "/") else { return false }
    let directory = String(path[..<slash])
    // Group-writable where the records are shared by a group (several accounts, one kiosk
    // service): any of them may replace a stale image.
    let previousMask = umask(0o002)
    defer { umask(previousMask) }
    guard makeDirectory(directory) else { return false }
    removeAbandonedTemporaries(beside: path)
    let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else { return false }
    var written = 0
    let complete = bytes.withUnsafeBytes { buffer -> Bool in
      while written < buffer.count {
        let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { return false }
        written += count
      }
      return fsync(descriptor) == 0
    }
    guard close(descriptor) == 0, complete, rename(temporary, path) == 0 else {
      unlink(temporary)
      return false
    }
    let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
    return true
  }

  private static func makeDirectory(_ path: String) -> Bool {
    if FileSystem.isDirectory(path) { return true }
    if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
      guard makeDirectory(String(path[..<slash])) else { return false }
    }
    return mkdir(path, 0o775) == 0 || errno == EEXIST && FileSystem.isDirectory(path)
  }

  /// Temporary files of writers that died before renaming (older than ten minutes).
  private static func removeAbandonedTemporaries(beside path: String) {
    guard let slash = path.lastIndex(of: "/"),
      case .success(let names) = FileSystem.listFiles(in: String(path[..<slash]))
    else { return }
    let prefix = String(path[path.index(after: slash)...]) + ".tmp-"
    let folder = String(path[..<slash])
    let old = Int64(time(nil)) - 600
    for name in names where name.hasPrefix(prefix) {
      let temporary = folder + "/" + name
      if let stamp = FileSystem.stamp(temporary), stamp.modifiedSeconds < old { unlink(temporary) }
    }
  }
}
