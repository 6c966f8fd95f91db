/// The four TOML string forms.
extension TOMLParser {
  /// `"…"` with escapes; one line.
  mutating func parseBasicString() throws(TOMLError) -> String {
    let open = position
    position += 1
    let start = position
    // Fast path: no escapes, the text is a slice of the source.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == .quote {
        position += 1
        return makeString(start..<position - 1)
      }
      if byte == .backslash { break }
      if byte.isForbiddenControl { throw stringControlError(open: open) }
      position += 1
    }
    var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case .quote:
        position += 1
        return String(decoding: buffer, as: UTF8.self)
      case .backslash:
        try appendEscape(to: &buffer)
      default:
        if byte.isForbiddenControl { throw stringControlError(open: open) }
        buffer.append(byte)
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
        return makeString(start..<position - 1)
      }
      if byte.isForbiddenControl { throw stringControlError(open: open) }
      position += 1
    }
    throw TOMLError(.unterminatedString, at: open)
  }

  /// `"""…"""`: escapes, newlines (CRLF read as LF), and line-ending backslashes.
  mutating func parseMultilineBasicString() throws(TOMLError) -> String {
    let open = position
    position += 3
    skipFirstNewline()
    var buffer: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case .quote:
        if peek(1) == .quote, peek(2) == .quote {
          position += 3
          appendClosingExtras(.quote, to: &buffer)
          return String(decoding: buffer, as: UTF8.self)
        }
        buffer.append(byte)
        position += 1
      case .backslash:
        if try skipLineEndingBackslash() { continue }
        try appendEscape(to: &buffer)
      case .carriageReturn:
        guard peek(1) == .newline else {
          throw TOMLError(.controlCharacter(UInt32(byte)), at: position)
        }
        buffer.append(.newline)
        position += 2
      case .newline:
        buffer.append(byte)
        position += 1
      default:
        if byte.isForbiddenControl { throw stringControlError(open: open) }
        buffer.append(byte)
        position += 1
      }
    }
    throw TOMLError(.unterminatedString, at: open)
  }

  /// `'''…'''`: no escapes; newlines kept (CRLF read as LF).
  mutating func parseMultilineLiteralString() throws(TOMLError) -> String {
    let open = position
    position += 3
    skipFirstNewline()
    var buffer: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case .apostrophe:
        if peek(1) == .apostrophe, peek(2) == .apostrophe {
          position += 3
          appendClosingExtras(.apostrophe, to: &buffer)
          return String(decoding: buffer, as: UTF8.self)
        }
        buffer.append(byte)
        position += 1
      case .carriageReturn:
        guard peek(1) == .newline else {
          throw TOMLError(.controlCharacter(UInt32(byte)), at: position)
        }
        buffer.append(.newline)
        position += 2
      case .newline:
        buffer.append(byte)
        position += 1
      default:
        if byte.isForbiddenControl { throw stringControlError(open: open) }
        buffer.append(byte)
        position += 1
      }
    }
    throw TOMLError(.unterminatedString, at: open)
  }

  /// A newline right after the opening delimiter is not part of the string.
  mutating func skipFirstNewline() {
    if peek(0) == .newline {
      position += 1
    } else if peek(0) == .carriageReturn, peek(1) == .newline {
      position += 2
    }
  }

  /// Up to two quotes right before the closing delimiter belong to the content
  /// (`""""` ends with one quote in the text).
  mutating func appendClosingExtras(_ delimiter: UInt8, to buffer: inout [UInt8]) {
    for _ in 0..<2 where peek(0) == delimiter {
      buffer.append(delimiter)
      position += 1
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
}

extension UInt8 {
  var hexDigitValue: UInt8? {
    switch self {
    case 0x30...0x39: self - 0x30
    case 0x41...0x46: self - 0x41 + 10
    case 0x61...0x66: self - 0x61 + 10
    default: nil
    }
  }
}
