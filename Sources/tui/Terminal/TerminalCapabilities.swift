/// What the terminal and the environment allow, decided once at start from plain facts
/// (locale codeset, TERM, NO_COLOR, SSH_CONNECTION, ESCDELAY), so the decision is testable.
struct TerminalCapabilities: Hashable, Sendable {
  /// The locale's character set is UTF-8, so any character can be sent.
  var isUTF8Locale: Bool
  /// `TERM=linux`: the Linux console, which cannot draw Chinese whatever the locale.
  var isLinuxConsole: Bool
  /// `NO_COLOR` is set to something: attributes only (https://no-color.org).
  var colorForbidden: Bool
  /// The session came in over SSH, where escape sequences arrive slower.
  var isRemote: Bool
  /// The user set `ESCDELAY` and curses will honour it.
  var escapeDelayIsSet: Bool

  init(
    isUTF8Locale: Bool, isLinuxConsole: Bool = false, colorForbidden: Bool = false,
    isRemote: Bool = false, escapeDelayIsSet: Bool = false
  ) {
    self.isUTF8Locale = isUTF8Locale
    self.isLinuxConsole = isLinuxConsole
    self.colorForbidden = colorForbidden
    self.isRemote = isRemote
    self.escapeDelayIsSet = escapeDelayIsSet
  }

  /// Reads the facts: `environment` looks up one variable (TERM, NO_COLOR, SSH_CONNECTION,
  /// SSH_TTY, ESCDELAY), `codeset` is what `nl_langinfo(CODESET)` says after `setlocale`.
  /// A lookup, not a dictionary: this runs before the first frame, and the first
  /// `[String: String]` made in the release program costs a scan of every protocol
  /// conformance in it (`String: Hashable`).
  init(environment: (String) -> String?, codeset: String) {
    let normalized = codeset.uppercased().filter { $0 != "-" && $0 != "_" }
    self.init(
      isUTF8Locale: normalized == "UTF8",
      isLinuxConsole: environment("TERM") == "linux",
      colorForbidden: !(environment("NO_COLOR") ?? "").isEmpty,
      isRemote: environment("SSH_CONNECTION") != nil || environment("SSH_TTY") != nil,
      escapeDelayIsSet: environment("ESCDELAY") != nil)
  }

  /// The facts from a fixed set of variables.
  init(environment: [String: String], codeset: String) {
    self.init(environment: { environment[$0] }, codeset: codeset)
  }

  /// Box and rule characters need a UTF-8 locale and a terminal that draws them.
  var usesUnicodeFrame: Bool { isUTF8Locale && !isLinuxConsole }

  var glyphs: Glyphs { usesUnicodeFrame ? .unicode : .ascii }

  /// The one-line notice explaining the ASCII frame, nil when Unicode works.
  var notice: String? {
    if isLinuxConsole { return ScreenText.asciiNoticeLinuxConsole }
    if !isUTF8Locale { return ScreenText.asciiNoticeLocale }
    return nil
  }

  /// Milliseconds to wait after Esc for the rest of an escape sequence (htop and ncdu use
  /// 25); longer over SSH; nil to leave the user's `ESCDELAY` in force.
  var escapeDelayMilliseconds: Int? {
    escapeDelayIsSet ? nil : (isRemote ? 100 : 25)
  }

  /// What to send for one cell's character: itself when the terminal can show it,
  /// otherwise a question mark for each column it takes, so the layout holds.
  /// `encodable` says whether the locale can encode a scalar.
  func displayable(_ text: String, columns: Int, encodable: (Unicode.Scalar) -> Bool) -> String {
    if isUTF8Locale && !isLinuxConsole { return text }
    let shows = text.unicodeScalars.allSatisfy { scalar in
      scalar.isASCII || (!isLinuxConsole && encodable(scalar))
    }
    return shows ? text : String(repeating: "?", count: max(1, columns))
  }
}
