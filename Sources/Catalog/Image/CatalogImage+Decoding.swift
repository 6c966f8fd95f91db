/// Turning a validated image back into the catalog's values: the small parts (header,
/// categories, rules) at once, a course only when it is read.
extension CatalogImage {
  /// The catalog the image holds; its courses are read from the image when used.
  func catalog() -> Catalog {
    let header = table(CatalogField.self)
    let categories = table(CategoryField.self)
    var ranges: [Range<Int>] = []
    var hours: [StudyHours] = []
    let decoded = (0..<categories.count).map { index in
      ranges.append(
        Self.int(categories[index, .firstCourse])..<Self.int(categories[index, .endCourse]))
      hours.append(StudyHours(halves: Self.int(categories[index, .hours])))
      return Category(
        id: strings.string(categories[index, .id]),
        title: strings.string(categories[index, .title]),
        summary: strings.optionalString(categories[index, .summary]),
        order: categories[index, .hasOrder] == 1 ? Self.int(categories[index, .order]) : nil,
        location: location(
          path: categories[index, .path], line: categories[index, .line],
          column: categories[index, .column]))
    }
    let rules = Rules(
      yearStartMonth: Self.int(header[0, .yearStartMonth]),
      yearStartDay: Self.int(header[0, .yearStartDay]),
      requirements: requirements(), path: strings.string(header[0, .rulesPath]))
    var catalog = Catalog(
      title: strings.string(header[0, .title]), issuer: strings.string(header[0, .issuer]),
      year: Self.int(header[0, .year]), categories: decoded,
      courses: CourseList(image: ImageCourses(image: self)), rules: rules,
      courseRangeByCategory: ranges, hoursByCategory: hours)
    catalog.evaluation = evaluation()
    catalog.survey = survey()
    return catalog
  }

  private func evaluation() -> Evaluation? {
    let table = table(EvaluationField.self)
    guard table.count == 1 else { return nil }
    let questions = self.table(EvaluationQuestionField.self)
    let (start, count) = ImageSpan.unpack(table[0, .questions])
    return Evaluation(
      intro: strings.optionalString(table[0, .intro]),
      forms: choiceList(table[0, .forms], CourseForm.self),
      questions: (start..<start + count).map { index in
        EvaluationQuestion(
          id: strings.string(questions[index, .id]),
          text: strings.string(questions[index, .text]),
          answers: stringList(questions[index, .answers]))
      })
  }

  private func survey() -> Survey? {
    let table = table(SurveyField.self)
    guard table.count == 1 else { return nil }
    let topics = self.table(SurveyTopicField.self)
    let (start, count) = ImageSpan.unpack(table[0, .topics])
    return Survey(
      title: strings.string(table[0, .title]), intro: strings.optionalString(table[0, .intro]),
      maxTopics: Self.int(table[0, .maxTopics]),
      topics: (start..<start + count).map { index in
        SurveyTopic(
          id: strings.string(topics[index, .id]), title: strings.string(topics[index, .title]),
          categoryID: strings.optionalString(topics[index, .categoryID]))
      },
      forms: choiceList(table[0, .forms], CourseForm.self),
      seasons: choiceList(table[0, .seasons], TrainingSeason.self))
  }

  private func requirements() -> [Requirement] {
    let table = table(RequirementField.self)
    return (0..<table.count).map { index in
      let floating = table[index, .floating]
      return Requirement(
        id: strings.string(table[index, .id]), title: strings.string(table[index, .title]),
        roles: choiceList(table[index, .roles], MemberRole.self),
        domains: choiceList(table[index, .domains], MemberDomain.self),
        newMember: table[index, .newMember] == 1,
        floating: floating == 0 ? nil : floating == 2,
        minHours: table[index, .hasMinHours] == 1
          ? StudyHours(halves: Self.int(table[index, .minHours])) : nil,
        minConcentrated: table[index, .hasMinConcentrated] == 1
          ? Self.int(table[index, .minConcentrated]) : nil,
        forms: choiceList(table[index, .forms], CourseForm.self),
        source: strings.optionalString(table[index, .source]),
        location: location(
          path: table[index, .path], line: table[index, .line], column: table[index, .column]))
    }
  }

  var courseCount: Int { table(CourseField.self).count }

  /// Course `index` (menu order), made from its record.
  func course(at index: Int) -> Course {
    let courses = table(CourseField.self)
    func text(_ field: CourseField) -> String { strings.string(courses[index, field]) }
    func optional(_ field: CourseField) -> String? { strings.optionalString(courses[index, field]) }
    var quiz: Quiz?
    if courses[index, .hasQuiz] == 1 {
      quiz = Quiz(
        questions: questions(courses[index, .questions]),
        passPercent: Self.int(courses[index, .passPercent]),
        questionsPerAttempt: Self.int(courses[index, .questionsPerAttempt]),
        attemptsPerDay: Self.int(courses[index, .attemptsPerDay]))
    }
    return Course(
      id: text(.id), title: text(.title), categoryID: text(.categoryID),
      hours: StudyHours(halves: Self.int(courses[index, .hours])),
      kind: choice(courses[index, .kind], CourseKind.self),
      form: choice(courses[index, .form], CourseForm.self), summary: text(.summary),
      description: optional(.description), instructor: optional(.instructor),
      provider: optional(.provider),
      audience: choiceList(courses[index, .audience], MemberDomain.self),
      roles: choiceList(courses[index, .roles], MemberRole.self),
      keywords: stringList(courses[index, .keywords]), pinyin: optional(.pinyin),
      seasons: choiceList(courses[index, .seasons], TrainingSeason.self),
      prerequisites: stringList(courses[index, .prerequisites]),
      sessions: sessions(courses[index, .sessions]), lessons: lessons(courses[index, .lessons]),
      quiz: quiz,
      location: location(
        path: courses[index, .path], line: courses[index, .line],
        column: courses[index, .column]))
  }

  private func sessions(_ span: UInt64) -> [CourseSession] {
    let table = table(SessionField.self)
    return records(span, count: table.count).map { index in
      CourseSession(
        date: ImageSpan.date(table[index, .date]),
        endDate: table[index, .hasEndDate] == 1 ? ImageSpan.date(table[index, .endDate]) : nil,
        time: strings.optionalString(table[index, .time]),
        place: strings.string(table[index, .place]),
        capacity: table[index, .hasCapacity] == 1 ? Self.int(table[index, .capacity]) : nil,
        location: location(
          path: table[index, .path], line: table[index, .line], column: table[index, .column]))
    }
  }

  private func lessons(_ span: UInt64) -> [Lesson] {
    let table = table(LessonField.self)
    return records(span, count: table.count).map { index in
      Lesson(
        title: strings.string(table[index, .title]), text: strings.string(table[index, .text]),
        file: strings.optionalString(table[index, .file]),
        location: location(
          path: table[index, .path], line: table[index, .line], column: table[index, .column]))
    }
  }

  private func questions(_ span: UInt64) -> [Question] {
    let table = table(QuestionField.self)
    return records(span, count: table.count).map { index in
      let answer: Question.Answer
      switch table[index, .answerKind] {
      case 0: answer = .single(Self.int(table[index, .answer]))
      case 1: answer = .all(valueList(table[index, .answers]))
      default: answer = .trueFalse(table[index, .answer] == 1)
      }
      return Question(
        text: strings.string(table[index, .text]),
        choices: stringList(table[index, .choices]), answer: answer,
        explanation: strings.optionalString(table[index, .explanation]),
        location: location(
          path: table[index, .path], line: table[index, .line], column: table[index, .column]))
    }
  }

  /// The record indices a span names, clipped to the table (a validated span always fits).
  private func records(_ span: UInt64, count: Int) -> Range<Int> {
    let (start, length) = ImageSpan.unpack(span)
    let low = min(start, count)
    return low..<min(low + length, count)
  }

  /// The position of the course with this id, by bisection over the ids in byte order.
  func index(ofCourseID id: String) -> Int? {
    let courses = table(CourseField.self)
    let order = flat(.coursesByID, UInt32.self)
    var id = id
    return id.withUTF8 { wanted -> Int? in
      var low = 0
      var high = order.count
      while low < high {
        let middle = (low + high) / 2
        let course = Int(order[middle])
        let comparison = strings.withUTF8(courses[course, .id]) { Self.compare($0, wanted) }
        if comparison == 0 {
          // The first of equal ids in menu order, as a catalog in memory finds it.
          var first = middle
          while first > 0,
            strings.withUTF8(courses[Int(order[first - 1]), .id], { Self.compare($0, wanted) }) == 0
          {
            first -= 1
          }
          return Int(order[first])
        }
        if comparison < 0 { low = middle + 1 } else { high = middle }
      }
      return nil
    }
  }

  private static func compare(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>)
    -> Int
  {
    for (left, right) in zip(lhs, rhs) where left != right { return left < right ? -1 : 1 }
    return lhs.count == rhs.count ? 0 : lhs.count < rhs.count ? -1 : 1
  }

  /// The search index, its tables borrowed from the image.
  func searchTables() -> SearchTables {
    func strings(_ section: ImageSection) -> StringTable {
      StringTable(self.strings, refs: flat(section, UInt64.self))
    }
    let corpora = ImageSection.corpusSections.map { sections in
      ByteCorpus(
        bytes: flat(sections.bytes, UInt8.self), start: flat(sections.start, UInt32.self),
        frequency: flat(sections.frequency, UInt32.self))
    }
    return SearchTables(
      courseIDs: strings(.searchCourseIDs),
      units: PinyinTexts(
        textUnitStart: flat(.textUnitStart, UInt32.self), textMask: flat(.textMask, UInt64.self),
        unitReadingStart: flat(.unitReadingStart, UInt32.self),
        readings: flat(.readings, UInt32.self), unitScalar: flat(.unitScalar, UInt32.self),
        unitScalarStart: flat(.unitScalarStart, UInt32.self),
        unitScalarEnd: flat(.unitScalarEnd, UInt32.self),
        syllableBytes: flat(.syllableBytes, UInt8.self),
        syllableStart: flat(.syllableStart, UInt32.self)),
      titleTextID: flat(.titleTextID, Int32.self),
      overrideTextID: flat(.overrideTextID, Int32.self),
      keywordStart: flat(.keywordStart, UInt32.self), keywords: strings(.searchKeywords),
      keywordTextID: flat(.keywordTextID, Int32.self),
      courseCategory: flat(.courseCategory, Int32.self),
      categoryTitles: strings(.searchCategoryTitles),
      categoryTextID: flat(.categoryTextID, Int32.self), titles: corpora[0],
      keywordBytes: corpora[1], ids: corpora[2], summaries: corpora[3], categoryBytes: corpora[4],
      courseTitles: strings(.searchCourseTitles))
  }

  /// What the image was built from.
  func key() -> ImageKey {
    let info = table(KeyInfoField.self)
    let files = table(KeyFileField.self)
    let listings = table(KeyListingField.self)
    let inputs = CatalogInputs(
      files: (0..<files.count).map { index in
        func word(_ field: KeyFileField) -> Int64 { Int64(bitPattern: files[index, field]) }
        let stamp = FileStamp(
          device: files[index, .device], inode: files[index, .inode], size: word(.size),
          modifiedSeconds: word(.modifiedSeconds), modifiedNanoseconds: word(.modifiedNanoseconds),
          changedSeconds: word(.changedSeconds), changedNanoseconds: word(.changedNanoseconds))
        return CatalogInputs.File(
          path: strings.string(files[index, .path]),
          stamp: files[index, .present] == 1 ? stamp : nil)
      },
      listings: (0..<listings.count).map { index in
        CatalogInputs.Listing(
          path: strings.string(listings[index, .path]),
          names: stringList(listings[index, .names]))
      })
    return ImageKey(
      identity: info.count > 0 ? strings.string(info[0, .identity]) : "", inputs: inputs)
  }
}

/// What an image is keyed on: which catalog (`identity`: its directory and rules file, as
/// given and made absolute) and the files it was built from, as they stood.
struct ImageKey: Hashable, Sendable {
  var identity: String
  var inputs: CatalogInputs
}
