/// Cutting and padding text to a number of columns, shared by the grid and every table.
enum TextFit {
  /// The longest prefix of `text` that fits in `width` columns. A wide character that would
  /// cross the limit is left out whole; when text is cut and an `ellipsis` is given, the
  /// prefix leaves room for it and it is appended.
  static func truncated(_ text: String, width: Int, ellipsis: String? = nil) -> (
    text: String, width: Int
  ) {
    guard width > 0 else { return ("", 0) }
    let total = DisplayWidth.of(text)
    if total <= width { return (text, total) }
    let ellipsisWidth = ellipsis.map { DisplayWidth.of($0) } ?? 0
    let room = ellipsisWidth <= width ? width - ellipsisWidth : width
    var kept = ""
    var used = 0
    for character in text {
      let columns = DisplayWidth.of(character)
      if used + columns > room { break }
      kept.append(character)
      used += columns
    }
    if let ellipsis, ellipsisWidth <= width {
      kept += ellipsis
      used += ellipsisWidth
    }
    return (kept, used)
  }

  /// `text` followed by `ellipsis`, cut so both fit in `width` columns: for a line that is
  /// the last one shown of a longer text.
  static func markedAsCut(_ text: String, width: Int, ellipsis: String) -> String {
    let room = width - DisplayWidth.of(ellipsis)
    guard room >= 0 else { return truncated(text, width: width).text }
    return truncated(text, width: room).text + ellipsis
  }

  enum Alignment: Sendable {
    case leading, trailing, center
  }

  /// Exactly `width` columns: truncated as above, then padded with spaces.
  static func padded(
    _ text: String, width: Int, alignment: Alignment = .leading, ellipsis: String? = nil
  ) -> String {
    let fitted = truncated(text, width: width, ellipsis: ellipsis)
    let gap = max(0, width - fitted.width)
    switch alignment {
    case .leading: return fitted.text + String(repeating: " ", count: gap)
    case .trailing: return String(repeating: " ", count: gap) + fitted.text
    case .center:
      let left = gap / 2
      return String(repeating: " ", count: left) + fitted.text
        + String(repeating: " ", count: gap - left)
    }
  }
}
