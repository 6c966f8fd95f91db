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
  case other(String)

  public init(identifier: String) {
    switch identifier {
    case "credit-removed": self = .creditRemoved
    case "makeup-credited": self = .makeUpCredited
    case "key-added": self = .keyAdded
    case "key-removed": self = .keyRemoved
    default: self = .other(identifier)
    }
  }

  public var identifier: String {
    switch self {
    case .creditRemoved: "credit-removed"
    case .makeUpCredited: "makeup-credited"
    case .keyAdded: "key-added"
    case .keyRemoved: "key-removed"
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
  }
}

/// A credit as an audit entry's JSON `detail`, and back.
enum AuditDetail {
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
    guard
      let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
      let text = String(data: data, encoding: .utf8)
    else { return "{}" }
    return text
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
