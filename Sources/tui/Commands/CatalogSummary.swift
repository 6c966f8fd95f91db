import Catalog

/// The few lines `check` prints after the diagnostics: what the catalog holds.
struct CatalogSummary {
  let catalog: Catalog

  var text: String { lines.joined(separator: "\n") }

  var lines: [String] {
    var lines = [CommandText.summaryHeader(catalog)]
    for category in catalog.categories {
      lines.append(
        CommandText.summaryCategoryLine(
          category,
          courseCount: catalog.courses(inCategory: category.id).count,
          hours: catalog.totalHours(inCategory: category.id)))
    }
    let studied = catalog.courses.filter { !$0.lessons.isEmpty }
    if !studied.isEmpty {
      lines.append(
        StudyText.summaryLine(
          courses: studied.count, pages: studied.reduce(0) { $0 + $1.lessons.count },
          tests: catalog.courses.filter { $0.quiz != nil }.count,
          questions: catalog.courses.reduce(0) { $0 + ($1.quiz?.questions.count ?? 0) }))
    }
    return lines
  }
}
