import Foundation

/// What an audit entry answers for. Stored by its identifier, which never changes meaning;
/// an identifier this program does not know (written by a newer one) is kept as it is.
public enum AuditAction: Hashable, Sendable {
  /// Credits taken back (`credit --undo`): the entry holds the removed credit in full.
  case creditRemoved
  /// A make-up (补学) credited on a day outside the course's schedule.
  case makeUpCredited
  /// An SSH key registered for a member, or taken away: the entry holds the key's
  /// fingerprint, type and comment.
  case keyAdded, keyRemoved
  /// A station's sign-in closed: the credits written, in the entry's detail.
  case signInClosed
  /// A station's sign-in cancelled: nobody credited.
  case signInCancelled
  /// A name taken off a sign-in's list before closing, with the reason.
  case signInNameRemoved
  /// An administrator's account removed.
  case administratorRemoved
  case other(String)

  public init(identifier: String) {
    switch identifier {
    case "credit-removed": self = .creditRemoved
    case "makeup-credited": self = .makeUpCredited
    case "key-added": self = .keyAdded
    case "key-removed": self = .keyRemoved
    case "signin-closed": self = .signInClosed
    case "signin-cancelled": self = .signInCancelled
    case "signin-name-removed": self = .signInNameRemoved
    case "administrator-removed": self = .administratorRemoved
    default: self = .other(identifier)
    }
  }

  public var identifier: String {
    switch self {
    case .creditRemoved: "credit-removed"
    case .makeUpCredited: "makeup-credited"
    case .keyAdded: "key-added"
    case .keyRemoved: "key-removed"
    case .signInClosed: "signin-closed"
    case .signInCancelled: "signin-cancelled"
    case .signInNameRemoved: "signin-name-removed"
    case .administratorRemoved: "administrator-removed"
    case .other(let identifier): identifier
    }
  }
}

/// One line of the audit trail: who did what to the records, when, why, and the content of
/// what changed.
public struct AuditEntry: Hashable, Sendable {
  public var at: Date
  /// The operating-system user who ran the command; nil when unknown.
  public var actor: String?
  public var action: AuditAction
  /// The member concerned, when the action concerns one.
  public var memberID: String?
  public var reason: String?
  /// The content of what changed, as stored: a JSON object.
  public var detail: String
  /// For credit actions: the credit, read back from `detail`.
  public var credit: Credit?
  /// For sign-in actions: the showing and the members concerned, read back from `detail`.
  public var showing: ShowingAuditDetail?

  public init(
    at: Date, actor: String?, action: AuditAction, memberID: String?, reason: String?,
    detail: String
  ) {
    self.at = at
    self.actor = actor
    self.action = action
    self.memberID = memberID
    self.reason = reason
    self.detail = detail
    credit = AuditDetail.credit(from: detail)
    showing = ShowingAuditDetail(json: detail)
  }
}

/// A credit as an audit entry's JSON `detail`, and back.
enum AuditDetail {
  /// Any JSON object, keys sorted; `{}` if it cannot be written.
  static func json(_ object: [String: Any]) -> String {
    guard
      let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
      let text = String(data: data, encoding: .utf8)
    else { return "{}" }
    return text
  }

  static func json(_ credit: Credit) -> String {
    var object: [String: Any] = [
      "course_id": credit.courseID, "course_title": credit.courseTitle,
      "category_id": credit.categoryID, "date": credit.date.description,
      "half_hours": credit.hours.halves, "form": credit.form.rawValue, "source": credit.source,
    ]
    if let recordedAt = credit.recordedAt {
      object["recorded_at"] = Timestamp.string(from: recordedAt)
    }
    if let recordedBy = credit.recordedBy { object["recorded_by"] = recordedBy }
    if let reason = credit.reason { object["reason"] = reason }
    return json(object)
  }

  static func credit(from json: String) -> Credit? {
    guard let data = json.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let courseID = object["course_id"] as? String,
      let title = object["course_title"] as? String,
      let category = object["category_id"] as? String,
      let date = (object["date"] as? String).flatMap(LocalDate.init(iso:)),
      let halves = object["half_hours"] as? Int,
      let form = (object["form"] as? String).flatMap(CourseForm.init(rawValue:)),
      let source = object["source"] as? String
    else { return nil }
    return Credit(
      courseID: courseID, courseTitle: title, categoryID: category, date: date,
      hours: StudyHours(halves: halves), form: form, source: source,
      recordedAt: (object["recorded_at"] as? String).flatMap(Timestamp.date(from:)),
      recordedBy: object["recorded_by"] as? String, reason: object["reason"] as? String)
  }
}

/// A sign-in as an audit entry's JSON `detail`, and back: which showing, and the members the
/// action concerned (credited on closing, on the list when cancelled).
public struct ShowingAuditDetail: Hashable, Sendable {
  public var showingID: Int64
  public var stationID: String
  public var courseID: String
  public var courseTitle: String
  public var date: LocalDate
  /// Closing: members credited now, and those who had the credit already.
  public var credited: [String] = []
  public var alreadyCredited: [String] = []
  /// Cancelling: members on the list, none of them credited.
  public var signedIn: [String] = []

  init(_ showing: Showing) {
    showingID = showing.id
    stationID = showing.stationID
    courseID = showing.courseID
    courseTitle = showing.courseTitle
    date = showing.date
  }

  var json: String {
    AuditDetail.json([
      "showing": showingID, "station": stationID, "course_id": courseID,
      "course_title": courseTitle, "date": date.description, "credited": credited,
      "already_credited": alreadyCredited, "signed_in": signedIn,
    ])
  }

  init?(json: String) {
    guard let data = json.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let showing = (object["showing"] as? NSNumber)?.int64Value,
      let station = object["station"] as? String,
      let courseID = object["course_id"] as? String,
      let title = object["course_title"] as? String,
      let date = (object["date"] as? String).flatMap(LocalDate.init(iso:))
    else { return nil }
    showingID = showing
    stationID = station
    self.courseID = courseID
    courseTitle = title
    self.date = date
    credited = object["credited"] as? [String] ?? []
    alreadyCredited = object["already_credited"] as? [String] ?? []
    signedIn = object["signed_in"] as? [String] ?? []
  }
}
