/// A key as the member pressed it, before it means anything.
enum Key: Hashable, Sendable {
  case character(Character)
  case up, down, left, right
  case enter, escape, backspace, tab
  case pageUp, pageDown, home, end
  case function(Int)
  /// Ctrl-C. The terminal runs in raw mode, so it is a key, never the signal that kills.
  case interrupt
  /// Any other control character, by its code: Ctrl-Z (0x1A), Ctrl-\ (0x1C), Ctrl-S (0x13) …
  /// arrive as keys, never as the signals that stop, dump or freeze the program.
  case control(UInt8)

  /// Decodes a character that arrived as text rather than as a curses key code: the control
  /// characters that terminals send for Enter, Esc, Backspace and Tab become those keys, and
  /// every other control character a key of its own.
  init(typed scalar: Unicode.Scalar) {
    switch scalar.value {
    case 0x0A, 0x0D: self = .enter
    case 0x1B: self = .escape
    case 0x08, 0x7F: self = .backspace
    case 0x09: self = .tab
    case 0x03: self = .interrupt
    case 0x00..<0x20, 0x80..<0xA0: self = .control(UInt8(scalar.value))
    default: self = .character(Character(scalar))
    }
  }
}
