/// The whole loaded catalog: immutable, indexed by id and by category, in menu order.
///
/// Build one with `CatalogLoader`, or open a compiled one (`CatalogImageStore`): the same
/// value either way, its courses held in memory or read from the mapped image when used
/// (`CourseList`). Screens and rules read it and never change it.
public struct Catalog: Sendable {
  public let title: String
  public let issuer: String
  /// The training year this catalog serves.
  public let year: Int
  /// Categories in menu order.
  public let categories: [Category]
  /// Every course, grouped by category in menu order, file order within a category.
  public let courses: CourseList
  public let rules: Rules
  /// The rating questions (评学, `evaluation.toml`); nil when the catalog has none.
  public internal(set) var evaluation: Evaluation?
  /// The yearly needs survey (需求调研, `survey.toml`); nil when the catalog has none.
  public internal(set) var survey: Survey?

  private let categoryIndexByID: [String: Int]
  /// For each category index, the range of `courses` it owns, and their hours.
  let courseRangeByCategory: [Range<Int>]
  let hoursByCategory: [StudyHours]

  /// Orders categories and courses for the menu and builds the indexes.
  public init(
    title: String, issuer: String, year: Int, categories: [Category],
    courses: some Sequence<Course>, rules: Rules
  ) {
    self.init(
      title: title, issuer: issuer, year: year, categories: categories,
      courseGroups: [Array(courses)], rules: rules)
  }

  /// The same from courses in groups (one per file, in file order), so the loader's groups
  /// are copied once, straight into menu order.
  init(
    title: String, issuer: String, year: Int, categories: [Category], courseGroups: [[Course]],
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
    let categoryIndex = Self.firstIndexByID(orderedCategories)
    self.categoryIndexByID = categoryIndex
    // Where each course goes: its category's place, then its place in the files.
    var placements: [(category: Int, group: Int, index: Int)] = []
    for (group, courses) in courseGroups.enumerated() {
      for index in courses.indices {
        if let category = categoryIndex[courses[index].categoryID] {
          placements.append((category, group, index))
        }
      }
    }
    placements.sort { ($0.category, $0.group, $0.index) < ($1.category, $1.group, $1.index) }
    var ordered: [Course] = []
    ordered.reserveCapacity(placements.count)
    var ranges = [Range<Int>](repeating: 0..<0, count: orderedCategories.count)
    for placement in placements {
      ordered.append(courseGroups[placement.group][placement.index])
      let range = ranges[placement.category]
      ranges[placement.category] =
        range.isEmpty ? ordered.count - 1..<ordered.count : range.lowerBound..<ordered.count
    }
    // Categories without courses get an empty range at their place in the order.
    var next = 0
    for index in ranges.indices {
      if ranges[index].isEmpty {
        ranges[index] = next..<next
      } else {
        next = ranges[index].upperBound
      }
    }
    self.courses = CourseList(ordered)
    self.courseRangeByCategory = ranges
    hoursByCategory = ranges.map { range in
      ordered[range].reduce(StudyHours.zero) { $0 + $1.hours }
    }
  }

  /// A catalog whose courses are already in menu order with their category ranges worked
  /// out: one read from an image.
  init(
    title: String, issuer: String, year: Int, categories: [Category], courses: CourseList,
    rules: Rules, courseRangeByCategory: [Range<Int>], hoursByCategory: [StudyHours]
  ) {
    self.title = title
    self.issuer = issuer
    self.year = year
    self.categories = categories
    self.courses = courses
    self.rules = rules
    self.courseRangeByCategory = courseRangeByCategory
    self.hoursByCategory = hoursByCategory
    categoryIndexByID = Self.firstIndexByID(categories)
  }

  private static func firstIndexByID(_ categories: [Category]) -> [String: Int] {
    var index: [String: Int] = [:]
    for (position, category) in categories.enumerated() where index[category.id] == nil {
      index[category.id] = position
    }
    return index
  }

  public func course(id: String) -> Course? { courses.index(ofID: id).map { courses[$0] } }

  public func category(id: String) -> Category? { categoryIndexByID[id].map { categories[$0] } }

  /// The courses of one category, in menu order.
  public func courses(inCategory id: String) -> Slice<CourseList> {
    guard let index = categoryIndexByID[id] else { return courses[0..<0] }
    return courses[courseRangeByCategory[index]]
  }

  /// Total hours of the courses in one category (worked out once, not per call).
  public func totalHours(inCategory id: String) -> StudyHours {
    categoryIndexByID[id].map { hoursByCategory[$0] } ?? .zero
  }
}

extension Catalog {
  /// The same catalog with these rating questions and this needs survey (tests, tools).
  public func with(evaluation: Evaluation?, survey: Survey?) -> Catalog {
    var catalog = self
    catalog.evaluation = evaluation
    catalog.survey = survey
    return catalog
  }
}
