/// A query as the index reads it, prepared once per keystroke.
struct SearchQuery: Sendable {
  /// Folded, spaces collapsed and trimmed: what substring matching looks for, and the key
  /// that tells whether one query extends another.
  let text: String
  let bytes: [UInt8]
  /// What pinyin matching consumes: lowercase ASCII letters and digits as themselves, `ü`
  /// as `v`, any other character (a Chinese one) as its scalar value. Spaces and punctuation
  /// are left out and become boundaries instead.
  let elements: [UInt32]
  /// For each element, the end of its space-separated word: a syllable may not run past it,
  /// so `wen shi` must split between `wen` and `shi` while `wenshi` may split anywhere.
  let wordEnd: [Int32]
  /// Letters, digits and Chinese characters the query needs, as a `TextMask`.
  let mask: UInt64

  init(_ raw: String) {
    var text = ""
    var pendingSpace = false
    var elements: [UInt32] = []
    var wordEnd: [Int32] = []
    var wordStart = 0
    var mask: UInt64 = 0
    func endWord() {
      for _ in wordStart..<elements.count { wordEnd.append(Int32(elements.count)) }
      wordStart = elements.count
    }
    for scalar in raw.unicodeScalars {
      let folded = SearchFolding.fold(scalar)
      if folded.properties.isWhitespace {
        pendingSpace = !text.isEmpty
        endWord()
        continue
      }
      if pendingSpace {
        text.unicodeScalars.append(" ")
        pendingSpace = false
      }
      text.unicodeScalars.append(folded)
      if SearchFolding.isASCIIAlphanumeric(folded.value) {
        elements.append(folded.value)
        mask |= TextMask.bit(folded.value)
      } else if folded == "ü" {
        elements.append(UInt32(UInt8(ascii: "v")))
        mask |= TextMask.bit(UInt32(UInt8(ascii: "v")))
      } else if SearchFolding.isSeparator(folded) {
        endWord()
      } else {
        elements.append(folded.value)
        mask |= TextMask.bit(folded.value)
      }
    }
    endWord()
    self.text = text
    self.bytes = Array(text.utf8)
    self.elements = elements
    self.wordEnd = wordEnd
    self.mask = mask
  }

  var isEmpty: Bool { bytes.isEmpty }

  /// Whether every match of this query is also a match of `shorter`, so that a search for
  /// this one may look only among the results of `shorter` (the member typed one more key).
  /// Holds when `shorter` is a prefix: every way of matching is closed under taking a prefix
  /// of the query (a substring's prefix, a shorter last syllable).
  func narrows(_ shorter: SearchQuery) -> Bool {
    !shorter.isEmpty && bytes.starts(with: shorter.bytes)
  }
}

/// A 64-bit summary of which letters, digits and Chinese characters a text can match: a
/// query can only match a text whose mask holds every bit of the query's mask. Bits 0–35
/// are `a`–`z` and `0`–`9` (a `v` in a syllable also sets `u`, since `lu` may be typed for
/// `lü`); bits 36–63 hash the other characters.
enum TextMask {
  @inline(__always)
  static func bit(_ value: UInt32) -> UInt64 {
    switch value {
    case 0x61...0x7A: return 1 << UInt64(value - 0x61)
    case 0x30...0x39: return 1 << UInt64(value - 0x30 + 26)
    case 0x41...0x5A: return 1 << UInt64(value - 0x41)
    default: return 1 << UInt64(36 + value % 28)
    }
  }

  /// The bits a syllable's bytes set.
  static func syllable(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var mask: UInt64 = 0
    for byte in bytes {
      mask |= bit(UInt32(byte))
      if byte == UInt8(ascii: "v") { mask |= bit(UInt32(UInt8(ascii: "u"))) }
    }
    return mask
  }
}
