/// One match as the search loop records it: no strings, no arrays, so that a query that
/// matches thousands of courses costs no allocation per course. `SearchResults` turns it
/// into a `SearchResult` (with highlight ranges) only when a screen reads it.
struct CompactHit: Hashable, Sendable {
  var course: Int32
  var match: SearchMatch
  /// Title substring: its byte offset in the folded title. Title pinyin: 0 when the title
  /// matched, 1 when the unaligned `pinyin` field did. Keyword: the keyword's index.
  var detail: Int32
}

extension SearchTables {
  /// Every course matching `query` (only among `candidates`, ascending, when given), ranked.
  func search(_ query: SearchQuery, candidates: [Int32]?) -> [CompactHit] {
    // Substring matches: one pass over each corpus finds them for every course at once.
    let titleHits = titles.hits(of: query.bytes)
    let keywordHits = keywordBytes.hits(of: query.bytes)
    let idHits = query.bytes.allSatisfy { $0 < 0x80 } ? ids.hits(of: query.bytes) : []
    let summaryHits = summaries.hits(of: query.bytes)
    let categoryHits = categoryBytes.hits(of: query.bytes)
    let usePinyin = !query.elements.isEmpty && query.elements.count <= PinyinMatcher.maximumLength
    let mask = query.mask

    return withMatcher(for: query) { matcher, buffers in
      func pinyin(_ text: Int32) -> PinyinMatcher.Reading? {
        guard usePinyin, text >= 0, buffers.textMask[Int(text)] & mask == mask else { return nil }
        return matcher.classify(text: Int(text))
      }

      var categoryMatched = [Bool](repeating: false, count: categoryTitles.count)
      for hit in categoryHits { categoryMatched[Int(hit.entry)] = true }
      for (index, text) in categoryTextID.enumerated() where !categoryMatched[index] {
        categoryMatched[index] = pinyin(text) != nil
      }

      var groups = [[CompactHit]](repeating: [], count: SearchMatch.allCases.count)
      var cursors = Cursors()
      func classify(_ course: Int) -> CompactHit? {
        let index = Int32(course)
        if let found = cursors.title.next(in: titleHits, entries: course..<course + 1) {
          let match: SearchMatch =
            found.offset > 0
            ? .titleSubstring
            : query.bytes.count == titles.length(of: course) ? .exactTitle : .titlePrefix
          return CompactHit(course: index, match: match, detail: found.offset)
        }
        if let reading = pinyin(titleTextID[course]) {
          let match: SearchMatch = reading == .prefix ? .titlePinyinPrefix : .titlePinyin
          return CompactHit(course: index, match: match, detail: 0)
        }
        if let reading = pinyin(overrideTextID[course]) {
          let match: SearchMatch = reading == .prefix ? .titlePinyinPrefix : .titlePinyin
          return CompactHit(course: index, match: match, detail: 1)
        }
        let keywordRange = Int(keywordStart[course])..<Int(keywordStart[course + 1])
        if let found = cursors.keyword.next(in: keywordHits, entries: keywordRange) {
          return CompactHit(course: index, match: .keyword, detail: found.entry)
        }
        for keyword in keywordRange where pinyin(keywordTextID[keyword]) != nil {
          return CompactHit(course: index, match: .keyword, detail: Int32(keyword))
        }
        if cursors.id.next(in: idHits, entries: course..<course + 1) != nil {
          return CompactHit(course: index, match: .id, detail: 0)
        }
        let category = Int(courseCategory[course])
        if category >= 0, categoryMatched[category] {
          return CompactHit(course: index, match: .category, detail: 0)
        }
        if cursors.summary.next(in: summaryHits, entries: course..<course + 1) != nil {
          return CompactHit(course: index, match: .summary, detail: 0)
        }
        return nil
      }

      if let candidates {
        for course in candidates {
          if let hit = classify(Int(course)) { groups[hit.match.rawValue].append(hit) }
        }
      } else {
        for course in 0..<courseCount {
          if let hit = classify(course) { groups[hit.match.rawValue].append(hit) }
        }
      }
      var ranked: [CompactHit] = []
      ranked.reserveCapacity(groups.reduce(0) { $0 + $1.count })
      for group in groups { ranked.append(contentsOf: group) }
      return ranked
    }
  }

  /// The full result for a recorded match: highlight ranges and the text that matched.
  func result(for hit: CompactHit, query: SearchQuery) -> SearchResult {
    let course = Int(hit.course)
    var result = SearchResult(courseIndex: course, courseID: courseIDs[course], match: hit.match)
    switch hit.match {
    case .exactTitle, .titlePrefix, .titleSubstring:
      let offset = Int(hit.detail)
      result.titleRanges = [
        characterRange(course: course, bytes: offset..<offset + query.bytes.count)
      ]
    case .titlePinyinPrefix, .titlePinyin:
      guard hit.detail == 0 else { break }
      let span = withMatcher(for: query, classifying: false) { matcher, _ in
        matcher.span(text: Int(titleTextID[course]))
      }
      if let span {
        result.titleRanges = characterRanges(course: course, units: span.first...span.last)
      }
    case .keyword:
      result.matchedText = keywords[Int(hit.detail)]
    case .id:
      result.matchedText = courseIDs[course]
    case .category:
      result.matchedText = categoryTitles[Int(courseCategory[course])]
    case .summary:
      break
    }
    return result
  }

  private func withMatcher<Result>(
    for query: SearchQuery, classifying: Bool = true,
    _ body: (inout PinyinMatcher, PinyinTexts.Buffers) -> Result
  ) -> Result {
    units.withBuffers { buffers in
      query.elements.withUnsafeBufferPointer { elements in
        query.wordEnd.withUnsafeBufferPointer { wordEnd in
          var matcher = PinyinMatcher(
            units: buffers, elements: elements, wordEnd: wordEnd, classifying: classifying)
          return body(&matcher, buffers)
        }
      }
    }
  }

  /// The characters of course `course`'s title that hold folded bytes `bytes`.
  func characterRange(course: Int, bytes: Range<Int>) -> Range<Int> {
    var first = -1
    var end = 0
    var offset = 0
    for (index, character) in courseTitles[course].enumerated() {
      if offset >= bytes.upperBound { break }
      for scalar in character.unicodeScalars { offset += SearchFolding.foldedWidth(scalar) }
      if first < 0, offset > bytes.lowerBound { first = index }
      end = index + 1
    }
    return max(first, 0)..<end
  }

  /// The characters that units `units` of a title cover, joining neighbours into one range.
  func characterRanges(course: Int, units range: ClosedRange<Int>) -> [Range<Int>] {
    // Scalar offsets first, then one walk over the title to turn them into characters.
    var scalarRanges: [Range<Int>] = []
    for unit in range {
      let start = Int(units.unitScalarStart[unit])
      let end = Int(units.unitScalarEnd[unit])
      guard start < end else { continue }
      if let last = scalarRanges.last, last.upperBound == start {
        scalarRanges[scalarRanges.count - 1] = last.lowerBound..<end
      } else {
        scalarRanges.append(start..<end)
      }
    }
    var ranges: [Range<Int>] = []
    var pending = scalarRanges[...]
    var scalar = 0
    var first = -1
    for (index, character) in courseTitles[course].enumerated() {
      if pending.isEmpty { break }
      let next = scalar + character.unicodeScalars.count
      // Several ranges may end in one character (a unit inside a cluster).
      while let current = pending.first {
        if first < 0 {
          guard next > current.lowerBound else { break }
          first = index
        }
        guard next >= current.upperBound else { break }
        if let last = ranges.last, last.upperBound >= first {
          ranges[ranges.count - 1] = last.lowerBound..<index + 1
        } else {
          ranges.append(first..<index + 1)
        }
        pending.removeFirst()
        first = -1
      }
      scalar = next
    }
    return ranges
  }
}

/// Where the search loop stands in each list of substring hits; courses are visited in
/// ascending order, and so are the hits.
private struct Cursors {
  var title = Cursor()
  var keyword = Cursor()
  var id = Cursor()
  var summary = Cursor()
}

private struct Cursor {
  var position = 0

  /// The hit for an entry of `entries`, moving past hits for earlier entries.
  @inline(__always)
  mutating func next(in hits: [ByteCorpus.Hit], entries: Range<Int>) -> ByteCorpus.Hit? {
    while position < hits.count, Int(hits[position].entry) < entries.lowerBound {
      position += 1
    }
    guard position < hits.count, Int(hits[position].entry) < entries.upperBound else {
      return nil
    }
    return hits[position]
  }
}
