/// A single-pass TOML 1.0 reader over UTF-8 bytes.
///
/// It works on bytes rather than Characters for speed, records the byte offset of every key
/// and value, and enforces the spec's rules on redefinition with the same section semantics
/// as Python's `tomllib`: tables made by dotted keys close when their section ends.
struct TOMLParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0
  /// Current nesting of arrays and inline tables.
  var depth = 0
  /// Incremented at every table header.
  var section = 0
  /// Reused storage for the parts of a dotted key.
  var keyParts: [KeyPart] = []

  struct KeyPart {
    var name: String
    var offset: Int
  }

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  // MARK: Document

  mutating func parseDocument() throws(TOMLError) -> TOMLTable {
    // UTF-8 is checked where text is made (strings, comments) and at syntax errors; a
    // UTF-16 byte-order mark is worth naming at once.
    if bytes.count >= 2,
      (bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF)
    {
      throw TOMLError(.notUTF8(likelyUTF16: true), at: 0)
    }
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    let root = TableBuilder(offset: 0)
    var current = root
    while true {
      skipWhitespace()
      guard position < bytes.count else { break }
      switch bytes[position] {
      case .newline:
        position += 1
        continue
      case .carriageReturn, .hash:
        try expectLineEnd()
        continue
      case .openBracket:
        section += 1
        if peek(1) == .openBracket {
          current = try parseArrayTableHeader(root: root)
        } else {
          current = try parseTableHeader(root: root)
        }
      default:
        try parseKeyValue(into: current, closingCheck: true)
      }
      try expectLineEnd()
    }
    return root.freeze()
  }

  /// After a header or key/value: optional whitespace and comment, then a newline or the end.
  mutating func expectLineEnd() throws(TOMLError) {
    skipWhitespace()
    guard position < bytes.count else { return }
    if bytes[position] == .hash { try skipComment() }
    guard position < bytes.count else { return }
    switch bytes[position] {
    case .newline: position += 1
    case .carriageReturn where peek(1) == .newline: position += 2
    default: throw unexpected(expected: .lineEnd)
    }
  }

  // MARK: Tables

  /// `[a.b.c]`: opens (or defines an implicitly created) table.
  mutating func parseTableHeader(root: TableBuilder) throws(TOMLError) -> TableBuilder {
    let headerOffset = position
    position += 1
    try parseKeyPath(terminator: .closeBracket)
    position += 1
    let parent = try walkHeaderPath(from: root)
    let last = keyParts[keyParts.count - 1]
    if let index = parent.index(of: last.name) {
      switch parent.node(at: index) {
      case .table(let table) where !table.isClosed(inSection: section):
        table.isDefinedByHeader = true
        return table
      case .table, .arrayOfTables:
        throw TOMLError(.tableRedefined(dottedName), at: last.offset)
      case .value(let value):
        throw redefinition(of: value, named: dottedName, at: last.offset)
      }
    }
    let table = TableBuilder(offset: headerOffset, isDefinedByHeader: true)
    parent.append(last.name, offset: last.offset, .table(table))
    return table
  }

  /// `[[a.b.c]]`: appends a new table to an array of tables.
  mutating func parseArrayTableHeader(root: TableBuilder) throws(TOMLError) -> TableBuilder {
    let headerOffset = position
    position += 2
    try parseKeyPath(terminator: .closeBracket)
    guard peek(1) == .closeBracket else {
      position += 1
      throw unexpected(expected: .closingDoubleBracket)
    }
    position += 2
    let parent = try walkHeaderPath(from: root)
    let last = keyParts[keyParts.count - 1]
    let table = TableBuilder(offset: headerOffset, isDefinedByHeader: true)
    if let index = parent.index(of: last.name) {
      switch parent.node(at: index) {
      case .arrayOfTables(let array):
        array.tables.append(table)
        return table
      case .table:
        throw TOMLError(.tableRedefined(dottedName), at: last.offset)
      case .value(let value):
        if case .array = value.kind {
          throw TOMLError(.staticArrayExtended(dottedName), at: last.offset)
        }
        throw redefinition(of: value, named: dottedName, at: last.offset)
      }
    }
    let array = ArrayOfTablesBuilder(offset: headerOffset, first: table)
    parent.append(last.name, offset: last.offset, .arrayOfTables(array))
    return table
  }

  /// Follows all but the last part of a header's key, creating implicit tables and entering
  /// the last element of arrays of tables.
  func walkHeaderPath(from root: TableBuilder) throws(TOMLError) -> TableBuilder {
    var current = root
    for (position, part) in keyParts.dropLast().enumerated() {
      if let index = current.index(of: part.name) {
        switch current.node(at: index) {
        case .table(let table): current = table
        case .arrayOfTables(let array): current = array.tables[array.tables.count - 1]
        case .value(let value):
          throw redefinition(of: value, named: dottedName(through: position), at: part.offset)
        }
      } else {
        let table = TableBuilder(offset: part.offset)
        current.append(part.name, offset: part.offset, .table(table))
        current = table
      }
    }
    return current
  }

  /// The error for treating the written value `name` as a table.
  func redefinition(of value: TOMLValue, named name: String, at offset: Int) -> TOMLError {
    if case .table = value.kind { return TOMLError(.inlineTableExtended(name), at: offset) }
    return TOMLError(.notATable(name), at: offset)
  }

  var dottedName: String { dottedName(through: keyParts.count - 1) }

  /// The key's parts up to and including `index`, joined by dots.
  func dottedName(through index: Int) -> String {
    keyParts[...index].map(\.name).joined(separator: ".")
  }

  // MARK: Key/value pairs

  /// `a.b.c = value` into `table`. Tables made by dotted keys in an earlier section, or by
  /// headers, are closed to dotted keys when `closingCheck` is set (not inside inline tables,
  /// whose tables are all new).
  mutating func parseKeyValue(into table: TableBuilder, closingCheck: Bool) throws(TOMLError) {
    try parseKeyPath(terminator: .equals)
    position += 1
    skipWhitespace()
    let parts = keyParts
    let value = try parseValue()
    var current = table
    for (position, part) in parts.dropLast().enumerated() {
      if let index = current.index(of: part.name) {
        switch current.node(at: index) {
        case .table(let child) where !(closingCheck && child.isClosed(inSection: section)):
          child.dottedSection = section
          current = child
        case .table, .arrayOfTables:
          keyParts = parts
          throw TOMLError(.tableRedefined(dottedName(through: position)), at: part.offset)
        case .value(let existing):
          keyParts = parts
          throw redefinition(of: existing, named: dottedName(through: position), at: part.offset)
        }
      } else {
        let child = TableBuilder(offset: part.offset, dottedSection: section)
        current.append(part.name, offset: part.offset, .table(child))
        current = child
      }
    }
    let last = parts[parts.count - 1]
    if current.index(of: last.name) != nil {
      keyParts = parts
      throw TOMLError(.duplicateKey(dottedName), at: last.offset)
    }
    current.append(last.name, offset: last.offset, .value(value))
  }

  /// Reads `a . "b" . 'c'` into `keyParts`, stopping before `terminator` (which must follow).
  mutating func parseKeyPath(terminator: UInt8) throws(TOMLError) {
    keyParts.removeAll(keepingCapacity: true)
    while true {
      skipWhitespace()
      guard keyParts.count < TOMLDocument.maximumDepth else {
        throw TOMLError(.nestingTooDeep(limit: TOMLDocument.maximumDepth), at: position)
      }
      let offset = position
      keyParts.append(KeyPart(name: try parseSimpleKey(), offset: offset))
      skipWhitespace()
      guard position < bytes.count else {
        throw unexpected(expected: terminator == .equals ? .equals : .closingBracket)
      }
      if bytes[position] == .dot {
        position += 1
        continue
      }
      guard bytes[position] == terminator else {
        throw unexpected(expected: terminator == .equals ? .equals : .closingBracket)
      }
      return
    }
  }

  mutating func parseSimpleKey() throws(TOMLError) -> String {
    guard position < bytes.count else { throw unexpected(expected: .key) }
    switch bytes[position] {
    case .quote:
      if peek(1) == .quote, peek(2) == .quote { throw unexpected(expected: .key) }
      return try parseBasicString()
    case .apostrophe:
      if peek(1) == .apostrophe, peek(2) == .apostrophe { throw unexpected(expected: .key) }
      return try parseLiteralString()
    default:
      let start = position
      while position < bytes.count, bytes[position].isBareKeyByte { position += 1 }
      guard position > start else { throw unexpected(expected: .key) }
      return makeString(start..<position)
    }
  }

  // MARK: Values

  mutating func parseValue() throws(TOMLError) -> TOMLValue {
    let offset = position
    guard position < bytes.count else { throw unexpected(expected: .value) }
    switch bytes[position] {
    case .quote:
      let text =
        peek(1) == .quote && peek(2) == .quote
        ? try parseMultilineBasicString() : try parseBasicString()
      return TOMLValue(.string(text), offset: offset)
    case .apostrophe:
      let text =
        peek(1) == .apostrophe && peek(2) == .apostrophe
        ? try parseMultilineLiteralString() : try parseLiteralString()
      return TOMLValue(.string(text), offset: offset)
    case .openBracket:
      return try parseArray()
    case .openBrace:
      return try parseInlineTable()
    case UInt8(ascii: "t"):
      if matches("true") {
        position += 4
        return TOMLValue(.bool(true), offset: offset)
      }
    case UInt8(ascii: "f"):
      if matches("false") {
        position += 5
        return TOMLValue(.bool(false), offset: offset)
      }
    default:
      break
    }
    return try parseNumberOrDate()
  }

  mutating func parseArray() throws(TOMLError) -> TOMLValue {
    let offset = position
    try enterNesting()
    position += 1
    var items: [TOMLValue] = []
    while true {
      try skipWhitespaceCommentsAndNewlines()
      guard position < bytes.count else { throw unexpected(expected: .closingBracket) }
      if bytes[position] == .closeBracket {
        position += 1
        break
      }
      items.append(try parseValue())
      try skipWhitespaceCommentsAndNewlines()
      guard position < bytes.count else { throw unexpected(expected: .closingBracket) }
      if bytes[position] == .comma {
        position += 1
        continue
      }
      guard bytes[position] == .closeBracket else { throw unexpected(expected: .commaOrBracket) }
      position += 1
      break
    }
    depth -= 1
    return TOMLValue(.array(items), offset: offset)
  }

  mutating func parseInlineTable() throws(TOMLError) -> TOMLValue {
    let offset = position
    try enterNesting()
    position += 1
    let table = TableBuilder(offset: offset)
    skipWhitespace()
    if position < bytes.count, bytes[position] == .closeBrace {
      position += 1
    } else {
      while true {
        try parseKeyValue(into: table, closingCheck: false)
        skipWhitespace()
        guard position < bytes.count else { throw unexpected(expected: .closingBrace) }
        if bytes[position] == .comma {
          position += 1
          continue
        }
        guard bytes[position] == .closeBrace else { throw unexpected(expected: .commaOrBrace) }
        position += 1
        break
      }
    }
    depth -= 1
    return TOMLValue(.table(table.freeze()), offset: offset)
  }

  mutating func enterNesting() throws(TOMLError) {
    depth += 1
    if depth > TOMLDocument.maximumDepth {
      throw TOMLError(.nestingTooDeep(limit: TOMLDocument.maximumDepth), at: position)
    }
  }

  // MARK: Whitespace and comments

  mutating func skipWhitespace() {
    while position < bytes.count, bytes[position] == .space || bytes[position] == .tab {
      position += 1
    }
  }

  mutating func skipWhitespaceCommentsAndNewlines() throws(TOMLError) {
    while position < bytes.count {
      switch bytes[position] {
      case .space, .tab, .newline: position += 1
      case .carriageReturn where peek(1) == .newline: position += 2
      case .hash: try skipComment()
      default: return
      }
    }
  }

  /// From `#` to the end of the line; control characters other than tab are not allowed.
  mutating func skipComment() throws(TOMLError) {
    position += 1
    let start = position
    var sawNonASCII = false
    while position < bytes.count {
      let byte = bytes[position]
      if byte == .newline { break }
      if byte == .carriageReturn, peek(1) == .newline { break }
      if byte.isForbiddenControl { throw TOMLError(.controlCharacter(UInt32(byte)), at: position) }
      sawNonASCII = sawNonASCII || byte >= 0x80
      position += 1
    }
    if sawNonASCII,
      UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        != nil
    {
      throw notUTF8(in: start..<position)
    }
  }

  // MARK: Helpers

  func peek(_ distance: Int) -> UInt8? {
    let index = position + distance
    return index < bytes.count ? bytes[index] : nil
  }

  func matches(_ word: StaticString, at start: Int? = nil) -> Bool {
    let start = start ?? position
    let length = word.utf8CodeUnitCount
    guard start + length <= bytes.count else { return false }
    let pointer = word.utf8Start
    for offset in 0..<length where bytes[start + offset] != pointer[offset] { return false }
    return true
  }

  func makeString(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// "expected X, found Y" at the current position.
  func unexpected(expected: SyntaxExpectation) -> TOMLError {
    if position < bytes.count, bytes[position] >= 0x80 {
      let window = position..<min(position + 4, bytes.count)
      if UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: bytes[window])) == 0 {
        return TOMLError(.notUTF8(likelyUTF16: false), at: position)
      }
    }
    return TOMLError(.unexpected(found: currentToken(), expected: expected), at: position)
  }

  func currentToken() -> FoundToken {
    guard position < bytes.count else { return .endOfFile }
    let byte = bytes[position]
    switch byte {
    case .newline, .carriageReturn: return .newline
    case .space, .tab: return .whitespace
    case 0x21...0x7E: return .character(String(Character(UnicodeScalar(byte))))
    default:
      if byte < 0x80 { return .controlCharacter }
      var end = position + 1
      while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
      let text = makeString(position..<end)
      if let character = text.first, let ascii = FoundToken.fullWidthPunctuation[character] {
        return .fullWidth(text, ascii: ascii)
      }
      return .character(text)
    }
  }
}

extension UInt8 {
  static let tab = UInt8(ascii: "\t")
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let quote = UInt8(ascii: "\"")
  static let hash = UInt8(ascii: "#")
  static let apostrophe = UInt8(ascii: "'")
  static let plus = UInt8(ascii: "+")
  static let comma = UInt8(ascii: ",")
  static let minus = UInt8(ascii: "-")
  static let dot = UInt8(ascii: ".")
  static let colon = UInt8(ascii: ":")
  static let equals = UInt8(ascii: "=")
  static let openBracket = UInt8(ascii: "[")
  static let backslash = UInt8(ascii: "\\")
  static let closeBracket = UInt8(ascii: "]")
  static let underscore = UInt8(ascii: "_")
  static let openBrace = UInt8(ascii: "{")
  static let closeBrace = UInt8(ascii: "}")

  var isDigit: Bool { self >= 0x30 && self <= 0x39 }

  var hexDigitValue: UInt8? {
    switch self {
    case 0x30...0x39: self - 0x30
    case 0x41...0x46: self - 0x41 + 10
    case 0x61...0x66: self - 0x61 + 10
    default: nil
    }
  }

  var isBareKeyByte: Bool {
    switch self {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, .minus, .underscore: true
    default: false
    }
  }

  /// Control characters TOML forbids in comments and strings (tab is allowed).
  var isForbiddenControl: Bool { (self < 0x20 && self != .tab) || self == 0x7F }
}
