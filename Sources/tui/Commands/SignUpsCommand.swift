import ArgumentParser
import Catalog
import Foundation

/// `course-menu signups --course ID --date D [--format text|csv]`: who signed up for a
/// course's sessions starting on a day, for the organiser.
struct SignUpsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "signups", abstract: StationText.signUpsAbstract)

  @Option(help: ArgumentHelp(StationText.signUpsCourseHelp))
  var course: String

  @Option(help: ArgumentHelp(StationText.signUpsDateHelp))
  var date: String

  @Option(help: ArgumentHelp(StationText.formatHelp))
  var format: ReportCommand.Format = .text

  @OptionGroup var records: RecordsOptions
  @OptionGroup var catalogOptions: CatalogOptions

  func validate() throws {
    if LocalDate(iso: date) == nil { throw ValidationError(AdminText.invalidDate(date)) }
  }

  func run() throws {
    let day = LocalDate(iso: date)!
    let catalog = try catalogOptions.loadCatalog()
    guard let course = catalog.course(id: course) else {
      printError(AdminText.unknownCourse(self.course))
      throw ExitCode(1)
    }
    let sessions = course.sessions.filter { $0.date == day }
    guard !sessions.isEmpty else {
      for line in StationText.noSession(course, date: day) { printError(line) }
      throw ExitCode(1)
    }
    let store = try records.openForReading()
    let signUps = try reportingRecordsErrors {
      try store?.signUps(courseID: course.id, date: day) ?? []
    }
    let list = SignUpList(course: course, sessions: sessions, signUps: signUps)
    switch format {
    case .text:
      printOutput(lines: list.lines)
    case .csv:
      writeOutput(
        try CSVFile.document(header: StationText.signUpsCSVHeader, rows: list.csvRows))
    }
  }
}

/// A course's sign-ups on a day, session by session (a course may meet at two places on one
/// day). Pure, so its lines can be tested as written.
struct SignUpList {
  let course: Course
  let sessions: [CourseSession]
  let signUps: [SignUp]

  func signUps(of session: CourseSession) -> [SignUp] {
    signUps.filter { $0.session.place == session.place }
  }

  func rows(of session: CourseSession) -> [[String]] {
    signUps(of: session).enumerated().map { index, signUp in
      [
        String(index + 1), signUp.member.id, signUp.member.name, signUp.member.branch,
        LocalTime(signUp.at).dateTimeText,
      ]
    }
  }

  var text: String { lines.joined(separator: "\n") }

  var lines: [String] {
    var output: [String] = []
    for session in sessions {
      if !output.isEmpty { output.append("") }
      let rows = rows(of: session)
      output.append(StationText.signUpsTitle(course, session: session, taken: rows.count))
      guard !rows.isEmpty else { continue }
      var table = TextTable(header: StationText.signUpsHeader)
      table.rows = rows
      output += table.lines
    }
    return output
  }

  var csvRows: [[String]] {
    sessions.flatMap { session in
      rows(of: session).map { row in
        [course.id, course.title, session.date.description, session.place] + row
      }
    }
  }
}
