/// Builds the pinyin side of every searchable text (titles, keywords, category titles),
/// flattened into a few arrays (`build()` freezes them into `PinyinTexts`) so that matching a
/// keystroke against ten thousand titles touches contiguous memory and allocates nothing per
/// title.
///
/// A text is a run of units. A unit is one Chinese character with its readings (the
/// default first, then the other readings of a polyphonic character, or only the
/// curator's syllable where the course's `pinyin` field covers it), or one run of ASCII
/// letters and digits (`APP`, `2026`) read as itself. Spaces, punctuation and symbols are not
/// units: a pinyin query reads across them.
struct PinyinUnits: Sendable {
  /// Text `t` is units `textUnitStart[t]..<textUnitStart[t + 1]`.
  private(set) var textUnitStart: [UInt32] = [0]
  /// Per text, the `TextMask` of everything its units can match.
  private(set) var textMask: [UInt64] = []
  /// Unit `u` reads as syllables `readings[unitReadingStart[u]..<unitReadingStart[u + 1]]`.
  private(set) var unitReadingStart: [UInt32] = [0]
  private(set) var readings: [UInt32] = []
  /// The folded character of a unit, matched by a Chinese character typed in the query;
  /// 0 for an ASCII run (ASCII is matched through its syllable).
  private(set) var unitScalar: [UInt32] = []
  /// The scalars of its text a unit covers (offsets into `unicodeScalars`), for highlighting;
  /// scalars rather than characters because counting characters costs grapheme breaking.
  private(set) var unitScalarStart: [UInt32] = []
  private(set) var unitScalarEnd: [UInt32] = []
  /// Syllable `s` is `syllableBytes[syllableStart[s]..<syllableStart[s + 1]]`. Ids 1... are
  /// the table's syllables, then words met in the catalog (ASCII runs, unknown override
  /// syllables) as they come.
  private(set) var syllableBytes: [UInt8] = []
  private(set) var syllableStart: [UInt32] = [0]
  private var syllableMask: [UInt64] = [0]
  private var syllableIDs: [[UInt8]: UInt32] = [:]

  /// After a text with an override: its Chinese characters and the curator's syllable for
  /// each, so that the course's keywords read them the same way (重 in 重阳节 is chóng when
  /// the title says so).
  private(set) var pinned: [UInt32: UInt32] = [:]

  // Scratch for the text being built, reused to avoid allocating per text.
  private var pending: [PendingUnit] = []
  private var pendingReadings: [UInt32] = []
  private var word: [UInt8] = []
  private var wordScalarStart = 0

  private struct PendingUnit {
    var scalar: UInt32
    var readingStart: Int
    var readingEnd: Int
    var scalarStart: Int
    var scalarEnd: Int
    var fromTable: Bool
  }

  init() {
    let table = PinyinTable.syllableTable
    syllableBytes = table.bytes
    syllableStart = table.start
    for id in 1..<table.names.count {
      let bytes = Array(PinyinTable.syllableBytes(UInt16(id)))
      syllableIDs[bytes] = UInt32(id)
      syllableMask.append(TextMask.syllable(bytes))
    }
  }

  /// Makes room for about this many texts and units (a Chinese character is three UTF-8
  /// bytes), so that building grows no array step by step.
  mutating func reserve(texts: Int, utf8Bytes: Int) {
    let units = utf8Bytes / 3 + texts
    textUnitStart.reserveCapacity(texts + 1)
    textMask.reserveCapacity(texts)
    unitReadingStart.reserveCapacity(units + 1)
    readings.reserveCapacity(units + units / 4)
    unitScalar.reserveCapacity(units)
    unitScalarStart.reserveCapacity(units)
    unitScalarEnd.reserveCapacity(units)
  }

  /// Adds a text and returns its id. With `override` (a course's `pinyin`), the curator's
  /// syllables replace the table's for the characters they cover; `overrideFits` is false
  /// when they could not be lined up with the characters, and then the caller adds them as a
  /// text of their own with `appendSyllables`.
  mutating func appendText(
    _ text: String, override: String? = nil, pinned: [UInt32: UInt32] = [:]
  ) -> (text: Int, overrideFits: Bool) {
    pending.removeAll(keepingCapacity: true)
    pendingReadings.removeAll(keepingCapacity: true)
    word.removeAll(keepingCapacity: true)
    var scalarIndex = 0
    for original in text.unicodeScalars {
      let scalar = SearchFolding.fold(original)
      defer { scalarIndex += 1 }
      if SearchFolding.isASCIIAlphanumeric(scalar.value) {
        if word.isEmpty { wordScalarStart = scalarIndex }
        word.append(UInt8(scalar.value))
        continue
      }
      flushWord(endingAt: scalarIndex)
      if SearchFolding.isSeparator(scalar) { continue }
      let primary = PinyinTable.primaryID(of: scalar.value)
      let readingStart = pendingReadings.count
      if let syllable = pinned[scalar.value] {
        pendingReadings.append(syllable)
      } else if primary != 0 {
        pendingReadings.append(UInt32(primary))
        PinyinTable.appendAlternateIDs(of: scalar.value, to: &pendingReadings)
      }
      pending.append(
        PendingUnit(
          scalar: scalar.value, readingStart: readingStart, readingEnd: pendingReadings.count,
          scalarStart: scalarIndex, scalarEnd: scalarIndex + 1,
          fromTable: primary != 0))
    }
    flushWord(endingAt: scalarIndex)
    let fits = override.map { applyOverride($0) } ?? true
    return (commit(), fits)
  }

  /// Adds a text made only of syllables (a `pinyin` field that could not be lined up with
  /// its title); its units cover no characters.
  mutating func appendSyllables(_ syllables: String) -> Int {
    pending.removeAll(keepingCapacity: true)
    pendingReadings.removeAll(keepingCapacity: true)
    for syllable in Self.split(syllables) {
      pendingReadings.append(id(of: syllable))
      pending.append(
        PendingUnit(
          scalar: 0, readingStart: pendingReadings.count - 1, readingEnd: pendingReadings.count,
          scalarStart: 0, scalarEnd: 0, fromTable: false))
    }
    return commit()
  }

  private mutating func flushWord(endingAt scalarIndex: Int) {
    guard !word.isEmpty else { return }
    pendingReadings.append(id(of: word))
    pending.append(
      PendingUnit(
        scalar: 0, readingStart: pendingReadings.count - 1, readingEnd: pendingReadings.count,
        scalarStart: wordScalarStart, scalarEnd: scalarIndex, fromTable: false))
    word.removeAll(keepingCapacity: true)
  }

  /// Lines the curator's syllables up with the pending units: one per Chinese character when
  /// the counts agree, else one per unit when those agree, else at the first run of
  /// characters that each have the syllable among their readings (`peng ren` on
  /// `地方特色烹饪`). Returns false when none fits.
  private mutating func applyOverride(_ override: String) -> Bool {
    pinned.removeAll(keepingCapacity: true)
    let syllables = Self.split(override)
    guard !syllables.isEmpty else { return true }
    let ids = syllables.map { id(of: $0) }
    let han = pending.indices.filter { pending[$0].fromTable }
    var targets: [Int]?
    if ids.count == han.count {
      targets = han
    } else if ids.count == pending.count {
      targets = Array(pending.indices)
    } else if ids.count < han.count {
      for offset in 0...(han.count - ids.count) {
        let fits = ids.indices.allSatisfy { k in
          let unit = pending[han[offset + k]]
          return pendingReadings[unit.readingStart..<unit.readingEnd].contains(ids[k])
        }
        if fits {
          targets = Array(han[offset..<offset + ids.count])
          break
        }
      }
    }
    guard let targets else { return false }
    for (k, unit) in targets.enumerated() {
      if pending[unit].fromTable { pinned[pending[unit].scalar] = ids[k] }
      pendingReadings.append(ids[k])
      pending[unit].readingStart = pendingReadings.count - 1
      pending[unit].readingEnd = pendingReadings.count
    }
    return true
  }

  private mutating func commit() -> Int {
    var mask: UInt64 = 0
    for unit in pending {
      if unit.scalar != 0 { mask |= TextMask.bit(unit.scalar) }
      for k in unit.readingStart..<unit.readingEnd {
        let id = pendingReadings[k]
        mask |= syllableMask[Int(id)]
        readings.append(id)
      }
      unitReadingStart.append(UInt32(readings.count))
      unitScalar.append(unit.scalar)
      unitScalarStart.append(UInt32(unit.scalarStart))
      unitScalarEnd.append(UInt32(unit.scalarEnd))
    }
    textUnitStart.append(UInt32(unitScalar.count))
    textMask.append(mask)
    return textMask.count - 1
  }

  /// The tables the matcher reads, frozen.
  func build() -> PinyinTexts {
    PinyinTexts(
      textUnitStart: FlatArray(textUnitStart), textMask: FlatArray(textMask),
      unitReadingStart: FlatArray(unitReadingStart), readings: FlatArray(readings),
      unitScalar: FlatArray(unitScalar), unitScalarStart: FlatArray(unitScalarStart),
      unitScalarEnd: FlatArray(unitScalarEnd), syllableBytes: FlatArray(syllableBytes),
      syllableStart: FlatArray(syllableStart))
  }

  /// The id of a syllable or ASCII word, adding it when new.
  private mutating func id(of bytes: some Collection<UInt8>) -> UInt32 {
    let key = Array(bytes)
    if let id = syllableIDs[key] { return id }
    syllableBytes.append(contentsOf: key)
    syllableStart.append(UInt32(syllableBytes.count))
    syllableMask.append(TextMask.syllable(key))
    let id = UInt32(syllableMask.count - 1)
    syllableIDs[key] = id
    return id
  }

  /// A `pinyin` field's syllables: lowercase, `ü` as `v`, split at spaces.
  static func split(_ pinyin: String) -> [[UInt8]] {
    var syllables: [[UInt8]] = []
    var current: [UInt8] = []
    for scalar in pinyin.unicodeScalars {
      let folded = SearchFolding.fold(scalar.value)
      if SearchFolding.isASCIIAlphanumeric(folded) {
        current.append(UInt8(folded))
      } else if scalar == "ü" || scalar == "Ü" {
        current.append(UInt8(ascii: "v"))
      } else if !current.isEmpty {
        syllables.append(current)
        current = []
      }
    }
    if !current.isEmpty { syllables.append(current) }
    return syllables
  }
}
