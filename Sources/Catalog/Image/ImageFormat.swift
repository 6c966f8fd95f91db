/// The layout of a compiled catalog image (README.md beside this file describes it): a
/// fixed header, a directory of sections, and the sections, each a flat array of one
/// element size. Catalog values are records of 64-bit slots, one per field, whose kinds
/// below say how each slot is read and checked; the writer (`ImageEncoder`) and the reader
/// (`CatalogImage`) follow the same field lists, and the validator walks them before anything
/// is read.
enum ImageFormat {
  static let magic: [UInt8] = Array("CMCATIMG".utf8)
  /// Raised whenever the layout changes (the program's identity also changes with every
  /// build, see `ProgramIdentity`).
  static let version: UInt32 = 2
  static let headerSize = 64
  static let versionOffset = 8
  static let sectionCountOffset = 12
  static let lengthOffset = 16
  static let checksumOffset = 24
  static let programOffset = 32
  static let programSize = 32
  /// The checksum covers everything from the program identity on.
  static let checksummedFrom = 32
  /// Per section: offset and length in bytes.
  static let directoryEntrySize = 16
  static let alignment = 8
  /// Far above any catalog (10,000 courses make about 20 MB); string references hold 32-bit
  /// offsets.
  static let maximumLength = 1 << 31

  /// Where the sections start: after the header and the directory.
  static var sectionsStart: Int { headerSize + ImageSection.allCases.count * directoryEntrySize }

  /// Integers other than raw words (stamps) stay within this, so no arithmetic on a value
  /// from an image can overflow.
  static let integerLimit: Int64 = 1 << 40
}

/// The sections of an image, in directory order.
enum ImageSection: Int, CaseIterable, Sendable {
  // The key: what the image was built from.
  case keyInfo, keyFiles, keyListings
  // Shared pools: UTF-8 text, lists of strings, lists of small values, source paths.
  case strings, stringLists, values, paths
  // The catalog.
  case catalog, categories, courses, coursesByID, sessions, lessons, questions, requirements
  // The rating questions and the needs survey (none, or one record each).
  case evaluation, evaluationQuestions, survey, surveyTopics
  // The search index (`SearchTables`).
  case searchCourseIDs, searchCourseTitles, searchCategoryTitles, searchKeywords
  case textUnitStart, textMask, unitReadingStart, readings, unitScalar, unitScalarStart
  case unitScalarEnd, syllableBytes, syllableStart
  case titleTextID, overrideTextID, keywordStart, keywordTextID, courseCategory, categoryTextID
  case titleBytes, titleStart, titleFrequency
  case keywordBytes, keywordByteStart, keywordFrequency
  case idBytes, idStart, idFrequency
  case summaryBytes, summaryStart, summaryFrequency
  case categoryBytes, categoryStart, categoryFrequency

  /// Bytes per element.
  var elementSize: Int {
    switch self {
    case .strings, .syllableBytes, .titleBytes, .keywordBytes, .idBytes, .summaryBytes,
      .categoryBytes:
      1
    case .coursesByID, .textUnitStart, .unitReadingStart, .readings, .unitScalar,
      .unitScalarStart, .unitScalarEnd, .syllableStart, .titleTextID, .overrideTextID,
      .keywordStart, .keywordTextID, .courseCategory, .categoryTextID, .titleStart,
      .titleFrequency, .keywordByteStart, .keywordFrequency, .idStart, .idFrequency,
      .summaryStart, .summaryFrequency, .categoryStart, .categoryFrequency:
      4
    default:
      8
    }
  }
}

/// How one 64-bit slot of a record is read and checked.
enum FieldKind: Equatable, Sendable {
  /// A reference into `strings`: offset in the low 32 bits, length in the high 32.
  case string
  /// The same, or `ImageStrings.absent` for nil.
  case optionalString
  /// A signed integer within `ImageFormat.integerLimit`.
  case int
  /// Any 64 bits (a file stamp's parts).
  case word
  case bool
  /// A date as `year * 10000 + month * 100 + day`, a real one.
  case date
  /// The index of an enumeration's case, below the count.
  case choice(Int)
  /// An index into `paths` (a source file's path).
  case path
  /// A list in `stringLists`: start in the low 32 bits, count in the high 32.
  case strings
  /// A list in `values`, each below the count.
  case choices(Int)
  /// A list in `values`, each within `ImageFormat.integerLimit`.
  case ints
  /// A range of records of another table: start in the low 32 bits, count in the high 32.
  case records(ImageSection)
}

/// The fields of one kind of record, in slot order.
protocol ImageRecordField: CaseIterable, RawRepresentable, Sendable where RawValue == Int {
  static var section: ImageSection { get }
  var kind: FieldKind { get }
}

enum KeyInfoField: Int, ImageRecordField {
  /// The catalog directory and rules file, as given and made absolute (`ImageIdentity`).
  case identity

  static let section = ImageSection.keyInfo
  var kind: FieldKind { .string }
}

enum KeyFileField: Int, ImageRecordField {
  case path, present, device, inode, size, modifiedSeconds, modifiedNanoseconds
  case changedSeconds, changedNanoseconds

  static let section = ImageSection.keyFiles
  var kind: FieldKind {
    switch self {
    case .path: .string
    case .present: .bool
    default: .word
    }
  }
}

enum KeyListingField: Int, ImageRecordField {
  case path, names

  static let section = ImageSection.keyListings
  var kind: FieldKind {
    switch self {
    case .path: .string
    case .names: .strings
    }
  }
}

enum CatalogField: Int, ImageRecordField {
  case title, issuer, year, yearStartMonth, yearStartDay, rulesPath

  static let section = ImageSection.catalog
  var kind: FieldKind {
    switch self {
    case .title, .issuer, .rulesPath: .string
    case .year, .yearStartMonth, .yearStartDay: .int
    }
  }
}

enum CategoryField: Int, ImageRecordField {
  case id, title, summary, hasOrder, order, path, line, column, firstCourse, endCourse, hours

  static let section = ImageSection.categories
  var kind: FieldKind {
    switch self {
    case .id, .title: .string
    case .summary: .optionalString
    case .hasOrder: .bool
    case .order, .line, .column, .firstCourse, .endCourse, .hours: .int
    case .path: .path
    }
  }
}

enum CourseField: Int, ImageRecordField {
  case id, title, categoryID, hours, kind, form, summary, description, instructor, provider
  case audience, roles, keywords, pinyin, seasons, prerequisites, sessions, lessons
  case hasQuiz, passPercent, questionsPerAttempt, attemptsPerDay, questions
  case path, line, column

  static let section = ImageSection.courses
  var kind: FieldKind {
    switch self {
    case .id, .title, .categoryID, .summary: .string
    case .description, .instructor, .provider, .pinyin: .optionalString
    case .hours, .passPercent, .questionsPerAttempt, .attemptsPerDay, .line, .column: .int
    case .kind: .choice(CourseKind.allCases.count)
    case .form: .choice(CourseForm.allCases.count)
    case .audience: .choices(MemberDomain.allCases.count)
    case .roles: .choices(MemberRole.allCases.count)
    case .seasons: .choices(TrainingSeason.allCases.count)
    case .keywords, .prerequisites: .strings
    case .sessions: .records(.sessions)
    case .lessons: .records(.lessons)
    case .questions: .records(.questions)
    case .hasQuiz: .bool
    case .path: .path
    }
  }
}

enum SessionField: Int, ImageRecordField {
  case date, hasEndDate, endDate, time, place, hasCapacity, capacity, path, line, column

  static let section = ImageSection.sessions
  var kind: FieldKind {
    switch self {
    case .date, .endDate: .date
    case .hasEndDate, .hasCapacity: .bool
    case .time: .optionalString
    case .place: .string
    case .capacity, .line, .column: .int
    case .path: .path
    }
  }
}

enum LessonField: Int, ImageRecordField {
  case title, text, file, path, line, column

  static let section = ImageSection.lessons
  var kind: FieldKind {
    switch self {
    case .title, .text: .string
    case .file: .optionalString
    case .line, .column: .int
    case .path: .path
    }
  }
}

enum QuestionField: Int, ImageRecordField {
  /// `answerKind`: 0 one choice (`answer`), 1 all of `answers`, 2 true or false (`answer`).
  case text, choices, answerKind, answer, answers, explanation, path, line, column

  static let section = ImageSection.questions
  var kind: FieldKind {
    switch self {
    case .text: .string
    case .choices: .strings
    case .answerKind: .choice(3)
    case .answer, .line, .column: .int
    case .answers: .ints
    case .explanation: .optionalString
    case .path: .path
    }
  }
}

enum RequirementField: Int, ImageRecordField {
  /// `floating`: 0 regardless, 1 never floating members, 2 only them.
  case id, title, roles, domains, newMember, floating, hasMinHours, minHours
  case hasMinConcentrated, minConcentrated, forms, source, path, line, column

  static let section = ImageSection.requirements
  var kind: FieldKind {
    switch self {
    case .id, .title: .string
    case .roles: .choices(MemberRole.allCases.count)
    case .domains: .choices(MemberDomain.allCases.count)
    case .newMember, .hasMinHours, .hasMinConcentrated: .bool
    case .floating: .choice(3)
    case .minHours, .minConcentrated, .line, .column: .int
    case .forms: .choices(CourseForm.allCases.count)
    case .source: .optionalString
    case .path: .path
    }
  }
}

enum EvaluationField: Int, ImageRecordField {
  case intro, forms, questions

  static let section = ImageSection.evaluation
  var kind: FieldKind {
    switch self {
    case .intro: .optionalString
    case .forms: .choices(CourseForm.allCases.count)
    case .questions: .records(.evaluationQuestions)
    }
  }
}

enum EvaluationQuestionField: Int, ImageRecordField {
  case id, text, answers

  static let section = ImageSection.evaluationQuestions
  var kind: FieldKind {
    switch self {
    case .id, .text: .string
    case .answers: .strings
    }
  }
}

enum SurveyField: Int, ImageRecordField {
  case title, intro, maxTopics, topics, forms, seasons

  static let section = ImageSection.survey
  var kind: FieldKind {
    switch self {
    case .title: .string
    case .intro: .optionalString
    case .maxTopics: .int
    case .topics: .records(.surveyTopics)
    case .forms: .choices(CourseForm.allCases.count)
    case .seasons: .choices(TrainingSeason.allCases.count)
    }
  }
}

enum SurveyTopicField: Int, ImageRecordField {
  case id, title, categoryID

  static let section = ImageSection.surveyTopics
  var kind: FieldKind {
    switch self {
    case .id, .title: .string
    case .categoryID: .optionalString
    }
  }
}

/// A list or record range in one slot: start in the low 32 bits, count in the high 32.
enum ImageSpan {
  static func pack(start: Int, count: Int) -> UInt64 {
    UInt64(UInt32(truncatingIfNeeded: start)) | UInt64(UInt32(truncatingIfNeeded: count)) << 32
  }

  static func unpack(_ slot: UInt64) -> (start: Int, count: Int) {
    (Int(slot & 0xFFFF_FFFF), Int(slot >> 32))
  }

  /// Dates as slots: `year * 10000 + month * 100 + day`.
  static func pack(_ date: LocalDate) -> UInt64 {
    UInt64(bitPattern: Int64(date.year * 10000 + date.month * 100 + date.day))
  }

  static func date(_ slot: UInt64) -> LocalDate {
    let value = Int(truncatingIfNeeded: Int64(bitPattern: slot))
    return LocalDate(year: value / 10000, month: value / 100 % 100, day: value % 100)
  }
}
