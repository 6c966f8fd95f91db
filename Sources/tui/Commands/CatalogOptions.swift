import ArgumentParser
import Catalog

/// `--catalog` and `--rules`, shared by every subcommand that reads a catalog.
struct CatalogOptions: ParsableArguments {
  @Option(name: .customLong("catalog"), help: ArgumentHelp(CommandText.catalogOptionHelp))
  var directory: String?

  @Option(name: .customLong("rules"), help: ArgumentHelp(CommandText.rulesOptionHelp))
  var rulesPath: String?

  static let defaultDirectory = "data"

  func loader(directory fallback: String? = nil) -> CatalogLoader {
    CatalogLoader(
      directory: directory ?? fallback ?? Self.defaultDirectory, rulesPath: rulesPath)
  }
}
