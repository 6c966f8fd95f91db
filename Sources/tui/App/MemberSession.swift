import Catalog

/// A course the member selected (选学), and the local day they did.
struct SelectedCourse: Hashable, Sendable {
  var courseID: String
  var day: LocalDate
}

/// What the records say about one member, read in one snapshot.
struct MemberRecords: Hashable, Sendable {
  var member: Member
  /// Oldest first.
  var selections: [SelectedCourse]
  /// Every credit, whatever the year, oldest first.
  var credits: [Credit]
  /// The lesson page each course was left at (0-based), by course.
  var lessonPages: [String: Int] = [:]
  /// Every test attempt, oldest first.
  var quizAttempts: [QuizAttemptSummary] = []
  /// The ratings and surveys the member has been asked (never what they answered).
  var feedback = FeedbackState()
}

/// The member logged in: their records as last read, and what they make of this training
/// year. Screens read it from the context; only replies from the records (and midnight)
/// change it.
///
/// 本年度 means one thing on every member screen: the training year that contains today,
/// under the catalog's rules — not the catalog's `year`, which lags in January until the
/// county publishes the new catalog (and may lead in December). A credit dated today is
/// always in it: the menu's figures, the ★ marks, the course screen and 我的学时 agree.
struct MemberSession: Hashable, Sendable {
  private(set) var records: MemberRecords
  /// Hours of this training year (the one containing `today`) against every requirement
  /// that applies.
  private(set) var progress: YearProgress
  private(set) var selectedIDs: Set<String>
  /// Courses with a credit in this training year.
  private(set) var creditedIDs: Set<String>
  /// The training years of the member's record (学习档案), this one included.
  private(set) var years: ClosedRange<Int>
  /// 为我推荐, worked out once for these records and this day.
  let recommendations: [Recommendation]
  /// What to ask at login, in order (评学, then 需求调研): see `Catalog.feedbackPrompts`.
  let feedbackPrompts: [FeedbackPrompt]
  /// Whether the member has answered the catalog year's needs survey.
  let surveyAnswered: Bool

  /// The day the records were read, for what is still ahead.
  let today: LocalDate

  init(records: MemberRecords, catalog: Catalog, today: LocalDate) {
    self.records = records
    self.today = today
    progress = HourAccounting.progress(
      of: records.member.profile, credits: records.credits,
      in: catalog.rules.trainingYear(containing: today), rules: catalog.rules)
    selectedIDs = Set(records.selections.map(\.courseID))
    creditedIDs = Set(progress.credits.map(\.courseID))
    years = HourAccounting.recordYears(
      of: records.credits, joined: records.member.joined, rules: catalog.rules,
      current: progress.year.year)
    recommendations = Recommender.recommendations(
      for: progress, catalog: catalog, selected: selectedIDs, today: today)
    feedbackPrompts = catalog.feedbackPrompts(credits: records.credits, state: records.feedback)
    surveyAnswered = records.feedback.surveys[catalog.year] == .answered
  }

  /// The member's progress in any training year, under the catalog's rules.
  func progress(in year: Int, catalog: Catalog) -> YearProgress {
    guard year != progress.year.year else { return progress }
    return HourAccounting.progress(
      of: records.member.profile, credits: records.credits,
      in: catalog.rules.trainingYear(year), rules: catalog.rules)
  }

  /// 本年度: the training year containing `today`.
  var year: TrainingYear { progress.year }

  var member: Member { records.member }
  var selections: [SelectedCourse] { records.selections }

  func isSelected(_ courseID: String) -> Bool { selectedIDs.contains(courseID) }
  func isCredited(_ courseID: String) -> Bool { creditedIDs.contains(courseID) }

  func selection(of courseID: String) -> SelectedCourse? {
    records.selections.first { $0.courseID == courseID }
  }

  /// The course's credits in this training year, oldest first.
  func credits(of courseID: String) -> [Credit] {
    progress.credits.filter { $0.courseID == courseID }
  }

  /// The lesson page the member left `courseID` at (0-based), if they have read it.
  func lessonPage(of courseID: String) -> Int? { records.lessonPages[courseID] }

  /// The records took the page the member is on now.
  mutating func noteLessonPage(_ page: Int, of courseID: String) {
    records.lessonPages[courseID] = page
  }

  /// The member's attempts at a course's test, oldest first.
  func quizAttempts(of courseID: String) -> [QuizAttemptSummary] {
    records.quizAttempts.filter { $0.courseID == courseID }
  }

  /// `✓★`, `✓ `, ` ★` or two spaces: the marks of a course in a list, always two columns.
  func marks(for courseID: String, glyphs: Glyphs) -> String {
    (isSelected(courseID) ? glyphs.selectedMark : " ")
      + (isCredited(courseID) ? glyphs.creditedMark : " ")
  }
}
