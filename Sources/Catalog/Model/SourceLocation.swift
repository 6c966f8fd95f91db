/// Where something was written, so every message can send a curator to the exact spot.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The path as given to the loader (relative paths stay relative).
  public var path: String
  /// 1-based line.
  public var line: Int
  /// 1-based column, counted in Unicode characters, as editors count them.
  public var column: Int

  public init(path: String, line: Int, column: Int) {
    self.path = path
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
  }

  public var description: String { "\(path):\(line):\(column)" }
}
