import Foundation
import Testing

@testable import Catalog

/// 需求调研 in the records: answered once a year, declining at login remembered (and an answer
/// still taken afterwards), counted per branch; and the prompts a login asks.
@Suite struct SurveyRecordsTests {
  static let survey = Survey(
    title: "需求调研", maxTopics: 2,
    topics: [
      SurveyTopic(id: "planting", title: "种植技术", categoryID: "farming"),
      SurveyTopic(id: "ideals", title: "理想信念", categoryID: "ideals"),
      SurveyTopic(id: "other", title: "其他"),
    ], forms: [.onsite, .concentrated])

  static func store(_ engine: RecordsEngineKind = .sqlite) throws -> TemporaryStore {
    let temporary = try TemporaryStore(engine)
    _ = try temporary.store.importMembers([
      draft("1", branch: "一支部"), draft("2", branch: "一支部"), draft("3", branch: "二支部"),
    ])
    return temporary
  }

  @Test(arguments: RecordsEngineKind.all)
  func answeredOnceAYearAndCountedPerBranch(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let store = temporary.store
    let answers = SurveyAnswers(topics: ["planting", "other"], form: .onsite, season: nil)
    #expect(try store.answerSurvey(answers, survey: Self.survey, year: 2026, memberID: "1"))
    // Once a year: the second time counts nothing.
    #expect(try !store.answerSurvey(answers, survey: Self.survey, year: 2026, memberID: "1"))
    // Declined at login, then answered from the menu.
    #expect(try store.declineSurvey(year: 2026, memberID: "2"))
    #expect(try store.feedbackState(of: "2").surveys == [2026: .declined])
    #expect(try !store.declineSurvey(year: 2026, memberID: "2"))
    #expect(try store.surveyTally(year: 2026, branch: "一支部").declined == 1)
    #expect(
      try store.answerSurvey(
        SurveyAnswers(topics: ["planting"], form: nil, season: .winter), survey: Self.survey,
        year: 2026, memberID: "2"))
    // Answered: declining later changes nothing.
    #expect(try !store.declineSurvey(year: 2026, memberID: "2"))
    #expect(try store.feedbackState(of: "2").surveys == [2026: .answered])
    #expect(
      try store.answerSurvey(
        SurveyAnswers(topics: ["ideals"], form: .concentrated, season: .spring),
        survey: Self.survey, year: 2026, memberID: "3"))
    // Next year's survey is another one.
    #expect(try store.declineSurvey(year: 2027, memberID: "1"))
    #expect(try store.feedbackState(of: "1").surveys == [2026: .answered, 2027: .declined])

    #expect(
      try store.surveyTally(year: 2026, branch: "一支部")
        == SurveyTally(
          respondents: 2, declined: 0, topics: ["planting": 2, "other": 1],
          forms: ["onsite": 1, "any": 1], seasons: ["any": 1, "winter": 1]))
    #expect(
      try store.surveyTally(year: 2026)
        == SurveyTally(
          respondents: 3, declined: 0, topics: ["planting": 2, "other": 1, "ideals": 1],
          forms: ["onsite": 1, "any": 1, "concentrated": 1],
          seasons: ["any": 1, "winter": 1, "spring": 1]))
    #expect(try store.surveyTally(year: 2027) == SurveyTally(declined: 1))
  }

  @Test(arguments: RecordsEngineKind.all)
  func answersThatDoNotFitTheSurveyAreRefused(_ engine: RecordsEngineKind) throws {
    let temporary = try Self.store(engine)
    defer { temporary.remove() }
    let refused: [SurveyAnswers] = [
      SurveyAnswers(topics: []),
      SurveyAnswers(topics: ["planting", "ideals", "other"]),
      SurveyAnswers(topics: ["planting", "planting"]),
      SurveyAnswers(topics: ["fishing"]),
      SurveyAnswers(topics: ["planting"], form: .online),
    ]
    for answers in refused {
      #expect(throws: RecordsError.surveyAnswersDoNotFit) {
        try temporary.store.answerSurvey(answers, survey: Self.survey, year: 2026, memberID: "1")
      }
    }
    var noSteps = Self.survey
    noSteps.forms = []
    noSteps.seasons = []
    #expect(throws: RecordsError.surveyAnswersDoNotFit) {
      try temporary.store.answerSurvey(
        SurveyAnswers(topics: ["planting"], season: .winter), survey: noSteps, year: 2026,
        memberID: "1")
    }
    #expect(
      try temporary.store.answerSurvey(
        SurveyAnswers(topics: ["planting"]), survey: noSteps, year: 2026, memberID: "1"))
    #expect(
      try temporary.store.surveyTally(year: 2026)
        == SurveyTally(respondents: 1, topics: ["planting": 1]))
  }
}

/// What a login asks, worked out from the credits and what the member was asked before.
@Suite struct FeedbackPromptTests {
  static func catalog(evaluation: Evaluation?, survey: Survey?) -> Catalog {
    var catalog = Catalog(
      title: "目录", issuer: "县委组织部", year: 2026,
      categories: ["ideals", "farming"].map {
        Category(
          id: $0, title: $0, location: SourceLocation(path: "catalog.toml", line: 1, column: 1))
      },
      courses: [
        course("ideals-oath", form: .onsite), course("ideals-read", form: .selfstudy),
        course("farm-veg", form: .remote, category: "farming"),
      ], rules: Rules(requirements: [], path: "rules.toml"))
    catalog.evaluation = evaluation
    catalog.survey = survey
    return catalog
  }

  static func credit(_ id: String, _ date: String) -> Credit {
    Credit(
      courseID: id, courseTitle: id, categoryID: "ideals", date: day(date), hours: StudyHours(2),
      form: .onsite, source: "考勤登记")
  }

  static let credits = [
    credit("farm-veg", "2026-05-02"), credit("ideals-oath", "2026-03-01"),
    credit("ideals-oath", "2026-06-01"), credit("ideals-read", "2026-02-01"),
    credit("gone-course", "2026-02-02"), credit("farm-veg", "2025-12-30"),
  ]

  @Test func creditedCoursesOfTheYearThenTheSurvey() {
    let catalog = Self.catalog(
      evaluation: RatingRecordsTests.evaluation, survey: SurveyRecordsTests.survey)
    // Oldest credit first; self-study is not rated, a course the catalog lost cannot be, and
    // last year's credit is not asked about.
    #expect(
      catalog.feedbackPrompts(credits: Self.credits, state: FeedbackState())
        == [.rate(courseID: "ideals-oath"), .rate(courseID: "farm-veg"), .survey])
    let asked = FeedbackState(
      ratedCourses: [RatedCourse(courseID: "ideals-oath", year: 2026)], surveys: [2026: .declined])
    #expect(
      catalog.feedbackPrompts(credits: Self.credits, state: asked) == [.rate(courseID: "farm-veg")])
    // Last year's answers do not stand for this year's.
    let lastYear = FeedbackState(
      ratedCourses: [RatedCourse(courseID: "farm-veg", year: 2025)], surveys: [2025: .answered])
    #expect(
      catalog.feedbackPrompts(credits: Self.credits, state: lastYear)
        == [.rate(courseID: "ideals-oath"), .rate(courseID: "farm-veg"), .survey])
  }

  @Test func nothingWithoutTheFiles() {
    #expect(
      Self.catalog(evaluation: nil, survey: nil).feedbackPrompts(
        credits: Self.credits, state: FeedbackState()
      ).isEmpty)
    #expect(
      Self.catalog(evaluation: nil, survey: SurveyRecordsTests.survey).feedbackPrompts(
        credits: Self.credits, state: FeedbackState()) == [.survey])
  }
}
