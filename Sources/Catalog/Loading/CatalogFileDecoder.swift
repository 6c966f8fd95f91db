/// `catalog.toml`: the `[catalog]` metadata and the `[[category]]` list.
struct CatalogFileDecoder {
  struct Header {
    var title: String
    var issuer: String
    var year: Int
  }

  static let topLevelKeys = ["catalog", "category"]
  static let catalogKeys = ["title", "issuer", "year"]
  static let categoryKeys = ["id", "title", "summary", "order"]
  /// Training years the program accepts; anything else is surely a typo.
  static let plausibleYears = 2000...2100

  let file: SourceFile

  /// `allIdentified` is false when some category had no valid id: courses naming it are
  /// then not reported as having an unknown category.
  func decode(_ root: TOMLTable) -> (
    header: Header?, categories: [Decoded<Category>], allIdentified: Bool
  ) {
    let top = EntryReader(table: root, file: file, kind: .catalogFile)
    top.rejectUnknownKeys(
      Self.topLevelKeys,
      elsewhere: [("[catalog]", Self.catalogKeys), ("[[category]]", Self.categoryKeys)])
    var header: Header?
    if let table = top.subtable("catalog", required: true) {
      header = decodeHeader(table)
    }
    let tables = top.tables("category")
    let categories = tables.compactMap(decodeCategory)
    return (header, categories, categories.count == tables.count)
  }

  private func decodeHeader(_ table: TOMLTable) -> Header? {
    let reader = EntryReader(table: table, file: file, kind: .catalogTable)
    reader.rejectUnknownKeys(Self.catalogKeys, elsewhere: [("[[category]]", Self.categoryKeys)])
    let title = reader.text("title", required: true)
    let issuer = reader.text("issuer", required: true)
    var year = reader.integer("year", required: true)
    if let written = year, !Self.plausibleYears.contains(written) {
      file.report(
        .invalidValue(key: "year", value: String(written), rule: .yearRange),
        at: reader.offset(of: "year"))
      year = nil
    }
    guard let title, let issuer, let year else { return nil }
    return Header(title: title, issuer: issuer, year: year)
  }

  private func decodeCategory(_ table: TOMLTable) -> Decoded<Category>? {
    let reader = EntryReader(table: table, file: file, kind: .category)
    reader.rejectUnknownKeys(Self.categoryKeys, elsewhere: [("[catalog]", Self.catalogKeys)])
    let id = reader.identifier("id")
    let title = reader.text("title", required: true)
    let summary = reader.text("summary")
    let order = reader.integer("order")
    guard let id else { return nil }
    let location = file.location(of: table.offset)
    let category = title.map {
      Category(id: id, title: $0, summary: summary, order: order, location: location)
    }
    return Decoded(
      id: id, idLocation: file.location(of: reader.offset(of: "id")), location: location,
      value: category)
  }
}

/// A decoded entry: its id and where it was written even when other fields were wrong, so
/// cross-file checks still see it; `value` only when every field was right.
struct Decoded<Value: Sendable>: Sendable {
  var id: String
  var idLocation: SourceLocation
  /// Where the entry's header stands.
  var location: SourceLocation
  var value: Value?
}
