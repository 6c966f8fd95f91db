/// A problem with one line of a CSV file; `description` reads `第 3 行：…`.
public struct RowProblem: Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var message: String

  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { RecordsText.atLine(line, message) }
}
