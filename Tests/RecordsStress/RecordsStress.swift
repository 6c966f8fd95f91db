import ArgumentParser
import Catalog
import Foundation
import RecordsPostgres

/// `records-stress …`: drives the records store from separate processes for Tests/records and
/// bench/records. Each mode prints machine-readable lines on stdout. A helper of the tests
/// and benchmarks, built beside `course-menu` but not part of it.
@main
struct RecordsStress: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "records-stress", abstract: "Drive the records store (tests, benchmarks).",
    subcommands: [
      Mix.self, CrashWriter.self, Authenticate.self, Bench.self, Quiz.self, SignUp.self,
      SignIn.self, Study.self,
    ])

  /// `--db PATH` and `--catalog DIR`, as `course-menu` reads them.
  struct Options: ParsableArguments {
    @Option(name: .customLong("db")) var path: String?
    @Option(name: .customLong("catalog")) var catalog = "data"

    func open() throws -> RecordsStore {
      try RecordsOpening.open(
        RecordsLocation.path(explicit: path, environment: ProcessInfo.processInfo.environment))
    }

    func loadCatalog() throws -> Catalog {
      let result = CatalogLoader(directory: catalog, rulesPath: nil).load()
      guard let catalog = result.catalog else {
        throw ValidationError("the catalog in \(catalog) has errors (course-menu check)")
      }
      return catalog
    }
  }

  /// The fixed ingredients every mode uses, so a test can predict the outcome.
  struct Setup {
    let store: RecordsStore
    let electives: [Course]
    let creditCourses: [Course]
    let rules: Rules
    static let firstDay = LocalDate(year: 2026, month: 1, day: 5)

    init(options: Options) throws {
      let catalog = try options.loadCatalog()
      electives = Array(catalog.courses.filter { $0.kind == .elective }.prefix(10))
      creditCourses = Array(catalog.courses.prefix(4))
      rules = catalog.rules
      guard electives.count == 10, creditCourses.count == 4 else {
        throw ValidationError("the catalog needs 10 electives and 4 courses")
      }
      store = try options.open()
    }

    func ensureMembers(_ ids: [String]) throws {
      _ = try store.importMembers(
        ids.map {
          MemberDraft(
            id: $0, name: "测试\($0)", branch: "测试支部", domain: .rural, role: .member,
            joined: LocalDate(year: 2010, month: 7, day: 1))
        })
    }
  }

  /// Writes one line to stdout at once, so a killed process leaves whole lines only.
  static func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

  /// 200 mixed operations by worker K: select and drop on its own member, credits shared with
  /// every worker (members 1001-1005) plus its own member 2000+K.
  struct Mix: ParsableCommand {
    @Option var worker: Int
    @Option var ops = 200
    @OptionGroup var options: Options

    func run() throws {
      let setup = try Setup(options: options)
      let own = String(2000 + worker)
      let shared = (1001...1005).map(String.init)
      try setup.ensureMembers(shared + [own])
      var counts = ["credited": 0, "already": 0, "selected": 0, "dropped": 0]
      for index in 0..<ops {
        let step = index / 3
        switch index % 3 {
        case 0:
          if try setup.store.select(course: setup.electives[step % 10], for: own) {
            counts["selected"]! += 1
          }
        case 1:
          if try setup.store.drop(course: setup.electives[(step * 7 + 3) % 10], for: own) {
            counts["dropped"]! += 1
          }
        default:
          let outcome = try setup.store.credit(
            course: setup.creditCourses[step % 4], date: Setup.firstDay.adding(days: step % 10),
            rules: setup.rules, memberIDs: shared + [own], source: "stress worker \(worker)")
          counts["credited"]! += outcome.credited.count
          counts["already"]! += outcome.alreadyCredited.count
        }
      }
      let fields = counts.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }
      RecordsStress.emit("{\"worker\": \(worker), \(fields.joined(separator: ", "))}")
    }
  }

  /// Credits batches of `batch-size` members forever, one transaction per batch, and prints
  /// `committed N` after each commit, until it is killed.
  struct CrashWriter: ParsableCommand {
    @Option var start = 0
    @Option var batchSize = 20
    @OptionGroup var options: Options

    func run() throws {
      let setup = try Setup(options: options)
      let ids = (0..<batchSize).map { String(5001 + $0) }
      try setup.ensureMembers(ids)
      RecordsStress.emit("ready")
      var batch = start
      while true {
        _ = try setup.store.credit(
          course: setup.creditCourses[batch % 4], date: Setup.firstDay.adding(days: batch),
          rules: setup.rules, memberIDs: ids, source: "crash batch \(batch)")
        try setup.store.select(course: setup.electives[batch % 10], for: ids[batch % batchSize])
        RecordsStress.emit("committed \(batch)")
        batch += 1
      }
    }
  }

  /// Tries a PIN `attempts` times and prints each answer: `ok`, `refused FREE`, `refused 0
  /// wait SECONDS`, `wait SECONDS` (not checked), `locked`.
  struct Authenticate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "auth")
    @Option var member: String
    @Option var pin: String
    @Option var attempts = 1
    @OptionGroup var options: Options

    func run() throws {
      let store = try options.open()
      for _ in 0..<attempts {
        func seconds(_ date: Date) -> Int { Int(date.timeIntervalSinceNow.rounded()) }
        switch try store.authenticate(member: member, pin: pin) {
        case .ok: RecordsStress.emit("ok")
        case .refused(let free, nil): RecordsStress.emit("refused \(free)")
        case .refused(let free, let retry?):
          RecordsStress.emit("refused \(free) wait \(seconds(retry))")
        case .mustWait(let until): RecordsStress.emit("wait \(seconds(until))")
        case .locked: RecordsStress.emit("locked")
        }
      }
    }
  }

  /// Times `count` selects (each followed by an untimed drop) or credits by one worker and
  /// prints the latencies in microseconds, one per line.
  struct Bench: ParsableCommand {
    enum Operation: String, ExpressibleByArgument {
      case select, credit
    }

    @Option var operation: Operation
    @Option var count = 200
    @Option var worker: Int
    /// Seconds since 1970 at which to start, so concurrent workers start together.
    @Option var startAt: Double?
    @OptionGroup var options: Options

    func run() throws {
      let setup = try Setup(options: options)
      let own = String(6000 + worker)
      try setup.ensureMembers([own])
      if let startAt {
        let wait = startAt - Date().timeIntervalSince1970
        if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
      }
      let clock = ContinuousClock()
      var lines: [String] = []
      for index in 0..<count {
        let elapsed: Duration
        switch operation {
        case .select:
          let course = setup.electives[index % 10]
          elapsed = try clock.measure { try setup.store.select(course: course, for: own) }
          try setup.store.drop(course: course, for: own)
        case .credit:
          elapsed = try clock.measure {
            _ = try setup.store.credit(
              course: setup.creditCourses[index % 4],
              date: Setup.firstDay.adding(days: index),
              rules: setup.rules, memberIDs: [own], source: "bench")
          }
        }
        let (seconds, attoseconds) = elapsed.components
        lines.append(String(Double(seconds) * 1e6 + Double(attoseconds) / 1e12))
      }
      RecordsStress.emit(lines.joined(separator: "\n"))
    }
  }

  /// Starts `attempts` attempts at a course's test (the first with one, or `--course`) for
  /// one member on one day, each its own transaction, printing `started N` (the attempt's
  /// number in the day) or `refused`; with `--finish`, hands each in answered all right
  /// (`right`) or all wrong (`wrong`), printing `credited`, `already` or
  /// `failed`, or leaves it unanswered (`leave`), printing `left`. Started at `--start-at`
  /// (seconds since 1970), so processes start together.
  struct Quiz: ParsableCommand {
    enum Finish: String, ExpressibleByArgument {
      case right, wrong, leave
    }

    @Option var member = "3001"
    @Option var course: String?
    @Option var attempts = 1
    @Option var day = "2026-05-01"
    @Option var seed: UInt64 = 1
    @Option var finish: Finish?
    @Option var startAt: Double?
    @OptionGroup var options: Options

    func run() throws {
      let catalog = try options.loadCatalog()
      guard
        let course = course.map({ catalog.course(id: $0) })
          ?? catalog.courses.first(where: { $0.quiz != nil }),
        let quiz = course.quiz, let day = LocalDate(iso: day)
      else { throw ValidationError("no course with a test, or a bad --day") }
      let store = try options.open()
      _ = try store.importMembers([
        MemberDraft(
          id: member, name: "测试\(member)", branch: "测试支部", domain: .rural, role: .member,
          joined: LocalDate(year: 2010, month: 7, day: 1))
      ])
      if let startAt {
        let wait = startAt - Date().timeIntervalSince1970
        if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
      }
      var random = SeededRandom(seed: seed)
      let year = catalog.rules.trainingYear(containing: day)
      for _ in 0..<attempts {
        let draw = QuizDraw.make(for: quiz, using: &random)
        let start = try store.startQuizAttempt(
          course: course, draw: draw, memberID: member, day: day, year: year)
        guard case .started(let ticket) = start else {
          RecordsStress.emit("refused")
          continue
        }
        RecordsStress.emit("started \(ticket.number)")
        guard let finish, let questions = draw.questions(in: quiz) else { continue }
        if finish == .leave {
          try store.abandonQuizAttempt(id: ticket.attemptID, memberID: member)
          RecordsStress.emit("left")
          continue
        }
        let responses = questions.map {
          finish == .wrong ? $0.answer.wrongResponse : $0.answer.response
        }
        let outcome = try store.finishQuizAttempt(
          ticket, responses: responses, course: course, memberID: member, day: day,
          rules: catalog.rules)
        switch outcome.credit {
        case .credited: RecordsStress.emit("credited")
        case .alreadyCredited: RecordsStress.emit("already")
        case .notPassed: RecordsStress.emit("failed")
        }
      }
    }
  }

  /// Signs member `member` up for one session of the first elective, with `capacity` seats,
  /// starting at `start-at` (so that many processes try at once), and prints the answer:
  /// `signed-up`, `already` or `full`.
  struct SignUp: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "signup")
    @Option var member: String
    @Option var capacity: Int
    @Option var startAt: Double?
    @OptionGroup var options: Options

    func run() throws {
      let setup = try Setup(options: options)
      try setup.ensureMembers([member])
      let session = CourseSession(
        date: Setup.firstDay, place: "压力测试活动室", capacity: capacity,
        location: SourceLocation(path: "records-stress", line: 1, column: 1))
      if let startAt {
        let wait = startAt - Date().timeIntervalSince1970
        if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
      }
      switch try setup.store.signUp(memberID: member, course: setup.electives[0], session: session)
      {
      case .signedUp: RecordsStress.emit("signed-up")
      case .alreadySignedUp: RecordsStress.emit("already")
      case .full: RecordsStress.emit("full")
      }
    }
  }

  /// Signs member `member` in with `pin` at the open sign-in of `station`, as the kiosk does,
  /// and prints the answer: `signed-in`, `already`, `removed`, `refused` or `not-open`.
  struct SignIn: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "signin")
    @Option var station: String
    @Option var member: String
    @Option var pin: String
    @OptionGroup var options: Options

    func run() throws {
      let store = try options.open()
      guard let showing = try store.openSignIn(stationID: station) else {
        RecordsStress.emit("not-open")
        return
      }
      switch try store.signIn(member: member, pin: pin, showingID: showing.id) {
      case .signedIn: RecordsStress.emit("signed-in")
      case .alreadySignedIn: RecordsStress.emit("already")
      case .removed: RecordsStress.emit("removed")
      case .refused: RecordsStress.emit("refused")
      case .notOpen: RecordsStress.emit("not-open")
      }
    }
  }

  /// Member `member` reads the first page of the first course with lessons and has two
  /// sessions, the second replacing the first and then quitting; is credited the first course
  /// the catalog's 评学 rates (on 2026-07-01) and rates it with the highest answers; and
  /// answers the 需求调研 with its first topic: a row in every table for `records copy` to
  /// carry. Prints `studied`.
  struct Study: ParsableCommand {
    @Option var member: String
    @OptionGroup var options: Options

    func run() throws {
      let catalog = try options.loadCatalog()
      guard let course = catalog.courses.first(where: { !$0.lessons.isEmpty }) else {
        throw ValidationError("no course with lessons")
      }
      let store = try options.open()
      try store.saveLessonPage(0, of: course, for: member)
      let origin = SessionOrigin(client: "192.0.2.7 50022 10.0.0.1 22", command: nil)
      let first = try store.openSession(origin)
      _ = try store.claimSession(first, memberID: member, entry: .pin, replacing: false)
      let second = try store.openSession(origin)
      _ = try store.claimSession(second, memberID: member, entry: .pin, replacing: true)
      try store.endSession(second, reason: .quit)
      guard let evaluation = catalog.evaluation, let survey = catalog.survey,
        let rated = catalog.courses.first(where: { evaluation.rates($0.form) }),
        let topic = survey.topics.first
      else { throw ValidationError("the catalog needs evaluation.toml and survey.toml") }
      let day = LocalDate(year: 2026, month: 7, day: 1)
      let year = catalog.rules.trainingYear(containing: day)
      _ = try store.credit(
        course: rated, date: day, rules: catalog.rules, memberIDs: [member], source: "压力测试",
        reason: "补学")
      try store.rate(
        course: rated,
        answers: Dictionary(uniqueKeysWithValues: evaluation.questions.map { ($0.id, $0.scale) }),
        evaluation: evaluation, year: year, memberID: member)
      try store.answerSurvey(
        SurveyAnswers(topics: [topic.id]), survey: survey, year: year.year, memberID: member)
      RecordsStress.emit("studied")
    }
  }
}
