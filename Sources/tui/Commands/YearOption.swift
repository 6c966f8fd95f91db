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
