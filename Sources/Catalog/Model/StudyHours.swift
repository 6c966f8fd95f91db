/// Study hours (学时) counted in exact half hours, so sums never drift as floats do.
public struct StudyHours: Hashable, Comparable, Sendable, CustomStringConvertible,
  AdditiveArithmetic
{
  /// The number of half hours.
  public var halves: Int

  public init(halves: Int) { self.halves = halves }

  /// Nil unless `value` is a whole number of half hours.
  public init?(exactly value: Double) {
    let doubled = value * 2
    guard doubled.isFinite, doubled == doubled.rounded(), abs(doubled) < 1e15 else { return nil }
    halves = Int(doubled)
  }

  public init(_ whole: Int) { halves = whole * 2 }

  public static let zero = StudyHours(halves: 0)

  public var value: Double { Double(halves) / 2 }

  public static func + (lhs: StudyHours, rhs: StudyHours) -> StudyHours {
    StudyHours(halves: lhs.halves + rhs.halves)
  }

  public static func - (lhs: StudyHours, rhs: StudyHours) -> StudyHours {
    StudyHours(halves: lhs.halves - rhs.halves)
  }

  public static func < (lhs: StudyHours, rhs: StudyHours) -> Bool { lhs.halves < rhs.halves }

  /// `4`, `1.5`, `-0.5`: no trailing `.0`, as hours are written on paper.
  public var description: String {
    let whole = halves / 2
    guard halves % 2 != 0 else { return String(whole) }
    let sign = halves < 0 && whole == 0 ? "-" : ""
    return "\(sign)\(whole).5"
  }
}
