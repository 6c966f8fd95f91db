import ArgumentParser
import Catalog

/// Opens the member UI (the default when no subcommand is given).
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse", abstract: CommandText.browseAbstract)

  @OptionGroup var catalogOptions: CatalogOptions

  func run() throws {
    let result = catalogOptions.loader().load()
    guard let catalog = result.catalog else {
      DiagnosticPrinter.printAll(result.diagnostics)
      throw ExitCode(result.diagnostics.contains { $0.problem.isInputOutput } ? 2 : 1)
    }
    // The terminal UI replaces this summary (issue 3).
    print(CatalogSummary(catalog: catalog).text)
  }
}
