import ArgumentParser
import Catalog

/// `--year Y` of the reports upward (`report summary`, `ratings`, `demand`): a training year,
/// the catalog's when left out.
struct YearOption: ParsableArguments {
  @Option(help: ArgumentHelp(AdminText.reportYearHelp))
  var year: Int?

  func validate() throws {
    if let year, !(1...9998).contains(year) { throw ValidationError(AdminText.invalidYear(year)) }
  }

  func trainingYear(_ catalog: Catalog) -> TrainingYear {
    catalog.rules.trainingYear(year ?? catalog.year)
  }
}

/// What every report upward reads: the catalog (and rules), the training year asked for, and
/// the records opened read-only (nil when there are none yet).
struct ReportInputs: ParsableArguments {
  @OptionGroup var year: YearOption
  @OptionGroup var records: RecordsOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func open() throws -> (catalog: Catalog, year: TrainingYear, store: RecordsStore?) {
    let catalog = try catalogOptions.loadCatalog()
    return (catalog, year.trainingYear(catalog), try records.openForReading())
  }
}
