import ArgumentParser
import Catalog
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a PIN without echoing it: from the terminal when standard input is one, else one line
/// of standard input (for scripts: `echo 1234 | course-menu members set-pin 1001`).
enum PINPrompt {
  /// The terminal settings to restore if the user presses Ctrl-C while echo is off.
  nonisolated(unsafe) private static var savedTerminal = termios()

  static var isInteractive: Bool { isatty(0) != 0 }

  /// One line, without its line end; nil at end of input.
  static func read(prompt: String) -> String? {
    guard isInteractive else { return readLine(strippingNewline: true) }
    // The prompt names the member: shown inert like every printed name.
    writeToTerminal(ControlCharacters.shown(prompt))
    var settings = termios()
    guard tcgetattr(0, &settings) == 0 else { return readLine(strippingNewline: true) }
    savedTerminal = settings
    let restoreAndExit: @convention(c) (Int32) -> Void = { signal in
      tcsetattr(0, TCSANOW, &PINPrompt.savedTerminal)
      _exit(128 + signal)
    }
    let previousInterrupt = Glibc.signal(SIGINT, restoreAndExit)
    let previousTerminate = Glibc.signal(SIGTERM, restoreAndExit)
    var silent = settings
    silent.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(0, TCSAFLUSH, &silent)
    let line = readLine(strippingNewline: true)
    tcsetattr(0, TCSAFLUSH, &settings)
    Glibc.signal(SIGINT, previousInterrupt)
    Glibc.signal(SIGTERM, previousTerminate)
    writeToTerminal("\n")
    return line
  }

  /// A new PIN: asked twice on a terminal, once from a script; a PIN not given or not the
  /// same twice is printed and ends the command with status 1.
  static func readNewPIN(prompt: String) throws -> String {
    guard let pin = read(prompt: prompt) else {
      printError(AdminText.pinNotGiven)
      throw ExitCode(1)
    }
    if isInteractive {
      guard read(prompt: AdminText.pinConfirmPrompt) == pin else {
        printError(AdminText.pinMismatch)
        throw ExitCode(1)
      }
    }
    return pin
  }

  private static func writeToTerminal(_ text: String) {
    text.withCString { pointer in _ = write(2, pointer, strlen(pointer)) }
  }
}
