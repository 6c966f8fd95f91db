import Catalog

/// `report summary` as tables: the one value the text, CSV and HTML formats print, made from
/// the library's `TrainingSummary` (where every figure is defined and worked out).
struct SummaryReport {
  let summary: TrainingSummary
  let catalog: Catalog
  let report: TabularReport

  init(summary: TrainingSummary, catalog: Catalog, today: LocalDate) {
    self.summary = summary
    self.catalog = catalog
    let figures = Self.figureCells
    var tables = [Self.overview(summary)]
    tables.append(
      ReportTable(
        title: ReportText.branchesTitle,
        header: [ReportText.branchColumn] + ReportText.figuresHeader,
        rows: summary.branches.map { [$0.branch] + figures($0.figures) }
          + [[ReportText.total] + figures(summary.total)]))
    tables.append(
      ReportTable(
        title: ReportText.rolesTitle, header: [ReportText.roleColumn] + ReportText.figuresHeader,
        rows: summary.roles.map { [$0.role.label] + figures($0.figures) }
          + [[ReportText.leaders] + figures(summary.leaders)]))
    tables.append(
      ReportTable(
        title: ReportText.domainsTitle,
        header: [ReportText.domainColumn] + ReportText.figuresHeader,
        rows: summary.domains.map { [$0.domain.label] + figures($0.figures) }))
    tables.append(
      ReportTable(
        title: ReportText.groupsTitle, header: [ReportText.groupColumn] + ReportText.figuresHeader,
        rows: [
          [ReportText.floating] + figures(summary.floating),
          [ReportText.newMembers] + figures(summary.newMembers),
        ]))
    tables.append(Self.forms(summary))
    tables.append(Self.categories(summary, catalog: catalog))
    tables.append(
      ReportTable(
        title: ReportText.monthsTitle, header: ReportText.monthsHeader,
        rows: summary.sessionsByMonth.map { [ReportText.month($0.month), String($0.sessions)] }))
    tables.append(
      ReportTable(
        title: ReportText.withoutHoursTitle, header: ReportText.withoutHoursHeader,
        rows: summary.withoutHours.map {
          [$0.member.id, $0.member.name, $0.member.branch, MemberText.standing($0.standing)]
        }, empty: ReportText.nobodyWithoutHours))
    tables.append(
      ReportTable(
        title: ReportText.sessionsTitle, header: ReportText.sessionsHeader,
        rows: summary.sessions.map {
          [
            $0.date.description, $0.courseID, $0.title, ReportText.formLabel($0.form),
            ReportText.categoryTitle($0.categoryID, in: catalog),
          ]
        }, empty: ReportText.noSessions))
    report = TabularReport(
      title: ReportText.summaryTitle(summary.year, branch: summary.branch),
      subtitle: [
        ReportText.summaryIssuer(catalog, rules: catalog.rules.path),
        "\(ReportText.printedOn) \(today)",
      ], tables: tables, notes: ReportText.definitions)
  }

  /// A group's cells, in `ReportText.figuresHeader`'s order.
  static func figureCells(_ figures: TrainingSummary.Figures) -> [String] {
    [
      String(figures.members), String(figures.reached), String(figures.attendances),
      figures.hoursExceptSelfStudy.description, figures.selfStudyHours.description,
      String(figures.met), String(figures.unmet), String(figures.noRequirement),
      ReportText.percent(permille: figures.coveragePermille),
    ]
  }

  static func overview(_ summary: TrainingSummary) -> ReportTable {
    let total = summary.total
    return ReportTable(
      title: ReportText.overviewTitle, header: ReportText.overviewHeader,
      rows: [
        [ReportText.membersCount, String(total.members)],
        [ReportText.reachedCount, String(total.reached)],
        [ReportText.sessionsCount, String(summary.sessions.count)],
        [ReportText.attendancesCount, String(total.attendances)],
        [ReportText.hoursExceptSelfStudy, total.hoursExceptSelfStudy.description],
        [ReportText.selfStudyHours, total.selfStudyHours.description],
        [ReportText.metCount, String(total.met)],
        [ReportText.unmetCount, String(total.unmet)],
        [ReportText.noRequirementCount, String(total.noRequirement)],
        [ReportText.coverage, ReportText.percent(permille: total.coveragePermille)],
        [ReportText.withoutHoursCount, String(summary.withoutHours.count)],
      ])
  }

  static func deliveryCells(_ delivery: TrainingSummary.Delivery, sessions: Bool = true)
    -> [String]
  {
    [
      sessions ? String(delivery.sessions) : ReportText.notApplicable,
      String(delivery.attendances), delivery.hoursExceptSelfStudy.description,
      delivery.selfStudyHours.description,
    ]
  }

  static func forms(_ summary: TrainingSummary) -> ReportTable {
    ReportTable(
      title: ReportText.formsTitle, header: [ReportText.formColumn] + ReportText.deliveryHeader,
      rows: summary.forms.map {
        [ReportText.formLabel($0.form)]
          + deliveryCells($0.delivery, sessions: $0.form?.isHeldForAGroup ?? true)
      } + [
        [ReportText.total]
          + deliveryCells(TrainingSummary.Delivery(adding: summary.forms.map(\.delivery)))
      ],
      notes: [ReportText.formsNote])
  }

  static func categories(_ summary: TrainingSummary, catalog: Catalog) -> ReportTable {
    ReportTable(
      title: ReportText.categoriesTitle,
      header: [ReportText.categoryColumn] + ReportText.deliveryHeader,
      rows: summary.categories.map {
        [ReportText.categoryTitle($0.categoryID, in: catalog)] + deliveryCells($0.delivery)
      } + [
        [ReportText.total]
          + deliveryCells(TrainingSummary.Delivery(adding: summary.categories.map(\.delivery)))
      ])
  }
}
