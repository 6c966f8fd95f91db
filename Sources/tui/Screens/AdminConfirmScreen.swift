import Catalog

/// Asks before an administrator's action at the kiosk — open, close or cancel a sign-in,
/// take a name off its list, quit the program — saying what it will do; 1 goes ahead, 0 goes
/// back. It stays up until the records answer; a failure says so here and 1 tries again.
struct AdminConfirmScreen: ConfirmationScreen {
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
  var list = NumberedList(count: 1)

  init(action: Action) {
    self.action = action
  }

  /// The question and what it means, then a blank line above the item.
  func introduction(_ context: ScreenContext) -> [StyledLine] {
    let width = context.body.width
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

  func heading(_ context: ScreenContext) -> String {
    switch action {
    case .open: KioskText.confirmOpenHeading
    case .close: KioskText.confirmCloseHeading
    case .cancel: KioskText.confirmCancelHeading
    case .remove: KioskText.confirmRemoveHeading
    case .quit: KioskText.confirmQuitHeading
    }
  }

  var confirmLabel: String { KioskText.confirm }

  var cancelLabel: String { KioskText.cancel }

  /// 1: the action is asked for, once.
  mutating func confirm(_ context: ScreenContext) -> Navigation {
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
}
