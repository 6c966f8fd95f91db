/// Why a records operation failed; `message` is the Chinese text for the user.
public enum RecordsError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The database file could not be created or opened.
  case cannotOpen(path: String, reason: String)
  /// The database was written by a newer program: its schema version is above this program's,
  /// or it has migrations this one does not know. Refused before anything is written.
  case newerSchema(path: String, version: Int, known: Int, unknown: [String])
  /// The file is another application's SQLite database (these tables, none of ours).
  case foreignDatabase(path: String, tables: [String])
  /// The file is not an SQLite database at all.
  case notADatabase(path: String)
  /// Other writers held the database longer than the busy timeout.
  case busy
  /// Any other failure; the text is Chinese (see `sqlite(code:detail:)`).
  case database(String)
  /// An SQLite failure: its result code (explained in Chinese) and SQLite's own text.
  case sqlite(code: Int32, detail: String)
  /// A PostgreSQL failure: its SQLSTATE (explained in Chinese) and the server's own text.
  case postgres(code: String, detail: String)
  /// `--db` or `COURSE_MENU_DB` looks like a `postgresql://` URL but is not one we can use.
  case invalidDatabaseURL(String)
  /// A `postgresql://` URL with a password in it: refused, as the command line is no place for
  /// one.
  case passwordInURL
  /// A write asked of a store opened read-only.
  case readOnly
  case unknownMember(String)
  /// Several member numbers in one command are unknown; nothing was written.
  case unknownMembers([String])
  case invalidMemberID(String)
  /// A new member number equal to a stored one but for leading zeros.
  case numberWrittenTwoWays(written: String, stored: String)
  case invalidPIN
  /// A required course cannot be dropped.
  case requiredCourse(id: String, title: String)
  /// Some of the credits to remove do not exist (these members have no such credit); nothing
  /// was removed.
  case noSuchCredits(courseID: String, date: LocalDate, memberIDs: [String])
  /// These members had not joined the Party by the day to credit; nothing was written.
  case creditBeforeJoining(date: LocalDate, members: [MemberJoining])
  /// A correction or a make-up needs a reason.
  case reasonRequired
  /// The course has no such lesson page (the catalog changed).
  case noSuchLessonPage(courseID: String, page: Int)
  /// The course has no test.
  case noQuiz(courseID: String)
  /// The attempt's questions are no longer the course's questions as drawn (the catalog
  /// changed since the attempt started).
  case quizChanged(courseID: String)
  /// The attempt was handed in or left already, or is not this member's.
  case attemptNotOpen
  /// The key is registered to another member already; a key opens one member's records only.
  case keyOfAnotherMember(fingerprint: String, memberID: String)
  /// The member has no key with this fingerprint.
  case noSuchKey(memberID: String, fingerprint: String)
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

  /// A rating of a course the member has not been credited in that training year.
  case notCredited(courseID: String, year: Int)
  /// A rating whose answers are not one per question of the catalog's questions, in range.
  case ratingDoesNotFit
  /// Survey answers that name no topic of the survey, too many topics, or a choice not
  /// offered.
  case surveyAnswersDoNotFit

  public var message: String { RecordsText.error(self) }

  public var description: String { message }
}

/// A member and the day they joined, for `RecordsError.creditBeforeJoining`.
public struct MemberJoining: Hashable, Sendable {
  public var memberID: String
  public var name: String
  public var joined: LocalDate

  public init(memberID: String, name: String, joined: LocalDate) {
    self.memberID = memberID
    self.name = name
    self.joined = joined
  }
}
