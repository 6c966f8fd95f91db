import ArgumentParser
import Catalog

/// The catalog the member UI serves: the catalog as it is when it loads without errors (then
/// kept as the last good one), else the last good catalog (`LastGoodCatalog`), so a broken
/// file published while the program was not running closes no kiosk; with neither, the
/// diagnostics and exit status 1 or 2 as `check` gives them.
///
/// Either is read from its compiled image when one is fresh (`CatalogImageStore`): no TOML is
/// parsed, and the pages are shared with every other session. A clean load writes the image
/// for the next start.
struct MemberCatalog {
  let catalog: Catalog
  /// When serving the last good catalog: the day it was saved.
  let servedFrom: LocalDate?

  /// `recordsPath`: where the records live (the copy is kept beside them); nil keeps no copy
  /// (the demo never writes beside the real records).
  /// `images`: where compiled catalogs are kept (tests give their own).
  static func load(
    _ loader: CatalogLoader, recordsPath: String?, today: LocalDate,
    images: CatalogImageStore? = nil
  ) throws -> MemberCatalog {
    var loader = loader
    let images = images ?? CatalogImageStore(recordsPath: recordsPath)
    let lastGood = recordsPath.map {
      LastGoodCatalog(
        recordsPath: $0, catalogDirectory: loader.directory, rulesPath: loader.rulesPath)
    }
    // A fresh image means the files have not changed since the clean load that wrote it,
    // which also kept them as the last good catalog (unless that copy has been removed since).
    if lastGood?.exists ?? true, let catalog = images.open(for: loader) {
      return MemberCatalog(catalog: catalog, servedFrom: nil)
    }
    loader.keepsSources = recordsPath != nil
    let result = loader.load()
    if let catalog = result.catalog {
      // A copy that cannot be written (a read-only place) only means no fallback later.
      try? lastGood?.save(result, today: today)
      return MemberCatalog(catalog: images.serve(result, for: loader) ?? catalog, servedFrom: nil)
    }
    // Administrators see what is wrong on standard error (the journal, for a kiosk service).
    DiagnosticPrinter.printAll(result.diagnostics)
    if let (catalog, saved) = lastGood?.load(images: images) {
      printError(CommandText.servingLastGood(saved))
      return MemberCatalog(catalog: catalog, servedFrom: saved)
    }
    throw ExitCode(result.diagnostics.contains { $0.problem.isInputOutput } ? 2 : 1)
  }
}
