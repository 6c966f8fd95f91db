/// Draws a numbered list and finds the item under a click, from one geometry, so what is
/// drawn and what is clicked can never disagree.
struct NumberedTable: Sendable {
  let list: NumberedList
  /// Body row of the first item (the column header, when any, is the row above).
  let firstItemRow: Int

  /// Cursor mark, a three-column number and a gap: where row text starts.
  static let prefixWidth = 6
  /// Where the three columns of an item's number start.
  static let numberColumn = 1
  static let numberWidth = 3
  /// Columns from the left edge to the start of the "9 下一页" slot on the page line.
  static let nextSlotOffset = 14

  /// The body row of item `index` (which must be on the current page).
  func row(of index: Int) -> Int { firstItemRow + index - list.visible.lowerBound }

  /// The page line sits below a full page, so it stays put while paging.
  var pageLineRow: Int? { list.isPaged ? firstItemRow + list.pageSize : nil }

  /// The first body row below the table.
  var endRow: Int {
    if let pageLineRow { return pageLineRow + 1 }
    return firstItemRow + list.visible.count
  }

  /// Draws the header (when given), the items of the current page, and the page line.
  /// `rowText` gives an item's text, cut to the room left of the number.
  func draw(
    into grid: inout Grid, area: Rect, header: String?, glyphs: Glyphs,
    rowText: (_ index: Int) -> String
  ) {
    let textWidth = max(0, area.width - Self.prefixWidth)
    if let header, firstItemRow > 0 {
      let y = area.y + firstItemRow - 1
      grid.write(
        TextFit.padded(ScreenText.columnNumber, width: Self.prefixWidth) + header, x: area.x,
        y: y, width: area.width, style: .columnHeader, ellipsis: glyphs.ellipsis)
    }
    for index in list.visible {
      let y = area.y + row(of: index)
      guard y < area.maxY else { break }
      let selected = index == list.cursor
      grid.write(selected ? glyphs.cursor : " ", x: area.x, y: y, width: 1)
      Self.drawNumber(list.digit(for: index), into: &grid, x: area.x, y: y)
      grid.write(
        rowText(index), x: area.x + Self.prefixWidth, y: y, width: textWidth,
        ellipsis: glyphs.ellipsis)
      if selected {
        grid.restyle(row: y, columns: area.x..<(area.x + area.width), style: .selected)
      }
    }
    drawPageLine(into: &grid, area: area)
  }

  private func drawPageLine(into grid: inout Grid, area: Rect) {
    guard let pageLineRow, area.y + pageLineRow < area.maxY else { return }
    let y = area.y + pageLineRow
    if list.page > 0 {
      Self.drawNumber(NumberedList.previousPageDigit, into: &grid, x: area.x, y: y)
      grid.write(ScreenText.previousPage, x: area.x + Self.prefixWidth, y: y)
    }
    if list.page + 1 < list.pageCount {
      grid.write(
        String(NumberedList.nextPageDigit), x: area.x + Self.nextSlotOffset, y: y, style: .keyName)
      grid.write(ScreenText.nextPage, x: area.x + Self.nextSlotOffset + 2, y: y)
    }
    grid.write(
      ScreenText.page(list.page + 1, of: list.pageCount), x: area.x + Self.nextSlotOffset + 12,
      y: y, width: max(0, area.width - Self.nextSlotOffset - 12))
  }

  /// Draws `0` and what it does (`label`) on the row below the table, numbered like an
  /// item: the way back or out of a menu.
  func drawBackItem(_ label: String, into grid: inout Grid, area: Rect) {
    let y = area.y + endRow
    guard y < area.maxY else { return }
    Self.drawNumber(0, into: &grid, x: area.x, y: y)
    grid.write(label, x: area.x + Self.prefixWidth, y: y, width: area.width - Self.prefixWidth)
  }

  /// A digit right-aligned in the number columns of a row that starts at column `x`.
  static func drawNumber(_ digit: Int, into grid: inout Grid, x: Int, y: Int) {
    grid.write(
      TextFit.padded(String(digit), width: numberWidth, alignment: .trailing),
      x: x + numberColumn, y: y, width: numberWidth, style: .keyName)
  }

  /// The command a click at column `x` (from the body's left edge) of body row `row` means;
  /// with `backItem`, the row below the table is the `0` item (`drawBackItem`).
  func command(forClickAt x: Int, row: Int, backItem: Bool = false) -> Command? {
    if backItem, row == endRow { return .back }
    if let pageLineRow, row == pageLineRow {
      return .digit(
        x < Self.nextSlotOffset ? NumberedList.previousPageDigit : NumberedList.nextPageDigit)
    }
    let offset = row - firstItemRow
    guard offset >= 0, offset < list.visible.count else { return nil }
    return .digit(offset + 1)
  }

  /// The keys that work on a list, most important first; `back` names what 0 does.
  static func keyHints(for list: NumberedList, back: String) -> [KeyHint] {
    var hints = digitHints(for: list, action: ScreenText.keyChoose)
    hints.append(KeyHint("0", back))
    hints.append(KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp))
    if list.count > 1 { hints.append(KeyHint(ScreenText.keyNameArrows, ScreenText.keyMove)) }
    if list.count > 0 { hints.append(KeyHint(ScreenText.keyNameEnter, ScreenText.keyOpen)) }
    return hints
  }

  /// The digits of the items on the page (`1-7`, doing `action`), then 8 and 9 where they
  /// turn a page: how the key line of every numbered list begins.
  static func digitHints(for list: NumberedList, action: String) -> [KeyHint] {
    var hints: [KeyHint] = []
    let onPage = list.visible.count
    if onPage == 1 { hints.append(KeyHint("1", action)) }
    if onPage > 1 { hints.append(KeyHint("1-\(onPage)", action)) }
    if list.isPaged, list.page > 0 {
      hints.append(KeyHint(String(NumberedList.previousPageDigit), ScreenText.keyPreviousPage))
    }
    if list.isPaged, list.page + 1 < list.pageCount {
      hints.append(KeyHint(String(NumberedList.nextPageDigit), ScreenText.keyNextPage))
    }
    return hints
  }
}
