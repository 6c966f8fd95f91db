import Catalog

/// Asks before 选学 or 退选: the course, what the choice means, 1 to go ahead, 0 to cancel.
/// It stays up until the records answer; a failed write says so here and 1 tries again.
struct ConfirmScreen: Screen {
  enum Action: Hashable, Sendable {
    case select, drop
  }

  let action: Action
  let courseID: String
  /// The write has been asked for and the answer is awaited.
  private(set) var saving = false
  /// Why the last write failed.
  private(set) var problem: String?
  private(set) var list = NumberedList(count: 1)

  init(action: Action, courseID: String) {
    self.action = action
    self.courseID = courseID
  }

  /// The course and what the choice means, above the item.
  private func introduction(_ context: ScreenContext) -> [StyledLine] {
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

  private func table(_ context: ScreenContext) -> NumberedTable {
    NumberedTable(list: list, firstItemRow: introduction(context).count)
  }

  func heading(_ context: ScreenContext) -> String {
    action == .select ? MemberText.confirmSelectHeading : MemberText.confirmDropHeading
  }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    [
      KeyHint("1", action == .select ? MemberText.confirmSelect : MemberText.confirmDrop),
      KeyHint("0", ScreenText.keyBack),
      KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp),
    ]
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    var list = list
    defer { self.list = list }
    return list.navigation(for: command) { _ in confirm(context) }
  }

  /// 1: the write is asked for, once.
  private mutating func confirm(_ context: ScreenContext) -> Navigation {
    guard !saving else { return .stay }
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

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    let lines = introduction(context)
    for (offset, line) in lines.enumerated() where offset < area.height {
      grid.write(line: line, x: area.x, y: area.y + offset, width: area.width, ellipsis: ellipsis)
    }
    let table = table(context)
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { _ in
      action == .select ? MemberText.confirmSelect : MemberText.confirmDrop
    }
    table.drawBackItem(MemberText.confirmCancel, into: &grid, area: area)
    PendingStatus.draw(
      saving: saving, problem: problem, below: table, into: &grid, area: area, context)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(context).command(forClickAt: x, row: row, backItem: true)
  }
}
