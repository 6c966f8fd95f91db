/// Writes a catalog that loaded without errors, its search index and its key into the bytes
/// of an image (layout: `ImageFormat`, README.md). Every string is stored once.
struct ImageEncoder {
  /// Sections of 8-byte slots (records and pools), by section.
  private var slots = [[UInt64]](repeating: [], count: ImageSection.allCases.count)
  /// Sections of other element sizes, as bytes.
  private var raw = [[UInt8]](repeating: [], count: ImageSection.allCases.count)
  private var pool: [UInt8] = []
  private var interned: [String: UInt64] = [:]
  private var pathIndex: [String: Int] = [:]

  /// The whole image of `catalog`, with `search` (its index) and `key` (what it was built
  /// from), for the program `program` (`ProgramIdentity`).
  static func encode(
    _ catalog: Catalog, search: SearchTables, key: ImageKey, program: [UInt8]
  ) -> [UInt8] {
    var encoder = ImageEncoder()
    encoder.addKey(key)
    encoder.addCatalog(catalog)
    encoder.addSearch(search)
    return encoder.finish(program: program)
  }

  // MARK: Values

  mutating func string(_ text: String) -> UInt64 {
    if let known = interned[text] { return known }
    let reference = ImageSpan.pack(start: pool.count, count: text.utf8.count)
    pool.append(contentsOf: text.utf8)
    interned[text] = reference
    return reference
  }

  mutating func optional(_ text: String?) -> UInt64 {
    text.map { string($0) } ?? ImageStrings.absent
  }

  mutating func strings(_ texts: [String]) -> UInt64 {
    let references = texts.map { string($0) }
    let start = slots[ImageSection.stringLists.rawValue].count
    slots[ImageSection.stringLists.rawValue] += references
    return ImageSpan.pack(start: start, count: references.count)
  }

  mutating func values(_ values: [Int]) -> UInt64 {
    let start = slots[ImageSection.values.rawValue].count
    slots[ImageSection.values.rawValue] += values.map { UInt64(bitPattern: Int64($0)) }
    return ImageSpan.pack(start: start, count: values.count)
  }

  mutating func choices<Choice: CaseIterable & Equatable>(_ values: [Choice]) -> UInt64 {
    self.values(values.map { Self.choice($0) })
  }

  /// The case's place among `allCases`, as the image stores it.
  static func choice<Choice: CaseIterable & Equatable>(_ value: Choice) -> Int {
    Array(Choice.allCases).firstIndex(of: value) ?? 0
  }

  mutating func location(_ location: SourceLocation) -> (UInt64, UInt64, UInt64) {
    let path: Int
    if let known = pathIndex[location.path] {
      path = known
    } else {
      path = slots[ImageSection.paths.rawValue].count
      slots[ImageSection.paths.rawValue].append(string(location.path))
      pathIndex[location.path] = path
    }
    return (UInt64(path), Self.int(location.line), Self.int(location.column))
  }

  static func int(_ value: Int) -> UInt64 { UInt64(bitPattern: Int64(value)) }

  static func flag(_ value: Bool) -> UInt64 { value ? 1 : 0 }

  // MARK: Records

  /// One record of `Field`'s table, its slots set by `fill`; returns its index.
  @discardableResult
  mutating func append<Field: ImageRecordField>(
    _ type: Field.Type, _ fill: (inout ImageRecord<Field>, inout ImageEncoder) -> Void
  ) -> Int {
    var record = ImageRecord<Field>()
    fill(&record, &self)
    let table = Field.section.rawValue
    let index = slots[table].count / Field.allCases.count
    slots[table] += record.slots
    return index
  }

  /// The records `body` appends to `Field`'s table, as a span for the record that owns them.
  mutating func span<Field: ImageRecordField>(
    _ type: Field.Type, _ body: (inout ImageEncoder) -> Void
  ) -> UInt64 {
    let table = Field.section.rawValue
    let start = slots[table].count / Field.allCases.count
    body(&self)
    return ImageSpan.pack(start: start, count: slots[table].count / Field.allCases.count - start)
  }

  // MARK: The parts

  private mutating func addKey(_ key: ImageKey) {
    append(KeyInfoField.self) { record, encoder in
      record[.identity] = encoder.string(key.identity)
    }
    for file in key.inputs.distinctFiles {
      append(KeyFileField.self) { record, encoder in
        record[.path] = encoder.string(file.path)
        guard let stamp = file.stamp else { return }
        record[.present] = 1
        record[.device] = stamp.device
        record[.inode] = stamp.inode
        record[.size] = UInt64(bitPattern: stamp.size)
        record[.modifiedSeconds] = UInt64(bitPattern: stamp.modifiedSeconds)
        record[.modifiedNanoseconds] = UInt64(bitPattern: stamp.modifiedNanoseconds)
        record[.changedSeconds] = UInt64(bitPattern: stamp.changedSeconds)
        record[.changedNanoseconds] = UInt64(bitPattern: stamp.changedNanoseconds)
      }
    }
    for listing in key.inputs.listings {
      append(KeyListingField.self) { record, encoder in
        record[.path] = encoder.string(listing.path)
        record[.names] = encoder.strings(listing.names)
      }
    }
  }

  private mutating func addCatalog(_ catalog: Catalog) {
    append(CatalogField.self) { record, encoder in
      record[.title] = encoder.string(catalog.title)
      record[.issuer] = encoder.string(catalog.issuer)
      record[.year] = Self.int(catalog.year)
      record[.yearStartMonth] = Self.int(catalog.rules.yearStartMonth)
      record[.yearStartDay] = Self.int(catalog.rules.yearStartDay)
      record[.rulesPath] = encoder.string(catalog.rules.path)
    }
    for (index, category) in catalog.categories.enumerated() {
      append(CategoryField.self) { record, encoder in
        record[.id] = encoder.string(category.id)
        record[.title] = encoder.string(category.title)
        record[.summary] = encoder.optional(category.summary)
        record[.hasOrder] = Self.flag(category.order != nil)
        record[.order] = Self.int(category.order ?? 0)
        (record[.path], record[.line], record[.column]) = encoder.location(category.location)
        record[.firstCourse] = Self.int(catalog.courseRangeByCategory[index].lowerBound)
        record[.endCourse] = Self.int(catalog.courseRangeByCategory[index].upperBound)
        record[.hours] = Self.int(catalog.hoursByCategory[index].halves)
      }
    }
    for course in catalog.courses { addCourse(course) }
    let order = catalog.courses.indices.sorted { lhs, rhs in
      catalog.courses[lhs].id.utf8.lexicographicallyPrecedes(catalog.courses[rhs].id.utf8)
    }
    raw[ImageSection.coursesByID.rawValue] = Self.bytes(order.map { UInt32($0) })
    for requirement in catalog.rules.requirements { addRequirement(requirement) }
    if let evaluation = catalog.evaluation { addEvaluation(evaluation) }
    if let survey = catalog.survey { addSurvey(survey) }
  }

  private mutating func addEvaluation(_ evaluation: Evaluation) {
    let questions = span(EvaluationQuestionField.self) { encoder in
      for question in evaluation.questions {
        encoder.append(EvaluationQuestionField.self) { record, encoder in
          record[.id] = encoder.string(question.id)
          record[.text] = encoder.string(question.text)
          record[.answers] = encoder.strings(question.answers)
        }
      }
    }
    append(EvaluationField.self) { record, encoder in
      record[.intro] = encoder.optional(evaluation.intro)
      record[.forms] = encoder.choices(evaluation.forms)
      record[.questions] = questions
    }
  }

  private mutating func addSurvey(_ survey: Survey) {
    let topics = span(SurveyTopicField.self) { encoder in
      for topic in survey.topics {
        encoder.append(SurveyTopicField.self) { record, encoder in
          record[.id] = encoder.string(topic.id)
          record[.title] = encoder.string(topic.title)
          record[.categoryID] = encoder.optional(topic.categoryID)
        }
      }
    }
    append(SurveyField.self) { record, encoder in
      record[.title] = encoder.string(survey.title)
      record[.intro] = encoder.optional(survey.intro)
      record[.maxTopics] = Self.int(survey.maxTopics)
      record[.topics] = topics
      record[.forms] = encoder.choices(survey.forms)
      record[.seasons] = encoder.choices(survey.seasons)
    }
  }

  private mutating func addCourse(_ course: Course) {
    let sessions = span(SessionField.self) { encoder in
      for session in course.sessions {
        encoder.append(SessionField.self) { record, encoder in
          record[.date] = ImageSpan.pack(session.date)
          record[.hasEndDate] = Self.flag(session.endDate != nil)
          record[.endDate] = ImageSpan.pack(session.endDate ?? session.date)
          record[.time] = encoder.optional(session.time)
          record[.place] = encoder.string(session.place)
          record[.hasCapacity] = Self.flag(session.capacity != nil)
          record[.capacity] = Self.int(session.capacity ?? 0)
          (record[.path], record[.line], record[.column]) = encoder.location(session.location)
        }
      }
    }
    let lessons = span(LessonField.self) { encoder in
      for lesson in course.lessons {
        encoder.append(LessonField.self) { record, encoder in
          record[.title] = encoder.string(lesson.title)
          record[.text] = encoder.string(lesson.text)
          record[.file] = encoder.optional(lesson.file)
          (record[.path], record[.line], record[.column]) = encoder.location(lesson.location)
        }
      }
    }
    let questions = span(QuestionField.self) { encoder in
      for question in course.quiz?.questions ?? [] {
        encoder.append(QuestionField.self) { record, encoder in
          record[.text] = encoder.string(question.text)
          record[.choices] = encoder.strings(question.choices)
          switch question.answer {
          case .single(let choice):
            record[.answerKind] = 0
            record[.answer] = Self.int(choice)
            record[.answers] = encoder.values([])
          case .all(let choices):
            record[.answerKind] = 1
            record[.answers] = encoder.values(choices)
          case .trueFalse(let value):
            record[.answerKind] = 2
            record[.answer] = Self.flag(value)
            record[.answers] = encoder.values([])
          }
          record[.explanation] = encoder.optional(question.explanation)
          (record[.path], record[.line], record[.column]) = encoder.location(question.location)
        }
      }
    }
    append(CourseField.self) { record, encoder in
      record[.id] = encoder.string(course.id)
      record[.title] = encoder.string(course.title)
      record[.categoryID] = encoder.string(course.categoryID)
      record[.hours] = Self.int(course.hours.halves)
      record[.kind] = Self.int(Self.choice(course.kind))
      record[.form] = Self.int(Self.choice(course.form))
      record[.summary] = encoder.string(course.summary)
      record[.description] = encoder.optional(course.description)
      record[.instructor] = encoder.optional(course.instructor)
      record[.provider] = encoder.optional(course.provider)
      record[.audience] = encoder.choices(course.audience)
      record[.roles] = encoder.choices(course.roles)
      record[.keywords] = encoder.strings(course.keywords)
      record[.pinyin] = encoder.optional(course.pinyin)
      record[.seasons] = encoder.choices(course.seasons)
      record[.prerequisites] = encoder.strings(course.prerequisites)
      record[.sessions] = sessions
      record[.lessons] = lessons
      record[.questions] = questions
      if let quiz = course.quiz {
        record[.hasQuiz] = 1
        record[.passPercent] = Self.int(quiz.passPercent)
        record[.questionsPerAttempt] = Self.int(quiz.questionsPerAttempt)
        record[.attemptsPerDay] = Self.int(quiz.attemptsPerDay)
      }
      (record[.path], record[.line], record[.column]) = encoder.location(course.location)
    }
  }

  private mutating func addRequirement(_ requirement: Requirement) {
    append(RequirementField.self) { record, encoder in
      record[.id] = encoder.string(requirement.id)
      record[.title] = encoder.string(requirement.title)
      record[.roles] = encoder.choices(requirement.roles)
      record[.domains] = encoder.choices(requirement.domains)
      record[.newMember] = Self.flag(requirement.newMember)
      record[.floating] = requirement.floating.map { $0 ? 2 : 1 } ?? 0
      record[.hasMinHours] = Self.flag(requirement.minHours != nil)
      record[.minHours] = Self.int(requirement.minHours?.halves ?? 0)
      record[.hasMinConcentrated] = Self.flag(requirement.minConcentrated != nil)
      record[.minConcentrated] = Self.int(requirement.minConcentrated ?? 0)
      record[.forms] = encoder.choices(requirement.forms)
      record[.source] = encoder.optional(requirement.source)
      (record[.path], record[.line], record[.column]) = encoder.location(requirement.location)
    }
  }

  private mutating func addSearch(_ tables: SearchTables) {
    func references(_ table: StringTable) -> [UInt64] {
      (0..<table.count).map { string(table[$0]) }
    }
    slots[ImageSection.searchCourseIDs.rawValue] = references(tables.courseIDs)
    slots[ImageSection.searchCourseTitles.rawValue] = references(tables.courseTitles)
    slots[ImageSection.searchCategoryTitles.rawValue] = references(tables.categoryTitles)
    slots[ImageSection.searchKeywords.rawValue] = references(tables.keywords)
    let units = tables.units
    set(.textUnitStart, units.textUnitStart)
    set(.textMask, units.textMask)
    set(.unitReadingStart, units.unitReadingStart)
    set(.readings, units.readings)
    set(.unitScalar, units.unitScalar)
    set(.unitScalarStart, units.unitScalarStart)
    set(.unitScalarEnd, units.unitScalarEnd)
    set(.syllableBytes, units.syllableBytes)
    set(.syllableStart, units.syllableStart)
    set(.titleTextID, tables.titleTextID)
    set(.overrideTextID, tables.overrideTextID)
    set(.keywordStart, tables.keywordStart)
    set(.keywordTextID, tables.keywordTextID)
    set(.courseCategory, tables.courseCategory)
    set(.categoryTextID, tables.categoryTextID)
    for (corpus, sections) in ImageSection.corpora(of: tables) {
      set(sections.bytes, corpus.bytes)
      set(sections.start, corpus.start)
      set(sections.frequency, corpus.frequency)
    }
  }

  private mutating func set<Element>(_ section: ImageSection, _ array: FlatArray<Element>) {
    if section.elementSize == 8 {
      slots[section.rawValue] = array.bytes.withMemoryRebound(to: UInt64.self) { Array($0) }
    } else {
      raw[section.rawValue] = Array(array.bytes)
    }
  }

  private static func bytes(_ values: [UInt32]) -> [UInt8] {
    values.withUnsafeBytes { Array($0) }
  }

  // MARK: Assembly

  private mutating func finish(program: [UInt8]) -> [UInt8] {
    raw[ImageSection.strings.rawValue] = pool
    var bodies: [[UInt8]] = []
    for section in ImageSection.allCases {
      let table = slots[section.rawValue]
      bodies.append(
        section.elementSize == 8 ? table.withUnsafeBytes { Array($0) } : raw[section.rawValue])
    }
    var image = [UInt8](repeating: 0, count: ImageFormat.sectionsStart)
    var directory: [(offset: Int, length: Int)] = []
    for body in bodies {
      while image.count % ImageFormat.alignment != 0 { image.append(0) }
      directory.append((image.count, body.count))
      image += body
    }
    image.replaceSubrange(0..<ImageFormat.magic.count, with: ImageFormat.magic)
    Self.put(UInt32(ImageFormat.version), at: ImageFormat.versionOffset, in: &image)
    Self.put(UInt32(ImageSection.allCases.count), at: ImageFormat.sectionCountOffset, in: &image)
    Self.put(UInt64(image.count), at: ImageFormat.lengthOffset, in: &image)
    image.replaceSubrange(
      ImageFormat.programOffset..<ImageFormat.programOffset + ImageFormat.programSize,
      with: program.prefix(ImageFormat.programSize)
        + [UInt8](repeating: 0, count: max(0, ImageFormat.programSize - program.count)))
    for (index, entry) in directory.enumerated() {
      let at = ImageFormat.headerSize + index * ImageFormat.directoryEntrySize
      Self.put(UInt64(entry.offset), at: at, in: &image)
      Self.put(UInt64(entry.length), at: at + 8, in: &image)
    }
    Self.seal(&image)
    return image
  }

  /// Writes the checksum of everything after it into the header.
  static func seal(_ image: inout [UInt8]) {
    guard image.count >= ImageFormat.headerSize else { return }
    let checksum = image.withUnsafeBytes { bytes in
      ImageChecksum.of(UnsafeRawBufferPointer(rebasing: bytes[ImageFormat.checksummedFrom...]))
    }
    put(checksum, at: ImageFormat.checksumOffset, in: &image)
  }

  static func put<Value: FixedWidthInteger>(_ value: Value, at offset: Int, in image: inout [UInt8])
  {
    withUnsafeBytes(of: value.littleEndian) { bytes in
      image.replaceSubrange(offset..<offset + bytes.count, with: bytes)
    }
  }
}

/// One record being written: a slot per field, zero unless set.
struct ImageRecord<Field: ImageRecordField> {
  var slots = [UInt64](repeating: 0, count: Field.allCases.count)

  subscript(field: Field) -> UInt64 {
    get { slots[field.rawValue] }
    set { slots[field.rawValue] = newValue }
  }
}

extension ImageSection {
  /// The five byte corpora of the search index and their sections, in one order for writing
  /// and reading.
  static let corpusSections: [(bytes: ImageSection, start: ImageSection, frequency: ImageSection)] =
    [
      (.titleBytes, .titleStart, .titleFrequency),
      (.keywordBytes, .keywordByteStart, .keywordFrequency),
      (.idBytes, .idStart, .idFrequency),
      (.summaryBytes, .summaryStart, .summaryFrequency),
      (.categoryBytes, .categoryStart, .categoryFrequency),
    ]

  static func corpora(of tables: SearchTables) -> [(
    ByteCorpus, (bytes: ImageSection, start: ImageSection, frequency: ImageSection)
  )] {
    let corpora = [
      tables.titles, tables.keywordBytes, tables.ids, tables.summaries, tables.categoryBytes,
    ]
    return Array(zip(corpora, corpusSections))
  }
}
