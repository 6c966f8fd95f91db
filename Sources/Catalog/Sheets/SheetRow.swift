/// One record of a CSV file, with the line it starts on (the header is line 1).
public struct SheetRow: Hashable, Sendable {
  public var line: Int
  public var fields: [String]

  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }

  /// Excel writes rows of empty cells below the data; they carry nothing.
  public var isBlank: Bool { fields.allSatisfy { $0.trimmed.isEmpty } }
}
