import Catalog

// MARK: - 为我推荐: the screen's words; the reasons in full come from the library's
// `RecommendationText`.

extension ScreenText {
  static let mainMenuRecommend = "为我推荐"
  static func recommendHeading(_ count: Int) -> String { "为我推荐（\(count) 门）" }
  static func recommendIntro(_ progress: YearProgress) -> String {
    switch progress.standing {
    case .met: return "您本年度的学时要求已全部完成；以下是适合您、还没有学时的课程。"
    case .noRequirement: return "本年度没有适用于您的学时要求；以下是适合您、还没有学时的课程。"
    case .unmet: return "适合您、本年度还没有学时的课程；能补上未完成要求的排在前面。"
    }
  }
  static let recommendNone = "没有可推荐的课程：适合您的课程本年度都已登记学时，或培训已结束。"
  static let recommendNotLoggedIn = "登录后才能为您推荐课程。"
  static let columnReason = "推荐理由"
  /// A few characters for the list's last column: `补集中培训`, `补学时`, `必修` ….
  static func recommendTag(_ reason: RecommendationReason) -> String {
    switch reason {
    case .concentratedMissing: "补集中培训"
    case .hoursMissing: "补学时"
    case .required: "必修"
    case .forRole(let role): "面向\(role.label)"
    case .forDomain(let domain): "面向\(domain.label)"
    case .general: "全体适用"
    }
  }
  static let recommendReasonLabel = "推荐理由："
  static let recommendNextLabel = "最近安排："
}

extension ScreenText {
  static let helpRecommendSection: HelpSection = (
    "为我推荐（登录后）：",
    [
      (
        "为我推荐",
        "主菜单中列出适合您、本年度还没有学时的课程，能补上未完成要求（如还缺的集中培训）的排在前面，每门都写明推荐理由。按数字键打开课程，再按 1 选学。"
      )
    ]
  )
}
