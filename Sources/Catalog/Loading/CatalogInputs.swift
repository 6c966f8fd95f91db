/// Every file a load read (or tried to), as it stood when opened, and every directory it
/// listed: what a compiled catalog image is keyed on (`CatalogImage`). A later start
/// compares them with the files as they stand then; any difference (an edit, a `touch`, a
/// file added to or removed from `courses/`) and the image is not used.
public struct CatalogInputs: Hashable, Sendable {
  public struct File: Hashable, Sendable {
    /// The path the loader opened, spelled as it did.
    public var path: String
    /// Nil when it could not be read.
    public var stamp: FileStamp?

    public init(path: String, stamp: FileStamp?) {
      self.path = path
      self.stamp = stamp
    }
  }

  public struct Listing: Hashable, Sendable {
    public var path: String
    /// The visible names, sorted.
    public var names: [String]

    public init(path: String, names: [String]) {
      self.path = path
      self.names = names
    }
  }

  public var files: [File] = []
  public var listings: [Listing] = []

  public init(files: [File] = [], listings: [Listing] = []) {
    self.files = files
    self.listings = listings
  }

  /// Each file once (a lesson file several courses read is one input), in a stable order.
  var distinctFiles: [File] {
    var seen = Set<String>()
    return files.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }
  }

  /// Whether every file still has its stamp and every directory its names.
  public func areUnchanged() -> Bool {
    for file in files where FileSystem.stamp(file.path) != file.stamp || file.stamp == nil {
      return false
    }
    for listing in listings {
      guard case .success(let names) = FileSystem.listFiles(in: listing.path),
        names == listing.names
      else { return false }
    }
    return true
  }

  /// Whether a file was modified so recently (less than `margin` seconds before `now`, in
  /// seconds since the epoch, or after it) that another change within the same clock tick
  /// could leave its stamp as it is: such a load is not compiled, as git does not trust a
  /// "racily clean" index entry.
  public func changedRecently(now: Int64, margin: Int64 = 2) -> Bool {
    files.contains { file in (file.stamp?.modifiedSeconds ?? now) >= now - margin }
  }
}
