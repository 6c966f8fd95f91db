import Catalog

/// The Chinese text of the command line: help, summaries and messages.
enum CommandText {
  static let rootAbstract = "党员教育培训菜单式课程目录：浏览课程、选学、查看学时。"
  static let rootDiscussion = """
    不带子命令时打开课程目录界面（数字键选择，0 返回）。
    课程目录是 TOML 文本文件，默认在 data/ 目录；用 --catalog 指定其他目录。
    """
  static let browseAbstract = "打开课程目录界面（默认）。"
  static let checkAbstract = "检查课程目录文件，列出全部错误和警告。"
  static let checkDiscussion = """
    每条问题按“文件:行:列: error[代码]: 说明”（警告为 warning[代码]）列出，最后是目录概况。
    每个代码的含义和改法见 data/README.md。
    退出码：0 没有错误；1 目录有错误；2 用法错误或文件无法读取。
    """
  static let checkDirectoryHelp = "课程目录所在的目录（默认 data）。"
  static let checkTwoDirectories = "目录参数和 --catalog 指定了不同的目录，请只写一个。"
  static let catalogOptionHelp = "课程目录所在的目录（默认 data）。"
  static let rulesOptionHelp = "学时规则文件（默认为目录中的 rules.toml）。"
  static let tomlJSONAbstract = "从标准输入读取一个 TOML 文档，输出带类型的 JSON（供格式测试使用）。"
  static let stdinUnreadable = "无法读取标准输入"
  /// The one line that tells administrators the catalog is broken and an older one is served
  /// (standard error at start, and the start screen).
  static func servingLastGood(_ saved: LocalDate) -> String {
    "目录有错误，正在使用 \(saved) 的目录（用 course-menu check 查看并改正错误）"
  }

  static func summaryHeader(_ catalog: Catalog) -> String {
    "\(catalog.title)（\(catalog.issuer)，\(catalog.year) 年度）：\(catalog.categories.count) 个类别，\(catalog.courses.count) 门课程"
  }

  static func summaryCategoryLine(_ category: Category, courseCount: Int, hours: StudyHours)
    -> String
  {
    "  \(category.title)（\(category.id)）：\(courseCount) 门课程，共 \(hours) 学时"
  }

  static func checkTally(_ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    return "检查完成：\(errors) 个错误，\(warnings) 个警告"
  }
}
