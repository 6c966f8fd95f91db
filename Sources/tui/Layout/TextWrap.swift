/// Breaks text into lines of a given display width by the rules of Chinese typesetting.
///
/// Chinese breaks between any two characters, except that closing punctuation never starts a
/// line and opening punctuation never ends one (避头尾); runs of Latin letters and digits
/// break only at spaces, unless a single word is wider than the line.
enum TextWrap {
  /// Characters that must not start a line.
  static let noLineStart: Set<Character> = [
    "，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "】", "〕", "〉", "”", "’",
    "…", "—", "·", "％", "．", ",", ".", ";", ":", "?", "!", ")", "]", "}", "%",
  ]

  /// Characters that must not end a line.
  static let noLineEnd: Set<Character> = [
    "（", "《", "「", "『", "【", "〔", "〈", "“", "‘", "(", "[", "{",
  ]

  /// The lines of `text`, each at most `width` columns. Every newline in `text` starts a new
  /// line; an empty source line stays an empty line. `firstWidth`, when given, is the room
  /// on the first line (for text that follows a label).
  static func lines(_ text: String, width: Int, firstWidth: Int? = nil) -> [String] {
    let width = max(1, width)
    var result: [String] = []
    var paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0)
    }
    while paragraphs.count > 1, paragraphs.last?.allSatisfy(\.isWhitespace) == true {
      paragraphs.removeLast()
    }
    for paragraph in paragraphs {
      let room = result.isEmpty ? max(1, firstWidth ?? width) : width
      result += wrapParagraph(paragraph, width: width, firstWidth: room)
    }
    return result
  }

  private static func wrapParagraph(_ paragraph: String, width: Int, firstWidth: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    var currentWidth = 0
    var room = firstWidth

    func finishLine() {
      while current.last == " " {
        current.removeLast()
      }
      lines.append(current)
      current = ""
      currentWidth = 0
      room = width
    }

    for unit in units(of: paragraph) {
      let isSpace = unit.allSatisfy { $0 == " " }
      if isSpace && currentWidth == 0 && !lines.isEmpty { continue }
      let unitWidth = DisplayWidth.of(unit)
      if currentWidth + unitWidth <= room {
        current += unit
        currentWidth += unitWidth
        continue
      }
      if isSpace {
        finishLine()
        continue
      }
      if currentWidth > 0 { finishLine() }
      if unitWidth <= room {
        current = unit
        currentWidth = unitWidth
        continue
      }
      // A unit wider than a whole line is cut where it must be.
      for character in unit {
        let columns = DisplayWidth.of(character)
        if currentWidth + columns > room, currentWidth > 0 { finishLine() }
        current.append(character)
        currentWidth += columns
      }
    }
    if currentWidth > 0 || lines.isEmpty { finishLine() }
    return lines
  }

  /// Splits a paragraph into pieces that may not be broken: a Chinese character with the
  /// punctuation glued to it, a Latin word, or a run of spaces.
  private static func units(of paragraph: String) -> [String] {
    var units: [String] = []
    var previousWasLatin = false
    for character in paragraph {
      let character = character == "\t" ? " " : character
      if DisplayWidth.of(character) == 0 { continue }
      let isSpace = character == " "
      let isLatin =
        !isSpace && DisplayWidth.of(character) == 1 && !noLineStart.contains(character)
        && !noLineEnd.contains(character) && character.isASCII
      defer { previousWasLatin = isLatin }
      if let last = units.last, let lastCharacter = last.last {
        let lastIsSpace = lastCharacter == " "
        let glue =
          (noLineStart.contains(character) && !lastIsSpace)
          || (noLineEnd.contains(lastCharacter))
          || (isLatin && previousWasLatin)
          || (isSpace && lastIsSpace)
        if glue {
          units[units.count - 1].append(character)
          continue
        }
      }
      units.append(String(character))
    }
    return units
  }
}
