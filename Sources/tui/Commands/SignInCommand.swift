import ArgumentParser
import Catalog
import Foundation

/// `course-menu signin …`: a station's sign-in (签到) from a shell, the same records the
/// kiosk's 管理员 menu works on.
struct SignInCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "signin", abstract: StationText.signInAbstract,
    discussion: StationText.signInDiscussion,
    subcommands: [
      SignInOpenCommand.self, SignInListCommand.self, SignInRemoveCommand.self,
      SignInCloseCommand.self, SignInCancelCommand.self,
    ])

  /// Who acts from a shell: the operating-system user.
  static let shellOperator = StationOperator.systemUser(RecordsStore.currentUser)
}

/// `signin open COURSE --station ID [--date D] [--unscheduled]`.
struct SignInOpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open", abstract: StationText.signInOpenAbstract,
    discussion: StationText.signInOpenDiscussion)

  @Argument(help: ArgumentHelp(StationText.signInCourseHelp))
  var course: String

  @OptionGroup var station: StationOption

  @Option(help: ArgumentHelp(StationText.signInDateHelp))
  var date: String?

  @Flag(help: ArgumentHelp(StationText.signInUnscheduledHelp))
  var unscheduled = false

  @OptionGroup var records: RecordsOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func validate() throws {
    if let date, LocalDate(iso: date) == nil {
      throw ValidationError(AdminText.invalidDate(date))
    }
    _ = try station.required()
  }

  func run() throws {
    let today = SystemClock.today()
    let day = date.flatMap(LocalDate.init(iso:)) ?? today
    guard day <= today else {
      printError(StationText.dateInFuture(day))
      throw ExitCode(1)
    }
    let catalog = try catalogOptions.loadCatalog()
    guard let course = catalog.course(id: course) else {
      printError(AdminText.unknownCourse(self.course))
      throw ExitCode(1)
    }
    let store = try records.open()
    let station = try store.stationOrExit(id: try self.station.required())
    guard
      let plan = SignInPlan(course: course, date: day, station: station, unscheduled: unscheduled)
    else {
      for line in StationText.notScheduled(course, date: day) { printError(line) }
      printError(StationText.notOpened)
      throw ExitCode(1)
    }
    if unscheduled, plan.kind == .session { printError(StationText.unscheduledButScheduled(day)) }
    let year = catalog.rules.trainingYear(catalog.year)
    if !year.contains(day) { printError(AdminText.dateOutsideCatalogYear(day, year: year)) }
    let showing = try reportingRecordsErrors {
      try store.openSignIn(
        stationID: station.id, course: course, date: day, kind: plan.kind, place: plan.place,
        by: SignInCommand.shellOperator)
    }
    printOutput(lines: StationText.opened(showing, station: station))
  }
}

/// `signin list --station ID`: the open sign-in and its names.
struct SignInListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: StationText.signInListAbstract)

  @OptionGroup var station: StationOption
  @OptionGroup var records: RecordsOptions

  func validate() throws { _ = try station.required() }

  func run() throws {
    let id = try station.required()
    guard let store = try records.openForReading() else {
      printError(RecordsError.unknownStation(id).message)
      throw ExitCode(1)
    }
    let station = try store.stationOrExit(id: id)
    let (showing, attendees) = try reportingRecordsErrors {
      let showing = try store.openSignIn(stationID: station.id)
      return (showing, try showing.map { try store.attendees(showingID: $0.id) } ?? [])
    }
    guard let showing else {
      printOutput(RecordsError.noOpenSignIn(stationID: station.id).message)
      return
    }
    printOutput(StationText.showingLine(showing, station: station))
    printOutput(StationText.openedBy(showing))
    guard !attendees.isEmpty else {
      printOutput(StationText.nobodyYet())
      return
    }
    printOutput(
      lines: AttendanceList(attendees: attendees, credits: nil).lines
        + [StationText.listTally(attendees)])
  }
}

/// `signin remove MEMBER --station ID --reason R`.
struct SignInRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove", abstract: StationText.signInRemoveAbstract)

  @Argument(help: ArgumentHelp(StationText.signInRemoveMemberHelp))
  var member: String

  @OptionGroup var station: StationOption

  @Option(help: ArgumentHelp(StationText.signInReasonHelp))
  var reason: String?

  @OptionGroup var records: RecordsOptions

  func validate() throws {
    if !Member.isValidID(member) { throw ValidationError(AdminText.invalidMemberList([member])) }
    guard let reason else { throw ValidationError(StationText.signInReasonRequired) }
    try validateOneLine(reason, option: "--reason")
    _ = try station.required()
  }

  func run() throws {
    let store = try records.open()
    let attendee = try reportingRecordsErrors {
      try store.removeFromSignIn(
        memberID: member, stationID: try station.required(),
        reason: reason!.trimmingCharacters(in: .whitespaces), by: SignInCommand.shellOperator)
    }
    printOutput(StationText.removedDone(attendee))
  }
}

/// `signin close --station ID [--format text|csv]`: credits everyone on the list and prints it.
struct SignInCloseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "close", abstract: StationText.signInCloseAbstract)

  @OptionGroup var station: StationOption

  @Option(help: ArgumentHelp(StationText.formatHelp))
  var format: ReportCommand.Format = .text

  @OptionGroup var records: RecordsOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func validate() throws { _ = try station.required() }

  func run() throws {
    let catalog = try catalogOptions.loadCatalog()
    let store = try records.open()
    let station = try store.stationOrExit(id: try self.station.required())
    let closed = try reportingRecordsErrors {
      try store.closeSignIn(
        stationID: station.id, by: SignInCommand.shellOperator, rules: catalog.rules
      ) {
        catalog.course(id: $0)
      }
    }
    let list = AttendanceList(attendees: closed.attendees, credits: closed.credits)
    switch format {
    case .text:
      printOutput(
        lines: [StationText.closed(closed, station: station)]
          + (list.attendees.isEmpty ? [] : list.lines) + [StationText.closedTally(closed)])
    case .csv:
      printError(StationText.closed(closed, station: station))
      writeOutput(
        try CSVFile.document(header: StationText.attendanceHeader, rows: list.rows))
    }
  }
}

/// `signin cancel --station ID [--reason R]`: nobody is credited.
struct SignInCancelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cancel", abstract: StationText.signInCancelAbstract)

  @OptionGroup var station: StationOption

  @Option(help: ArgumentHelp(StationText.signInCancelReasonHelp))
  var reason: String?

  @OptionGroup var records: RecordsOptions

  func validate() throws {
    if let reason { try validateOneLine(reason, option: "--reason") }
    _ = try station.required()
  }

  func run() throws {
    let store = try records.open()
    let station = try store.stationOrExit(id: try self.station.required())
    let showing = try reportingRecordsErrors {
      try store.cancelSignIn(
        stationID: station.id, reason: reason?.trimmingCharacters(in: .whitespaces),
        by: SignInCommand.shellOperator)
    }
    printOutput(StationText.cancelled(showing, station: station))
  }
}
