/// A long text shown a screenful at a time: what every `DocumentScreen` draws and scrolls.
struct DocumentView: Sendable {
  let lines: [StyledLine]
  let scroll: ScrollPosition
  /// Rows available for the text.
  let height: Int

  var top: Int { scroll.clampedTop(lineCount: lines.count, height: height) }
  var isScrollable: Bool { lines.count > height }

  func render(into grid: inout Grid, area: Rect, glyphs: Glyphs) {
    for (offset, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
      grid.write(
        line: line, x: area.x, y: area.y + offset, width: area.width, ellipsis: glyphs.ellipsis)
    }
  }

  /// `第 1-19 行，共 45 行` when the text is longer than the screen.
  var position: String? {
    guard isScrollable else { return nil }
    return ScreenText.lineRange(top + 1, min(lines.count, top + height), of: lines.count)
  }

  /// Applies a scrolling command; back and help go to the caller.
  static func update(
    _ scroll: inout ScrollPosition, _ command: Command, lineCount: Int, height: Int
  ) -> Navigation {
    switch scroll.handle(command, lineCount: lineCount, height: height) {
    case .refused(let message): return .refuse(message)
    case .ignored: return command == .back ? .back : .stay
    case .moved, .chosen: return .stay
    }
  }

  func keyHints() -> [KeyHint] {
    var hints: [KeyHint] = []
    if isScrollable, top > 0 {
      hints.append(KeyHint(String(NumberedList.previousPageDigit), ScreenText.keyPreviousPage))
    }
    if isScrollable, top + height < lines.count {
      hints.append(KeyHint(String(NumberedList.nextPageDigit), ScreenText.keyNextPage))
    }
    hints.append(KeyHint("0", ScreenText.keyBack))
    hints.append(KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp))
    if isScrollable { hints.append(KeyHint(ScreenText.keyNameArrows, ScreenText.keyScrollLines)) }
    return hints
  }
}
