import Catalog

/// The project's own reader and loader. Kept in a file of its own: `Catalog` and `TOMLKit`
/// both declare `TOMLTable` and `TOMLValue`, and `Catalog` also names a type `Catalog`, so
/// module-qualified names cannot tell them apart in one file.
enum Ours {
  struct LoadOutcome {
    var bytesRead: Int
    var loaded: Bool
    var errors: Int
    var warnings: Int
    var courses: Int
    var firstDiagnostics: [String]
  }

  /// One full load, to check that the catalog is valid before it is timed.
  static func check(directory: String) -> LoadOutcome {
    let result = CatalogLoader(directory: directory).load()
    let errors = result.diagnostics.filter { $0.severity == .error }.count
    return LoadOutcome(
      bytesRead: result.bytesRead, loaded: result.catalog != nil, errors: errors,
      warnings: result.diagnostics.count - errors, courses: result.catalog?.courses.count ?? 0,
      firstDiagnostics: result.diagnostics.prefix(5).map(\.description))
  }

  /// Nil when every file parses; else the first file's diagnostic.
  static func checkParse(_ files: [InputFile]) -> String? {
    for file in files {
      do {
        _ = try TOMLDocument(bytes: file.bytes)
      } catch {
        return error.diagnostic(path: file.path, source: file.bytes).description
      }
    }
    return nil
  }

  /// `reps` full loads (read + parse with positions + build + validate). The results are kept
  /// until the clock stops, as TOMLKit's tables are (it never frees them).
  static func timeLoad(directory: String, reps: Int) -> Sample {
    var kept: [CatalogLoadResult] = []
    kept.reserveCapacity(reps)
    let loader = CatalogLoader(directory: directory)
    let stopwatch = Stopwatch()
    for _ in 0..<reps { kept.append(loader.load()) }
    let sample = stopwatch.stop()
    Sink.add(kept.reduce(0) { $0 &+ $1.bytesRead })
    return sample
  }

  /// `reps` passes of `TOMLDocument(bytes:)` over every file, from bytes already in memory.
  static func timeParse(_ files: [InputFile], reps: Int) -> Sample {
    var kept: [TOMLDocument] = []
    kept.reserveCapacity(files.count * reps)
    let stopwatch = Stopwatch()
    for _ in 0..<reps {
      for file in files {
        if let document = try? TOMLDocument(bytes: file.bytes) { kept.append(document) }
      }
    }
    let sample = stopwatch.stop()
    Sink.add(kept.reduce(0) { $0 &+ $1.root.count })
    return sample
  }
}
