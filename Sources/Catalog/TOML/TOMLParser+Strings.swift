#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The four TOML string forms.
///
/// Ordinary bytes are skipped in runs and copied in one piece (or not at all, when the text
/// needs no unescaping), and UTF-8 is validated once, when the `String` is made.
extension TOMLParser {
  /// `"…"` with escapes; one line.
  mutating func parseBasicString() throws(TOMLError) -> String {
    let open = position
    position += 1
    var text = TextAccumulator(start: position)
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case .quote:
        let result = try text.finish(upTo: position, in: self, open: open)
        position += 1
        return result
      case .backslash:
        text.flush(upTo: position, in: bytes)
        try appendEscape(to: &text.buffer)
        text.runStart = position
      default:
        if byte.isForbiddenControl { throw stringControlError(open: open) }
        position += 1
      }
    }
    throw TOMLError(.unterminatedString, at: open)
  }

  /// `'…'`: no escapes; one line.
  mutating func parseLiteralString() throws(TOMLError) -> String {
    let open = position
    position += 1
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == .apostrophe {
        position += 1
        return try makeText(start..<position - 1)
      }
      if byte.isForbiddenControl { throw stringControlError(open: open) }
      position += 1
    }
    throw TOMLError(.unterminatedString, at: open)
  }

  /// `"""…"""`: escapes, newlines (CRLF read as LF), and line-ending backslashes.
  mutating func parseMultilineBasicString() throws(TOMLError) -> String {
    try parseMultiline(delimiter: .quote)
  }

  /// `'''…'''`: no escapes; newlines kept (CRLF read as LF).
  mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
    try parseMultiline(delimiter: .apostrophe)
  }

  private mutating func parseMultiline(delimiter: UInt8) throws(TOMLError) -> String {
    let open = position
    let escapes = delimiter == .quote
    position += 3
    skipFirstNewline()
    var text = TextAccumulator(start: position)
    let special = delimiter == .quote ? Self.basicSpecialBytes : Self.literalSpecialBytes
    while position < bytes.count {
      // Long descriptions are mostly ordinary bytes: one table look-up each.
      while position < bytes.count, !special[Int(bytes[position])] { position += 1 }
      guard position < bytes.count else { break }
      let byte = bytes[position]
      switch byte {
      case delimiter:
        guard peek(1) == delimiter, peek(2) == delimiter else {
          position += 1
          continue
        }
        // Up to two more delimiters right before the closing three belong to the text.
        var end = position
        position += 3
        for _ in 0..<2 where peek(0) == delimiter {
          position += 1
          end += 1
        }
        return try text.finish(upTo: end, in: self, open: open)
      case .backslash where escapes:
        text.flush(upTo: position, in: bytes)
        if !(try skipLineEndingBackslash()) { try appendEscape(to: &text.buffer) }
        text.runStart = position
      case .backslash, .newline, .tab:
        position += 1
      case .carriageReturn:
        guard peek(1) == .newline else {
          throw TOMLError(.controlCharacter(UInt32(byte)), at: position)
        }
        text.flush(upTo: position, in: bytes)
        position += 1
        text.runStart = position
      default:
        throw TOMLError(.controlCharacter(UInt32(byte)), at: position)
      }
    }
    throw TOMLError(.unterminatedString, at: open)
  }

  /// Bytes a multi-line string must look at: its delimiter, backslash, and control
  /// characters other than tab and newline (which need checks or CRLF folding).
  static let basicSpecialBytes: [Bool] = (0...255).map { byte in
    byte < 0x20 && byte != 0x09 && byte != 0x0A || byte == 0x7F || byte == 0x22 || byte == 0x5C
  }
  static let literalSpecialBytes: [Bool] = (0...255).map { byte in
    byte < 0x20 && byte != 0x09 && byte != 0x0A || byte == 0x7F || byte == 0x27
  }

  /// A newline right after the opening delimiter is not part of the string.
  mutating func skipFirstNewline() {
    if peek(0) == .newline {
      position += 1
    } else if peek(0) == .carriageReturn, peek(1) == .newline {
      position += 2
    }
  }

  /// A backslash followed by optional whitespace and a newline trims all whitespace and
  /// newlines up to the next other character. Returns false when this is a plain escape.
  mutating func skipLineEndingBackslash() throws(TOMLError) -> Bool {
    var index = position + 1
    while index < bytes.count, bytes[index] == .space || bytes[index] == .tab { index += 1 }
    guard index < bytes.count else { return false }
    if bytes[index] == .newline {
      index += 1
    } else if bytes[index] == .carriageReturn, index + 1 < bytes.count,
      bytes[index + 1] == .newline
    {
      index += 2
    } else {
      return false
    }
    position = index
    while position < bytes.count {
      switch bytes[position] {
      case .space, .tab, .newline: position += 1
      case .carriageReturn where peek(1) == .newline: position += 2
      default: return true
      }
    }
    return true
  }

  /// Appends the character an escape sequence stands for; `position` is at the backslash.
  mutating func appendEscape(to buffer: inout [UInt8]) throws(TOMLError) {
    let start = position
    guard let code = peek(1) else { throw TOMLError(.unterminatedString, at: start) }
    position += 2
    switch code {
    case UInt8(ascii: "b"): buffer.append(0x08)
    case UInt8(ascii: "t"): buffer.append(.tab)
    case UInt8(ascii: "n"): buffer.append(.newline)
    case UInt8(ascii: "f"): buffer.append(0x0C)
    case UInt8(ascii: "r"): buffer.append(.carriageReturn)
    case .quote: buffer.append(.quote)
    case .backslash: buffer.append(.backslash)
    case UInt8(ascii: "u"), UInt8(ascii: "U"):
      let digits = code == UInt8(ascii: "u") ? 4 : 8
      var value: UInt32 = 0
      for _ in 0..<digits {
        guard let byte = peek(0), let digit = byte.hexDigitValue else {
          throw TOMLError(.invalidEscape(escapeText(from: start)), at: start)
        }
        value = value << 4 | UInt32(digit)
        position += 1
      }
      guard let scalar = Unicode.Scalar(value) else {
        throw TOMLError(.invalidEscape(escapeText(from: start)), at: start)
      }
      buffer.append(contentsOf: UTF8.encode(scalar)!)
    default:
      throw TOMLError(.invalidEscape(escapeText(from: start)), at: start)
    }
  }

  func escapeText(from start: Int) -> String {
    var end = min(position, bytes.count)
    if end <= start + 1 { end = min(start + 2, bytes.count) }
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    return makeString(start..<end)
  }

  /// A control character in a string; at a newline in a one-line string, the real problem
  /// is the missing closing quote.
  func stringControlError(open: Int) -> TOMLError {
    let byte = bytes[position]
    if byte == .newline || byte == .carriageReturn {
      return TOMLError(.unterminatedString, at: open)
    }
    return TOMLError(.controlCharacter(UInt32(byte)), at: position)
  }

  /// Source bytes as a `String`, or the offset of the first byte that is not UTF-8.
  func makeText(_ range: Range<Int>) throws(TOMLError) -> String {
    if let text = Self.exactString(UnsafeBufferPointer(rebasing: bytes[range])) { return text }
    throw notUTF8(in: range)
  }

  /// The bytes as a `String` when they are valid UTF-8. Decoding with repair and comparing
  /// bytes is cheaper than `String(validating:)`, whose generic path looks up type metadata
  /// for every call.
  static func exactString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var text = String(decoding: bytes, as: UTF8.self)
    let unchanged = text.withUTF8 { decoded in
      decoded.count == bytes.count
        && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
    }
    return unchanged ? text : nil
  }

  func notUTF8(in range: Range<Int>) -> TOMLError {
    let slice = UnsafeBufferPointer(rebasing: bytes[range])
    let offset = UTF8Validation.firstInvalidOffset(in: slice) ?? 0
    return TOMLError(.notUTF8(likelyUTF16: false), at: range.lowerBound + offset)
  }
}

/// A string's text: source runs plus unescaped pieces, copied only when an escape or CRLF
/// forces it.
struct TextAccumulator {
  var buffer: [UInt8] = []
  /// Where the current run of verbatim source bytes began.
  var runStart: Int
  private let start: Int
  private var copied = false

  init(start: Int) {
    self.start = start
    runStart = start
  }

  mutating func flush(upTo end: Int, in bytes: UnsafeBufferPointer<UInt8>) {
    copied = true
    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
  }

  mutating func finish(upTo end: Int, in parser: TOMLParser, open: Int) throws(TOMLError)
    -> String
  {
    guard copied else { return try parser.makeText(start..<end) }
    flush(upTo: end, in: parser.bytes)
    if let text = buffer.withUnsafeBufferPointer(TOMLParser.exactString) { return text }
    throw parser.notUTF8(in: open..<end)
  }
}
