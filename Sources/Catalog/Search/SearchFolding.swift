/// How search compares text: ASCII case is ignored, full-width ASCII (what a Chinese input
/// method types in full-width mode) is read as ASCII, and the ideographic space as a space.
/// Applied the same way to the catalog's text and to the query, one scalar at a time, so that
/// byte offsets into folded text still map back to characters.
enum SearchFolding {
  @inline(__always)
  static func fold(_ value: UInt32) -> UInt32 {
    switch value {
    case 0x41...0x5A: return value + 0x20
    case 0xFF21...0xFF3A: return value - 0xFEE0 + 0x20
    case 0xFF01...0xFF5E: return value - 0xFEE0
    case 0x3000: return 0x20
    default: return value
    }
  }

  static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    Unicode.Scalar(fold(scalar.value)) ?? scalar
  }

  /// ASCII letters and digits: what pinyin units and pinyin queries are made of.
  @inline(__always)
  static func isASCIIAlphanumeric(_ value: UInt32) -> Bool {
    (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
      || (0x41...0x5A).contains(value)
  }

  /// Spaces, punctuation and symbols: never typed as part of a pinyin query, so titles skip
  /// them when matching pinyin (`学党章、作承诺` matches `xdzzcn`) and queries treat them as a
  /// syllable boundary.
  static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return !isASCIIAlphanumeric(value) }
    // Chinese characters, most of any title: no property lookup.
    if (0x3400...0x9FFF).contains(value) { return false }
    if scalar.properties.isWhitespace { return true }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
      .modifierSymbol, .otherSymbol, .spaceSeparator, .lineSeparator, .paragraphSeparator,
      .control, .format, .nonspacingMark, .enclosingMark, .spacingMark:
      return true
    default:
      return false
    }
  }

  /// How many bytes a scalar takes in folded UTF-8.
  @inline(__always)
  static func foldedWidth(_ scalar: Unicode.Scalar) -> Int {
    let folded = fold(scalar.value)
    return folded < 0x80 ? 1 : folded < 0x800 ? 2 : folded < 0x10000 ? 3 : 4
  }

  /// Appends the folded UTF-8 bytes of a whole string, working on bytes (summaries are
  /// long): runs that need no change, most Chinese text, are copied whole.
  static func appendFolded(_ text: String, to bytes: inout [UInt8]) {
    var text = text
    text.withUTF8 { utf8 in
      let count = utf8.count
      var index = 0
      var runStart = 0
      func flush() {
        if runStart < index {
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        }
      }
      while index < count {
        let byte = utf8[index]
        if byte >= 0x41 && byte <= 0x5A {
          flush()
          bytes.append(byte + 0x20)
          index += 1
          runStart = index
        } else if byte == 0xEF, index + 2 < count,
          utf8[index + 1] == 0xBC || utf8[index + 1] == 0xBD
        {
          // U+FF00-U+FF7F is EF BC 80-BF, EF BD 80-BF.
          let value = 0xFF00 | UInt32(utf8[index + 1] & 0x01) << 6 | UInt32(utf8[index + 2] & 0x3F)
          let folded = fold(value)
          if folded < 0x80 {
            flush()
            bytes.append(UInt8(folded))
            runStart = index + 3
          }
          index += 3
        } else if byte == 0xE3, index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] == 0x80
        {
          flush()
          bytes.append(0x20)
          index += 3
          runStart = index
        } else {
          index += 1
        }
      }
      flush()
    }
  }
}
