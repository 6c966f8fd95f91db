#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every kind of finding, with its stable code and its Chinese message.
///
/// This file is the one place where the library's user-facing text lives; codes never change
/// meaning once shipped, because curators and `data/README.md` refer to them.
public enum Problem: Hashable, Sendable {
  // MARK: Files (F): the loader could not read what it needs.
  /// A file or directory is missing or unreadable.
  case unreadable(reason: String)
  /// The catalog directory has no `courses/*.toml`.
  case noCourseFiles

  // MARK: TOML syntax (T).
  /// `likelyUTF16` when the file starts with a UTF-16 byte-order mark (Notepad's "Unicode").
  case notUTF8(likelyUTF16: Bool)
  case unexpected(found: FoundToken, expected: SyntaxExpectation)
  case unterminatedString
  case invalidEscape(String)
  case controlCharacter(UInt32)
  case invalidNumber(String)
  case integerOutOfRange(String)
  case invalidDateTime(String)
  case duplicateKey(String)
  case tableRedefined(String)
  case notATable(String)
  case inlineTableExtended(String)
  case staticArrayExtended(String)
  case nestingTooDeep(limit: Int)

  // MARK: Catalog meaning (C).
  case missingField(field: String, entry: CatalogEntryKind)
  /// `belongsUnder` names the table where the key would be valid, when it is one.
  case unknownKey(key: String, allowed: [String], belongsUnder: String?)
  case wrongType(key: String, expected: String, found: String)
  case invalidEnumeration(key: String, value: String, allowed: String)
  case duplicateID(kind: CatalogEntryKind, id: String, first: SourceLocation)
  case unknownCategory(String)
  case unknownPrerequisite(String)
  case prerequisiteCycle([String])
  case invalidHours(String)
  case invalidID(String)
  case invalidValue(key: String, value: String, rule: ValueRule)
  case emptyText(key: String)
  /// A question's answer names a letter that is no choice (or is no letter).
  case answerNotAChoice(answer: String, choiceCount: Int)
  /// A letter written twice in an answer (`"BB"`).
  case answerLetterRepeated(answer: String, letter: Character)
  /// `questions_per_attempt` asks for more questions than the course has (`asked` nil: a
  /// `[course.quiz]` table on a course without questions).
  case tooFewQuestions(asked: Int?, available: Int)
  /// A lesson with neither `text` nor `file` (`both` false) or with both.
  case lessonContent(both: Bool)
  /// A lesson file that cannot be used; `path` as written.
  case lessonFile(path: String, LessonFileProblem)
  /// Questions but no lesson: nothing to study before the test.
  case questionsWithoutLesson(course: String)
  /// Too few or too many of an entry: rating questions (2-4), survey topics (2-8).
  case countOutOfRange(kind: CatalogEntryKind, count: Int, allowed: ClosedRange<Int>)
  /// A true/false answer written in quotes (`answer = "对"`, `"true"`), with no choices: a
  /// string is a letter answer, so without this it would read as missing `choices`.
  case quotedTrueFalse(written: String, truth: Bool)
  /// A second question of a course that reads the same as an earlier one (same text and
  /// choices): members cannot tell them apart, and the item analysis counts them as one.
  case duplicateQuestion(first: SourceLocation)

  // MARK: Warnings (W).
  case sessionOutsideYear(date: String, year: Int, firstDay: String, lastDay: String)
  case emptyCategory(String)
  case requirementWithoutCondition(String)
  case ignoredFile(String)
  /// A session has fewer days than the course's hours need at 8 a day.
  case hoursPerDayExceeded(course: String, hours: StudyHours, days: Int, firstDay: String)
  /// The course files hold no course at all.
  case noCourses
  /// A test on a course whose form is not `online`: its hours are credited as online study.
  case quizOnOfflineCourse(course: String, form: CourseForm)

  public var defaultSeverity: Diagnostic.Severity {
    switch self {
    case .sessionOutsideYear, .emptyCategory, .requirementWithoutCondition, .ignoredFile,
      .hoursPerDayExceeded, .noCourses, .quizOnOfflineCourse:
      .warning
    default: .error
    }
  }

  /// Whether the problem is about reading files rather than their content (exit status 2).
  public var isInputOutput: Bool {
    switch self {
    case .unreadable, .noCourseFiles: true
    default: false
    }
  }

  public var code: String {
    switch self {
    case .unreadable: "F001"
    case .noCourseFiles: "F002"
    case .notUTF8: "T001"
    case .unexpected: "T002"
    case .unterminatedString: "T003"
    case .invalidEscape: "T004"
    case .controlCharacter: "T005"
    case .invalidNumber: "T006"
    case .integerOutOfRange: "T007"
    case .invalidDateTime: "T008"
    case .duplicateKey: "T009"
    case .tableRedefined: "T010"
    case .notATable: "T011"
    case .inlineTableExtended: "T012"
    case .staticArrayExtended: "T013"
    case .nestingTooDeep: "T014"
    case .missingField: "C001"
    case .unknownKey: "C002"
    case .wrongType: "C003"
    case .invalidEnumeration: "C004"
    case .duplicateID: "C005"
    case .unknownCategory: "C006"
    case .unknownPrerequisite: "C007"
    case .prerequisiteCycle: "C008"
    case .invalidHours: "C009"
    case .invalidID: "C010"
    case .invalidValue: "C011"
    case .emptyText: "C012"
    case .answerNotAChoice: "C013"
    case .answerLetterRepeated: "C014"
    case .tooFewQuestions: "C015"
    case .lessonContent: "C016"
    case .lessonFile: "C017"
    case .questionsWithoutLesson: "C018"
    case .countOutOfRange: "C019"
    case .quotedTrueFalse: "C020"
    case .duplicateQuestion: "C021"
    case .sessionOutsideYear: "W001"
    case .emptyCategory: "W002"
    case .requirementWithoutCondition: "W003"
    case .ignoredFile: "W004"
    case .hoursPerDayExceeded: "W005"
    case .noCourses: "W006"
    case .quizOnOfflineCourse: "W007"
    }
  }

  public var message: String {
    switch self {
    case .unreadable(let reason):
      "无法读取：\(reason)"
    case .noCourseFiles:
      "目录中没有课程文件：请在 courses/ 下放置至少一个 .toml 文件"
    case .notUTF8(let likelyUTF16):
      likelyUTF16
        ? "文件是 UTF-16 编码（记事本中的“Unicode”）：请用记事本“另存为”并选择 UTF-8 编码"
        : "文件不是 UTF-8 编码（可能是 GBK/GB2312）：请用记事本“另存为”并选择 UTF-8 编码"
    case .unexpected(.fullWidth(let written, let ascii), _):
      "语法错误：这里用了中文标点「\(written == "\u{3000}" ? "全角空格" : written)」，请改用英文半角符号「\(ascii)」"
    case .unexpected(let found, let expected):
      "语法错误：此处应为\(expected.label)，实际是\(found.label)"
    case .unterminatedString:
      "字符串没有结束引号：请检查引号是否成对"
    case .invalidEscape(let escape):
      "无效的转义序列 \(escape)：可用的有 \\\\ \\\" \\n \\t \\r \\b \\f \\uXXXX \\UXXXXXXXX"
    case .controlCharacter(let scalar):
      "不允许的控制字符 U+\(String(scalar, radix: 16, uppercase: true).leftPadded(to: 4))：请删除或改用转义写法"
    case .invalidNumber(let text):
      "无效的数字 \(text)"
    case .integerOutOfRange(let text):
      "整数 \(text) 超出范围（-9223372036854775808 到 9223372036854775807）"
    case .invalidDateTime(let text):
      "无效的日期或时间 \(text)：日期写作 2026-12-05，时间写作 09:00:00；如果这是一段文字（如上课时间 \"09:00-12:00\"），请用英文双引号括起来"
    case .duplicateKey(let key):
      "键 \(key) 重复定义：同一个表中每个键只能写一次"
    case .tableRedefined(let key):
      "表 [\(key)] 重复定义：同一个表头只能写一次（要写多条课程、类别或要求时，每条都用双括号，如 [[course]]）"
    case .notATable(let key):
      "\(key) 已经定义为值，不能再作为表使用"
    case .inlineTableExtended(let key):
      "\(key) 是行内表 { … }，写好后不能再添加键"
    case .staticArrayExtended(let key):
      "\(key) 是用 [ … ] 写成的数组，不能再用 [[\(key)]] 追加"
    case .nestingTooDeep(let limit):
      "嵌套层数超过 \(limit) 层"
    case .missingField(let field, let entry):
      "\(entry.label)缺少必填字段 \(field)"
    case .unknownKey(let key, let allowed, let belongsUnder?):
      "字段 \(key) 不能写在这里：它属于 \(belongsUnder)，请检查它是否写在了错误的表头下面；这里可用的字段有 \(allowed.joined(separator: "、"))"
    case .unknownKey(let key, let allowed, nil):
      "未知的字段 \(key)（拼写错误？）：可用的字段有 \(allowed.joined(separator: "、"))"
    case .wrongType(let key, let expected, let found):
      "字段 \(key) 应为\(expected)，实际是\(found)"
    case .invalidEnumeration(let key, let value, let allowed):
      "字段 \(key) 的取值 \"\(value)\" 无效：可用的有 \(allowed)"
    case .duplicateID(let kind, let id, let first):
      "\(kind.label)编号 \(id) 重复：首次定义于 \(first)"
    case .unknownCategory(let id):
      "未知的类别 \(id)：请先在 catalog.toml 中用 [[category]] 定义"
    case .unknownPrerequisite(let id):
      "未知的先修课程 \(id)"
    case .prerequisiteCycle(let ids):
      "先修课程构成循环：\(ids.joined(separator: " → "))"
    case .invalidHours(let text):
      "学时 \(text) 无效：应大于 0、不超过 200，且为 0.5 的整数倍"
    case .invalidID(let id):
      "编号 \"\(id)\" 无效：只能使用小写字母、数字和连字符（a-z 0-9 -）"
    case .invalidValue(let key, let value, let rule):
      "字段 \(key) 的取值 \(value) 无效：\(rule.label)"
    case .emptyText(let key):
      "字段 \(key) 不能为空"
    case .answerNotAChoice(let answer, let count):
      "答案 \"\(answer)\" 无效：这道题有 \(count) 个选项，答案只能写 \(Self.choiceLetters(count)) 中的字母（单选题写一个，如 \"B\"；多选题写出全部正确选项，如 \"AC\"）"
    case .answerLetterRepeated(let answer, let letter):
      "答案 \"\(answer)\" 中的 \(letter) 写了不止一次：单选题只写一个字母；多选题每个正确选项写一次，如 \"AC\""
    case .tooFewQuestions(let asked?, let available):
      "questions_per_attempt = \(asked)，但这门课程只有 \(available) 道试题：每次抽的题数不能多于试题总数"
    case .tooFewQuestions(nil, _):
      "写了 [course.quiz] 测验设置，但这门课程没有试题：请用 [[course.question]] 写出试题，或删去 [course.quiz]"
    case .lessonContent(let both):
      both
        ? "课件页同时写了 text 和 file：课件内容只能二选一，直接写在 text 中，或用 file 指向文本文件"
        : "课件页缺少内容：请用 text 直接写出课件内容，或用 file 指向文本文件"
    case .lessonFile(let path, let problem):
      "课件文件 \(path) \(problem.label)"
    case .questionsWithoutLesson(let course):
      "课程 \(course) 有试题但没有课件：请用 [[course.lesson]] 写出学习内容，党员学完才能参加测验"
    case .countOutOfRange(let kind, let count, let allowed):
      "\(kind.label)应有 \(allowed.lowerBound) 到 \(allowed.upperBound) 个，现在有 \(count) 个\(kind.countHint)"
    case .quotedTrueFalse(let written, let truth):
      "判断题的答案 \"\(written)\" 加了引号：判断题的答案写 true（对）或 false（错），不加引号，这里应写 answer = \(truth)"
    case .duplicateQuestion(let first):
      "这道试题与同一课程中 \(first) 的试题一字不差（题目文字相同，选择题的选项也相同）：党员分不清两道题，测验统计也会把它们算作一道题；请删去一道，或改写题目"
    case .sessionOutsideYear(let date, let year, let firstDay, let lastDay):
      "课次日期 \(date) 不在目录的 \(year) 培训年度（\(firstDay) 至 \(lastDay)）内"
    case .emptyCategory(let id):
      "类别 \(id) 下没有课程"
    case .requirementWithoutCondition(let id):
      "要求 \(id) 没有设定 min_hours，也没有大于 0 的 min_concentrated，不会对任何人产生要求"
    case .ignoredFile(let name):
      "文件 \(name) 不以 .toml 结尾，已被忽略（记事本可能把它存成了 .toml.txt）"
    case .hoursPerDayExceeded(let course, let hours, let days, let firstDay):
      "课程 \(course) 共 \(hours) 学时，从 \(firstDay) 开始的课次只安排了 \(days) 天，每天超过 \(CourseSession.maximumHoursPerDay) 学时：连续多天的课次请用 end_date 写明最后一天，或核对学时"
    case .noCourses:
      "目录中一门课程也没有：课程文件里没有任何 [[course]]"
    case .quizOnOfflineCourse(let course, let form):
      "课程 \(course) 的教学形式是\(form.label)（\(form.rawValue)），不是网络培训（online），却有测验：测验通过后学时按网络培训登记，请核对 form"
    }
  }
}

extension Problem {
  /// `A-D` for four choices.
  static func choiceLetters(_ count: Int) -> String {
    let last = Character(Unicode.Scalar(UInt8(64 + min(max(count, 1), 26))))
    return count <= 1 ? "A" : "A-\(last)"
  }
}

/// Why a lesson file cannot be used.
public enum LessonFileProblem: Error, Hashable, Sendable {
  case missing
  case notUTF8(likelyUTF16: Bool)
  case empty
  /// Absolute, or climbing out of the catalog directory with `..`.
  case outsideCatalog
  /// A symbolic link (or in a linked folder) that leads out of the catalog directory.
  case linkOutsideCatalog
  /// Any other reason it could not be read, in Chinese.
  case unreadable(String)

  var label: String {
    switch self {
    case .missing: "不存在：路径相对于目录文件夹（catalog.toml 所在的文件夹），如 \"lessons/plan-hours.txt\""
    case .notUTF8(let likelyUTF16):
      likelyUTF16
        ? "是 UTF-16 编码（记事本中的“Unicode”）：请用记事本“另存为”并选择 UTF-8 编码"
        : "不是 UTF-8 编码（可能是 GBK/GB2312）：请用记事本“另存为”并选择 UTF-8 编码"
    case .empty: "是空的：课件文件中至少要有一段文字"
    case .outsideCatalog:
      "不在目录文件夹中：请写相对于目录文件夹的路径，如 \"lessons/plan-hours.txt\"，不要以 / 开头，也不要用 .."
    case .linkOutsideCatalog:
      "是链接，指向目录文件夹之外：课件文件必须真正放在目录文件夹中，请把文件本身复制进来，不要用链接"
    case .unreadable(let reason): "无法读取：\(reason)"
    }
  }
}

/// What the TOML reader found where it expected something else.
public enum FoundToken: Hashable, Sendable {
  case endOfFile, newline, whitespace, controlCharacter
  case character(String)
  /// Full-width punctuation typed with a Chinese input method, and its ASCII counterpart.
  case fullWidth(String, ascii: String)

  /// Full-width punctuation curators type by accident, mapped to what TOML needs.
  public static let fullWidthPunctuation: [Character: String] = [
    "“": "\"", "”": "\"", "‘": "'", "’": "'", "，": ",", "＝": "=", "【": "[", "】": "]",
    "［": "[", "］": "]", "｛": "{", "｝": "}", "：": "=", "＃": "#", "\u{3000}": " ",
  ]

  var label: String {
    switch self {
    case .endOfFile: "文件结尾"
    case .newline: "换行"
    case .whitespace: "空白"
    case .controlCharacter: "控制字符"
    case .character(let text): "“\(text)”"
    case .fullWidth(let text, _): "“\(text)”"
    }
  }
}

/// What the TOML reader expected at a syntax error.
public enum SyntaxExpectation: Hashable, Sendable {
  case lineEnd, key, value, unquotedText, equals, closingBracket, closingDoubleBracket
  case commaOrBracket, commaOrBrace, closingBrace

  var label: String {
    switch self {
    case .lineEnd: "换行"
    case .key: "键名"
    case .value: "值"
    case .unquotedText: "值（文字要用英文双引号括起来）"
    case .equals: "="
    case .closingBracket: "]"
    case .closingDoubleBracket: "]]"
    case .commaOrBracket: "逗号或 ]"
    case .commaOrBrace: "逗号或 }"
    case .closingBrace: "}"
    }
  }
}

/// The rule a value broke, for `invalidValue`.
public enum ValueRule: Hashable, Sendable {
  case yearRange, pinyinLetters, positiveCapacity, monthDay, nonNegativeCount
  case percent, positiveCount, choiceCount, distinctChoices, trueFalseWithChoices
  case nonEmptyList, ratingScale, repeatedValue
  /// `max_topics` beyond 1 and the number of topics (which it names).
  case maxTopics(topicCount: Int)
  /// `end_date` before the session's `date` (which it names).
  case notBeforeDate(String)

  var label: String {
    switch self {
    case .yearRange: "应为 2000 到 2100 之间的年份"
    case .pinyinLetters: "只能写小写拼音字母和空格，不带声调，如 \"chong wen\""
    case .positiveCapacity: "名额应大于 0"
    case .monthDay: "应写作“月-日”，如 \"01-01\""
    case .nonNegativeCount: "次数不能为负数"
    case .percent: "应为 1 到 100 之间的整数（百分比）"
    case .positiveCount: "应为大于 0 的整数"
    case .choiceCount:
      "选择题应有 \(Question.choiceLimits.lowerBound) 到 \(Question.choiceLimits.upperBound) 个选项；判断题不写 choices，answer 写 true 或 false"
    case .distinctChoices: "同一道题的选项不能重复"
    case .trueFalseWithChoices:
      "answer 写 true/false 的是判断题，不能有 choices；选择题的 answer 写选项字母，如 \"B\""
    case .notBeforeDate(let date): "结束日期不能早于本课次的开始日期 date（\(date)）"
    case .nonEmptyList: "至少要写一项；不写这个字段表示全部"
    case .ratingScale:
      "每个评价问题应有 \(Evaluation.answerLimits.lowerBound) 到 \(Evaluation.answerLimits.upperBound) 个答案，从最差写到最好，如 [\"没用\", \"用处不大\", \"一般\", \"有用\", \"很有用\"]"
    case .repeatedValue: "同一个取值只能写一次"
    case .maxTopics(let topicCount):
      "最多可选的主题数应为 1 到 \(max(1, min(topicCount, Survey.topicLimits.upperBound))) 之间的整数（不能多于 [[topic]] 的个数）"
    }
  }
}

/// The parts of a catalog that diagnostics name.
public enum CatalogEntryKind: Hashable, Sendable {
  case catalogFile, catalogTable, yearTable, category, course, session, requirement
  case lesson, quiz, question
  case evaluationFile, evaluationQuestion, surveyFile, surveyTable, surveyTopic

  public var label: String {
    switch self {
    case .catalogFile: "catalog.toml "
    case .catalogTable: "[catalog] 表"
    case .yearTable: "[year] 表"
    case .category: "类别"
    case .course: "课程"
    case .session: "课次"
    case .requirement: "要求"
    case .lesson: "课件页"
    case .quiz: "[course.quiz] 表"
    case .question: "试题"
    case .evaluationFile: "evaluation.toml "
    case .evaluationQuestion: "评价问题 [[question]] "
    case .surveyFile: "survey.toml "
    case .surveyTable: "[survey] 表"
    case .surveyTopic: "调研主题 [[topic]] "
    }
  }

  /// Why a count is limited, after `countOutOfRange`'s message.
  var countHint: String {
    switch self {
    case .evaluationQuestion: "：党员学完课程后登录时回答，问题要少而精"
    case .surveyTopic: "：党员用数字键 1-8 选择主题，9 进入下一步"
    default: ""
    }
  }
}

/// Chinese names of TOML types, for "应为…，实际是…" messages.
public enum ValueTypeLabel {
  public static let string = "字符串（用双引号括起来）"
  public static let integer = "整数"
  public static let number = "数字"
  public static let bool = "布尔值 true 或 false"
  public static let date = "日期（如 2026-12-05，不加引号）"
  public static let array = "数组 [ … ]"
  public static let table = "表"
  public static let arrayOfTables = "表数组（用 [[…]] 写成）"
  public static let answer = "选项字母（如 \"B\"，多选题如 \"AC\"）或判断题的 true、false"

  public static func of(_ value: TOMLValue) -> String {
    switch value.kind {
    case .string: "字符串"
    case .integer: "整数"
    case .float: "小数"
    case .bool: "布尔值"
    case .dateTime(let dateTime):
      dateTime.date == nil ? "时间" : dateTime.time == nil ? "日期" : "日期时间"
    case .array: "数组"
    case .table: "表"
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

/// Reasons the loader gives when a file cannot be read: Chinese for every case, with the
/// system's error number only where no Chinese text fits.
enum LoaderText {
  static let missing = "目录不存在"
  static let notADirectory = "不是目录"
  static let fileMissing = "文件不存在"
  static let permissionDenied = "没有读取权限"
  static let pathHasFile = "路径中有一项不是目录"
  static let isDirectory = "这是目录，不是文件"

  static func reason(_ failure: FileSystem.Failure, isDirectory: Bool = false) -> String {
    switch failure {
    case .missing: isDirectory ? missing : fileMissing
    case .notADirectory: isDirectory ? notADirectory : pathHasFile
    case .isDirectory: Self.isDirectory
    case .notARegularFile(let kind): "不是普通文件（\(special(kind))），没有读取"
    case .tooLarge(let bytes):
      "文件太大（\(megabytes(bytes)) MB，最多 \(FileSystem.maximumFileSize >> 20) MB），没有读取"
    case .system(let code): system(code)
    }
  }

  private static func special(_ kind: FileSystem.SpecialFile) -> String {
    switch kind {
    case .fifo: "是命名管道 FIFO"
    case .characterDevice: "是字符设备"
    case .blockDevice: "是块设备"
    case .socket: "是套接字"
    case .other: "是特殊文件"
    }
  }

  private static func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10) >> 20
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// The system's failures a curator or administrator can meet, in Chinese.
  static func system(_ code: Int32) -> String {
    switch code {
    case EACCES, EPERM: permissionDenied
    case ELOOP: "符号链接太多层或构成循环"
    case ENAMETOOLONG: "路径太长"
    case EIO: "读取时发生输入输出错误（磁盘或网络故障？）"
    case EMFILE, ENFILE: "打开的文件太多，请稍后再试"
    case ENOMEM: "内存不足"
    case ENXIO, ENODEV: "设备不存在"
    case EOVERFLOW, EFBIG: "文件太大"
    case ETXTBSY, EBUSY: "文件正被占用"
    default: "系统错误（错误码 \(code)）"
    }
  }
}
