/// Where a credit came from, as the records store writes it and every report shows it.
extension RecordsText {
  /// The source of credits written when a station's sign-in closes.
  public static func signInSource(station: Station, date: LocalDate, kind: Showing.Kind)
    -> String
  {
    "站点签到 \(station.name) \(date)" + (kind == .broadcast ? "（集中收看）" : "")
  }

  /// The source of credits entered with `credit --members`.
  public static func attendanceSource(date: LocalDate) -> String { "考勤登记 \(date)" }

  /// The source of credits entered with `credit --sheet FILE`.
  public static func sheetSource(file: String) -> String { "批量导入 \(file)" }

  /// The source of a make-up (补学) entered with `credit --unscheduled --members`.
  public static func makeUpSource(date: LocalDate) -> String { "补学登记 \(date)" }

  /// The source of make-ups entered with `credit --unscheduled --sheet FILE`.
  public static func makeUpSheetSource(file: String) -> String { "补学导入 \(file)" }

  /// The source of a credit earned by passing a course's test, with the score.
  public static func quizSource(score: Int) -> String { "网络培训测验 \(score) 分" }

  /// The source of the demo database's credits.
  public static let demoSource = "演示数据"
}
