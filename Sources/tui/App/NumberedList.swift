/// The digit scheme for lists, so digits alone reach every item.
///
/// Up to nine items share one page, numbered 1-9. A longer list shows seven items a page,
/// numbered 1-7, and keeps 8 for the previous page and 9 for the next, on every page, so
/// a digit always means the same thing on a given list. A highlighted cursor moves over
/// all items for arrow-key users and pages along with them.
struct NumberedList: Hashable, Sendable {
  /// How many items fit one page when the list is not paged.
  static let singlePageLimit = 9
  /// How many items a page of a paged list shows.
  static let pagedPageSize = 7
  static let previousPageDigit = 8
  static let nextPageDigit = 9

  private(set) var count: Int
  /// The highlighted item, 0-based over the whole list.
  private(set) var cursor: Int

  init(count: Int, cursor: Int = 0) {
    self.count = max(0, count)
    self.cursor = min(max(0, cursor), max(0, count - 1))
  }

  var isPaged: Bool { count > Self.singlePageLimit }
  var pageSize: Int { isPaged ? Self.pagedPageSize : Self.singlePageLimit }
  var page: Int { cursor / pageSize }
  var pageCount: Int { max(1, (count + pageSize - 1) / pageSize) }
  /// The items on the cursor's page.
  var visible: Range<Int> { min(count, page * pageSize)..<min(count, (page + 1) * pageSize) }
  /// `3/17`: where the cursor is, for the right of the heading line; nil for an empty list.
  var position: String? { count == 0 ? nil : ScreenText.position(cursor + 1, of: count) }

  /// The digit shown beside item `index` on its page.
  func digit(for index: Int) -> Int { index - visible.lowerBound + 1 }

  /// What a command did to the list.
  enum Outcome: Hashable, Sendable {
    /// Nothing to do with the list (the screen decides).
    case ignored
    /// The cursor or page changed.
    case moved
    /// The member chose this item.
    case chosen(Int)
    /// A key that cannot work here; the message says why.
    case refused(String)
  }

  /// A list screen's answer to a command: `chosen` says where an item leads; a refused key
  /// says why, a move stays, and back (0) goes back.
  mutating func navigation(for command: Command, chosen: (Int) -> Navigation) -> Navigation {
    switch handle(command) {
    case .chosen(let index): return chosen(index)
    case .refused(let message): return .refuse(message)
    case .moved: return .stay
    case .ignored: return command == .back ? .back : .stay
    }
  }

  mutating func handle(_ command: Command) -> Outcome {
    switch command {
    case .digit(let digit):
      return choose(digit: digit)
    case .up: return moveCursor(to: cursor - 1)
    case .down: return moveCursor(to: cursor + 1)
    case .pageUp: return moveCursor(to: cursor - pageSize)
    case .pageDown: return moveCursor(to: cursor + pageSize)
    case .home: return moveCursor(to: 0)
    case .end: return moveCursor(to: count - 1)
    case .open: return count > 0 ? .chosen(cursor) : .ignored
    case .back, .help, .search: return .ignored
    }
  }

  private mutating func choose(digit: Int) -> Outcome {
    let onPage = visible.count
    if digit >= 1, digit <= onPage {
      cursor = visible.lowerBound + digit - 1
      return .chosen(cursor)
    }
    if isPaged, digit == Self.previousPageDigit {
      guard page > 0 else { return .refused(ScreenText.noPreviousPages) }
      cursor = (page - 1) * pageSize
      return .moved
    }
    if isPaged, digit == Self.nextPageDigit {
      guard page + 1 < pageCount else { return .refused(ScreenText.noMorePages) }
      cursor = (page + 1) * pageSize
      return .moved
    }
    return .refused(ScreenText.noSuchItem(digit, available: onPage > 0 ? 1...onPage : nil))
  }

  private mutating func moveCursor(to index: Int) -> Outcome {
    guard count > 0 else { return .ignored }
    cursor = min(max(0, index), count - 1)
    return .moved
  }
}
