import Foundation

// MARK: - 评学: rating a credited course

extension RecordsStore {
  /// What the member has been asked: the courses and years rated or declined, and the
  /// surveys answered or declined, by year.
  public func feedbackState(of memberID: String) throws -> FeedbackState {
    try read { db in try RecordsStore.fetchFeedbackState(db, of: memberID) }
  }

  static func fetchFeedbackState(_ db: SQLTransaction, of memberID: String) throws -> FeedbackState
  {
    var state = FeedbackState()
    for row in try SQLRow.fetchAll(
      db, sql: "SELECT course_id, training_year FROM rating_prompt WHERE member_id = ?",
      arguments: [memberID])
    {
      state.ratedCourses.insert(RatedCourse(courseID: row["course_id"], year: row["training_year"]))
    }
    for row in try SQLRow.fetchAll(
      db, sql: "SELECT training_year, state FROM survey_status WHERE member_id = ?",
      arguments: [memberID])
    {
      if let survey = SurveyState(rawValue: row["state"]) {
        state.surveys[row["training_year"]] = survey
      }
    }
    return state
  }

  /// Keeps a member's rating of `course`, credited to them in `year`: one answer per question
  /// of `evaluation` (question id → 1 … the question's scale). In one transaction, the member
  /// is marked as asked and each answer is added to the counts — never stored as a row of its
  /// own, with no member and no time, so nobody can tell afterwards who gave which answer.
  /// Returns false, counting nothing, when the member was asked about it before.
  @discardableResult
  public func rate(
    course: Course, answers: [String: Int], evaluation: Evaluation, year: TrainingYear,
    memberID: String
  ) throws -> Bool {
    guard evaluation.rates(course.form), answers.count == evaluation.questions.count,
      evaluation.questions.allSatisfy({ question in
        answers[question.id].map { (1...question.scale).contains($0) } ?? false
      })
    else { throw RecordsError.ratingDoesNotFit }
    let rated = try write { db in
      try RecordsStore.requireCredit(db, course: course.id, year: year, memberID: memberID)
      guard
        try RecordsStore.insertPrompt(db, course: course.id, year: year.year, memberID: memberID)
      else { return false }
      // Every row the course's counts will need, at zero, the first time (see the schema).
      try db.execute(
        sql: """
          INSERT INTO rating_course (course_id, training_year, course_title, provider, instructor,
            ratings)
          VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT DO NOTHING
          """,
        arguments: [
          course.id, year.year, course.title, course.provider, course.instructor,
          RecordsStore.countText(0),
        ])
      for question in evaluation.questions {
        for value in 1...question.scale {
          try db.execute(
            sql: """
              INSERT INTO rating_tally (course_id, training_year, question_id, value, total)
              VALUES (?, ?, ?, ?, ?)
              ON CONFLICT DO NOTHING
              """,
            arguments: [course.id, year.year, question.id, value, RecordsStore.countText(0)])
        }
      }
      try db.execute(
        sql: """
          UPDATE rating_course SET ratings = \(RecordsStore.incrementedCount("ratings", db.dialect))
          WHERE course_id = ? AND training_year = ?
          """,
        arguments: [course.id, year.year])
      for question in evaluation.questions {
        try db.execute(
          sql: """
            UPDATE rating_tally SET total = \(RecordsStore.incrementedCount("total", db.dialect))
            WHERE course_id = ? AND training_year = ? AND question_id = ? AND value = ?
            """,
          arguments: [course.id, year.year, question.id, answers[question.id]])
      }
      return true
    }
    if rated { forgetOrder() }
    return rated
  }

  /// `column`, a count as the feedback tables keep it, plus one, in the same nine digits.
  static func incrementedCount(_ column: String, _ dialect: SQLDialect) -> String {
    switch dialect {
    case .sqlite: "printf('%09d', CAST(\(column) AS INTEGER) + 1)"
    case .postgresql: "lpad((CAST(\(column) AS bigint) + 1)::text, 9, '0')"
    }
  }

  /// A count as the feedback tables keep it: nine digits, so it never changes width.
  static func countText(_ count: Int) -> String {
    let digits = String(count)
    return String(repeating: "0", count: max(0, 9 - digits.count)) + digits
  }

  /// Copies the write-ahead log into the database and empties it, so the log does not keep,
  /// commit by commit, which pages of counts changed with which member's row. Best effort: a
  /// reader in the middle of a read leaves it to the next time.
  func forgetOrder() {
    (engine as? SQLiteEngine)?.checkpointTruncating()
  }

  /// The member declines to rate `courseID` of `year`: they are not asked again. Returns false
  /// when they had been asked already.
  @discardableResult
  public func declineRating(courseID: String, year: TrainingYear, memberID: String) throws
    -> Bool
  {
    try write { db in
      try RecordsStore.requireCredit(db, course: courseID, year: year, memberID: memberID)
      return try RecordsStore.insertPrompt(
        db, course: courseID, year: year.year, memberID: memberID)
    }
  }

  /// Marks the member as asked; false when they were already.
  private static func insertPrompt(
    _ db: SQLTransaction, course: String, year: Int, memberID: String
  )
    throws -> Bool
  {
    try db.execute(
      sql: """
        INSERT INTO rating_prompt (member_id, course_id, training_year) VALUES (?, ?, ?)
        ON CONFLICT DO NOTHING
        """,
      arguments: [memberID, course, year]) > 0
  }

  /// Only a course credited to the member in that year may be rated.
  private static func requireCredit(
    _ db: SQLTransaction, course: String, year: TrainingYear, memberID: String
  ) throws {
    guard try memberExists(db, id: memberID) else { throw RecordsError.unknownMember(memberID) }
    let credited = try Bool.fetchOne(
      db,
      sql: """
        SELECT 1 FROM credit WHERE member_id = ? AND course_id = ? AND date >= ? AND date < ?
        LIMIT 1
        """,
      arguments: [memberID, course, year.start.description, year.end.description])
    guard credited == true else {
      throw RecordsError.notCredited(courseID: course, year: year.year)
    }
  }

  /// Every course rated in `year`, by course id, with its counts.
  public func courseRatings(year: Int) throws -> [CourseRatings] {
    try read { db in
      var counts: [String: [String: [Int: Int]]] = [:]
      for row in try SQLRow.fetchAll(
        db,
        sql: """
          SELECT course_id, question_id, value, CAST(total AS INTEGER) AS total FROM rating_tally
          WHERE training_year = ? AND CAST(total AS INTEGER) > 0
          """,
        arguments: [year])
      {
        counts[row["course_id"], default: [:]][row["question_id"], default: [:]][row["value"]] =
          row["total"]
      }
      return try SQLRow.fetchAll(
        db,
        sql: """
          SELECT course_id, course_title, provider, instructor,
            CAST(ratings AS INTEGER) AS ratings FROM rating_course
          WHERE training_year = ? AND CAST(ratings AS INTEGER) > 0 ORDER BY course_id
          """,
        arguments: [year]
      ).map { row in
        CourseRatings(
          courseID: row["course_id"], year: year, title: row["course_title"],
          provider: row["provider"], instructor: row["instructor"], ratings: row["ratings"],
          counts: counts[row["course_id"]] ?? [:])
      }
    }
  }
}

// MARK: - 需求调研: the yearly needs survey

extension RecordsStore {
  /// Keeps a member's answers to `survey` for `year`: marked answered, and each answer added
  /// to the counts of the member's branch (no row of answers, no time). Returns false,
  /// counting nothing, when the member has answered this year's survey already.
  @discardableResult
  public func answerSurvey(
    _ answers: SurveyAnswers, survey: Survey, year: Int, memberID: String
  ) throws -> Bool {
    guard let choices = Self.surveyChoices(answers, survey) else {
      throw RecordsError.surveyAnswersDoNotFit
    }
    let answered = try write { db in
      guard let member = try RecordsStore.fetchMember(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      let state = try String.fetchOne(
        db, sql: "SELECT state FROM survey_status WHERE member_id = ? AND training_year = ?",
        arguments: [memberID, year])
      guard state != SurveyState.answered.rawValue else { return false }
      try db.execute(
        sql: """
          INSERT INTO survey_status (member_id, training_year, state) VALUES (?, ?, 'answered')
          ON CONFLICT (member_id, training_year) DO UPDATE SET state = 'answered'
          """,
        arguments: [memberID, year])
      // Every row the branch's counts will need, at zero, the first time (see the schema).
      for (question, choice) in Self.surveyRows(survey) {
        try db.execute(
          sql: """
            INSERT INTO survey_tally (training_year, branch, question, choice, total)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """,
          arguments: [year, member.branch, question.rawValue, choice, RecordsStore.countText(0)])
      }
      for (question, choice) in choices {
        try db.execute(
          sql: """
            UPDATE survey_tally SET total = \(RecordsStore.incrementedCount("total", db.dialect))
            WHERE training_year = ? AND branch = ? AND question = ? AND choice = ?
            """,
          arguments: [year, member.branch, question.rawValue, choice])
      }
      return true
    }
    if answered { forgetOrder() }
    return answered
  }

  /// Every row a branch's counts of `survey` can have.
  static func surveyRows(_ survey: Survey) -> [(SurveyTally.Question, String)] {
    var rows: [(SurveyTally.Question, String)] = [(.respondents, "")]
    rows += survey.topics.map { (.topic, $0.id) }
    if !survey.forms.isEmpty {
      rows += survey.forms.map { (.form, $0.rawValue) } + [(.form, SurveyTally.eitherChoice)]
    }
    if !survey.seasons.isEmpty {
      rows += survey.seasons.map { (.season, $0.rawValue) } + [(.season, SurveyTally.eitherChoice)]
    }
    return rows
  }

  /// The rows to count for the answers, nil when they do not fit the survey: one to four
  /// topics of it, each once; a form and a season among those offered (nil: either).
  static func surveyChoices(_ answers: SurveyAnswers, _ survey: Survey)
    -> [(SurveyTally.Question, String)]?
  {
    let topics = answers.topics
    guard (1...survey.maxTopics).contains(topics.count), Set(topics).count == topics.count,
      topics.allSatisfy({ survey.topic(id: $0) != nil })
    else { return nil }
    var choices: [(SurveyTally.Question, String)] = [(.respondents, "")]
    choices += topics.map { (.topic, $0) }
    if !survey.forms.isEmpty {
      if let form = answers.form, !survey.forms.contains(form) { return nil }
      choices.append((.form, answers.form?.rawValue ?? SurveyTally.eitherChoice))
    } else if answers.form != nil {
      return nil
    }
    if !survey.seasons.isEmpty {
      if let season = answers.season, !survey.seasons.contains(season) { return nil }
      choices.append((.season, answers.season?.rawValue ?? SurveyTally.eitherChoice))
    } else if answers.season != nil {
      return nil
    }
    return choices
  }

  /// The member declines the survey offered at login: it is not offered at login again this
  /// year (the main menu still has it). Returns false when it was declined or answered before.
  @discardableResult
  public func declineSurvey(year: Int, memberID: String) throws -> Bool {
    try write { db in
      guard try RecordsStore.memberExists(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      return try db.execute(
        sql: """
          INSERT INTO survey_status (member_id, training_year, state) VALUES (?, ?, 'declined')
          ON CONFLICT DO NOTHING
          """,
        arguments: [memberID, year]) > 0
    }
  }

  /// The counts of `year`'s survey, of one branch or of all.
  public func surveyTally(year: Int, branch: String? = nil) throws -> SurveyTally {
    try read { db in
      var sql = """
        SELECT question, choice, CAST(total AS INTEGER) AS total FROM survey_tally
        WHERE training_year = ? AND CAST(total AS INTEGER) > 0
        """
      var arguments: SQLArguments = [year]
      if let branch {
        sql += " AND branch = ?"
        arguments += [branch]
      }
      var tally = SurveyTally()
      for row in try SQLRow.fetchAll(db, sql: sql, arguments: arguments) {
        let choice: String = row["choice"]
        let count: Int = row["total"]
        switch SurveyTally.Question(rawValue: row["question"]) {
        case .respondents: tally.respondents += count
        case .topic: tally.topics[choice, default: 0] += count
        case .form: tally.forms[choice, default: 0] += count
        case .season: tally.seasons[choice, default: 0] += count
        case nil: break
        }
      }
      var declined = """
        SELECT count(*) FROM survey_status JOIN member ON member.id = survey_status.member_id
        WHERE training_year = ? AND state = 'declined'
        """
      if branch != nil { declined += " AND member.branch = ?" }
      tally.declined = try Int.fetchOne(db, sql: declined, arguments: arguments) ?? 0
      return tally
    }
  }

  /// Every selection (选学) of the members of one branch or of all, with the member's branch.
  public func selectionRecords(branch: String? = nil) throws -> [SelectionRecord] {
    try read { db in
      var sql = """
        SELECT selection.member_id, member.branch, course_id, selected_at FROM selection
        JOIN member ON member.id = selection.member_id
        """
      var arguments: SQLArguments = []
      if let branch {
        sql += " WHERE member.branch = ?"
        arguments += [branch]
      }
      return try SQLRow.fetchAll(
        db, sql: sql + " ORDER BY course_id, selection.member_id",
        arguments: arguments
      ).map { row in
        SelectionRecord(
          memberID: row["member_id"], branch: row["branch"], courseID: row["course_id"],
          selectedAt: Timestamp.date(from: row["selected_at"]) ?? Date(timeIntervalSince1970: 0))
      }
    }
  }
}
