/// What a member still needs, in words (学时 accounting).
public enum AccountingText {
  /// `还需 8 学时`; when only some forms count, the shorter of what counts and what does not:
  /// `还需 8 学时（只计集中培训）`, `还需 8 学时（不计自学）`.
  public static func missingHours(_ hours: StudyHours, forms: [CourseForm]?) -> String {
    guard let forms else { return "还需 \(hours) 学时" }
    let excluded = CourseForm.allCases.filter { !forms.contains($0) }
    let qualifier =
      excluded.count < forms.count
      ? "不计" + excluded.map(\.label).joined(separator: "、")
      : "只计" + forms.map(\.label).joined(separator: "、")
    return "还需 \(hours) 学时（\(qualifier)）"
  }

  public static func missingConcentrated(_ count: Int) -> String { "还需参加 \(count) 次集中培训" }

  /// `党员年度集中学习培训：还需 8 学时；新党员……：还需参加 1 次集中培训`.
  public static func summary(_ unmet: [(title: String, missing: [String])]) -> String {
    unmet.map { "\($0.title)：\($0.missing.joined(separator: "，"))" }.joined(separator: "；")
  }
}
