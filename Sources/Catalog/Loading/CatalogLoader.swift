/// Reads a catalog directory (`catalog.toml`, `rules.toml`, `courses/*.toml`) into a
/// `Catalog`, collecting every diagnostic rather than stopping at the first.
public struct CatalogLoader: Sendable {
  public var directory: String
  /// A rules file to use instead of `DIRECTORY/rules.toml`.
  public var rulesPath: String?

  public init(directory: String, rulesPath: String? = nil) {
    self.directory = directory
    self.rulesPath = rulesPath
  }

  public func load() -> CatalogLoadResult {
    CatalogLoadResult(catalog: nil, diagnostics: [], bytesRead: 0)
  }
}

/// What loading gave: the catalog when there were no errors, and every diagnostic.
public struct CatalogLoadResult: Sendable {
  /// Nil when any diagnostic is an error.
  public var catalog: Catalog?
  /// In reading order: by file, line and column.
  public var diagnostics: [Diagnostic]
  /// Bytes of TOML read, for throughput figures.
  public var bytesRead: Int
}
