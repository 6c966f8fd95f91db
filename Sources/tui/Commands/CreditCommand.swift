import ArgumentParser
import Catalog
import Foundation

/// `course-menu credit COURSE --date D (--members IDS | --sheet FILE) [--unscheduled --reason R]`:
/// records attendance and credits the course's hours. Idempotent, and all or nothing. A course
/// with sessions is credited on the first day of one of them; another day is a make-up (补学)
/// and needs a reason.
///
/// `course-menu credit --undo COURSE --date D (--members IDS | --sheet FILE) --reason R` takes
/// credits back, with an audit entry for each: a whole sheet credited on the wrong day is undone
/// by the same sheet.
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

  @Flag(help: ArgumentHelp(AdminText.creditUnscheduledHelp))
  var unscheduled = false

  @Option(help: ArgumentHelp(AdminText.creditReasonHelp))
  var reason: String?

  @Flag(help: ArgumentHelp(AdminText.creditUndoHelp))
  var undo = false

  @OptionGroup var records: RecordsOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func validate() throws {
    if LocalDate(iso: date) == nil { throw ValidationError(AdminText.invalidDate(date)) }
    if let reason { try validateOneLine(reason, option: "--reason") }
    if undo {
      if unscheduled { throw ValidationError(AdminText.undoNotUnscheduled) }
      if (members == nil) == (sheet == nil) { throw ValidationError(AdminText.undoNeedsMembers) }
      if reason == nil { throw ValidationError(AdminText.undoNeedsReason) }
      return
    }
    if (members == nil) == (sheet == nil) { throw ValidationError(AdminText.creditMembersOrSheet) }
    if unscheduled, reason == nil { throw ValidationError(AdminText.unscheduledNeedsReason) }
    if !unscheduled, reason != nil { throw ValidationError(AdminText.reasonWithoutAction) }
  }

  func run() throws {
    let day = LocalDate(iso: date)!
    if undo {
      try takeBack(on: day)
      return
    }
    let catalog = try catalogOptions.loadCatalog()
    guard let course = catalog.course(id: course) else {
      printError(AdminText.unknownCourse(self.course))
      throw ExitCode(1)
    }
    // Attendance is recorded after it happened: a later day is a typo.
    let today = SystemClock.today()
    if day > today {
      printError(AdminText.dateInFuture(day, today: today))
      printError(AdminText.creditRejected)
      throw ExitCode(1)
    }
    // A make-up only where the day is not the first of a session.
    var makeUpReason: String? = nil
    if course.session(startingOn: day) != nil {
      if unscheduled { printError(AdminText.unscheduledButScheduled(day)) }
    } else if !course.sessions.isEmpty, !unscheduled {
      for line in AdminText.notScheduled(course, date: day) { printError(line) }
      printError(AdminText.creditRejected)
      throw ExitCode(1)
    } else if unscheduled {
      makeUpReason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let year = catalog.rules.trainingYear(catalog.year)
    if !year.contains(day) { printError(AdminText.dateOutsideCatalogYear(day, year: year)) }
    let store = try records.open()
    let ids: [String]
    let source: String
    if let members {
      ids = try parseMemberList(members, verdict: AdminText.creditRejected)
      source =
        makeUpReason == nil
        ? RecordsText.attendanceSource(date: day) : RecordsText.makeUpSource(date: day)
    } else {
      ids = try sheetMemberIDs(store, verdict: AdminText.creditRejected)
      let file = (self.sheet! as NSString).lastPathComponent
      source =
        makeUpReason == nil
        ? RecordsText.sheetSource(file: file) : RecordsText.makeUpSheetSource(file: file)
    }
    let outcome: CreditOutcome
    do {
      outcome = try store.credit(
        course: course, date: day, rules: catalog.rules, memberIDs: ids, source: source,
        reason: makeUpReason)
    } catch let error as RecordsError {
      printError(error.message)
      printError(AdminText.creditRejected)
      throw ExitCode(1)
    }
    printOutput(
      lines: AdminText.creditDone(
        course: course, date: day, outcome: outcome, names: try memberNames(store),
        reason: makeUpReason))
  }

  /// `--undo`: removes the credits (all or nothing) with an audit entry each. Needs no
  /// catalog: a course no longer in it can still be corrected.
  private func takeBack(on day: LocalDate) throws {
    let reason = self.reason!.trimmingCharacters(in: .whitespacesAndNewlines)
    let store = try records.open()
    let ids =
      try members.map { try parseMemberList($0, verdict: AdminText.undoRejected) }
      ?? sheetMemberIDs(store, verdict: AdminText.undoRejected)
    let removed: [RemovedCredit]
    do {
      removed = try store.removeCredits(
        courseID: course, date: day, memberIDs: ids, reason: reason)
    } catch let error as RecordsError {
      printError(error.message)
      printError(AdminText.undoRejected)
      throw ExitCode(1)
    }
    printOutput(lines: AdminText.undoDone(removed, reason: reason, names: try memberNames(store)))
  }

  /// The members of `--sheet`, checked against the records; any problem refuses the command.
  private func sheetMemberIDs(_ store: RecordsStore, verdict: String) throws -> [String] {
    let sheet = try readSheet(self.sheet!)
    let known = try reportingRecordsErrors {
      Dictionary(try store.members().map { ($0.id, $0) }) { first, _ in first }
    }
    let (ids, problems) = AttendanceSheet.memberIDs(sheet, members: known)
    guard problems.isEmpty else {
      try rejectSheet(self.sheet!, problems: problems, verdict: verdict)
    }
    return ids
  }

  private func memberNames(_ store: RecordsStore) throws -> [String: String] {
    try reportingRecordsErrors {
      Dictionary(try store.members().map { ($0.id, $0.name) }) { first, _ in first }
    }
  }

  /// `1001,1002 1003，1004`: commas (also the Chinese one) or spaces.
  private func parseMemberList(_ text: String, verdict: String) throws -> [String] {
    let separators: Set<Character> = [",", "，", " ", "、", ";", "；"]
    let ids = text.split(whereSeparator: { separators.contains($0) }).map(String.init)
    let invalid = ids.filter { !Member.isValidID($0) }
    guard invalid.isEmpty, !ids.isEmpty else {
      printError(AdminText.invalidMemberList(invalid))
      printError(verdict)
      throw ExitCode(1)
    }
    return ids
  }
}
