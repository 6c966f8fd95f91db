import Catalog

/// `report` for a training year: one row per member, by branch and number, with their hours
/// against the rules, as text or as CSV rows. Pure, so its lines can be tested as written.
struct YearReport {
  struct Row {
    var member: Member
    var progress: YearProgress

    func status(of requirement: Requirement) -> RequirementStatus? {
      progress.requirements.first { $0.requirement.id == requirement.id }
    }
  }

  let rules: Rules
  let year: TrainingYear
  let branch: String?
  let rows: [Row]

  /// Members who joined after the year ended are not in its report at all.
  init(rules: Rules, year: TrainingYear, branch: String?, members: [MemberCredits]) {
    self.rules = rules
    self.year = year
    self.branch = branch
    rows = members.filter { $0.member.joined < year.end }.sorted {
      ($0.member.branch, $0.member.id.count, $0.member.id)
        < ($1.member.branch, $1.member.id.count, $1.member.id)
    }.map {
      Row(
        member: $0.member,
        progress: rules.progress(of: $0.member.profile, credits: $0.credits, in: year))
    }
  }

  /// How many members stand where: met, unmet, no requirement.
  var counts: [YearStanding: Int] {
    rows.reduce(into: [:]) { counts, row in counts[row.progress.standing, default: 0] += 1 }
  }

  /// The text report, a line each.
  var lines: [String] {
    var output = [
      AdminText.reportTitle(year: year, rules: rules.path, branch: branch),
      AdminText.reportScope(year),
    ]
    for (index, requirement) in rules.requirements.enumerated() {
      output.append(AdminText.reportLegend(index + 1, requirement))
    }
    output.append("")
    guard !rows.isEmpty else {
      output.append(AdminText.reportNoMembers)
      return output
    }
    var table = TextTable(
      header: AdminText.reportTextHeader(requirementCount: rules.requirements.count))
    for row in rows {
      var cells = [
        row.member.id, row.member.name, row.member.branch, row.progress.creditedHours.description,
        AdminText.countedOfTarget(row.progress.countedHours, row.progress.target),
      ]
      cells += rules.requirements.map { AdminText.mark(row.status(of: $0)?.isMet) }
      cells.append(AdminText.reportStatus(row.progress))
      table.rows.append(cells)
    }
    output += table.lines
    output.append("")
    output.append(AdminText.reportTally(counts))
    return output
  }

  var csvHeader: [String] { AdminText.reportCSVHeader(rules.requirements.map(\.title)) }

  var csvRows: [[String]] {
    rows.map { row in
      let member = row.member
      let progress = row.progress
      var cells = [
        member.id, member.name, member.branch, member.domain.label,
        member.role.label, member.floating ? AdminText.yes : AdminText.no,
        progress.creditedHours.description, progress.countedHours.description,
        progress.target?.description ?? "",
      ]
      cells += rules.requirements.map { AdminText.csvStatus(row.status(of: $0)?.isMet) }
      cells.append(MemberText.standing(progress.standing))
      cells.append(progress.missingSummary)
      return cells
    }
  }
}
