/// Matches one query against texts of `PinyinUnits`: the query must be read as consecutive
/// units from some unit on, each unit consuming a non-empty prefix of one of its syllables
/// (so `wenshi`, `wssc`, `wensc` and `wensh` all read 温室蔬菜 from 温) or, for a Chinese
/// character in the query, the unit with that character. A space in the query ends a
/// syllable.
///
/// `classify` answers whether and how a text matches, for every course on every keystroke:
/// the set of query positions reachable before each unit is a 64-bit mask, and how far a
/// syllable advances from a position is computed once per query and syllable, so reading a
/// unit costs a few mask operations. `span` finds which units to highlight (the earliest
/// starting reading, then the shortest), only for the results on screen.
struct PinyinMatcher: ~Copyable {
  /// How a text matched.
  enum Reading {
    /// From its first unit.
    case prefix
    /// From a later unit only.
    case inner
  }

  /// Longest query `classify` handles: its positions and the end must fit in 64 bits.
  static let maximumLength = 63

  private let units: PinyinTexts.Buffers
  private let elements: UnsafeBufferPointer<UInt32>
  private let wordEnd: UnsafeBufferPointer<Int32>
  private let syllableCount: Int
  /// Query positions holding an ASCII letter or digit, and those holding any other character.
  private let asciiPositions: UInt64
  private let otherPositions: UInt64
  /// `advance[p * syllableCount + s]`: the query positions syllable `s` can bring position
  /// `p` to (`p + 1 ... p + k` for a common prefix of `k`), or `notYet`.
  private let advance: UnsafeMutableBufferPointer<UInt64>
  private static let notYet = UInt64.max
  /// For `span`: per query position the earliest start unit that reaches it, before the
  /// unit being read (`current`) and after it (`next`).
  private var current: UnsafeMutableBufferPointer<Int32>
  private var next: UnsafeMutableBufferPointer<Int32>

  /// `classifying: false` for a matcher that only finds spans, which needs no advance cache.
  init(
    units: PinyinTexts.Buffers, elements: UnsafeBufferPointer<UInt32>,
    wordEnd: UnsafeBufferPointer<Int32>, classifying: Bool = true
  ) {
    self.units = units
    self.elements = elements
    self.wordEnd = wordEnd
    let count = elements.count
    syllableCount = units.syllableStart.count - 1
    var ascii: UInt64 = 0
    var other: UInt64 = 0
    for (position, element) in elements.prefix(Self.maximumLength).enumerated() {
      if element < 0x80 { ascii |= 1 << UInt64(position) } else { other |= 1 << UInt64(position) }
    }
    asciiPositions = ascii
    otherPositions = other
    let slots = classifying && count <= Self.maximumLength ? count * syllableCount : 0
    advance = .allocate(capacity: slots)
    advance.initialize(repeating: Self.notYet)
    current = .allocate(capacity: count + 1)
    next = .allocate(capacity: count + 1)
  }

  deinit {
    advance.deallocate()
    current.deallocate()
    next.deallocate()
  }

  /// The common prefix of syllable `syllable` and the query from `position`, within one
  /// word of the query; `v` in a syllable also takes a typed `u` (`lu` for 绿 lü).
  @inline(__always)
  private func commonPrefix(_ position: Int, _ syllable: Int) -> Int {
    let low = Int(units.syllableStart[syllable])
    let high = Int(units.syllableStart[syllable + 1])
    let limit = Int(wordEnd[position])
    var length = 0
    while position + length < limit, low + length < high {
      let typed = elements[position + length]
      let letter = UInt32(units.syllableBytes[low + length])
      guard typed == letter || (letter == 0x76 && typed == 0x75) else { break }
      length += 1
    }
    return length
  }

  @inline(__always)
  private func advance(_ position: Int, _ syllable: Int) -> UInt64 {
    let slot = position &* syllableCount &+ syllable
    let known = advance[slot]
    if known != Self.notYet { return known }
    let length = commonPrefix(position, syllable)
    let mask: UInt64 = length == 0 ? 0 : ((1 << UInt64(length)) - 1) << UInt64(position + 1)
    advance[slot] = mask
    return mask
  }

  /// Whether text `text` matches, and whether from its first unit.
  func classify(text: Int) -> Reading? {
    let count = elements.count
    let low = Int(units.textUnitStart[text])
    let high = Int(units.textUnitStart[text + 1])
    guard count > 0, count <= Self.maximumLength, low < high else { return nil }
    let end: UInt64 = 1 << UInt64(count)
    var reached: UInt64 = 0  // positions reached from any start
    var anchored: UInt64 = 1  // positions reached from the first unit
    var found = false
    for unit in low..<high {
      let live = reached | 1
      var nextReached: UInt64 = 0
      var nextAnchored: UInt64 = 0
      var bits = live & asciiPositions
      if bits != 0 {
        let readingLow = Int(units.unitReadingStart[unit])
        let readingHigh = Int(units.unitReadingStart[unit + 1])
        while bits != 0 {
          let position = bits.trailingZeroBitCount
          bits &= bits &- 1
          var moves: UInt64 = 0
          for reading in readingLow..<readingHigh {
            moves |= advance(position, Int(units.readings[reading]))
          }
          nextReached |= moves
          if anchored & (1 << UInt64(position)) != 0 { nextAnchored |= moves }
        }
      }
      bits = live & otherPositions
      if bits != 0 {
        let scalar = units.unitScalar[unit]
        while bits != 0 {
          let position = bits.trailingZeroBitCount
          bits &= bits &- 1
          guard elements[position] == scalar else { continue }
          let move: UInt64 = 1 << UInt64(position + 1)
          nextReached |= move
          if anchored & (1 << UInt64(position)) != 0 { nextAnchored |= move }
        }
      }
      if nextAnchored & end != 0 { return .prefix }
      if nextReached & end != 0 { found = true }
      reached = nextReached & ~end
      anchored = nextAnchored
      if found, anchored == 0 { return .inner }
    }
    return found ? .inner : nil
  }

  /// The first and last unit (indices into the units arrays) of the best reading of the
  /// query in text `text`: the earliest starting, then the shortest; nil when none.
  mutating func span(text: Int) -> (first: Int, last: Int)? {
    let count = elements.count
    let low = Int(units.textUnitStart[text])
    let high = Int(units.textUnitStart[text + 1])
    guard count > 0, low < high else { return nil }
    let none = Int32.max
    for position in 0..<count { current[position] = none }
    var bestStart = none
    var bestEnd = none

    for unit in low..<high {
      current[0] = Int32(unit)
      for position in 0..<count { next[position] = none }
      var nextMinimum = none
      let scalar = units.unitScalar[unit]
      let readingLow = Int(units.unitReadingStart[unit])
      let readingHigh = Int(units.unitReadingStart[unit + 1])

      for position in 0..<count {
        let start = current[position]
        if start >= bestStart { continue }
        var length = 0
        if elements[position] >= 0x80 {
          length = elements[position] == scalar ? 1 : 0
        } else {
          for reading in readingLow..<readingHigh {
            length = max(length, commonPrefix(position, Int(units.readings[reading])))
          }
        }
        guard length > 0 else { continue }
        if position + length == count {
          bestStart = start
          bestEnd = Int32(unit)
          length -= 1
        }
        var step = 1
        while step <= length {
          if start < next[position + step] {
            next[position + step] = start
            nextMinimum = min(nextMinimum, start)
          }
          step += 1
        }
      }
      swap(&current, &next)
      if bestStart != none, nextMinimum >= bestStart { break }
    }
    return bestStart == none ? nil : (Int(bestStart), Int(bestEnd))
  }
}

/// The pinyin units of every searchable text as the matcher reads them: `PinyinUnits`'s
/// tables once built, or the same tables read from a catalog image.
struct PinyinTexts: Sendable {
  let textUnitStart: FlatArray<UInt32>
  let textMask: FlatArray<UInt64>
  let unitReadingStart: FlatArray<UInt32>
  let readings: FlatArray<UInt32>
  let unitScalar: FlatArray<UInt32>
  let unitScalarStart: FlatArray<UInt32>
  let unitScalarEnd: FlatArray<UInt32>
  let syllableBytes: FlatArray<UInt8>
  let syllableStart: FlatArray<UInt32>

  /// The arrays matching reads, borrowed for the length of one search.
  struct Buffers {
    var textUnitStart: UnsafeBufferPointer<UInt32>
    var textMask: UnsafeBufferPointer<UInt64>
    var unitReadingStart: UnsafeBufferPointer<UInt32>
    var readings: UnsafeBufferPointer<UInt32>
    var unitScalar: UnsafeBufferPointer<UInt32>
    var syllableBytes: UnsafeBufferPointer<UInt8>
    var syllableStart: UnsafeBufferPointer<UInt32>
  }

  func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
    withExtendedLifetime(self) {
      body(
        Buffers(
          textUnitStart: textUnitStart.buffer, textMask: textMask.buffer,
          unitReadingStart: unitReadingStart.buffer, readings: readings.buffer,
          unitScalar: unitScalar.buffer, syllableBytes: syllableBytes.buffer,
          syllableStart: syllableStart.buffer))
    }
  }
}
