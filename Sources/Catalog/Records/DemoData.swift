import Foundation

/// The demo records behind `course-menu --demo`: a few members with known PINs and some
/// credits, in a throwaway database, so a newcomer sees every screen without any setup.
public enum DemoData {
  public struct DemoMember: Hashable, Sendable {
    public var member: Member
    public var pin: String
  }

  /// The demo members, numbers 1001 to 1005, PIN four times the last digit (1001 → 1111).
  public static func members(today: LocalDate) -> [DemoMember] {
    let text = RecordsText.Demo.self
    func member(
      _ id: String, _ name: String, _ branch: String, _ domain: MemberDomain, _ role: MemberRole,
      _ joined: LocalDate, floating: Bool = false
    ) -> Member {
      Member(
        id: id, name: name, branch: branch, domain: domain, role: role, joined: joined,
        floating: floating, hasPIN: true)
    }
    return [
      DemoMember(
        member: member("1001", text.names[0], text.village, .rural, .member, date(2012, 7, 1)),
        pin: "1111"),
      DemoMember(
        member: member(
          "1002", text.names[1], text.village, .rural, .secretary, date(2003, 6, 15)),
        pin: "2222"),
      DemoMember(
        member: member(
          "1003", text.names[2], text.community, .community, .committee, date(2010, 3, 20)),
        pin: "3333"),
      DemoMember(
        member: member(
          "1004", text.names[3], text.village, .rural, .member, today.adding(days: -120)),
        pin: "4444"),
      DemoMember(
        member: member(
          "1005", text.names[4], text.village, .private, .member, date(2016, 9, 1), floating: true),
        pin: "5555"),
    ]
  }

  /// A new database in a fresh temporary directory, seeded. Remove it with
  /// `DemoDatabase.remove()` when the demo ends.
  public static func makeDatabase(catalog: Catalog, today: LocalDate) throws -> DemoDatabase {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("course-menu-demo-\(UUID().uuidString)")
    let store = try RecordsStore(path: directory.appendingPathComponent("records.sqlite").path)
    let database = DemoDatabase(store: store, directory: directory)
    do {
      try seed(store, catalog: catalog, today: today)
    } catch {
      database.remove()
      throw error
    }
    return database
  }

  /// Writes the demo members, their PINs, selections and credits into `store`.
  public static func seed(_ store: RecordsStore, catalog: Catalog, today: LocalDate) throws {
    let demo = members(today: today)
    _ = try store.importMembers(
      demo.map {
        MemberDraft(
          id: $0.member.id, name: $0.member.name, branch: $0.member.branch,
          domain: $0.member.domain, role: $0.member.role, joined: $0.member.joined,
          floating: $0.member.floating, pin: $0.pin)
      })
    let thisYear = catalog.rules.trainingYear(catalog.year)
    /// Credits courses the member may take (of at most 8 hours, so the totals land where
    /// intended), in catalog order, in `year`, until `enough` says stop.
    func credit(
      _ demoMember: DemoMember, forms: Set<CourseForm>, in year: TrainingYear? = nil,
      until enough: (YearProgress) -> Bool
    ) throws {
      let member = demoMember.member
      let year = year ?? thisYear
      for course in catalog.courses
      where forms.contains(course.form) && course.hours <= StudyHours(8)
        && (course.audience.isEmpty || course.audience.contains(member.domain))
        && (course.roles.isEmpty || course.roles.contains(member.role))
      {
        let progress = try store.progress(of: member.id, year: year, rules: catalog.rules)
        if enough(progress) { return }
        let day = creditDay(for: course, in: year, today: today, after: member.joined)
        _ = try store.credit(
          course: course, date: day, rules: catalog.rules, memberIDs: [member.id],
          source: RecordsText.demoSource,
          recordedBy: nil)
      }
    }
    let everyForm = Set(CourseForm.allCases)
    let notConcentrated = everyForm.subtracting([.concentrated])
    // 1001: two thirds of the way, and last year's requirements met (学习档案).
    try credit(demo[0], forms: everyForm) { $0.creditedHours >= StudyHours(20) }
    try credit(demo[0], forms: everyForm, in: catalog.rules.trainingYear(catalog.year - 1)) {
      $0.isComplete
    }
    // 1002: a secretary with hours but no concentrated training yet.
    try credit(demo[1], forms: notConcentrated) { $0.creditedHours >= StudyHours(30) }
    // 1003: everything met.
    try credit(demo[2], forms: everyForm) { $0.isComplete }
    // 1004: a new member without the concentrated training of the first year.
    try credit(demo[3], forms: notConcentrated) { $0.creditedHours >= StudyHours(6) }
    // 1005: no hours yet; studying online, far from home.
    try seedStudy(store, catalog: catalog, memberID: demo[4].member.id, today: today)
    for (index, count) in [(0, 3), (1, 2), (3, 1)] {
      for course in catalog.courses.filter({ $0.kind == .elective }).prefix(count) {
        try store.select(course: course, for: demo[index].member.id)
      }
    }
    // Only 1003 is asked at login to rate (评学) and to answer the survey (需求调研); the
    // others have been asked already (the survey still open from their main menu).
    for demoMember in demo where demoMember.member.id != demo[2].member.id {
      let id = demoMember.member.id
      let credits = try store.credits(of: id)
      for prompt in catalog.feedbackPrompts(credits: credits, state: FeedbackState()) {
        switch prompt {
        case .rate(let courseID):
          try store.declineRating(courseID: courseID, year: thisYear, memberID: id)
        case .survey: try store.declineSurvey(year: thisYear.year, memberID: id)
        }
      }
    }
  }

  /// The lessons a demo member is part-way through, and the test they failed once.
  static let lessonCourseID = "online-hours-assessment"
  static let quizCourseID = "online-plan-overview"
  /// The page the demo member reached (0-based: the third page).
  static let lessonPageReached = 2

  /// Part-way through a course's lessons (on page 3) and one failed attempt at another
  /// course's test the day before (today on the training year's first day): the shipped
  /// courses named above, or in another catalog the first that fit.
  private static func seedStudy(
    _ store: RecordsStore, catalog: Catalog, memberID: String, today: LocalDate
  ) throws {
    let reading =
      catalog.course(id: lessonCourseID).flatMap { $0.lessons.count > lessonPageReached ? $0 : nil }
      ?? catalog.courses.first { $0.lessons.count > lessonPageReached }
    if let reading { try store.saveLessonPage(lessonPageReached, of: reading, for: memberID) }
    guard
      let course = catalog.course(id: quizCourseID).flatMap({ $0.quiz == nil ? nil : $0 })
        ?? catalog.courses.first(where: { $0.quiz != nil && $0.id != reading?.id }),
      let quiz = course.quiz
    else { return }
    let year = catalog.rules.trainingYear(containing: today)
    let day = max(year.start, today.adding(days: -1))
    var random = SeededRandom(seed: 2026)
    let draw = QuizDraw.make(for: quiz, using: &random)
    guard
      case .started(let ticket) = try store.startQuizAttempt(
        course: course, draw: draw, memberID: memberID, day: day, year: year),
      let questions = draw.questions(in: quiz)
    else { return }
    // Right up to one short of the pass mark, wrong after that.
    let right = max(0, quiz.passMark(of: questions.count) - 1)
    let responses = questions.enumerated().map { index, question in
      index < right ? question.answer.response : question.answer.wrongResponse
    }
    _ = try store.finishQuizAttempt(
      ticket, responses: responses, course: course, memberID: memberID, day: day,
      rules: catalog.rules, recordedBy: nil)
  }

  /// The last session's first day of the course up to today in the training year, else a day
  /// spread over the year up to today.
  private static func creditDay(
    for course: Course, in year: TrainingYear, today: LocalDate, after joined: LocalDate
  ) -> LocalDate {
    let latest = min(today, year.span.lastDay)
    let earliest = max(year.start, joined)
    if let session = course.sessions.map(\.date).filter({ $0 >= earliest && $0 <= latest }).max() {
      return session
    }
    let days = max(1, latest.daysSinceEpoch - earliest.daysSinceEpoch)
    var hash = 0
    for byte in course.id.utf8 { hash = (hash &* 31 &+ Int(byte)) & 0x7fff_ffff }
    return earliest.adding(days: hash % days)
  }

  private static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
    LocalDate(year: year, month: month, day: day)
  }
}

/// A demo database in its own temporary directory.
public final class DemoDatabase: Sendable {
  public let store: RecordsStore
  public let directory: URL

  init(store: RecordsStore, directory: URL) {
    self.store = store
    self.directory = directory
  }

  /// Closes the database and deletes its directory.
  public func remove() {
    try? store.close()
    try? FileManager.default.removeItem(at: directory)
  }
}
