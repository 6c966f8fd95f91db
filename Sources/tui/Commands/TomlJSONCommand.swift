import ArgumentParser
import Catalog

#if canImport(Glibc)
  import Glibc
#endif

/// `course-menu toml-json`: the toml-test decoder interface, so standard TOML tooling can
/// check our reader against others.
struct TomlJSONCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "toml-json", abstract: CommandText.tomlJSONAbstract)

  func run() throws {
    var input: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = read(0, &buffer, buffer.count)
      if count < 0 {
        if errno == EINTR { continue }
        printError(CommandText.stdinUnreadable)
        throw ExitCode(2)
      }
      if count == 0 { break }
      input.append(contentsOf: buffer[0..<count])
    }
    do {
      let document = try TOMLDocument(bytes: input)
      printOutput(TaggedJSON.encode(document.root))
    } catch {
      printError(error.diagnostic(path: "<stdin>", source: input).description)
      throw ExitCode(1)
    }
  }
}
