import Catalog

/// 我的学时: a training year's progress as a bar and figures, every applicable requirement
/// met or not in words (or that none applies), hours by category and by form (those that do
/// not count marked so), every credit with its date and source, so each hour can be traced,
/// and the member's record over the years (学习档案). 1 and 2 switch to the year before and
/// after; it scrolls like the course detail.
struct MyHoursScreen: DocumentScreen {
  var scroll = ScrollPosition()
  /// The training year shown; nil for 本年度, the one containing today.
  private(set) var year: Int?

  /// Columns of the progress bar between its brackets.
  static let barWidth = 30
  /// The digits that switch years; 8 and 9 stay the page keys of every long text.
  static let previousYearDigit = 1
  static let nextYearDigit = 2

  func shownYear(_ context: ScreenContext) -> Int {
    year ?? context.member?.year.year ?? context.catalog.year
  }

  func document(_ context: ScreenContext) -> DocumentView {
    let lines =
      context.member.map {
        Self.lines(
          for: $0, year: shownYear(context), catalog: context.catalog,
          width: context.body.width, glyphs: context.glyphs)
      } ?? []
    return DocumentView(lines: lines, scroll: scroll, height: context.body.height)
  }

  mutating func update(_ command: Command, _ context: ScreenContext) -> Navigation {
    switch command {
    case .digit(Self.previousYearDigit): return switchYear(by: -1, context)
    case .digit(Self.nextYearDigit): return switchYear(by: 1, context)
    default: return scrollDocument(command, context)
    }
  }

  /// Shows the year before or after, from its first line; refused past the record's ends.
  private mutating func switchYear(by step: Int, _ context: ScreenContext) -> Navigation {
    guard let years = context.member?.years else { return .stay }
    let next = shownYear(context) + step
    guard years.contains(next) else {
      return .refuse(step < 0 ? MemberText.noEarlierYear : MemberText.noLaterYear)
    }
    year = next
    scroll = ScrollPosition()
    return .stay
  }

  func keyHints(_ context: ScreenContext) -> [KeyHint] {
    var hints: [KeyHint] = []
    if let years = context.member?.years {
      let shown = shownYear(context)
      if years.contains(shown - 1) {
        hints.append(KeyHint(String(Self.previousYearDigit), MemberText.keyPreviousYear))
      }
      if years.contains(shown + 1) {
        hints.append(KeyHint(String(Self.nextYearDigit), MemberText.keyNextYear))
      }
    }
    return hints + document(context).keyHints()
  }

  /// `[█████░░░░░]`: counted hours against the target (drawn only when there is one).
  static func bar(
    _ progress: YearProgress, target: StudyHours, glyphs: Glyphs, width: Int = barWidth
  )
    -> String
  {
    let filled =
      target > .zero ? min(width, progress.countedHours.halves * width / target.halves) : width
    return "[" + String(repeating: glyphs.barFull, count: filled)
      + String(repeating: glyphs.barEmpty, count: width - filled) + "]"
  }

  static func lines(
    for session: MemberSession, year: Int, catalog: Catalog, width: Int, glyphs: Glyphs
  ) -> [StyledLine] {
    let progress = session.progress(in: year, catalog: catalog)
    let ellipsis = glyphs.ellipsis
    var lines: [StyledLine] = []
    func text(_ value: String, _ style: CellStyle = .plain, indent: String = "") {
      lines += TextWrap.lines(value, width: max(1, width - indent.count)).map {
        [Span(indent), Span($0, style)]
      }
    }
    text(MemberText.memberLine(session.member))
    text(MemberText.yearSpan(progress.year))
    if year == session.year.year, catalog.year != year {
      let step = catalog.year < year ? previousYearDigit : nextYearDigit
      let key =
        abs(catalog.year - year) == 1 && session.years.contains(catalog.year) ? String(step) : nil
      text(MemberText.catalogYearNote(catalog: catalog.year, current: year, catalogYearKey: key))
    }
    lines.append([])
    let bar = progress.target.map { [Span(Self.bar(progress, target: $0, glyphs: glyphs) + " ")] }
    lines.append(
      [Span(MemberText.progressLabel, .emphasis)] + (bar ?? [])
        + [Span(MemberText.progressFigures(progress), .emphasis)])
    if let note = MemberText.countedNote(progress) { text(note) }
    lines.append([])

    lines.append([Span(MemberText.requirementsLabel, .emphasis)])
    if progress.standing == .noRequirement {
      text(MemberText.noRequirements, .emphasis, indent: "  ")
    }
    for status in progress.requirements {
      let verdict = status.isMet ? MemberText.met : MemberText.unmet
      let label = "  " + verdict + "  "
      var detail = status.requirement.title
      if !status.isMet { detail += "：" + status.missing.joined(separator: "，") }
      lines += LabeledText.lines(label: label, value: detail, width: width).map { line in
        status.isMet ? line : line.map { Span($0.text, .emphasis) }
      }
      let indent = String(repeating: " ", count: DisplayWidth.of(label))
      text(MemberText.requirementFacts(status), indent: indent)
      if let source = status.requirement.source {
        text(MemberText.requirementSource(source), indent: indent)
      }
    }
    lines.append([])

    lines += sideBySide(
      (MemberText.byCategoryLabel, byCategory(progress, catalog: catalog)),
      (MemberText.byFormLabel, byForm(progress)), width: width, ellipsis: ellipsis)
    lines.append([])

    let credits = progress.credits
    lines.append([
      Span(MemberText.creditsLabel(count: credits.count, total: progress.creditedHours), .emphasis)
    ])
    if credits.isEmpty {
      text(MemberText.noCreditsHint, indent: "  ")
    } else {
      lines += creditTable(credits, width: width - 2, glyphs: glyphs).map { [Span("  ")] + $0 }
    }
    if session.years.count > 1 {
      lines.append([])
      lines += record(session, shown: year, catalog: catalog, width: width, glyphs: glyphs)
    }
    return lines
  }

  /// 历年记录: each year of the record with its hours and standing, the one shown marked.
  private static func record(
    _ session: MemberSession, shown: Int, catalog: Catalog, width: Int, glyphs: Glyphs
  ) -> [StyledLine] {
    let rows = session.years.map { year in
      let progress = session.progress(in: year, catalog: catalog)
      return [
        year == shown ? glyphs.cursor : "", MemberText.yearLabel(year),
        MemberText.yearHours(progress), MemberText.standing(progress.standing),
      ]
    }
    let widths = (0..<4).map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
    let columns = Columns(
      [.fixed(widths[0]), .fixed(widths[1]), .fixed(widths[2], .trailing), .flexible],
      total: width - 2)
    return [
      [Span(MemberText.recordLabel(keys: "\(previousYearDigit)、\(nextYearDigit)"), .emphasis)]
    ]
      + rows.map { [Span("  " + columns.row($0, ellipsis: glyphs.ellipsis))] }
  }

  /// Category titles in menu order (then ids no longer in the catalog) with their hours.
  private static func byCategory(_ progress: YearProgress, catalog: Catalog) -> [(String, String)] {
    var rows: [(String, String)] = []
    var seen = Set<String>()
    for category in catalog.categories {
      seen.insert(category.id)
      if let hours = progress.hoursByCategory[category.id] {
        rows.append((category.title, MemberText.hours(hours)))
      }
    }
    for (id, hours) in progress.hoursByCategory.sorted(by: { $0.key < $1.key })
    where !seen.contains(id) {
      rows.append((id, MemberText.hours(hours)))
    }
    return rows
  }

  /// Forms that do not count toward the target (自学) are marked, never left out.
  private static func byForm(_ progress: YearProgress) -> [(String, String)] {
    let uncounted = Set(progress.uncountedHoursByForm.map(\.form))
    return CourseForm.allCases.compactMap { form in
      progress.hoursByForm[form].map {
        (MemberText.formLabel(form, counted: !uncounted.contains(form)), MemberText.hours($0))
      }
    }
  }

  /// Two labelled two-column lists next to each other, each in half the width.
  private static func sideBySide(
    _ left: (String, [(String, String)]), _ right: (String, [(String, String)]), width: Int,
    ellipsis: String
  ) -> [StyledLine] {
    let half = max(1, (width - 2) / 2)
    func column(_ rows: [(String, String)]) -> [String] {
      guard !rows.isEmpty else { return ["  " + MemberText.noHoursYet] }
      let hoursWidth = rows.map { DisplayWidth.of($0.1) }.max() ?? 0
      let nameWidth = min(
        rows.map { DisplayWidth.of($0.0) }.max() ?? 0, max(1, half - 4 - hoursWidth))
      let columns = Columns([.fixed(nameWidth), .fixed(hoursWidth, .trailing)], total: half - 2)
      return rows.map { "  " + columns.row([$0.0, $0.1], ellipsis: ellipsis) }
    }
    let leftRows = [left.0] + column(left.1)
    let rightRows = [right.0] + column(right.1)
    return (0..<max(leftRows.count, rightRows.count)).map { index in
      let style: CellStyle = index == 0 ? .emphasis : .plain
      let leftText = index < leftRows.count ? leftRows[index] : ""
      let rightText = index < rightRows.count ? rightRows[index] : ""
      return [
        Span(TextFit.padded(leftText, width: half, ellipsis: ellipsis), style),
        Span("  "), Span(rightText, style),
      ]
    }
  }

  /// Date, hours, course, form and source, one credit a line, with a ruled header.
  private static func creditTable(_ credits: [Credit], width: Int, glyphs: Glyphs)
    -> [StyledLine]
  {
    let sourceWidth = min(24, credits.map { DisplayWidth.of($0.source) }.max() ?? 0)
    let columns = Columns(
      [.fixed(10), .fixed(4, .trailing), .flexible, .fixed(8), .fixed(max(4, sourceWidth))],
      total: width)
    let header = columns.row(MemberText.creditColumns, ellipsis: glyphs.ellipsis)
    let rule = columns.row(
      columns.widths.map { String(repeating: glyphs.horizontalRule, count: $0) }, ellipsis: nil)
    var lines: [StyledLine] = [[Span(header, .columnHeader)], [Span(rule)]]
    for credit in credits {
      lines.append([
        Span(
          columns.row(
            [
              credit.date.description, credit.hours.description, credit.courseTitle,
              credit.form.label, credit.source,
            ], ellipsis: glyphs.ellipsis))
      ])
    }
    return lines
  }

  func heading(_ context: ScreenContext) -> String {
    MemberText.myHoursHeading(shownYear(context))
  }
}
