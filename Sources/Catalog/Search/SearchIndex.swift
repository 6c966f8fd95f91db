/// Finds courses as a member types, without a Chinese input method: by Chinese text, by the
/// pinyin of titles and keywords (full syllables, initials, or a mix: `wenshi`, `wen shi`,
/// `wensh`, `wssc`, `温室sc`), and by ASCII ids, keywords and summaries.
///
/// Build one per catalog with `SearchIndex(catalog:)`: about 30 ms of CPU at 10,000 courses
/// and 2 ms for the shipped catalog, so once after loading rather than per keystroke. Keep it
/// with the catalog; it is immutable, `Sendable`, and cheap to copy. A keystroke costs about
/// 1 ms at 10,000 courses, less when the previous results are passed to
/// `search(_:narrowing:)`. Pinyin comes from the generated table (`Pinyin`), never ICU.
public struct SearchIndex: Sendable {
  let tables: SearchTables

  /// Indexes every course of the catalog, in menu order; a catalog read from an image
  /// (`CatalogImage`) brings its index along, so nothing is built.
  public init(catalog: Catalog) {
    tables =
      catalog.courses.storedSearchTables
      ?? SearchTables(courses: catalog.courses.inMemory, categories: catalog.categories)
  }

  /// Indexes courses in the given order (menu order); categories name them by `categoryID`.
  public init(courses: [Course], categories: [Category]) {
    tables = SearchTables(courses: courses, categories: categories)
  }

  /// Number of courses indexed.
  public var count: Int { tables.courseCount }

  /// Courses matching `query`, best first: exact title, title prefix, title substring,
  /// title pinyin (from the start, then elsewhere), keyword, id, category, summary; each
  /// group in menu order. An empty or blank query finds nothing.
  public func search(_ query: String) -> [SearchResult] {
    Array(search(query, narrowing: nil))
  }

  /// The same search, looking only among `previous` when `query` extends the query that
  /// gave them (one more character typed): every match of a longer query is a match of its
  /// prefix. Otherwise (a deletion, a new query, another index) it searches everything.
  public func search(_ query: String, narrowing previous: SearchResults?) -> SearchResults {
    let key = SearchQuery(query)
    var candidates: [Int32]?
    if let previous, previous.index.tables === tables, key.narrows(previous.key) {
      candidates = previous.hits.map(\.course).sorted()
    }
    let hits = key.isEmpty ? [] : tables.search(key, candidates: candidates)
    return SearchResults(query: query, key: key, index: self, hits: hits)
  }
}

/// The immutable index data, shared by every copy of a `SearchIndex`: per course and per
/// category, flat arrays, built from the courses or read from a catalog image
/// (`CatalogImage`), where they are mapped and never copied. A `…TextID` is the id of a text
/// in `units` (`PinyinTexts`), not the text itself.
final class SearchTables: Sendable {
  let courseIDs: StringTable
  let units: PinyinTexts
  /// Per course, the id of its title's text in `units`, and of the text of a `pinyin` field
  /// that could not be lined up with the title (-1 when none).
  let titleTextID: FlatArray<Int32>
  let overrideTextID: FlatArray<Int32>
  /// Course `c`'s keywords are `keywords[keywordStart[c]..<keywordStart[c + 1]]`, with
  /// the ids of their texts in `keywordTextID`.
  let keywordStart: FlatArray<UInt32>
  let keywords: StringTable
  let keywordTextID: FlatArray<Int32>
  /// Per course, the index of its category in `categoryTitles` (-1 when unknown).
  let courseCategory: FlatArray<Int32>
  let categoryTitles: StringTable
  let categoryTextID: FlatArray<Int32>
  /// Folded text, for substring matching.
  let titles: ByteCorpus
  let keywordBytes: ByteCorpus
  let ids: ByteCorpus
  let summaries: ByteCorpus
  let categoryBytes: ByteCorpus
  /// For highlighting, which maps bytes and scalars of a title to its characters.
  let courseTitles: StringTable

  var courseCount: Int { titleTextID.count }

  /// Every table, as built or as read from an image (validated by `CatalogImage`).
  init(
    courseIDs: StringTable, units: PinyinTexts, titleTextID: FlatArray<Int32>,
    overrideTextID: FlatArray<Int32>, keywordStart: FlatArray<UInt32>, keywords: StringTable,
    keywordTextID: FlatArray<Int32>, courseCategory: FlatArray<Int32>,
    categoryTitles: StringTable, categoryTextID: FlatArray<Int32>, titles: ByteCorpus,
    keywordBytes: ByteCorpus, ids: ByteCorpus, summaries: ByteCorpus, categoryBytes: ByteCorpus,
    courseTitles: StringTable
  ) {
    self.courseIDs = courseIDs
    self.units = units
    self.titleTextID = titleTextID
    self.overrideTextID = overrideTextID
    self.keywordStart = keywordStart
    self.keywords = keywords
    self.keywordTextID = keywordTextID
    self.courseCategory = courseCategory
    self.categoryTitles = categoryTitles
    self.categoryTextID = categoryTextID
    self.titles = titles
    self.keywordBytes = keywordBytes
    self.ids = ids
    self.summaries = summaries
    self.categoryBytes = categoryBytes
    self.courseTitles = courseTitles
  }

  convenience init(courses: [Course], categories: [Category]) {
    var units = PinyinUnits()
    var titleTextID: [Int32] = []
    var overrideTextID: [Int32] = []
    var keywordStart: [UInt32] = [0]
    var keywords: [String] = []
    var keywordTextID: [Int32] = []
    var courseCategory: [Int32] = []
    var courseIDs: [String] = []
    var courseTitles: [String] = []
    var titles = ByteCorpus.Builder()
    var keywordBytes = ByteCorpus.Builder()
    var ids = ByteCorpus.Builder()
    var summaries = ByteCorpus.Builder()
    var texts = categories.count
    var textBytes = 0
    for course in courses.indices {
      texts += 1 + courses[course].keywords.count
      textBytes += courses[course].title.utf8.count
      for keyword in courses[course].keywords { textBytes += keyword.utf8.count }
    }
    units.reserve(texts: texts, utf8Bytes: textBytes)
    titleTextID.reserveCapacity(courses.count)
    overrideTextID.reserveCapacity(courses.count)
    courseCategory.reserveCapacity(courses.count)
    courseIDs.reserveCapacity(courses.count)
    courseTitles.reserveCapacity(courses.count)

    var categoryIndex: [String: Int32] = [:]
    var categoryTextID: [Int32] = []
    var categoryBytes = ByteCorpus.Builder()
    for (index, category) in categories.enumerated() {
      if categoryIndex[category.id] == nil { categoryIndex[category.id] = Int32(index) }
      categoryTextID.append(Int32(units.appendText(category.title).text))
      categoryBytes.append(folded: category.title)
    }

    // Fields one at a time: copying a whole `Course` retains every one of its fields.
    for course in courses.indices {
      let pinyin = courses[course].pinyin
      let (text, fits) = units.appendText(courses[course].title, override: pinyin)
      titleTextID.append(Int32(text))
      overrideTextID.append(fits ? -1 : Int32(units.appendSyllables(pinyin ?? "")))
      let pinned = pinyin == nil ? [:] : units.pinned
      for keyword in courses[course].keywords {
        keywords.append(keyword)
        keywordTextID.append(Int32(units.appendText(keyword, pinned: pinned).text))
        keywordBytes.append(folded: keyword)
      }
      keywordStart.append(UInt32(keywords.count))
      courseCategory.append(categoryIndex[courses[course].categoryID] ?? -1)
      ids.append(folded: courses[course].id)
      summaries.append(folded: courses[course].summary)
      titles.append(folded: courses[course].title)
      courseIDs.append(courses[course].id)
      courseTitles.append(courses[course].title)
    }

    self.init(
      courseIDs: StringTable(courseIDs), units: units.build(),
      titleTextID: FlatArray(titleTextID), overrideTextID: FlatArray(overrideTextID),
      keywordStart: FlatArray(keywordStart), keywords: StringTable(keywords),
      keywordTextID: FlatArray(keywordTextID), courseCategory: FlatArray(courseCategory),
      categoryTitles: StringTable(categories.map(\.title)),
      categoryTextID: FlatArray(categoryTextID), titles: titles.build(),
      keywordBytes: keywordBytes.build(), ids: ids.build(), summaries: summaries.build(),
      categoryBytes: categoryBytes.build(), courseTitles: StringTable(courseTitles))
  }
}
