import Catalog

/// `report --member N`: a member's record over the years (学习档案) — every training year of
/// their record with its hours, each credit with its source (and a make-up's reason), and each
/// year's requirements met or not, under the rules given.
struct MemberArchive {
  let member: Member
  let rules: Rules
  /// Oldest first.
  let years: [YearProgress]

  /// Credits dated before the first year of the record (before the year the member joined):
  /// no year counts them, and the administrator should look at them.
  let outsideRecord: [Credit]

  /// Every year from the first credit to the last, the catalog's year included, from the year
  /// the member joined; or only `year`.
  init(member: Member, credits: [Credit], rules: Rules, currentYear: Int, only year: Int? = nil) {
    self.member = member
    self.rules = rules
    let span =
      year.map { $0...$0 }
      ?? HourAccounting.recordYears(
        of: credits, joined: member.joined, rules: rules, current: currentYear)
    years = span.map {
      rules.progress(of: member.profile, credits: credits, in: rules.trainingYear($0))
    }
    let start = rules.trainingYear(span.lowerBound).start
    outsideRecord = year == nil ? credits.filter { $0.date < start } : []
  }

  /// The archive as text, a line each.
  var lines: [String] {
    var output = [AdminText.archiveTitle(member)]
    if let first = years.first?.year.year, let last = years.last?.year.year {
      output.append(AdminText.archiveScope(years: first...last, rules: rules.path))
    }
    if !outsideRecord.isEmpty {
      output.append("")
      output.append(AdminText.archiveBeforeJoining(outsideRecord.count))
      output += creditTable(outsideRecord, uncounted: [])
    }
    for progress in years {
      output.append("")
      output.append(AdminText.archiveYear(progress))
      if progress.standing == .noRequirement {
        output.append("  " + AdminText.archiveNoRequirement)
      }
      for status in progress.requirements {
        output.append("  " + AdminText.archiveRequirement(status))
      }
      guard !progress.credits.isEmpty else {
        output.append("  " + AdminText.archiveNoCredits)
        continue
      }
      output += creditTable(
        progress.credits, uncounted: Set(progress.uncountedHoursByForm.map(\.form)))
    }
    return output
  }

  /// Each credit with its source, those of `uncounted` forms and make-ups noted; indented.
  private func creditTable(_ credits: [Credit], uncounted: Set<CourseForm>) -> [String] {
    var table = TextTable(header: AdminText.archiveCreditHeader)
    for credit in credits {
      var notes: [String] = []
      if uncounted.contains(credit.form) { notes.append(AdminText.archiveUncounted) }
      if let reason = credit.reason { notes.append(AdminText.archiveMakeUp(reason)) }
      table.rows.append([
        credit.date.description, credit.hours.description, credit.courseTitle,
        credit.form.label, credit.source, notes.joined(separator: "；"),
      ])
    }
    return table.lines.map { "  " + $0 }
  }
}
