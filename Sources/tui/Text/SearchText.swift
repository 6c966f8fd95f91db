import Catalog

// MARK: - Search: every word the search screen shows

extension ScreenText {
  static let mainMenuSearch = "搜索课程"
  static let searchHeading = "搜索课程"
  static let searchLabel = "搜索："
  static let searchPrompt = "输入课程名称、拼音或首字母，如 lxxn（理想信念）、wenshi（温室）、大棚。"
  static func searchFound(_ count: Int) -> String { "找到 \(count) 门课程，按数字键打开。" }
  static func searchNothingFound(_ query: String) -> String {
    "没有找到“\(query)”的课程：按退格键修改，按 0 清空重输。"
  }
  static let searchTypeFirst = "请先输入要找的课程"
  static let searchNoResults = "没有找到课程，请修改搜索内容"
  static let searchEmptyBox = "搜索框已经是空的：按 0 或 Esc 返回"
  static let columnMatch = "说明"

  /// Why a result that did not match by its title is listed (the title match is highlighted
  /// instead, and the course's category is shown).
  static func searchCue(_ match: SearchMatch, matchedText: String?) -> String? {
    switch match {
    case .keyword: matchedText.map { "关键词：\($0)" }
    case .id: matchedText.map { "编号：\($0)" }
    case .category: matchedText.map { "类别：\($0)" }
    case .summary: "简介中有"
    case .exactTitle, .titlePrefix, .titleSubstring, .titlePinyinPrefix, .titlePinyin: nil
    }
  }

  static let keyNameTyping = "字母/汉字"
  static let keyDelete = "删字"
  static let keyClear = "清空"

  static let helpSearchSection: HelpSection = (
    "搜索课程（在任何列表按 /，或在主菜单选“搜索课程”）：",
    [
      ("字母、汉字", "输入要找的课程：课程名称的汉字、拼音（wenshi）、拼音首字母（lxxn），或关键词。每输入一个字，结果立刻更新。搜索时 q、j、k 和空格也是输入的字。"),
      ("1-9", "打开标着这个数字的结果（搜索时数字键不会输入到搜索框）；结果超过九个时 8、9 翻页。"),
      ("回车", "打开光标所在的结果（开始时是第 1 个）。"),
      ("上下方向键", "在结果中移动光标。"),
      ("退格", "删去最后一个字。"),
      ("0", "清空搜索框；搜索框为空时返回上一屏。"),
      ("Esc", "返回上一屏。"),
    ]
  )
}
