/// `rules.toml`: when the training year starts and the `[[requirement]]` list.
struct RulesFileDecoder {
  static let topLevelKeys = ["year", "requirement"]
  static let yearKeys = ["start"]
  static let requirementKeys = [
    "id", "title", "roles", "domains", "new_member", "floating", "min_hours", "min_concentrated",
    "forms", "source",
  ]

  let file: SourceFile

  func decode(_ root: TOMLTable) -> (rules: Rules, ids: [Decoded<Requirement>]) {
    let top = EntryReader(table: root, file: file, kind: .requirement)
    top.rejectUnknownKeys(
      Self.topLevelKeys,
      elsewhere: [("[year]", Self.yearKeys), ("[[requirement]]", Self.requirementKeys)])
    var start = (month: 1, day: 1)
    if let yearTable = top.subtable("year", required: false) {
      let reader = EntryReader(table: yearTable, file: file, kind: .yearTable)
      reader.rejectUnknownKeys(
        Self.yearKeys, elsewhere: [("[[requirement]]", Self.requirementKeys)])
      if let text = reader.text("start") {
        if let parsed = Self.monthDay(text) {
          start = parsed
        } else {
          file.report(
            .invalidValue(key: "start", value: "\"\(text)\"", rule: .monthDay),
            at: reader.offset(of: "start"))
        }
      }
    }
    let decoded = top.tables("requirement").compactMap(decodeRequirement)
    let rules = Rules(
      yearStartMonth: start.month, yearStartDay: start.day,
      requirements: decoded.compactMap(\.value),
      path: file.path)
    return (rules, decoded)
  }

  /// `MM-DD` naming a day that exists in every year (so not 02-29).
  static func monthDay(_ text: String) -> (month: Int, day: Int)? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
      let month = Int(parts[0]), let day = Int(parts[1]),
      LocalDate.isValid(year: 2023, month: month, day: day)
    else { return nil }
    return (month, day)
  }

  private func decodeRequirement(_ table: TOMLTable) -> Decoded<Requirement>? {
    let reader = EntryReader(table: table, file: file, kind: .requirement)
    reader.rejectUnknownKeys(Self.requirementKeys, elsewhere: [("[year]", Self.yearKeys)])
    let id = reader.identifier("id")
    let title = reader.text("title", required: true)
    let roles: [MemberRole] = reader.enumerationList("roles")
    let domains: [MemberDomain] = reader.enumerationList("domains")
    let newMember = reader.bool("new_member") ?? false
    let floating = reader.bool("floating")
    let minHours = reader.hours("min_hours", required: false)
    var minConcentrated = reader.integer("min_concentrated")
    if let written = minConcentrated, written < 0 {
      file.report(
        .invalidValue(key: "min_concentrated", value: String(written), rule: .nonNegativeCount),
        at: reader.offset(of: "min_concentrated"))
      minConcentrated = nil
    }
    let forms: [CourseForm] = reader.enumerationList("forms")
    let source = reader.text("source")
    guard let id else { return nil }
    let location = file.location(of: table.offset)
    let idLocation = file.location(of: reader.offset(of: "id"))
    guard let title else {
      return Decoded(id: id, idLocation: idLocation, location: location, value: nil)
    }
    if table["min_hours"] == nil, table["min_concentrated"] == nil || minConcentrated == 0 {
      file.report(.requirementWithoutCondition(id), at: table.offset)
    }
    let requirement = Requirement(
      id: id, title: title, roles: roles, domains: domains, newMember: newMember,
      floating: floating, minHours: minHours, minConcentrated: minConcentrated, forms: forms,
      source: source,
      location: location)
    return Decoded(id: id, idLocation: idLocation, location: location, value: requirement)
  }
}
