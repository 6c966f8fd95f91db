/// What a key means to the screens: the key bindings in one table.
enum Command: Hashable, Sendable {
  /// A digit 1-9: the numbered thing on screen.
  case digit(Int)
  case back, up, down, pageUp, pageDown, home, end, open, help
  /// `/`: the search screen, from anywhere.
  case search

  /// The command for a key (as `Key.normalized` spells it), nil when the key does nothing.
  init?(key: Key) {
    switch key {
    case .character(let character):
      switch character {
      case "0": self = .back
      case "1"..."9": self = .digit(Int(String(character)) ?? 0)
      case "q", "Q": self = .back
      case "j", "J": self = .down
      case "k", "K": self = .up
      case "?": self = .help
      case "/": self = .search
      case " ": self = .pageDown
      default: return nil
      }
    case .up: self = .up
    case .down: self = .down
    case .left, .escape, .backspace, .interrupt: self = .back
    case .right, .enter: self = .open
    case .pageUp: self = .pageUp
    case .pageDown: self = .pageDown
    case .home: self = .home
    case .end: self = .end
    case .tab, .function, .control: return nil
    }
  }
}
