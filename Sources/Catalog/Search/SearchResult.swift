/// What made a course match, in rank order: results list every `exactTitle` match first,
/// then `titlePrefix`, and so on, each group in menu order.
public enum SearchMatch: Int, Sendable, Hashable, Comparable, CaseIterable {
  /// The title is the query (ASCII case and full width ignored).
  case exactTitle
  /// The title starts with the query.
  case titlePrefix
  /// The title contains the query.
  case titleSubstring
  /// The title's pinyin matches from its first character (`lxxn` on 理想信念教育).
  case titlePinyinPrefix
  /// The title's pinyin matches from a later character (`shucai` on 温室蔬菜).
  case titlePinyin
  /// A keyword contains the query, or matches it by pinyin.
  case keyword
  /// The course id contains the query.
  case id
  /// The course's category title contains the query, or matches it by pinyin.
  case category
  /// The summary contains the query.
  case summary

  public static func < (lhs: SearchMatch, rhs: SearchMatch) -> Bool {
    lhs.rawValue < rhs.rawValue
  }

  /// Whether the title itself matched, so that `titleRanges` can be highlighted.
  public var isTitleMatch: Bool { self <= .titlePinyin }
}

/// One course found by `SearchIndex.search`.
public struct SearchResult: Sendable, Hashable {
  /// Index into `Catalog.courses` (menu order).
  public var courseIndex: Int
  public var courseID: String
  public var match: SearchMatch
  /// The characters of the title to highlight, as half-open ranges of `Character` offsets
  /// into `course.title` (not bytes, not display columns: a screen converts with its own
  /// width rules), ascending and disjoint. Empty unless the title matched; a pinyin match
  /// skips punctuation between the matched characters, so it can have several ranges.
  public var titleRanges: [Range<Int>]
  /// For `keyword`, `id` and `category` matches, the keyword, id or category title that
  /// matched, so that a screen can say why the course is listed.
  public var matchedText: String?

  public init(
    courseIndex: Int, courseID: String, match: SearchMatch, titleRanges: [Range<Int>] = [],
    matchedText: String? = nil
  ) {
    self.courseIndex = courseIndex
    self.courseID = courseID
    self.match = match
    self.titleRanges = titleRanges
    self.matchedText = matchedText
  }
}

/// The results for one query, ranked best first, as a collection of `SearchResult`: each is
/// made (with its highlight ranges) when read, so that a query matching thousands of courses
/// costs only what the screen shows. Keep it between keystrokes: the next search can look
/// only among these when the member typed one more character
/// (`SearchIndex.search(_:narrowing:)`).
public struct SearchResults: RandomAccessCollection, Sendable {
  /// The query as given.
  public let query: String
  let key: SearchQuery
  let index: SearchIndex
  let hits: [CompactHit]

  /// No query yet: what a search screen starts from.
  public static func empty(for index: SearchIndex) -> SearchResults {
    SearchResults(query: "", key: SearchQuery(""), index: index, hits: [])
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { hits.count }

  public subscript(position: Int) -> SearchResult {
    index.tables.result(for: hits[position], query: key)
  }

  /// Index into `Catalog.courses` of the result at `position`, without making the result.
  public func courseIndex(at position: Int) -> Int { Int(hits[position].course) }
}

extension SearchResults: Equatable {
  public static func == (lhs: SearchResults, rhs: SearchResults) -> Bool {
    lhs.index.tables === rhs.index.tables && lhs.query == rhs.query && lhs.hits == rhs.hits
  }
}
