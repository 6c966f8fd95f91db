import Catalog
import Foundation

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

  /// Opens the records at `path` when first needed.
  init(
    path: String, catalog: Catalog, now: @escaping () -> Date = Date.init,
    random: SeededRandom = SeededRandom()
  ) {
    self.path = path
    self.catalog = catalog
    self.now = now
    self.random = random
  }

  /// Works on a store already open (the demo database, tests).
  init(
    store: RecordsStore, catalog: Catalog, now: @escaping () -> Date = Date.init,
    random: SeededRandom = SeededRandom()
  ) {
    self.path = nil
    self.store = store
    self.catalog = catalog
    self.now = now
    self.random = random
  }

  func perform(_ request: RecordsRequest) -> RecordsReply {
    do {
      let store = try openStore()
      switch request {
      case .logIn(let id, let pin):
        let result = try store.authenticate(member: id, pin: pin)
        guard let refusal = refusal(result) else {
          return .loggedIn(try records(of: id, in: store))
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
      case .station(let request):
        return .station(try perform(request, on: store))
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

  private func openStore() throws -> RecordsStore {
    if let store { return store }
    guard let path else { throw RecordsError.database(MemberText.noDatabase) }
    let opened = try RecordsStore(path: path)
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
      lessonPages: try store.lessonPages(of: id), quizAttempts: try store.quizAttempts(of: id))
  }
}
