import Catalog

/// Every word the terminal UI shows, in one place, so the wording can be reviewed and
/// changed without reading layout code.
enum ScreenText {
  // MARK: Main menu
  static let mainMenuHeading = "主菜单"
  static let mainMenuCatalog = "课程目录"
  static let mainMenuHelp = "使用帮助"
  static let mainMenuQuit = "退出"
  static let mainMenuPrompt = "请按数字键选择："
  static func mainMenuSummary(year: Int, categories: Int, courses: Int) -> String {
    "\(year) 年度课程目录：\(categories) 个类别，\(courses) 门课程。"
  }

  // MARK: Categories and courses
  static let categoriesHeading = "课程目录"
  static func categoryCourseCount(_ count: Int) -> String { "\(count) 门" }
  static func categoryTotalHours(_ hours: StudyHours) -> String { "\(hours) 学时" }
  static let noCourses = "这个类别还没有课程。"
  static let noCategories = "课程目录中还没有类别。"

  static let columnNumber = "序号"
  static let columnTitle = "课程名称"
  static let columnHours = "学时"
  static let columnForm = "形式"
  static let columnKind = "类型"
  static let columnCourseCount = "课程数"
  static let columnTotalHours = "总学时"
  static let columnCategory = "类别"

  static func courseListHeading(_ category: String, count: Int) -> String {
    "\(category)（\(count) 门课程）"
  }
  static func position(_ index: Int, of count: Int) -> String { "\(index)/\(count)" }
  static func page(_ page: Int, of pages: Int) -> String { "第 \(page)/\(pages) 页" }
  static let previousPage = "上一页"
  static let nextPage = "下一页"
  static let previewLabel = "简介："

  // MARK: Course detail
  static let detailTitle = "课程名称："
  static let detailCategory = "所属类别："
  static let detailHours = "学　　时："
  static let detailKind = "必修选修："
  static let detailForm = "学习形式："
  static let detailSummary = "课程简介："
  static let detailDescription = "详细介绍："
  static let detailInstructor = "授课单位："
  static let detailProvider = "主办单位："
  static let detailAudience = "适用对象："
  static let detailRoles = "适用身份："
  static let detailSeasons = "培训时节："
  static let detailKeywords = "关键词　："
  static let detailPinyin = "检索拼音："
  static let detailPrerequisites = "先修课程："
  static let detailID = "课程编号："
  static let detailSessions = "培训安排："
  static let everyone = "全体党员"
  static let anyRole = "不限"
  static let anySeason = "不限"
  static let noSessions = "暂无安排"
  static let listSeparator = "、"
  static func hoursValue(_ hours: StudyHours) -> String { "\(hours) 学时" }
  static func prerequisite(title: String?, id: String) -> String {
    title.map { "\($0)（\(id)）" } ?? id
  }
  static let sessionDate = "日期"
  /// `2026-05-12`, or for several days `2026-05-12 至 05-14` (the year again only when it
  /// changes): one wording for a session's days on every screen and in every command.
  static func sessionDays(_ session: CourseSession) -> String {
    guard let end = session.endDate, end != session.date else { return session.date.description }
    let last = end.description
    return "\(session.date) 至 \(end.year == session.date.year ? String(last.dropFirst(5)) : last)"
  }
  static let sessionTime = "时间"
  static let sessionPlace = "地点"
  static let sessionCapacity = "名额"
  static let sessionNoValue = "-"
  static func lineRange(_ first: Int, _ last: Int, of count: Int) -> String {
    "第 \(first)-\(last) 行，共 \(count) 行"
  }

  // MARK: Help
  static let helpHeading = "使用帮助"
  /// A section of the help: a title, and keys with what they do. The words of the search,
  /// member and 为我推荐 screens each add one, and the help screen lines up the keys of all.
  typealias HelpSection = (title: String, keys: [(key: String, action: String)])
  /// Help is sections of a title and keys with what they do, or of plain paragraphs.
  static let helpSections: [HelpSection] = [
    (
      "数字键就能完成全部操作：",
      [
        ("1-9", "选择屏幕上标着这个数字的项目。"),
        ("0", "返回上一屏；在主菜单按 0 回到开始屏幕（并退出登录），在开始屏幕按 0 再按 1 确认，退出程序。"),
        ("8、9", "项目超过九个时分页显示：每页 1-7 号是项目，8 是上一页，9 是下一页，页码显示在列表下方。"),
        ("8、9", "在课程详情和本帮助中，8 向上翻一屏，9 向下翻一屏。"),
      ]
    ),
    (
      "也可以使用这些按键：",
      [
        ("上下方向键、j、k", "移动光标（反白的一行）。"),
        ("回车、右方向键", "打开光标所在的项目。"),
        ("PgUp、PgDn", "上一页、下一页；空格键也是下一页。"),
        ("Home、End", "第一项、最后一项。"),
        ("Esc、q、左方向键", "返回上一屏。"),
        ("?", "打开本帮助。"),
      ]
    ),
    helpSearchSection,
    MemberText.helpSection,
    KioskText.helpSection,
    helpRecommendSection,
    StudyText.helpSection,
  ]
  static let helpNotes = """
    不需要功能键（F1-F12），也不需要输入中文；能用鼠标时，点一下项目就能打开。
    最上面一行是课程目录名称、发布单位和今天的日期；最下面一行列出本屏能用的按键。\
    课程列表中“必修”“选修”用文字标明，已选学、已计学时用 ✓、★ 标明（ASCII 边框时为 v、*），不只靠颜色区分。
    终端窗口至少需要 60 列、16 行。窗口太小时会提示放大窗口，放大后自动恢复。
    终端不能显示中文（区域设置不是 UTF-8，或在 Linux 字符控制台上）时，边框改用 ASCII 字符，并在底部提示。
    """

  // MARK: Frame
  static func titleBarDate(_ date: LocalDate) -> String { date.description }
  static let tooSmall = "终端太小，请放大窗口"
  static func tooSmallDetail(current: Size, minimum: Size) -> String {
    "当前 \(current.width)×\(current.height)，至少 \(minimum.width)×\(minimum.height)"
  }
  static func noSuchItem(_ digit: Int, available: ClosedRange<Int>?) -> String {
    guard let available else { return "没有第 \(digit) 项" }
    if available.lowerBound == available.upperBound {
      return "没有第 \(digit) 项，请按 \(available.lowerBound)"
    }
    return "没有第 \(digit) 项，请按 \(available.lowerBound)-\(available.upperBound)"
  }
  static let cannotOpenTerminal = "无法打开终端：请检查 TERM 环境变量，或在终端窗口中运行。"
  static let noMorePages = "已经是最后一页"
  static let noPreviousPages = "已经是第一页"

  /// Shown on the line above the keys when the terminal cannot draw Chinese; the ASCII part
  /// stays readable where the Chinese does not.
  static let asciiNoticeLocale =
    "提示：终端不能显示中文 (locale is not UTF-8: set LANG=zh_CN.UTF-8)"
  static let asciiNoticeLinuxConsole =
    "提示：字符控制台不能显示中文 (TERM=linux: use a UTF-8 terminal emulator)"

  // MARK: Keys on the bottom line
  static let keyChoose = "选择"
  static let keyBack = "返回"

  // MARK: Quitting
  static let quitHeading = "退出程序"
  static let quitQuestion = "确定要退出程序吗？"
  static let quitConfirm = "确定退出"
  static let quitCancel = "不退出，返回"
  static let keyQuit = "退出"
  static let keyMove = "移动"
  static let keyOpen = "打开"
  static let keyHelp = "帮助"
  static let keyScrollLines = "滚动"
  static let keyPreviousPage = "上一页"
  static let keyNextPage = "下一页"
  static let keyType = "输入"
  static let keyNameArrows = "上下键"
  static let keyNameEnter = "回车"
  static let keyNameBackspace = "退格"
  static let keyNameEscape = "Esc"
  static let keyNameHelp = "?"
}

/// The characters that draw the frame, in Unicode and in the ASCII fallback.
struct Glyphs: Hashable, Sendable {
  var horizontalRule: String
  var ellipsis: String
  /// Marks the row under the cursor besides reverse video, for terminals without it.
  var cursor: String
  /// A course the member selected (选学) and one credited this year, in lists.
  var selectedMark = "✓"
  var creditedMark = "★"
  /// The done and the missing part of the 我的学时 progress bar.
  var barFull = "█"
  var barEmpty = "░"

  static let unicode = Glyphs(horizontalRule: "─", ellipsis: "…", cursor: ">")
  static let ascii = Glyphs(
    horizontalRule: "-", ellipsis: "~", cursor: ">", selectedMark: "v", creditedMark: "*",
    barFull: "#", barEmpty: ".")
}
