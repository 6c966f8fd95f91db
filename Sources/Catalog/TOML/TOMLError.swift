/// A TOML document that cannot be read, with the byte offset where reading stopped.
public struct TOMLError: Error, Sendable {
  public var problem: Problem
  public var offset: Int

  public init(_ problem: Problem, at offset: Int) {
    self.problem = problem
    self.offset = offset
  }

  /// The diagnostic for a file named `path` whose bytes are `source`.
  public func diagnostic(path: String, source: [UInt8]) -> Diagnostic {
    Diagnostic(problem, at: LineIndex(source).location(of: offset, path: path))
  }
}
