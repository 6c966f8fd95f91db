import Foundation

/// One value as the records engines store it: the few types the records use, the same on
/// SQLite and PostgreSQL. Booleans are integers 0 and 1 on both (PostgreSQL's `boolean`
/// results are read as integers too), so a statement means the same on either engine.
public enum SQLValue: Hashable, Sendable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob(Data)

  public var isNull: Bool { self == .null }
}

/// A Swift type that goes into a statement as an argument and comes out of a row.
public protocol SQLValueConvertible {
  var sqlValue: SQLValue { get }
  /// Nil when `value` holds no value of this type (NULL, or another type).
  init?(sqlValue value: SQLValue)
}

extension String: SQLValueConvertible {
  public var sqlValue: SQLValue { .text(self) }
  public init?(sqlValue value: SQLValue) {
    guard case .text(let text) = value else { return nil }
    self = text
  }
}

extension Int64: SQLValueConvertible {
  public var sqlValue: SQLValue { .integer(self) }
  public init?(sqlValue value: SQLValue) {
    switch value {
    case .integer(let number): self = number
    case .real(let number) where number.rounded() == number && abs(number) < 9e18:
      self = Int64(number)
    default: return nil
    }
  }
}

extension Int: SQLValueConvertible {
  public var sqlValue: SQLValue { .integer(Int64(self)) }
  public init?(sqlValue value: SQLValue) {
    guard let number = Int64(sqlValue: value) else { return nil }
    self = Int(number)
  }
}

extension Int32: SQLValueConvertible {
  public var sqlValue: SQLValue { .integer(Int64(self)) }
  public init?(sqlValue value: SQLValue) {
    guard let number = Int64(sqlValue: value), let narrow = Int32(exactly: number) else {
      return nil
    }
    self = narrow
  }
}

extension Double: SQLValueConvertible {
  public var sqlValue: SQLValue { .real(self) }
  public init?(sqlValue value: SQLValue) {
    switch value {
    case .real(let number): self = number
    case .integer(let number): self = Double(number)
    default: return nil
    }
  }
}

extension Bool: SQLValueConvertible {
  public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
  public init?(sqlValue value: SQLValue) {
    guard let number = Int64(sqlValue: value) else { return nil }
    self = number != 0
  }
}

extension Data: SQLValueConvertible {
  public var sqlValue: SQLValue { .blob(self) }
  public init?(sqlValue value: SQLValue) {
    guard case .blob(let data) = value else { return nil }
    self = data
  }
}

extension SQLValue: SQLValueConvertible {
  public var sqlValue: SQLValue { self }
  public init?(sqlValue value: SQLValue) { self = value }
}

/// The arguments of a statement, in the order of its `?` placeholders.
public struct SQLArguments: ExpressibleByArrayLiteral, Hashable, Sendable {
  public var values: [SQLValue]

  public init(values: [SQLValue]) { self.values = values }

  public init(_ elements: [(any SQLValueConvertible)?]) {
    values = elements.map { $0?.sqlValue ?? .null }
  }

  public init(arrayLiteral elements: (any SQLValueConvertible)?...) {
    self.init(elements)
  }

  public static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments {
    SQLArguments(values: lhs.values + rhs.values)
  }

  public static func += (lhs: inout SQLArguments, rhs: SQLArguments) {
    lhs.values += rhs.values
  }
}
