/// A compiled catalog (layout: `ImageFormat`, README.md beside this file), validated whole
/// before anything is read from it: magic, format version, length, program, checksum, every
/// section's bounds, every field of every record and every table of the search index. An
/// image that fails any check is refused with its `Defect`, never half used; one that passes
/// can be read without a bounds check failing, so decoding a course later cannot fail.
///
/// Validation reads the records' slots but no text: strings are made when a course is read.
final class CatalogImage: @unchecked Sendable {
  /// Why an image was refused.
  enum Defect: Error, Hashable, Sendable {
    case truncated
    case notAnImage
    case otherFormatVersion(UInt32)
    case otherProgram
    case checksum
    case section(ImageSection)
    case record(ImageSection, Int)
    case searchIndex(ImageSection)
  }

  let region: ImageRegion
  private let sections: [UnsafeRawBufferPointer]
  let strings: ImageStrings
  /// The source paths records name (`FieldKind.path`), made once.
  let paths: [String]

  /// Checks `region` and keeps it. `program` is the identity the image must have been
  /// written by (`ProgramIdentity.current`); nil accepts any (the fuzzer's case).
  init(_ region: ImageRegion, program: [UInt8]?) throws(Defect) {
    self.region = region
    let bytes = region.bytes
    guard bytes.count >= ImageFormat.sectionsStart else { throw .truncated }
    guard bytes.starts(with: ImageFormat.magic) else { throw .notAnImage }
    let version = Self.load(UInt32.self, bytes, ImageFormat.versionOffset)
    guard version == ImageFormat.version else { throw .otherFormatVersion(version) }
    guard
      Self.load(UInt32.self, bytes, ImageFormat.sectionCountOffset)
        == UInt32(ImageSection.allCases.count)
    else { throw .notAnImage }
    guard Self.load(UInt64.self, bytes, ImageFormat.lengthOffset) == UInt64(bytes.count) else {
      throw .truncated
    }
    if let program {
      let stored = bytes[
        ImageFormat.programOffset..<ImageFormat.programOffset + ImageFormat.programSize]
      guard stored.elementsEqual(program.prefix(ImageFormat.programSize)) else {
        throw .otherProgram
      }
    }
    let checksum = ImageChecksum.of(
      UnsafeRawBufferPointer(rebasing: bytes[ImageFormat.checksummedFrom...]))
    guard checksum == Self.load(UInt64.self, bytes, ImageFormat.checksumOffset) else {
      throw .checksum
    }
    var sections: [UnsafeRawBufferPointer] = []
    for section in ImageSection.allCases {
      let entry = ImageFormat.headerSize + section.rawValue * ImageFormat.directoryEntrySize
      let offset = Self.load(UInt64.self, bytes, entry)
      let length = Self.load(UInt64.self, bytes, entry + 8)
      guard offset >= UInt64(ImageFormat.sectionsStart),
        offset % UInt64(ImageFormat.alignment) == 0,
        offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset,
        length % UInt64(section.elementSize * section.fieldCount) == 0
      else { throw .section(section) }
      sections.append(UnsafeRawBufferPointer(rebasing: bytes[Int(offset)..<Int(offset + length)]))
    }
    self.sections = sections
    let strings = ImageStrings(
      bytes: FlatArray(
        borrowing: Self.typed(sections[ImageSection.strings.rawValue], UInt8.self), from: region))
    self.strings = strings
    let pathSlots = Self.typed(sections[ImageSection.paths.rawValue], UInt64.self)
    for slot in pathSlots where !strings.contains(slot) { throw .section(.paths) }
    for slot in Self.typed(sections[ImageSection.stringLists.rawValue], UInt64.self)
    where !strings.contains(slot) {
      throw .section(.stringLists)
    }
    paths = pathSlots.map { strings.string($0) }
    try validateRecords()
    try validateSearchIndex()
  }

  // MARK: Reading

  func flat<Element: BitwiseCopyable>(_ section: ImageSection, _ type: Element.Type) -> FlatArray<
    Element
  > {
    FlatArray(borrowing: Self.typed(sections[section.rawValue], type), from: region)
  }

  func table<Field: ImageRecordField>(_ type: Field.Type) -> ImageTable<Field> {
    ImageTable(slots: Self.typed(sections[Field.section.rawValue], UInt64.self))
  }

  /// The values of a `strings` slot.
  func stringList(_ slot: UInt64) -> [String] {
    let (start, count) = ImageSpan.unpack(slot)
    let references = Self.typed(sections[ImageSection.stringLists.rawValue], UInt64.self)
    guard start <= references.count, count <= references.count - start else { return [] }
    return references[start..<start + count].map { strings.string($0) }
  }

  /// The values of a `choices` or `ints` slot.
  func valueList(_ slot: UInt64) -> [Int] {
    let (start, count) = ImageSpan.unpack(slot)
    let values = Self.typed(sections[ImageSection.values.rawValue], UInt64.self)
    guard start <= values.count, count <= values.count - start else { return [] }
    return values[start..<start + count].map { Int(truncatingIfNeeded: Int64(bitPattern: $0)) }
  }

  /// The cases a `choices` slot names.
  func choiceList<Choice: CaseIterable>(_ slot: UInt64, _ type: Choice.Type) -> [Choice] {
    let cases = Array(Choice.allCases)
    return valueList(slot).compactMap { cases.indices.contains($0) ? cases[$0] : nil }
  }

  func choice<Choice: CaseIterable>(_ slot: UInt64, _ type: Choice.Type) -> Choice {
    let cases = Array(Choice.allCases)
    return cases.indices.contains(Int(truncatingIfNeeded: slot)) ? cases[Int(slot)] : cases[0]
  }

  func location(path: UInt64, line: UInt64, column: UInt64) -> SourceLocation {
    SourceLocation(
      path: paths.indices.contains(Int(truncatingIfNeeded: path)) ? paths[Int(path)] : "",
      line: Self.int(line), column: Self.int(column))
  }

  static func int(_ slot: UInt64) -> Int { Int(truncatingIfNeeded: Int64(bitPattern: slot)) }

  // MARK: Validation

  private func validateRecords() throws(Defect) {
    try validate(KeyInfoField.self)
    try validate(KeyFileField.self)
    try validate(KeyListingField.self)
    try validate(CatalogField.self)
    try validate(CategoryField.self)
    try validate(CourseField.self)
    try validate(SessionField.self)
    try validate(LessonField.self)
    try validate(QuestionField.self)
    try validate(RequirementField.self)
    try validate(EvaluationField.self)
    try validate(EvaluationQuestionField.self)
    try validate(SurveyField.self)
    try validate(SurveyTopicField.self)
    guard table(KeyInfoField.self).count == 1 else { throw .section(.keyInfo) }
    guard table(EvaluationField.self).count <= 1 else { throw .section(.evaluation) }
    let survey = table(SurveyField.self)
    guard survey.count <= 1, survey.count == 0 || Self.int(survey[0, .maxTopics]) >= 1 else {
      throw .section(.survey)
    }
    let catalog = table(CatalogField.self)
    guard catalog.count == 1, (1...9999).contains(Self.int(catalog[0, .year])),
      LocalDate.isValid(
        year: 2000, month: Self.int(catalog[0, .yearStartMonth]),
        day: Self.int(catalog[0, .yearStartDay]))
    else { throw .section(.catalog) }
    let courses = table(CourseField.self)
    let categories = table(CategoryField.self)
    for category in 0..<categories.count {
      let first = Self.int(categories[category, .firstCourse])
      let end = Self.int(categories[category, .endCourse])
      guard 0 <= first, first <= end, end <= courses.count else {
        throw .record(.categories, category)
      }
    }
    for course in 0..<courses.count {
      let quizSettings = [
        courses[course, .passPercent], courses[course, .questionsPerAttempt],
        courses[course, .attemptsPerDay],
      ].map(Self.int)
      guard (1...400).contains(Self.int(courses[course, .hours])),
        courses[course, .hasQuiz] == 0
          || ((1...100).contains(quizSettings[0]) && quizSettings[1] >= 1 && quizSettings[2] >= 1)
      else { throw .record(.courses, course) }
    }
    let questions = table(QuestionField.self)
    for question in 0..<questions.count {
      let choices = ImageSpan.unpack(questions[question, .choices]).count
      let answer = Self.int(questions[question, .answer])
      let valid: Bool
      switch questions[question, .answerKind] {
      case 0: valid = (0..<choices).contains(answer)
      case 1:
        valid = valueList(questions[question, .answers]).allSatisfy { (0..<choices).contains($0) }
      default: valid = choices == 0
      }
      guard valid else { throw .record(.questions, question) }
    }
    let byID = flat(.coursesByID, UInt32.self)
    guard byID.count == courses.count, byID.allSatisfy({ Int($0) < courses.count }) else {
      throw .section(.coursesByID)
    }
  }

  /// Every slot of every record of `Field`'s table holds what its kind says.
  private func validate<Field: ImageRecordField>(_ type: Field.Type) throws(Defect) {
    let slots = table(type).slots
    let kinds = Field.allCases.map(\.kind)
    let values = Self.typed(sections[ImageSection.values.rawValue], UInt64.self)
    let stringLists = sections[ImageSection.stringLists.rawValue].count / 8
    for record in 0..<slots.count / kinds.count {
      for (field, kind) in kinds.enumerated() {
        let slot = slots[record * kinds.count + field]
        let valid: Bool
        switch kind {
        case .string: valid = strings.contains(slot)
        case .optionalString: valid = slot == ImageStrings.absent || strings.contains(slot)
        case .int: valid = Int64(bitPattern: slot).magnitude <= UInt64(ImageFormat.integerLimit)
        case .word: valid = true
        case .bool: valid = slot <= 1
        case .date:
          let date = ImageSpan.date(slot)
          valid =
            Int64(bitPattern: slot) >= 0
            && LocalDate.isValid(year: date.year, month: date.month, day: date.day)
        case .choice(let count): valid = slot < UInt64(count)
        case .path: valid = slot < UInt64(paths.count)
        case .strings: valid = Self.fits(slot, in: stringLists)
        case .choices(let count):
          valid =
            Self.fits(slot, in: values.count)
            && Self.list(slot, values).allSatisfy { $0 < UInt64(count) }
        case .ints:
          valid =
            Self.fits(slot, in: values.count)
            && Self.list(slot, values).allSatisfy {
              Int64(bitPattern: $0).magnitude <= UInt64(ImageFormat.integerLimit)
            }
        case .records(let section):
          let count = sections[section.rawValue].count / (8 * section.fieldCount)
          valid = Self.fits(slot, in: count)
        }
        guard valid else { throw .record(Field.section, record) }
      }
    }
  }

  /// The search index's tables agree with each other and with the catalog: every offset
  /// table rises from 0 to the length of what it indexes, every id names an existing entry.
  private func validateSearchIndex() throws(Defect) {
    let courses = table(CourseField.self).count
    let categories = table(CategoryField.self).count
    let references: [(ImageSection, Int?)] = [
      (.searchCourseIDs, courses), (.searchCourseTitles, courses),
      (.searchCategoryTitles, categories), (.searchKeywords, nil),
    ]
    for (section, count) in references {
      let slots = Self.typed(sections[section.rawValue], UInt64.self)
      guard count.map({ $0 == slots.count }) ?? true, slots.allSatisfy(strings.contains) else {
        throw .searchIndex(section)
      }
    }
    let keywords = sections[ImageSection.searchKeywords.rawValue].count / 8
    let texts = sections[ImageSection.textMask.rawValue].count / 8
    let units = sections[ImageSection.unitScalar.rawValue].count / 4
    let readings = flat(.readings, UInt32.self)
    let syllableStart = flat(.syllableStart, UInt32.self)
    try rising(.textUnitStart, count: texts + 1, to: units)
    try rising(.unitReadingStart, count: units + 1, to: readings.count)
    try rising(
      .syllableStart, count: syllableStart.count,
      to: sections[ImageSection.syllableBytes.rawValue].count)
    try rising(.keywordStart, count: courses + 1, to: keywords)
    guard syllableStart.count >= 1, readings.allSatisfy({ Int($0) < syllableStart.count - 1 })
    else {
      throw .searchIndex(.readings)
    }
    for section in [ImageSection.unitScalarStart, .unitScalarEnd] {
      guard sections[section.rawValue].count / 4 == units else { throw .searchIndex(section) }
    }
    let ids: [(ImageSection, count: Int, below: Int)] = [
      (.titleTextID, courses, texts), (.overrideTextID, courses, texts),
      (.keywordTextID, keywords, texts), (.courseCategory, courses, categories),
      (.categoryTextID, categories, texts),
    ]
    for (section, count, below) in ids {
      let values = flat(section, Int32.self)
      guard values.count == count, values.allSatisfy({ $0 >= -1 && Int($0) < below }) else {
        throw .searchIndex(section)
      }
    }
    let entries = [courses, keywords, courses, courses, categories]
    for (sections, count) in zip(ImageSection.corpusSections, entries) {
      try rising(sections.start, count: count + 1, to: self.sections[sections.bytes.rawValue].count)
      guard self.sections[sections.frequency.rawValue].count == 256 * 4 else {
        throw .searchIndex(sections.frequency)
      }
    }
  }

  /// `section` holds `count` 32-bit offsets rising from 0 to `end`.
  private func rising(_ section: ImageSection, count: Int, to end: Int) throws(Defect) {
    let values = flat(section, UInt32.self)
    guard values.count == count, values.first == 0, Int(values[count - 1]) == end else {
      throw .searchIndex(section)
    }
    for index in 1..<count where values[index] < values[index - 1] { throw .searchIndex(section) }
  }

  private static func fits(_ slot: UInt64, in count: Int) -> Bool {
    let (start, length) = ImageSpan.unpack(slot)
    return start <= count && length <= count - start
  }

  private static func list(_ slot: UInt64, _ values: UnsafeBufferPointer<UInt64>)
    -> UnsafeBufferPointer<UInt64>.SubSequence
  {
    let (start, count) = ImageSpan.unpack(slot)
    return values[start..<start + count]
  }

  static func load<Value: FixedWidthInteger>(
    _ type: Value.Type, _ bytes: UnsafeRawBufferPointer, _ offset: Int
  ) -> Value {
    Value(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Value.self))
  }

  static func typed<Element>(_ bytes: UnsafeRawBufferPointer, _ type: Element.Type)
    -> UnsafeBufferPointer<Element>
  {
    guard let base = bytes.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(
      start: base.assumingMemoryBound(to: Element.self),
      count: bytes.count / MemoryLayout<Element>.stride)
  }
}

/// The records of one table of a validated image.
struct ImageTable<Field: ImageRecordField> {
  let slots: UnsafeBufferPointer<UInt64>

  var count: Int { slots.count / Field.allCases.count }

  subscript(record: Int, field: Field) -> UInt64 {
    slots[record * Field.allCases.count + field.rawValue]
  }
}

extension ImageSection {
  /// Slots per record for the record tables, 1 for the other sections.
  var fieldCount: Int {
    switch self {
    case .keyInfo: KeyInfoField.allCases.count
    case .keyFiles: KeyFileField.allCases.count
    case .keyListings: KeyListingField.allCases.count
    case .catalog: CatalogField.allCases.count
    case .categories: CategoryField.allCases.count
    case .courses: CourseField.allCases.count
    case .sessions: SessionField.allCases.count
    case .lessons: LessonField.allCases.count
    case .questions: QuestionField.allCases.count
    case .requirements: RequirementField.allCases.count
    case .evaluation: EvaluationField.allCases.count
    case .evaluationQuestions: EvaluationQuestionField.allCases.count
    case .survey: SurveyField.allCases.count
    case .surveyTopics: SurveyTopicField.allCases.count
    default: 1
    }
  }
}
