import Catalog

/// Finds courses as the member types, without a Chinese input method: letters and Chinese
/// characters go into the search box and the results follow every key; digits choose among
/// the numbered results, as on every list.
///
/// Keys: letters, Chinese (from an input method too) and spaces are typed; 1-9 open a result
/// (8 and 9 turn pages of a long result list); Enter opens the highlighted one (the first,
/// until the arrows move it); Backspace deletes the last character; 0 clears the box, or
/// leaves when it is already empty; Esc leaves.
struct SearchScreen: Screen {
  let index: SearchIndex
  private(set) var query = ""
  /// The results for `query`, kept so the next key can search only among them.
  private(set) var results: SearchResults
  private(set) var list = NumberedList(count: 0)

  init(index: SearchIndex) {
    self.index = index
    results = .empty(for: index)
  }

  /// The search box, a status line, then the column header and the results. When nine
  /// results would not fit below them (16 rows), the status line gives way while there are
  /// results: the heading still counts them.
  private static let boxRow = 0
  private static let statusRow = 1

  private func hasStatusLine(height: Int) -> Bool {
    results.isEmpty || height >= 3 + NumberedList.singlePageLimit
  }

  private func table(height: Int) -> NumberedTable {
    NumberedTable(list: list, firstItemRow: hasStatusLine(height: height) ? 3 : 2)
  }

  // MARK: Keys

  /// Typing: the keys that edit the query. Nil leaves the key to the key table (digits 1-9,
  /// arrows, Enter, Esc, `?`).
  mutating func input(_ key: Key, _ context: ScreenContext) -> Navigation? {
    switch key {
    case .character(let character):
      switch character {
      case "0":
        guard !query.isEmpty else { return nil }
        setQuery("")
        return .stay
      case "1"..."9", "?": return nil
      case "/": return .stay
      default:
        guard
          !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return .stay }
        setQuery(query + String(character))
        return .stay
      }
    case .backspace:
      guard !query.isEmpty else { return .refuse(ScreenText.searchEmptyBox) }
      setQuery(String(query.dropLast()))
      return .stay
    case .left:
      // Not back: a member editing the query must not lose it to a stray arrow.
      return .stay
    default:
      return nil
    }
  }

  private mutating func setQuery(_ newQuery: String) {
    query = newQuery
    results = index.search(newQuery, narrowing: results)
    list = NumberedList(count: results.count)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    if command == .back { return .back }
    switch list.handle(command) {
    case .chosen(let position):
      let course = context.catalog.courses[results.courseIndex(at: position)]
      return .push(.courseDetail(CourseDetailScreen(courseID: course.id)))
    case .refused(let message):
      return .refuse(query.isEmpty ? ScreenText.searchTypeFirst : message)
    case .moved: return .stay
    case .ignored:
      guard command == .open else { return .stay }
      return .refuse(query.isEmpty ? ScreenText.searchTypeFirst : ScreenText.searchNoResults)
    }
  }

  func command(forClickAt x: Int, row: Int, _ context: ScreenContext) -> Command? {
    table(height: context.body.height).command(forClickAt: x, row: row)
  }

  // MARK: Drawing

  func heading(_ context: ScreenContext) -> String { ScreenText.searchHeading }

  func position(_ context: ScreenContext) -> String? {
    list.position
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    var hints = NumberedTable.digitHints(for: list, action: ScreenText.keyOpen)
    if query.isEmpty {
      hints.append(KeyHint(ScreenText.keyNameTyping, ScreenText.keyType))
      hints.append(KeyHint("0", ScreenText.keyBack))
    } else {
      hints.append(KeyHint(ScreenText.keyNameBackspace, ScreenText.keyDelete))
      hints.append(KeyHint("0", ScreenText.keyClear))
      hints.append(KeyHint(ScreenText.keyNameEscape, ScreenText.keyBack))
    }
    hints.append(KeyHint(ScreenText.keyNameHelp, ScreenText.keyHelp))
    if list.count > 0 { hints.append(KeyHint(ScreenText.keyNameEnter, ScreenText.keyOpen)) }
    if list.count > 1 { hints.append(KeyHint(ScreenText.keyNameArrows, ScreenText.keyMove)) }
    return hints
  }

  func render(into grid: inout Grid, area: Rect, _ context: ScreenContext) {
    let ellipsis = context.glyphs.ellipsis
    drawBox(into: &grid, area: area, ellipsis: ellipsis)
    let status: String
    if query.isEmpty {
      status = ScreenText.searchPrompt
    } else if results.isEmpty {
      status = ScreenText.searchNothingFound(query)
    } else {
      status = ScreenText.searchFound(results.count)
    }
    if hasStatusLine(height: area.height) {
      grid.write(
        status, x: area.x, y: area.y + Self.statusRow, width: area.width, ellipsis: ellipsis)
    }
    guard !results.isEmpty else { return }
    let table = table(height: area.height)

    let member = context.member
    // Why a result is listed (or its category), in sixteen columns, comes last.
    let columns = CourseColumns(
      width: area.width - NumberedTable.prefixWidth, last: .fixed(16), member: member,
      glyphs: context.glyphs)
    let header = columns.header(last: ScreenText.columnMatch)
    let catalog = context.catalog
    var shown: [Int: SearchResult] = [:]
    for position in list.visible { shown[position] = results[position] }
    table.draw(into: &grid, area: area, header: header, glyphs: context.glyphs) { position in
      guard let result = shown[position] else { return "" }
      let course = catalog.courses[result.courseIndex]
      let note =
        ScreenText.searchCue(result.match, matchedText: result.matchedText)
        ?? catalog.category(id: course.categoryID)?.title ?? ""
      return columns.row(course, last: note)
    }
    for position in list.visible {
      guard let result = shown[position] else { continue }
      let y = area.y + table.row(of: position)
      guard y < area.maxY else { break }
      Self.highlight(
        result.titleRanges, of: catalog.courses[result.courseIndex].title, into: &grid,
        x: area.x + NumberedTable.prefixWidth + columns.titleOffset, y: y,
        width: columns.titleWidth,
        style: position == list.cursor ? .selectedMatch : .match, ellipsis: ellipsis)
    }
    let highlighted = catalog.courses[results.courseIndex(at: list.cursor)]
    // A member sees what the marks mean on the last row, under the summary, when the
    // results leave it free.
    var previewArea = area
    if member != nil, table.endRow < area.height {
      previewArea = MarksLegend.draw(into: &grid, area: area, glyphs: context.glyphs)
    }
    Preview.draw(
      label: ScreenText.previewLabel, text: highlighted.summary, into: &grid, area: previewArea,
      fromRow: table.endRow + 1, glyphs: context.glyphs)
  }

  /// `搜索：` and the query, with a reverse-video block where the next character goes.
  private func drawBox(into grid: inout Grid, area: Rect, ellipsis: String) {
    let y = area.y + Self.boxRow
    var x = area.x
    x += grid.write(ScreenText.searchLabel, x: x, y: y, style: .emphasis)
    // A long query shows its end, where the member is typing.
    let room = area.x + area.width - x - 1
    var shownQuery = query
    while DisplayWidth.of(shownQuery) > room, !shownQuery.isEmpty {
      shownQuery.removeFirst()
    }
    x += grid.write(shownQuery, x: x, y: y, width: room)
    grid.write(" ", x: x, y: y, width: 1, style: .selected)
  }

  /// Restyles the matched characters of a title drawn from column `x` in `width` columns.
  /// `ranges` are Character offsets; a character cut off by the column (or by its ellipsis)
  /// is not highlighted.
  static func highlight(
    _ ranges: [Range<Int>], of title: String, into grid: inout Grid, x: Int, y: Int,
    width: Int, style: CellStyle, ellipsis: String
  ) {
    guard !ranges.isEmpty else { return }
    let isCut = DisplayWidth.of(title) > width
    let visible = isCut ? width - DisplayWidth.of(ellipsis) : width
    var starts: [Int] = []
    var column = 0
    for character in title {
      starts.append(column)
      column += DisplayWidth.of(character)
    }
    starts.append(column)
    for range in ranges {
      let lower = min(max(0, range.lowerBound), title.count)
      let upper = min(max(lower, range.upperBound), title.count)
      var end = starts[lower]
      for offset in lower..<upper where starts[offset + 1] <= visible {
        end = starts[offset + 1]
      }
      guard end > starts[lower] else { continue }
      grid.restyle(row: y, columns: (x + starts[lower])..<(x + end), style: style)
    }
  }
}

extension SearchScreen: Hashable {
  static func == (lhs: SearchScreen, rhs: SearchScreen) -> Bool {
    lhs.query == rhs.query && lhs.list == rhs.list && lhs.results == rhs.results
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(query)
    hasher.combine(list)
  }
}
