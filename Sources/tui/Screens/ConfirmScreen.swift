import Catalog

/// Asks before 选学 or 退选: the course, what the choice means, 1 to go ahead, 0 to cancel.
/// It stays up until the records answer; a failed write says so here and 1 tries again.
struct ConfirmScreen: ConfirmationScreen {
  enum Action: Hashable, Sendable {
    case select, drop
  }

  let action: Action
  let courseID: String
  /// The write has been asked for and the answer is awaited.
  private(set) var saving = false
  /// Why the last write failed.
  private(set) var problem: String?
  var list = NumberedList(count: 1)

  init(action: Action, courseID: String) {
    self.action = action
    self.courseID = courseID
  }

  /// The course and what the choice means, above the item.
  func introduction(_ context: ScreenContext) -> [StyledLine] {
    let width = context.body.width
    guard let course = context.catalog.course(id: courseID) else { return [] }
    var lines = LabeledText.lines(
      label: ScreenText.detailTitle, value: course.title, width: width)
    lines += LabeledText.lines(
      label: ScreenText.detailHours, value: MemberText.courseFacts(course), width: width)
    lines.append([])
    let question =
      action == .select ? MemberText.confirmSelectQuestion : MemberText.confirmDropQuestion
    lines.append([Span(question, .emphasis)])
    let note =
      switch action {
      case .select:
        course.kind == .required
          ? MemberText.confirmSelectRequired : MemberText.confirmSelectElective
      case .drop: MemberText.confirmDropNote
      }
    lines += TextWrap.lines(note, width: width).map { [Span($0)] }
    lines.append([])
    return lines
  }

  func heading(_ context: ScreenContext) -> String {
    action == .select ? MemberText.confirmSelectHeading : MemberText.confirmDropHeading
  }

  var confirmLabel: String {
    action == .select ? MemberText.confirmSelect : MemberText.confirmDrop
  }

  var cancelLabel: String { MemberText.confirmCancel }

  /// 1: the write is asked for, once.
  mutating func confirm(_ context: ScreenContext) -> Navigation {
    guard let member = context.member else { return .refuse(MemberText.guestCannotSelect) }
    saving = true
    problem = nil
    let id = member.member.id
    return .ask(
      action == .select
        ? .select(courseID: courseID, memberID: id) : .drop(courseID: courseID, memberID: id))
  }

  /// The write failed: nothing changed, and 1 tries again.
  mutating func failed(_ message: String) {
    saving = false
    problem = MemberText.saveFailed(message)
  }
}
