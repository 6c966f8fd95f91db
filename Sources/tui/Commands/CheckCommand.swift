import ArgumentParser
import Catalog

/// `course-menu check [DIR]`: what a curator runs before publishing.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: CommandText.checkAbstract,
    discussion: CommandText.checkDiscussion)

  @Argument(help: ArgumentHelp(CommandText.checkDirectoryHelp))
  var directory: String?

  @OptionGroup var catalogOptions: CatalogOptions

  func validate() throws {
    if directory != nil, catalogOptions.directory != nil, directory != catalogOptions.directory {
      throw ValidationError(CommandText.checkTwoDirectories)
    }
  }

  func run() throws {
    let result = catalogOptions.loader(directory: directory).load()
    DiagnosticPrinter.printAll(result.diagnostics)
    if result.diagnostics.contains(where: { $0.problem.isInputOutput }) {
      throw ExitCode(2)
    }
    if let catalog = result.readablePart {
      printOutput(lines: CatalogSummary(catalog: catalog).lines)
    }
    printOutput(CommandText.checkTally(result.diagnostics))
    if result.diagnostics.hasErrors { throw ExitCode(1) }
  }
}
