/// One finding about a catalog or a TOML file, with where it is and what to do.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable, Comparable {
    case error, warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .error && rhs == .warning
    }
  }

  public var severity: Severity
  public var problem: Problem
  /// Where it is; files that cannot be read at all have line and column 0.
  public var location: SourceLocation

  public init(_ problem: Problem, at location: SourceLocation, severity: Severity? = nil) {
    self.problem = problem
    self.location = location
    self.severity = severity ?? problem.defaultSeverity
  }

  public var code: String { problem.code }

  /// `path:line:col: error[CODE]: 中文说明`, the form editors and CI logs understand.
  public var description: String {
    let place =
      location.line > 0 ? "\(location.path):\(location.line):\(location.column)" : location.path
    return "\(place): \(severity.rawValue)[\(code)]: \(problem.message)"
  }
}

extension [Diagnostic] {
  /// By file, then line and column, so a curator can fix them top to bottom.
  public func sortedForReading() -> [Diagnostic] {
    enumerated().sorted { lhs, rhs in
      if lhs.element.location != rhs.element.location {
        return lhs.element.location < rhs.element.location
      }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }

  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// Drops exact repeats (a wrong file-wide default is found once per course).
  func removingRepeats() -> [Diagnostic] {
    var seen = Set<Diagnostic>()
    return filter { seen.insert($0).inserted }
  }
}
