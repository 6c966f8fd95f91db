/// The checks that need every file at once: unique ids, known categories, prerequisites that
/// exist and do not form cycles, and categories that hold something.
struct CatalogValidator {
  let categories: [Decoded<Category>]
  let courses: [CourseFileDecoder.CourseEntry]
  let requirements: [Decoded<Requirement>]
  /// Off when catalog.toml could not be read: then no category is known, and reporting
  /// every course's category as unknown would bury the real error.
  let categoriesComplete: Bool
  /// Off when a course file could not be read: its courses are missing, not absent, so
  /// neither empty categories nor prerequisites naming them are reported.
  let coursesComplete: Bool
  /// The categories the survey's topics name (`survey.toml`).
  var surveyCategories: [SurveyFileDecoder.CategoryReference] = []
  private var diagnostics: [Diagnostic] = []

  init(
    categories: [Decoded<Category>], courses: [CourseFileDecoder.CourseEntry],
    requirements: [Decoded<Requirement>], categoriesComplete: Bool, coursesComplete: Bool
  ) {
    self.categories = categories
    self.courses = courses
    self.requirements = requirements
    self.categoriesComplete = categoriesComplete
    self.coursesComplete = coursesComplete
  }

  mutating func check() -> [Diagnostic] {
    let categoryIDs = checkUnique(categories.map { ($0.id, $0.idLocation) }, .category)
    let courseIDs = checkUnique(courses.map { ($0.id, $0.idLocation) }, .course)
    _ = checkUnique(requirements.map { ($0.id, $0.idLocation) }, .requirement)

    var coursesPerCategory: [String: Int] = [:]
    for entry in courses {
      if let categoryID = entry.categoryID {
        if categoryIDs[categoryID] != nil {
          coursesPerCategory[categoryID, default: 0] += 1
        } else if categoriesComplete {
          report(.unknownCategory(categoryID), at: entry.categoryLocation)
        }
      }
      for (prerequisite, location) in zip(entry.prerequisites, entry.prerequisiteLocations)
      where coursesComplete && courseIDs[prerequisite] == nil {
        report(.unknownPrerequisite(prerequisite), at: location)
      }
    }
    // A course whose category could not be read may belong to an "empty" category.
    if coursesComplete, courses.allSatisfy({ $0.categoryID != nil }) {
      for category in categories where coursesPerCategory[category.id] == nil {
        report(.emptyCategory(category.id), at: category.location)
      }
    }
    checkPrerequisiteCycles(courseIDs)
    if categoriesComplete {
      for reference in surveyCategories where categoryIDs[reference.id] == nil {
        report(.unknownCategory(reference.id), at: reference.location)
      }
    }
    return diagnostics
  }

  private mutating func report(_ problem: Problem, at location: SourceLocation) {
    diagnostics.append(Diagnostic(problem, at: location))
  }

  /// Reports every repeat at the repeat, naming the first; returns id → first index.
  private mutating func checkUnique(
    _ ids: [(String, SourceLocation)], _ kind: CatalogEntryKind
  ) -> [String: Int] {
    let (first, repeats) = Self.repeats(ids, kind)
    diagnostics += repeats
    return first
  }

  /// Each id written again, as a diagnostic at the repeat naming the first; and id → first
  /// index.
  static func repeats(_ ids: [(String, SourceLocation)], _ kind: CatalogEntryKind) -> (
    first: [String: Int], diagnostics: [Diagnostic]
  ) {
    var first: [String: Int] = [:]
    first.reserveCapacity(ids.count)
    var diagnostics: [Diagnostic] = []
    for (index, (id, location)) in ids.enumerated() {
      if let earlier = first[id] {
        diagnostics.append(
          Diagnostic(.duplicateID(kind: kind, id: id, first: ids[earlier].1), at: location))
      } else {
        first[id] = index
      }
    }
    return (first, diagnostics)
  }

  /// Depth-first search without recursion (a long chain must not exhaust the stack); each
  /// cycle is reported once, at the course where it was entered.
  private mutating func checkPrerequisiteCycles(_ courseIDs: [String: Int]) {
    enum Mark { case unvisited, onPath, done }
    var marks = [Mark](repeating: .unvisited, count: courses.count)
    for start in courses.indices where marks[start] == .unvisited {
      var path: [(node: Int, next: Int)] = [(start, 0)]
      marks[start] = .onPath
      while let (node, next) = path.last {
        let prerequisites = courses[node].prerequisites
        guard next < prerequisites.count else {
          marks[node] = .done
          path.removeLast()
          continue
        }
        path[path.count - 1].next += 1
        guard let target = courseIDs[prerequisites[next]] else { continue }
        switch marks[target] {
        case .unvisited:
          marks[target] = .onPath
          path.append((target, 0))
        case .onPath:
          let cycleStart = path.firstIndex { $0.node == target } ?? 0
          let ids = path[cycleStart...].map { courses[$0.node].id } + [courses[target].id]
          report(.prerequisiteCycle(ids), at: courses[target].location)
        case .done:
          break
        }
      }
    }
  }
}
