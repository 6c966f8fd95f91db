import Catalog

/// Asks before an administrator's action at the kiosk — open, close or cancel a sign-in,
/// take a name off its list, quit the program — saying what it will do; 1 goes ahead, 0 goes
/// back. It stays up until the records answer; a failure says so here and 1 tries again.
struct AdminConfirmScreen: Screen {
  enum Action: Hashable, Sendable {
    case open(Course, broadcast: Bool)
    case close(Showing)
    case cancel(Showing)
    case remove(Attendee, reason: String)
    case quit
  }

  let action: Action
  /// The action has been asked for and the answer is awaited.
  private(set) var saving = false
  private(set) var problem: String?
  private(set) var list = NumberedList(count: 1)

  init(action: Action) {
    self.action = action
  }

  /// The question and what it means, then a blank line above the item.
  private func introduction(_ width: Int) -> [StyledLine] {
    let (question, note): (String, String) =
      switch action {
      case .open(let course, let broadcast):
        (KioskText.openQuestion(course.title, broadcast: broadcast), KioskText.openNote)
      case .close(let showing): (KioskText.closeQuestion(showing), KioskText.closeNote)
      case .cancel(let showing): (KioskText.cancelQuestion(showing), KioskText.cancelNote)
      case .remove(let attendee, let reason):
        (KioskText.removeQuestion(attendee.member, reason: reason), KioskText.removeNote)
      case .quit: (KioskText.quitQuestion, KioskText.quitNote)
      }
    return TextWrap.lines(question, width: width).map { [Span($0, .emphasis)] }
      + TextWrap.lines(note, width: width).map { [Span($0)] } + [[]]
  }

  private func table(_ context: ScreenContext) -> NumberedTable {
    NumberedTable(list: list, firstItemRow: introduction(context.body.width).count)
  }

  func heading(_ context: ScreenContext) -> String {
    switch action {
    case .open: KioskText.confirmOpenHeading
    case .close: KioskText.confirmCloseHeading
    case .cancel: KioskText.confirmCancelHeading
    case .remove: KioskText.confirmRemoveHeading
    case .quit: KioskText.confirmQuitHeading
    }
  }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    [
      KeyHint("1", KioskText.confirm), KeyHint("0", ScreenText.keyBack),
      KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp),
    ]
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    var list = list
    defer { self.list = list }
    return list.navigation(for: command) { _ in confirm(context) }
  }

  /// 1: the action is asked for, once.
  private mutating func confirm(_ context: ScreenContext) -> Navigation {
    guard !saving else { return .stay }
    if action == .quit { return .quit }
    guard let kiosk = context.kiosk, let administrator = kiosk.administrator else { return .back }
    let station = kiosk.stationID
    let request: StationRequest
    switch action {
    case .open(let course, let broadcast):
      request = .open(
        stationID: station, courseID: course.id, date: context.today, unscheduled: broadcast,
        by: administrator)
    case .close: request = .close(stationID: station, by: administrator)
    case .cancel: request = .cancel(stationID: station, by: administrator)
    case .remove(let attendee, let reason):
      request = .removeAttendee(
        stationID: station, memberID: attendee.member.id, reason: reason, by: administrator)
    case .quit: return .quit
    }
    saving = true
    problem = nil
    return .ask(.station(request))
  }

  /// The action failed: nothing changed, and 1 tries again.
  mutating func failed(_ message: String) {
    saving = false
    problem = KioskText.failed(message)
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    for (offset, line) in introduction(area.width).enumerated() where offset < area.height {
      grid.write(line: line, x: area.x, y: area.y + offset, width: area.width, ellipsis: ellipsis)
    }
    let table = table(context)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { _ in
      KioskText.confirm
    }
    table.drawBackItem(KioskText.cancel, into: &grid, area: area)
    PendingStatus.draw(
      saving: saving, problem: problem, below: table, into: &grid, area: area, context)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(context).command(forClickAt: x, row: row, backItem: true)
  }
}
