/// Why a records operation failed; `message` is the Chinese text for the user.
public enum RecordsError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The database file could not be created or opened.
  case cannotOpen(path: String, reason: String)
  /// The database was written by a newer program (it has migrations this one does not know).
  case newerSchema(path: String, unknown: [String])
  /// Other writers held the database longer than the busy timeout.
  case busy
  /// Any other SQLite failure.
  case database(String)
  case unknownMember(String)
  /// Several member numbers in one command are unknown; nothing was written.
  case unknownMembers([String])
  case invalidMemberID(String)
  case invalidPIN
  /// A required course cannot be dropped.
  case requiredCourse(id: String, title: String)
  /// Some of the credits to remove do not exist (these members have no such credit); nothing
  /// was removed.
  case noSuchCredits(courseID: String, date: LocalDate, memberIDs: [String])
  /// A correction or a make-up needs a reason.
  case reasonRequired
  case invalidStationID(String)
  case unknownStation(String)
  case invalidAdministratorID(String)
  case unknownAdministrator(String)
  /// An administrator of one station acting at another.
  case administratorOfAnotherStation(id: String, stationID: String)
  /// One sign-in at a time per station: this one is open.
  case signInAlreadyOpen(Showing)
  case noOpenSignIn(stationID: String)
  /// The member is not on the open sign-in's list (or was taken off it already).
  case notSignedIn(String)
  /// A sign-in's course is no longer in the catalog, so its hours cannot be credited.
  case courseNotInCatalog(id: String, title: String)

  public var message: String { RecordsText.error(self) }

  public var description: String { message }
}
