import Catalog

/// One session of 近期安排: the course, day, time, place and seats, and 1 to sign up (报名)
/// or to give the seat back (取消报名). A full session says 已满 and offers nothing.
struct SignUpScreen: Screen {
  let session: SessionKey
  let first: LocalDate
  let last: LocalDate
  private(set) var seats: Seats?
  /// The sign-up (or its cancelling) has been asked for and the answer is awaited.
  private(set) var saving = false
  private(set) var problem: String?
  private(set) var cursor = 0

  init(session: SessionKey, seats: Seats?, first: LocalDate, last: LocalDate) {
    self.session = session
    self.seats = seats
    self.first = first
    self.last = last
  }

  mutating func take(_ seats: Seats) {
    self.seats = seats
    saving = false
  }

  /// The write failed: nothing changed, and 1 tries again.
  mutating func failed(_ message: String) {
    saving = false
    problem = KioskText.failed(message)
  }

  func found(_ context: ScreenContext) -> (Course, CourseSession)? {
    guard let course = context.catalog.course(id: session.courseID),
      let scheduled = course.sessions.first(where: {
        $0.date == session.date && $0.place == session.place
      })
    else { return nil }
    return (course, scheduled)
  }

  var isMine: Bool { seats?.mine.contains(session) ?? false }

  func isFull(_ context: ScreenContext) -> Bool {
    guard let capacity = found(context)?.1.capacity, let seats else { return false }
    return !isMine && (seats.taken[session] ?? 0) >= capacity
  }

  /// One item (报名 or 取消报名) once the seats are known, none when the session is full.
  func list(_ context: ScreenContext) -> NumberedList {
    NumberedList(count: seats == nil || isFull(context) ? 0 : 1, cursor: cursor)
  }

  private func facts(_ context: ScreenContext) -> [StyledLine] {
    let width = context.body.width
    guard let (course, scheduled) = found(context) else { return [] }
    var lines = LabeledText.lines(label: ScreenText.detailTitle, value: course.title, width: width)
    lines += LabeledText.lines(
      label: ScreenText.detailHours, value: MemberText.courseFacts(course), width: width)
    lines += LabeledText.lines(
      label: KioskText.dateLabel, value: ScreenText.sessionDays(scheduled), width: width)
    if let time = scheduled.time {
      lines += LabeledText.lines(label: KioskText.timeLabel, value: time, width: width)
    }
    lines += LabeledText.lines(label: KioskText.placeLabel, value: scheduled.place, width: width)
    lines += LabeledText.lines(
      label: KioskText.seatsLabel,
      value: KioskText.seatsValue(
        capacity: scheduled.capacity, taken: seats?.taken[session] ?? (seats == nil ? nil : 0)),
      width: width)
    if seats != nil {
      lines += LabeledText.lines(
        label: KioskText.myStatusLabel,
        value: isMine ? KioskText.signedUpStatus : KioskText.notSignedUpStatus, width: width)
    }
    if isFull(context) { lines.append([Span(KioskText.fullNote, .notice)]) }
    return lines + [[]]
  }

  private func table(_ context: ScreenContext) -> NumberedTable {
    NumberedTable(list: list(context), firstItemRow: facts(context).count)
  }

  func heading(_ context: ScreenContext) -> String { KioskText.signUpHeading }

  func position(_ context: ScreenContext) -> String? { nil }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    NumberedTable.keyHints(for: list(context), back: ScreenText.keyBack)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    var list = list(context)
    defer { cursor = list.cursor }
    if case .digit = command, list.count == 0 {
      return isFull(context) ? .refuse(KioskText.fullNote) : .stay
    }
    return list.navigation(for: command) { _ in confirm(context) }
  }

  private mutating func confirm(_ context: ScreenContext) -> Navigation {
    guard !saving else { return .stay }
    guard let member = context.member?.member else { return .refuse(MemberText.guestCannotSelect) }
    saving = true
    problem = nil
    let id = member.id
    return .ask(
      .station(
        isMine
          ? .cancelSignUp(memberID: id, session: session, first: first, last: last)
          : .signUp(memberID: id, session: session, first: first, last: last)))
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    for (offset, line) in facts(context).enumerated() where offset < area.height {
      grid.write(line: line, x: area.x, y: area.y + offset, width: area.width, ellipsis: ellipsis)
    }
    let table = table(context)
    let mine = isMine
    table.draw(into: &grid, area: area, header: nil, glyphs: context.glyphs) { _ in
      mine ? KioskText.cancelSignUpItem : KioskText.signUpItem
    }
    table.drawBackItem(ScreenText.keyBack, into: &grid, area: area)
    PendingStatus.draw(
      saving: saving, problem: problem, below: table, into: &grid, area: area, context)
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(context).command(forClickAt: x, row: row, backItem: true)
  }
}
