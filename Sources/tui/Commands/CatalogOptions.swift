import ArgumentParser
import Catalog

/// `--catalog` and `--rules`, shared by every subcommand that reads a catalog.
struct CatalogOptions: ParsableArguments {
  @Option(
    name: .customLong(BrowseStart.Name.catalog),
    help: ArgumentHelp(CommandText.catalogOptionHelp))
  var directory: String?

  @Option(
    name: .customLong(BrowseStart.Name.rules), help: ArgumentHelp(CommandText.rulesOptionHelp))
  var rulesPath: String?

  static let defaultDirectory = "data"

  func loader(directory fallback: String? = nil) -> CatalogLoader {
    Self.loader(directory: directory ?? fallback, rulesPath: rulesPath)
  }

  static func loader(directory: String?, rulesPath: String?) -> CatalogLoader {
    CatalogLoader(directory: directory ?? defaultDirectory, rulesPath: rulesPath)
  }
}

extension CatalogOptions {
  /// Loads the catalog, or prints its diagnostics and exits (1: errors, 2: unreadable).
  func loadCatalog() throws -> Catalog {
    let result = loader().load()
    guard let catalog = result.catalog else {
      DiagnosticPrinter.printAll(result.diagnostics)
      throw ExitCode(result.diagnostics.contains { $0.problem.isInputOutput } ? 2 : 1)
    }
    return catalog
  }
}
