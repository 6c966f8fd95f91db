import Testing

@testable import tui

@Suite struct TerminalCapabilitiesTests {
  @Test func utf8LocaleOnAnEmulatorDrawsUnicode() {
    let capabilities = TerminalCapabilities(
      environment: ["TERM": "xterm-256color"], codeset: "UTF-8")
    #expect(capabilities.usesUnicodeFrame)
    #expect(capabilities.glyphs == .unicode)
    #expect(capabilities.notice == nil)
    #expect(capabilities.displayable("党", columns: 2) { _ in false } == "党")
  }

  @Test func codesetSpellingsOfUTF8AreRecognised() {
    for codeset in ["UTF-8", "utf8", "UTF8"] {
      #expect(TerminalCapabilities(environment: [:], codeset: codeset).isUTF8Locale)
    }
    #expect(!TerminalCapabilities(environment: [:], codeset: "ANSI_X3.4-1968").isUTF8Locale)
  }

  @Test func aNonUTF8LocaleFallsBackToASCIIWithANotice() {
    let capabilities = TerminalCapabilities(environment: [:], codeset: "ANSI_X3.4-1968")
    #expect(capabilities.glyphs == .ascii)
    #expect(capabilities.notice == ScreenText.asciiNoticeLocale)
    // What the locale cannot encode becomes question marks, one per column.
    #expect(capabilities.displayable("党", columns: 2) { _ in false } == "??")
    #expect(capabilities.displayable("党", columns: 2) { _ in true } == "党")  // e.g. GB18030
    #expect(capabilities.displayable("a", columns: 1) { _ in false } == "a")
  }

  @Test func theLinuxConsoleFallsBackToASCIIEvenWithUTF8() {
    let capabilities = TerminalCapabilities(environment: ["TERM": "linux"], codeset: "UTF-8")
    #expect(capabilities.glyphs == .ascii)
    #expect(capabilities.notice == ScreenText.asciiNoticeLinuxConsole)
    #expect(capabilities.displayable("党", columns: 2) { _ in true } == "??")
  }

  @Test func noColorMeansMonochromeOnlyWhenNotEmpty() {
    #expect(TerminalCapabilities(environment: ["NO_COLOR": "1"], codeset: "UTF-8").colorForbidden)
    #expect(!TerminalCapabilities(environment: ["NO_COLOR": ""], codeset: "UTF-8").colorForbidden)
  }

  @Test func escapeDelayIsShortLocallyLongerOverSSHAndTheUsersWhenSet() {
    #expect(TerminalCapabilities(environment: [:], codeset: "UTF-8").escapeDelayMilliseconds == 25)
    #expect(
      TerminalCapabilities(
        environment: ["SSH_CONNECTION": "10.0.0.1 22 10.0.0.2 22"], codeset: "UTF-8"
      )
      .escapeDelayMilliseconds == 100)
    #expect(
      TerminalCapabilities(environment: ["ESCDELAY": "300"], codeset: "UTF-8")
        .escapeDelayMilliseconds == nil)
  }
}

@Suite struct KeyTests {
  @Test func controlCharactersBecomeKeys() {
    #expect(Key(typed: "\r") == .enter)
    #expect(Key(typed: "\n") == .enter)
    #expect(Key(typed: "\u{1B}") == .escape)
    #expect(Key(typed: "\u{7F}") == .backspace)
    #expect(Key(typed: "\u{1}") == .control(1))
    #expect(Key(typed: "7") == .character("7"))
  }

  @Test func bindings() {
    #expect(Command(key: .character("0")) == .back)
    #expect(Command(key: .character("5")) == .digit(5))
    #expect(Command(key: Key.character("？").normalized) == .help)  // from an input method
    #expect(Command(key: .function(1)) == nil)
    #expect(Command(key: .character("x")) == nil)
  }

  @Test func fullWidthDigitsAndMarksAreNormalizedOnceForEveryScreen() {
    #expect(Key.character("０").normalized == .character("0"))
    #expect(Key.character("９").normalized == .character("9"))
    #expect(Key.character("？").normalized == .character("?"))
    #expect(Key.character("／").normalized == .character("/"))
    #expect(Key.character("Ａ").normalized == .character("Ａ"))
    #expect(Key.character("王").normalized == .character("王"))
    #expect(Key.up.normalized == .up)
    // Through `update`: the main menu, the search box and the login screen all take them.
    #expect(Fixtures.state().pressing("？").state.top.isHelp)
    #expect(Fixtures.state().pressing("１").state.top.kind == "categories")
  }
}
