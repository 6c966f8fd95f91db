/// A test question of a course (考学): single choice, choose all that apply, or true/false.
public struct Question: Hashable, Sendable {
  /// The right answer, as indexes into `choices` in the order the curator wrote them.
  public enum Answer: Hashable, Sendable {
    /// One letter: exactly one choice is right.
    case single(Int)
    /// Several letters: every one of these choices, and no other, must be marked.
    case all([Int])
    /// No choices: the statement is true (对) or false (错).
    case trueFalse(Bool)
  }

  public enum Kind: Hashable, Sendable {
    case single, all, trueFalse
  }

  /// The fewest and most choices a choice question may have.
  public static let choiceLimits = 2...6

  public var text: String
  /// Empty for a true/false question.
  public var choices: [String]
  public var answer: Answer
  /// Shown after the attempt, beside a wrong answer.
  public var explanation: String?
  /// Where the `[[course.question]]` header stands.
  public var location: SourceLocation

  public init(
    text: String, choices: [String] = [], answer: Answer, explanation: String? = nil,
    location: SourceLocation
  ) {
    self.text = text
    self.choices = choices
    self.answer = answer
    self.explanation = explanation
    self.location = location
  }

  /// The choice a letter names in an answer, or a letter key in the test: A or a → 0, B or
  /// b → 1 …; nil for anything but an ASCII letter.
  public static func letterIndex(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar.value {
    case 0x41...0x5A: Int(scalar.value - 0x41)
    case 0x61...0x7A: Int(scalar.value - 0x61)
    default: nil
    }
  }

  /// What a curator may write, in quotes by mistake, for a true/false answer: `"true"`,
  /// `"对"`, `"错误"`, `"√"` …; nil for anything else.
  public static func truthWord(_ written: String) -> Bool? {
    let word = written.trimmed.lowercased()
    if ["true", "t", "yes", "对", "正确", "是", "√", "✓", "✔"].contains(word) { return true }
    if ["false", "f", "no", "错", "错误", "否", "×", "✗", "✘"].contains(word) { return false }
    return nil
  }

  public var kind: Kind {
    switch answer {
    case .single: .single
    case .all: .all
    case .trueFalse: .trueFalse
    }
  }

  /// What identifies the question across catalog edits: a hash of what the member reads (the
  /// text and the choices), the same in every process and every version of the program. A
  /// question moved elsewhere in the file keeps it; a reworded one gets a new one, so item
  /// analysis never mixes answers to two different questions.
  public var fingerprint: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func add(_ text: String) {
      var text = text
      // Over the UTF-8 bytes in place: a draw fingerprints every question it draws.
      text.withUTF8 { bytes in
        for byte in bytes {
          hash ^= UInt64(byte)
          hash = hash &* 0x0000_0100_0000_01b3
        }
      }
    }
    add(text)
    for choice in choices {
      hash ^= 0x1F
      hash = hash &* 0x0000_0100_0000_01b3
      add(choice)
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

/// A course's test: its questions and how an attempt is drawn and passed.
public struct Quiz: Hashable, Sendable {
  public static let defaultPassPercent = 80
  public static let defaultAttemptsPerDay = 3

  /// The share of right answers that passes, in percent (1-100).
  public var passPercent: Int
  /// How many questions an attempt draws (at most `questions.count`).
  public var questionsPerAttempt: Int
  /// Attempts a member may start on one day, counted in the records.
  public var attemptsPerDay: Int
  public var questions: [Question]

  public init(
    questions: [Question], passPercent: Int = Quiz.defaultPassPercent,
    questionsPerAttempt: Int? = nil, attemptsPerDay: Int = Quiz.defaultAttemptsPerDay
  ) {
    self.questions = questions
    self.passPercent = passPercent
    self.questionsPerAttempt = min(questionsPerAttempt ?? questions.count, questions.count)
    self.attemptsPerDay = attemptsPerDay
  }

  /// The fewest right answers out of `count` that pass: `passPercent` of them, rounded up.
  public func passMark(of count: Int) -> Int {
    (count * passPercent + 99) / 100
  }
}
