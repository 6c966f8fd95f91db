/// One `courses/*.toml` file: an optional file-wide `category` and the `[[course]]` list.
struct CourseFileDecoder {
  static let topLevelKeys = ["category", "course"]
  static let courseKeys = [
    "id", "title", "category", "hours", "kind", "form", "summary", "description", "instructor",
    "provider", "audience", "roles", "keywords", "pinyin", "season", "prerequisites", "session",
    "lesson", "quiz", "question",
  ]
  static let sessionKeys = ["date", "end_date", "time", "place", "capacity"]

  let file: SourceFile
  /// The catalog's training year, for the session-date warning.
  let trainingYear: TrainingYear?
  /// Where lesson files are found (`file = "lessons/…"` is relative to it).
  let catalogDirectory: String

  /// What cross-file checks need of a course, even when some of its fields were wrong.
  struct CourseEntry: Sendable {
    var id: String
    var idLocation: SourceLocation
    var location: SourceLocation
    var categoryID: String?
    var categoryLocation: SourceLocation
    var prerequisites: [String]
    var prerequisiteLocations: [SourceLocation]
  }

  /// `allIdentified` is false when some course had no valid id: prerequisites naming it are
  /// then not reported as unknown.
  ///
  /// `courses` holds the courses whose every field was right; they are kept apart from the
  /// entries so that checks and copies of the entries never copy whole courses.
  func decode(_ root: TOMLTable) -> (
    entries: [CourseEntry], courses: [Course], allIdentified: Bool
  ) {
    let top = EntryReader(table: root, file: file, kind: .course)
    top.rejectUnknownKeys(
      Self.topLevelKeys, elsewhere: [("[[course]]", Self.courseKeys)] + Self.studyTables)
    // A file-wide default written wrongly has been reported; its courses must not also be
    // reported as having no category.
    let defaultWritten = root["category"] != nil
    let defaultCategory = top.identifier("category", required: false)
    let defaultCategoryOffset = top.offset(of: "category")
    let tables = top.tables("course")
    var entries: [CourseEntry] = []
    entries.reserveCapacity(tables.count)
    var courses: [Course] = []
    courses.reserveCapacity(tables.count)
    for table in tables {
      if let (entry, course) = decodeCourse(
        table, defaultCategory: defaultCategory.map { ($0, defaultCategoryOffset) },
        defaultWritten: defaultWritten)
      {
        entries.append(entry)
        if let course { courses.append(course) }
      }
    }
    return (entries, courses, entries.count == tables.count)
  }

  private func decodeCourse(
    _ table: TOMLTable, defaultCategory: (String, Int)?, defaultWritten: Bool
  ) -> (CourseEntry, Course?)? {
    let reader = EntryReader(table: table, file: file, kind: .course)
    reader.rejectUnknownKeys(
      Self.courseKeys, elsewhere: [("[[course.session]]", Self.sessionKeys)] + Self.studyTables)
    let id = reader.identifier("id")
    let title = reader.text("title", required: true)
    var category: (id: String, offset: Int)?
    if table["category"] != nil || !defaultWritten {
      category = reader.identifier("category").map { ($0, reader.offset(of: "category")) }
    } else {
      category = defaultCategory
    }
    let hours = reader.hours("hours", required: true)
    let kind: CourseKind? = reader.enumeration("kind", required: true)
    let form: CourseForm? = reader.enumeration("form", required: true)
    let summary = reader.text("summary", required: true)
    let description = reader.text("description")
    let instructor = reader.text("instructor")
    let provider = reader.text("provider")
    let audience: [MemberDomain] = reader.enumerationList("audience")
    let roles: [MemberRole] = reader.enumerationList("roles")
    let keywords = reader.textList("keywords").map(\.text)
    let pinyin = decodePinyin(reader)
    let seasons: [TrainingSeason] = reader.enumerationList("season")
    let prerequisites = reader.textList("prerequisites")
    let sessions = reader.tables("session").compactMap(decodeSession)
    let study = decodeStudy(reader, courseID: id, form: form)
    guard let id else { return nil }
    if let hours { checkHoursPerDay(hours, of: id, sessions: sessions) }
    let location = file.location(of: table.offset)
    let entry = CourseEntry(
      id: id, idLocation: file.location(of: reader.offset(of: "id")), location: location,
      categoryID: category?.id, categoryLocation: file.location(of: category?.offset ?? 0),
      prerequisites: prerequisites.map(\.text),
      prerequisiteLocations: prerequisites.map { file.location(of: $0.offset) })
    guard let title, let category, let hours, let kind, let form, let summary else {
      return (entry, nil)
    }
    let course = Course(
      id: id, title: title, categoryID: category.id, hours: hours, kind: kind, form: form,
      summary: summary, description: description, instructor: instructor, provider: provider,
      audience: audience, roles: roles, keywords: keywords, pinyin: pinyin, seasons: seasons,
      prerequisites: entry.prerequisites, sessions: sessions, lessons: study.lessons,
      quiz: study.quiz, location: location)
    return (entry, course)
  }

  /// Lowercase syllables separated by spaces (`chong wen`); `ü` may be written `v`.
  private func decodePinyin(_ reader: EntryReader) -> String? {
    guard let pinyin = reader.text("pinyin") else { return nil }
    let valid = pinyin.unicodeScalars.allSatisfy { scalar in
      ("a"..."z").contains(scalar) || scalar == " " || scalar == "ü"
    }
    guard valid else {
      file.report(
        .invalidValue(
          key: "pinyin", value: "\"\(pinyin)\"", rule: .pinyinLetters),
        at: reader.offset(of: "pinyin"))
      return nil
    }
    return pinyin
  }

  private func decodeSession(_ table: TOMLTable) -> CourseSession? {
    let reader = EntryReader(table: table, file: file, kind: .session)
    reader.rejectUnknownKeys(
      Self.sessionKeys, elsewhere: [("[[course]]", Self.courseKeys)] + Self.studyTables)
    let date = sessionDay(reader, "date", required: true)
    var endDate = sessionDay(reader, "end_date", required: false)
    if let date, let end = endDate, end < date {
      file.report(
        .invalidValue(
          key: "end_date", value: end.description, rule: .notBeforeDate(date.description)),
        at: reader.offset(of: "end_date"))
      endDate = nil
    }
    let time = reader.text("time")
    let place = reader.text("place", required: true)
    var capacity = reader.integer("capacity")
    if let written = capacity, written <= 0 {
      file.report(
        .invalidValue(key: "capacity", value: String(written), rule: .positiveCapacity),
        at: reader.offset(of: "capacity"))
      capacity = nil
    }
    guard let date, let place else { return nil }
    return CourseSession(
      date: date, endDate: endDate, time: time, place: place, capacity: capacity,
      location: file.location(of: table.offset))
  }

  /// A session's `date` or `end_date`: a TOML local date, warned about (W001) when outside
  /// the catalog's training year.
  private func sessionDay(_ reader: EntryReader, _ key: String, required: Bool) -> LocalDate? {
    guard let value = reader.value(key, required: required) else { return nil }
    guard case .dateTime(let written) = value.kind, let day = written.date, written.time == nil
    else {
      reader.wrongType(key, value, expected: ValueTypeLabel.date)
      return nil
    }
    if let trainingYear, !trainingYear.contains(day) {
      file.report(
        .sessionOutsideYear(
          date: day.description, year: trainingYear.year,
          firstDay: trainingYear.start.description,
          lastDay: trainingYear.end.adding(days: -1).description),
        at: value.offset)
    }
    return day
  }

  /// W005 at each session too short for the course's hours at 8 a day (a three-day class
  /// written as one day cannot be checked as attended whole).
  private func checkHoursPerDay(_ hours: StudyHours, of courseID: String, sessions: [CourseSession])
  {
    for session in sessions
    where hours.halves > CourseSession.maximumHoursPerDay.halves * session.dayCount {
      file.report(
        .hoursPerDayExceeded(
          course: courseID, hours: hours, days: session.dayCount,
          firstDay: session.date.description),
        at: session.location)
    }
  }
}
