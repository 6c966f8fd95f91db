/// The whole loaded catalog: immutable, indexed by id and by category, in menu order.
///
/// Build one with `CatalogLoader`; screens and rules read it and never change it.
public struct Catalog: Sendable {
  public let title: String
  public let issuer: String
  /// The training year this catalog serves.
  public let year: Int
  /// Categories in menu order.
  public let categories: [Category]
  /// Every course, grouped by category in menu order, file order within a category.
  public let courses: [Course]
  public let rules: Rules

  private let courseIndexByID: [String: Int]
  private let categoryIndexByID: [String: Int]
  /// For each category index, the range of `courses` it owns.
  private let courseRangeByCategory: [Range<Int>]

  /// Orders categories and courses for the menu and builds the indexes.
  public init(
    title: String, issuer: String, year: Int, categories: [Category], courses: [Course],
    rules: Rules
  ) {
    self.title = title
    self.issuer = issuer
    self.year = year
    self.rules = rules
    let orderedCategories = categories.enumerated().sorted { lhs, rhs in
      switch (lhs.element.order, rhs.element.order) {
      case (let l?, let r?) where l != r: return l < r
      case (.some, nil): return true
      case (nil, .some): return false
      default:
        if lhs.element.title != rhs.element.title { return lhs.element.title < rhs.element.title }
        return lhs.offset < rhs.offset
      }
    }.map(\.element)
    self.categories = orderedCategories
    var categoryIndex: [String: Int] = [:]
    for (index, category) in orderedCategories.enumerated() where categoryIndex[category.id] == nil
    {
      categoryIndex[category.id] = index
    }
    self.categoryIndexByID = categoryIndex
    var buckets = [[Course]](repeating: [], count: orderedCategories.count)
    for course in courses {
      if let index = categoryIndex[course.categoryID] { buckets[index].append(course) }
    }
    var ordered: [Course] = []
    ordered.reserveCapacity(courses.count)
    var ranges: [Range<Int>] = []
    for bucket in buckets {
      let start = ordered.count
      ordered.append(contentsOf: bucket)
      ranges.append(start..<ordered.count)
    }
    self.courses = ordered
    self.courseRangeByCategory = ranges
    var courseIndex: [String: Int] = [:]
    courseIndex.reserveCapacity(ordered.count)
    for (index, course) in ordered.enumerated() where courseIndex[course.id] == nil {
      courseIndex[course.id] = index
    }
    self.courseIndexByID = courseIndex
  }

  public func course(id: String) -> Course? { courseIndexByID[id].map { courses[$0] } }

  public func category(id: String) -> Category? { categoryIndexByID[id].map { categories[$0] } }

  /// The courses of one category, in menu order.
  public func courses(inCategory id: String) -> ArraySlice<Course> {
    guard let index = categoryIndexByID[id] else { return [] }
    return courses[courseRangeByCategory[index]]
  }

  /// Total hours of the courses in one category.
  public func totalHours(inCategory id: String) -> StudyHours {
    courses(inCategory: id).reduce(.zero) { $0 + $1.hours }
  }
}
