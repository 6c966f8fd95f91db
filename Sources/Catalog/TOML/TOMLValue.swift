/// A TOML value with the byte offset where it was written, so every later check can point
/// at its line and column.
public struct TOMLValue: Sendable {
  public enum Kind: Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case bool(Bool)
    /// Boxed: a date-time is several times larger than the other cases, and every value
    /// would otherwise pay for its size.
    indirect case dateTime(TOMLDateTime)
    case array([TOMLValue])
    case table(TOMLTable)
  }

  public var kind: Kind
  /// Byte offset of the value's first character in the source.
  public var offset: Int

  public init(_ kind: Kind, offset: Int) {
    self.kind = kind
    self.offset = offset
  }

  /// The TOML type name, for messages and the tagged JSON.
  public var typeName: String {
    switch kind {
    case .string: "string"
    case .integer: "integer"
    case .float: "float"
    case .bool: "bool"
    case .dateTime(let value): value.typeName
    case .array: "array"
    case .table: "table"
    }
  }
}

/// A TOML table: keys in the order written, each with where its key stands.
public struct TOMLTable: Sendable {
  public struct Entry: Sendable {
    public var key: String
    /// Byte offset of the key (for a table header, of the header's key).
    public var keyOffset: Int
    public var value: TOMLValue
    /// Rules out most unequal keys with one integer comparison.
    var fingerprint: KeyFingerprint

    init(key: String, keyOffset: Int, value: TOMLValue) {
      self.key = key
      self.keyOffset = keyOffset
      self.value = value
      fingerprint = KeyFingerprint(key)
    }
  }

  public internal(set) var entries: [Entry] = []
  /// Built only for large tables; small ones are searched in order, which is faster.
  private var indexByKey: [ExactKey: Int]? = nil
  private static let linearSearchLimit = 16
  /// Byte offset of the table's header or opening brace (0 for the root).
  public var offset: Int

  public init(offset: Int = 0) { self.offset = offset }

  public subscript(key: String) -> TOMLValue? {
    index(of: key).map { entries[$0].value }
  }

  public func entry(_ key: String) -> Entry? { index(of: key).map { entries[$0] } }

  public var count: Int { entries.count }

  func index(of key: String) -> Int? {
    if let indexByKey { return indexByKey[ExactKey(key)] }
    let fingerprint = KeyFingerprint(key)
    for index in entries.indices
    where entries[index].fingerprint == fingerprint && entries[index].key.isExactly(key) {
      return index
    }
    return nil
  }

  /// Appends without checking for duplicates: the parser has already done so.
  mutating func append(key: String, keyOffset: Int, value: TOMLValue) {
    if indexByKey != nil {
      indexByKey?[ExactKey(key)] = entries.count
    } else if entries.count == Self.linearSearchLimit {
      var index: [ExactKey: Int] = [:]
      index.reserveCapacity(entries.count * 2)
      for (position, entry) in entries.enumerated() { index[ExactKey(entry.key)] = position }
      index[ExactKey(key)] = entries.count
      indexByKey = index
    }
    entries.append(Entry(key: key, keyOffset: keyOffset, value: value))
  }

  mutating func reserve(_ capacity: Int) { entries.reserveCapacity(capacity) }
}
