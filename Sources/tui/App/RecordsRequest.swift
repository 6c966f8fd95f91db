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

  /// What the store answered (`AuthenticationResult`), as the login screen shows it: the
  /// screen learns attempts and waits from here, never from the store's policy.
  enum LoginRefusal: Hashable, Sendable {
    /// The number and PIN do not match (whether or not the number exists). After
    /// `freeAttemptsLeft` more failures attempts must wait; `retry` is when the next may
    /// come, when it must wait now.
    case refused(freeAttemptsLeft: Int, retry: ClockTime?)
    /// Not checked: too many wrong PINs in a row; the next attempt may come then.
    case mustWait(until: ClockTime)
    /// Not checked: an administrator must unlock the number.
    case locked
  }

  enum Failure: Hashable, Sendable {
    case logIn(memberID: String)
    case load(memberID: String)
    case select(courseID: String, memberID: String)
    case drop(courseID: String, memberID: String)
  }
}
