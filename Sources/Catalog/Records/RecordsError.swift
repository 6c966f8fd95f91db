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
  /// The key is registered to another member already; a key opens one member's records only.
  case keyOfAnotherMember(fingerprint: String, memberID: String)
  /// The member has no key with this fingerprint.
  case noSuchKey(memberID: String, fingerprint: String)

  public var message: String { RecordsText.error(self) }

  public var description: String { message }
}
