import Catalog

@testable import tui

/// The rating and survey screens' fixtures: the member screens' catalog with two rating
/// questions and a four-topic survey, and the member of `MemberFixtures.records`, credited
/// 冬训 (farm-winter) and 党史学习教育 (ideals-history) this year: at login they are asked to
/// rate both, then the survey.
enum FeedbackFixtures {
  static let evaluation = Evaluation(
    intro: "让党员作评价，从基层看效果。回答不记姓名和编号。",
    questions: [
      EvaluationQuestion(
        id: "useful", text: "这门课的内容对您有用吗？学了用得上吗？", answers: ["没用", "用处不大", "一般", "有用", "很有用"]),
      EvaluationQuestion(id: "lively", text: "讲得生动、好懂吗？", answers: ["难懂", "一般", "好懂"]),
    ])

  static let survey = Survey(
    title: "党员教育培训需求调研", intro: "想学什么、学什么有用？请选出您最想学的内容和喜欢的学习方式。",
    maxTopics: 3,
    topics: [
      SurveyTopic(id: "ideals", title: "理想信念和党性教育", categoryID: "ideals"),
      SurveyTopic(id: "greenhouse", title: "温室蔬菜栽培", categoryID: "farming"),
      SurveyTopic(id: "orchard", title: "特色林果和果木管理", categoryID: "farming"),
      SurveyTopic(id: "ecommerce", title: "电商技术和创业就业"),
    ], forms: [.concentrated, .remote, .online], seasons: [.spring, .winter])

  static let catalog = MemberFixtures.catalog.with(evaluation: evaluation, survey: survey)

  /// Logged in as `records`' member on `catalog`: the first rating is shown.
  static func loggedIn(
    _ records: MemberRecords = MemberFixtures.records, width: Int = 80, height: Int = 24
  ) -> AppState {
    var state = MemberFixtures.loggedIn(records, catalog: catalog)
    state.size = Size(width: width, height: height)
    return state
  }

  /// `records` once the member has been asked these.
  static func asked(
    _ courses: [String], survey: SurveyState? = nil,
    _ records: MemberRecords = MemberFixtures.records
  ) -> MemberRecords {
    var records = records
    records.feedback = FeedbackState(
      ratedCourses: Set(courses.map { RatedCourse(courseID: $0, year: 2026) }),
      surveys: survey.map { [2026: $0] } ?? [:])
    return records
  }
}
