/// The catalog's rating questions (评学, `evaluation.toml`): what a member is asked, once, about
/// a course credited to them, so the county learns from members how its courses work (seed
/// 003: 让党员作评价，从基层看效果).
public struct Evaluation: Hashable, Sendable {
  /// How many questions a rating asks: enough to say something, few enough to answer at a
  /// kiosk in a minute.
  public static let questionLimits = 2...4
  /// How many labelled answers a question offers, worst first: answer N is worth N.
  public static let answerLimits = 2...5

  /// A line shown above the questions; nil for none.
  public var intro: String?
  /// The forms of the courses that are rated; every form when empty.
  public var forms: [CourseForm]
  public var questions: [EvaluationQuestion]

  public init(intro: String? = nil, forms: [CourseForm] = [], questions: [EvaluationQuestion]) {
    self.intro = intro
    self.forms = forms
    self.questions = questions
  }

  /// Whether a course of this form is rated.
  public func rates(_ form: CourseForm) -> Bool { forms.isEmpty || forms.contains(form) }
}

/// One rating question: its stable id (the answers are kept under it, so rewording the text
/// keeps them), its text, and its answers from worst (1) to best.
public struct EvaluationQuestion: Hashable, Sendable {
  public var id: String
  public var text: String
  public var answers: [String]

  public init(id: String, text: String, answers: [String]) {
    self.id = id
    self.text = text
    self.answers = answers
  }

  /// The best answer's value: the number of answers.
  public var scale: Int { answers.count }
}
