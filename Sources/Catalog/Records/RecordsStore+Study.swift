import Foundation

// MARK: - Lessons read

extension RecordsStore {
  /// The lesson page each course was left at (0-based), by course.
  public func lessonPages(of memberID: String) throws -> [String: Int] {
    try read { db in try RecordsStore.fetchLessonPages(db, of: memberID) }
  }

  static func fetchLessonPages(_ db: SQLTransaction, of memberID: String) throws -> [String: Int] {
    var pages: [String: Int] = [:]
    for row in try SQLRow.fetchAll(
      db, sql: "SELECT course_id, page_index FROM lesson_progress WHERE member_id = ?",
      arguments: [memberID])
    {
      pages[row["course_id"]] = row["page_index"]
    }
    return pages
  }

  /// Keeps the page of `course`'s lessons the member is on, so the next visit can go on there.
  public func saveLessonPage(_ pageIndex: Int, of course: Course, for memberID: String) throws {
    guard course.lessons.indices.contains(pageIndex) else {
      throw RecordsError.noSuchLessonPage(courseID: course.id, page: pageIndex + 1)
    }
    let now = nowText
    try write { db in
      guard try RecordsStore.memberExists(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      try db.execute(
        sql: """
          INSERT INTO lesson_progress (member_id, course_id, page_index, page_count, updated_at)
          VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (member_id, course_id) DO UPDATE SET
            page_index = excluded.page_index, page_count = excluded.page_count,
            updated_at = excluded.updated_at
          """,
        arguments: [memberID, course.id, pageIndex, course.lessons.count, now])
    }
  }
}

// MARK: - Quiz attempts

extension RecordsStore {
  /// Starts an attempt at `course`'s test with `draw`, unless the member has started
  /// `attemptsPerDay` attempts of it on `day` already. Counted and written in one IMMEDIATE
  /// transaction, so sessions of one member starting at once never pass the limit together.
  /// The attempt counts from here on, whether or not it is ever handed in.
  public func startQuizAttempt(
    course: Course, draw: QuizDraw, memberID: String, day: LocalDate, year: TrainingYear
  ) throws -> QuizStart {
    guard let quiz = course.quiz else { throw RecordsError.noQuiz(courseID: course.id) }
    guard !draw.questions.isEmpty, let questions = draw.questions(in: quiz) else {
      throw RecordsError.quizChanged(courseID: course.id)
    }
    let now = nowText
    return try write { db in
      guard try RecordsStore.memberExists(db, id: memberID) else {
        throw RecordsError.unknownMember(memberID)
      }
      let used =
        try Int.fetchOne(
          db,
          sql: """
            SELECT count(*) FROM quiz_attempt WHERE member_id = ? AND course_id = ? AND day = ?
            """,
          arguments: [memberID, course.id, day.description]) ?? 0
      guard used < quiz.attemptsPerDay else { return .limitReached(limit: quiz.attemptsPerDay) }
      guard
        let attemptID = try Int64.fetchOne(
          db,
          sql: """
            INSERT INTO quiz_attempt (member_id, course_id, course_title, training_year, day,
              state, question_count, pass_percent, started_at)
            VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id
            """,
          arguments: [
            memberID, course.id, course.title, year.year, day.description, draw.questions.count,
            quiz.passPercent, now,
          ])
      else { throw RecordsError.database(RecordsText.noRowID) }
      // Every drawn question in one statement (a test may draw hundreds, and a statement each
      // would cost a good part of a keystroke's budget).
      try db.insertRows(
        into: "quiz_answer",
        columns: ["attempt_id", "position", "question_index", "fingerprint", "choice_order"],
        draw.questions.enumerated().map { position, drawn in
          [
            attemptID, position, drawn.questionIndex, drawn.fingerprint,
            QuizCoding.list(drawn.choiceOrder),
          ]
        })
      // The texts of questions drawn before are there already.
      var known = Set(
        try String.fetchAll(
          db, sql: "SELECT fingerprint FROM quiz_question WHERE course_id = ?",
          arguments: [course.id]))
      try db.insertRows(
        into: "quiz_question", columns: ["course_id", "fingerprint", "text"],
        zip(draw.questions, questions).filter { known.insert($0.0.fingerprint).inserted }.map {
          [course.id, $0.0.fingerprint, $0.1.text]
        })
      return .started(
        QuizTicket(
          attemptID: attemptID, courseID: course.id, draw: draw, number: used + 1,
          limit: quiz.attemptsPerDay))
    }
  }

  /// Marks an open attempt as left before the end. Returns false when it was not open (handed
  /// in, or marked already).
  @discardableResult
  public func abandonQuizAttempt(id: Int64, memberID: String) throws -> Bool {
    let now = nowText
    return try write { db in
      try db.execute(
        sql: """
          UPDATE quiz_attempt SET state = 'abandoned', ended_at = ?
          WHERE id = ? AND member_id = ? AND state = 'open'
          """,
        arguments: [now, id, memberID]) > 0
    }
  }

  /// Hands in an open attempt: grades `responses` (one per question, in the order asked)
  /// against `course`'s test, and in the same transaction records the answers and the result
  /// and, for the first pass of the training year that contains `day`, credits the course's
  /// hours as online study dated `day`. A later pass that year credits nothing.
  public func finishQuizAttempt(
    _ ticket: QuizTicket, responses: [QuizResponse], course: Course, memberID: String,
    day: LocalDate, rules: Rules, recordedBy: String? = RecordsStore.currentUser
  ) throws -> QuizFinish {
    guard let quiz = course.quiz, ticket.courseID == course.id,
      let result = QuizResult.grade(ticket.draw, responses: responses, quiz: quiz)
    else { throw RecordsError.quizChanged(courseID: course.id) }
    let year = rules.trainingYear(containing: day)
    let now = nowText
    return try write { db in
      let attempt = try SQLRow.fetchOne(
        db, sql: "SELECT member_id, course_id, state FROM quiz_attempt WHERE id = ?",
        arguments: [ticket.attemptID])
      guard let attempt, attempt["member_id"] == memberID, attempt["course_id"] == course.id,
        attempt["state"] == QuizAttemptState.open.rawValue
      else { throw RecordsError.attemptNotOpen }
      guard try RecordsStore.fetchDraw(db, attemptID: ticket.attemptID) == ticket.draw else {
        throw RecordsError.quizChanged(courseID: course.id)
      }
      // Every answer in one statement, as the draw was written: a VALUES list (its columns
      // are column1, column2 … on both engines) of position, response and correctness.
      for rows in QuizCoding.answerRows(responses, correct: result.correct).chunked(
        SQLTransaction.rowsPerStatement)
      {
        try db.execute(
          sql: """
            UPDATE quiz_answer SET response = given.column2, correct = given.column3
            FROM (VALUES \(SQLTransaction.placeholders(rows: rows.count, columns: 3))) AS given
            WHERE quiz_answer.attempt_id = ? AND quiz_answer.position = given.column1
            """,
          arguments: SQLArguments(rows.flatMap { $0 }) + [ticket.attemptID])
      }
      var credit = QuizCredit.notPassed
      var creditID: Int64?
      if result.passed {
        if let earlier = try RecordsStore.yearCredit(
          db, memberID: memberID, courseID: course.id, in: year)
        {
          credit = .alreadyCredited(earlier)
        } else {
          var written = Credit(
            course: course, date: day, source: RecordsText.quizSource(score: result.score))
          written.form = .online
          written.recordedAt = Timestamp.date(from: now)
          written.recordedBy = recordedBy
          creditID = try Int64.fetchOne(
            db,
            sql: """
              INSERT INTO credit (member_id, course_id, course_title, category_id, date,
                half_hours, form, source, recorded_at, recorded_by)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
              """,
            arguments: [
              memberID, course.id, course.title, course.categoryID, day.description,
              course.hours.halves, written.form.rawValue, written.source, now, recordedBy,
            ])
          credit = .credited(written)
        }
      }
      try db.execute(
        sql: """
          UPDATE quiz_attempt SET state = 'finished', correct_count = ?, score = ?, passed = ?,
            credit_id = ?, training_year = ?, ended_at = ?
          WHERE id = ?
          """,
        arguments: [
          result.correctCount, result.score, result.passed, creditID, year.year, now,
          ticket.attemptID,
        ])
      return QuizFinish(result: result, credit: credit)
    }
  }

  static func fetchDraw(_ db: SQLTransaction, attemptID: Int64) throws -> QuizDraw {
    let rows = try SQLRow.fetchAll(
      db,
      sql: """
        SELECT question_index, fingerprint, choice_order FROM quiz_answer
        WHERE attempt_id = ? ORDER BY position
        """,
      arguments: [attemptID])
    return QuizDraw(
      questions: rows.map { row in
        DrawnQuestion(
          questionIndex: row["question_index"], fingerprint: row["fingerprint"],
          choiceOrder: QuizCoding.numbers(row["choice_order"]))
      })
  }

  /// Every attempt of the member, oldest first.
  public func quizAttempts(of memberID: String) throws -> [QuizAttemptSummary] {
    try read { db in try RecordsStore.fetchQuizAttempts(db, of: memberID) }
  }

  static func fetchQuizAttempts(_ db: SQLTransaction, of memberID: String) throws
    -> [QuizAttemptSummary]
  {
    try SQLRow.fetchAll(
      db,
      sql: """
        SELECT id, course_id, training_year, day, state, score, passed,
          credit_withdrawn_at IS NOT NULL AS credit_withdrawn
        FROM quiz_attempt WHERE member_id = ? ORDER BY id
        """,
      arguments: [memberID]
    ).map { row in
      guard let day = LocalDate(iso: row["day"]),
        let state = QuizAttemptState(rawValue: row["state"])
      else { throw RecordsError.database(RecordsText.corruptAttempt(memberID)) }
      return QuizAttemptSummary(
        id: row["id"], courseID: row["course_id"], trainingYear: row["training_year"], day: day,
        state: state, score: row["score"], passed: row["passed"] ?? false,
        creditWithdrawn: row["credit_withdrawn"])
    }
  }

  /// The tests of a training year, one course or all, by course: attempts, members, passes and
  /// the item analysis of every question answered in a finished attempt.
  public func quizStatistics(year: Int, courseID: String? = nil) throws -> [QuizStatistics] {
    try read { db in
      // The attempts of the year (and course) asked for, as `attempt` in both queries.
      var filter = "attempt.training_year = ?"
      var arguments: SQLArguments = [year]
      if let courseID {
        filter += " AND attempt.course_id = ?"
        arguments += [courseID]
      }
      var byCourse: [String: QuizStatistics] = [:]
      var order: [String] = []
      for row in try SQLRow.fetchAll(
        db,
        sql: """
          SELECT course_id,
            (SELECT course_title FROM quiz_attempt latest
              WHERE latest.course_id = attempt.course_id ORDER BY id DESC LIMIT 1) AS title,
            count(*) AS attempts,
            count(*) FILTER (WHERE state = 'finished') AS finished,
            count(*) FILTER (WHERE state = 'abandoned') AS abandoned,
            count(*) FILTER (WHERE state = 'open') AS open,
            count(*) FILTER (WHERE passed = 1) AS passed_attempts,
            count(DISTINCT member_id) AS members,
            count(DISTINCT CASE WHEN passed = 1 THEN member_id END) AS passed_members,
            count(credit_withdrawn_at) AS withdrawn_credits
          FROM quiz_attempt attempt WHERE \(filter)
          GROUP BY course_id ORDER BY course_id
          """, arguments: arguments)
      {
        let id: String = row["course_id"]
        order.append(id)
        byCourse[id] = QuizStatistics(
          courseID: id, courseTitle: row["title"], attempts: row["attempts"],
          finished: row["finished"], abandoned: row["abandoned"], open: row["open"],
          passedAttempts: row["passed_attempts"], members: row["members"],
          passedMembers: row["passed_members"], withdrawnCredits: row["withdrawn_credits"],
          questions: [])
      }
      for row in try SQLRow.fetchAll(
        db,
        sql: """
          WITH answered AS (
            SELECT attempt.course_id, answer.fingerprint, answer.correct, answer.question_index,
              row_number() OVER (
                PARTITION BY attempt.course_id, answer.fingerprint
                ORDER BY answer.attempt_id DESC) AS recency
            FROM quiz_answer answer JOIN quiz_attempt attempt ON attempt.id = answer.attempt_id
            WHERE attempt.state = 'finished' AND \(filter))
          SELECT course_id, fingerprint, count(*) AS answered,
            count(*) FILTER (WHERE correct = 0) AS wrong,
            -- The index the question had in the latest attempt.
            max(CASE WHEN recency = 1 THEN question_index END) AS last_index,
            (SELECT text FROM quiz_question question
              WHERE question.course_id = answered.course_id
                AND question.fingerprint = answered.fingerprint) AS text
          FROM answered
          GROUP BY course_id, fingerprint
          ORDER BY course_id, last_index, fingerprint
          """, arguments: arguments)
      {
        let id: String = row["course_id"]
        byCourse[id]?.questions.append(
          QuestionStatistics(
            fingerprint: row["fingerprint"], text: row["text"] ?? "", lastIndex: row["last_index"],
            answered: row["answered"], wrong: row["wrong"]))
      }
      return order.compactMap { byCourse[$0] }
    }
  }
}

/// How draws and answers are written in the records: lists of numbers as `2,0,3,1`, a
/// true/false answer as `true` or `false`.
enum QuizCoding {
  static func list(_ numbers: [Int]) -> String { numbers.map(String.init).joined(separator: ",") }

  static func numbers(_ text: String) -> [Int] {
    text.split(separator: ",").compactMap { Int($0) }
  }

  /// `[position, response, correct]` in the order asked.
  static func answerRows(_ responses: [QuizResponse], correct: [Bool]) -> [[(
    any SQLValueConvertible
  )?]] {
    zip(responses, correct).enumerated().map { position, answer in
      [position, response(answer.0), answer.1]
    }
  }

  static func response(_ response: QuizResponse) -> String {
    switch response {
    case .choices(let marked): list(marked)
    case .truth(let truth): String(truth)
    }
  }
}
