import Catalog

/// The Chinese text of the rating (评学) and needs survey (需求调研) screens.
enum FeedbackText {
  // MARK: Rating

  /// `courses`: how many are still to rate, this one included.
  static func ratingHeading(courses: Int) -> String {
    courses > 1 ? "课程评价（还有 \(courses) 门待评价）" : "课程评价"
  }

  static func questionPosition(_ number: Int, of count: Int) -> String { "第 \(number)/\(count) 题" }

  static let anonymous = "评价不记姓名和编号。"
  static let skipCourse = "跳过这门课（以后不再询问）"
  static func skipAll(_ count: Int) -> String { "全部跳过（共 \(count) 门，以后不再询问）" }
  static let previousQuestion = "上一题"
  static let keyAnswer = "选择"
  static let keySkip = "跳过"
  static let keySkipAll = "全部跳过"
  static let keyPrevious = "上一题"
  static let confirmRating = "请确认您的评价："
  static let submitRating = "提交评价"
  static let change = "返回修改"
  static let keySubmit = "提交"
  static let keyChange = "修改"
  static let saving = "正在保存……"
  static let keyRetry = "重试"
  static let keyLater = "以后再说"

  static func failed(_ message: String) -> String { "没有保存：\(message)。按 1 重试，按 0 以后再说。" }

  static func thanksRating(_ title: String) -> String { "谢谢您对“\(title)”的评价！（不记姓名和编号）" }

  static let alreadyRated = "这门课您已经评价过了。"

  /// `4 有用`: an answer as the confirmation lists it.
  static func answer(_ value: Int, _ label: String) -> String { "\(value) \(label)" }

  // MARK: Survey

  static func surveyHeading(_ title: String) -> String { "需求调研：\(title)" }

  static func stepPosition(_ step: Int, of count: Int) -> String { "第 \(step)/\(count) 步" }

  static func topicsQuestion(max: Int, chosen: Int) -> String {
    "您最想学习哪些内容？最多选 \(max) 项（已选 \(chosen) 项）"
  }

  static let formQuestion = "您喜欢哪种学习形式？"
  static let seasonQuestion = "您希望什么时候参加培训？"
  static let either = "都可以"
  static let topicsDone = "选好了，下一步"
  static let declineSurvey = "以后再说（可以从主菜单“需求调研”填写）"
  static let backToMenu = "返回主菜单（不保存）"
  static let previousStep = "上一步"
  static let keyToggle = "选中/取消"
  static let keyNext = "下一步"
  static let keyChoose = "选择"

  static func tooManyTopics(_ max: Int) -> String { "最多选 \(max) 项：先按数字键取消一项，再选别的。" }

  static let chooseATopic = "请至少选一项想学的内容。"
  static let confirmSurvey = "请确认您的选择："
  static let topicsLabel = "想学的内容："
  static let formLabel = "学习形式："
  static let seasonLabel = "培训时间："
  static let submitSurvey = "提交"
  static let thanksSurvey = "谢谢您参加需求调研！"
  static let surveyAlreadyAnswered = "今年的需求调研您已经填写过了，谢谢！"
  static let mainMenuSurvey = "需求调研（想学什么）"
  static let mainMenuSurveyDone = "需求调研（今年已填写）"

  static func seasonOption(_ season: TrainingSeason?) -> String {
    switch season {
    case .spring?: "春训（春季农闲时）"
    case .winter?: "冬训（冬季农闲时）"
    case nil: either
    }
  }
}
