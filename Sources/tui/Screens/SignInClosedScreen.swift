import Catalog

/// The attendance list of a sign-in just closed: the course, what was credited, and every
/// name with its time and whether its hours were credited now, were there already, or not
/// (removed). 0 goes back to the administrator's menu.
struct SignInClosedScreen: DocumentScreen {
  let closed: ClosedSignIn
  var scroll = ScrollPosition()

  func heading(_ context: ScreenContext) -> String { KioskText.closedHeading }

  func document(_ context: ScreenContext) -> DocumentView {
    let width = context.body.width
    let ellipsis = context.glyphs.ellipsis
    var lines: [StyledLine] = [
      [Span(KioskText.closedSummary(closed), .emphasis)], [Span(KioskText.closedCounts(closed))],
      [],
    ]
    let columns = Columns([.fixed(8), .fixed(10), .fixed(8), .flexible], total: width)
    lines.append([Span(columns.row(KioskText.closedColumns, ellipsis: ellipsis), .columnHeader)])
    for attendee in closed.attendees {
      let status =
        switch attendee.outcome(closed.credits) {
        case .signedIn, .credited: KioskText.credited
        case .alreadyCredited: KioskText.alreadyCredited
        case .removed(let removal): KioskText.removedMark(removal.reason)
        }
      lines.append([
        Span(
          columns.row(
            [
              attendee.member.id, attendee.member.name, LocalTime(attendee.signedAt).clockText,
              status,
            ], ellipsis: ellipsis))
      ])
    }
    return DocumentView(lines: lines, scroll: scroll, height: context.body.height)
  }
}
