import Catalog

/// What a member who came in by key sees while their records are read: no start screen and no
/// PIN. Should the records fail, it says why; 1 tries again and 0 leaves.
struct EnterScreen: Screen {
  let memberID: String
  /// The records are being asked; cleared by a failure.
  private(set) var checking = true
  private(set) var problem: String?

  init(memberID: String) {
    self.memberID = memberID
  }

  func heading(_ context: ScreenContext) -> String { SSHText.enterHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    (checking ? [] : [KeyHint("1", SSHText.retry)]) + [KeyHint("0", ScreenText.keyQuit)]
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    switch command {
    case .back: return .back
    case .digit(1), .open:
      guard !checking else { return .stay }
      checking = true
      problem = nil
      return .ask(.enter(memberID: memberID))
    default: return .stay
    }
  }

  mutating func failed(_ message: String) {
    checking = false
    problem = SSHText.keyLogInFailed + message
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    var y = area.y
    let text = checking ? SSHText.enterReading : (problem ?? "")
    for line in TextWrap.lines(text, width: area.width) where y < area.maxY {
      grid.write(
        line, x: area.x, y: y, width: area.width, style: checking ? .plain : .notice,
        ellipsis: context.glyphs.ellipsis)
      y += 1
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? { nil }
}
