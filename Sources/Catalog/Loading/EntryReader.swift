/// Reads the fields of one TOML table (a `[[course]]`, a `[catalog]` …) with the checks
/// every field shares: type, presence, enumeration, and unknown keys.
struct EntryReader {
  let table: TOMLTable
  let file: SourceFile
  let kind: CatalogEntryKind

  /// The value of `key`, reporting a missing required field at the entry's header.
  func value(_ key: String, required: Bool) -> TOMLValue? {
    if let value = table[key] { return value }
    if required { file.report(.missingField(field: key, entry: kind), at: table.offset) }
    return nil
  }

  func offset(of key: String) -> Int { table.entry(key)?.value.offset ?? table.offset }

  func wrongType(_ key: String, _ value: TOMLValue, expected: String) {
    file.report(
      .wrongType(key: key, expected: expected, found: ValueTypeLabel.of(value)), at: value.offset)
  }

  func text(_ key: String, required: Bool = false) -> String? {
    guard let value = value(key, required: required) else { return nil }
    guard case .string(let text) = value.kind else {
      wrongType(key, value, expected: ValueTypeLabel.string)
      return nil
    }
    if text.isBlank {
      file.report(.emptyText(key: key), at: value.offset)
      return nil
    }
    return text
  }

  func integer(_ key: String, required: Bool = false) -> Int? {
    guard let value = value(key, required: required) else { return nil }
    guard case .integer(let number) = value.kind else {
      wrongType(key, value, expected: ValueTypeLabel.integer)
      return nil
    }
    return Int(number)
  }

  func bool(_ key: String) -> Bool? {
    guard let value = value(key, required: false) else { return nil }
    guard case .bool(let flag) = value.kind else {
      wrongType(key, value, expected: ValueTypeLabel.bool)
      return nil
    }
    return flag
  }

  /// Hours as a positive multiple of 0.5, at most 200.
  func hours(_ key: String, required: Bool) -> StudyHours? {
    guard let value = value(key, required: required) else { return nil }
    let number: Double
    switch value.kind {
    case .integer(let integer): number = Double(integer)
    case .float(let float): number = float
    default:
      wrongType(key, value, expected: ValueTypeLabel.number)
      return nil
    }
    guard let hours = StudyHours(exactly: number), hours.halves > 0, hours <= StudyHours(200)
    else {
      file.report(.invalidHours(Self.numberText(value)), at: value.offset)
      return nil
    }
    return hours
  }

  private static func numberText(_ value: TOMLValue) -> String {
    switch value.kind {
    case .integer(let integer): String(integer)
    case .float(let float): "\(float)"
    default: ""
    }
  }

  /// An identifier: lowercase letters, digits and hyphens.
  func identifier(_ key: String, required: Bool = true) -> String? {
    guard let id = text(key, required: required) else { return nil }
    guard Self.isValidIdentifier(id) else {
      file.report(.invalidID(id), at: offset(of: key))
      return nil
    }
    return id
  }

  static func isValidIdentifier(_ id: String) -> Bool {
    !id.isEmpty
      && id.utf8.allSatisfy { byte in
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == .minus
      }
  }

  func enumeration<E: LabeledEnumeration>(_ key: String, required: Bool) -> E? {
    guard let value = value(key, required: required) else { return nil }
    return enumerationValue(key, value)
  }

  private func enumerationValue<E: LabeledEnumeration>(_ key: String, _ value: TOMLValue) -> E? {
    guard case .string(let text) = value.kind else {
      wrongType(key, value, expected: ValueTypeLabel.string)
      return nil
    }
    guard let result = E(identifierOrLabel: text) else {
      file.report(
        .invalidEnumeration(key: key, value: text, allowed: E.spellings), at: value.offset)
      return nil
    }
    return result
  }

  /// An array's elements, or a wrong-type report.
  func array(_ key: String) -> [TOMLValue] {
    guard let value = value(key, required: false) else { return [] }
    guard case .array(let items) = value.kind else {
      wrongType(key, value, expected: ValueTypeLabel.array)
      return []
    }
    return items
  }

  func enumerationList<E: LabeledEnumeration>(_ key: String) -> [E] {
    array(key).compactMap { enumerationValue(key, $0) }
  }

  func textList(_ key: String) -> [(text: String, offset: Int)] {
    array(key).compactMap { item in
      guard case .string(let text) = item.kind else {
        wrongType(key, item, expected: ValueTypeLabel.string)
        return nil
      }
      return (text, item.offset)
    }
  }

  /// The strings of an array, each one blank or written before reported; `valid` is false
  /// when any was (a choice or an answer label written twice would be ambiguous).
  func distinctTexts(_ key: String) -> (texts: [String], valid: Bool) {
    var texts: [String] = []
    var valid = true
    for (text, offset) in textList(key) {
      if text.isBlank {
        file.report(.emptyText(key: key), at: offset)
        valid = false
      } else if texts.contains(text) {
        file.report(
          .invalidValue(key: key, value: "\"\(text)\"", rule: .distinctChoices), at: offset)
        valid = false
      }
      texts.append(text)
    }
    return (texts, valid)
  }

  /// An enumeration list in which each value may be written once: a repeat is reported and
  /// left out.
  func distinctEnumerations<E: LabeledEnumeration>(_ key: String) -> [E] {
    var values: [E] = []
    for item in array(key) {
      guard let value: E = enumerationValue(key, item) else { continue }
      if values.contains(value) {
        if case .string(let text) = item.kind {
          file.report(
            .invalidValue(key: key, value: "\"\(text)\"", rule: .repeatedValue),
            at: item.offset)
        }
        continue
      }
      values.append(value)
    }
    return values
  }

  /// The tables of an array of tables (`[[key]]`).
  func tables(_ key: String) -> [TOMLTable] {
    guard let value = value(key, required: false) else { return [] }
    if case .array(let items) = value.kind {
      var tables: [TOMLTable] = []
      tables.reserveCapacity(items.count)
      for item in items {
        guard case .table(let table) = item.kind else {
          wrongType(key, item, expected: ValueTypeLabel.table)
          continue
        }
        tables.append(table)
      }
      return tables
    }
    wrongType(key, value, expected: ValueTypeLabel.arrayOfTables)
    return []
  }

  /// A sub-table (`[key]`).
  func subtable(_ key: String, required: Bool) -> TOMLTable? {
    guard let value = value(key, required: required) else { return nil }
    guard case .table(let table) = value.kind else {
      wrongType(key, value, expected: ValueTypeLabel.table)
      return nil
    }
    return table
  }

  /// Every key not in `allowed` is an error: a typo must not silently drop data. A key that
  /// belongs to one of the `elsewhere` tables was most likely written under the wrong header.
  func rejectUnknownKeys(_ allowed: [String], elsewhere: [(table: String, keys: [String])] = []) {
    for entry in table.entries where !allowed.contains(entry.key) {
      let home = elsewhere.first { $0.keys.contains(entry.key) }?.table
      file.report(
        .unknownKey(key: entry.key, allowed: allowed, belongsUnder: home), at: entry.keyOffset)
    }
  }
}

extension String {
  /// Empty or only spaces (ASCII or Unicode, such as the ideographic space U+3000). Looks
  /// at scalars, not Characters: deciding on the first letter must stay cheap for long text.
  var isBlank: Bool {
    // Visible ASCII or a CJK lead byte (U+4000-U+9FFF) settles it without Unicode tables.
    if let first = utf8.first, (0x21...0x7E).contains(first) || (0xE4...0xE9).contains(first) {
      return false
    }
    return unicodeScalars.allSatisfy { $0.properties.isWhitespace }
  }
}
