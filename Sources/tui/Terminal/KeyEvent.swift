/// A key as the member pressed it, before it means anything.
enum Key: Hashable, Sendable {
  case character(Character)
  case up, down, left, right
  case enter, escape, backspace, tab
  case pageUp, pageDown, home, end
  case function(Int)

  /// Decodes a character that arrived as text rather than as a curses key code: the control
  /// characters that terminals send for Enter, Esc, Backspace and Tab become those keys.
  init?(typed scalar: Unicode.Scalar) {
    switch scalar.value {
    case 0x0A, 0x0D: self = .enter
    case 0x1B: self = .escape
    case 0x08, 0x7F: self = .backspace
    case 0x09: self = .tab
    case 0x00..<0x20: return nil
    default: self = .character(Character(scalar))
    }
  }
}
