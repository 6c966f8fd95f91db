import Catalog

/// Logging in with digits alone: the member number, Enter, the PIN (shown as stars), Enter.
///
/// Digits here are typed text, so 0 cannot mean back: Enter on an empty field steps back, and
/// Esc (or Ctrl-C) leaves. Backspace only ever erases: on an empty number it stays, so a
/// member erasing a mistake never falls off the screen. The PIN is handed to the records as
/// soon as it is complete and is not kept on the screen.
struct LoginScreen: Screen {
  enum Phase: Hashable, Sendable {
    case number, pin
  }

  /// What the number and PIN are for: the same typing serves all three.
  enum Purpose: Hashable, Sendable {
    /// A member logs in.
    case member
    /// A member signs in at the kiosk's open sign-in of this course.
    case signIn(showingID: Int64, courseTitle: String)
    /// An administrator at the kiosk of this station.
    case administrator(stationID: String)
  }

  let purpose: Purpose

  init(purpose: Purpose = .member) {
    self.purpose = purpose
  }

  /// As `Member.isValidID` and `PINHash.isAcceptable` allow.
  static let numberLimit = 20
  static let pinMinimum = 4
  static let pinLimit = 12

  private(set) var phase = Phase.number
  private(set) var number = ""
  /// Digits typed so far; emptied when the PIN is sent.
  private(set) var pin = ""
  /// The PIN has been sent and the answer is awaited.
  private(set) var checking = false
  /// Why the last attempt failed, shown until the next one.
  private(set) var problem: String?

  func heading(_ context: ScreenContext) -> String {
    switch purpose {
    case .member: MemberText.loginHeading
    case .signIn(_, let title): KioskText.signInHeading(title)
    case .administrator: KioskText.administratorLoginHeading
    }
  }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    [
      KeyHint(MemberText.keyNameDigits, ScreenText.keyType),
      KeyHint(ScreenText.keyNameEnter, MemberText.keyConfirm),
      KeyHint(ScreenText.keyNameBackspace, MemberText.keyErase),
      KeyHint(ScreenText.keyNameEscape, ScreenText.keyBack),
      KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp),
    ]
  }

  /// Typed keys: digits, Backspace and Enter. Anything else goes to the key table (Esc and
  /// the left arrow go back, `?` opens help).
  mutating func input(_ key: Key, _ context: ScreenContext) -> Navigation? {
    switch key {
    case .character(let character):
      guard character.isASCII, character.isWholeNumber else {
        return character == "?" ? nil : .refuse(MemberText.onlyDigits)
      }
      // While the PIN is checked, typing waits for the answer.
      return checking ? .stay : type(character)
    case .backspace:
      return checking ? .stay : erase()
    case .enter:
      return checking ? .stay : confirm(context)
    default:
      return nil
    }
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    command == .back ? .back : .stay
  }

  private mutating func type(_ digit: Character) -> Navigation {
    switch phase {
    case .number:
      guard number.count < Self.numberLimit else {
        return .refuse(MemberText.numberTooLong(Self.numberLimit))
      }
      number.append(digit)
    case .pin:
      guard pin.count < Self.pinLimit else { return .refuse(MemberText.pinTooLong(Self.pinLimit)) }
      pin.append(digit)
    }
    return .stay
  }

  private mutating func erase() -> Navigation {
    switch phase {
    case .number:
      guard !number.isEmpty else { return .refuse(MemberText.nothingToErase) }
      number.removeLast()
    case .pin:
      if pin.isEmpty {
        phase = .number
      } else {
        pin.removeLast()
      }
    }
    return .stay
  }

  private mutating func confirm(_ context: ScreenContext) -> Navigation {
    switch phase {
    case .number:
      guard !number.isEmpty else { return .back }
      phase = .pin
      problem = nil
      return .stay
    case .pin:
      guard !pin.isEmpty else {
        phase = .number
        return .stay
      }
      guard pin.count >= Self.pinMinimum else {
        return .refuse(MemberText.pinTooShort(Self.pinMinimum))
      }
      let request: RecordsRequest =
        switch purpose {
        case .member: .logIn(memberID: number, pin: pin)
        case .signIn(let showingID, _):
          .station(.signIn(showingID: showingID, memberID: number, pin: pin))
        case .administrator(let stationID):
          .station(.administratorLogIn(id: number, pin: pin, stationID: stationID))
        }
      pin = ""
      checking = true
      problem = nil
      return .ask(request)
    }
  }

  /// The records said no: say so without saying whether the number exists, with the waits
  /// and attempts the reply gives, and ask for the PIN again (the number stays; Backspace on
  /// the empty PIN goes back to it).
  mutating func refused(_ refusal: RecordsReply.LoginRefusal, today: LocalDate) {
    checking = false
    phase = .pin
    pin = ""
    switch refusal {
    case .refused(_, let retry?):
      problem =
        MemberText.wrongNumberOrPIN + MemberText.tooManyFailures
        + MemberText.retry(retry, today: today)
    case .refused(let freeAttemptsLeft, nil):
      problem =
        MemberText.wrongNumberOrPIN + MemberText.retypePIN
        + (freeAttemptsLeft > 0 ? MemberText.freeAttempts(freeAttemptsLeft) : "")
    case .mustWait(let until):
      problem = MemberText.tooManyFailures + MemberText.retry(until, today: today)
    case .locked:
      restart()
      problem = MemberText.lockedOut
    }
  }

  /// The number cannot be used here (a name taken off the sign-in's list, an administrator
  /// of another station): say why, and ask for a number again.
  mutating func turnedAway(_ reason: String) {
    checking = false
    restart()
    problem = reason
  }

  /// The records could not be asked (database busy or unreadable): the PIN is typed again.
  mutating func failed(_ message: String) {
    checking = false
    phase = .pin
    pin = ""
    problem = MemberText.loginFailed(message)
  }

  private mutating func restart() {
    phase = .number
    number = ""
    pin = ""
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    var y = area.y
    func paragraph(_ text: String, style: CellStyle = .plain) {
      for line in TextWrap.lines(text, width: area.width) where y < area.maxY {
        grid.write(line, x: area.x, y: y, width: area.width, style: style, ellipsis: ellipsis)
        y += 1
      }
    }
    let administrator: Bool
    if case .administrator = purpose { administrator = true } else { administrator = false }
    paragraph(
      phase == .pin
        ? MemberText.loginPINPrompt
        : administrator ? KioskText.administratorNumberPrompt : MemberText.loginNumberPrompt,
      style: .emphasis)
    y += 1
    let cursor = checking ? "" : "_"
    let fields = [
      (
        administrator ? KioskText.administratorNumberLabel : MemberText.loginNumberLabel,
        number + (phase == .number ? cursor : "")
      ),
      (
        MemberText.loginPINLabel,
        phase == .pin ? String(repeating: "*", count: pin.count) + cursor : ""
      ),
    ]
    for (label, value) in fields where y < area.maxY {
      let width = grid.write(label, x: area.x + 2, y: y, style: .emphasis)
      grid.write(value, x: area.x + 2 + width, y: y, width: area.width - 2 - width)
      y += 1
    }
    y += 1
    if checking {
      paragraph(MemberText.loginChecking, style: .notice)
    } else if let problem {
      paragraph(problem, style: .notice)
    }
    y += 1
    paragraph(MemberText.loginTips)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? { nil }
}
