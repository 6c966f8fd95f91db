/// The characters that act instead of showing: C0 and C1 controls (line breaks, NUL, escape,
/// which can take over a terminal), DEL, the bidirectional controls that reorder what is shown
/// around them, and the Unicode line and paragraph separators.
///
/// Text from data (a roster, the records, a catalog) may hold them; rosters refuse them
/// (`SheetReader`), and whatever prints data shows them visibly with `shown(_:)`.
public enum ControlCharacters {
  public static func contains(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    case 0x2028, 0x2029: true
    default: false
    }
  }

  /// `text` with each such character replaced by a visible stand-in: a C0 control or DEL by
  /// its Unicode control picture (`␛` for escape, `␊` for a line feed, `␀` for NUL), anything
  /// else by `<U+202E>`. Other text is unchanged, so clean text costs one scan.
  public static func shown(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: contains) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      guard contains(scalar) else {
        result.append(scalar)
        continue
      }
      switch scalar.value {
      case 0x00...0x1F: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F: result.append("\u{2421}")
      default:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result.append(
          contentsOf: "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)>"
            .unicodeScalars)
      }
    }
    return String(result)
  }
}
