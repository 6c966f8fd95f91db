extension RecordsText {
  /// The demo members (`course-menu --demo`).
  public enum Demo {
    public static let names = ["王建国", "李秀英", "张伟", "陈小红", "赵明"]
    public static let village = "红旗村党支部"
    public static let community = "幸福社区党支部"
  }
}
