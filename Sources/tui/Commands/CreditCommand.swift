import ArgumentParser
import Catalog
import Foundation

/// `course-menu credit COURSE --date D (--members IDS | --sheet FILE)`: records attendance and
/// credits the course's hours. Idempotent, and all or nothing.
struct CreditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "credit", abstract: AdminText.creditAbstract,
    discussion: AdminText.creditDiscussion)

  @Argument(help: ArgumentHelp(AdminText.creditCourseHelp))
  var course: String

  @Option(help: ArgumentHelp(AdminText.creditDateHelp))
  var date: String

  @Option(help: ArgumentHelp(AdminText.creditMembersHelp))
  var members: String?

  @Option(help: ArgumentHelp(AdminText.creditSheetHelp))
  var sheet: String?

  @OptionGroup var records: RecordsOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func validate() throws {
    if (members == nil) == (sheet == nil) { throw ValidationError(AdminText.creditMembersOrSheet) }
    if LocalDate(iso: date) == nil { throw ValidationError(AdminText.invalidDate(date)) }
  }

  func run() throws {
    let day = LocalDate(iso: date)!
    let catalog = try catalogOptions.loadCatalog()
    guard let course = catalog.course(id: course) else {
      printError(AdminText.unknownCourse(self.course))
      throw ExitCode(1)
    }
    let today = localToday()
    if day > today { printError(AdminText.dateInFuture(day)) }
    let year = catalog.rules.trainingYear(catalog.year)
    if !year.contains(day) { printError(AdminText.dateOutsideCatalogYear(day, year: year)) }
    let store = try records.open()
    let ids: [String]
    let source: String
    if let members {
      ids = try parseMemberList(members)
      source = RecordsText.attendanceSource(date: day)
    } else {
      let sheet = try readSheet(self.sheet!)
      let known = try reportingRecordsErrors {
        Dictionary(try store.members().map { ($0.id, $0) }) { first, _ in first }
      }
      let (sheetIDs, problems) = AttendanceSheet.memberIDs(sheet, members: known)
      guard problems.isEmpty else {
        try rejectSheet(self.sheet!, problems: problems, verdict: AdminText.creditRejected)
      }
      ids = sheetIDs
      source = RecordsText.sheetSource(file: (self.sheet! as NSString).lastPathComponent)
    }
    let outcome: CreditOutcome
    do {
      outcome = try store.credit(course: course, date: day, memberIDs: ids, source: source)
    } catch let error as RecordsError {
      printError(error.message)
      printError(AdminText.creditRejected)
      throw ExitCode(1)
    }
    let names = try reportingRecordsErrors {
      Dictionary(try store.members().map { ($0.id, $0.name) }) { first, _ in first }
    }
    printOutput(
      lines: AdminText.creditDone(course: course, date: day, outcome: outcome, names: names))
  }

  /// `1001,1002 1003，1004`: commas (also the Chinese one) or spaces.
  private func parseMemberList(_ text: String) throws -> [String] {
    let separators: Set<Character> = [",", "，", " ", "、", ";", "；"]
    let ids = text.split(whereSeparator: { separators.contains($0) }).map(String.init)
    let invalid = ids.filter { !Member.isValidID($0) }
    guard invalid.isEmpty, !ids.isEmpty else {
      printError(AdminText.invalidMemberList(invalid))
      printError(AdminText.creditRejected)
      throw ExitCode(1)
    }
    return ids
  }
}
