/// Where an attempt stands in the records.
public enum QuizAttemptState: String, Hashable, Sendable {
  /// Started and not yet handed in; counts toward the day's attempts already.
  case open
  case finished
  /// Left before the end (0, a dropped link, the idle timeout): unscored, and it counts.
  case abandoned
}

/// One attempt as a member's screens need it.
public struct QuizAttemptSummary: Hashable, Sendable {
  public var id: Int64
  public var courseID: String
  public var trainingYear: Int
  /// The day it was started, which the daily limit counts by.
  public var day: LocalDate
  public var state: QuizAttemptState
  /// The score in percent, once finished.
  public var score: Int?
  public var passed: Bool
  /// The credit this pass earned was taken back (`credit --undo`): the pass no longer holds
  /// the year's credit.
  public var creditWithdrawn: Bool

  public init(
    id: Int64, courseID: String, trainingYear: Int, day: LocalDate, state: QuizAttemptState,
    score: Int? = nil, passed: Bool = false, creditWithdrawn: Bool = false
  ) {
    self.id = id
    self.courseID = courseID
    self.trainingYear = trainingYear
    self.day = day
    self.state = state
    self.score = score
    self.passed = passed
    self.creditWithdrawn = creditWithdrawn
  }
}

/// An attempt that has started: what the screen needs to ask its questions and hand it in.
public struct QuizTicket: Hashable, Sendable {
  public var attemptID: Int64
  public var courseID: String
  public var draw: QuizDraw
  /// Which attempt of the day this is (1 for the first) and how many the day allows.
  public var number: Int
  public var limit: Int

  public init(attemptID: Int64, courseID: String, draw: QuizDraw, number: Int, limit: Int) {
    self.attemptID = attemptID
    self.courseID = courseID
    self.draw = draw
    self.number = number
    self.limit = limit
  }
}

/// Whether an attempt could start.
public enum QuizStart: Hashable, Sendable {
  case started(QuizTicket)
  /// The member has started `limit` attempts of this course today already.
  case limitReached(limit: Int)
}

/// What passing did for the member's hours.
public enum QuizCredit: Hashable, Sendable {
  case notPassed
  /// The first pass of the training year: this credit was written with the result.
  case credited(Credit)
  /// Passed again: the course was credited already this training year (this credit).
  case alreadyCredited(Credit)
}

/// A handed-in attempt: the grade and what it did for the member's hours.
public struct QuizFinish: Hashable, Sendable {
  public var result: QuizResult
  public var credit: QuizCredit

  public init(result: QuizResult, credit: QuizCredit) {
    self.result = result
    self.credit = credit
  }
}

/// One course's tests in a training year, for `quiz report`.
public struct QuizStatistics: Hashable, Sendable {
  public var courseID: String
  /// The title when the latest attempt was started.
  public var courseTitle: String
  public var attempts: Int
  public var finished: Int
  public var abandoned: Int
  /// Started and never handed in nor marked abandoned (a session still on it, or killed).
  public var open: Int
  public var passedAttempts: Int
  /// Members who started an attempt, and those who passed at least once.
  public var members: Int
  public var passedMembers: Int
  /// Passes whose credit an administrator took back (`credit --undo`); still passes.
  public var withdrawnCredits: Int
  /// Every question answered in a finished attempt, by fingerprint.
  public var questions: [QuestionStatistics]

  public init(
    courseID: String, courseTitle: String, attempts: Int, finished: Int, abandoned: Int,
    open: Int, passedAttempts: Int, members: Int, passedMembers: Int,
    withdrawnCredits: Int = 0, questions: [QuestionStatistics]
  ) {
    self.withdrawnCredits = withdrawnCredits
    self.courseID = courseID
    self.courseTitle = courseTitle
    self.attempts = attempts
    self.finished = finished
    self.abandoned = abandoned
    self.open = open
    self.passedAttempts = passedAttempts
    self.members = members
    self.passedMembers = passedMembers
    self.questions = questions
  }

  /// Passed members among those who took the test, in percent; nil when nobody did.
  public var passRate: Int? {
    members == 0 ? nil : (passedMembers * 200 + members) / (members * 2)
  }
}

/// How one question fared in finished attempts: the item analysis.
public struct QuestionStatistics: Hashable, Sendable {
  public var fingerprint: String
  /// The text when the question was first drawn.
  public var text: String
  /// Its index in the course's questions when it was last drawn.
  public var lastIndex: Int
  public var answered: Int
  public var wrong: Int

  public init(
    fingerprint: String, text: String, lastIndex: Int, answered: Int, wrong: Int
  ) {
    self.fingerprint = fingerprint
    self.text = text
    self.lastIndex = lastIndex
    self.answered = answered
    self.wrong = wrong
  }

  /// Wrong answers in percent of all answers.
  public var wrongRate: Int { answered == 0 ? 0 : (wrong * 200 + answered) / (answered * 2) }
}
