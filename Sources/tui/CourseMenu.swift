import ArgumentParser

/// The `course-menu` command: the member UI by default, plus the curators' and
/// administrators' subcommands.
@main
struct CourseMenu: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "course-menu",
    abstract: CommandText.rootAbstract,
    discussion: CommandText.rootDiscussion,
    subcommands: [
      BrowseCommand.self, CheckCommand.self, TomlJSONCommand.self, MembersCommand.self,
      CreditCommand.self, ReportCommand.self, AuditCommand.self, QuizCommand.self,
      SSHCommand.self,
      StationsCommand.self, AdminsCommand.self, SignInCommand.self, SignUpsCommand.self,
      RecordsCommand.self,
    ],
    defaultSubcommand: BrowseCommand.self,
    helpNames: [.short, .long]
  )
}
