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
    return lines
  }
}
