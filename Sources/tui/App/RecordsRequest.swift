import Catalog

/// A read or write of the records that `update` asks for (inside `Effect.records`); the app
/// loop carries it out between keys and hands the answer back as `Event.records`.
enum RecordsRequest: Hashable, Sendable {
  /// Check the member's PIN; on success read their records.
  case logIn(memberID: String, pin: String)
  /// Read the member's records again (another session or an administrator may have written).
  case load(memberID: String)
  case select(courseID: String, memberID: String)
  case drop(courseID: String, memberID: String)

  var memberID: String {
    switch self {
    case .logIn(let id, _), .load(let id), .select(_, let id), .drop(_, let id): id
    }
  }

  /// What failed, without the PIN.
  var failure: RecordsReply.Failure {
    switch self {
    case .logIn(let id, _): .logIn(memberID: id)
    case .load(let id): .load(memberID: id)
    case .select(let course, let id): .select(courseID: course, memberID: id)
    case .drop(let course, let id): .drop(courseID: course, memberID: id)
    }
  }
}

/// The answer to a `RecordsRequest`.
enum RecordsReply: Hashable, Sendable {
  case loggedIn(MemberRecords)
  case loginRefused(memberID: String, LoginRefusal)
  case loaded(MemberRecords)
  /// A selection written (or found already as asked: `changed` is false), and the records after.
  case selected(courseID: String, changed: Bool, MemberRecords)
  case dropped(courseID: String, changed: Bool, MemberRecords)
  /// Nothing was written; `message` says why, in Chinese.
  case failed(Failure, message: String)

  enum LoginRefusal: Hashable, Sendable {
    case wrongPIN(remaining: Int)
    case locked(until: ClockTime)
    case unknownMember
    case noPIN
  }

  enum Failure: Hashable, Sendable {
    case logIn(memberID: String)
    case load(memberID: String)
    case select(courseID: String, memberID: String)
    case drop(courseID: String, memberID: String)
  }
}
