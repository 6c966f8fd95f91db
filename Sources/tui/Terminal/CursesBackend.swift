import CNcurses

#if canImport(Glibc)
  import Glibc
#endif

/// The only code that talks to curses: starts and ends it, sends the cells of a frame that
/// changed with wide-character calls, and turns `get_wch` results into events, waiting for
/// them (and for the records worker and the next deadline) without a timer.
final class CursesBackend: TerminalBackend {
  let capabilities: TerminalCapabilities
  /// Curses never waits for input itself (`nextEvent` does, in `DescriptorWait`): a read is
  /// tried only once input is there, or to take what curses has read ahead.
  static let inputTimeoutMilliseconds: Int32 = 0
  /// This many reads in a row that fail after the wait said input was there mean the
  /// terminal is gone.
  static let lostTerminalErrorCount = 3
  /// How long to wait for more resizes after one, so a burst redraws once.
  static let resizeSettleMilliseconds: Int32 = 30

  private var screen: OpaquePointer?
  private var shown: Grid?
  private var pending: [Event] = []
  private var failedReads = 0
  private var theme = Theme()

  /// Starts curses on the process's terminal, as terminal `type` (nil: `TERM`); nil when
  /// there is no usable terminal or no terminfo entry for the type.
  init?(capabilities: TerminalCapabilities, type: String? = nil) {
    self.capabilities = capabilities
    guard let output = fdopen(1, "w"), let input = fdopen(0, "r") else { return nil }
    // On failure the two streams stay (closing them would close the terminal): a few bytes,
    // for the few types `open` tries.
    guard let screen = newterm(type, output, input) else { return nil }
    self.screen = screen
    set_term(screen)
    if let delay = capabilities.escapeDelayMilliseconds { set_escdelay(Int32(delay)) }
    // Raw, not cbreak: Ctrl-C, Ctrl-Z, Ctrl-\ and Ctrl-S reach the program as keys instead of
    // killing, stopping, dumping or freezing it (see `Key.interrupt`, `Key.control`).
    raw()
    noecho()
    nonl()
    intrflush(cm_stdscr(), false)
    keypad(cm_stdscr(), true)
    wtimeout(cm_stdscr(), Self.inputTimeoutMilliseconds)
    curs_set(0)
    let mouseOn = mousemask(cm_button1_clicked() | cm_button1_released(), nil) != 0
    theme = Self.makeTheme(
      color: !capabilities.colorForbidden && has_colors(),
      linuxConsole: capabilities.isLinuxConsole)
    TerminalGuard.arm(restoreSequence: Self.restoreSequence(mouse: mouseOn))
  }

  /// Starts curses as `TERM` says or, when the terminfo database does not know it (a new
  /// emulator's name sent over SSH), as the first of `TerminalType.fallbacks` it knows, with
  /// the one-line notice that says so.
  static func open(capabilities: TerminalCapabilities) -> (CursesBackend, notice: String?)? {
    let asked = getenv("TERM").map { String(cString: $0) }
    if let asked, TerminalType.isPlausible(asked),
      let backend = CursesBackend(capabilities: capabilities, type: asked)
    {
      return (backend, nil)
    }
    for fallback in TerminalType.fallbacks {
      guard let backend = CursesBackend(capabilities: capabilities, type: fallback) else {
        continue
      }
      setenv("TERM", fallback, 1)
      return (backend, TerminalType.notice(asked: asked ?? "", fallback: fallback))
    }
    return nil
  }

  /// Ends curses and gives the terminal back as it was.
  func stop() {
    guard let screen else { return }
    endwin()
    delscreen(screen)
    self.screen = nil
    TerminalGuard.disarm()
  }

  deinit { stop() }

  var size: Size { Size(width: Int(cm_cols()), height: Int(cm_lines())) }

  func draw(_ grid: Grid) {
    let stdscr = cm_stdscr()
    let previous = shown?.size == grid.size ? shown : nil
    if previous == nil {
      if shown != nil { clearok(cm_curscr(), true) }
      // A whole frame goes onto a window of blanks, so only the cells that are not blank are
      // sent: most of a screen is empty, and the first frame waits for every call.
      werase(stdscr)
    }
    for y in 0..<grid.size.height {
      for x in 0..<grid.size.width {
        let cell = grid[x, y]
        if cell.isContinuation || cell == (previous?[x, y] ?? .blank) { continue }
        put(cell, x: x, y: y)
      }
    }
    wnoutrefresh(stdscr)
    doupdate()
    shown = grid
  }

  /// Waits (`DescriptorWait`) on the terminal and the records worker's pipe until an event
  /// comes or the deadline passes. Nothing else wakes the program, so between events it uses
  /// no CPU.
  func nextEvent(_ wait: Wait) -> Event? {
    if !pending.isEmpty { return pending.removeFirst() }
    // Stop signals and resizes wait until the wait takes them (see `LoopSignals`).
    let outsideWait = LoopSignals.block()
    defer { LoopSignals.restore(outsideWait) }
    let deadline = wait.timeout.map { SystemClock.uptime() + max(0, $0) }
    var polledReadable = false
    while true {
      if TerminalGuard.stopSignal.load(ordering: .relaxed) != 0 { return .hangup }
      var character: wint_t = 0
      let result = wget_wch(cm_stdscr(), &character)
      if result != cm_err() {
        failedReads = 0
        if let event = decode(result: result, character: character) { return event }
        continue
      }
      if polledReadable {
        // Input was said to be there, yet nothing could be read: end of input or a failing
        // terminal.
        failedReads += 1
        if failedReads >= Self.lostTerminalErrorCount { return .hangup }
      }
      let wakes = [wait.wakeDescriptor, wait.nudgeDescriptor].compactMap { $0 }.filter { $0 >= 0 }
      let timeout = deadline.map { $0 - SystemClock.uptime() }
      switch DescriptorWait.wait(for: [0] + wakes, timeout: timeout, mask: outsideWait) {
      case .interrupted:
        polledReadable = false
        continue
      case .failed:
        return .hangup
      case .timedOut:
        return nil
      case .readable(let ready):
        if !ready.isDisjoint(with: wakes) { return nil }
      }
      polledReadable = true
    }
  }

  private func decode(result: Int32, character: wint_t) -> Event? {
    guard result == cm_key_code_yes() else {
      return Unicode.Scalar(UInt32(character)).map { Event.key(Key(typed: $0)) }
    }
    let code = Int32(bitPattern: character)
    if code == cm_key_resize() { return settleResize() }
    if code == cm_key_mouse() { return mouseEvent() }
    return Self.keyCodes[code].map(Event.key)
  }

  /// Collects a burst of resizes into one; a key that arrives meanwhile is kept for later.
  private func settleResize() -> Event {
    let stdscr = cm_stdscr()
    wtimeout(stdscr, Self.resizeSettleMilliseconds)
    defer { wtimeout(stdscr, Self.inputTimeoutMilliseconds) }
    while true {
      var character: wint_t = 0
      let result = wget_wch(stdscr, &character)
      if result == cm_err() { break }
      if result == cm_key_code_yes(), Int32(bitPattern: character) == cm_key_resize() {
        continue
      }
      if let event = decode(result: result, character: character) { pending.append(event) }
      break
    }
    return .resize(size)
  }

  private func mouseEvent() -> Event? {
    var event = MEVENT()
    guard getmouse(&event) == cm_ok(),
      event.bstate & (cm_button1_clicked() | cm_button1_released()) != 0
    else { return nil }
    return .click(x: Int(event.x), y: Int(event.y))
  }

  private func put(_ cell: Cell, x: Int, y: Int) {
    let columns = cell.text.first.map { DisplayWidth.of($0) } ?? 1
    let text = capabilities.displayable(cell.text, columns: columns, encodable: Self.encodable)
    let style = theme[cell.style]
    var column = Int32(x)
    // A character's first four scalars and the ending 0, in place: every cell of the first
    // frame comes through here, and an array per cell shows in the time to it.
    var wide: (wchar_t, wchar_t, wchar_t, wchar_t, wchar_t) = (0, 0, 0, 0, 0)
    for character in text {
      withUnsafeMutableBytes(of: &wide) { raw in
        let buffer = raw.bindMemory(to: wchar_t.self)
        var count = 0
        for scalar in character.unicodeScalars.prefix(4) {
          buffer[count] = wchar_t(bitPattern: scalar.value)
          count += 1
        }
        buffer[count] = 0
        var complex = cchar_t()
        setcchar(&complex, buffer.baseAddress, style.attributes, style.pair, nil)
        mvwadd_wch(cm_stdscr(), Int32(y), column, &complex)
      }
      // A cell holds one character; a stand-in for one the terminal cannot show is `?`s.
      column += Int32(text == cell.text ? columns : 1)
    }
  }

  /// Attributes carry every meaning; colour, when allowed, only adds to them.
  private static func makeTheme(color: Bool, linuxConsole: Bool) -> Theme {
    let bold = cm_a_bold()
    let reverse = cm_a_reverse()
    let underline = cm_a_underline()
    // Some terminals have no underline (`smul`); the Linux console shows it as a colour.
    let canUnderline =
      !linuxConsole && (tigetstr("smul").map { Int(bitPattern: $0) != -1 } ?? false)
    var theme = Theme()
    theme[.titleBar] = (reverse | bold, 0)
    theme[.heading] = (bold, 0)
    theme[.columnHeader] = (underline, 0)
    theme[.selected] = (reverse | bold, 0)
    theme[.keyBar] = (reverse, 0)
    theme[.keyName] = (bold, 0)
    theme[.notice] = (bold, 0)
    theme[.emphasis] = (bold, 0)
    theme[.match] = canUnderline ? (underline | bold, 0) : (reverse, 0)
    theme[.selectedMatch] = (canUnderline ? underline | bold : bold, 0)
    guard color, start_color() == cm_ok() else { return theme }
    use_default_colors()
    init_pair(1, Int16(COLOR_WHITE), Int16(COLOR_BLUE))
    init_pair(2, Int16(COLOR_BLACK), Int16(COLOR_CYAN))
    init_pair(3, Int16(COLOR_CYAN), -1)
    init_pair(4, Int16(COLOR_YELLOW), -1)
    theme[.titleBar] = (bold, 1)
    theme[.keyBar] = (cm_a_normal(), 2)
    theme[.heading] = (bold, 3)
    theme[.notice] = (bold, 4)
    theme[.match] = (theme[.match].attributes, 4)
    return theme
  }

  /// Attributes and colour pair per style, by the style's number (no hashing per cell).
  private struct Theme {
    private var styles = [(attributes: attr_t, pair: Int16)](
      repeating: (cm_a_normal(), 0), count: CellStyle.allCases.count)

    subscript(style: CellStyle) -> (attributes: attr_t, pair: Int16) {
      get { styles[Int(style.rawValue)] }
      set { styles[Int(style.rawValue)] = newValue }
    }
  }

  /// What leaves the UI without curses' help, for the crash handler.
  private static func restoreSequence(mouse: Bool) -> [UInt8] {
    var bytes: [UInt8] = []
    if mouse { bytes += Array("\u{1B}[?1000l\u{1B}[?1006l".utf8) }
    for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
      bytes += Array(String(cString: value).utf8)
    }
    return bytes
  }

  private static let keyCodes: [Int32: Key] = {
    var codes: [Int32: Key] = [
      cm_key_up(): .up, cm_key_down(): .down, cm_key_left(): .left, cm_key_right(): .right,
      cm_key_home(): .home, cm_key_end(): .end, cm_key_ppage(): .pageUp,
      cm_key_npage(): .pageDown, cm_key_enter(): .enter, cm_key_backspace(): .backspace,
    ]
    for number in 1...12 { codes[cm_key_f(Int32(number))] = .function(number) }
    return codes
  }()

  private static func encodable(_ scalar: Unicode.Scalar) -> Bool {
    var state = mbstate_t()
    var buffer = [CChar](repeating: 0, count: 16)
    return wcrtomb(&buffer, wchar_t(bitPattern: scalar.value), &state) != -1
  }
}
