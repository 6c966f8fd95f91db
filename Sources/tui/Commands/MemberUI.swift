import ArgumentParser
import Catalog
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The member UI on the process's terminal, shared by `browse` (kiosk, village room, a local
/// terminal) and `ssh session` (an SSH server's only command): the locale, what the terminal
/// can do, curses, the records worker and the loop, and everything put back on the way out.
enum MemberUI {
  /// Before anything reads or writes text: curses needs the locale for wide characters. A
  /// UTF-8 locale asked for but not installed here (an SSH client may send any `LC_ALL`)
  /// becomes `C.UTF-8` rather than the ASCII of the `C` locale; any other stays as it falls.
  static func setLocale() {
    guard setlocale(LC_ALL, "") == nil else { return }
    let names: [String] = ["LC_ALL", "LC_CTYPE", "LANG"]
    let asked = names.compactMap { name in getenv(name).map { String(cString: $0) } }
      .first { !$0.isEmpty }
    if let asked, asked.lowercased().replacingOccurrences(of: "-", with: "").contains("utf8") {
      setlocale(LC_ALL, "C.UTF-8")
    }
  }

  /// What the terminal and the environment allow.
  static func capabilities() -> TerminalCapabilities {
    TerminalCapabilities(
      environment: { getenv($0).map { String(cString: $0) } },
      codeset: String(cString: nl_langinfo(nl_item(CODESET))))
  }

  /// Runs the loop from `state` until the member leaves or the terminal goes; `cleanUp` runs
  /// once the worker has stopped, whatever happened. Returns the last state; exits with
  /// status 1 when the terminal cannot be used at all.
  static func run(
    _ state: AppState, capabilities: TerminalCapabilities, runner: RecordsRunner,
    nudge: SessionNudge? = nil, cleanUp: () -> Void = {}
  ) throws -> AppState {
    let worker = RecordsWorker(runner: runner)
    func finish() {
      worker.stop()
      runner.close()
      cleanUp()
    }
    TerminalGuard.install()
    guard let (opened, fallback) = CursesBackend.open(capabilities: capabilities) else {
      finish()
      printError(ScreenText.cannotOpenTerminal)
      throw ExitCode(1)
    }
    var backend = opened
    var state = state
    state.size = backend.size
    if let fallback { state.notice = fallback }
    let last = AppLoop.run(state, on: &backend, records: worker, nudge: nudge)
    backend.stop()
    finish()
    if let farewell = last.farewell { printOutput(farewell) }
    TerminalGuard.reraiseStopSignal()
    return last
  }
}
