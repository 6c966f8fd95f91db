import Catalog
import Foundation
import RecordsPostgres

/// Carries out `RecordsRequest`s, on the records worker's thread (`RecordsWorker`). Each
/// request is one or two short calls on the store, each its own transaction, so nothing is
/// ever held open while the UI waits for a key. The store is opened on the first request:
/// browsing as a guest never touches it.
///
/// Unchecked `Sendable`: it is handed to the worker, and only the worker's thread uses it
/// until the worker has stopped.
final class RecordsRunner: @unchecked Sendable {
  let catalog: Catalog
  private let path: String?
  private var store: RecordsStore?
  /// The wall clock, for how long a lock still lasts.
  let now: () -> Date
  /// Draws the questions of test attempts; tests seed it.
  private var random: SeededRandom
  /// Set when the program keeps a session row (`ssh session`): where it comes from.
  private let sessionOrigin: SessionOrigin?
  /// The member who came in by key, and the key's fingerprint.
  private let keyMember: (id: String, fingerprint: String?)?
  /// This program's session row, once opened.
  private var sessionID: Int64?
  /// The member who proved who they are (PIN or key) in this stretch of the session: only
  /// they may take their session over from elsewhere.
  private var provenMember: String?

  /// Opens the records at `path` when first needed. `session` keeps a session row from
  /// `origin`; `keyMember` came in by key.
  init(
    path: String, catalog: Catalog, now: @escaping () -> Date = Date.init,
    random: SeededRandom = SeededRandom(), session origin: SessionOrigin? = nil,
    keyMember: (id: String, fingerprint: String?)? = nil
  ) {
    self.path = path
    self.catalog = catalog
    self.now = now
    self.random = random
    sessionOrigin = origin
    self.keyMember = keyMember
  }

  /// Works on a store already open (the demo database, tests).
  init(
    store: RecordsStore, catalog: Catalog, now: @escaping () -> Date = Date.init,
    random: SeededRandom = SeededRandom(), session origin: SessionOrigin? = nil,
    keyMember: (id: String, fingerprint: String?)? = nil
  ) {
    self.path = nil
    self.store = store
    self.catalog = catalog
    self.now = now
    self.random = random
    sessionOrigin = origin
    self.keyMember = keyMember
  }

  func perform(_ request: RecordsRequest) -> RecordsReply {
    do {
      let store = try openStore()
      switch request {
      case .logIn(let id, let pin):
        provenMember = nil
        let result = try store.authenticate(member: id, pin: pin)
        guard let refusal = refusal(result) else {
          provenMember = id
          return try claim(id, entry: .pin, replacing: false, in: store)
        }
        return .loginRefused(memberID: id, refusal)
      case .load(let id):
        return .loaded(try records(of: id, in: store))
      case .select(let courseID, let id):
        let changed = try store.select(course: try course(courseID), for: id)
        return .selected(courseID: courseID, changed: changed, try records(of: id, in: store))
      case .drop(let courseID, let id):
        let changed = try store.drop(course: try course(courseID), for: id)
        return .dropped(courseID: courseID, changed: changed, try records(of: id, in: store))
      case .saveLessonPage(let courseID, let id, let page):
        try store.saveLessonPage(page, of: try course(courseID), for: id)
        return .lessonPageSaved(courseID: courseID, memberID: id, page: page)
      case .startQuiz(let courseID, let id, let day):
        let course = try course(courseID)
        guard let quiz = course.quiz else { throw RecordsError.noQuiz(courseID: courseID) }
        let draw = QuizDraw.make(for: quiz, using: &random)
        let start = try store.startQuizAttempt(
          course: course, draw: draw, memberID: id, day: day,
          year: catalog.rules.trainingYear(containing: day))
        switch start {
        case .started(let ticket):
          return .quizStarted(ticket, try records(of: id, in: store))
        case .limitReached(let limit):
          return .quizRefused(courseID: courseID, memberID: id, limit: limit)
        }
      case .finishQuiz(let ticket, let id, let responses, let day):
        let finish = try store.finishQuizAttempt(
          ticket, responses: responses, course: try course(ticket.courseID), memberID: id,
          day: day, rules: catalog.rules)
        return .quizFinished(ticket, finish, try records(of: id, in: store))
      case .abandonQuiz(let attemptID, let id):
        let changed = try store.abandonQuizAttempt(id: attemptID, memberID: id)
        return .quizAbandoned(attemptID: attemptID, memberID: id, changed: changed)
      case .openSession:
        if let sessionOrigin, sessionID == nil { sessionID = try store.openSession(sessionOrigin) }
        return .sessionNoted
      case .enter(let id):
        guard let keyMember, keyMember.id == id else { throw RecordsError.unknownMember(id) }
        provenMember = id
        return try claim(id, entry: .key, replacing: false, in: store)
      case .takeOver(let id):
        // Only after the PIN or the key said who this is.
        guard provenMember == id else { throw RecordsError.unknownMember(id) }
        return try claim(id, entry: keyMember?.id == id ? .key : .pin, replacing: true, in: store)
      case .endSession(let reason):
        if let sessionID { try store.endSession(sessionID, reason: reason) }
        provenMember = nil
        if reason == .logout, let sessionOrigin {
          sessionID = try store.openSession(sessionOrigin)
        }
        return .sessionNoted
      case .checkSession:
        guard let sessionID else { return .sessionNoted }
        switch try store.sessionStanding(sessionID) {
        case .open: return .sessionNoted
        case .replaced(let by): return .sessionEnded(by: by.map(Self.otherSession))
        case .ended: return .sessionEnded(by: nil)
        }
      case .station(let request):
        return .station(try perform(request, on: store))
      case .feedback(let request, let id):
        let changed = try perform(request, memberID: id, on: store)
        return .feedbackSaved(request.prompt, changed: changed, try records(of: id, in: store))
      }
    } catch let error as RecordsError {
      return .failed(request.failure, message: error.message)
    } catch {
      return .failed(request.failure, message: "\(error)")
    }
  }

  /// Closes the store (the demo removes its file afterwards).
  func close() {
    try? store?.close()
    store = nil
  }

  /// Why a number and PIN were not accepted, as the login screen shows it; nil when they were.
  func refusal(_ result: AuthenticationResult) -> RecordsReply.LoginRefusal? {
    switch result {
    case .ok: nil
    case .refused(let freeAttemptsLeft, let retryAt):
      .refused(
        freeAttemptsLeft: freeAttemptsLeft, retry: retryAt.map { ClockTime($0, from: now()) })
    case .mustWait(let until): .mustWait(until: ClockTime(until, from: now()))
    case .locked: .locked
    }
  }

  /// The member's records once this session is theirs; without a session row, at once.
  /// Their sessions ended here are nudged (on this machine) to say so and leave.
  private func claim(_ id: String, entry: SessionEntry, replacing: Bool, in store: RecordsStore)
    throws -> RecordsReply
  {
    guard let sessionID else { return .loggedIn(try records(of: id, in: store)) }
    let fingerprint = entry == .key ? keyMember?.fingerprint : nil
    switch try store.claimSession(
      sessionID, memberID: id, entry: entry, keyFingerprint: fingerprint, replacing: replacing)
    {
    case .taken(let other):
      let name = try store.member(id: id)?.name ?? id
      return .sessionTaken(memberID: id, name: name, by: Self.otherSession(other))
    case .claimed(let replaced):
      for session in replaced where session.origin.process.isRunning() == true {
        SessionNudge.send(to: session.origin.process)
      }
      return .loggedIn(try records(of: id, in: store))
    }
  }

  static func otherSession(_ record: SessionRecord) -> OtherSession {
    OtherSession(
      client: record.origin.client, entry: record.entry, started: LocalTime(record.startedAt))
  }

  private func openStore() throws -> RecordsStore {
    if let store { return store }
    guard let path else { throw RecordsError.database(MemberText.noDatabase) }
    let opened = try RecordsOpening.open(path)
    store = opened
    return opened
  }

  func course(_ id: String) throws -> Course {
    guard let course = catalog.course(id: id) else {
      throw RecordsError.database(MemberText.unknownCourse(id))
    }
    return course
  }

  /// Member, selections, credits, lesson pages and test attempts. Separate reads: a write in
  /// between can only make the answer newer, never lose anything, and the next read catches up.
  private func records(of id: String, in store: RecordsStore) throws -> MemberRecords {
    guard let member = try store.member(id: id) else { throw RecordsError.unknownMember(id) }
    let selections = try store.selections(of: id).map {
      SelectedCourse(courseID: $0.courseID, day: LocalTime($0.selectedAt).date)
    }
    return MemberRecords(
      member: member, selections: selections, credits: try store.credits(of: id),
      lessonPages: try store.lessonPages(of: id), quizAttempts: try store.quizAttempts(of: id),
      feedback: try store.feedbackState(of: id))
  }

  /// Keeps a rating or the survey, or that the member declined one, for the catalog's
  /// training year; false when the records had it already.
  private func perform(_ request: FeedbackRequest, memberID: String, on store: RecordsStore)
    throws -> Bool
  {
    let year = catalog.rules.trainingYear(catalog.year)
    switch request {
    case .rate(let courseID, let answers):
      guard let evaluation = catalog.evaluation else { throw RecordsError.ratingDoesNotFit }
      return try store.rate(
        course: try course(courseID), answers: answers, evaluation: evaluation, year: year,
        memberID: memberID)
    case .declineRating(let courseID):
      return try store.declineRating(courseID: courseID, year: year, memberID: memberID)
    case .declineRatings(let courseIDs):
      var changed = false
      for courseID in courseIDs {
        changed =
          try store.declineRating(courseID: courseID, year: year, memberID: memberID) || changed
      }
      return changed
    case .answerSurvey(let answers):
      guard let survey = catalog.survey else { throw RecordsError.surveyAnswersDoNotFit }
      return try store.answerSurvey(answers, survey: survey, year: year.year, memberID: memberID)
    case .declineSurvey:
      return try store.declineSurvey(year: year.year, memberID: memberID)
    }
  }
}
