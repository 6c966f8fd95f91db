import Testing

@testable import Catalog

/// `report ratings`: averages per question, a course with fewer than 5 ratings hidden, and a
/// provider's or instructor's figures adding up only the courses shown.
@Suite struct RatingSummaryTests {
  static func ratings(
    _ id: String, title: String, provider: String?, instructor: String?, useful: [Int: Int],
    lively: [Int: Int]
  ) -> CourseRatings {
    CourseRatings(
      courseID: id, year: 2026, title: title, provider: provider, instructor: instructor,
      ratings: useful.values.reduce(0, +), counts: ["useful": useful, "lively": lively])
  }

  /// A: 5 ratings, useful 5,5,4,4,3 (average 21/5 = 4.20), lively 3 ×5 (3.00).
  /// B: 4 ratings: hidden. C: 6 ratings, useful 1 ×6 (1.00), lively 2 ×6 (2.00), and an old
  /// question "clear" answered 4 ×2 (4.00).
  static let all = [
    ratings(
      "a", title: "甲课程", provider: "县委党校", instructor: "王老师", useful: [5: 2, 4: 2, 3: 1],
      lively: [3: 5]),
    ratings(
      "b", title: "乙课程", provider: "县委党校", instructor: "王老师", useful: [1: 4], lively: [1: 4]),
    {
      var c = ratings(
        "c", title: "丙课程", provider: "县委党校", instructor: nil, useful: [1: 6], lively: [2: 6])
      c.counts["clear"] = [4: 2]
      return c
    }(),
  ]

  @Test func fewerThanFiveRatingsAreNotShown() {
    let summary = RatingSummary(
      year: 2026, ratings: Self.all, evaluation: RatingRecordsTests.evaluation)
    #expect(summary.courses.map(\.course.courseID) == ["c", "a"])  // 丙 before 甲 by title
    #expect(summary.hiddenCourses == 1)
    let a = summary.courses[1].figures
    #expect(a.averageHundredths(of: "useful") == 420)
    #expect(a.averageHundredths(of: "lively") == 300)
    #expect(a.answers(to: "useful") == 5)
    #expect(a.averageHundredths(of: "clear") == nil)
    // The catalog's questions first, then one the counts still hold.
    #expect(summary.questions.map(\.id) == ["useful", "lively", "clear"])
    #expect(summary.questions.map(\.text) == ["有用吗？", "好懂吗？", nil])
    // Exactly five is enough.
    #expect(RatingSummary.minimumRatings == 5)
  }

  /// 县委党校 over A and C only (B's 4 ratings would be A+B+C minus A and C): 11 ratings,
  /// useful (21 + 6) / 11 = 2.4545… → 2.45, lively (15 + 12) / 11 = 2.4545… → 2.45. 王老师 over
  /// A alone: 5 ratings. C has no instructor and is left out of that list.
  @Test func providersAndInstructorsAddUpOnlyTheCoursesShown() {
    let summary = RatingSummary(
      year: 2026, ratings: Self.all, evaluation: RatingRecordsTests.evaluation)
    #expect(summary.providers.map(\.name) == ["县委党校"])
    let school = summary.providers[0].figures
    #expect(school.ratings == 11)
    #expect(school.averageHundredths(of: "useful") == 245)
    #expect(school.averageHundredths(of: "lively") == 245)
    #expect(summary.instructors.map(\.name) == ["王老师"])
    #expect(summary.instructors[0].figures.ratings == 5)
    #expect(summary.instructors[0].figures.averageHundredths(of: "useful") == 420)
  }

  /// Averages round half up: 7 answers of 4 and 1 of 5 → 33/8 = 4.125 → 4.13.
  @Test func averagesRoundHalfUp() {
    var figures = RatingSummary.Figures()
    figures.counts = ["useful": [4: 7, 5: 1]]
    #expect(figures.averageHundredths(of: "useful") == 413)
  }
}
