/// What a part of the screen means, not how it looks: the backend's theme turns each style
/// into attributes (always) and colours (when the terminal has them and NO_COLOR is unset),
/// so nothing depends on colour alone.
enum CellStyle: UInt8, Hashable, Sendable, CaseIterable {
  case plain
  /// The top line: catalog title, issuer, date.
  case titleBar
  /// The name of the current screen.
  case heading
  /// Table column names.
  case columnHeader
  /// The row under the cursor.
  case selected
  /// The bottom line listing the keys.
  case keyBar
  /// A key's name inside the key line or a numbered item's number.
  case keyName
  /// A one-line notice or a message after a key that did nothing.
  case notice
  /// A field label or another word that must stand out.
  case emphasis
  /// The part of a search result that matched what the member typed: underlined and bold,
  /// or in reverse video where the terminal cannot underline.
  case match
  /// A matched part inside the row under the cursor, which is already in reverse video: it
  /// drops the reverse (and stays underlined), so it still stands out without colour.
  case selectedMatch
}

/// One terminal column: a character and its style.
///
/// A wide character occupies its cell and a continuation cell after it, so a row always has
/// exactly as many cells as the terminal has columns and a wide glyph is never split.
struct Cell: Hashable, Sendable {
  /// One character, or empty for the right half of a wide character.
  var text: String
  var style: CellStyle

  static let blank = Cell(text: " ", style: .plain)

  var isContinuation: Bool { text.isEmpty }

  static func continuation(_ style: CellStyle) -> Cell { Cell(text: "", style: style) }
}

/// Columns and rows of a terminal or of a part of it.
struct Size: Hashable, Sendable, CustomStringConvertible {
  var width: Int
  var height: Int

  var description: String { "\(width)x\(height)" }
}

/// A rectangle of the grid, in columns and rows.
struct Rect: Hashable, Sendable {
  var x: Int
  var y: Int
  var width: Int
  var height: Int

  var maxY: Int { y + height }
}
