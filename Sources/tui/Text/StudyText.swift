import Catalog

/// Every word of studying in the terminal: the lesson reader and the test (学习课件、参加测验),
/// beside `MemberText`, so the wording can be reviewed in one place.
enum StudyText {
  // MARK: Course detail
  static let keyStudy = "学习课件"
  static let keyQuiz = "参加测验"
  static let detailLessons = "课　　件："
  static let detailQuiz = "测　　验："
  static func lessonsValue(_ count: Int, key: Int) -> String { "共 \(count) 页，按 \(key) 学习" }
  static func quizValue(_ quiz: Quiz, key: Int) -> String {
    "每次 \(quiz.questionsPerAttempt) 题，\(quiz.passPercent) 分及格，每天最多 \(quiz.attemptsPerDay) 次，按 \(key) 参加"
  }
  static let detailStudyProgress = "学习进度："
  static func studyProgress(page: Int?, of count: Int) -> String {
    guard let page else { return "还没有学习课件" }
    return page + 1 >= count ? "已学到最后一页（共 \(count) 页）" : "上次学到第 \(page + 1) 页（共 \(count) 页）"
  }
  static let detailQuizRecord = "测验情况："
  /// `credited`: the course has a credit in the year. A pass without one had its credit
  /// taken back (`credit --undo`), and the next pass earns it again.
  static func quizRecord(
    attempts: [QuizAttemptSummary], today: LocalDate, year: Int, limit: Int, credited: Bool,
    mark: String
  ) -> String {
    let todays = attempts.filter { $0.day == today }.count
    let thisYear = attempts.filter { $0.trainingYear == year }
    var parts: [String] = []
    if let best = thisYear.filter(\.passed).compactMap(\.score).max() {
      parts.append(
        credited
          ? "\(mark) 本年度已通过（最高 \(best) 分）"
          : "本年度参加 \(thisYear.count) 次，通过所计的学时已撤销，再次通过可重新计入")
    } else if thisYear.isEmpty {
      parts.append("本年度还没有参加")
    } else {
      parts.append("本年度参加 \(thisYear.count) 次，还没有通过")
    }
    parts.append(todays >= limit ? "今天的 \(limit) 次已用完" : "今天还可参加 \(limit - todays) 次")
    return parts.joined(separator: "；")
  }
  static let guestCannotTakeQuiz = "登录后才能参加测验：回到开始屏幕，按 1 登录"
  static let noLessons = "这门课程没有课件"
  static let noQuiz = "这门课程没有测验"

  // MARK: Lesson reader
  static func readerHeading(_ title: String) -> String { "课件：\(title)" }
  static func page(_ page: Int, of count: Int) -> String { "第 \(page)/\(count) 页" }
  static func pageEnd(_ page: Int, of count: Int) -> String {
    page < count ? "—— 第 \(page) 页完，按 9 看下一页 ——" : "—— 课件学完了 ——"
  }
  static let quizAfterLessons = "学完后，按 3 参加测验，通过后计入学时。"
  static let keyForward = "往后翻"
  static let keyBackward = "往前翻"
  static let keyNextPage = "下一页"
  static let keyPreviousPage = "上一页"
  static func pageNotSaved(_ reason: String) -> String { "没有记下学到的页数：\(reason)" }
  static let firstPage = "已经是第一页课件"
  static let lastPage = "已经是最后一页课件"

  // MARK: Continue reading
  static let resumeHeading = "学习课件"
  static func resumeNote(page: Int, of count: Int, title: String) -> String {
    "上次学到第 \(page) 页（共 \(count) 页）：\(title)"
  }
  static func resumeContinue(_ page: Int) -> String { "从第 \(page) 页接着学" }
  static let resumeFromStart = "从第 1 页开始学"
  static let resumeBack = "返回课程"

  // MARK: Before the test
  static let introHeading = "参加测验"
  static func introRules(_ quiz: Quiz) -> String {
    let count = quiz.questionsPerAttempt
    let drawn =
      count < quiz.questions.count
      ? "每次从 \(quiz.questions.count) 道题中随机抽 \(count) 道" : "共 \(count) 道题，顺序随机"
    return
      "\(drawn)，答对 \(quiz.passPercent)% 及格（\(count) 题至少答对 \(quiz.passMark(of: count)) 题）。每道题答完就进入下一题，答过的不能再改。"
  }
  static func introToday(used: Int, limit: Int) -> String {
    "每天最多参加 \(limit) 次，今天已参加 \(used) 次。"
  }
  static func introCredit(_ course: Course, creditedOn date: LocalDate?) -> String {
    guard let date else {
      return "本年度第一次通过时，计入 \(course.hours) 学时（网络培训）。"
    }
    return "本年度已于 \(date) 计入这门课程的学时，再次通过不再重复计入。"
  }
  static let introLeaving = "注意：开始后中途离开（按 0、断线或长时间不按键），这次不计分，但计入今天的次数。"
  static let introStart = "开始测验"
  static let introBack = "返回课程"
  static let drawing = "正在抽题，请稍候……"
  static func limitReached(_ limit: Int) -> String {
    "今天已经参加了 \(limit) 次这门课程的测验（每天最多 \(limit) 次），请明天再来。"
  }
  static func startFailed(_ reason: String) -> String { "没有开始测验：\(reason)。请稍后再按 1。" }

  // MARK: A question
  static func quizHeading(_ title: String) -> String { "测验：\(title)" }
  /// `第 1/5 题`, and on a question longer than the screen the lines in sight.
  static func questionPosition(_ number: Int, of count: Int, lines: (Int, Int, Int)?) -> String {
    let question = "第 \(number)/\(count) 题"
    guard let (first, last, total) = lines else { return question }
    return question + "，" + ScreenText.lineRange(first, last, of: total)
  }
  static func questionLabel(_ number: Int, kind: Question.Kind) -> String {
    "第 \(number) 题  \(kindLabel(kind))"
  }
  static func kindLabel(_ kind: Question.Kind) -> String {
    switch kind {
    case .single: "单选题"
    case .all: "多选题"
    case .trueFalse: "判断题"
    }
  }
  static let truthLabels = ["对", "错"]
  static func choiceLetter(_ index: Int) -> String {
    String(Character(Unicode.Scalar(UInt8(65 + index))))
  }
  static func choice(_ index: Int, _ text: String) -> String { "\(choiceLetter(index)). \(text)" }
  static func instructions(_ kind: Question.Kind, count: Int) -> String {
    let letters = "A-\(choiceLetter(count - 1))"
    return switch kind {
    case .single: "按数字键 1-\(count)（或字母键 \(letters)）作答，答完自动进入下一题。"
    case .all: "多选题：按数字键 1-\(count)（或字母键 \(letters)）选中或取消，可以选多项；选好后按回车提交。"
    case .trueFalse: "判断题：按 1 表示对，按 2 表示错。"
    }
  }
  static let markAtLeastOne = "请至少选中一项，再按回车提交"
  static let noLetterForTruth = "判断题请按 1（对）或 2（错）"
  static func confirmLeaving() -> String {
    "再按一次 0 离开测验：这次不计分，但计入今天的次数；按其他键继续答题。"
  }
  static let handingIn = "正在交卷，请稍候……"
  static func handInFailed(_ reason: String) -> String {
    "交卷没有成功：\(reason)。您的答案还在：按 1 重新交卷，按 0 离开（这次不计分）。"
  }
  static let searchDuringQuiz = "测验中不能搜索：答完或离开测验后再搜索"
  static let keyAnswer = "作答"
  static let keyToggle = "选中/取消"
  static let keySubmit = "提交"
  static let keyLeave = "离开"
  static let keyRetry = "重新交卷"
  static let keyTrue = "对"
  static let keyFalse = "错"

  // MARK: Results
  static func resultHeading(_ title: String) -> String { "测验结果：\(title)" }
  static func score(_ result: QuizResult, passPercent: Int, mark: String) -> String {
    let verdict = result.passed ? "\(mark) 通过" : "未通过"
    return
      "得分：\(result.score) 分（\(result.questionCount) 题答对 \(result.correctCount) 题），\(passPercent) 分及格：\(verdict)"
  }
  static func credited(_ credit: Credit) -> String {
    "已计入 \(credit.hours) 学时（\(credit.form.label)，\(credit.date)，来源“\(credit.source)”），可在主菜单“我的学时”中查看。"
  }
  static func alreadyCredited(_ credit: Credit) -> String {
    "本年度已于 \(credit.date) 计入这门课程的 \(credit.hours) 学时（\(credit.source)），这次通过不再重复计入。"
  }
  static func tryAgain(left: Int, limit: Int) -> String {
    left > 0
      ? "没有通过：先复习课件，今天还可以再参加 \(left) 次（每天最多 \(limit) 次）。"
      : "没有通过：今天的 \(limit) 次已经用完，请复习课件，明天再来。"
  }
  static let allCorrect = "全部答对！"
  static func wrongAnswers(_ count: Int) -> String { "答错的题（\(count) 道）：" }
  static let yourAnswer = "您的答案："
  static let rightAnswer = "正确答案："
  static let explanation = "解　　析："
  static let keyBackToCourse = "返回课程"

  // MARK: Messages after leaving
  static func quizLeft(_ title: String) -> String { "已离开“\(title)”的测验：这次不计分，计入今天的次数" }

  // MARK: check
  /// After the categories in `check`'s summary.
  static func summaryLine(courses: Int, pages: Int, tests: Int, questions: Int) -> String {
    "  课件和测验：\(courses) 门课程有课件，共 \(pages) 页；\(tests) 门课程有测验，共 \(questions) 道试题"
  }

  // MARK: Help
  static let helpSection: ScreenText.HelpSection = (
    "学习课件和参加测验（网络培训）：",
    [
      ("2", "课程详情中按 2 学习课件：一次显示一页，9 往后翻（一页看完就到下一页），8 往前翻，回车直接到下一页。上次没学完的，下次会问是否接着学。"),
      ("3", "课程详情中按 3 参加测验（要先登录）。每次随机抽题，题目和选项的顺序每次都不同。"),
      ("1-6、A-F", "单选题按数字或字母作答，答完自动进入下一题；答过的不能再改。"),
      ("回车", "多选题按数字或字母选中、取消，选好后按回车提交。判断题按 1 表示对，2 表示错。"),
      ("0", "测验中按两次 0 离开：这次不计分，但计入今天的次数；断线或长时间不按键也一样。"),
      ("学时", "本年度第一次通过测验，课程学时马上计入“我的学时”，来源是“网络培训测验”和得分；以后再通过不重复计入。"),
    ]
  )
}
