/// Integers, floats and the four date-time forms.
extension TOMLParser {
  mutating func parseNumberOrDate() throws(TOMLError) -> TOMLValue {
    let start = position
    if looksLikeDate() { return TOMLValue(.dateTime(try parseDateTime()), offset: start) }
    if looksLikeTime() {
      return TOMLValue(.dateTime(TOMLDateTime(time: try parseTime())), offset: start)
    }
    while position < bytes.count, bytes[position].isNumberTokenByte { position += 1 }
    guard position > start,
      bytes[start].isDigit || bytes[start] == .plus || bytes[start] == .minus
        || matches("inf", at: start) || matches("nan", at: start)
    else {
      position = start
      throw unexpected(expected: .unquotedText)
    }
    let token = UnsafeBufferPointer(rebasing: bytes[start..<position])
    if let integer = try integerValue(token, at: start) {
      return TOMLValue(.integer(integer), offset: start)
    }
    if let float = floatValue(token) { return TOMLValue(.float(float), offset: start) }
    throw TOMLError(.invalidNumber(makeString(start..<position)), at: start)
  }

  // MARK: Integers

  /// Nil when the token is not an integer at all; throws when it is one but too large.
  func integerValue(_ token: UnsafeBufferPointer<UInt8>, at offset: Int) throws(TOMLError)
    -> Int64?
  {
    var index = 0
    var negative = false
    var radix: UInt64 = 10
    if token[0] == .plus || token[0] == .minus {
      negative = token[0] == .minus
      index = 1
    } else if token.count > 2, token[0] == UInt8(ascii: "0") {
      switch token[1] {
      case UInt8(ascii: "x"): radix = 16
      case UInt8(ascii: "o"): radix = 8
      case UInt8(ascii: "b"): radix = 2
      default: break
      }
      if radix != 10 { index = 2 }
    }
    guard index < token.count else { return nil }
    // Decimal integers have no leading zeros: "0" alone, or a nonzero first digit.
    if radix == 10, token[index] == UInt8(ascii: "0"), token.count > index + 1 { return nil }
    var magnitude: UInt64 = 0
    var overflow = false
    var previousWasDigit = false
    while index < token.count {
      let byte = token[index]
      index += 1
      if byte == .underscore {
        guard previousWasDigit, index < token.count else { return nil }
        previousWasDigit = false
        continue
      }
      guard let digit = byte.hexDigitValue, UInt64(digit) < radix else { return nil }
      let (times, overflowTimes) = magnitude.multipliedReportingOverflow(by: radix)
      let (sum, overflowSum) = times.addingReportingOverflow(UInt64(digit))
      overflow = overflow || overflowTimes || overflowSum
      magnitude = sum
      previousWasDigit = true
    }
    guard previousWasDigit else { return nil }
    let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
    guard !overflow, magnitude <= limit else {
      throw TOMLError(.integerOutOfRange(makeString(offset..<offset + token.count)), at: offset)
    }
    return negative ? Int64(bitPattern: 0 &- magnitude) : Int64(magnitude)
  }

  // MARK: Floats

  /// `[+-]` integer part, then a fraction and/or an exponent; or `inf` / `nan` with a sign.
  func floatValue(_ token: UnsafeBufferPointer<UInt8>) -> Double? {
    var index = 0
    var negative = false
    if token[0] == .plus || token[0] == .minus {
      negative = token[0] == .minus
      index = 1
    }
    let rest = UnsafeBufferPointer(rebasing: token[index...])
    if rest.elementsEqual("inf".utf8) { return negative ? -.infinity : .infinity }
    if rest.elementsEqual("nan".utf8) { return .nan }
    var digits: [UInt8] = []
    digits.reserveCapacity(token.count + 1)
    if negative { digits.append(.minus) }
    // Integer part: no leading zeros.
    guard index < token.count, token[index].isDigit else { return nil }
    if token[index] == UInt8(ascii: "0"), index + 1 < token.count, token[index + 1].isDigit {
      return nil
    }
    guard scanDigits(token, &index, into: &digits) else { return nil }
    var sawFractionOrExponent = false
    if index < token.count, token[index] == .dot {
      digits.append(.dot)
      index += 1
      guard scanDigits(token, &index, into: &digits) else { return nil }
      sawFractionOrExponent = true
    }
    if index < token.count, token[index] | 0x20 == UInt8(ascii: "e") {
      digits.append(UInt8(ascii: "e"))
      index += 1
      if index < token.count, token[index] == .plus || token[index] == .minus {
        digits.append(token[index])
        index += 1
      }
      guard scanDigits(token, &index, into: &digits) else { return nil }
      sawFractionOrExponent = true
    }
    guard sawFractionOrExponent, index == token.count else { return nil }
    return Double(String(decoding: digits, as: UTF8.self))
  }

  /// One or more digits with single underscores between them.
  func scanDigits(_ token: UnsafeBufferPointer<UInt8>, _ index: inout Int, into: inout [UInt8])
    -> Bool
  {
    guard index < token.count, token[index].isDigit else { return false }
    while index < token.count {
      let byte = token[index]
      if byte.isDigit {
        into.append(byte)
        index += 1
      } else if byte == .underscore, index + 1 < token.count, token[index + 1].isDigit {
        index += 1
      } else {
        break
      }
    }
    return true
  }

  // MARK: Dates and times

  func digitsAt(_ offset: Int, count: Int) -> Bool {
    guard position + offset + count <= bytes.count else { return false }
    for index in 0..<count where !bytes[position + offset + index].isDigit { return false }
    return true
  }

  func looksLikeDate() -> Bool { digitsAt(0, count: 4) && peek(4) == .minus }

  func looksLikeTime() -> Bool { digitsAt(0, count: 2) && peek(2) == .colon }

  mutating func readNumber(digits: Int) -> Int {
    var value = 0
    for _ in 0..<digits {
      value = value * 10 + Int(bytes[position] - 0x30)
      position += 1
    }
    return value
  }

  /// A local date, optionally followed by a time (after `T`, `t` or a space) and an offset.
  mutating func parseDateTime() throws(TOMLError) -> TOMLDateTime {
    let start = position
    let year = readNumber(digits: 4)
    position += 1
    guard digitsAt(0, count: 2), peek(2) == .minus, digitsAt(3, count: 2) else {
      throw dateTimeError(from: start)
    }
    let month = readNumber(digits: 2)
    position += 1
    let day = readNumber(digits: 2)
    guard LocalDate.isValid(year: year, month: month, day: day) else {
      throw dateTimeError(from: start)
    }
    var result = TOMLDateTime(date: LocalDate(year: year, month: month, day: day))
    guard let separator = peek(0) else { return result }
    let timeFollows =
      separator | 0x20 == UInt8(ascii: "t") || (separator == .space && digitsAt(1, count: 2))
    guard timeFollows else { return result }
    position += 1
    result.time = try parseTime(dateStart: start)
    if let marker = peek(0) {
      if marker | 0x20 == UInt8(ascii: "z") {
        position += 1
        result.offsetMinutes = 0
        result.isZulu = true
      } else if marker == .plus || marker == .minus {
        position += 1
        guard digitsAt(0, count: 2), peek(2) == .colon, digitsAt(3, count: 2) else {
          throw dateTimeError(from: start)
        }
        let hours = readNumber(digits: 2)
        position += 1
        let minutes = readNumber(digits: 2)
        guard hours <= 23, minutes <= 59 else { throw dateTimeError(from: start) }
        result.offsetMinutes = (marker == .minus ? -1 : 1) * (hours * 60 + minutes)
      }
    }
    return result
  }

  /// `HH:MM:SS` with an optional fraction.
  mutating func parseTime(dateStart: Int? = nil) throws(TOMLError) -> LocalTime {
    let start = dateStart ?? position
    guard digitsAt(0, count: 2), peek(2) == .colon, digitsAt(3, count: 2), peek(5) == .colon,
      digitsAt(6, count: 2)
    else { throw dateTimeError(from: start) }
    let hour = readNumber(digits: 2)
    position += 1
    let minute = readNumber(digits: 2)
    position += 1
    let second = readNumber(digits: 2)
    guard hour <= 23, minute <= 59, second <= 59 else { throw dateTimeError(from: start) }
    var fraction = ""
    if peek(0) == .dot {
      position += 1
      let fractionStart = position
      while position < bytes.count, bytes[position].isDigit { position += 1 }
      guard position > fractionStart else { throw dateTimeError(from: start) }
      fraction = makeString(fractionStart..<position)
    }
    return LocalTime(hour: hour, minute: minute, second: second, fraction: fraction)
  }

  /// The date-time as written, up to the next separator, for the message.
  mutating func dateTimeError(from start: Int) -> TOMLError {
    var end = start
    while end < bytes.count, bytes[end].isNumberTokenByte || bytes[end] == .colon { end += 1 }
    return TOMLError(.invalidDateTime(makeString(start..<max(end, start))), at: start)
  }
}

extension UInt8 {
  /// Bytes that can belong to a number token; the parser then checks the exact grammar.
  var isNumberTokenByte: Bool {
    switch self {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, .plus, .minus, .dot, .underscore: true
    default: false
    }
  }
}
