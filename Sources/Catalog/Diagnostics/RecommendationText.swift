// The Chinese text of 为我推荐 (course recommendations), beside Problem.swift and
// RecordsText.swift: the library's user-facing text stays in Diagnostics/.

/// Why a course is recommended, in one line each.
public enum RecommendationText {
  public static func reason(_ reason: RecommendationReason) -> String {
    switch reason {
    case .concentratedMissing(let requirement, let missing):
      "集中培训：还需参加 \(missing) 次集中培训（\(requirement)）"
    case .hoursMissing(let requirement, let missing):
      "学时计入“\(requirement)”，还差 \(missing) 学时"
    case .required:
      "必修课，本年度还没有学时"
    case .forRole(let role):
      "专为\(role.label)开设"
    case .forDomain(let domain):
      "专为\(domain.label)党员开设"
    case .general:
      "全体党员都可选学"
    }
  }
}
