import ArgumentParser
import Catalog
import Foundation

/// `--member N` and `--since DATE`, shared by `audit` and `report sessions`: one member's
/// entries, from one local day on.
struct AuditFilterOptions: ParsableArguments {
  @Option(help: ArgumentHelp(AdminText.auditMemberHelp))
  var member: String?

  @Option(help: ArgumentHelp(AdminText.auditSinceHelp))
  var since: String?

  func validate() throws {
    if let member, !Member.isValidID(member) {
      throw ValidationError(AdminText.invalidMemberList([member]))
    }
    if let since, LocalDate(iso: since) == nil {
      throw ValidationError(AdminText.invalidDate(since))
    }
  }

  /// The start of `--since`'s day, local time.
  var start: Date? { since.flatMap(LocalDate.init(iso:)).map(LocalTime.start(of:)) }

  /// The records, read-only. Nil when there is no database yet: nothing has happened, so
  /// `empty` is printed (or, with `--member`, that no such member exists: status 1).
  func openForReading(_ records: RecordsOptions, empty: String) throws -> RecordsStore? {
    if let store = try records.openForReading() { return store }
    if let member {
      printError(RecordsError.unknownMember(member).message)
      throw ExitCode(1)
    }
    printOutput(empty)
    return nil
  }

  /// Checks that `--member` is a member of `store` (a typo would list nothing); returns
  /// every member's name by number, for the listing.
  func names(in store: RecordsStore) throws -> [String: String] {
    if let member { _ = try store.memberOrExit(id: member) }
    return try reportingRecordsErrors {
      Dictionary(try store.members().map { ($0.id, $0.name) }) { first, _ in first }
    }
  }
}

/// A member number as the argument of a `members` subcommand, with the records: the member,
/// or a message and status 1.
struct OneMemberArguments: ParsableArguments {
  @Argument(help: ArgumentHelp(AdminText.memberIDHelp))
  var id: String

  @OptionGroup var records: RecordsOptions

  func open() throws -> (RecordsStore, Member) {
    let store = try records.open()
    return (store, try store.memberOrExit(id: id))
  }
}
