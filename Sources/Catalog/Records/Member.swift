import Foundation

/// A Party member as the records know them.
public struct Member: Hashable, Sendable, Identifiable {
  /// The member number (党员编号): digits only, so it can be typed on a kiosk keypad.
  public var id: String
  public var name: String
  /// The branch (支部).
  public var branch: String
  public var domain: MemberDomain
  public var role: MemberRole
  public var joined: LocalDate
  public var floating: Bool
  public var hasPIN: Bool
  /// Wrong PINs typed with this number since the last success, and the wait they cost.
  public var throttle: LoginThrottle

  public init(
    id: String, name: String, branch: String, domain: MemberDomain, role: MemberRole,
    joined: LocalDate, floating: Bool = false, hasPIN: Bool = false,
    throttle: LoginThrottle = LoginThrottle()
  ) {
    self.id = id
    self.name = name
    self.branch = branch
    self.domain = domain
    self.role = role
    self.joined = joined
    self.floating = floating
    self.hasPIN = hasPIN
    self.throttle = throttle
  }

  public var profile: MemberProfile {
    MemberProfile(role: role, domain: domain, joined: joined, floating: floating)
  }

  /// 1 to 20 ASCII digits.
  public static func isValidID(_ id: String) -> Bool {
    (1...20).contains(id.utf8.count) && id.utf8.allSatisfy { (0x30...0x39).contains($0) }
  }

  /// The number a member number stands for: its digits without leading zeros (`01004` and
  /// `1004` are both 1004).
  public static func numberValue(_ id: String) -> Substring {
    id.drop { $0 == "0" }
  }
}

/// A member as an administrator writes them in a roster file, before they are stored.
public struct MemberDraft: Hashable, Sendable {
  public var id: String
  public var name: String
  public var branch: String
  public var domain: MemberDomain
  public var role: MemberRole
  public var joined: LocalDate
  public var floating: Bool
  /// A new PIN; nil keeps the stored one.
  public var pin: String?

  public init(
    id: String, name: String, branch: String, domain: MemberDomain, role: MemberRole,
    joined: LocalDate, floating: Bool = false, pin: String? = nil
  ) {
    self.id = id
    self.name = name
    self.branch = branch
    self.domain = domain
    self.role = role
    self.joined = joined
    self.floating = floating
    self.pin = pin
  }
}

/// A course a member has chosen (选学).
public struct Selection: Hashable, Sendable {
  public var courseID: String
  public var selectedAt: Date

  public init(courseID: String, selectedAt: Date) {
    self.courseID = courseID
    self.selectedAt = selectedAt
  }
}

/// The answer to a login attempt (see `LoginThrottle`).
public enum AuthenticationResult: Hashable, Sendable {
  case ok(Member)
  /// The number and PIN do not match: a wrong PIN, a number no member has, or a member with no
  /// PIN yet, all answered alike so that nobody learns which numbers exist. After
  /// `freeAttemptsLeft` more failures the number must wait; `retryAt` is when the next attempt
  /// may come, when it must wait now.
  case refused(freeAttemptsLeft: Int, retryAt: Date?)
  /// Not checked: the number must wait until then after too many wrong PINs in a row.
  case mustWait(until: Date)
  /// Not checked: `LoginThrottle.lockFailures` wrong PINs in a row; an administrator must
  /// unlock the number (`members unlock`).
  case locked
}

/// What crediting one course on one day did.
public struct CreditOutcome: Hashable, Sendable {
  /// Members credited now, in the order given.
  public var credited: [String]
  /// Members who already had this course on this day (an online course: in this training
  /// year); left as they were.
  public var alreadyCredited: [String]

  public init(credited: [String] = [], alreadyCredited: [String] = []) {
    self.credited = credited
    self.alreadyCredited = alreadyCredited
  }
}

/// What importing a roster did.
public struct ImportOutcome: Hashable, Sendable {
  public var added: [String] = []
  public var updated: [String] = []
  public var unchanged: [String] = []

  public init(added: [String] = [], updated: [String] = [], unchanged: [String] = []) {
    self.added = added
    self.updated = updated
    self.unchanged = unchanged
  }
}
