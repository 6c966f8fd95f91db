/// Draws the whole state into a fresh grid: the frame, then the shown screen into the body.
/// Pure: the same state always gives the same grid.
func render(_ state: AppState) -> Grid {
  var grid = Grid(size: state.size)
  if state.isTooSmall {
    TooSmallScreen(size: state.size, minimum: AppState.minimumSize).render(into: &grid)
    return grid
  }
  let layout = state.layout
  let context = state.context
  let screen = state.top.screen
  let glyphs = state.glyphs
  drawTitleBar(into: &grid, state: state, row: layout.titleRow)
  drawHeading(
    screen.heading(context), position: screen.position(context), into: &grid,
    row: layout.headingRow, glyphs: glyphs)
  grid.fill(row: layout.upperRuleRow, with: glyphs.horizontalRule)
  screen.render(into: &grid, area: layout.body, context)
  drawStatusLine(state, into: &grid, row: layout.lowerRuleRow)
  drawKeyLine(screen.keyHints(context), into: &grid, row: layout.keyRow)
  return grid
}

/// The line above the keys: the idle countdown, else a message or the standing notice, else
/// a rule; at its right, what the records are busy with, once they take their time.
private func drawStatusLine(_ state: AppState, into grid: inout Grid, row: Int) {
  let glyphs = state.glyphs
  let busy = state.recordsBusy.map {
    $0 == .saving ? MemberText.busySaving : MemberText.busyReading
  }
  let busyWidth = busy.map { DisplayWidth.of($0) + 2 } ?? 0
  let countdown = state.idleCountdown.map {
    state.sessionPolicy != nil
      ? SSHText.idleEndsCountdown($0)
      : state.session == nil ? KioskText.idleCountdown($0) : MemberText.idleCountdown($0)
  }
  if let line = countdown ?? state.message ?? state.notice {
    grid.write(
      " " + line, x: 0, y: row, width: grid.size.width - busyWidth, style: .notice,
      ellipsis: glyphs.ellipsis)
  } else {
    grid.fill(row: row, with: glyphs.horizontalRule)
  }
  if let busy {
    grid.write(" " + busy + " ", x: grid.size.width - busyWidth, y: row, style: .notice)
  }
}

/// Catalog title and issuer at the left, today's date at the right; the title gives way.
private func drawTitleBar(into grid: inout Grid, state: AppState, row: Int) {
  let width = grid.size.width
  grid.fill(row: row, style: .titleBar)
  // Who is logged in stays in sight on every screen of a shared kiosk.
  let member = state.session.map { MemberText.titleBarMember($0.member) + "  " } ?? ""
  let date = member + ScreenText.titleBarDate(state.today)
  let dateWidth = DisplayWidth.of(date)
  grid.write(date, x: width - dateWidth - 1, y: row, style: .titleBar)
  grid.write(
    state.catalog.title + "  " + state.catalog.issuer, x: 1, y: row,
    width: width - dateWidth - 4, style: .titleBar, ellipsis: state.glyphs.ellipsis)
}

/// The screen's name at the left, where the member is at the right.
private func drawHeading(
  _ heading: String, position: String?, into grid: inout Grid, row: Int, glyphs: Glyphs
) {
  let width = grid.size.width
  var room = width - 2
  if let position {
    let positionWidth = DisplayWidth.of(position)
    grid.write(position, x: width - positionWidth - 1, y: row)
    room -= positionWidth + 2
  }
  grid.write(heading, x: 1, y: row, width: room, style: .heading, ellipsis: glyphs.ellipsis)
}

/// As many hints as fit, in order: a key's name, then what it does.
private func drawKeyLine(_ hints: [KeyHint], into grid: inout Grid, row: Int) {
  let width = grid.size.width
  grid.fill(row: row, style: .keyBar)
  var x = 1
  for hint in hints {
    let needed = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.action)
    guard x + needed <= width - 1 else { break }
    x += grid.write(hint.key, x: x, y: row, style: .keyName)
    x += 1
    x += grid.write(hint.action, x: x, y: row, style: .keyBar)
    x += 2
  }
}
