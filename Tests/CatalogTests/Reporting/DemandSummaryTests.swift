import Testing

@testable import Catalog

/// `report demand`: the survey's counts beside the electives selected, per category and course.
@Suite struct DemandSummaryTests {
  static let here = TrainingSummaryTests.here

  /// ideals: i1 (elective, sessions 2026-03-01 for 30 and 2026-09-01 for 20, one in 2025),
  /// i2 (required), i3 (elective, a session without capacity). farming: f1 (elective).
  static var catalog: Catalog {
    func course(
      _ id: String, _ category: String, kind: CourseKind = .elective,
      sessions: [(String, Int?)] = []
    ) -> Course {
      Course(
        id: id, title: "课程\(id)", categoryID: category, hours: StudyHours(2), kind: kind,
        form: .onsite, summary: "简介",
        sessions: sessions.map {
          CourseSession(date: day($0.0), place: "活动室", capacity: $0.1, location: here)
        }, location: here)
    }
    var catalog = Catalog(
      title: "目录", issuer: "县委组织部", year: 2026,
      categories: TrainingSummaryTests.catalog.categories,
      courses: [
        course(
          "i1", "ideals", sessions: [("2026-03-01", 30), ("2026-09-01", 20), ("2025-09-01", 9)]),
        course("i2", "ideals", kind: .required),
        course("i3", "ideals", sessions: [("2026-05-01", nil)]),
        course("f1", "farming"),
      ], rules: TrainingSummaryTests.rules)
    catalog.survey = SurveyRecordsTests.survey
    return catalog
  }

  /// Survey: 3 respondents; planting 2, ideals 1, other 1. Selections in 2026: i1 by three
  /// members, i3 by one, f1 by four, i2 (required) by two; one i1 selection from 2025 is not
  /// this year's.
  @Test func surveyBesideSelections() {
    let tally = SurveyTally(
      respondents: 3, declined: 1, topics: ["planting": 2, "ideals": 1, "other": 1],
      forms: ["onsite": 2, "any": 1], seasons: ["winter": 3])
    var selections: [(courseID: String, day: LocalDate)] = []
    selections += Array(repeating: ("i1", day("2026-02-01")), count: 3)
    selections += [("i1", day("2025-12-31")), ("i3", day("2026-04-01"))]
    selections += Array(repeating: ("f1", day("2026-06-01")), count: 4)
    selections += Array(repeating: ("i2", day("2026-06-01")), count: 2)
    let summary = DemandSummary(
      year: TrainingSummaryTests.rules.trainingYear(2026), catalog: Self.catalog, tally: tally,
      selections: selections)
    #expect(summary.topics.map(\.topic.id) == ["planting", "ideals", "other"])
    #expect(summary.topics.map(\.votes) == [2, 1, 1])
    #expect(summary.forms.map(\.form) == [.onsite, .concentrated, nil])
    #expect(summary.forms.map(\.votes) == [2, 0, 1])
    #expect(summary.seasons.map(\.season) == [.spring, .winter, nil])
    #expect(summary.seasons.map(\.votes) == [0, 3, 0])
    #expect(summary.categories.map(\.category.id) == ["ideals", "farming"])
    // ideals: the topic "ideals" has 1 vote; electives i1 (3) and i3 (1): 4; i2 is required.
    let ideals = summary.categories[0]
    #expect(ideals.topicVotes == 1 && ideals.selected == 4)
    #expect(ideals.courses.map(\.course.id) == ["i1", "i3"])
    #expect(ideals.courses.map(\.sessions) == [2, 1])
    #expect(ideals.courses.map(\.seats) == [50, nil])
    // farming: "planting" has 2 votes; f1 selected by 4, no session yet.
    let farming = summary.categories[1]
    #expect(farming.topicVotes == 2 && farming.selected == 4)
    #expect(farming.courses.map(\.sessions) == [0])
    #expect(farming.courses.map(\.seats) == [0])
  }

  /// Without a survey: no topics, forms or seasons, the selections still.
  @Test func withoutASurvey() {
    var catalog = Self.catalog
    catalog.survey = nil
    let summary = DemandSummary(
      year: TrainingSummaryTests.rules.trainingYear(2026), catalog: catalog, tally: SurveyTally(),
      selections: [("f1", day("2026-06-01"))])
    #expect(summary.topics.isEmpty && summary.forms.isEmpty && summary.seasons.isEmpty)
    #expect(summary.categories[1].selected == 1)
  }
}
