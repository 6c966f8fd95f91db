/// What to tell curses the terminal is when `TERM` names nothing the terminfo database knows:
/// SSH clients send whatever their emulator is called, and refusing to start over a name
/// would leave the member with nothing. Nearly every emulator a member uses (PuTTY, Xshell,
/// phone apps, Linux and macOS terminals) understands xterm's sequences.
enum TerminalType {
  /// Tried in order: the richest first; `vt100` is in every terminfo database.
  static let fallbacks = ["xterm-256color", "xterm", "vt100"]
  /// Longer than any real terminal name.
  static let longestName = 64

  /// A name that could be a terminfo entry: letters, digits and `.+-_`, not too long. Anything
  /// else goes straight to the fallbacks (and is never shown as it was sent).
  static func isPlausible(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.count <= longestName
      && name.utf8.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
          || (0x61...0x7A).contains(byte) || byte == 0x2E || byte == 0x2B || byte == 0x2D
          || byte == 0x5F
      }
  }

  /// The notice, with the name as it may be shown: as sent when plausible, else as `?`.
  static func notice(asked: String, fallback: String) -> String {
    SSHText.unknownTerminal(isPlausible(asked) ? asked : "?", fallback: fallback)
  }
}
