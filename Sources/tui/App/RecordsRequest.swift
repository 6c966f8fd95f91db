import Catalog

/// A read or write of the records that a screen asks for; `update` sends it to the records
/// worker as a `RecordsCall`, and the answer comes back as `Event.records`.
enum RecordsRequest: Hashable, Sendable {
  /// Check the member's PIN; on success read their records.
  case logIn(memberID: String, pin: String)
  /// Read the member's records again (another session or an administrator may have written).
  case load(memberID: String)
  case select(courseID: String, memberID: String)
  case drop(courseID: String, memberID: String)
  /// Keep the lesson page the member is on (0-based).
  case saveLessonPage(courseID: String, memberID: String, page: Int)
  /// Draw the questions of an attempt and start it, unless the day's attempts are used up.
  case startQuiz(courseID: String, memberID: String, day: LocalDate)
  /// Hand in an attempt: grade it, and credit the hours on the year's first pass.
  case finishQuiz(QuizTicket, memberID: String, responses: [QuizResponse], day: LocalDate)
  /// The member left an attempt before the end.
  case abandonQuiz(attemptID: Int64, memberID: String)
  // The session row (self-study over SSH, `SessionPolicy`): the runner keeps its id.
  /// Start this program's session row, as a guest.
  case openSession
  /// The member who came in by key (`ssh session --member N`) enters without a PIN.
  case enter(memberID: String)
  /// The member, who has just proved who they are, ends their other live session and takes
  /// this one.
  case takeOver(memberID: String)
  /// End the session row; after a logout a guest row starts for whoever comes next.
  case endSession(SessionEnd)
  /// Ask whether a login elsewhere has ended this session.
  case checkSession
  /// The station's work: sign-in, administrators, sign-ups (`StationRequest`).
  case station(StationRequest)
  /// 评学 and 需求调研: a rating, the survey, or that the member declined one.
  case feedback(FeedbackRequest, memberID: String)

  /// What the member is told while the request is on its way.
  enum Activity: Hashable, Sendable {
    /// The login screen says so itself (正在核对 PIN).
    case checkingPIN
    /// 正在读取…
    case reading
    /// 正在保存…: a selection or a drop, which quitting waits for.
    case saving
    /// Bookkeeping of the session row, or a kiosk reading its station's state in the
    /// background: never shown.
    case quiet
  }

  var activity: Activity {
    switch self {
    case .logIn, .enter, .takeOver: .checkingPIN
    case .load: .reading
    case .select, .drop, .saveLessonPage, .startQuiz, .finishQuiz, .abandonQuiz, .feedback:
      .saving
    case .openSession, .endSession, .checkSession: .quiet
    case .station(let request): request.activity
    }
  }

  /// What failed, without the PIN.
  var failure: RecordsReply.Failure {
    switch self {
    case .logIn(let id, _): .logIn(memberID: id)
    case .load(let id): .load(memberID: id)
    case .select(let course, let id): .select(courseID: course, memberID: id)
    case .drop(let course, let id): .drop(courseID: course, memberID: id)
    case .saveLessonPage(let course, let id, _): .saveLessonPage(courseID: course, memberID: id)
    case .startQuiz(let course, let id, _): .startQuiz(courseID: course, memberID: id)
    case .finishQuiz(let ticket, let id, _, _):
      .finishQuiz(attemptID: ticket.attemptID, memberID: id)
    case .abandonQuiz(let attempt, let id): .abandonQuiz(attemptID: attempt, memberID: id)
    case .enter(let id), .takeOver(let id): .logIn(memberID: id)
    case .openSession, .endSession, .checkSession: .session
    case .station(let request): .station(request.failure)
    case .feedback(let request, let id): .feedback(request.prompt, memberID: id)
    }
  }

  /// Whether the answer may log a member in (see `RecordsTraffic.lastLogIn`).
  var logsIn: Bool {
    switch self {
    case .logIn, .enter, .takeOver: true
    default: false
    }
  }
}

/// The answer to a `RecordsRequest`.
enum RecordsReply: Hashable, Sendable {
  case loggedIn(MemberRecords)
  case loginRefused(memberID: String, LoginRefusal)
  case loaded(MemberRecords)
  /// A selection written (or found already as asked: `changed` is false), and the records after.
  case selected(courseID: String, changed: Bool, MemberRecords)
  case dropped(courseID: String, changed: Bool, MemberRecords)
  case lessonPageSaved(courseID: String, memberID: String, page: Int)
  /// The attempt started: its questions, and the records after.
  case quizStarted(QuizTicket, MemberRecords)
  /// No attempt started: the member has used the day's `limit` attempts.
  case quizRefused(courseID: String, memberID: String, limit: Int)
  case quizFinished(QuizTicket, QuizFinish, MemberRecords)
  /// `changed` is false when the attempt had ended already.
  case quizAbandoned(attemptID: Int64, memberID: String, changed: Bool)
  case station(StationReply)
  /// A rating or the survey kept, or declined (`changed` is false when the records had it
  /// already), and the records after.
  case feedbackSaved(FeedbackPrompt, changed: Bool, MemberRecords)
  /// Nothing was written; `message` says why, in Chinese.
  case failed(Failure, message: String)
  /// The member proved who they are, but has a live session elsewhere: nothing changed.
  case sessionTaken(memberID: String, name: String, by: OtherSession)
  /// A login elsewhere (or an administrator) has ended this session; `by` is that login.
  case sessionEnded(by: OtherSession?)
  /// The session row was written or read, and nothing need change.
  case sessionNoted

  /// What the store answered (`AuthenticationResult`), as the login screen shows it: the
  /// screen learns attempts and waits from here, never from the store's policy.
  enum LoginRefusal: Hashable, Sendable {
    /// The number and PIN do not match (whether or not the number exists). After
    /// `freeAttemptsLeft` more failures attempts must wait; `retry` is when the next may
    /// come, when it must wait now.
    case refused(freeAttemptsLeft: Int, retry: ClockTime?)
    /// Not checked: too many wrong PINs in a row; the next attempt may come then.
    case mustWait(until: ClockTime)
    /// Not checked: an administrator must unlock the number.
    case locked
  }

  enum Failure: Hashable, Sendable {
    case logIn(memberID: String)
    case load(memberID: String)
    case select(courseID: String, memberID: String)
    case drop(courseID: String, memberID: String)
    case saveLessonPage(courseID: String, memberID: String)
    case startQuiz(courseID: String, memberID: String)
    case finishQuiz(attemptID: Int64, memberID: String)
    case abandonQuiz(attemptID: Int64, memberID: String)
    /// Bookkeeping of the session row, about nobody in particular.
    case session
    case station(StationRequest.Failure)
    case feedback(FeedbackPrompt, memberID: String)

    /// The member concerned; nil for the station's own work.
    var memberID: String? {
      switch self {
      case .logIn(let id), .load(let id), .select(_, let id), .drop(_, let id),
        .saveLessonPage(_, let id), .startQuiz(_, let id), .finishQuiz(_, let id),
        .abandonQuiz(_, let id), .feedback(_, let id):
        id
      case .session: ""
      case .station(let failure): failure.memberID
      }
    }
  }

  /// The member the answer is about; nil for the station's own work.
  var memberID: String? {
    switch self {
    case .loggedIn(let records), .loaded(let records), .selected(_, _, let records),
      .dropped(_, _, let records), .quizStarted(_, let records), .quizFinished(_, _, let records),
      .feedbackSaved(_, _, let records):
      records.member.id
    case .loginRefused(let id, _), .lessonPageSaved(_, let id, _), .quizRefused(_, let id, _),
      .quizAbandoned(_, let id, _), .sessionTaken(let id, _, _):
      id
    case .station(let reply): reply.memberID
    case .failed(let failure, _): failure.memberID
    case .sessionEnded, .sessionNoted: ""
    }
  }
}

/// A request on its way to the records worker, numbered by `update` in the order sent.
struct RecordsCall: Hashable, Sendable {
  let serial: Int
  let request: RecordsRequest
}

/// The worker's answer to the call with the same serial.
struct RecordsAnswer: Hashable, Sendable {
  let serial: Int
  let reply: RecordsReply
}
