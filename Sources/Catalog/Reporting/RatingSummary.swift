/// `report ratings`: the year's ratings (评学) per course and per provider and instructor, as
/// averages per question — and nothing about a course fewer than `minimumRatings` members
/// rated, since a handful of answers could be told apart.
///
/// A provider's or instructor's figures add up only the courses shown: were a hidden course
/// in them, its answers could be had by subtracting the shown courses from the sum.
public struct RatingSummary: Sendable {
  /// Fewer ratings than this and a course is not shown.
  public static let minimumRatings = 5

  /// Ratings added up: how many, and per question the count of each answer.
  public struct Figures: Hashable, Sendable {
    public var ratings = 0
    public var counts: [String: [Int: Int]] = [:]

    public init() {}

    init(_ course: CourseRatings) {
      ratings = course.ratings
      counts = course.counts
    }

    mutating func add(_ other: Figures) {
      ratings += other.ratings
      for (question, values) in other.counts {
        for (value, count) in values { counts[question, default: [:]][value, default: 0] += count }
      }
    }

    /// How many answered the question.
    public func answers(to questionID: String) -> Int {
      counts[questionID]?.values.reduce(0, +) ?? 0
    }

    /// The mean answer to the question in hundredths, rounded half up (`420` is 4.20); nil
    /// when nobody answered it.
    public func averageHundredths(of questionID: String) -> Int? {
      guard let values = counts[questionID] else { return nil }
      let answers = values.values.reduce(0, +)
      guard answers > 0 else { return nil }
      let sum = values.reduce(0) { $0 + $1.key * $1.value }
      return (sum * 200 + answers) / (answers * 2)
    }
  }

  public let year: Int
  /// The questions of the catalog's `evaluation.toml`, then any other question id the counts
  /// hold (one a curator has since removed), by id.
  public let questions: [(id: String, text: String?)]
  /// The courses with at least `minimumRatings` ratings, by title then id.
  public let courses: [(course: CourseRatings, figures: Figures)]
  /// How many courses were rated, but by fewer members.
  public let hiddenCourses: Int
  /// Over the shown courses, by name; courses without one are left out.
  public let providers: [(name: String, figures: Figures)]
  public let instructors: [(name: String, figures: Figures)]

  public init(year: Int, ratings: [CourseRatings], evaluation: Evaluation?) {
    self.year = year
    let shown = ratings.filter { $0.ratings >= Self.minimumRatings }.sorted {
      ($0.title, $0.courseID) < ($1.title, $1.courseID)
    }
    hiddenCourses = ratings.count - shown.count
    courses = shown.map { ($0, Figures($0)) }
    let known = evaluation?.questions ?? []
    let others = Set(shown.flatMap(\.counts.keys)).subtracting(known.map(\.id)).sorted()
    questions = known.map { ($0.id, $0.text) } + others.map { ($0, nil) }
    providers = Self.grouped(shown, by: \.provider)
    instructors = Self.grouped(shown, by: \.instructor)
  }

  private static func grouped(
    _ courses: [CourseRatings], by name: KeyPath<CourseRatings, String?>
  ) -> [(name: String, figures: Figures)] {
    var groups: [String: Figures] = [:]
    for course in courses {
      guard let key = course[keyPath: name] else { continue }
      groups[key, default: Figures()].add(Figures(course))
    }
    return groups.keys.sorted().map { ($0, groups[$0]!) }
  }
}
